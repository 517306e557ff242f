"""Export dialog: pick formats, a folder, the current filter or the editor playlist, clip
handles and options; the export runs on the TaskRunner with progress and cancel, and ends
with a summary of the files written and the tags skipped.

The snapshot is taken here on the GUI thread (the project's connection belongs to it);
the worker only sees that frozen copy.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QButtonGroup,
    QCheckBox,
    QComboBox,
    QDialog,
    QDoubleSpinBox,
    QFileDialog,
    QFormLayout,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QProgressBar,
    QPushButton,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from reviewer.export import selection, snapshot
from reviewer.export.common import FORMATS, ExportError, ExportOptions, ExportResult
from reviewer.store.search import TagFilter
from ui.export.job import run_formats
from ui.project.session import ProjectSession
from ui.redact.export_choice import RedactionChoice
from ui.workers import TaskRunner


class ExportDialog(QDialog):
    """Pick formats and a folder, run the export in the background, report what was written."""

    def __init__(
        self,
        session: ProjectSession,
        runner: TaskRunner,
        parent: QWidget | None = None,
        tag_filter: TagFilter | None = None,
    ):
        super().__init__(parent)
        self.session, self.runner = session, runner
        self.tag_filter = tag_filter or TagFilter()
        self._job: int | None = None
        self.results: list[tuple[str, ExportResult | ExportError]] = []
        self.setWindowTitle(self.tr("Export"))
        layout = QVBoxLayout(self)
        layout.addWidget(self._formats_box())
        layout.addWidget(self._selection_box())
        layout.addWidget(self._options_box())
        layout.addLayout(self._folder_row())
        self.progress = QProgressBar()
        self.summary = QPlainTextEdit(readOnly=True)
        self.summary.setMinimumHeight(120)
        layout.addWidget(self.progress)
        layout.addWidget(self.summary)
        layout.addLayout(self._buttons())
        runner.progress.connect(self._on_progress)
        runner.finished.connect(self._on_finished)
        runner.failed.connect(self._on_failed)
        self._sync()

    # -- building ----------------------------------------------------------

    def _formats_box(self) -> QGroupBox:
        labels = {
            "xlsx": self.tr("Rectification ledger (XLSX)"),
            "csv": self.tr("Ledger (CSV)"),
            "otio": self.tr("Timeline (OTIO: Resolve, Kdenlive)"),
            "xmeml": self.tr("Timeline (FCP7 XML: Premiere)"),
            "edl": self.tr("EDL (CMX3600)"),
            "markers-edl": self.tr("Resolve timeline markers (EDL)"),
            "srt": self.tr("Captions (SRT)"),
            "ass": self.tr("Captions (ASS)"),
            "clips": self.tr("Clip files (MP4)"),
            "reel": self.tr("Screening reel (MP4)"),
            "pptx": self.tr("Meeting slides (PPTX)"),
            "stats": self.tr("Statistics (CSV + PNG)"),
            "bulletin": self.tr("Bulletin (Word, GB/T 9704)"),
            "assessment": self.tr("County assessment (XLSX)"),
        }
        box = QGroupBox(self.tr("Formats"))
        grid = QGridLayout(box)
        self.format_boxes: dict[str, QCheckBox] = {}
        for n, fmt in enumerate(FORMATS):
            check = QCheckBox(labels[fmt])
            check.setChecked(fmt in ("xlsx", "pptx"))
            check.toggled.connect(self._sync)
            self.format_boxes[fmt] = check
            grid.addWidget(check, n // 2, n % 2)
        return box

    def _selection_box(self) -> QGroupBox:
        box = QGroupBox(self.tr("Tags"))
        row = QHBoxLayout(box)
        count = len(self.session.project.tags(self.tag_filter))
        self.use_filter = QRadioButton(self.tr("Current filter (%n tag(s))", "", count))
        self.playlist = selection.load_playlist(self.session.project)
        self.use_playlist = QRadioButton(
            self.tr("Editor's playlist (%n tag(s))", "", len(self.playlist))
        )
        self.use_playlist.setEnabled(bool(self.playlist))
        (self.use_playlist if self.playlist else self.use_filter).setChecked(True)
        group = QButtonGroup(box)
        group.addButton(self.use_filter)
        group.addButton(self.use_playlist)
        row.addWidget(self.use_filter)
        row.addWidget(self.use_playlist)
        return box

    def _options_box(self) -> QGroupBox:
        box = QGroupBox(self.tr("Options"))
        form = QFormLayout(box)
        self.handles = QDoubleSpinBox(
            minimum=0.0, maximum=30.0, singleStep=0.5, value=1.0, suffix=self.tr(" s")
        )
        form.addRow(self.tr("Handles before and after"), self.handles)
        self.clip_mode = QComboBox()
        self.clip_mode.addItem(self.tr("Exact (re-encoded, frame-exact)"), "exact")
        self.clip_mode.addItem(
            self.tr("Lossless (stream copy; starts at the keyframe before the mark)"), "lossless"
        )
        self.clip_mode.currentIndexChanged.connect(self._sync)
        form.addRow(self.tr("Clip cut"), self.clip_mode)
        self.vfr = QCheckBox(self.tr("Keep variable frame rate (else constant, for editing)"))
        self.vfr.setToolTip(
            self.tr(
                "Phone footage changes its frame rate. Constant-rate clips repeat frames to "
                "keep time; either way the first and last frames are the tag's."
            )
        )
        form.addRow("", self.vfr)
        self.lower_third = QCheckBox(self.tr("Burn in category · place · unit"))
        form.addRow("", self.lower_third)
        self.watermark = QCheckBox(self.tr("Watermark the reel"))
        form.addRow("", self.watermark)
        self.group_by = QComboBox()
        for label, key in (
            (self.tr("County"), "county"),
            (self.tr("Category"), "category"),
            (self.tr("No grouping"), "none"),
        ):
            self.group_by.addItem(label, key)
        form.addRow(self.tr("Reel grouped by"), self.group_by)
        self.caption_time = QComboBox()
        self.caption_time.addItem(self.tr("On the reel"), "reel")
        self.caption_time.addItem(self.tr("Per clip file"), "clip")
        form.addRow(self.tr("Caption times"), self.caption_time)
        self.issue = QLineEdit(placeholderText=self.tr("e.g. Issue 5"))
        form.addRow(self.tr("Issue on the cover"), self.issue)
        self.redaction = RedactionChoice(self.session)  # #15
        form.addRow(self.tr("Privacy mosaic"), self.redaction)
        return box

    def _folder_row(self) -> QHBoxLayout:
        row = QHBoxLayout()
        row.addWidget(QLabel(self.tr("Output folder")))
        self.folder = QLineEdit(str(self.session.project.path.parent / "导出"))
        self.folder.textChanged.connect(self._sync)
        browse = QPushButton(self.tr("Browse…"))
        browse.clicked.connect(self._browse)
        row.addWidget(self.folder, 1)
        row.addWidget(browse)
        return row

    def _buttons(self) -> QHBoxLayout:
        row = QHBoxLayout()
        row.addStretch(1)
        self.export_button = QPushButton(self.tr("Export"))
        self.export_button.setDefault(True)
        self.export_button.clicked.connect(self.start)
        self.cancel_button = QPushButton(self.tr("Cancel export"))
        self.cancel_button.clicked.connect(self.cancel)
        self.close_button = QPushButton(self.tr("Close"))
        self.close_button.clicked.connect(self.reject)
        for button in (self.export_button, self.cancel_button, self.close_button):
            row.addWidget(button)
        return row

    # -- behaviour -----------------------------------------------------------

    def formats(self) -> list[str]:
        return [fmt for fmt, box in self.format_boxes.items() if box.isChecked()]

    def options(self) -> ExportOptions:
        handle = round(self.handles.value() * 1000)
        return ExportOptions(
            handle_before_ms=handle,
            handle_after_ms=handle,
            clip_mode=self.clip_mode.currentData(),
            vfr=self.vfr.isChecked(),
            lower_third=self.lower_third.isChecked(),
            watermark=self.watermark.isChecked(),
            group_by=self.group_by.currentData(),
            caption_time=self.caption_time.currentData(),
            issue=self.issue.text().strip(),
            lang=self.session.lang,
            redact=self.redaction.mode(),
            redact_style=self.redaction.style_name(),
        )

    def _sync(self) -> None:
        busy = self._job is not None
        lossless = self.clip_mode.currentData() == "lossless"
        # Text can only be burned in by re-encoding.
        self.lower_third.setEnabled(not lossless or not self.format_boxes["clips"].isChecked())
        self.vfr.setEnabled(not lossless)
        self.export_button.setEnabled(
            not busy and bool(self.formats()) and bool(self.folder.text())
        )
        self.cancel_button.setEnabled(busy)
        self.close_button.setEnabled(not busy)

    def _browse(self) -> None:
        chosen = QFileDialog.getExistingDirectory(
            self, self.tr("Output folder"), self.folder.text()
        )
        if chosen:
            self.folder.setText(chosen)

    def start(self) -> None:
        chosen = (
            selection.Selection.of_playlist(self.playlist)
            if self.use_playlist.isChecked()
            else selection.Selection(filter=self.tag_filter)
        )
        snap = snapshot.take(self.session.project, chosen, self.session.lang)
        self.redaction.check([item.tag for item in snap.items])
        self.summary.clear()
        self.progress.setValue(0)
        self.results = []
        out = Path(self.folder.text()).expanduser()
        self._job = -1  # pending: a synchronous runner finishes inside submit
        self._sync()
        job = self.runner.submit(run_formats, snap, self.formats(), out, self.options())
        if self._job == -1:  # still running: from now on known by its id
            self._job = job

    def cancel(self) -> None:
        if self._job is not None and self._job > 0:
            self.runner.cancel(self._job)
            self.summary.appendPlainText(self.tr("Cancelling…"))

    def _mine(self, job: int) -> bool:
        return self._job is not None and (self._job == job or self._job == -1)

    def _on_progress(self, job: int, done: int, total: int) -> None:
        if self._mine(job):
            self.progress.setMaximum(max(total, 1))
            self.progress.setValue(done)

    def _on_finished(self, job: int, results: object) -> None:
        if not self._mine(job):
            return
        self._job = None
        self.results = list(results)  # type: ignore[call-overload]
        self.summary.setPlainText(self._describe(self.results))
        self._sync()

    def _on_failed(self, job: int, error: object) -> None:
        if not self._mine(job):
            return
        self._job = None
        self.summary.setPlainText(self.tr("Export failed: %1").replace("%1", str(error)))
        self._sync()

    def _describe(self, results: list[tuple[str, ExportResult | ExportError]]) -> str:
        lines: list[str] = []
        lang = self.session.lang
        for fmt, outcome in results:
            if isinstance(outcome, ExportError):
                lines.append(f"✗ {fmt}: {outcome.message(lang)}")
                continue
            lines.append(
                self.tr("✓ %1: %2 problem(s)")
                .replace("%1", fmt)
                .replace("%2", str(outcome.exported))
            )
            lines += [f"    ℹ {note}" for note in outcome.note_lines(lang)]  # before the list
            lines += [f"    {p}" for p in outcome.files[:20]]
            if len(outcome.files) > 20:
                lines.append(self.tr("    … and %n more file(s)", "", len(outcome.files) - 20))
            lines += [f"    ⚠ {s.describe(lang)}" for s in outcome.skipped]
        return "\n".join(lines)

    def done(self, result: int) -> None:  # noqa: A003 - QDialog API
        if self._job is not None:
            return  # closing waits for the export (or its cancel) to finish
        super().done(result)

    def keyPressEvent(self, event) -> None:  # noqa: N802 - Qt API
        if event.key() == Qt.Key.Key_Escape and self._job is not None:
            self.cancel()
            return
        super().keyPressEvent(event)
