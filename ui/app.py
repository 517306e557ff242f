"""GUI entry: QApplication, language, start page or a project, and the review window."""

from __future__ import annotations

import argparse
import contextlib
import sys
from collections.abc import Sequence
from pathlib import Path

import platformdirs
from PySide6.QtCore import QLibraryInfo, QLocale, QSettings, Qt, QTimer, QTranslator
from PySide6.QtWidgets import (
    QApplication,
    QFileDialog,
    QLabel,
    QListWidget,
    QMainWindow,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from reviewer.media.paths import APP_NAME
from reviewer.store.errors import StoreError
from reviewer.store.project import SUFFIX, Project

TRANSLATIONS = Path(__file__).resolve().parent.parent / "resources" / "translations"
_RECENT_MAX = 8


class StartPage(QMainWindow):
    """New / open / demo, and the recently opened projects."""

    def __init__(self, app_shell: Shell) -> None:
        super().__init__()
        self.setObjectName("StartPage")
        self.shell = app_shell
        self.setWindowTitle(self.tr("Footage reviewer"))
        body = QWidget()
        column = QVBoxLayout(body)
        column.setAlignment(Qt.AlignmentFlag.AlignCenter)
        title = QLabel(self.tr("Footage reviewer"))
        title.setObjectName("startTitle")
        title.setStyleSheet("font-size: 22pt; font-weight: bold;")
        column.addWidget(title)
        for text, slot in (
            (self.tr("New project…"), self.new_project),
            (self.tr("Open project…"), self.open_project),
            (self.tr("Open the demo project"), self.shell.open_demo),
        ):
            button = QPushButton(text)
            button.clicked.connect(slot)
            column.addWidget(button)
        column.addWidget(QLabel(self.tr("Recent projects")))
        self.recent = QListWidget()
        self.recent.setObjectName("recentProjects")
        self.recent.addItems(recent_projects())
        self.recent.itemActivated.connect(lambda item: self.shell.open_project(Path(item.text())))
        column.addWidget(self.recent)
        self.setCentralWidget(body)
        self.resize(640, 480)

    def new_project(self) -> None:
        name, _ = QFileDialog.getSaveFileName(
            self, self.tr("New project"), "", self.tr("Review project (*%1)").replace("%1", SUFFIX)
        )
        if name:
            self.shell.create_project(Path(name).with_suffix(SUFFIX))

    def open_project(self) -> None:
        name, _ = QFileDialog.getOpenFileName(
            self, self.tr("Open project"), "", self.tr("Review project (*%1)").replace("%1", SUFFIX)
        )
        if name:
            self.shell.open_project(Path(name))


def recent_projects() -> list[str]:
    value = QSettings().value("recent", [])
    items = [value] if isinstance(value, str) else list(value or [])
    return [p for p in items if Path(p).exists()][:_RECENT_MAX]


def remember(path: Path) -> None:
    items = [str(path)] + [p for p in recent_projects() if p != str(path)]
    QSettings().setValue("recent", items[:_RECENT_MAX])


class Shell:
    """Owns the top-level window and swaps it: start page ↔ review window ↔ another language."""

    def __init__(self, app: QApplication, lang: str, synchronous: bool = False) -> None:
        self.app, self.lang, self.synchronous = app, lang, synchronous
        self.window: QMainWindow | None = None
        self.session = None
        self.last_error = ""
        self._boxes: list[QMessageBox] = []
        self._translators = install_translations(app, lang, [])

    def show_start(self) -> None:
        self._swap(StartPage(self))

    def create_project(self, path: Path) -> None:
        try:
            Project.create(path).close()
        except StoreError as exc:
            self._error(exc.message(self.lang))
            return
        self.open_project(path)

    def open_project(self, path: Path, first_media: bool = False) -> None:
        from ui.project.session import ProjectSession

        try:
            project = Project.open(path)
        except StoreError as exc:
            self._error(exc.message(self.lang))
            return
        if project.read_only and project.read_only_reason is not None:
            self._error(project.read_only_reason.message(self.lang))
        remember(path)
        self._close_session()
        self.session = ProjectSession(project, self.lang)
        self._show_review(first_media)

    def _show_review(self, first_media: bool) -> None:
        from ui.main_window import ReviewWindow

        window = ReviewWindow(self.session, synchronous=self.synchronous)
        window.languageRequested.connect(self.switch_language)
        self._swap(window)
        media = self.session.project.media()
        if first_media and media:
            window.open_media(media[0].id)

    def open_demo(self) -> None:
        from reviewer.store.demo import create_demo

        path = demo_path()
        if not path.exists():
            create_demo(path)
        self.open_project(path, first_media=True)

    def switch_language(self, lang: str) -> None:
        """Rebuild the window in the other language; widgets hold no state, so nothing is lost."""
        QSettings().setValue("language", lang)
        self.lang = lang
        self._translators = install_translations(self.app, lang, self._translators)
        if self.session is not None:
            self.session.lang = lang
            self._show_review(first_media=False)
        else:
            self.show_start()

    def _swap(self, window: QMainWindow) -> None:
        old, self.window = self.window, window
        window.show()
        if old is not None:
            if hasattr(old, "shutdown"):
                old.closed.disconnect() if hasattr(old, "closed") else None
            old.close()
            old.deleteLater()
        if hasattr(window, "closed"):
            window.closed.connect(self._close_session)

    def _close_session(self) -> None:
        if self.session is not None:
            try:
                self.session.close()
            except StoreError as exc:
                self._error(exc.message(self.lang))
            self.session = None

    def _error(self, text: str) -> None:
        """Window-modal but not blocking, so nothing waits on the user to read it."""
        self.last_error = text
        box = QMessageBox(
            QMessageBox.Icon.Warning,
            QApplication.translate("Shell", "Footage reviewer"),
            text,
            QMessageBox.StandardButton.Ok,
            self.window,
        )
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        box.open()
        self._boxes.append(box)

    def shutdown(self) -> None:
        for box in self._boxes:
            with contextlib.suppress(RuntimeError):  # already deleted by Qt
                box.close()
        self._boxes.clear()
        if self.window is not None:
            self.window.close()
        self._close_session()
        remove_translations(self.app, self._translators)
        self._translators = []


def demo_path() -> Path:
    folder = Path(platformdirs.user_data_dir(APP_NAME, False)) / "demo"
    return folder / ("演示项目" + SUFFIX)


def install_translations(app: QApplication, lang: str, old: list[QTranslator]) -> list[QTranslator]:
    """Our strings and Qt's own (standard dialogs) in ``lang``; English is the source text.

    Replaces the translators in ``old``; returns the ones now installed.
    """
    remove_translations(app, old)
    if lang.startswith("en"):
        return []
    installed = []
    qt_path = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
    for name, folder in (("qtbase", qt_path), ("shenpian", str(TRANSLATIONS))):
        translator = QTranslator(app)
        if translator.load(QLocale(lang), name, "_", folder):
            app.installTranslator(translator)
            installed.append(translator)
    return installed


def remove_translations(app: QApplication, translators: list[QTranslator]) -> None:
    for translator in translators:
        app.removeTranslator(translator)


def parse_gui_args(argv: Sequence[str]) -> argparse.Namespace:
    parser = argparse.ArgumentParser(prog="shenpian-gui")
    parser.add_argument("--lang", default=None, help="zh_CN (default) or en")
    parser.add_argument("--demo", action="store_true", help="open the demo project")
    parser.add_argument(
        "--screenshot", metavar="PNG", help="save the window to PNG once shown, then quit"
    )
    parser.add_argument("project", nargs="?")
    return parser.parse_known_args(list(argv))[0]


def make_app() -> QApplication:
    app = QApplication.instance() or QApplication(sys.argv[:1])
    app.setOrganizationName(APP_NAME)
    app.setApplicationName(APP_NAME)
    return app


def run_gui(argv: Sequence[str]) -> int:
    args = parse_gui_args(argv)
    app = make_app()
    lang = args.lang or str(QSettings().value("language", "zh_CN"))
    shell = Shell(app, lang)
    if args.demo:
        shell.open_demo()
    elif args.project:
        shell.open_project(Path(args.project), first_media=True)
    else:
        last = recent_projects()
        shell.open_project(Path(last[0])) if last else shell.show_start()
    if shell.window is None:
        shell.show_start()
    if args.screenshot:
        QTimer.singleShot(2500, lambda: _save_and_quit(shell, args.screenshot))
    code = app.exec()
    shell.shutdown()
    return code


def _save_and_quit(shell: Shell, path: str) -> None:
    """For docs and real-window tests: what a user would see, from a real display."""
    if shell.window is not None:
        shell.window.grab().save(path)
    QApplication.quit()
