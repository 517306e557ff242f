"""QApplication setup and the main window shell."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence

from PySide6.QtCore import QLocale, Qt, QTimer, QTranslator
from PySide6.QtWidgets import QApplication, QLabel, QMainWindow


class MainWindow(QMainWindow):
    """The review window; panels are added by their own modules and wired in main.py."""

    def __init__(self) -> None:
        super().__init__()
        self.setObjectName("MainWindow")
        self.setWindowTitle(self.tr("暗访审片"))
        placeholder = QLabel(self.tr("打开或新建一个审片项目"))
        placeholder.setObjectName("startHint")
        placeholder.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.setCentralWidget(placeholder)
        self.resize(1280, 800)


def parse_gui_args(argv: Sequence[str]) -> argparse.Namespace:
    parser = argparse.ArgumentParser(prog="shenpian-gui")
    parser.add_argument("--lang", default="zh_CN")
    parser.add_argument("--demo", action="store_true", help="open the demo project")
    parser.add_argument(
        "--screenshot", metavar="PNG", help="save the window to PNG once shown, then quit"
    )
    parser.add_argument("project", nargs="?")
    return parser.parse_known_args(list(argv))[0]


def install_qt_translations(app: QApplication, lang: str) -> None:
    """Qt's own strings (standard dialogs) follow the chosen language."""
    from PySide6.QtCore import QLibraryInfo

    translator = QTranslator(app)
    path = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
    if translator.load(QLocale(lang), "qtbase", "_", path):
        app.installTranslator(translator)


def run_gui(argv: Sequence[str]) -> int:
    args = parse_gui_args(argv)
    app = QApplication.instance() or QApplication(sys.argv[:1])
    app.setApplicationName("shenpian")
    install_qt_translations(app, args.lang)
    window = MainWindow()
    window.show()
    if args.screenshot:
        QTimer.singleShot(500, lambda: _save_and_quit(window, args.screenshot))
    return app.exec()


def _save_and_quit(window: QMainWindow, path: str) -> None:
    """For docs and real-window tests: what a user would see, from a real display."""
    window.grab().save(path)
    QApplication.quit()
