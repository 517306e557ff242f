"""The open project as the views see it: one object that edits and announces what changed.

Views subscribe to ``changed`` and redraw what the Changes value names;
they never hold tags of their own. A save that fails (disk full, drive
gone) is announced at once and retried on a timer; the edit stays in the
store's outbox, never dropped.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QObject, QTimer, Signal

from reviewer.store.errors import SaveError, StoreError
from reviewer.store.model import Changes, Tag
from reviewer.store.project import Project

_RETRY_MS = 3000


class ProjectSession(QObject):
    changed = Signal(object)  # Changes
    saved = Signal()
    saveFailed = Signal(object)  # StoreError: shown at once, retried
    editRefused = Signal(object)  # StoreError: a wrong edit, not retried
    undoStateChanged = Signal(bool, bool)

    def __init__(self, project: Project, lang: str = "zh_CN", parent: QObject | None = None):
        super().__init__(parent)
        self.project = project
        self.lang = lang
        self._retry = QTimer(self)
        self._retry.setInterval(_RETRY_MS)
        self._retry.timeout.connect(self.retry)

    @property
    def read_only(self) -> bool:
        return self.project.read_only

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

    def undo(self) -> None:
        self._run(self.project.undo)

    def redo(self) -> None:
        self._run(self.project.redo)

    def retry(self) -> None:
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
        """For operations run elsewhere (a worker, a dialog) that changed the project."""
        if not changes.empty:
            self.changed.emit(changes)

    def _run(self, op: Any) -> Changes | None:
        try:
            changes = op()
        except SaveError as exc:
            committed = getattr(exc, "committed", Changes())
            self.announce(committed)
            self._retry.start()
            self.saveFailed.emit(exc)
            return None
        except StoreError as exc:
            self.editRefused.emit(exc)
            return None
        self._retry.stop()
        self.announce(changes)
        self.saved.emit()
        self.undoStateChanged.emit(self.project.can_undo(), self.project.can_redo())
        return changes

    def close(self) -> None:
        self._retry.stop()
        self.project.close()
