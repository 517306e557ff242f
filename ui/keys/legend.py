"""The key legend under the video: each category's colour, key and name, and the other tag keys.

A newcomer reads the key off the screen instead of guessing; it follows
the key map, so a rebinding shows here at once.
"""

from __future__ import annotations

from html import escape

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QWidget

from reviewer.codebook.model import CodeBook
from ui.keys.keymap import KeyMap, shown


class KeyLegend(QLabel):
    def __init__(self, keymap: KeyMap, book: CodeBook, lang: str, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("keyLegend")
        self.setWordWrap(True)
        self.setTextFormat(Qt.TextFormat.RichText)
        self.setStyleSheet("background: #26262b; color: #e8e8e8; padding: 4px 8px;")
        self.keymap, self.book, self.lang = keymap, book, lang
        keymap.changed.connect(self.refresh)
        self.refresh()

    def set_codebook(self, book: CodeBook) -> None:
        self.book = book
        self.refresh()

    def entries(self) -> list[tuple[str, str]]:
        """(key, name) of every category with a key, in code book order: what the strip shows."""
        out = []
        for category in self.book.categories:
            key = self.keymap.category_key(category.id)
            if key:
                out.append((shown(key), category.label.text(self.lang)))
        return out

    def refresh(self) -> None:
        chips = []
        for category in self.book.categories:
            key = self.keymap.category_key(category.id)
            if not key:
                continue
            chips.append(
                f'<span style="background:{escape(category.colour)}">&nbsp;&nbsp;&nbsp;</span>'
                f"&nbsp;<b>{escape(shown(key))}</b>&nbsp;{escape(category.label.text(self.lang))}"
            )
        k = self.keymap.first_key
        hints = self.tr("%1/%2 range · %3 still · %4 all keys")
        hints = hints.replace("%1", k("mark_in")).replace("%2", k("mark_out"))
        hints = hints.replace("%3", k("still")).replace("%4", k("shortcuts"))
        chips.append(f'<span style="color:#a8a8b0">{escape(hints)}</span>')
        self.setText("&nbsp;&nbsp;&nbsp; ".join(chips))
