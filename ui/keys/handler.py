"""Reviewer keyboard: whatever the key map says a key does, anywhere in the review window.

An event filter rather than QShortcuts because K held with J or L steps,
which needs key release events, and because typing in the tag editor must
never move the video. Keys that belong to menu actions (undo, F1, F11)
are left to those actions.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent, QKeyCombination, QObject, Qt, Signal
from PySide6.QtGui import QKeyEvent, QKeySequence
from PySide6.QtWidgets import (
    QAbstractSpinBox,
    QApplication,
    QComboBox,
    QLineEdit,
    QPlainTextEdit,
    QTextEdit,
    QWidget,
)

from ui.keys.keymap import KeyMap
from ui.media.player import Player

_TYPING = (QLineEdit, QTextEdit, QPlainTextEdit, QAbstractSpinBox, QComboBox)
_REPEATING = frozenset(
    {"step_back", "step_forward", "jump_back_1s", "jump_forward_1s", "jump_back_10s",
     "jump_forward_10s", "reverse", "forward", "zoom_in", "zoom_out"}
)  # fmt: skip
# Handled by the window (signals), not the player.
WINDOW_ACTIONS = frozenset(
    {"mark_in", "mark_out", "still", "goto", "zoom_in", "zoom_out", "zoom_fit",
     "previous_tag", "next_tag", "next_unwatched", "mark_skippable", "skim_skippable",
     "next_proposal", "previous_proposal"}
)  # fmt: skip
_MODIFIER_KEYS = {Qt.Key.Key_Shift, Qt.Key.Key_Control, Qt.Key.Key_Alt, Qt.Key.Key_Meta}


def key_text(event: QKeyEvent) -> str:
    """The press as the key map spells keys ('Shift+Right', '3', 'J'); keypad digits as digits."""
    mods = event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier
    combo = QKeyCombination(mods, Qt.Key(event.key()))
    return QKeySequence(combo).toString(QKeySequence.SequenceFormat.PortableText)


class ReviewKeys(QObject):
    """Turns key presses inside ``scope`` into player moves and requests to the window."""

    categoryKey = Signal(str)  # category id
    actionRequested = Signal(str)  # an id from WINDOW_ACTIONS
    performed = Signal(str)  # any action done by a key, for the on-screen display

    def __init__(self, player: Player, keymap: KeyMap, scope: QWidget) -> None:
        super().__init__(scope)
        self.player = player
        self.keymap = keymap
        self.scope = scope
        self._k_held = False
        self._player_actions: dict[str, Callable[[], None]] = {
            "step_back": lambda: self.player.step(-1),
            "step_forward": lambda: self.player.step(+1),
            "jump_back_1s": lambda: self.player.jump_ms(-1_000),
            "jump_forward_1s": lambda: self.player.jump_ms(1_000),
            "jump_back_10s": lambda: self.player.jump_ms(-10_000),
            "jump_forward_10s": lambda: self.player.jump_ms(10_000),
            "play_pause": lambda: self.player.toggle(),
            "reverse": self._j,
            "pause": self._k,
            "forward": self._l,
        }

    def install(self) -> None:
        QApplication.instance().installEventFilter(self)

    def uninstall(self) -> None:
        app = QApplication.instance()
        if app is not None:
            app.removeEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802
        kind = event.type()
        if kind not in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease) or not self._in_scope():
            return False
        assert isinstance(event, QKeyEvent)
        if kind == QEvent.Type.KeyRelease:
            if event.key() == Qt.Key.Key_K and not event.isAutoRepeat():
                self._k_held = False
            return False
        return self.handle(event)

    def _in_scope(self) -> bool:
        focus = QApplication.focusWidget()
        if isinstance(focus, _TYPING):
            return False
        window = QApplication.activeWindow()
        return window is None or window is self.scope.window()

    def handle(self, event: QKeyEvent) -> bool:
        """Act on one key press; True if it was ours."""
        if event.key() in _MODIFIER_KEYS:
            return False
        key = key_text(event)
        category = self.keymap.category_for(key)
        if category is not None:
            if not event.isAutoRepeat():
                self.categoryKey.emit(category)
            return True
        action = self.keymap.action_for(key)
        if action is None or (action not in self._player_actions and action not in WINDOW_ACTIONS):
            return False
        if event.isAutoRepeat() and action not in _REPEATING:
            return True
        self.perform(action)
        return True

    def perform(self, action: str) -> None:
        if action in self._player_actions:
            self._player_actions[action]()
        else:
            self.actionRequested.emit(action)
        self.performed.emit(action)

    def _j(self) -> None:
        if self._k_held:
            self.player.step(-1)
        else:
            self.player.shuttle_reverse()

    def _l(self) -> None:
        if self._k_held:
            self.player.step(+1)
        else:
            self.player.shuttle_forward()

    def _k(self) -> None:
        self._k_held = True
        self.player.pause()
