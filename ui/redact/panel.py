"""The redaction panel for the selected tag: sign-off (未检查 / 已检查, by whom, when),
detect, draw, the tag's regions over its span (the tag's own timeline), delete, keep."""

from __future__ import annotations

from PySide6.QtCore import QRectF, Qt, Signal
from PySide6.QtGui import QColor, QPainter
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from reviewer.redact.model import Track
from reviewer.timecode import format_ms
from ui.redact.controller import RedactionController

_BAR = {"face": QColor("#e74c3c"), "manual": QColor("#f39c12"), "keep": QColor("#27ae60")}


class TrackStrip(QWidget):
    """The tag's span with one bar per region: where each face or plate is redacted."""

    seekRequested = Signal(int)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("trackStrip")
        self.setMinimumHeight(40)
        self._tracks: list[Track] = []
        self._span = (0, 1)
        self._current: str | None = None

    def show_tracks(self, tracks: list[Track], span: tuple[int, int], current: str | None) -> None:
        self._tracks, self._span, self._current = tracks, span, current
        self.setMinimumHeight(max(40, 8 + 7 * len(tracks)))
        self.update()

    def _x(self, t_ms: int) -> float:
        lo, hi = self._span
        return (t_ms - lo) / max(1, hi - lo) * self.width()

    def paintEvent(self, _event) -> None:  # noqa: N802
        painter = QPainter(self)
        painter.fillRect(self.rect(), QColor("#2b2b2b"))
        row = max(3.0, (self.height() - 8) / max(1, len(self._tracks)))
        for n, track in enumerate(self._tracks):
            colour = _BAR["keep" if track.keep else track.kind]
            if track.id == self._current:
                colour = colour.lighter(150)
            x0, x1 = self._x(track.first_ms), self._x(track.last_ms)
            painter.fillRect(QRectF(x0, 4 + n * row, max(2.0, x1 - x0), row - 1), colour)
        painter.end()

    def mousePressEvent(self, event) -> None:  # noqa: N802
        lo, hi = self._span
        self.seekRequested.emit(int(lo + event.position().x() / max(1, self.width()) * (hi - lo)))


class RedactionPanel(QWidget):
    seekRequested = Signal(int)  # ms on the tag's footage

    def __init__(self, controller: RedactionController, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("redactionPanel")
        self.controller = controller
        self.state = QLabel()
        self.state.setObjectName("signoffState")
        self.check = QPushButton()
        self.check.clicked.connect(self._toggle_check)
        self.detect = QPushButton(self.tr("Detect faces"))
        self.detect.clicked.connect(controller.detect)
        self.draw = QPushButton(self.tr("Draw region"))
        self.draw.setCheckable(True)
        self.preview = QCheckBox(self.tr("Preview mosaic"))
        self.preview.toggled.connect(controller.preview.set_enabled)
        self.style = QComboBox()
        self.style.addItem(self.tr("Mosaic"), "mosaic")
        self.style.addItem(self.tr("Blur"), "blur")
        self.style.currentIndexChanged.connect(self._style)
        self.strip = TrackStrip()
        self.strip.seekRequested.connect(self.seekRequested)
        self.list = QListWidget()
        self.list.setObjectName("regionList")
        self.list.currentItemChanged.connect(self._picked)
        self.list.itemDoubleClicked.connect(self._seek_item)
        self.delete = QPushButton(self.tr("Delete (false detection)"))
        self.delete.clicked.connect(controller.delete)
        self.keep = QPushButton(self.tr("Keep visible"))
        self.keep.setCheckable(True)
        self.keep.clicked.connect(controller.keep)
        self.notice = QLabel()
        self.notice.setWordWrap(True)
        self._layout()
        controller.changed.connect(self.refresh)
        controller.busy.connect(self._busy)
        controller.failed.connect(self.notice.setText)
        self.refresh()

    def _layout(self) -> None:
        column = QVBoxLayout(self)
        top = QHBoxLayout()
        top.addWidget(self.state, 1)
        top.addWidget(self.check)
        column.addLayout(top)
        tools = QHBoxLayout()
        for widget in (self.detect, self.draw, self.preview, self.style):
            tools.addWidget(widget)
        column.addLayout(tools)
        column.addWidget(self.strip)
        column.addWidget(self.list, 1)
        edits = QHBoxLayout()
        edits.addWidget(self.delete)
        edits.addWidget(self.keep)
        column.addLayout(edits)
        column.addWidget(self.notice)

    def refresh(self) -> None:
        c = self.controller
        tag = c.tag()
        for widget in (self.check, self.detect, self.draw, self.list):
            widget.setEnabled(tag is not None and not c.session.read_only)
        tracks = c.tracks()
        self._state(c.signoff())
        self.strip.show_tracks(tracks, c.span(), c.track_id)
        self._fill(tracks)
        current = next((t for t in tracks if t.id == c.track_id), None)
        self.delete.setEnabled(current is not None)
        self.keep.setEnabled(current is not None)
        self.keep.setChecked(bool(current and current.keep))

    def _state(self, signoff) -> None:
        if signoff is None:
            self.state.setText(self.tr("No tag selected"))
            self.check.setText(self.tr("Mark checked"))
        elif signoff.checked:
            self.state.setText(self.tr("Checked by %1 at %2").replace("%1", signoff.by)
                               .replace("%2", signoff.at[:16].replace("T", " ")))
            self.check.setText(self.tr("Mark unchecked"))
        else:
            self.state.setText(self.tr("Not checked"))
            self.check.setText(self.tr("Mark checked"))

    def _fill(self, tracks: list[Track]) -> None:
        self.list.blockSignals(True)
        self.list.clear()
        names = {"face": self.tr("Face"), "manual": self.tr("Region")}
        for track in tracks:
            text = f"{names[track.kind]}  {format_ms(track.first_ms)}–{format_ms(track.last_ms)}"
            if track.keep:
                text += "  " + self.tr("(kept visible)")
            item = QListWidgetItem(text)
            item.setData(Qt.ItemDataRole.UserRole, track.id)
            self.list.addItem(item)
            if track.id == self.controller.track_id:
                self.list.setCurrentItem(item)
        self.list.blockSignals(False)

    def _toggle_check(self) -> None:
        signoff = self.controller.signoff()
        self.controller.sign(not (signoff and signoff.checked))

    def _picked(self, item, _previous=None) -> None:
        self.controller.select_track(item.data(Qt.ItemDataRole.UserRole) if item else None)

    def _seek_item(self, item) -> None:
        track = next((t for t in self.controller.tracks()
                      if t.id == item.data(Qt.ItemDataRole.UserRole)), None)
        if track is not None:
            self.seekRequested.emit(track.first_ms)

    def _style(self) -> None:
        self.controller.preview.style = self.style.currentData()
        self.controller.preview.changed.emit()

    def _busy(self, text: str) -> None:
        self.notice.setText(text)
        self.detect.setEnabled(not text and self.controller.tag() is not None)
