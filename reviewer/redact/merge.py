"""Redaction data in reviewer packages: read with the package (validated like its tags),
merged into the master after the tags, in the merge's one transaction.

Tracks merge like tags, whole: a new id is added, a known one takes the package's
version when that was changed later (its ``updated_at``; a deletion is a change, so a
deleted false detection stays deleted). Detection passes are a union. A tag's sign-off
takes the latest decision. Tracks of footage or tags the master does not have are left
out (their tag did not come in either).

Hooks (the merge feature calls these two): ``read(conn, source)`` in
``merge.package._read_database`` and ``apply(conn, packages, media, who, at)`` in
``merge.engine._apply_all``.
"""

from __future__ import annotations

import json
import re
import sqlite3
from collections.abc import Sequence
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any, Protocol

from reviewer.merge.errors import CorruptPackageError, InvalidPackageError
from reviewer.redact import rows
from reviewer.redact.model import KINDS, Pass, SignOff, Track
from reviewer.store import rows as store_rows

_ID_LIMIT = 200
_CONTROL = re.compile(r"[\x00-\x1f]")
_MAX_SAMPLES = 500_000


@dataclass(frozen=True)
class PackageRegions:
    tracks: tuple[Track, ...] = ()
    passes: tuple[Pass, ...] = ()
    signoffs: tuple[SignOff, ...] = ()


EMPTY = PackageRegions()


class _Package(Protocol):
    checksum: str
    redaction: PackageRegions


class _Media(Protocol):
    def ours(self, package: Any, media_id: str) -> str: ...


def read(conn: sqlite3.Connection, source: Path) -> PackageRegions:
    """The package's redaction rows, every one checked; a package from before them has none."""
    tables = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
    if "redact_tracks" not in tables:
        return EMPTY
    try:
        tracks = tuple(_track(r, source) for r in conn.execute(rows.TRACK_SELECT + " ORDER BY id"))
        passes = tuple(_pass(r, source) for r in conn.execute(rows.PASS_SELECT))
        signoffs = tuple(_signoff(r, source) for r in conn.execute(
            "SELECT tag_uuid, state, by, at FROM redact_signoff"))
    except sqlite3.DatabaseError as exc:
        raise CorruptPackageError(source, str(exc)[:120]) from exc
    return PackageRegions(tracks, passes, signoffs)


def _text(value: object, source: Path, what: str, empty: bool = False) -> str:
    ok = type(value) is str and (empty or value) and len(value) <= _ID_LIMIT \
        and not _CONTROL.search(value)
    if not ok:
        raise InvalidPackageError(source, f"redaction {what}")
    return str(value)


def _track(row: Sequence[Any], source: Path) -> Track:
    v = dict(zip(rows.TRACK_COLUMNS, row, strict=True))
    for name in ("id", "tag_uuid", "media_id", "created_at", "created_by", "updated_at",
                 "updated_by"):
        _text(v[name], source, name, empty=name.startswith("created"))
    if v["kind"] not in KINDS or v["keep"] not in (0, 1) or type(v["revision"]) is not int:
        raise InvalidPackageError(source, "redaction track")
    if v["deleted_at"] is not None:
        _text(v["deleted_at"], source, "deleted_at")
        _text(v["deleted_by"], source, "deleted_by", empty=True)
    try:
        samples = rows.samples_from_json(_text_samples(v["samples"], source))
    except (ValueError, TypeError, KeyError) as exc:
        raise InvalidPackageError(source, "redaction samples") from exc
    if not samples or any(s.t_ms < 0 or not _unit(s.box) for s in samples):
        raise InvalidPackageError(source, "redaction samples")
    return rows.track_from_row(row)


def _text_samples(value: object, source: Path) -> str:
    if type(value) is not str or len(value) > _MAX_SAMPLES * 64:
        raise InvalidPackageError(source, "redaction samples")
    parsed = json.loads(value)
    if type(parsed) is not list or len(parsed) > _MAX_SAMPLES:
        raise InvalidPackageError(source, "redaction samples")
    return value


def _unit(box: Any) -> bool:
    return all(-0.01 <= getattr(box, n) <= 1.01 for n in ("x", "y", "w", "h"))


def _pass(row: Sequence[Any], source: Path) -> Pass:
    p = rows.pass_from_row(row)
    _text(p.media_id, source, "pass")
    if type(p.from_ms) is not int or type(p.to_ms) is not int or not 0 <= p.from_ms <= p.to_ms:
        raise InvalidPackageError(source, "redaction pass")
    return p


def _signoff(row: Sequence[Any], source: Path) -> SignOff:
    s = SignOff(*row)
    _text(s.tag_uuid, source, "sign-off")
    _text(s.at, source, "sign-off")
    if s.state not in ("checked", "unchecked"):
        raise InvalidPackageError(source, "redaction sign-off")
    return s


@dataclass(frozen=True)
class RegionOutcome:
    added: int = 0
    updated: int = 0
    signoffs: int = 0


def apply(conn: sqlite3.Connection, packages: Sequence[_Package], media: _Media, who: str,
          at: str) -> RegionOutcome:
    """Merge every package's redaction data (in the merge's canonical package order)."""
    tags = {r[0] for r in conn.execute("SELECT uuid FROM tags")}
    added = updated = signed = 0
    for package in packages:
        data = getattr(package, "redaction", None) or EMPTY
        for track in data.tracks:
            ours = _ours(media, package, track.media_id)
            if ours is None or track.tag_uuid not in tags:
                continue
            a, u = _merge_track(conn, replace(track, media_id=ours), who, at)
            added, updated = added + a, updated + u
        for p in data.passes:
            ours = _ours(media, package, p.media_id)
            if ours is not None:
                rows.insert_pass(conn, replace(p, media_id=ours), "merged")
        signed += sum(_merge_signoff(conn, s) for s in data.signoffs if s.tag_uuid in tags)
    return RegionOutcome(added, updated, signed)


def _ours(media: _Media, package: _Package, media_id: str) -> str | None:
    try:
        return media.ours(package, media_id)
    except KeyError:
        return None


def _merge_track(conn: sqlite3.Connection, theirs: Track, who: str, at: str) -> tuple[int, int]:
    mine = rows.load_track(conn, theirs.id)
    if mine is None:
        rows.insert_track(conn, theirs)
        store_rows.audit(conn, who, at, "merge", "region", theirs.id, None,
                         rows.track_audit(theirs))
        return 1, 0
    if (theirs.updated_at, theirs.updated_by) <= (mine.updated_at, mine.updated_by) or \
            rows.track_values(theirs) == rows.track_values(mine):
        return 0, 0
    rows.replace_track(conn, theirs)
    store_rows.audit(conn, who, at, "merge", "region", theirs.id, rows.track_audit(mine),
                     rows.track_audit(theirs))
    return 0, 1


def _merge_signoff(conn: sqlite3.Connection, theirs: SignOff) -> bool:
    mine = rows.load_signoff(conn, theirs.tag_uuid)
    if mine.at and mine.at >= theirs.at:
        return False
    rows.save_signoff(conn, theirs)
    return True
