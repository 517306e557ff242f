"""A tag's stills as thumbnails; a click opens the frame full size.

Pictures are grabbed again from the footage (the project keeps only the
time and pts), on a worker, and kept in memory while the window is open.
"""

from __future__ import annotations

from pathlib import Path

import numpy as np
from PySide6.QtCore import QSize, Qt, Signal
from PySide6.QtGui import QIcon, QImage, QPixmap
from PySide6.QtWidgets import (
    QDialog,
    QHBoxLayout,
    QLabel,
    QScrollArea,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from reviewer.store.model import Still
from reviewer.timecode import format_ms
from ui.workers import CancelToken, TaskRunner

THUMB = QSize(96, 54)


def grab_stills(path: Path, times_ms: list[int], token: CancelToken, progress) -> list[np.ndarray]:
    """The frame on screen at each time, full size, display-rotated (BGR)."""
    from reviewer.media.source import FrameSource

    out = []
    with FrameSource(path, prefetch=False) as source:
        for n, t in enumerate(times_ms):
            if token.cancelled:
                break
            out.append(np.ascontiguousarray(source.frame_at_ms(t).to_bgr()))
            progress(n + 1, len(times_ms))
    return out


def _qimage(bgr: np.ndarray) -> QImage:
    h, w = bgr.shape[:2]
    return QImage(bgr.data, w, h, bgr.strides[0], QImage.Format.Format_BGR888).copy()


class StillStrip(QWidget):
    """Thumbnails of one tag's stills; empty text when there are none."""

    opened = Signal(object)  # QImage shown full size

    def __init__(self, runner: TaskRunner | None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("stillStrip")
        self.runner = runner
        self._pictures: dict[tuple[str, int], QImage] = {}
        self._wanted: tuple[str, tuple[Still, ...]] = ("", ())
        self.row = QHBoxLayout(self)
        self.row.setContentsMargins(0, 0, 0, 0)
        self.empty = QLabel(self.tr("No stills yet: select the tag and press S on a frame"))
        self.empty.setWordWrap(True)
        self.row.addWidget(self.empty)
        self.buttons: list[QToolButton] = []

    def show_stills(self, media_id: str, path: Path | None, stills: tuple[Still, ...]) -> None:
        self._wanted = (media_id, stills)
        self._lay_out()
        missing = [s.pts_ms for s in stills if (media_id, s.pts_ms) not in self._pictures]
        if missing and path is not None and self.runner is not None:
            self.runner.submit(
                grab_stills, path, missing,
                on_done=lambda images, m=media_id, t=missing: self._grabbed(m, t, images),
            )  # fmt: skip

    def _grabbed(self, media_id: str, times: list[int], images: list[np.ndarray]) -> None:
        for t, bgr in zip(times, images, strict=False):
            self._pictures[(media_id, t)] = _qimage(bgr)
        self._lay_out()

    def _lay_out(self) -> None:
        for button in self.buttons:
            self.row.removeWidget(button)
            button.deleteLater()
        self.buttons = []
        media_id, stills = self._wanted
        self.empty.setVisible(not stills)
        for still in stills:
            self.buttons.append(self._button(media_id, still))
            self.row.addWidget(self.buttons[-1])

    def _button(self, media_id: str, still: Still) -> QToolButton:
        button = QToolButton()
        button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextUnderIcon)
        button.setText(format_ms(still.pts_ms))
        button.setIconSize(THUMB)
        picture = self._pictures.get((media_id, still.pts_ms))
        if picture is not None:
            button.setIcon(
                QIcon(QPixmap.fromImage(picture.scaled(THUMB, Qt.AspectRatioMode.KeepAspectRatio)))
            )
            button.clicked.connect(lambda _c=False, p=picture: self.opened.emit(p))
        else:
            button.setToolTip(self.tr("Loading…"))
        return button


class StillViewer(QDialog):
    """One still at full size (scrolls when larger than the screen)."""

    def __init__(self, image: QImage, title: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("stillViewer")
        self.setWindowTitle(title)
        label = QLabel()
        label.setPixmap(QPixmap.fromImage(image))
        area = QScrollArea()
        area.setWidget(label)
        layout = QVBoxLayout(self)
        layout.addWidget(area)
        self.resize(min(image.width() + 40, 1400), min(image.height() + 40, 900))
