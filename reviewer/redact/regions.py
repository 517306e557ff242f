"""The project's redaction data, read and edited through an open ``Project``.

Reads use ``Project.query``; every edit is a command from ``commands`` through
``Project.apply`` (one transaction, audited, undoable).
"""

from __future__ import annotations

from dataclasses import dataclass, replace

from reviewer.redact import rows
from reviewer.redact.commands import AddTracks, EditTrack, SetSignOff
from reviewer.redact.model import CHECKED, UNCHECKED, Box, Regions, Sample, SignOff, Track
from reviewer.store.errors import InvalidEditError
from reviewer.store.model import Changes, Tag, new_uuid, now_iso
from reviewer.store.project import Project


def tracks(project: Project, media_id: str | None = None, tag_uuid: str | None = None,
           deleted: bool = False) -> list[Track]:
    sql, params = rows.tracks_query(media_id, tag_uuid, deleted)
    return [rows.track_from_row(r) for r in project.query(sql, params)]


def track(project: Project, track_id: str) -> Track:
    found = project.query(rows.TRACK_SELECT + " WHERE id = ?", (track_id,))
    if not found:
        raise InvalidEditError(project.path, "region", "打码区域不存在", "no such redaction region")
    return rows.track_from_row(found[0])


def regions(project: Project, media_id: str) -> Regions:
    """Every live track and detection pass on one footage file (what an export redacts)."""
    passes = [rows.pass_from_row(r) for r in
              project.query(rows.PASS_SELECT + " WHERE media_id = ? ORDER BY from_ms", (media_id,))]
    return Regions(media_id, tuple(tracks(project, media_id)), tuple(passes))


def in_use(project: Project) -> bool:
    """True once the project has any region or detection pass: redaction is then the default."""
    return bool(project.query("SELECT 1 FROM redact_tracks UNION ALL "
                              "SELECT 1 FROM redact_passes LIMIT 1"))


def signoff(project: Project, tag_uuid: str) -> SignOff:
    found = project.query("SELECT tag_uuid, state, by, at FROM redact_signoff WHERE tag_uuid = ?",
                          (tag_uuid,))
    return SignOff(*found[0]) if found else SignOff(tag_uuid)


def unchecked(project: Project, tags: list[Tag]) -> list[Tag]:
    """The tags whose redaction nobody has signed off, in the order given."""
    checked = {r[0] for r in project.query(
        "SELECT tag_uuid FROM redact_signoff WHERE state = ?", (CHECKED,))}
    return [t for t in tags if t.uuid not in checked]


def sign(project: Project, tag_uuid: str, checked: bool) -> Changes:
    project.tag(tag_uuid)
    before = signoff(project, tag_uuid)
    after = SignOff(tag_uuid, CHECKED if checked else UNCHECKED)
    return project.apply(SetSignOff(before, after))


def add_manual(project: Project, tag: Tag, t_ms: int, box: Box) -> tuple[Changes, str]:
    """A region drawn on the frame at ``t_ms``; the tracker extends it afterwards."""
    new = Track(new_uuid(), tag.uuid, tag.media_id, "manual", (Sample(t_ms, box, "key"),))
    return project.apply(AddTracks((new,))), new.id


def set_keep(project: Project, track_id: str, keep: bool) -> Changes:
    old = track(project, track_id)
    return project.apply(EditTrack(old, replace(old, keep=keep), "keep" if keep else "redact"))


def delete(project: Project, track_id: str) -> Changes:
    """A false detection (or an unwanted region) goes; its tombstone stays for merges."""
    old = track(project, track_id)
    new = replace(old, deleted_at=now_iso(), deleted_by=project.reviewer)
    return project.apply(EditTrack(old, new, "delete"))


def restore(project: Project, track_id: str) -> Changes:
    old = track(project, track_id)
    return project.apply(EditTrack(old, replace(old, deleted_at=None, deleted_by=None),
                                   "restore"))


def set_key(project: Project, track_id: str, t_ms: int, box: Box) -> Changes:
    """Correct the box on one frame: it becomes a key, and tracked boxes after it are
    dropped until the next key (the tracker fills them again from the correction)."""
    old = track(project, track_id)
    return project.apply(EditTrack(old, replace(old, samples=with_key(old, t_ms, box)), "key"))


def set_samples(project: Project, track_id: str, samples: tuple[Sample, ...]) -> Changes:
    old = track(project, track_id)
    return project.apply(EditTrack(old, replace(old, samples=samples), "track"))


def with_key(old: Track, t_ms: int, box: Box) -> tuple[Sample, ...]:
    later_keys = [s.t_ms for s in old.samples if s.source == "key" and s.t_ms > t_ms]
    stop = later_keys[0] if later_keys else None
    kept = [s for s in old.samples if s.t_ms != t_ms and (
        s.source != "track" or s.t_ms < t_ms or (stop is not None and s.t_ms >= stop))]
    if old.kind == "face":  # a corrected face box counts as a detection for interpolation
        kept = [s for s in old.samples if s.t_ms != t_ms]
    return tuple(sorted([*kept, Sample(t_ms, box, "key")], key=lambda s: s.t_ms))


@dataclass(frozen=True)
class TagStatus:
    """One tag's redaction at a glance, for ``redact status`` and the sign-off panel."""

    tag: Tag
    signoff: SignOff
    faces: int
    manual: int
    kept: int
    covered: bool


def status(project: Project, tags: list[Tag], span: dict[str, tuple[int, int]]) -> list[TagStatus]:
    """``span``: the stretch of each tag an export uses, to say whether detection covered it."""
    by_media: dict[str, Regions] = {}
    found = []
    for tag in tags:
        reg = by_media.setdefault(tag.media_id, regions(project, tag.media_id))
        own = [t for t in reg.tracks if t.tag_uuid == tag.uuid]
        lo, hi = span.get(tag.uuid, (tag.start_ms, tag.end_ms or tag.start_ms))
        found.append(TagStatus(
            tag, signoff(project, tag.uuid),
            faces=sum(1 for t in own if t.kind == "face" and not t.keep),
            manual=sum(1 for t in own if t.kind == "manual" and not t.keep),
            kept=sum(1 for t in own if t.keep), covered=reg.covered(lo, hi)))
    return found
