"""The start page: new, open, recent, demo; and the progress of a demo being prepared.

Reachable at any time (File → Close project, Help → Start page); the app
stays open. It says what to do next, so a first start is never a blank window.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import (
    QFileDialog,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMainWindow,
    QProgressBar,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from reviewer.store.project import SUFFIX
from ui.project.recent import recent_projects

if TYPE_CHECKING:
    from ui.app import Shell

PATH_ROLE = Qt.ItemDataRole.UserRole + 20


def _project_files() -> str:
    return QCoreApplication.translate("StartPage", "Review project (*%1)").replace("%1", SUFFIX)


def ask_new_project(parent: QWidget) -> Path | None:
    title = QCoreApplication.translate("StartPage", "New project")
    name, _ = QFileDialog.getSaveFileName(parent, title, "", _project_files())
    return Path(name).with_suffix(SUFFIX) if name else None


def ask_open_project(parent: QWidget) -> Path | None:
    title = QCoreApplication.translate("StartPage", "Open project")
    name, _ = QFileDialog.getOpenFileName(parent, title, "", _project_files())
    return Path(name) if name else None


class StartPage(QMainWindow):
    """New / open / demo, and the recently opened projects."""

    def __init__(self, shell: Shell) -> None:
        super().__init__()
        self.setObjectName("StartPage")
        self.shell = shell
        self.setWindowTitle(self.tr("Footage reviewer"))
        body = QWidget()
        column = QVBoxLayout(body)
        column.setAlignment(Qt.AlignmentFlag.AlignCenter)
        title = QLabel(self.tr("Footage reviewer"))
        title.setObjectName("startTitle")
        title.setStyleSheet("font-size: 22pt; font-weight: bold;")
        column.addWidget(title)
        hint = QLabel(
            self.tr(
                "Start with a new project for this month's footage, or open one you have. "
                "Not sure? Open the demo project and look around."
            )
        )
        hint.setObjectName("startHint")
        hint.setWordWrap(True)
        column.addWidget(hint)
        self.buttons = []
        for name, text, slot in (
            ("newProject", self.tr("New project…"), self.new_project),
            ("openProject", self.tr("Open project…"), self.open_project),
            ("openDemo", self.tr("Open the demo project"), self.shell.open_demo),
        ):
            button = QPushButton(text)
            button.setObjectName(name)
            button.clicked.connect(slot)
            column.addWidget(button)
            self.buttons.append(button)
        self.progress_label = QLabel()
        self.progress_label.setObjectName("demoProgressLabel")
        self.progress = QProgressBar()
        self.progress.setObjectName("demoProgress")
        for widget in (self.progress_label, self.progress):
            widget.hide()
            column.addWidget(widget)
        column.addWidget(QLabel(self.tr("Recent projects")))
        self.recent = QListWidget()
        self.recent.setObjectName("recentProjects")
        for path in recent_projects():
            item = QListWidgetItem(f"{Path(path).stem}    —    {path}")
            item.setData(PATH_ROLE, path)
            self.recent.addItem(item)
        if not self.recent.count():
            empty = QListWidgetItem(self.tr("(none yet: the projects you open are listed here)"))
            empty.setFlags(Qt.ItemFlag.NoItemFlags)
            self.recent.addItem(empty)
        self.recent.itemActivated.connect(self._open_recent)
        column.addWidget(self.recent)
        self.setCentralWidget(body)
        self.resize(720, 520)

    def new_project(self) -> None:
        path = ask_new_project(self)
        if path is not None:
            self.shell.create_project(path)

    def open_project(self) -> None:
        path = ask_open_project(self)
        if path is not None:
            self.shell.open_project(path)

    def _open_recent(self, item: QListWidgetItem) -> None:
        path = item.data(PATH_ROLE)
        if path:
            self.shell.open_project(Path(path))

    def show_progress(self, text: str, done: int, total: int) -> None:
        """A demo (or other first-start work) is being prepared: say so, with a bar."""
        for button in self.buttons:
            button.setEnabled(False)
        self.progress_label.setText(text)
        self.progress.setRange(0, max(1, total))
        self.progress.setValue(done)
        self.progress_label.show()
        self.progress.show()

    def hide_progress(self) -> None:
        for button in self.buttons:
            button.setEnabled(True)
        self.progress_label.hide()
        self.progress.hide()
