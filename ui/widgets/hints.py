"""Item views that say what to do next when they are empty, instead of showing a blank box."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QPainter
from PySide6.QtWidgets import QListWidget, QTableView


def _paint_hint(view, text: str) -> None:
    painter = QPainter(view.viewport())
    painter.setPen(QColor(130, 130, 130))
    box = view.viewport().rect().adjusted(16, 16, -16, -16)
    painter.drawText(box, Qt.AlignmentFlag.AlignCenter | Qt.TextFlag.TextWordWrap, text)
    painter.end()


class HintTable(QTableView):
    hint = ""

    def paintEvent(self, event) -> None:  # noqa: N802
        super().paintEvent(event)
        model = self.model()
        if self.hint and model is not None and model.rowCount() == 0:
            _paint_hint(self, self.hint)


class HintList(QListWidget):
    hint = ""

    def paintEvent(self, event) -> None:  # noqa: N802
        super().paintEvent(event)
        if self.hint and self.count() == 0:
            _paint_hint(self, self.hint)
