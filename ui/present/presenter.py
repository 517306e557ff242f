"""The presenter's view on the laptop: what is on the wall, the problem's details, what comes next."""

from __future__ import annotations

from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QPixmap
from PySide6.QtWidgets import QFormLayout, QGridLayout, QLabel, QWidget

from reviewer.export.snapshot import Item
from reviewer.present.plan import Slide, next_clip
from reviewer.text import shown
from reviewer.timecode import format_ms
from ui.present.player import ShowPlayer

_SEVERITY = {1: ("一般", "Minor"), 2: ("较重", "Moderate"), 3: ("严重", "Severe")}


class PresenterView(QWidget):
    def __init__(self, player: ShowPlayer, lang: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("presenterView")
        self.setWindowTitle(self.tr("Presenter view"))
        self.player, self.lang = player, lang
        self.now = QLabel()
        self.now.setObjectName("presenterNow")
        self.clock = QLabel()
        self.details = QLabel()
        self.details.setObjectName("presenterDetails")
        self.details.setWordWrap(True)
        self.details.setTextFormat(Qt.TextFormat.PlainText)
        self.next = QLabel()
        self.next.setObjectName("presenterNext")
        self.next.setWordWrap(True)
        self.preview = QLabel()
        self.preview.setFixedSize(320, 180)
        self.preview.setStyleSheet("background: black;")
        self.keys = QLabel(self.tr("PageDown / → next · PageUp / ← previous · Space pause · "
                                   "B black · Esc leave"))
        grid = QGridLayout(self)
        form = QFormLayout()
        form.addRow(self.tr("On screen"), self.now)
        form.addRow(self.tr("Time"), self.clock)
        form.addRow(self.tr("Problem"), self.details)
        grid.addLayout(form, 0, 0)
        side = QFormLayout()
        side.addRow(self.tr("Next"), self.next)
        side.addRow(self.preview)
        grid.addLayout(side, 0, 1)
        grid.addWidget(self.keys, 1, 0, 1, 2)
        self.silent = QLabel(self.tr("No sound output on this computer: the picture plays "
                                     "without sound"))
        self.silent.setObjectName("presenterSilent")
        self.silent.setVisible(False)
        grid.addWidget(self.silent, 2, 0, 1, 2)
        self._timer = QTimer(self)
        self._timer.setInterval(250)
        self._timer.timeout.connect(self.refresh)
        self._timer.start()
        player.slideChanged.connect(lambda _k: self.refresh())
        self.resize(900, 420)

    def refresh(self) -> None:
        pl = self.player
        total = len(pl.slides)
        self.silent.setVisible(not pl.sound.available)
        if pl.ended or pl.at < 0:
            self.now.setText(self.tr("End of the screening"))
            self.details.setText("")
            self.next.setText("—")
            self.preview.clear()
            return
        slide = pl.current
        state = self.tr(" (black)") if pl.black else self.tr(" (paused)") if pl.paused else ""
        self.now.setText(f"{pl.at + 1}/{total} · {describe(slide)}{state}")
        self.clock.setText(f"{format_ms(int(pl.elapsed_ms()))} / {format_ms(slide.duration_ms)}")
        self.details.setText(details(slide.item, self.lang) if slide.item else slide.title)
        upcoming = next_clip(pl.slides, pl.at)
        self.next.setText(describe(upcoming) if upcoming else "—")
        self._preview(upcoming)

    def _preview(self, upcoming: Slide | None) -> None:
        k = self.player.slides.index(upcoming) if upcoming is not None else -1
        feed = self.player.feeds.get(k)
        if feed is None or feed.first is None:
            self.preview.clear()
            return
        self.preview.setPixmap(QPixmap.fromImage(feed.first.image).scaled(
            self.preview.size(), Qt.AspectRatioMode.KeepAspectRatio,
            Qt.TransformationMode.SmoothTransformation))


def describe(slide: Slide) -> str:
    item = slide.item
    if item is None:
        return slide.title
    return shown(f"#{item.number} {' · '.join(x for x in (item.category, item.county, item.unit) if x)}")


def details(item: Item | None, lang: str) -> str:
    if item is None:
        return ""
    en = lang.startswith("en")
    tag = item.tag
    severity = _SEVERITY.get(tag.severity or 0, ("", ""))[1 if en else 0]
    lines = [(("Problem", "问题"), item.problem), (("Where", "地点"),
             " ".join(x for x in (item.county, item.township, tag.place) if x)),
             (("Unit", "责任单位"), item.unit), (("Severity", "严重程度"), severity),
             (("Status", "整改状态"), item.status), (("Note", "备注"), tag.note),
             (("Footage", "视频"), f"{item.media_name} {format_ms(tag.start_ms)}")]
    return "\n".join(f"{label[0 if en else 1]}: {shown(value)}" for label, value in lines if value)
