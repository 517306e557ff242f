"""Likely duplicates: two reviewers tagged the same problem on the same footage.

Same footage, same category, different reviewers, and the spans overlap or
lie within a few seconds of each other. Only proposed: the editor merges
or keeps both, and a "keep both" is remembered so it is not asked again.
"""

from __future__ import annotations

import sqlite3
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass
from itertools import compress
from operator import itemgetter

from reviewer.merge import tag_rows
from reviewer.merge.model import DuplicateProposal
from reviewer.store import rows
from reviewer.store.model import Tag

NEAR_MS = 3000

_Row = tuple[str, str, str, int, int | None, str]  # uuid, media, category, start, end, reviewer


@dataclass(frozen=True)
class Inserted:
    """The tag rows a merge inserted (``rows.TAG_COLUMNS`` order) and the id the first got."""

    first_id: int
    rows: Sequence[tag_rows.Row]


def propose_duplicates(conn: sqlite3.Connection, touched: set[str], at: str,
                       inserted: Inserted) -> tuple[DuplicateProposal, ...]:
    if not touched:
        return ()
    groups = _groups(conn, inserted)
    known = {(a, b) for a, b in conn.execute("SELECT a_uuid, b_uuid FROM merge_duplicates")}
    pairs = sorted(p for group in groups for p in _near_pairs(group, touched) if p not in known)
    conn.executemany("INSERT INTO merge_duplicates (a_uuid, b_uuid, created_at) VALUES (?, ?, ?)",
                     [(a, b, at) for a, b in pairs])
    tags = _load(conn, {u for pair in pairs for u in pair}, inserted)
    return tuple(DuplicateProposal(tags[a], tags[b]) for a, b in pairs)


def _load(conn: sqlite3.Connection, uuids: set[str], inserted: Inserted) -> dict[str, Tag]:
    """The proposals' tags; those this merge inserted are built from its own rows, not read back."""
    fresh = compress(inserted.rows, map(uuids.__contains__, map(_UUID, inserted.rows)))
    found = {row[0]: rows.tag_from_row(row) for row in fresh}
    rest = sorted(uuids - found.keys())
    for start in range(0, len(rest), 500):
        chunk = rest[start:start + 500]
        sql = rows.TAG_SELECT + f" WHERE t.uuid IN ({', '.join('?' for _ in chunk)})"
        found.update((t.uuid, t) for t in map(rows.tag_from_row, conn.execute(sql, chunk)))
    return found


_LIVE = ("SELECT uuid, media_id, category_id, start_ms, end_ms, reviewer FROM tags "
         "WHERE deleted_at IS NULL AND id < ?")
_FIELDS = itemgetter(*(tag_rows.COLUMN[n] for n in (
    "uuid", "media_id", "category_id", "start_ms", "end_ms", "reviewer")))
_UUID = itemgetter(0)
_MEDIA, _CATEGORY, _DELETED_AT = (tag_rows.COLUMN[n] for n in ("media_id", "category_id",
                                                                "deleted_at"))
_START = itemgetter(3)


def _groups(conn: sqlite3.Connection, inserted: Inserted) -> list[list[_Row]]:
    """Live tags per (footage, category), each group in start order.

    The rows this merge inserted are taken as it inserted them, not read back:
    they are most of a big merge's tags (reading 90,000 back cost ~0.3 s).
    Start order is all the sweep needs: tags starting together pair up either
    way round, and the pairs are sorted afterwards. Sorting by (footage,
    category, start, uuid) tuples instead cost 0.25 s. (A self-join in SQL on
    the (media_id, start_ms) index gave the same pairs but was no faster: it
    fetches every neighbour's row.)
    """
    groups: dict[tuple[str, str], list[_Row]] = defaultdict(list)
    for row in conn.execute(_LIVE, (inserted.first_id,)):
        groups[row[1], row[2]].append(row)
    for row in inserted.rows:
        if row[_DELETED_AT] is None:
            groups[row[_MEDIA], row[_CATEGORY]].append(_FIELDS(row))
    found = list(groups.values())
    for group in found:
        group.sort(key=_START)
    return found


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
