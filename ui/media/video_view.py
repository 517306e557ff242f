"""Paints the current frame: fit to the widget, zoom and pan, and a view-only lift for dark footage.

Also what is *not* a frame, in words: nothing open (what to do next),
opening, a file that would not open, a frame that would not decode, a
damaged frame's mark; and a short on-screen display (OSD) of the last action.
"""

from __future__ import annotations

import numpy as np
from PySide6.QtCore import QPointF, QRectF, Qt, QTimer, Signal
from PySide6.QtGui import QColor, QFont, QImage, QMouseEvent, QPainter, QPen, QWheelEvent
from PySide6.QtWidgets import QSizePolicy, QWidget

from ui.media.screen import Screen, Showing

OSD_MS = 1800
_PICTURE = (Showing.FRAME, Showing.PLAYING)


def lift_lut(brightness: int, contrast: float) -> np.ndarray:
    """A 256-entry table: contrast around mid-grey, then brightness; clipped to 0..255."""
    x = np.arange(256, dtype=np.float32)
    y = (x - 128.0) * contrast + 128.0 + brightness
    return np.clip(y, 0, 255).astype(np.uint8)


def apply_lift(image: QImage, brightness: int, contrast: float) -> QImage:
    if brightness == 0 and contrast == 1.0:
        return image
    src = image.convertToFormat(QImage.Format.Format_BGR888)
    w, h, stride = src.width(), src.height(), src.bytesPerLine()
    buf = np.frombuffer(src.constBits(), np.uint8, count=stride * h).reshape(h, stride)
    out = lift_lut(brightness, contrast)[buf]
    return QImage(out.data, w, h, stride, QImage.Format.Format_BGR888).copy()


class VideoView(QWidget):
    """Shows one image; the wheel zooms about the cursor, dragging pans, double-click fits."""

    zoomChanged = Signal(float)
    displayWidthChanged = Signal(object)  # device pixels wanted, None for full resolution
    fullscreenRequested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("videoView")
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.setMinimumSize(320, 180)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)  # the review keys act where the video is
        self._source = QImage()
        self._shown = QImage()
        self._zoom = 1.0  # 1.0 = fit to widget
        self._center = QPointF(0.5, 0.5)  # image point at the widget's centre, 0..1
        self._drag_from: QPointF | None = None
        self._brightness, self._contrast = 0, 1.0
        self.lang = "zh_CN"
        self.empty_hint = ""
        self._screen = Screen()
        self._osd = ""
        self._osd_timer = QTimer(self)
        self._osd_timer.setSingleShot(True)
        self._osd_timer.timeout.connect(self._hide_osd)
        self.image_filter = None  # applied before painting (the redaction preview, #15)

    def set_image(self, image: QImage) -> None:
        if self._screen.showing not in _PICTURE:
            return  # a late picture must not appear over "opening…" or a failure
        self._source = image
        shown = self.image_filter(image) if self.image_filter is not None else image
        self._shown = apply_lift(shown, self._brightness, self._contrast)
        self.update()

    def set_screen(self, screen: Screen) -> None:
        self._screen = screen
        if screen.showing not in _PICTURE:
            self._source, self._shown = QImage(), QImage()
            if screen.showing is not Showing.BROKEN:
                self._hide_osd()  # "→ frame 259" belonged to the file before
        self.update()

    def message(self) -> str:
        """The words shown instead of (or over) a picture; empty when a good frame is shown."""
        s = self._screen
        if s.showing is Showing.NOTHING:
            return self.empty_hint
        if s.showing is Showing.OPENING:
            return self.tr("Opening %1…").replace("%1", s.name)
        if s.showing is Showing.FAILED and s.failure is not None:
            reason = s.failure.message(self.lang)
            return self.tr("Could not open this file.\n%1").replace("%1", reason)
        if s.showing is Showing.BROKEN and s.failure is not None:
            text = self.tr("Frame %1 could not be decoded: %2\nStep on with → or ←.")
            return text.replace("%1", str(s.index)).replace("%2", s.failure.message(self.lang))
        if s.damaged:
            return self.tr("Damaged frame")
        return ""

    # -- on-screen display --------------------------------------------------

    def show_osd(self, text: str) -> None:
        self._osd = text
        self._osd_timer.start(OSD_MS)
        self.update()

    def osd_text(self) -> str:
        return self._osd

    def _hide_osd(self) -> None:
        self._osd = ""
        self.update()

    def image(self) -> QImage:
        return self._source

    def set_lift(self, brightness: int, contrast: float) -> None:
        self._brightness, self._contrast = brightness, contrast
        self.set_image(self._source)

    @property
    def zoom(self) -> float:
        return self._zoom

    def set_zoom(self, zoom: float, anchor: QPointF | None = None) -> None:
        zoom = min(max(zoom, 1.0), 16.0)
        if anchor is not None and not self._source.isNull():
            before = self._image_point(anchor)
            self._zoom = zoom
            after = self._image_point(anchor)
            self._center += before - after
        self._zoom = zoom
        if zoom == 1.0:
            self._center = QPointF(0.5, 0.5)
        self.update()
        self.zoomChanged.emit(zoom)
        self.displayWidthChanged.emit(self.wanted_width())

    def wanted_width(self) -> int | None:
        if self._zoom > 1.0:
            return None
        return int(self.width() * self.devicePixelRatioF())

    def resizeEvent(self, event) -> None:  # noqa: N802
        super().resizeEvent(event)
        self.displayWidthChanged.emit(self.wanted_width())

    def target_rect(self) -> QRectF:
        """Where the image is painted, in widget coordinates."""
        if self._source.isNull():
            return QRectF()
        iw, ih = self._source.width(), self._source.height()
        fit = min(self.width() / iw, self.height() / ih) * self._zoom
        w, h = iw * fit, ih * fit
        x = self.width() / 2 - self._center.x() * w
        y = self.height() / 2 - self._center.y() * h
        return QRectF(x, y, w, h)

    def _image_point(self, pos: QPointF) -> QPointF:
        r = self.target_rect()
        return QPointF((pos.x() - r.x()) / r.width(), (pos.y() - r.y()) / r.height())

    def paintEvent(self, _event: object) -> None:
        painter = QPainter(self)
        painter.fillRect(self.rect(), QColor(20, 20, 20))
        if not self._shown.isNull():
            painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform, self._zoom < 2)
            painter.drawImage(self.target_rect(), self._shown)
        if self._screen.damaged:
            self._paint_damaged(painter)
        elif self.message():
            self._paint_message(painter, self.message())
        if self._osd:
            self._paint_osd(painter)
        painter.end()

    def _paint_message(self, p: QPainter, text: str) -> None:
        p.setPen(QColor(230, 230, 230))
        font = QFont(self.font())
        font.setPointSizeF(font.pointSizeF() * 1.3)
        p.setFont(font)
        box = self.rect().adjusted(40, 40, -40, -40)
        p.drawText(box, Qt.AlignmentFlag.AlignCenter | Qt.TextFlag.TextWordWrap, text)

    def _paint_damaged(self, p: QPainter) -> None:
        """A frame the decoder could not make: marked so nobody takes it for evidence of a scene."""
        p.setPen(QPen(QColor(230, 60, 40), 6))
        p.setBrush(Qt.BrushStyle.NoBrush)
        p.drawRect(self.rect().adjusted(3, 3, -3, -3))
        band = QRectF(0, self.height() / 2 - 30, self.width(), 60)
        p.fillRect(band, QColor(160, 20, 10, 210))
        p.setPen(QColor(255, 255, 255))
        font = QFont(self.font())
        font.setPointSizeF(font.pointSizeF() * 1.6)
        font.setBold(True)
        p.setFont(font)
        p.drawText(band, Qt.AlignmentFlag.AlignCenter, "⚠ " + self.message())

    def _paint_osd(self, p: QPainter) -> None:
        font = QFont(self.font())
        font.setPointSizeF(font.pointSizeF() * 1.4)
        font.setBold(True)
        p.setFont(font)
        rect = p.fontMetrics().boundingRect(self._osd).adjusted(-12, -8, 12, 8)
        rect.moveTopLeft(self.rect().topLeft() + QPointF(14, 14).toPoint())
        p.fillRect(rect, QColor(0, 0, 0, 170))
        p.setPen(QColor(255, 255, 255))
        p.drawText(rect, Qt.AlignmentFlag.AlignCenter, self._osd)

    def wheelEvent(self, event: QWheelEvent) -> None:
        factor = 1.25 if event.angleDelta().y() > 0 else 0.8
        self.set_zoom(self._zoom * factor, event.position())

    def mousePressEvent(self, event: QMouseEvent) -> None:
        if event.button() == Qt.MouseButton.LeftButton and self._zoom > 1.0:
            self._drag_from = event.position()

    def mouseMoveEvent(self, event: QMouseEvent) -> None:
        if self._drag_from is None:
            return
        r = self.target_rect()
        delta = event.position() - self._drag_from
        self._center -= QPointF(delta.x() / r.width(), delta.y() / r.height())
        self._drag_from = event.position()
        self.update()

    def mouseReleaseEvent(self, _event: QMouseEvent) -> None:
        self._drag_from = None

    def mouseDoubleClickEvent(self, _event: QMouseEvent) -> None:
        self.fullscreenRequested.emit()
