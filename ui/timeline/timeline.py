"""The timeline: filmstrip, tags as coloured marks, what has been watched, the playhead.

Click or drag on empty space to seek; drag a mark (or a range's edge) to
move it, which is reported once on release as an undoable edit. Ctrl+wheel
zooms about the cursor, the wheel scrolls.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
from PySide6.QtCore import QPointF, QRectF, Qt, Signal
from PySide6.QtGui import (
    QColor,
    QImage,
    QMouseEvent,
    QPainter,
    QPen,
    QPixmap,
    QPolygonF,
    QWheelEvent,
)
from PySide6.QtWidgets import QSizePolicy, QWidget

from reviewer.review.coverage import Coverage
from ui.timeline.bands import Bands

STRIP_H, MARKS_H, BAND_H = 48, 30, 6
_GRAB_PX = 5
_DENSE = 400  # above this many tags the timeline paints per pixel column, not per tag


@dataclass(frozen=True)
class Mark:
    """A tag as the timeline draws it; ``end_ms`` None for a point tag."""

    key: str
    start_ms: int
    end_ms: int | None
    color: QColor
    selected: bool = False
    overdue: bool = False  # past its rectification deadline (reviewer/campaign): flagged red


@dataclass(frozen=True)
class _Drag:
    key: str
    part: str  # "move", "start", "end", "seek"
    origin_ms: int
    start_ms: int
    end_ms: int | None


class TimelineWidget(QWidget):
    seekRequested = Signal(int)
    markMoved = Signal(str, int, object)  # key, new start, new end (None for a point)
    markClicked = Signal(str)
    zoomed = Signal(float)  # how many times the whole file the view is magnified

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("timeline")
        self.bands = Bands(self)  # other features' lanes (scan findings, #16)
        self.setMinimumHeight(STRIP_H + MARKS_H + BAND_H + 8 + self.bands.height())
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self.setMouseTracking(True)
        self._duration = 0
        self._view = (0, 1)
        self._position = 0
        self._thumbs: dict[tuple[int, int], QImage] = {}
        self._slots: list[tuple[int, int]] = []  # filmstrip slots still to come: placeholders
        self._marks: list[Mark] = []
        self._starts = np.zeros(0, dtype=np.int64)
        self._arrays = (self._starts, self._starts, np.zeros(0, dtype=np.uint32))
        self._layers: dict[int, tuple[np.ndarray, np.ndarray]] = {}
        self._layer_key: object = None
        self._marks_key: object = None
        self._marks_pixmap = QPixmap()
        self._coverage = Coverage()
        self._drag: _Drag | None = None
        self._preview: dict[str, tuple[int, int | None]] = {}

    # -- data in ----------------------------------------------------------

    def set_duration(self, ms: int) -> None:
        self._duration = max(1, int(ms))
        self._view = (0, self._duration)
        self._thumbs.clear()
        self.update()

    def set_position(self, ms: int) -> None:
        self._position = int(ms)
        self._keep_visible(self._position)
        self.update()

    def clear_thumbnails(self) -> None:
        self._thumbs.clear()
        self._slots = []
        self.update()

    def set_slots(self, slots: list[tuple[int, int]]) -> None:
        """Where filmstrip pictures will go; grey placeholders until each arrives."""
        self._slots = list(slots)
        self.update()

    def slot_width(self) -> float:
        """A 16:9 picture at strip height: the filmstrip asks for one picture per slot of this."""
        return STRIP_H * 16 / 9

    def add_thumbnail(self, start_ms: int, end_ms: int, image: QImage) -> None:
        """A filmstrip picture covering [start_ms, end_ms) of the timeline."""
        self._thumbs[(start_ms, end_ms)] = image
        self.update()

    def set_marks(self, marks: list[Mark]) -> None:
        self._marks = sorted(marks, key=lambda m: m.start_ms)
        n = len(self._marks)
        self._starts = np.fromiter((m.start_ms for m in self._marks), np.int64, n)
        ends = np.fromiter((-1 if m.end_ms is None else m.end_ms for m in self._marks), np.int64, n)
        colors = np.fromiter((m.color.rgba() for m in self._marks), np.uint32, n)
        self._arrays = (self._starts, ends, colors)
        self._layer_key = None
        self._preview.clear()
        self.update()

    def set_coverage(self, coverage: Coverage) -> None:
        self._coverage = coverage
        self.update()

    @property
    def visible_range(self) -> tuple[int, int]:
        return self._view

    def zoom_to(self, start_ms: int, end_ms: int) -> None:
        span = max(200, end_ms - start_ms)
        start = min(max(0, start_ms), max(0, self._duration - span))
        before = self._view[1] - self._view[0]
        self._view = (start, min(self._duration, start + span))
        self.update()
        if self._view[1] - self._view[0] != before:
            self.zoomed.emit(self._duration / max(1, self._view[1] - self._view[0]))

    # -- coordinates ------------------------------------------------------

    def x_of(self, ms: float) -> float:
        start, end = self._view
        return (ms - start) / max(1, end - start) * self.width()

    def ms_at(self, x: float) -> int:
        start, end = self._view
        return int(round(start + x / max(1, self.width()) * (end - start)))

    def _keep_visible(self, ms: int) -> None:
        start, end = self._view
        if not start <= ms <= end:
            self.zoom_to(ms - (end - start) // 2, ms + (end - start) // 2)

    # -- painting ---------------------------------------------------------

    def paintEvent(self, _event: object) -> None:
        p = QPainter(self)
        p.fillRect(self.rect(), QColor(34, 34, 38))
        self._paint_strip(p)
        self._paint_marks(p)
        self._paint_coverage(p)
        self.bands.paint(p, self.x_of, STRIP_H + MARKS_H + BAND_H + 6, self.width())
        x = self.x_of(self._position)
        p.setPen(QPen(QColor(255, 80, 60), 2))
        p.drawLine(QPointF(x, 0), QPointF(x, self.height()))
        p.end()

    def _paint_strip(self, p: QPainter) -> None:
        """Placeholders where pictures are still coming; each picture fills its slot.

        A slot narrower than a picture shows the picture's middle, so every slot
        of a screenful has its picture whatever the timeline's width.
        """
        for start, end in self._slots:
            if (start, end) not in self._thumbs:
                x0, x1 = self.x_of(start), self.x_of(end)
                p.fillRect(QRectF(x0 + 1, 2, max(1.0, x1 - x0 - 2), STRIP_H - 4), QColor(58, 58, 64))
        for (start, end), image in sorted(self._thumbs.items()):
            x0, x1 = self.x_of(start), self.x_of(end)
            natural = STRIP_H * image.width() / max(1, image.height())
            if x1 < 0 or x0 > self.width():
                continue
            w = min(natural, max(1.0, x1 - x0 - 1))
            crop = image.width() * w / natural
            source = QRectF((image.width() - crop) / 2, 0, crop, image.height())
            p.drawImage(QRectF(x0, 0, w, STRIP_H), image, source)

    def _visible_marks(self) -> list[Mark]:
        start, end = self._view
        hi = int(np.searchsorted(self._starts, end, side="right"))
        # Ranges that began before the view but reach into it are drawn as well.
        return [m for m in self._marks[:hi] if (m.end_ms or m.start_ms) >= start]

    def _paint_marks(self, p: QPainter) -> None:
        """Tags change far less often than the playhead moves: paint them once into a pixmap."""
        key = (self._view, self.width(), id(self._marks), tuple(self._preview.items()))
        if self._marks_key != key:
            self._marks_pixmap = QPixmap(max(1, self.width()), MARKS_H + 4)
            self._marks_pixmap.fill(Qt.GlobalColor.transparent)
            painter = QPainter(self._marks_pixmap)
            self._paint_marks_into(painter)
            painter.end()
            self._marks_key = key
        p.drawPixmap(0, STRIP_H, self._marks_pixmap)

    def _paint_marks_into(self, p: QPainter) -> None:
        top = 2
        p.setRenderHint(QPainter.RenderHint.Antialiasing, False)
        if len(self._marks) > _DENSE:
            self._paint_dense(p, top)
            return
        for mark in self._visible_marks():
            start, end = self._preview.get(mark.key, (mark.start_ms, mark.end_ms))
            if end is None:
                self._paint_point(p, self.x_of(start), top, mark)
            else:
                self._paint_range(p, self.x_of(start), self.x_of(end), top, mark)
        self._paint_overdue(p, top)

    def _paint_overdue(self, p: QPainter, top: int) -> None:
        """A red bar under each overdue tag (few of them: drawn one by one, dense or not)."""
        for mark in self._visible_marks():
            if mark.overdue:
                x0 = self.x_of(mark.start_ms)
                x1 = self.x_of(mark.end_ms) if mark.end_ms is not None else x0
                p.fillRect(QRectF(x0 - 4, top + MARKS_H - 4, max(8.0, x1 - x0 + 8), 4),
                           QColor(220, 30, 40))

    def _paint_dense(self, p: QPainter, top: int) -> None:
        """Thousands of tags: rasterised per pixel column and colour with numpy, drawn as one image.

        Python-level work is per colour, not per tag or per pixel, so a month of
        tags is laid out again (zoom, scroll) within a frame.
        """
        width = self.width()
        rgba = np.zeros((MARKS_H, width, 4), np.uint8)
        for color, (points, ranges) in self._dense_layers(width).items():
            bgra = np.frombuffer(np.uint32(color).tobytes(), np.uint8)  # QColor.rgba(): ARGB32
            rgba[6 : MARKS_H - 6, ranges] = (*bgra[:3], 150)
            rgba[:, points] = (*bgra[:3], 255)
        image = QImage(rgba.data, width, MARKS_H, width * 4, QImage.Format.Format_ARGB32)
        p.drawImage(0, top, image)
        self._paint_overdue(p, top)
        for mark in self._marks:
            if mark.selected or mark.key in self._preview:
                start, end = self._preview.get(mark.key, (mark.start_ms, mark.end_ms))
                if end is None:
                    self._paint_point(p, self.x_of(start), top, mark)
                else:
                    self._paint_range(p, self.x_of(start), self.x_of(end), top, mark)

    def _dense_layers(self, width: int) -> dict[int, tuple[np.ndarray, np.ndarray]]:
        key = (self._view, width, id(self._marks))
        if self._layer_key != key:
            self._layers, self._layer_key = _rasterise(self._arrays, self._view, width), key
        return self._layers

    def _paint_point(self, p: QPainter, x: float, top: int, mark: Mark) -> None:
        p.setPen(QPen(mark.color, 3 if mark.selected else 2))
        p.drawLine(QPointF(x, top), QPointF(x, top + MARKS_H))
        p.setBrush(mark.color)
        p.drawPolygon(QPolygonF([QPointF(x - 5, top), QPointF(x + 5, top), QPointF(x, top + 7)]))

    def _paint_range(self, p: QPainter, x0: float, x1: float, top: int, mark: Mark) -> None:
        color = QColor(mark.color)
        color.setAlpha(220 if mark.selected else 150)
        p.fillRect(QRectF(x0, top + 6, max(2.0, x1 - x0), MARKS_H - 12), color)
        if mark.selected:
            p.setPen(QPen(QColor(255, 255, 255), 1))
            p.drawRect(QRectF(x0, top + 6, max(2.0, x1 - x0), MARKS_H - 12))

    def _paint_coverage(self, p: QPainter) -> None:
        top = STRIP_H + MARKS_H + 4
        p.fillRect(QRectF(0, top, self.width(), BAND_H), QColor(70, 70, 70))
        for start, end in self._coverage.spans:
            x0, x1 = self.x_of(start), self.x_of(end)
            p.fillRect(QRectF(x0, top, max(1.0, x1 - x0), BAND_H), QColor(90, 190, 110))

    # -- mouse ------------------------------------------------------------

    def _hit(self, x: float, y: float) -> _Drag | None:
        if not STRIP_H <= y <= STRIP_H + MARKS_H + 2:
            return None
        origin = self.ms_at(x)
        for mark in reversed(self._visible_marks()):
            x0 = self.x_of(mark.start_ms)
            if mark.end_ms is None:
                if abs(x - x0) <= _GRAB_PX:
                    return _Drag(mark.key, "move", origin, mark.start_ms, None)
                continue
            x1 = self.x_of(mark.end_ms)
            if abs(x - x0) <= _GRAB_PX:
                return _Drag(mark.key, "start", origin, mark.start_ms, mark.end_ms)
            if abs(x - x1) <= _GRAB_PX:
                return _Drag(mark.key, "end", origin, mark.start_ms, mark.end_ms)
            if x0 < x < x1:
                return _Drag(mark.key, "move", origin, mark.start_ms, mark.end_ms)
        return None

    def mousePressEvent(self, event: QMouseEvent) -> None:
        if event.button() != Qt.MouseButton.LeftButton:
            return
        pos = event.position()
        self._drag = self._hit(pos.x(), pos.y())
        if self._drag is None:
            self._drag = _Drag("", "seek", 0, 0, None)
            self.seekRequested.emit(self._clamp(self.ms_at(pos.x())))
        else:
            self.markClicked.emit(self._drag.key)

    def mouseMoveEvent(self, event: QMouseEvent) -> None:
        x = event.position().x()
        if self._drag is None:
            hit = self._hit(x, event.position().y())
            edge = hit is not None and hit.part in ("start", "end")
            self.setCursor(Qt.CursorShape.SizeHorCursor if edge else Qt.CursorShape.ArrowCursor)
            return
        if self._drag.part == "seek":
            self.seekRequested.emit(self._clamp(self.ms_at(x)))
            return
        self._preview[self._drag.key] = self._dragged(self._drag, self.ms_at(x))
        self.update()

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        drag, self._drag = self._drag, None
        if drag is None or drag.part == "seek":
            return
        start, end = self._dragged(drag, self.ms_at(event.position().x()))
        if (start, end) != (drag.start_ms, drag.end_ms):
            self.markMoved.emit(drag.key, start, end)

    def _dragged(self, drag: _Drag, at_ms: int) -> tuple[int, int | None]:
        delta = at_ms - drag.origin_ms
        if drag.part == "start" and drag.end_ms is not None:
            return min(self._clamp(drag.start_ms + delta), drag.end_ms - 1), drag.end_ms
        if drag.part == "end":
            return drag.start_ms, max(self._clamp((drag.end_ms or 0) + delta), drag.start_ms + 1)
        length = 0 if drag.end_ms is None else drag.end_ms - drag.start_ms
        start = min(self._clamp(drag.start_ms + delta), self._duration - length)
        return start, None if drag.end_ms is None else start + length

    def _clamp(self, ms: int) -> int:
        return min(max(0, ms), self._duration)

    def wheelEvent(self, event: QWheelEvent) -> None:
        start, end = self._view
        anchor = self.ms_at(event.position().x())
        if event.modifiers() & Qt.KeyboardModifier.ControlModifier:
            factor = 0.8 if event.angleDelta().y() > 0 else 1.25
            span = (end - start) * factor
            left = anchor - (anchor - start) * factor
            self.zoom_to(int(left), int(left + span))
        else:
            shift = (end - start) * (-0.1 if event.angleDelta().y() > 0 else 0.1)
            self.zoom_to(int(start + shift), int(end + shift))


def _rasterise(
    arrays: tuple[np.ndarray, np.ndarray, np.ndarray], view: tuple[int, int], width: int
) -> dict[int, tuple[np.ndarray, np.ndarray]]:
    """Per colour: which pixel columns hold a point tag, and which a range tag covers."""
    starts, ends, colors = arrays
    lo, hi = view
    scale = width / max(1, hi - lo)
    x0 = np.floor((starts - lo) * scale).astype(np.int64)
    x1 = np.ceil((np.where(ends < 0, starts, ends) - lo) * scale).astype(np.int64)
    layers = {}
    for color in np.unique(colors).tolist():
        mine = colors == color
        points = np.zeros(width, dtype=bool)
        px = x0[mine & (ends < 0)]
        points[px[(px >= 0) & (px < width)]] = True
        cover = np.zeros(width + 1, dtype=np.int64)
        r0 = np.clip(x0[mine & (ends >= 0)], 0, width)
        r1 = np.clip(np.maximum(x1[mine & (ends >= 0)], x0[mine & (ends >= 0)] + 1), 0, width)
        np.add.at(cover, r0, 1)
        np.add.at(cover, r1, -1)
        layers[int(color)] = (points, np.cumsum(cover)[:width] > 0)
    return layers


def _runs(mask: np.ndarray) -> list[tuple[int, int]]:
    """[start, end) of each run of True."""
    edges = np.diff(np.concatenate(([0], mask.astype(np.int8), [0])))
    return list(
        zip(np.flatnonzero(edges == 1).tolist(), np.flatnonzero(edges == -1).tolist(), strict=True)
    )
