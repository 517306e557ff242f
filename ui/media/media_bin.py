"""The project's footage list: offline files marked, double-click opens, relink finds moved files."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import QListWidgetItem, QPushButton, QVBoxLayout, QWidget

from reviewer.store.model import Changes, Media
from reviewer.text import shown
from reviewer.timecode import format_ms
from ui.project.session import ProjectSession
from ui.widgets.hints import HintList

MEDIA_ID_ROLE = Qt.ItemDataRole.UserRole + 10


class MediaBin(QWidget):
    openRequested = Signal(str)  # media id
    addRequested = Signal()
    relinkRequested = Signal()

    def __init__(self, session: ProjectSession, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("mediaBin")
        self.session = session
        self.current: str | None = None
        self.shares: dict[str, float] = {}  # covered share per file (#16)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(2, 2, 2, 2)
        self.list = HintList()
        self.list.setObjectName("mediaList")
        self.list.hint = self.tr("No footage yet: click “Add footage…” below.")
        self.list.setTextElideMode(Qt.TextElideMode.ElideMiddle)
        self.list.itemActivated.connect(
            lambda item: self.openRequested.emit(item.data(MEDIA_ID_ROLE))
        )
        self.add = QPushButton(self.tr("Add footage…"))
        self.add.clicked.connect(self.addRequested)
        self.relink = QPushButton(self.tr("Find moved footage…"))
        self.relink.clicked.connect(self.relinkRequested)
        for w in (self.list, self.add, self.relink):
            layout.addWidget(w)
        session.changed.connect(self._on_changed)
        self.reload()

    def set_current(self, media_id: str | None) -> None:
        """Bold the file in the player, so the list and the video never disagree."""
        self.current = media_id
        for row in range(self.list.count()):
            item = self.list.item(row)
            font = item.font()
            font.setBold(item.data(MEDIA_ID_ROLE) == media_id)
            item.setFont(font)
            if item.data(MEDIA_ID_ROLE) == media_id:
                self.list.setCurrentItem(item)

    def set_shares(self, shares: dict[str, float]) -> None:
        """How much of each file has been watched, shown after its name."""
        self.shares = dict(shares)
        self.reload()

    def _on_changed(self, changes: Changes) -> None:
        if changes.media:
            self.reload()

    def reload(self) -> None:
        self.list.clear()
        for media in self.session.project.media():
            self.list.addItem(self._item(media))
        self.set_current(self.current)
        self.add.setEnabled(not self.session.read_only)
        self.relink.setEnabled(not self.session.read_only)

    def _item(self, media: Media) -> QListWidgetItem:
        online = self.session.project.locate(media) is not None
        name = shown(media.name)  # a merged package names its footage
        text = name if online else self.tr("(offline)") + " " + name
        if media.id in self.shares:
            text += "  · " + self.tr("%1% watched").replace("%1", str(round(100 * self.shares[media.id])))
        item = QListWidgetItem(text)
        item.setData(MEDIA_ID_ROLE, media.id)
        item.setToolTip(f"{name}\n{format_ms(media.duration_ms)}")
        if not online:
            item.setForeground(QBrush(QColor(150, 150, 150)))
            item.setToolTip(self.tr("File not found; use “Find moved footage…”"))
        return item
