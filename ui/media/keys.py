"""Reviewer keyboard: arrows step, J/K/L shuttle, digits tag, I/O mark, S takes a still.

An event filter rather than QShortcuts because K held with J or L steps,
which needs key release events, and because typing in the tag editor must
never move the video.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QAbstractSpinBox,
    QApplication,
    QComboBox,
    QLineEdit,
    QPlainTextEdit,
    QTextEdit,
    QWidget,
)

from ui.media.player import Player

_TYPING = (QLineEdit, QTextEdit, QPlainTextEdit, QAbstractSpinBox, QComboBox)
_NAV_KEYS = {Qt.Key.Key_Left: -1, Qt.Key.Key_Right: +1}


class ReviewKeys(QObject):
    """Turns key presses inside ``scope`` into player moves and tagging requests."""

    categoryKey = Signal(int)  # 1..9
    markIn = Signal()
    markOut = Signal()
    stillKey = Signal()
    gotoRequested = Signal()

    def __init__(self, player: Player, scope: QWidget) -> None:
        super().__init__(scope)
        self.player = player
        self.scope = scope
        self._k_held = False

    def install(self) -> None:
        QApplication.instance().installEventFilter(self)

    def uninstall(self) -> None:
        app = QApplication.instance()
        if app is not None:
            app.removeEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
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
        key, mods = event.key(), event.modifiers()
        if key in _NAV_KEYS:
            self._navigate(_NAV_KEYS[key], mods)
            return True
        if mods & ~Qt.KeyboardModifier.KeypadModifier:
            return False
        return self._plain_key(key, event.isAutoRepeat())

    def _navigate(self, direction: int, mods: Qt.KeyboardModifier) -> None:
        if mods & Qt.KeyboardModifier.ControlModifier:
            self.player.jump_ms(direction * 10_000)
        elif mods & Qt.KeyboardModifier.ShiftModifier:
            self.player.jump_ms(direction * 1_000)
        else:
            self.player.step(direction)

    def _plain_key(self, key: int, repeat: bool) -> bool:
        if Qt.Key.Key_1 <= key <= Qt.Key.Key_9:
            if not repeat:
                self.categoryKey.emit(key - Qt.Key.Key_0)
            return True
        action = self._ACTIONS.get(key)
        if action is None or (repeat and key not in (Qt.Key.Key_J, Qt.Key.Key_L)):
            return action is not None
        action(self)
        return True

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

    _ACTIONS = {
        Qt.Key.Key_J: _j,
        Qt.Key.Key_K: _k,
        Qt.Key.Key_L: _l,
        Qt.Key.Key_Space: lambda self: self.player.toggle(),
        Qt.Key.Key_I: lambda self: self.markIn.emit(),
        Qt.Key.Key_O: lambda self: self.markOut.emit(),
        Qt.Key.Key_S: lambda self: self.stillKey.emit(),
        Qt.Key.Key_G: lambda self: self.gotoRequested.emit(),
    }
