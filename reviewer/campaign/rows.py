"""Rounds, rectification records, evidence and re-checks to and from their tables."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterable, Iterator
from datetime import date
from typing import Any

from reviewer.campaign.model import Evidence, Recheck, Rectification, Round
from reviewer.store.model import Fingerprint

ROUND_COLUMNS = ("id", "name", "position", "start_on", "end_on", "teams", "created_at",
                 "created_by")
RECORD_COLUMNS = ("tag_uuid", "deadline", "measures", "rectified_on", "verdict", "verified_at",
                  "verified_by", "closed_at", "closed_by", "updated_at", "updated_by")
EVIDENCE_COLUMNS = ("id", "tag_uuid", "name", "kind", "size_bytes", "head_tail_sha256",
                    "full_sha256", "abs_path", "rel_path", "added_at", "added_by", "removed_at",
                    "removed_by")
RECHECK_COLUMNS = ("earlier_uuid", "later_uuid", "status", "verdict", "decided_at", "decided_by")
CURRENT_KEY = "current_round"


def _day(value: str | None) -> date | None:
    return date.fromisoformat(value) if value else None


def _text(value: Any) -> Any:
    return value.isoformat() if isinstance(value, date) else value


def _select(table: str, columns: tuple[str, ...]) -> str:
    return f"SELECT {', '.join(columns)} FROM {table}"


# --- rounds -----------------------------------------------------------------------------

def round_from_row(row: Iterable[Any]) -> Round:
    values = dict(zip(ROUND_COLUMNS, row, strict=True))
    for name in ("start_on", "end_on"):
        values[name] = _day(values[name])
    return Round(**values)


def load_rounds(conn: sqlite3.Connection) -> tuple[Round, ...]:
    sql = _select("rounds", ROUND_COLUMNS) + " ORDER BY position"
    return tuple(round_from_row(r) for r in conn.execute(sql))


def insert_round(conn: sqlite3.Connection, round_: Round) -> None:
    values = [_text(getattr(round_, c)) for c in ROUND_COLUMNS]
    marks = ", ".join("?" for _ in ROUND_COLUMNS)
    conn.execute(f"INSERT INTO rounds ({', '.join(ROUND_COLUMNS)}) VALUES ({marks})", values)


def update_round(conn: sqlite3.Connection, round_id: str, values: dict[str, Any]) -> None:
    sets = ", ".join(f"{name} = ?" for name in values)
    conn.execute(f"UPDATE rounds SET {sets} WHERE id = ?",
                 [_text(v) for v in values.values()] + [round_id])


def current_round_id(conn: sqlite3.Connection) -> str | None:
    from reviewer.store.schema import CURRENT_ROUND

    row = conn.execute(f"SELECT {CURRENT_ROUND}").fetchone()
    return row[0] if row else None


def tag_round(conn: sqlite3.Connection, uuid: str) -> str | None:
    row = conn.execute("SELECT round_id FROM tags WHERE uuid = ?", (uuid,)).fetchone()
    return row[0] if row else None


def tag_rounds(conn: sqlite3.Connection, uuids: Iterable[str] | None = None) -> dict[str, str]:
    """uuid -> round id, for the given tags or for every tag."""
    sql = "SELECT uuid, round_id FROM tags"
    return dict(conn.execute(sql) if uuids is None else _chunked(conn, sql, "uuid", uuids))


def _chunked(conn: sqlite3.Connection, sql: str, column: str,
             values: Iterable[str]) -> Iterator[tuple[Any, ...]]:
    """``sql WHERE column IN (values)``, a few hundred values a statement."""
    wanted = list(values)
    for start in range(0, len(wanted), 500):
        chunk = wanted[start:start + 500]
        yield from conn.execute(f"{sql} WHERE {column} IN ({', '.join('?' * len(chunk))})", chunk)


# --- rectification records ------------------------------------------------------------------

_new = object.__new__


def record_from_row(row: Iterable[Any]) -> Rectification:
    """Filled in place like ``store.rows.tag_from_row`` (a campaign loads thousands at once);
    sound while Rectification has no ``__post_init__`` (tests/campaign checks it)."""
    record = _new(Rectification)
    values = record.__dict__
    values.update(zip(RECORD_COLUMNS, row, strict=True))
    for name in ("deadline", "rectified_on"):
        if values[name]:
            values[name] = date.fromisoformat(values[name])
    return record


def load_record(conn: sqlite3.Connection, uuid: str) -> Rectification | None:
    row = conn.execute(_select("rectifications", RECORD_COLUMNS) + " WHERE tag_uuid = ?",
                       (uuid,)).fetchone()
    return record_from_row(row) if row else None


def load_records(conn: sqlite3.Connection,
                 uuids: Iterable[str] | None = None) -> dict[str, Rectification]:
    sql = _select("rectifications", RECORD_COLUMNS)
    found = conn.execute(sql) if uuids is None else _chunked(conn, sql, "tag_uuid", uuids)
    return {r[0]: record_from_row(r) for r in found}


def save_record(conn: sqlite3.Connection, record: Rectification | None, uuid: str) -> None:
    """Write ``record`` for ``uuid`` (None removes it: the defaults apply again)."""
    if record is None:
        conn.execute("DELETE FROM rectifications WHERE tag_uuid = ?", (uuid,))
        return
    names = ", ".join(RECORD_COLUMNS)
    marks = ", ".join("?" for _ in RECORD_COLUMNS)
    updates = ", ".join(f"{c} = excluded.{c}" for c in RECORD_COLUMNS[1:])
    conn.execute(f"INSERT INTO rectifications ({names}) VALUES ({marks}) "
                 f"ON CONFLICT (tag_uuid) DO UPDATE SET {updates}",
                 [_text(getattr(record, c)) for c in RECORD_COLUMNS])


def record_json(record: Rectification | None) -> dict[str, Any] | None:
    """The record as the audit log keeps it."""
    if record is None:
        return None
    return {name: _text(value) for name, value in record.content().items()}


# --- evidence -----------------------------------------------------------------------------

def evidence_from_row(row: Iterable[Any]) -> Evidence:
    v = dict(zip(EVIDENCE_COLUMNS, row, strict=True))
    print_ = Fingerprint(v.pop("size_bytes"), v.pop("head_tail_sha256"), v.pop("full_sha256"))
    return Evidence(fingerprint=print_, **v)


def load_evidence(conn: sqlite3.Connection, uuid: str | None = None,
                  removed: bool = False) -> list[Evidence]:
    sql = _select("evidence", EVIDENCE_COLUMNS) + \
        (" WHERE removed_at IS NOT NULL" if removed else " WHERE removed_at IS NULL")
    params: tuple[str, ...] = ()
    if uuid is not None:
        sql, params = sql + " AND tag_uuid = ?", (uuid,)
    return [evidence_from_row(r) for r in conn.execute(sql + " ORDER BY added_at, rowid", params)]


def evidence_by_id(conn: sqlite3.Connection, evidence_id: str) -> Evidence | None:
    row = conn.execute(_select("evidence", EVIDENCE_COLUMNS) + " WHERE id = ?",
                       (evidence_id,)).fetchone()
    return evidence_from_row(row) if row else None


def insert_evidence(conn: sqlite3.Connection, item: Evidence) -> bool:
    fp = item.fingerprint
    values = (item.id, item.tag_uuid, item.name, item.kind, fp.size, fp.head_tail, fp.sha256,
              item.abs_path, item.rel_path, item.added_at, item.added_by, item.removed_at,
              item.removed_by)
    marks = ", ".join("?" for _ in EVIDENCE_COLUMNS)
    cur = conn.execute(f"INSERT INTO evidence ({', '.join(EVIDENCE_COLUMNS)}) VALUES ({marks}) "
                       "ON CONFLICT (id) DO NOTHING", values)
    return cur.rowcount == 1


def set_evidence_removed(conn: sqlite3.Connection, evidence_id: str, at: str | None,
                         who: str | None) -> None:
    conn.execute("UPDATE evidence SET removed_at = ?, removed_by = ? WHERE id = ?",
                 (at, who, evidence_id))


# --- re-checks ----------------------------------------------------------------------------

def load_rechecks(conn: sqlite3.Connection) -> list[Recheck]:
    sql = _select("rechecks", RECHECK_COLUMNS) + " ORDER BY decided_at, earlier_uuid, later_uuid"
    return [Recheck(*r) for r in conn.execute(sql)]


def save_recheck(conn: sqlite3.Connection, link: Recheck) -> None:
    marks = ", ".join("?" for _ in RECHECK_COLUMNS)
    conn.execute(f"INSERT INTO rechecks ({', '.join(RECHECK_COLUMNS)}) VALUES ({marks}) "
                 "ON CONFLICT (earlier_uuid, later_uuid) DO UPDATE SET status = excluded.status, "
                 "verdict = excluded.verdict, decided_at = excluded.decided_at, "
                 "decided_by = excluded.decided_by",
                 [getattr(link, c) for c in RECHECK_COLUMNS])


def delete_recheck(conn: sqlite3.Connection, earlier: str, later: str) -> None:
    conn.execute("DELETE FROM rechecks WHERE earlier_uuid = ? AND later_uuid = ?", (earlier, later))


def recheck_json(link: Recheck | None) -> dict[str, Any] | None:
    return None if link is None else {c: getattr(link, c) for c in RECHECK_COLUMNS}
