"""Campaign edits as undoable commands, run by ``Project.apply`` like tag edits.

Each writes its audit row in the edit's own transaction, so the log shows who changed a
deadline, returned measures, attached evidence, decided a re-check or closed a problem,
and an undo is audited like any other edit.
"""

from __future__ import annotations

from dataclasses import dataclass, replace

from reviewer.campaign import rows
from reviewer.campaign.model import Evidence, Recheck, Rectification
from reviewer.store.commands import Command, EditContext
from reviewer.store.errors import UnknownTagError
from reviewer.store.model import Changes
from reviewer.store.rows import audit


def _tag_changed(uuid: str) -> Changes:
    return Changes(tags=frozenset({uuid}), select=uuid, campaign=True)


def _check_tag(ctx: EditContext, uuid: str) -> None:
    if ctx.conn.execute("SELECT 1 FROM tags WHERE uuid = ?", (uuid,)).fetchone() is None:
        raise UnknownTagError(ctx.project_path, uuid)


@dataclass(frozen=True)
class SetRecord:
    """Replace a problem's rectification record (None: no record, the defaults apply)."""

    uuid: str
    old: Rectification | None  # (not "before"/"after": EditTag.merged_with reads those)
    new: Rectification | None
    action: str = "edit"  # the audit's word: edit, close, reopen, verify, import

    def apply(self, ctx: EditContext) -> Changes:
        _check_tag(ctx, self.uuid)
        new = self.new and replace(self.new, updated_at=ctx.now, updated_by=ctx.reviewer)
        rows.save_record(ctx.conn, new, self.uuid)
        audit(ctx.conn, ctx.reviewer, ctx.now, self.action, "rectification", self.uuid,
              rows.record_json(self.old), rows.record_json(new))
        return _tag_changed(self.uuid)

    def inverse(self) -> Command:
        return SetRecord(self.uuid, self.new, self.old, "undo")

    def merged_with(self, later: Command) -> Command | None:
        return None


@dataclass(frozen=True)
class AddEvidence:
    item: Evidence

    def apply(self, ctx: EditContext) -> Changes:
        _check_tag(ctx, self.item.tag_uuid)
        if rows.insert_evidence(ctx.conn, self.item):
            audit(ctx.conn, ctx.reviewer, ctx.now, "add", "evidence", self.item.id, None,
                  {"tag": self.item.tag_uuid, "name": self.item.name, "kind": self.item.kind,
                   "size": self.item.fingerprint.size})
        return _tag_changed(self.item.tag_uuid)

    def inverse(self) -> Command:
        return RemoveEvidence(self.item.id, self.item.tag_uuid)

    def merged_with(self, later: Command) -> Command | None:
        return None


@dataclass(frozen=True)
class RemoveEvidence:
    """Leaves a tombstone (who, when): returned evidence is never silently lost.
    ``removed=False`` lifts it again (the undo of a removal, the redo of an add)."""

    evidence_id: str
    tag_uuid: str
    removed: bool = True

    def apply(self, ctx: EditContext) -> Changes:
        at, who = (ctx.now, ctx.reviewer) if self.removed else (None, None)
        rows.set_evidence_removed(ctx.conn, self.evidence_id, at, who)
        audit(ctx.conn, ctx.reviewer, ctx.now, "delete" if self.removed else "restore",
              "evidence", self.evidence_id)
        return _tag_changed(self.tag_uuid)

    def inverse(self) -> Command:
        return RemoveEvidence(self.evidence_id, self.tag_uuid, not self.removed)

    def merged_with(self, later: Command) -> Command | None:
        return None


@dataclass(frozen=True)
class DecideRecheck:
    """Store (or remove) a re-check decision, and the earlier problem's record with it."""

    pair: tuple[str, str]  # (earlier, later)
    old: Recheck | None
    new: Recheck | None
    record: SetRecord | None = None  # the earlier problem follows a confirmed verdict

    def apply(self, ctx: EditContext) -> Changes:
        earlier, later = self.pair
        _check_tag(ctx, later)
        new = self.new and replace(self.new, decided_at=ctx.now, decided_by=ctx.reviewer)
        if new is None:
            rows.delete_recheck(ctx.conn, earlier, later)
        else:
            rows.save_recheck(ctx.conn, new)
        audit(ctx.conn, ctx.reviewer, ctx.now, "decide", "recheck", f"{earlier}>{later}",
              rows.recheck_json(self.old), rows.recheck_json(new))
        changes = Changes(tags=frozenset(self.pair), select=later, campaign=True)
        return changes | self.record.apply(ctx) if self.record else changes

    def inverse(self) -> Command:
        record = self.record.inverse() if self.record else None
        return DecideRecheck(self.pair, self.new, self.old, record)  # type: ignore[arg-type]

    def merged_with(self, later: Command) -> Command | None:
        return None


@dataclass(frozen=True)
class SetTagRound:
    """Move a tag to another round (a tag made while the wrong round was current)."""

    uuid: str
    old: str | None
    new: str | None

    def apply(self, ctx: EditContext) -> Changes:
        _check_tag(ctx, self.uuid)
        ctx.conn.execute("UPDATE tags SET round_id = ? WHERE uuid = ?", (self.new, self.uuid))
        audit(ctx.conn, ctx.reviewer, ctx.now, "round", "tag", self.uuid,
              {"round_id": self.old}, {"round_id": self.new})
        return _tag_changed(self.uuid)

    def inverse(self) -> Command:
        return SetTagRound(self.uuid, self.new, self.old)

    def merged_with(self, later: Command) -> Command | None:
        return None
