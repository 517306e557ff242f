"""Adding footage: probe every file off the GUI thread, add the good ones, list every refusal.

Five files of which three are broken must give three reasons, not one
message and two silent drops. Probing (which reads each file) runs on a
worker; the store writes happen back on the GUI thread, one per file.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from reviewer.messages import FileError
from ui.project.session import ProjectSession
from ui.workers import CancelToken, TaskRunner


@dataclass(frozen=True)
class AddReport:
    added: tuple[str, ...]  # media ids, in the order given
    refused: tuple[tuple[str, str], ...]  # (file name, why), in the order given


def probe_files(paths: list[Path], token: CancelToken, progress) -> list[tuple[Path, object]]:
    """Each path with its MediaInfo, or with the exception that says why it cannot be used."""
    from reviewer.media.info import probe  # PyAV and OpenCV: only once footage is added

    out: list[tuple[Path, object]] = []
    for n, path in enumerate(paths):
        if token.cancelled:
            break
        try:
            out.append((path, probe(path)))
        except Exception as exc:  # noqa: BLE001 - every refusal is reported with its reason
            out.append((path, exc))
        progress(n + 1, len(paths))
    return out


def reason(exc: BaseException, path: Path, lang: str) -> str:
    if isinstance(exc, FileError):
        return exc.message(lang)
    return f"{path.name}: {exc}"


class FootageAdder:
    """Starts the probe job and records its results in the project."""

    def __init__(self, session: ProjectSession, runner: TaskRunner) -> None:
        self.session, self.runner = session, runner

    def add(self, paths: list[Path], on_done) -> int:
        return self.runner.submit(
            probe_files,
            [Path(p) for p in paths],
            on_done=lambda results: on_done(self._record(results)),
            on_error=lambda exc: on_done(
                AddReport((), tuple((Path(p).name, str(exc)) for p in paths))
            ),
        )

    def _record(self, results: list[tuple[Path, object]]) -> AddReport:
        added, refused = [], []
        lang = self.session.lang
        for path, info in results:
            if isinstance(info, BaseException):
                refused.append((path.name, reason(info, path, lang)))
                continue
            try:
                changes = self.session.project.add_media(path, info=info)  # type: ignore[arg-type]
            except FileError as exc:
                refused.append((path.name, exc.message(lang)))
                continue
            self.session.announce(changes)
            added.append(changes.select or "")
        return AddReport(tuple(added), tuple(refused))


class RefusedFiles(QDialog):
    """Every file that was not added, each with its reason, in one list."""

    def __init__(self, report: AddReport, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("refusedFiles")
        self.setWindowTitle(self.tr("Some files were not added"))
        total = len(report.added) + len(report.refused)
        summary = self.tr("%1 of %2 file(s) added. These were not added:")
        summary = summary.replace("%1", str(len(report.added))).replace("%2", str(total))
        self.table = QTableWidget(len(report.refused), 2)
        self.table.setObjectName("refusedTable")
        self.table.setHorizontalHeaderLabels([self.tr("File"), self.tr("Why")])
        self.table.verticalHeader().hide()
        for row, (name, why) in enumerate(report.refused):
            self.table.setItem(row, 0, QTableWidgetItem(name))
            self.table.setItem(row, 1, QTableWidgetItem(why))
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        self.table.setWordWrap(True)
        self.table.resizeRowsToContents()
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok)
        buttons.accepted.connect(self.accept)
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(summary))
        layout.addWidget(self.table)
        layout.addWidget(buttons)
        self.resize(820, 120 + 34 * max(2, len(report.refused)))
