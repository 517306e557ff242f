"""Footage and project-file actions of the review window: add, relink, save a copy.

Probing and scanning run on the window's workers; every refusal is listed.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Qt
from PySide6.QtWidgets import QFileDialog

from reviewer.store.errors import StoreError
from ui.project.adding import AddReport, FootageAdder, RefusedFiles
from ui.project.background import FootageJobs

if TYPE_CHECKING:
    from ui.main_window import ReviewWindow

VIDEO_FILTER = "*.mp4 *.mov *.avi *.mkv *.ts *.mts *.m4v *.3gp *.mpg *.mpeg *.wmv *.flv"


class FootageActions(QObject):
    def __init__(self, window: ReviewWindow) -> None:
        super().__init__(window)
        self.window = window
        self.session = window.session
        self.adder = FootageAdder(window.session, window.tasks)
        self.jobs = FootageJobs(window.session, window.tasks)
        self.last_add: AddReport | None = None
        self.refused_dialog: RefusedFiles | None = None

    def add_footage(self) -> None:
        videos = self.tr("Video (%1)").replace("%1", VIDEO_FILTER)
        files, _ = QFileDialog.getOpenFileNames(
            self.window, self.tr("Add footage"), "", videos + ";;" + self.tr("All files (*)")
        )
        if files:
            self.add_files([Path(f) for f in files])

    def add_files(self, paths: list[Path]) -> None:
        """Probe in the background; one list of every file refused, each with its reason."""
        text = self.tr("Checking %n file(s)…", "", len(paths))
        self.window.statusBar().showMessage(text)
        self.adder.add(paths, self._added)

    def _added(self, report: AddReport) -> None:
        self.last_add = report
        text = self.tr("Added %1 of %2 file(s)").replace("%1", str(len(report.added)))
        self.window.statusBar().showMessage(
            text.replace("%2", str(len(report.added) + len(report.refused))), 15000
        )
        self.window.update_empty_hint()
        if report.refused:
            dialog = RefusedFiles(report, self.window)
            dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
            dialog.open()
            self.refused_dialog = dialog
        if report.added and self.window.media_id is None:
            self.window.open_media(report.added[0])

    def relink(self) -> None:
        folder = QFileDialog.getExistingDirectory(self.window, self.tr("Where is the footage now?"))
        if folder:
            self.relink_folder(Path(folder))

    def relink_folder(self, folder: Path) -> None:
        """Scan in the background; the window stays usable while a big drive is searched."""
        text = self.tr("Searching %1 for moved footage…").replace("%1", str(folder))
        self.window.statusBar().showMessage(text)
        self.jobs.relink(folder, self._relinked)

    def _relinked(self, report, result) -> None:
        if report is None:
            self.window.warn(getattr(result, "message", lambda _l: str(result))(self.session.lang))
            return
        text = self.tr("Relinked %1 file(s)").replace("%1", str(len(report.relinked)))
        if report.impostors:
            sep = ", " if self.session.lang.startswith("en") else "、"
            names = sep.join(p.name for p in report.impostors)
            text += self.tr("; refused look-alikes with other content: %1").replace("%1", names)
        self.window.statusBar().showMessage(text, 15000)

    def save_copy(self) -> None:
        from reviewer.store.project import SUFFIX

        name, _ = QFileDialog.getSaveFileName(
            self.window,
            self.tr("Save a copy as"),
            "",
            self.tr("Review project (*%1)").replace("%1", SUFFIX),
        )
        if name:
            self.save_copy_to(Path(name).with_suffix(SUFFIX))

    def save_copy_to(self, target: Path) -> None:
        try:
            self.session.project.backup_to(target)
        except (OSError, StoreError) as exc:
            message = exc.message(self.session.lang) if isinstance(exc, StoreError) else str(exc)
            self.window.warn(message)
            return
        self.window.statusBar().showMessage(self.tr("Copy saved: %1").replace("%1", str(target)), 10000)
