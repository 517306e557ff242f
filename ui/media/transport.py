"""Transport bar: play, step, speed, where we are (time · frame · wall clock), go to, view lift."""

from __future__ import annotations

from datetime import datetime, timedelta

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QSlider,
    QSpinBox,
    QToolButton,
    QWidget,
)

from reviewer.timecode import format_ms, parse_position
from ui.media.player import Player
from ui.media.screen import Screen, Showing

RATES = (-8.0, -4.0, -2.0, -1.0, 0.25, 0.5, 0.75, 1.0, 1.5, 2.0, 4.0, 8.0)


class TransportBar(QWidget):
    gotoFrame = Signal(int)
    gotoTime = Signal(int)
    liftChanged = Signal(int, float)
    lagChanged = Signal(int)

    def __init__(self, player: Player, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("transport")
        self.player = player
        self.recorded_at: datetime | None = None
        row = QHBoxLayout(self)
        row.setContentsMargins(4, 2, 4, 2)
        self.back = self._button("◀|", self.tr("Previous frame (←)"), lambda: player.step(-1))
        self.play = self._button("▶", self.tr("Play / pause (Space)"), player.toggle)
        self.fwd = self._button("|▶", self.tr("Next frame (→)"), lambda: player.step(+1))
        self.speed = QComboBox()
        self.speed.setObjectName("speed")
        self.speed.setToolTip(self.tr("Speed (J/K/L change it too)"))
        self.speed.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        for rate in RATES:
            self.speed.addItem(f"{'−' if rate < 0 else ''}{abs(rate):g}×", rate)
        self.speed.setCurrentIndex(RATES.index(1.0))
        self.speed.activated.connect(lambda _i: player.play_at(self.speed.currentData()))
        player.rateChanged.connect(self.show_rate)
        self.position = QLabel("00:00.000")
        self.position.setObjectName("positionLabel")
        self.goto = QLineEdit()
        self.goto.setObjectName("goto")
        self.goto.setPlaceholderText(self.tr("Go to h:mm:ss.mmm or #frame"))
        self.goto.setToolTip(self.goto.placeholderText() + " (G)")
        fits = self.goto.fontMetrics().horizontalAdvance(self.goto.placeholderText()) + 16
        self.goto.setFixedWidth(min(max(fits, 120), 260))  # the hint is read whole, both languages
        self.goto.returnPressed.connect(self._go)
        self.lag = QSpinBox()
        self.lag.setObjectName("lag")
        self.lag.setRange(-3000, 0)
        self.lag.setSingleStep(100)
        self.lag.setSuffix(" ms")
        self.lag.setToolTip(self.tr("Reaction-lag offset applied to keyboard tags"))
        self.lag.valueChanged.connect(self.lagChanged)
        self.brightness = self._slider(-80, 120, 0, self.tr("Brightness (view only)"))
        self.contrast = self._slider(50, 300, 100, self.tr("Contrast (view only)"))
        for w in (self.back, self.play, self.fwd, self.speed, self.position):
            row.addWidget(w)
        row.addStretch(1)
        for w in (
            QLabel(self.tr("Lag")),
            self.lag,
            QLabel("☀"),
            self.brightness,
            QLabel("◐"),
            self.contrast,
            self.goto,
        ):
            row.addWidget(w)
        player.playingChanged.connect(lambda on: self.play.setText("❚❚" if on else "▶"))
        player.screenChanged.connect(self.show_screen)
        self.show_screen(player.screen)

    def _button(self, text: str, tip: str, slot) -> QToolButton:
        button = QToolButton()
        button.setText(text)
        button.setToolTip(tip)
        button.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # keys belong to the video, not the button
        button.clicked.connect(slot)
        return button

    def _slider(self, lo: int, hi: int, value: int, tip: str) -> QSlider:
        slider = QSlider(Qt.Orientation.Horizontal)
        slider.setRange(lo, hi)
        slider.setValue(value)
        slider.setMaximumWidth(90)
        slider.setMinimumWidth(50)
        slider.setToolTip(tip)
        slider.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        slider.valueChanged.connect(self._lift)
        return slider

    def _lift(self, _value: int) -> None:
        self.liftChanged.emit(self.brightness.value(), self.contrast.value() / 100)

    def show_rate(self, rate: float) -> None:
        """The box names the speed in force: the shuttle's while playing, Space's when paused."""
        shown = rate if rate != 0 else self.player.play_speed
        at = self.speed.findData(shown)
        if at >= 0:
            self.speed.setCurrentIndex(at)

    def show_screen(self, screen: Screen) -> None:
        """The readout names exactly what the video area shows, nothing older."""
        self.position.setText(self.readout(screen))

    def readout(self, screen: Screen) -> str:
        if screen.showing is Showing.OPENING:
            return self.tr("Opening…")
        if screen.showing in (Showing.NOTHING, Showing.FAILED) or screen.position_ms is None:
            return "—"
        text = self.describe(screen.position_ms, screen.index)
        if screen.showing is Showing.BROKEN:
            text += " · " + self.tr("not decoded")
        elif screen.damaged:
            text += " · " + self.tr("damaged")
        return text

    def describe(self, ms: int, index: int | None) -> str:
        parts = [format_ms(ms)]
        if index is not None:
            parts.append(self.tr("frame %1").replace("%1", str(index)))
        if self.recorded_at is not None:
            wall = self.recorded_at.astimezone() + timedelta(milliseconds=ms)
            parts.append(wall.strftime("%Y-%m-%d %H:%M:%S"))
        return " · ".join(parts)

    def _go(self) -> None:
        target = parse_position(self.goto.text())
        if target is None:
            self.goto.setStyleSheet("border: 2px solid #d33;")
            return
        self.goto.setStyleSheet("")
        if target.frame is not None:
            self.gotoFrame.emit(target.frame)
        elif target.ms is not None:
            self.gotoTime.emit(target.ms)
        self.goto.clearFocus()
