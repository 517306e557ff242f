"""Edits as immutable command objects: each knows how to apply itself and its inverse.

The project runs a command inside one transaction and records it for
undo; undoing runs the inverse command through the same path, so an undo
is saved (and audited) exactly like any other edit.
"""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass, replace
from typing import Any, Protocol

from reviewer.store import rows
from reviewer.store.errors import UnknownTagError
from reviewer.store.model import Changes, Tag

# Edits of free-text fields arrive keystroke by keystroke and merge into one undo step.
_TYPED = frozenset({"note", "place"})


@dataclass(frozen=True)
class EditContext:
    """What a command needs at commit time: the open transaction, who, when."""

    conn: sqlite3.Connection
    reviewer: str
    now: str
    project_path: Any


class Command(Protocol):
    def apply(self, ctx: EditContext) -> Changes: ...

    def inverse(self) -> Command: ...

    def merged_with(self, later: Command) -> Command | None: ...


def _current(ctx: EditContext, uuid: str) -> Tag:
    tag = rows.load_tag(ctx.conn, uuid)
    if tag is None:
        raise UnknownTagError(ctx.project_path, uuid)
    return tag


@dataclass(frozen=True)
class AddTag:
    tag: Tag

    def apply(self, ctx: EditContext) -> Changes:
        tag = replace(self.tag, reviewer=self.tag.reviewer or ctx.reviewer,
                      updated_by=self.tag.updated_by or ctx.reviewer)
        if rows.insert_tag(ctx.conn, tag):
            rows.audit(ctx.conn, ctx.reviewer, ctx.now, "add", "tag", tag.uuid, None, tag.to_dict())
        return Changes(tags=frozenset({tag.uuid}), select=tag.uuid)

    def inverse(self) -> Command:
        return DeleteTag(self.tag.uuid)

    def merged_with(self, later: Command) -> Command | None:
        # Typing the note right after a key press is one undo step with the add.
        if isinstance(later, EditTag) and later.uuid == self.tag.uuid and later.is_typing():
            return AddTag(replace(self.tag, **dict(later.after)))
        return None


@dataclass(frozen=True)
class EditTag:
    """Change some fields; ``before``/``after`` hold only the fields that differ."""

    uuid: str
    before: tuple[tuple[str, Any], ...]
    after: tuple[tuple[str, Any], ...]

    @classmethod
    def between(cls, old: Tag, new: Tag) -> EditTag:
        names = [n for n, v in new.editable().items() if getattr(old, n) != v]
        return cls(old.uuid, tuple((n, getattr(old, n)) for n in names),
                   tuple((n, getattr(new, n)) for n in names))

    def is_typing(self) -> bool:
        return bool(self.after) and all(name in _TYPED for name, _ in self.after)

    def apply(self, ctx: EditContext) -> Changes:
        _current(ctx, self.uuid)
        after = dict(self.after)
        if after:
            rows.update_tag(ctx.conn, self.uuid, after, ctx.reviewer, ctx.now)
            rows.audit(ctx.conn, ctx.reviewer, ctx.now, "edit", "tag", self.uuid,
                       dict(self.before), after)
        return Changes(tags=frozenset({self.uuid}), select=self.uuid)

    def inverse(self) -> Command:
        return EditTag(self.uuid, self.after, self.before)

    def merged_with(self, later: Command) -> Command | None:
        # Typing a note is many edits of one field: one undo step.
        same_fields = [n for n, _ in self.after] == [n for n, _ in getattr(later, "after", ())]
        if isinstance(later, EditTag) and later.uuid == self.uuid and same_fields and \
                self.is_typing():
            return EditTag(self.uuid, self.before, later.after)
        return None


@dataclass(frozen=True)
class DeleteTag:
    """Deleting leaves a tombstone (who, when) so merges neither lose nor resurrect tags."""

    uuid: str

    def apply(self, ctx: EditContext) -> Changes:
        tag = _current(ctx, self.uuid)
        if not tag.deleted:
            ctx.conn.execute("UPDATE tags SET deleted_at = ?, deleted_by = ?, updated_at = ?, "
                             "updated_by = ?, revision = revision + 1 WHERE uuid = ?",
                             (ctx.now, ctx.reviewer, ctx.now, ctx.reviewer, self.uuid))
            rows.audit(ctx.conn, ctx.reviewer, ctx.now, "delete", "tag", self.uuid)
        return Changes(tags=frozenset({self.uuid}))

    def inverse(self) -> Command:
        return RestoreTag(self.uuid)

    def merged_with(self, later: Command) -> Command | None:
        return None


@dataclass(frozen=True)
class RestoreTag:
    uuid: str

    def apply(self, ctx: EditContext) -> Changes:
        tag = _current(ctx, self.uuid)
        if tag.deleted:
            ctx.conn.execute("UPDATE tags SET deleted_at = NULL, deleted_by = NULL, updated_at = ?, "
                             "updated_by = ?, revision = revision + 1 WHERE uuid = ?",
                             (ctx.now, ctx.reviewer, self.uuid))
            rows.audit(ctx.conn, ctx.reviewer, ctx.now, "restore", "tag", self.uuid,
                       {"deleted_at": tag.deleted_at, "deleted_by": tag.deleted_by}, None)
        return Changes(tags=frozenset({self.uuid}), select=self.uuid)

    def inverse(self) -> Command:
        return DeleteTag(self.uuid)

    def merged_with(self, later: Command) -> Command | None:
        return None


@dataclass(frozen=True)
class Batch:
    """Several commands committed in one transaction and undone as one step (an import)."""

    commands: tuple[Command, ...]

    def apply(self, ctx: EditContext) -> Changes:
        changes = Changes()
        for command in self.commands:
            changes |= command.apply(ctx)
        return changes

    def inverse(self) -> Command:
        return Batch(tuple(c.inverse() for c in reversed(self.commands)))

    def merged_with(self, later: Command) -> Command | None:
        return None


class UndoStack:
    """Unlimited undo within a session; a new edit clears the redo side."""

    def __init__(self) -> None:
        self._done: list[Command] = []
        self._undone: list[Command] = []

    def can_undo(self) -> bool:
        return bool(self._done)

    def can_redo(self) -> bool:
        return bool(self._undone)

    def pushed(self, command: Command, mergeable: bool = True) -> None:
        merged = self._done[-1].merged_with(command) if (self._done and mergeable) else None
        if merged is not None:
            self._done[-1] = merged
        else:
            self._done.append(command)
        self._undone.clear()

    def next_undo(self) -> Command:
        return self._done[-1]

    def next_redo(self) -> Command:
        return self._undone[-1]

    def undone(self) -> None:
        self._undone.append(self._done.pop())

    def redone(self) -> None:
        self._done.append(self._undone.pop())
