"""Lanes under the timeline's tags for what other features know about the footage: the
scan's skippable stretches and its proposals (#16). The timeline only asks for their
height and calls ``paint``; features call ``set_bands`` and never touch the timeline.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QPointF, QRectF
from PySide6.QtGui import QColor, QPainter, QPolygonF
from PySide6.QtWidgets import QWidget

LANES = ("skippable", "proposals")
LANE_H = 8
Span = tuple[int, int, QColor]  # start ms, end ms (== start for a point), colour


class Bands:
    def __init__(self, owner: QWidget) -> None:
        self._owner = owner
        self._lanes: dict[str, list[Span]] = {lane: [] for lane in LANES}

    def set_bands(self, kind: str, spans: list[Span]) -> None:
        self._lanes[kind] = sorted(spans, key=lambda s: s[0])
        self._owner.update()

    def bands(self, kind: str) -> list[Span]:
        return list(self._lanes.get(kind, []))

    def height(self) -> int:
        return len(LANES) * (LANE_H + 2)

    def paint(self, p: QPainter, x_of: Callable[[float], float], top: int, width: int) -> None:
        for n, lane in enumerate(LANES):
            y = top + n * (LANE_H + 2)
            for start, end, colour in self._lanes[lane]:
                x0, x1 = x_of(start), x_of(end)
                if x1 < -6 or x0 > width + 6:
                    continue
                if end > start:
                    p.fillRect(QRectF(x0, y, max(1.0, x1 - x0), LANE_H), colour)
                else:
                    _diamond(p, x0, y, colour)


def _diamond(p: QPainter, x: float, y: float, colour: QColor) -> None:
    h = LANE_H / 2
    p.setPen(colour)
    p.setBrush(colour)
    p.drawPolygon(QPolygonF([QPointF(x, y), QPointF(x + h, y + h), QPointF(x, y + LANE_H),
                             QPointF(x - h, y + h)]))
