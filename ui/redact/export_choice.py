"""The export dialog's privacy row: redacted by default once the project has regions; an
explicit "unredacted" box (every picture then marked 未打码 · 内部资料); mosaic or blur;
and the tags whose redaction nobody signed off, listed before anything is written."""

from __future__ import annotations

from PySide6.QtWidgets import QCheckBox, QComboBox, QHBoxLayout, QLabel, QVBoxLayout, QWidget

from reviewer.redact import regions


class RedactionChoice(QWidget):
    def __init__(self, session, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("redactionChoice")
        self.session = session
        self.unredacted = QCheckBox(self.tr("Unredacted, internal only (marked 未打码 · 内部资料)"))
        self.style = QComboBox()
        self.style.addItem(self.tr("Mosaic"), "mosaic")
        self.style.addItem(self.tr("Blur"), "blur")
        self.warning = QLabel()
        self.warning.setObjectName("redactionWarning")
        self.warning.setWordWrap(True)
        self.warning.setStyleSheet("color: #8a1c12;")
        row = QHBoxLayout()
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.style)
        row.addWidget(self.unredacted, 1)
        column = QVBoxLayout(self)
        column.setContentsMargins(0, 0, 0, 0)
        column.addLayout(row)
        column.addWidget(self.warning)

    def mode(self) -> str:
        """Pictures leave redacted unless unredacted is chosen by name (ADR 0014)."""
        return "off" if self.unredacted.isChecked() else "on"

    def style_name(self) -> str:
        return str(self.style.currentData())

    def check(self, tags: list) -> None:
        """Say, before the export runs, what leaves unredacted or unchecked."""
        mode = self.mode()
        if mode == "off":
            text = self.tr("Unredacted export: every picture is marked 未打码 · 内部资料.")
        elif not regions.in_use(self.session.project):
            text = self.tr("No face detection has run yet: faces are found and mosaicked during "
                           "the export (slower; Detect in the privacy panel lets you check them "
                           "first).")
        else:
            left = regions.unchecked(self.session.project, tags)
            text = self.tr("Redaction not checked for %1 tag(s): %2").replace(
                "%1", str(len(left))).replace("%2", "、".join(t.uuid[:8] for t in left[:20])) \
                if left else ""
        self.warning.setText(text)
