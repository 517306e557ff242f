"""Run by test_real_window.py in a child process on a real (Xvfb) X display.

Opens a project in the real app shell, steps with real key events sent to
the focused window, tags with a category key, and captures the screen.
Prints one JSON line with what happened.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

from PySide6.QtCore import QEventLoop, Qt, QTimer
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication

from ui.app import Shell, make_app


def wait(ms: int) -> None:
    """A real event loop (QTest.qWait keeps the GIL, starving the decode thread)."""
    loop = QEventLoop()
    QTimer.singleShot(ms, loop.quit)
    loop.exec()


def press(window, key: Qt.Key) -> None:
    QTest.keyClick(QApplication.focusWidget() or window, key)
    wait(40)  # about a key-repeat interval


def scenario(shell: Shell, shot: Path) -> dict:
    window = shell.window
    window.activateWindow()
    QTest.qWaitForWindowActive(window, 5000)
    for _ in range(20):
        press(window, Qt.Key.Key_Right)
    press(window, Qt.Key.Key_Left)
    before = len(shell.session.project.tags())
    press(window, Qt.Key.Key_2)
    wait(1000)  # let the filmstrip arrive before the picture is taken
    screen = QApplication.primaryScreen().grabWindow(0)  # the X server's framebuffer
    screen.save(str(shot))
    return {
        "platform": QApplication.platformName(),
        "frame": window.player.current.index,
        "tags_added": len(shell.session.project.tags()) - before,
        "title": window.windowTitle(),
        "shot": str(shot),
    }


def main() -> int:
    project, shot = Path(sys.argv[1]), Path(sys.argv[2])
    app = make_app()
    shell = Shell(app, "zh_CN")
    shell.open_project(project, first_media=True)
    result: dict = {}

    def run() -> None:
        result.update(scenario(shell, shot))
        app.quit()

    QTimer.singleShot(1500, run)
    app.exec()
    shell.shutdown()
    print(json.dumps(result, ensure_ascii=False))
    return 0


if __name__ == "__main__":
    sys.exit(main())
