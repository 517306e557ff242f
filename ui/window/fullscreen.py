"""Full-screen video: the window goes full screen with only the video, its legend and the transport.

Docks, menus, the timeline and the status bar are hidden and come back
exactly as they were (Esc or F11 again). The OSD and the legend stay, so
the keys still read off the screen.
"""

from __future__ import annotations

from PySide6.QtCore import QByteArray, QObject
from PySide6.QtWidgets import QDockWidget, QMainWindow, QWidget


class FullScreen(QObject):
    def __init__(self, window: QMainWindow, hidden: list[QWidget]) -> None:
        super().__init__(window)
        self.window = window
        self.hidden = hidden  # widgets besides docks, menu and status bar that make room
        self._state: QByteArray | None = None
        self._was_maximized = False
        self._shown: list[QWidget] = []  # what was visible before, and comes back

    @property
    def active(self) -> bool:
        return self._state is not None

    def toggle(self) -> None:
        self.leave() if self.active else self.enter()

    def enter(self) -> None:
        if self.active:
            return
        w = self.window
        self._state, self._was_maximized = w.saveState(), w.isMaximized()
        for dock in self._docks():
            dock.hide()
        self._shown = [x for x in (*self.hidden, w.menuBar(), w.statusBar()) if x.isVisible()]
        for widget in self._shown:
            widget.hide()
        w.showFullScreen()

    def leave(self) -> None:
        if not self.active:
            return
        w, state, self._state = self.window, self._state, None
        for widget in self._shown:
            widget.show()
        w.showMaximized() if self._was_maximized else w.showNormal()
        assert state is not None
        w.restoreState(state)

    def _docks(self) -> list[QWidget]:
        return [d for d in self.window.findChildren(QDockWidget) if d.isVisible()]
