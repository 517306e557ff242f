"""GUI entry: QApplication, language, start page or a project, and the review window."""

from __future__ import annotations

import argparse
import contextlib
import os
import shutil
import sys
import time
from collections.abc import Sequence
from pathlib import Path

import platformdirs
from PySide6.QtCore import (
    QCoreApplication,
    QEvent,
    QLibraryInfo,
    QLocale,
    QObject,
    QSettings,
    Qt,
    QTimer,
    QTranslator,
)
from PySide6.QtWidgets import QApplication, QMainWindow, QMessageBox

from reviewer.media.paths import APP_NAME
from reviewer.store.errors import StoreError
from reviewer.store.project import SUFFIX, Project
from ui import gc_guard
from ui.fonts import use_cjk_fallback
from ui.project.recent import recent_projects, remember
from ui.project.start_page import StartPage, ask_new_project, ask_open_project
from ui.window.view_state import ViewState, load_view
from ui.workers import TaskRunner

TRANSLATIONS = Path(__file__).resolve().parent.parent / "resources" / "translations"
DEMO_SECONDS = 180.0


class Shell:
    """Owns the top-level window and swaps it: start page ↔ review window ↔ another language."""

    def __init__(self, app: QApplication, lang: str, synchronous: bool = False) -> None:
        self.app, self.lang, self.synchronous = app, lang, synchronous
        self.window: QMainWindow | None = None
        self.session = None
        self.last_error = ""
        self._boxes: list[QMessageBox] = []
        self._translators = install_translations(app, lang, [])
        self.tasks = TaskRunner(workers=1, synchronous=synchronous)
        self.tasks.progress.connect(self._demo_progress)
        self.demo_seconds = DEMO_SECONDS

    def show_start(self) -> None:
        self._close_project_window()
        self._swap(StartPage(self))

    # -- projects -----------------------------------------------------------

    def create_project(self, path: Path) -> None:
        try:
            Project.create(path).close()
        except StoreError as exc:
            self._error(exc.message(self.lang))
            return
        self.open_project(path)

    def open_project(self, path: Path, first_media: bool = False) -> None:
        """Open ``path`` where the reviewer left it (or on its first file, for a new start)."""
        from ui.project.session import ProjectSession

        try:
            project = Project.open(path)
        except StoreError as exc:
            self._error(exc.message(self.lang))
            return
        remember(path)
        self._close_project_window()
        self.session = ProjectSession(project, self.lang)
        state = load_view(project.path)
        if state.media_id is None and first_media and project.media():
            state = ViewState(project.media()[0].id)
        self._show_review(state)  # how it was opened (read-only and why): the project banner

    def _show_review(self, state: ViewState) -> None:
        from ui.main_window import ReviewWindow

        window = ReviewWindow(self.session, synchronous=self.synchronous)
        window.languageRequested.connect(self.switch_language)
        window.newProjectRequested.connect(lambda: self._ask(ask_new_project, self.create_project))
        window.openProjectRequested.connect(self._open_requested)
        window.closeProjectRequested.connect(self.show_start)
        self._swap(window)
        if self.synchronous:
            window.apply_view_state(state)
        else:  # paint the window first; opening the footage starts right after
            window.after_first_paint(lambda: window.apply_view_state(state))

    def _ask(self, ask, then) -> None:
        path = ask(self.window)
        if path is not None:
            then(path)

    def _open_requested(self, path: str) -> None:
        if path:
            self.open_project(Path(path))
        else:
            self._ask(ask_open_project, self.open_project)

    # -- the demo -----------------------------------------------------------

    def open_demo(self) -> None:
        """The demo opens at once if made; otherwise it is made on a worker, with progress."""
        path = demo_path()
        if path.exists():
            self.open_project(path, first_media=True)
            return
        if not isinstance(self.window, StartPage):
            self.show_start()
        page = self.window
        assert isinstance(page, StartPage)
        page.show_progress(self._demo_text(), 0, 1)
        self.tasks.submit(
            make_demo, path, self.demo_seconds,
            on_done=lambda made: self.open_project(made, first_media=True),
            on_error=self._demo_failed,
        )  # fmt: skip

    def _demo_text(self) -> str:
        return QCoreApplication.translate("Shell", "Making the demo footage (first start only)…")

    def _demo_progress(self, _job: int, done: int, total: int) -> None:
        """The shell's runner makes only the demo; its progress goes to the start page."""
        if isinstance(self.window, StartPage) and _still(self.window):
            self.window.show_progress(self._demo_text(), done, total)

    def _demo_failed(self, exc: Exception) -> None:
        if isinstance(self.window, StartPage):
            self.window.hide_progress()
        self._error(str(exc))

    # -- language -----------------------------------------------------------

    def switch_language(self, lang: str) -> None:
        """Rebuild the window in the other language, at the same file, frame, selection and filter."""
        QSettings().setValue("language", lang)
        state = self.window.view_state() if hasattr(self.window, "view_state") else None
        self.lang = lang
        self._translators = install_translations(self.app, lang, self._translators)
        if self.session is not None and state is not None:
            self.session.lang = lang
            self._show_review(state)
        else:
            self.show_start()

    # -- windows ------------------------------------------------------------

    def _swap(self, window: QMainWindow) -> None:
        old, self.window = self.window, window
        if old is not None:
            _detach(old)
            geometry = old.geometry()
            if isinstance(window, type(old)):
                window.setGeometry(geometry)
        window.show()
        if old is not None:
            old.close()
            old.deleteLater()
        if hasattr(window, "closed"):
            window.closed.connect(self._close_session)
            window.setProperty("shellAttached", True)

    def _close_project_window(self) -> None:
        """Leaving a project: the window keeps where the reviewer was, then the project closes."""
        if hasattr(self.window, "view_state"):
            _detach(self.window)
            self.window.close()
        self._close_session()

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
        self._close_project_window()
        if self.window is not None:
            self.window.close()
        self.tasks.shutdown()
        remove_translations(self.app, self._translators)
        self._translators = []


def _detach(window: QMainWindow) -> None:
    """Its closing no longer closes the project (the shell is replacing it)."""
    if _still(window) and window.property("shellAttached"):
        window.closed.disconnect()
        window.setProperty("shellAttached", False)


def _still(widget: QObject) -> bool:
    """False once Qt has deleted the widget (a late progress report after the swap)."""
    try:
        widget.objectName()
    except RuntimeError:
        return False
    return True


def demo_path() -> Path:
    folder = Path(platformdirs.user_data_dir(APP_NAME, False)) / "demo"
    return folder / ("演示项目" + SUFFIX)


def make_demo(path: Path, seconds: float, token, progress) -> Path:
    """Made in a side folder and moved into place whole: a quit halfway leaves no half demo."""
    from reviewer.store.demo import create_demo  # the encoder, only when a demo is made

    part = path.parent.with_name(path.parent.name + ".part")
    shutil.rmtree(part, ignore_errors=True)
    part.mkdir(parents=True)
    create_demo(part / path.name, total_seconds=seconds, progress=progress)
    shutil.rmtree(path.parent, ignore_errors=True)
    part.rename(path.parent)
    return path


def install_translations(app: QApplication, lang: str, old: list[QTranslator]) -> list[QTranslator]:
    """Our strings and Qt's own (standard dialogs) in ``lang``; English is the source text.

    Replaces the translators in ``old``; returns the ones now installed.
    """
    remove_translations(app, old)
    if lang.startswith("en"):
        return []
    installed = []
    qt_path = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
    ours = str(TRANSLATIONS)
    for name, folder in (("qtbase", qt_path), ("qtextra", ours), ("shenpian", ours)):
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
    use_cjk_fallback(app)
    gc_guard.install(app)
    return app


class FirstPaint(QObject):
    """For benchmarks/ui_bench.py: writes the wall-clock time of the first painted window.

    Set SHENPIAN_FIRST_PAINT=FILE; with SHENPIAN_QUIT_AFTER_PAINT=1 the app then quits.
    """

    def __init__(self, target: str) -> None:
        super().__init__()
        self.target = target

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802
        if event.type() == QEvent.Type.Paint and getattr(watched, "isWindow", lambda: False)():
            Path(self.target).write_text(f"{time.time():.4f}\n", encoding="utf-8")
            QApplication.instance().removeEventFilter(self)
            if os.environ.get("SHENPIAN_QUIT_AFTER_PAINT"):
                QTimer.singleShot(0, QApplication.quit)
        return False


def run_gui(argv: Sequence[str]) -> int:
    args = parse_gui_args(argv)
    app = make_app()
    probe = os.environ.get("SHENPIAN_FIRST_PAINT")
    if probe:
        app.first_paint = FirstPaint(probe)  # type: ignore[attr-defined]
        app.installEventFilter(app.first_paint)  # type: ignore[attr-defined]
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
