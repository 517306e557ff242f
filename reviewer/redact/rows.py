"""Redaction tables to and from domain objects; the only place that knows their columns."""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterable, Sequence
from typing import Any

from reviewer.redact.model import Box, Pass, Sample, SignOff, Track

TRACK_COLUMNS = (
    "id", "tag_uuid", "media_id", "kind", "keep", "samples", "created_at", "created_by",
    "updated_at", "updated_by", "revision", "deleted_at", "deleted_by",
)
TRACK_SELECT = "SELECT " + ", ".join(TRACK_COLUMNS) + " FROM redact_tracks"
PASS_SELECT = "SELECT media_id, from_ms, to_ms, tag_uuid, at, by FROM redact_passes"
_SOURCE_CODE = {"detect": "d", "key": "k", "track": "t"}
_CODE_SOURCE = {v: k for k, v in _SOURCE_CODE.items()}
Query = tuple[str, Sequence[Any]]


def samples_to_json(samples: Iterable[Sample]) -> str:
    return json.dumps([[s.t_ms, round(s.box.x, 5), round(s.box.y, 5), round(s.box.w, 5),
                        round(s.box.h, 5), _SOURCE_CODE[s.source]] for s in samples],
                      separators=(",", ":"))


def samples_from_json(text: str) -> tuple[Sample, ...]:
    return tuple(Sample(int(t), Box(float(x), float(y), float(w), float(h)), _CODE_SOURCE[c])
                 for t, x, y, w, h, c in json.loads(text))


def track_from_row(row: Sequence[Any]) -> Track:
    v = dict(zip(TRACK_COLUMNS, row, strict=True))
    v["samples"] = samples_from_json(v["samples"])
    v["keep"] = bool(v["keep"])
    return Track(**v)


def track_values(track: Track) -> tuple[Any, ...]:
    return (track.id, track.tag_uuid, track.media_id, track.kind, int(track.keep),
            samples_to_json(track.samples), track.created_at, track.created_by,
            track.updated_at, track.updated_by, track.revision, track.deleted_at,
            track.deleted_by)


def insert_track(conn: sqlite3.Connection, track: Track) -> bool:
    """Insert ``track``; False if its id is stored already (a retried commit)."""
    names = ", ".join(TRACK_COLUMNS) + ", first_ms, last_ms"
    marks = ", ".join("?" for _ in range(len(TRACK_COLUMNS) + 2))
    cur = conn.execute(f"INSERT INTO redact_tracks ({names}) VALUES ({marks}) "
                       "ON CONFLICT (id) DO NOTHING",
                       (*track_values(track), track.first_ms, track.last_ms))
    return cur.rowcount == 1


def replace_track(conn: sqlite3.Connection, track: Track) -> None:
    """Write every field of a stored track (an edit, or a merge taking another version)."""
    sets = ", ".join(f"{c} = ?" for c in TRACK_COLUMNS[1:]) + ", first_ms = ?, last_ms = ?"
    conn.execute(f"UPDATE redact_tracks SET {sets} WHERE id = ?",
                 (*track_values(track)[1:], track.first_ms, track.last_ms, track.id))


def load_track(conn: sqlite3.Connection, track_id: str) -> Track | None:
    row = conn.execute(TRACK_SELECT + " WHERE id = ?", (track_id,)).fetchone()
    return track_from_row(row) if row else None


def tracks_query(media_id: str | None = None, tag_uuid: str | None = None,
                 deleted: bool = False) -> Query:
    where, params = [], []
    if media_id is not None:
        where.append("media_id = ?")
        params.append(media_id)
    if tag_uuid is not None:
        where.append("tag_uuid = ?")
        params.append(tag_uuid)
    if not deleted:
        where.append("deleted_at IS NULL")
    clause = (" WHERE " + " AND ".join(where)) if where else ""
    return TRACK_SELECT + clause + " ORDER BY first_ms, id", params


def pass_from_row(row: Sequence[Any]) -> Pass:
    return Pass(*row)


def insert_pass(conn: sqlite3.Connection, p: Pass, model: str) -> None:
    conn.execute("INSERT INTO redact_passes (media_id, from_ms, to_ms, tag_uuid, model, at, by) "
                 "VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING",
                 (p.media_id, p.from_ms, p.to_ms, p.tag_uuid, model, p.at, p.by))


def delete_pass(conn: sqlite3.Connection, p: Pass) -> None:
    conn.execute("DELETE FROM redact_passes WHERE media_id = ? AND from_ms = ? AND to_ms = ?",
                 (p.media_id, p.from_ms, p.to_ms))


def load_signoff(conn: sqlite3.Connection, tag_uuid: str) -> SignOff:
    row = conn.execute("SELECT tag_uuid, state, by, at FROM redact_signoff WHERE tag_uuid = ?",
                       (tag_uuid,)).fetchone()
    return SignOff(*row) if row else SignOff(tag_uuid)


def save_signoff(conn: sqlite3.Connection, s: SignOff) -> None:
    conn.execute("INSERT INTO redact_signoff (tag_uuid, state, by, at) VALUES (?, ?, ?, ?) "
                 "ON CONFLICT (tag_uuid) DO UPDATE SET state = excluded.state, "
                 "by = excluded.by, at = excluded.at", (s.tag_uuid, s.state, s.by, s.at))


def track_audit(track: Track) -> dict[str, Any]:
    """What the audit log keeps of a track: enough to see what changed, not every sample."""
    return {"tag": track.tag_uuid, "kind": track.kind, "keep": track.keep,
            "from_ms": track.first_ms, "to_ms": track.last_ms, "samples": len(track.samples),
            "keys": [[s.t_ms, round(s.box.x, 4), round(s.box.y, 4), round(s.box.w, 4),
                      round(s.box.h, 4)] for s in track.keys],
            "deleted": track.deleted}
