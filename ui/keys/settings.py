"""Settings page for the category keys: each reviewer sets their own (stored per user)."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QGridLayout,
    QKeySequenceEdit,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from reviewer.codebook.model import CodeBook
from ui.keys.keymap import KeyMap, normalise


class KeySettings(QDialog):
    """One key field per category; a key already in use is refused and the old key kept."""

    def __init__(self, keymap: KeyMap, book: CodeBook, lang: str, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("keySettings")
        self.setWindowTitle(self.tr("Settings: category keys"))
        self.keymap, self.book, self.lang = keymap, book, lang
        self.edits: dict[str, QKeySequenceEdit] = {}
        layout = QVBoxLayout(self)
        intro = QLabel(
            self.tr(
                "Click a field and press the key that should tag that category. "
                "Keys are kept for you on this computer, in every project."
            )
        )
        intro.setWordWrap(True)
        layout.addWidget(intro)
        grid = QGridLayout()
        for row, category in enumerate(book.categories):
            swatch = QLabel()
            swatch.setFixedSize(14, 14)
            swatch.setStyleSheet(f"background: {category.colour};")
            edit = QKeySequenceEdit()
            edit.setObjectName(f"key_{category.id}")
            edit.setMaximumSequenceLength(1)
            edit.editingFinished.connect(lambda cid=category.id: self._changed(cid))
            self.edits[category.id] = edit
            grid.addWidget(swatch, row, 0)
            grid.addWidget(QLabel(category.label.text(lang)), row, 1)
            grid.addWidget(edit, row, 2)
        layout.addLayout(grid)
        self.problem = QLabel()
        self.problem.setObjectName("keyProblem")
        self.problem.setStyleSheet("color: #b3261e;")
        self.problem.setWordWrap(True)
        layout.addWidget(self.problem)
        reset = QPushButton(self.tr("Use the code book's keys"))
        reset.clicked.connect(self._reset)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.close)
        buttons.addButton(reset, QDialogButtonBox.ButtonRole.ResetRole)
        layout.addWidget(buttons)
        self._show_keys()

    def _show_keys(self) -> None:
        for category_id, edit in self.edits.items():
            edit.blockSignals(True)
            edit.setKeySequence(QKeySequence(self.keymap.category_key(category_id)))
            edit.blockSignals(False)

    def set_key(self, category_id: str, key: str) -> str | None:
        """Bind, or say why not (the field goes back to the key that still works)."""
        if normalise(key) == self.keymap.category_key(category_id):
            return None
        refusal = self.keymap.bind(category_id, key, self.lang)
        self.problem.setText(refusal or "")
        self._show_keys()
        return refusal

    def _changed(self, category_id: str) -> None:
        sequence = self.edits[category_id].keySequence()
        self.set_key(category_id, sequence.toString(QKeySequence.SequenceFormat.PortableText))

    def _reset(self) -> None:
        self.keymap.reset()
        self.problem.clear()
        self._show_keys()

    def keyPressEvent(self, event) -> None:  # noqa: N802
        # Esc in a key field is a key to record, not "close the dialog".
        if event.key() == Qt.Key.Key_Escape and isinstance(self.focusWidget(), QKeySequenceEdit):
            return
        super().keyPressEvent(event)
