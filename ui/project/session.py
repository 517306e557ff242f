"""The open project as the views see it: one object that edits and announces what changed.

Views subscribe to ``changed`` and redraw what the Changes value names;
they never hold tags of their own. A save that fails (disk full, drive
gone) is announced at once and retried on a timer; the edit stays in the
store's outbox, never dropped. A merge applied in the merge dialog is one
more undo step below the edits made after it.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QCoreApplication, QObject, QTimer, Signal

from reviewer.merge import restore
from reviewer.merge.errors import MergeError
from reviewer.merge.model import MergeReport
from reviewer.store.errors import SaveError, StoreError
from reviewer.store.model import Changes, Tag
from reviewer.store.project import Project

_RETRY_MS = 3000


class SessionBusy(Exception):
    """An edit refused while long work holds the project (undoing a merge)."""

    def __init__(self, doing: str) -> None:
        super().__init__(doing)
        self.doing = doing

    def message(self, lang: str = "zh_CN") -> str:
        return QCoreApplication.translate(
            "ProjectSession", "Not changed: wait until this is done: %1").replace("%1", self.doing)


class ProjectSession(QObject):
    changed = Signal(object)  # Changes
    saved = Signal()
    saveFailed = Signal(object)  # StoreError: shown at once, retried
    editRefused = Signal(object)  # StoreError: a wrong edit, not retried
    undoStateChanged = Signal(bool, bool)
    undone = Signal(str, object)  # "undo" or "redo", the Command it reversed or repeated
    busyChanged = Signal(str)  # what holds the project ("" once it is free again)
    mergeUndoFinished = Signal(object)  # None when the merge was undone, else why not

    def __init__(self, project: Project, lang: str = "zh_CN", parent: QObject | None = None):
        super().__init__(parent)
        self.project = project
        self.lang = lang
        self._retry = QTimer(self)
        self._retry.setInterval(_RETRY_MS)
        self._retry.timeout.connect(self.retry)
        self._merge_undo = False  # the last merge can be undone (ADR 0010)
        self.runner = None  # a TaskRunner for long work (the window's); None: run inline
        self.doing = ""  # long work under way on the runner: edits wait for it

    @property
    def read_only(self) -> bool:
        return self.project.read_only

    @property
    def notices(self) -> tuple:
        """How the project was opened, for a banner: read-only and why, a temporary copy,
        a network share (StoreErrors; ``message(lang)`` gives the line)."""
        return self.project.notices

    def codebook(self):  # noqa: ANN201 - CodeBook, re-read after imports
        return self.project.codebook()

    # -- edits ------------------------------------------------------------

    def add_tag(self, media_id: str, start_ms: int, category_id: str, **fields: Any) -> str | None:
        changes = self._run(lambda: self.project.add_tag(media_id, start_ms, category_id, **fields))
        return changes.select if changes is not None else None

    def edit_tag(self, uuid: str, **fields: Any) -> bool:
        return self._run(lambda: self.project.edit_tag(uuid, **fields)) is not None

    def edit_tags(self, uuids: list[str], **fields: Any) -> int:
        """Multi-select edit: one undo step per tag, every one committed before it counts."""
        return sum(self.edit_tag(u, **fields) for u in uuids)

    def delete_tag(self, uuid: str) -> bool:
        return self._run(lambda: self.project.delete_tag(uuid)) is not None

    @property
    def busy(self) -> bool:
        return bool(self.doing)

    def undo(self) -> bool:
        """The last edit; once none is left, the last merge (one step, from its restore point).

        False if it was refused (shown through ``editRefused``/``saveFailed``). Undoing a
        merge runs on the runner and ends with ``mergeUndoFinished``.
        """
        if self.busy:
            self.editRefused.emit(SessionBusy(self.doing))
            return False
        if self.project.can_undo() or not self._merge_undo:
            command = self.project.next_undo()
            done = command is not None and self._run(self.project.undo) is not None
            if done:
                self.undone.emit("undo", command)
            return done
        self._undo_merge()
        return True

    def _undo_merge(self) -> None:
        """Edits after the merge were undone first, off this stack; its decisions in the
        merge dialog belong to the merge and go with it. Restoring a large project takes a
        second or two (benchmarks/merge_bench.py): on the runner, while every edit is
        refused (``busy``) and the window shows a modal progress dialog."""
        self._merge_undo = False
        self._set_doing(QCoreApplication.translate("ProjectSession", "Undoing the merge…"))

        def job(token: object, progress: object) -> Changes:
            return restore.undo(self.project, discard_later=True)

        if self.runner is None:
            try:
                self._merge_undone(job(None, None))
            except (StoreError, MergeError) as exc:
                self._merge_undo_failed(exc)
            return
        self.runner.submit(job, on_done=self._merge_undone, on_error=self._merge_undo_failed)

    def _merge_undone(self, changes: Changes) -> None:
        self._set_doing("")
        self._succeeded(changes)
        self.undone.emit("undo", "merge")
        self.mergeUndoFinished.emit(None)

    def _merge_undo_failed(self, exc: Exception) -> None:
        self._set_doing("")
        if not isinstance(exc, StoreError | MergeError):
            raise exc  # a bug: the crash log, as on the GUI thread
        self._failed(exc)
        self.mergeUndoFinished.emit(exc)

    def _set_doing(self, text: str) -> None:
        self.doing = text
        self.busyChanged.emit(text)

    def can_undo(self) -> bool:
        return self.project.can_undo() or self._merge_undo

    def can_undo_merge(self) -> bool:
        """The next undo is the last merge's."""
        return self._merge_undo and not self.project.can_undo()

    def merged(self, report: MergeReport) -> None:
        """A merge the merge dialog applied: announced, and undoable as one step.

        A merge that changed nothing keeps no restore point: the last one's still undoes.
        """
        self._merge_undo = self._merge_undo or report.restore_point is not None
        self.changed.emit(report.changes)
        self.undoStateChanged.emit(self.can_undo(), self.project.can_redo())

    def merge_decided(self, changes: Changes) -> None:
        """A conflict, duplicate or code book entry settled after a merge; undone with it."""
        if not changes.empty:
            self.changed.emit(changes)

    def redo(self) -> None:
        command = self.project.next_redo()
        if command is not None and self._run(self.project.redo) is not None:
            self.undone.emit("redo", command)

    def retry(self) -> None:
        if self.busy:
            return  # the timer comes back once the project is free
        if not self.project.pending:
            self._retry.stop()
            return
        self._run(self.project.retry_pending)

    def tag(self, uuid: str) -> Tag:
        return self.project.tag(uuid)

    def run(self, op: Any) -> Changes | None:
        """Any other project edit (rounds, rectification, re-checks: ui/campaign), saved,
        announced and refused the same way as tag edits; None if it was not saved."""
        return self._run(op)

    def announce(self, changes: Changes) -> None:
        """For operations run elsewhere (a worker, a dialog) that changed the project.

        Undoing the last merge would lose them, so it is no longer offered.
        """
        if not changes.empty:
            self._drop_merge_undo()
            self.changed.emit(changes)

    def _drop_merge_undo(self) -> None:
        if self._merge_undo:
            self._merge_undo = False
            self.undoStateChanged.emit(self.can_undo(), self.project.can_redo())

    def _run(self, op: Any) -> Changes | None:
        if self.busy:
            self.editRefused.emit(SessionBusy(self.doing))
            return None
        try:
            changes = op()
        except (StoreError, MergeError) as exc:  # MergeError: a merge's restore point is gone
            self._failed(exc)
            return None
        self._succeeded(changes)
        return changes

    def _succeeded(self, changes: Changes) -> None:
        self._retry.stop()
        if not changes.empty:
            self.changed.emit(changes)
        self.saved.emit()
        self.undoStateChanged.emit(self.can_undo(), self.project.can_redo())

    def _failed(self, exc: Exception) -> None:
        if isinstance(exc, SaveError):
            committed = getattr(exc, "committed", Changes())
            if not committed.empty:
                self.changed.emit(committed)
            self._retry.start()
            self.saveFailed.emit(exc)
            return
        self.editRefused.emit(exc)
        self.undoStateChanged.emit(self.can_undo(), self.project.can_redo())

    def close(self) -> None:
        self._retry.stop()
        self.project.close()
