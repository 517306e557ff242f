"""What the audience sees: the reel's title cards and lower thirds, drawn live over the footage.

Words and placement come from the core (the show plan's slides, ``export.layout``), so
the screen and an exported reel say the same thing in the same place. An explicitly
unredacted show carries the same "未打码 · 内部资料" mark as an unredacted export.
"""

from __future__ import annotations

import time

from PySide6.QtCore import QRect, QRectF, Qt
from PySide6.QtGui import QColor, QFont, QPainter
from PySide6.QtWidgets import QWidget

from reviewer.export.layout import LOWER_THIRD, TITLE, TITLE_BACKGROUND, TextPlace
from reviewer.redact.pictures import MARK_TEXT
from ui.fonts import cjk_family
from ui.present.player import ShowPlayer

UNREDACTED = TextPlace(0.07, 12, None, None, 0.55)  # as redacted_video.unredacted_mark


class ShowScreen(QWidget):
    def __init__(self, player: ShowPlayer, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("showScreen")
        self.player = player
        self.painted: list[tuple[int, int, float]] = []  # (slide, frame index, time) per paint
        self.setCursor(Qt.CursorShape.BlankCursor)
        self.setAttribute(Qt.WidgetAttribute.WA_OpaquePaintEvent)
        player.changed.connect(self.update)

    def paintEvent(self, _event: object) -> None:  # noqa: N802
        p = QPainter(self)
        p.fillRect(self.rect(), Qt.GlobalColor.black)
        pl = self.player
        if pl.black or pl.at < 0:
            p.end()
            return
        if pl.ended:
            self._text(p, self.tr("End of the screening"), TITLE, QColor(200, 200, 200))
        elif pl.current.is_title:
            p.fillRect(self.rect(), QColor(TITLE_BACKGROUND))
            self._text(p, pl.current.title, TITLE)
        else:
            self._clip(p)
        if pl.options.redact == "off" and not pl.ended:
            self._text(p, MARK_TEXT, UNREDACTED, QColor(255, 255, 255, 230))
        p.end()
        frame = -1 if pl.frame is None else pl.frame.index
        self.painted.append((pl.at, frame, time.perf_counter()))
        del self.painted[:-5000]
        pl.painted()

    def _clip(self, p: QPainter) -> None:
        pl = self.player
        if pl.error is not None:
            self._text(p, self.tr("This clip cannot be played: %1").replace("%1", str(pl.error)[:80]),
                       LOWER_THIRD)
            return
        if pl.frame is None:
            return
        image = pl.frame.image
        x = (self.width() - image.width()) // 2
        y = (self.height() - image.height()) // 2
        p.drawImage(x, y, image)
        if pl.current.lower_third:
            self._text(p, pl.current.lower_third, LOWER_THIRD)

    def _text(self, p: QPainter, text: str, place: TextPlace,
              colour: QColor | None = None) -> None:
        font = QFont(cjk_family())  # the face the exports burn in
        font.setPixelSize(place.px(self.height()))
        p.setFont(font)
        box = p.fontMetrics().boundingRect(QRect(0, 0, self.width(), self.height()),
                                           Qt.AlignmentFlag.AlignLeft, text)
        x = (self.width() - box.width()) / 2 if place.x is None else self.width() * place.x
        y = (self.height() - box.height()) / 2 if place.y is None else self.height() * place.y
        rect = QRectF(x, y, box.width(), box.height())
        if place.box:
            pad = max(4, place.px(self.height()) // 3)
            p.fillRect(rect.adjusted(-pad, -pad, pad, pad), QColor(0, 0, 0, round(255 * place.box)))
        p.setPen(colour or QColor(255, 255, 255))
        p.drawText(rect, Qt.AlignmentFlag.AlignLeft, text)
