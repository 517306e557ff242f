"""Likely duplicates: two reviewers tagged the same problem on the same footage.

Same footage, same category, different reviewers, and the spans overlap or
lie within a few seconds of each other. Only proposed: the editor merges
or keeps both, and a "keep both" is remembered so it is not asked again.
"""

from __future__ import annotations

import sqlite3
from itertools import groupby
from operator import itemgetter

from reviewer.merge.model import DuplicateProposal
from reviewer.store import rows
from reviewer.store.model import Tag

NEAR_MS = 3000

_Row = tuple[str, str, str, int, int | None, str]  # uuid, media, category, start, end, reviewer


def propose_duplicates(conn: sqlite3.Connection, touched: set[str],
                       at: str) -> tuple[DuplicateProposal, ...]:
    if not touched:
        return ()
    groups = _groups(conn)
    known = {(a, b) for a, b in conn.execute("SELECT a_uuid, b_uuid FROM merge_duplicates")}
    pairs = sorted(p for group in groups for p in _near_pairs(group, touched) if p not in known)
    conn.executemany("INSERT INTO merge_duplicates (a_uuid, b_uuid, created_at) VALUES (?, ?, ?)",
                     [(a, b, at) for a, b in pairs])
    tags = _load(conn, sorted({u for pair in pairs for u in pair}))
    return tuple(DuplicateProposal(tags[a], tags[b]) for a, b in pairs)


def _load(conn: sqlite3.Connection, uuids: list[str]) -> dict[str, Tag]:
    found: dict[str, Tag] = {}
    for start in range(0, len(uuids), 500):
        chunk = uuids[start:start + 500]
        sql = rows.TAG_SELECT + f" WHERE t.uuid IN ({', '.join('?' for _ in chunk)})"
        found.update((t.uuid, t) for t in map(rows.tag_from_row, conn.execute(sql, chunk)))
    return found


def _groups(conn: sqlite3.Connection) -> list[list[_Row]]:
    """Live tags per (footage, category), each group by start time then uuid.

    Sorted by group first, so that ``groupby`` (in C) splits them without a dict
    look-up per row. (A self-join in SQL on the (media_id, start_ms) index
    gave the same pairs but was no faster: it fetches every neighbour's row.)
    """
    found = conn.execute("SELECT uuid, media_id, category_id, start_ms, end_ms, reviewer "
                         "FROM tags WHERE deleted_at IS NULL "
                         "ORDER BY media_id, category_id, start_ms, uuid").fetchall()
    return [list(group) for _, group in groupby(found, key=itemgetter(1, 2))]


def _near_pairs(group: list[_Row], touched: set[str]) -> list[tuple[str, str]]:
    """Sweep by start time: only neighbours within reach of a tag's end are compared."""
    found = []
    size = len(group)
    for i, a in enumerate(group):
        reach = (a[4] if a[4] is not None else a[3]) + NEAR_MS
        j = i + 1  # indexes, not group[i + 1:]: a slice copies the rest of the group per tag
        while j < size and group[j][3] <= reach:
            b = group[j]
            j += 1
            if a[5] != b[5] and (a[0] in touched or b[0] in touched):
                found.append((min(a[0], b[0]), max(a[0], b[0])))
    return found
