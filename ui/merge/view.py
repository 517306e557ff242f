"""The editor's merge dialog: pick packages, preview, merge, settle what is open, undo.

合并 (Merge) first runs a dry run in the background and shows what the
merge would do; 确认合并 (Apply) then merges. The applied merge is one undo
step of the window (through the session), also offered here. The dialog
holds no tags of its own: after every action it reads the pending
conflicts, duplicates and code book proposals back from the project, and
announces what changed through the session so the other views redraw.
Every text from a package is shown through ``reviewer.text.shown``.
"""

from __future__ import annotations

import contextlib
from collections.abc import Callable, Sequence
from pathlib import Path

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QProgressBar,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from reviewer.merge import resolve
from reviewer.merge.display import frame_index
from reviewer.merge.engine import merge_into
from reviewer.merge.model import (
    Choice,
    CodebookProposal,
    Conflict,
    DuplicateProposal,
    MergeReport,
)
from reviewer.store.errors import StoreError
from reviewer.store.model import EDITABLE_FIELDS, Media, Tag
from reviewer.text import shown
from reviewer.timecode import format_ms
from ui.project.session import ProjectSession
from ui.workers import CancelToken, TaskRunner

_SHOWN_FIELDS = ("media_id", *EDITABLE_FIELDS, "reviewer", "updated_by", "updated_at", "deleted_at")


class MergeDialog(QDialog):
    def __init__(
        self, session: ProjectSession, runner: TaskRunner, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName("mergeDialog")
        self.setWindowTitle(self.tr("Merge reviewer packages"))
        self.session, self.runner = session, runner
        self.report: MergeReport | None = None  # the applied merge
        self.preview: MergeReport | None = None  # the dry run the Apply button would carry out
        self._previewed: list[str] = []
        self._job: int | None = None
        self._conflicts: list[Conflict] = []
        self._duplicates: list[DuplicateProposal] = []
        self._proposals: list[CodebookProposal] = []
        self._build()
        runner.finished.connect(self._on_finished)
        runner.failed.connect(self._on_failed)
        runner.progress.connect(self._on_progress)
        self.refresh()

    # --- layout ------------------------------------------------------------------

    def _build(self) -> None:
        layout = QVBoxLayout(self)
        layout.addLayout(self._package_row())
        self.progress = QProgressBar()
        self.progress.setVisible(False)
        self.status = QLabel()
        self.status.setObjectName("mergeStatus")
        self.status.setWordWrap(True)
        layout.addWidget(self.progress)
        layout.addWidget(self.status)
        layout.addLayout(self._apply_row())
        self.tabs = QTabWidget()
        self.added = QListWidget()
        self.tabs.addTab(self.added, self.tr("Added"))
        self.tabs.addTab(self._conflict_tab(), self.tr("Conflicts"))
        self.tabs.addTab(self._duplicate_tab(), self.tr("Likely duplicates"))
        self.tabs.addTab(self._codebook_tab(), self.tr("Code book"))
        layout.addWidget(self.tabs)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.resize(900, 600)

    def _package_row(self) -> QHBoxLayout:
        row = QHBoxLayout()
        self.packages = QListWidget()
        self.packages.setMaximumHeight(90)
        side = QVBoxLayout()
        self.add_button = self._button(self.tr("Add packages…"), self._pick_packages, side)
        self.remove_button = self._button(self.tr("Remove"), self._remove_selected, side)
        self.merge_button = self._button(self.tr("Merge"), self.start_merge, side)
        self.cancel_button = self._button(self.tr("Cancel"), self._cancel, side)
        self.cancel_button.setEnabled(False)
        row.addWidget(self.packages, 1)
        row.addLayout(side)
        return row

    def _apply_row(self) -> QHBoxLayout:
        row = QHBoxLayout()
        row.addStretch(1)
        self.apply_button = self._button(self.tr("Apply merge"), self.apply_merge, row)
        self.apply_button.setObjectName("mergeApply")
        self.undo_button = self._button(self.tr("Undo merge"), self.undo_merge, row)
        self.apply_button.setEnabled(False)
        self.undo_button.setEnabled(False)
        return row

    def _conflict_tab(self) -> QWidget:
        tab, layout = QWidget(), QVBoxLayout()
        tab.setLayout(layout)
        self.conflict_list = QListWidget()
        self.conflict_list.currentRowChanged.connect(self._show_conflict)
        self.conflict_table = self._side_by_side(self.tr("Project"), self.tr("Incoming"))
        buttons = QHBoxLayout()
        self.mine_button = self._button(
            self.tr("Keep mine"), lambda: self.choose(Choice.MINE), buttons
        )
        self.theirs_button = self._button(
            self.tr("Take theirs"), lambda: self.choose(Choice.THEIRS), buttons
        )
        self.both_button = self._button(
            self.tr("Keep both"), lambda: self.choose(Choice.BOTH), buttons
        )
        layout.addWidget(self.conflict_list, 1)
        layout.addWidget(self.conflict_table, 2)
        layout.addLayout(buttons)
        return tab

    def _duplicate_tab(self) -> QWidget:
        tab, layout = QWidget(), QVBoxLayout()
        tab.setLayout(layout)
        self.duplicate_list = QListWidget()
        self.duplicate_list.currentRowChanged.connect(self._show_duplicate)
        self.duplicate_table = self._side_by_side(self.tr("First"), self.tr("Second"))
        buttons = QHBoxLayout()
        self.keep_first_button = self._button(
            self.tr("Merge into first"), lambda: self.settle_duplicate(0), buttons
        )
        self.keep_second_button = self._button(
            self.tr("Merge into second"), lambda: self.settle_duplicate(1), buttons
        )
        self.keep_both_dup_button = self._button(
            self.tr("Keep both"), lambda: self.settle_duplicate(None), buttons
        )
        layout.addWidget(self.duplicate_list, 1)
        layout.addWidget(self.duplicate_table, 2)
        layout.addLayout(buttons)
        return tab

    def _codebook_tab(self) -> QWidget:
        tab, layout = QWidget(), QVBoxLayout()
        tab.setLayout(layout)
        self.codebook_list = QListWidget()
        buttons = QHBoxLayout()
        self.accept_button = self._button(
            self.tr("Add to code book"), lambda: self.settle_codebook(True), buttons
        )
        self.reject_button = self._button(
            self.tr("Do not add"), lambda: self.settle_codebook(False), buttons
        )
        layout.addWidget(
            QLabel(
                self.tr(
                    "Entries a laptop's code book has and this project's lacks. "
                    "Their tags are kept either way."
                )
            )
        )
        layout.addWidget(self.codebook_list, 1)
        layout.addLayout(buttons)
        return tab

    def _button(self, text: str, slot: object, layout: QVBoxLayout | QHBoxLayout) -> QPushButton:
        button = QPushButton(text)
        button.clicked.connect(slot)
        layout.addWidget(button)
        return button

    def _side_by_side(self, left: str, right: str) -> QTableWidget:
        table = QTableWidget(len(_SHOWN_FIELDS), 2)
        table.setHorizontalHeaderLabels([left, right])
        table.setVerticalHeaderLabels([self._field_name(f) for f in _SHOWN_FIELDS])
        table.horizontalHeader().setStretchLastSection(True)
        return table

    # --- packages and the merge ----------------------------------------------------

    def add_packages(self, paths: Sequence[str | Path]) -> None:
        known = {self.packages.item(i).data(256) for i in range(self.packages.count())}
        for path in map(str, paths):
            if path not in known:
                item = QListWidgetItem(Path(path).name)
                item.setData(256, path)
                item.setToolTip(path)
                self.packages.addItem(item)
                known.add(path)
                self.apply_button.setEnabled(False)  # the preview was of other packages

    def package_paths(self) -> list[str]:
        return [self.packages.item(i).data(256) for i in range(self.packages.count())]

    def _pick_packages(self) -> None:
        paths, _ = QFileDialog.getOpenFileNames(
            self,
            self.tr("Choose reviewer packages"),
            "",
            self.tr("Reviewer packages (*.shenpian-pack *.zip);;All files (*)"),
        )
        self.add_packages(paths)

    def _remove_selected(self) -> None:
        for item in self.packages.selectedItems():
            self.packages.takeItem(self.packages.row(item))
        self.apply_button.setEnabled(False)  # the preview was of other packages

    def start_merge(self) -> None:
        """Merge, step one: a dry run in the background; nothing is changed."""
        self._run_merge(dry_run=True)

    def apply_merge(self) -> None:
        """Merge, step two: what the preview showed, now written (one undoable step)."""
        if self.preview is not None and self._previewed == self.package_paths():
            self._run_merge(dry_run=False)

    def undo_merge(self) -> None:
        """On the session's runner: the answer comes with ``mergeUndoFinished``."""
        if not self.session.can_undo_merge():
            return
        self.undo_button.setEnabled(False)
        self.status.setText(self.tr("Undoing the merge…"))
        self.session.mergeUndoFinished.connect(self._merge_undone)
        if not self.session.undo():  # refused at once: something else holds the project
            self.session.mergeUndoFinished.disconnect(self._merge_undone)
            self.refresh()

    def _merge_undone(self, error: object) -> None:
        self.session.mergeUndoFinished.disconnect(self._merge_undone)
        if error is not None:
            message = getattr(error, "message", None)
            text = message(self.session.lang) if callable(message) else ""
            self.status.setText(self.tr("The merge could not be undone: %1").replace("%1", text))
            self.refresh()
            return
        self.report = None
        self.status.setText(self.tr("The merge was undone; the project is as it was before."))
        self.added.clear()
        self.refresh()

    def _run_merge(self, dry_run: bool) -> None:
        paths = self.package_paths()
        if not paths or self._job is not None:
            return
        if self.session.read_only:
            self.status.setText(self.tr("The project is open read-only; nothing can be merged."))
            return
        project = self.session.project
        self._set_running(True)
        text = self.tr("Checking %n package(s)…", "", len(paths)) if dry_run \
            else self.tr("Merging %n package(s)…", "", len(paths))
        self.status.setText(text)
        self._job = -1  # set before submit: a synchronous runner finishes inside submit

        def job(token: CancelToken, progress: Callable[[int, int], None]) -> MergeReport:
            return merge_into(project, paths, progress=progress,
                              cancelled=lambda: token.cancelled, dry_run=dry_run)

        job_id = self.runner.submit(job)
        if self._job == -1:
            self._job = job_id

    def _cancel(self) -> None:
        if self._job is not None and self._job > 0:
            self.runner.cancel(self._job)

    def _set_running(self, running: bool) -> None:
        self.progress.setVisible(running)
        self.progress.setValue(0)
        for button in (self.add_button, self.remove_button, self.merge_button):
            button.setEnabled(not running)
        self.cancel_button.setEnabled(running)
        self.apply_button.setEnabled(False)
        self.undo_button.setEnabled(not running and self.session.can_undo_merge()
                                    and self.report is not None)

    def _mine(self, job: int) -> bool:
        # -1: submitted but no id yet (a synchronous runner reports before submit returns).
        return self._job is not None and (self._job == -1 or job == self._job)

    def _on_progress(self, job: int, done: int, total: int) -> None:
        if self._mine(job):
            self.progress.setMaximum(max(total, 1))
            self.progress.setValue(done)

    def _on_finished(self, job: int, report: object) -> None:
        if not self._mine(job) or not isinstance(report, MergeReport):
            return
        self._job = None
        if report.dry_run:
            self.preview, self._previewed = report, self.package_paths()
            self._set_running(False)
            self.status.setText(self._preview_summary(report))
            self.apply_button.setEnabled(report.changed and not self.session.read_only)
            return
        self.preview, self.report = None, report
        self.session.merged(report)
        self._set_running(False)
        self.status.setText(self._summary(report))
        self._fill_added(report)
        self.refresh()

    def _on_failed(self, job: int, error: object) -> None:
        if not self._mine(job):
            return
        self._job = None
        self.preview = None
        self._set_running(False)
        message = getattr(error, "message", None)
        text = message(self.session.lang) if callable(message) else str(error)
        self.status.setText(self.tr("Nothing was merged: %1").replace("%1", text))

    def _preview_summary(self, r: MergeReport) -> str:
        if not r.changed:
            return self.tr("Nothing new: these packages were already merged.")
        return self._counts(self.tr(
            "Preview, nothing changed yet: the merge would add %1, update %2 (identical %3); "
            "%4 new conflict(s), %5 likely duplicate(s), %8 exact duplicate(s) kept once, "
            "%6 code book proposal(s), %7 new footage file(s). Press Apply merge to merge."), r)

    def _summary(self, r: MergeReport) -> str:
        if not r.changed:
            return self.tr("Nothing new: these packages were already merged.")
        return self._counts(self.tr(
            "Added %1, updated %2, identical %3; %4 new conflict(s), %5 likely "
            "duplicate(s), %8 exact duplicate(s) kept once, %6 code book proposal(s), "
            "%7 new footage file(s). Edit ▸ Undo (or Undo merge) puts it all back."), r)

    def _counts(self, template: str, r: MergeReport) -> str:
        values = (len(r.added), len(r.updated), r.identical, len(r.conflicts), len(r.duplicates),
                  len(r.codebook), len(r.media_added), len(r.exact_duplicates))
        for n, value in enumerate(values, start=1):
            template = template.replace(f"%{n}", str(value))
        return template

    def _fill_added(self, report: MergeReport) -> None:
        self.added.clear()
        for uuid in report.added[:2000]:  # a list, not a table: the tag table shows them all
            tag = resolve.rows_tag(self.session.project, uuid)
            if tag is not None:
                self.added.addItem(self._tag_line(tag))
        if len(report.added) > 2000:
            self.added.addItem(
                self.tr("… and %1 more").replace("%1", str(len(report.added) - 2000))
            )

    # --- what is still open ----------------------------------------------------------

    def refresh(self) -> None:
        project = self.session.project
        self._conflicts = resolve.pending_conflicts(project)
        self._duplicates = resolve.pending_duplicates(project)
        self._proposals = resolve.codebook_proposals(project)
        self._fill(self.conflict_list, [self._conflict_line(c) for c in self._conflicts])
        self._fill(
            self.duplicate_list,
            [self._tag_line(d.a) + "  ⇄  " + self._tag_line(d.b) for d in self._duplicates],
        )
        self._fill(
            self.codebook_list,
            [f"{shown(p.entry_id)}: {shown(p.label.text(self.session.lang))}"
             for p in self._proposals],
        )
        self.tabs.setTabText(1, self.tr("Conflicts (%1)").replace("%1", str(len(self._conflicts))))
        self.tabs.setTabText(
            2, self.tr("Likely duplicates (%1)").replace("%1", str(len(self._duplicates)))
        )
        self.tabs.setTabText(3, self.tr("Code book (%1)").replace("%1", str(len(self._proposals))))
        writable = not self.session.read_only
        for button in (self.mine_button, self.theirs_button, self.both_button):
            button.setEnabled(writable and bool(self._conflicts))
        for button in (self.keep_first_button, self.keep_second_button, self.keep_both_dup_button):
            button.setEnabled(writable and bool(self._duplicates))
        for button in (self.accept_button, self.reject_button):
            button.setEnabled(writable and bool(self._proposals))
        self.undo_button.setEnabled(self.report is not None and self.session.can_undo_merge())

    def _fill(self, widget: QListWidget, lines: list[str]) -> None:
        row = max(widget.currentRow(), 0)
        widget.clear()
        widget.addItems(lines)
        if lines:
            widget.setCurrentRow(min(row, len(lines) - 1))

    def choose(self, choice: Choice) -> None:
        row = self.conflict_list.currentRow()
        if 0 <= row < len(self._conflicts):
            self._settle(
                lambda: resolve.resolve_conflict(
                    self.session.project, self._conflicts[row].id, choice
                )
            )

    def settle_duplicate(self, keep: int | None) -> None:
        row = self.duplicate_list.currentRow()
        if 0 <= row < len(self._duplicates):
            pair = self._duplicates[row]
            kept = None if keep is None else (pair.a, pair.b)[keep].uuid
            self._settle(
                lambda: resolve.resolve_duplicate(
                    self.session.project, pair.a.uuid, pair.b.uuid, kept
                )
            )

    def settle_codebook(self, accept: bool) -> None:
        row = self.codebook_list.currentRow()
        if 0 <= row < len(self._proposals):
            p = self._proposals[row]
            self._settle(
                lambda: resolve.resolve_codebook(self.session.project, p.kind, p.entry_id, accept)
            )

    def _settle(self, op: object) -> None:
        try:
            changes = op()  # type: ignore[operator]
        except Exception as exc:  # noqa: BLE001 - shown in the dialog, never a crash
            message = getattr(exc, "message", None)
            self.status.setText(message(self.session.lang) if callable(message) else str(exc))
            return
        self.session.merge_decided(changes)
        self.refresh()

    # --- showing tags ---------------------------------------------------------------------

    def _show_conflict(self, row: int) -> None:
        if 0 <= row < len(self._conflicts):
            c = self._conflicts[row]
            self._fill_table(self.conflict_table, c.mine, c.theirs)

    def _show_duplicate(self, row: int) -> None:
        if 0 <= row < len(self._duplicates):
            d = self._duplicates[row]
            self._fill_table(self.duplicate_table, d.a, d.b)

    def _fill_table(self, table: QTableWidget, left: Tag | None, right: Tag | None) -> None:
        for r, name in enumerate(_SHOWN_FIELDS):
            values = [self._value(t, name) for t in (left, right)]
            for col, text in enumerate(values):
                item = QTableWidgetItem(text)
                if values[0] != values[1]:
                    font = item.font()
                    font.setBold(True)
                    item.setFont(font)
                table.setItem(r, col, item)

    def _value(self, tag: Tag | None, name: str) -> str:
        if tag is None:
            return ""
        value = getattr(tag, name)
        kinds = {
            "category_id": "category",
            "sub_problem_id": "sub_problem",
            "county_id": "county",
            "township_id": "township",
            "unit_id": "unit",
        }
        if name in kinds:
            return shown(self.session.project.label(kinds[name], value, self.session.lang))
        if name in ("start_ms", "end_ms") and value is not None:
            return format_ms(value)
        if name == "frame_pts":
            return self._frame(tag)
        if name == "media_id":
            return self._media_name(value)
        if name == "stills":
            return ", ".join(format_ms(s.pts_ms) for s in value)
        return "" if value is None else shown(value, keep_newlines=name in ("note", "place"))

    def _frame(self, tag: Tag) -> str:
        """The frame number at the tag's start, from the footage's rate (times stay in ms)."""
        media = self._media(tag.media_id)
        found = frame_index(tag.start_ms, media.info) if media is not None else None
        if found is None:
            return ""
        number, exact = found
        text = self.tr("frame %1") if exact else self.tr("about frame %1")
        return text.replace("%1", str(number))

    def _media(self, media_id: str) -> Media | None:
        try:
            return self.session.project.media_by_id(media_id)
        except StoreError:
            return None

    def _media_name(self, media_id: str) -> str:
        media = self._media(media_id)
        return shown(media.name if media is not None else media_id)

    def _tag_line(self, tag: Tag) -> str:
        label = self.session.project.label("category", tag.category_id, self.session.lang)
        frame = self._frame(tag)
        return (
            f"{self._media_name(tag.media_id)}  {format_ms(tag.start_ms)}"
            f"{'  ' + frame if frame else ''}  {shown(label)}  "
            f"{shown(tag.reviewer)}  {shown(tag.note[:40])}"
        )

    def _conflict_line(self, c: Conflict) -> str:
        kind = (
            self.tr("edited on both sides")
            if c.kind == "edit"
            else self.tr("edited on one side, deleted on the other")
        )
        base = self._tag_line(c.mine) if c.mine is not None else shown(c.tag_uuid[:8])
        return f"{base}  —  {kind}  ({shown(c.theirs.updated_by)})"

    def _field_name(self, name: str) -> str:
        names = {
            "media_id": self.tr("Footage"),
            "start_ms": self.tr("Start"),
            "end_ms": self.tr("End"),
            "frame_pts": self.tr("Frame"),
            "category_id": self.tr("Category"),
            "sub_problem_id": self.tr("Problem"),
            "county_id": self.tr("County"),
            "township_id": self.tr("Township"),
            "place": self.tr("Place"),
            "unit_id": self.tr("Responsible unit"),
            "severity": self.tr("Severity"),
            "status": self.tr("Status"),
            "note": self.tr("Note"),
            "stills": self.tr("Stills"),
            "reviewer": self.tr("Reviewer"),
            "updated_by": self.tr("Last edited by"),
            "updated_at": self.tr("Last edited at"),
            "deleted_at": self.tr("Deleted at"),
        }
        return names.get(name, name)

    def done(self, result: int) -> None:
        if self._job is not None and self._job > 0:
            self.runner.cancel(self._job)
        for signal, slot in (
            (self.runner.finished, self._on_finished),
            (self.runner.failed, self._on_failed),
            (self.runner.progress, self._on_progress),
        ):
            with contextlib.suppress(RuntimeError, TypeError):
                signal.disconnect(slot)
        super().done(result)
