"""The shortcut sheet (F1, Help menu): every key in the key map, grouped, in the UI language."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from reviewer.codebook.model import CodeBook
from ui.keys.keymap import (
    ACTIONS,
    GROUPS,
    PRESENT_ACTIONS,
    KeyMap,
    descriptions,
    group_titles,
    shown,
)


def sheet_rows(keymap: KeyMap, book: CodeBook, lang: str) -> list[tuple[str, str, str]]:
    """(group, keys, what they do): generated from the key map, nothing typed twice."""
    titles, words = group_titles(), descriptions()
    rows = []
    for group in GROUPS:
        if group == "tag":
            for category_id, key in keymap.categories():
                if key:
                    category = book.category(category_id)
                    name = category.label.text(lang) if category else category_id
                    rows.append((titles[group], shown(key), _tag_with(name)))
        for action in (a for a in (*ACTIONS, *PRESENT_ACTIONS) if a.group == group):
            keys = " / ".join(shown(k) for k in action.keys if k != "Shift++")
            rows.append((titles[group], keys, words[action.id]))
    return rows


def _tag_with(name: str) -> str:
    return QCoreApplication.translate("KeyMap", "Tag the frame on screen: %1").replace("%1", name)


class ShortcutSheet(QDialog):
    def __init__(self, keymap: KeyMap, book: CodeBook, lang: str, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("shortcutSheet")
        self.setWindowTitle(self.tr("Keyboard shortcuts"))
        self.rows = sheet_rows(keymap, book, lang)
        self.table = QTableWidget(len(self.rows), 3)
        self.table.setObjectName("shortcutTable")
        self.table.setHorizontalHeaderLabels([self.tr("Group"), self.tr("Key"), self.tr("Action")])
        self.table.verticalHeader().hide()
        for r, row in enumerate(self.rows):
            for c, text in enumerate(row):
                self.table.setItem(r, c, QTableWidgetItem(text))
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.close)
        layout = QVBoxLayout(self)
        layout.addWidget(self.table)
        layout.addWidget(buttons)
        self.resize(760, 640)
