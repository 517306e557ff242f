"""Region edits as undoable command objects, committed and audited like tag edits.

Each returns ``Changes(tags={tag})``: the views of that tag redraw its regions. They
run through ``Project.apply``, so a failed save is retried and undo works the same way.
"""

from __future__ import annotations

from dataclasses import dataclass, replace

from reviewer.redact import rows
from reviewer.redact.detector import MODEL_NAME
from reviewer.redact.model import Pass, SignOff, Track
from reviewer.store import rows as store_rows
from reviewer.store.commands import Command, EditContext
from reviewer.store.errors import InvalidEditError
from reviewer.store.model import Changes


def _stamped(track: Track, ctx: EditContext) -> Track:
    return replace(track, created_at=track.created_at or ctx.now,
                   created_by=track.created_by or ctx.reviewer, updated_at=ctx.now,
                   updated_by=ctx.reviewer)


def _changes(tags: set[str]) -> Changes:
    return Changes(tags=frozenset(tags))


@dataclass(frozen=True)
class AddTracks:
    """New tracks (a detection pass, a drawn region) and the stretches a pass looked at."""

    tracks: tuple[Track, ...]
    passes: tuple[Pass, ...] = ()

    def apply(self, ctx: EditContext) -> Changes:
        for track in self.tracks:
            stored = rows.load_track(ctx.conn, track.id)
            if stored is None:
                track = _stamped(track, ctx)
                rows.insert_track(ctx.conn, track)
                store_rows.audit(ctx.conn, ctx.reviewer, ctx.now, "add", "region", track.id,
                                 None, rows.track_audit(track))
            elif stored.deleted:  # redo of an add that was undone: lift the tombstone
                _write(ctx, stored, replace(stored, deleted_at=None, deleted_by=None), "restore")
        for p in self.passes:
            rows.insert_pass(ctx.conn, replace(p, at=p.at or ctx.now, by=p.by or ctx.reviewer),
                             MODEL_NAME)
        return _changes({t.tag_uuid for t in self.tracks} | {p.tag_uuid for p in self.passes})

    def inverse(self) -> Command:
        return RemoveTracks(tuple(t.id for t in self.tracks), self.passes,
                            tuple({t.tag_uuid for t in self.tracks}))

    def merged_with(self, later: Command) -> Command | None:
        return None


@dataclass(frozen=True)
class RemoveTracks:
    """Undo of an add: the tracks become tombstones, the passes are forgotten."""

    ids: tuple[str, ...]
    passes: tuple[Pass, ...]
    tags: tuple[str, ...]

    def apply(self, ctx: EditContext) -> Changes:
        for track_id in self.ids:
            stored = rows.load_track(ctx.conn, track_id)
            if stored is not None and not stored.deleted:
                _write(ctx, stored, replace(stored, deleted_at=ctx.now,
                                            deleted_by=ctx.reviewer), "delete")
        for p in self.passes:
            rows.delete_pass(ctx.conn, p)
        return _changes(set(self.tags) | {p.tag_uuid for p in self.passes})

    def inverse(self) -> Command:
        return _Readd(self.ids, self.passes, self.tags)

    def merged_with(self, later: Command) -> Command | None:
        return None


@dataclass(frozen=True)
class _Readd:
    """Redo of an add after its undo: lift the tombstones, record the passes again."""

    ids: tuple[str, ...]
    passes: tuple[Pass, ...]
    tags: tuple[str, ...]

    def apply(self, ctx: EditContext) -> Changes:
        for track_id in self.ids:
            stored = rows.load_track(ctx.conn, track_id)
            if stored is not None and stored.deleted:
                _write(ctx, stored, replace(stored, deleted_at=None, deleted_by=None), "restore")
        for p in self.passes:
            rows.insert_pass(ctx.conn, p, MODEL_NAME)
        return _changes(set(self.tags) | {p.tag_uuid for p in self.passes})

    def inverse(self) -> Command:
        return RemoveTracks(self.ids, self.passes, self.tags)

    def merged_with(self, later: Command) -> Command | None:
        return None


@dataclass(frozen=True)
class EditTrack:
    """One track from ``before`` to ``after``: keep visible, delete, restore, new boxes."""

    before: Track
    after: Track
    action: str = "edit"

    def apply(self, ctx: EditContext) -> Changes:
        stored = rows.load_track(ctx.conn, self.after.id)
        if stored is None:
            raise InvalidEditError(ctx.project_path, "region", "打码区域不存在",
                                   "no such redaction region")
        _write(ctx, stored, self.after, self.action)
        return _changes({self.after.tag_uuid})

    def inverse(self) -> Command:
        return EditTrack(self.after, self.before, "undo " + self.action)

    def merged_with(self, later: Command) -> Command | None:
        return None


def _write(ctx: EditContext, stored: Track, new: Track, action: str) -> None:
    new = replace(new, created_at=stored.created_at, created_by=stored.created_by,
                  updated_at=ctx.now, updated_by=ctx.reviewer, revision=stored.revision + 1)
    rows.replace_track(ctx.conn, new)
    store_rows.audit(ctx.conn, ctx.reviewer, ctx.now, action, "region", new.id,
                     rows.track_audit(stored), rows.track_audit(new))


@dataclass(frozen=True)
class SetSignOff:
    """A tag's redaction review state (未检查 / 已检查), with who and when."""

    before: SignOff
    after: SignOff

    def apply(self, ctx: EditContext) -> Changes:
        after = replace(self.after, by=ctx.reviewer, at=ctx.now)
        rows.save_signoff(ctx.conn, after)
        store_rows.audit(ctx.conn, ctx.reviewer, ctx.now, "signoff", "tag", after.tag_uuid,
                         {"state": self.before.state}, {"state": after.state})
        return _changes({after.tag_uuid})

    def inverse(self) -> Command:
        return SetSignOff(self.after, self.before)

    def merged_with(self, later: Command) -> Command | None:
        return None
