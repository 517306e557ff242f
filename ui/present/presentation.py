"""Presentation mode: the show full screen on the chosen screen, the presenter view on another.

Both windows take the same keys (a presentation remote sends PageDown/PageUp or the
arrows); Esc leaves and stops every decoder. The keys are the key map's own
presentation actions, listed in the F1 sheet.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Signal
from PySide6.QtGui import QGuiApplication, QKeyEvent, QScreen
from PySide6.QtWidgets import QWidget

from reviewer.export.common import ExportOptions
from reviewer.present.plan import Show
from ui.keys.handler import key_text
from ui.keys.keymap import KeyMap
from ui.present.player import ShowPlayer
from ui.present.presenter import PresenterView
from ui.present.screen import ShowScreen


def pick_screen(number: int | None) -> QScreen:
    """Screen ``number`` (1-based), else the last one: a projector is added after the laptop's."""
    screens = QGuiApplication.screens()
    if number is not None and 1 <= number <= len(screens):
        return screens[number - 1]
    return screens[-1]


class _Keys(QObject):
    """Key presses in either window go to the presentation."""

    def __init__(self, presentation: Presentation) -> None:
        super().__init__(presentation)
        self.presentation = presentation

    def eventFilter(self, watched: QObject, event: object) -> bool:  # noqa: N802
        if isinstance(event, QKeyEvent) and event.type() == QEvent.Type.KeyPress:
            return self.presentation.key(event)
        return False


class Presentation(QObject):
    finished = Signal()

    def __init__(self, show: Show, options: ExportOptions, lang: str,
                 screen_number: int | None = None, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.show_plan, self.lang = show, lang
        screen = pick_screen(screen_number)
        size = screen.geometry().size()
        self.player = ShowPlayer(show.slides, options, (size.width(), size.height()), self)
        self.screen = ShowScreen(self.player)
        self.screen.setWindowTitle(self.tr("Presentation"))
        self.screen.setScreen(screen)
        self.screen.setGeometry(screen.geometry())
        self.presenter = self._presenter(screen)
        self.player.finished.connect(self.close)
        self._keys = _Keys(self)
        for window in (self.screen, self.presenter):
            if window is not None:
                window.installEventFilter(self._keys)
        self.closed = False

    def _presenter(self, shown_on: QScreen) -> PresenterView | None:
        """On the laptop's screen when there is one besides the show's; else none."""
        others = [s for s in QGuiApplication.screens() if s is not shown_on]
        if not others:
            return None
        view = PresenterView(self.player, self.lang)
        view.setScreen(others[0])
        view.move(others[0].availableGeometry().topLeft())
        return view

    def start(self) -> None:
        self.screen.showFullScreen()
        if self.presenter is not None:
            self.presenter.show()
        self.screen.activateWindow()
        self.player.start()

    def key(self, event: QKeyEvent) -> bool:
        action = KeyMap.present_action(key_text(event))
        if action is None:
            return False
        if event.isAutoRepeat() and action != "present_next":
            return True
        {"present_next": lambda: self.player.step(+1),
         "present_previous": lambda: self.player.step(-1),
         "present_pause": self.player.toggle_pause,
         "present_black": self.player.toggle_black,
         "present_leave": self.close}[action]()
        return True

    def close(self) -> None:
        if self.closed:
            return
        self.closed = True
        self.player.stop()
        for window in (self.screen, self.presenter):
            if window is not None:
                window.removeEventFilter(self._keys)
                window.close()
                window.deleteLater()
        self.finished.emit()

    def windows(self) -> list[QWidget]:
        return [w for w in (self.screen, self.presenter) if w is not None]
