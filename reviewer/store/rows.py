"""Tags and footage to and from table rows; the only place that knows the column names."""

from __future__ import annotations

import json
import sqlite3
from typing import Any

from reviewer.store.model import Fingerprint, Media, Still, Tag

TAG_COLUMNS = (
    "uuid", "media_id", "start_ms", "end_ms", "frame_pts", "category_id", "sub_problem_id",
    "county_id", "township_id", "place", "unit_id", "severity", "status", "note", "stills",
    "reviewer", "created_at", "updated_at", "updated_by", "revision", "deleted_at", "deleted_by",
)
TAG_FIELDS = ", ".join("t." + c for c in TAG_COLUMNS)  # of ``tags t``
TAG_SELECT = "SELECT " + TAG_FIELDS + " FROM tags t"
MEDIA_COLUMNS = (
    "id", "name", "size_bytes", "head_tail_sha256", "full_sha256", "abs_path", "rel_path",
    "duration_ms", "info", "online", "recording_id", "chunk_index", "position", "added_at",
    "added_by",
)
MEDIA_SELECT = "SELECT " + ", ".join(MEDIA_COLUMNS) + " FROM media"


def stills_to_json(stills: tuple[Still, ...]) -> str:
    return json.dumps([[s.pts_ms, s.frame_pts] for s in stills])


def stills_from_json(text: str) -> tuple[Still, ...]:
    if text == "[]":  # most tags: skip the JSON parser
        return ()
    return tuple(Still(int(pts), None if frame is None else int(frame))
                 for pts, frame in json.loads(text))


def column_value(name: str, value: Any) -> Any:
    return stills_to_json(value) if name == "stills" else value


_new = object.__new__


def tag_from_row(row: sqlite3.Row | tuple[Any, ...]) -> Tag:
    """A tag from a row of our own table, in ``TAG_COLUMNS`` order.

    Filled in place, without the frozen dataclass's 22 ``__setattr__`` calls: a
    page of 500 tags is built in 1.7 ms instead of 4.3. This is only sound
    while ``Tag`` has no ``__post_init__``, and a test checks that it has none.
    """
    tag = _new(Tag)
    values = tag.__dict__
    values.update(zip(TAG_COLUMNS, row, strict=True))
    values["stills"] = stills_from_json(values["stills"])
    return tag


def insert_tag(conn: sqlite3.Connection, tag: Tag) -> bool:
    """Insert ``tag``; False if its UUID is already stored (a retried commit)."""
    names = ", ".join(TAG_COLUMNS)
    marks = ", ".join("?" for _ in TAG_COLUMNS)
    values = [column_value(c, getattr(tag, c)) for c in TAG_COLUMNS]
    cur = conn.execute(f"INSERT INTO tags ({names}) VALUES ({marks}) "
                       "ON CONFLICT (uuid) DO NOTHING", values)
    return cur.rowcount == 1


def load_tag(conn: sqlite3.Connection, uuid: str) -> Tag | None:
    row = conn.execute(TAG_SELECT + " WHERE t.uuid = ?", (uuid,)).fetchone()
    return tag_from_row(row) if row else None


def update_tag(conn: sqlite3.Connection, uuid: str, fields: dict[str, Any], who: str,
               at: str) -> None:
    """Set ``fields`` (already validated names) and bump the revision."""
    sets = [f"{name} = ?" for name in fields] + ["updated_at = ?", "updated_by = ?",
                                                 "revision = revision + 1"]
    values = [column_value(k, v) for k, v in fields.items()] + [at, who, uuid]
    conn.execute(f"UPDATE tags SET {', '.join(sets)} WHERE uuid = ?", values)


def media_from_row(row: tuple[Any, ...]) -> Media:
    v = dict(zip(MEDIA_COLUMNS, row, strict=True))
    fingerprint = Fingerprint(v.pop("size_bytes"), v.pop("head_tail_sha256"), v.pop("full_sha256"))
    v["info"] = json.loads(v["info"])
    v["online"] = bool(v["online"])
    return Media(fingerprint=fingerprint, **v)


def insert_media(conn: sqlite3.Connection, media: Media) -> None:
    fp = media.fingerprint
    values = (media.id, media.name, fp.size, fp.head_tail, fp.sha256, media.abs_path,
              media.rel_path, media.duration_ms, json.dumps(media.info, ensure_ascii=False),
              int(media.online), media.recording_id, media.chunk_index, media.position,
              media.added_at, media.added_by)
    marks = ", ".join("?" for _ in MEDIA_COLUMNS)
    conn.execute(f"INSERT INTO media ({', '.join(MEDIA_COLUMNS)}) VALUES ({marks})", values)


def audit(conn: sqlite3.Connection, who: str, at: str, action: str, entity: str,
          entity_id: str, before: Any = None, after: Any = None) -> None:
    """Who changed what and when, with before/after, in the edit's own transaction."""
    conn.execute(
        "INSERT INTO audit (at, reviewer, action, entity, entity_id, before, after) "
        "VALUES (?, ?, ?, ?, ?, ?, ?)",
        (at, who, action, entity, entity_id, _json(before), _json(after)),
    )


def _json(value: Any) -> str | None:
    return None if value is None else json.dumps(value, ensure_ascii=False, default=_plain)


def _plain(value: Any) -> Any:
    if isinstance(value, Still):
        return {"pts_ms": value.pts_ms, "frame_pts": value.frame_pts}
    raise TypeError(type(value).__name__)
