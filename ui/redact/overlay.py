"""The region editor over the video: every region's box on the frame on screen; drag on
empty picture to draw a new region, click a box to select it, drag it to correct it on
this frame (a new key). Transparent to the mouse unless editing, so zoom and pan work."""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QPointF, QRectF, Qt, Signal
from PySide6.QtGui import QColor, QMouseEvent, QPainter, QPen
from PySide6.QtWidgets import QWidget

from reviewer.redact.model import Box

_COLOURS = {"face": QColor("#e74c3c"), "manual": QColor("#f39c12"), "keep": QColor("#27ae60")}


@dataclass(frozen=True)
class Shown:
    """One region as drawn on the current frame."""

    track_id: str
    kind: str  # "face", "manual"
    keep: bool
    box: Box


class RegionOverlay(QWidget):
    drawn = Signal(object)  # Box: a new region on the frame on screen
    selected = Signal(str)  # track id
    moved = Signal(str, object)  # track id, Box: corrected on the frame on screen

    def __init__(self, view: QWidget) -> None:
        super().__init__(view)
        self.setObjectName("regionOverlay")
        self._view = view
        self._shown: list[Shown] = []
        self._current: str | None = None
        self._drag: tuple[str, QPointF, Box] | None = None  # (track or "", origin, box)
        self._rubber: Box | None = None
        self.editing = False
        self.set_editing(False)
        view.installEventFilter(self)
        self.setGeometry(view.rect())

    def eventFilter(self, obj, event) -> bool:  # noqa: N802 - Qt's name
        if obj is self._view and event.type() == event.Type.Resize:
            self.setGeometry(self._view.rect())
        return False

    def set_editing(self, on: bool) -> None:
        self.editing = on
        self.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents, not on)
        self.setCursor(Qt.CursorShape.CrossCursor if on else Qt.CursorShape.ArrowCursor)
        self.update()

    def show_regions(self, shown: list[Shown], current: str | None) -> None:
        self._shown, self._current = shown, current
        self.update()

    # -- geometry -----------------------------------------------------------

    def _picture(self) -> QRectF:
        return self._view.target_rect()  # type: ignore[attr-defined]

    def to_widget(self, box: Box) -> QRectF:
        r = self._picture()
        return QRectF(r.x() + box.x * r.width(), r.y() + box.y * r.height(),
                      box.w * r.width(), box.h * r.height())

    def to_box(self, a: QPointF, b: QPointF) -> Box:
        r = self._picture()
        x0, x1 = sorted(((a.x() - r.x()) / r.width(), (b.x() - r.x()) / r.width()))
        y0, y1 = sorted(((a.y() - r.y()) / r.height(), (b.y() - r.y()) / r.height()))
        return Box(x0, y0, x1 - x0, y1 - y0).clamped()

    # -- painting -----------------------------------------------------------

    def paintEvent(self, _event) -> None:  # noqa: N802
        if self._picture().isNull():
            return
        painter = QPainter(self)
        for s in self._shown:
            colour = _COLOURS["keep" if s.keep else s.kind]
            pen = QPen(colour, 3 if s.track_id == self._current else 1.5)
            pen.setStyle(Qt.PenStyle.DashLine if s.keep else Qt.PenStyle.SolidLine)
            painter.setPen(pen)
            painter.drawRect(self.to_widget(s.box))
        if self._rubber is not None:
            painter.setPen(QPen(_COLOURS["manual"], 2, Qt.PenStyle.DotLine))
            painter.drawRect(self.to_widget(self._rubber))
        painter.end()

    # -- editing ------------------------------------------------------------

    def mousePressEvent(self, event: QMouseEvent) -> None:  # noqa: N802
        pos = event.position()
        hit = next((s for s in reversed(self._shown) if self.to_widget(s.box).contains(pos)), None)
        if hit is not None:
            self.selected.emit(hit.track_id)
            self._drag = (hit.track_id, pos, hit.box)
        else:
            self._drag = ("", pos, Box(0, 0, 0, 0))

    def mouseMoveEvent(self, event: QMouseEvent) -> None:  # noqa: N802
        if self._drag is None:
            return
        track_id, origin, box = self._drag
        pos = event.position()
        if track_id:
            r = self._picture()
            dx, dy = (pos.x() - origin.x()) / r.width(), (pos.y() - origin.y()) / r.height()
            self._rubber = Box(box.x + dx, box.y + dy, box.w, box.h).clamped()
        else:
            self._rubber = self.to_box(origin, pos)
        self.update()

    def mouseReleaseEvent(self, _event: QMouseEvent) -> None:  # noqa: N802
        drag, rubber = self._drag, self._rubber
        self._drag, self._rubber = None, None
        self.update()
        if drag is None or rubber is None or rubber.w * rubber.h < 1e-4:
            return
        if drag[0]:
            self.moved.emit(drag[0], rubber)
        else:
            self.drawn.emit(rubber)
