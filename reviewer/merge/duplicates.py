"""Likely duplicates: two reviewers tagged the same problem on the same footage.

Same footage, same category, different reviewers, and the spans overlap or
lie within a few seconds of each other. Only proposed: the editor merges
or keeps both, and a "keep both" is remembered so it is not asked again.

Each tag this merge touched is paired with at most two others: the nearest
tag by someone else starting at or after it, and the one by someone else
reaching closest to it from before. Tags are indexed per (footage,
category) in start order, so this costs O(n log n) in tags however many
lie close together, and the proposals are at most two per tag. (Pairing
every cross-reviewer pair within reach, as before, made 6,000 tags from two
alternating reviewers a few seconds apart 9 million proposals.)
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
    groups = _groups(conn, inserted, touched)
    known = {(a, b) for a, b in conn.execute("SELECT a_uuid, b_uuid FROM merge_duplicates")}
    pairs = sorted({p for group in groups for p in _near_pairs(group, touched)} - known)
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


def _groups(conn: sqlite3.Connection, inserted: Inserted, touched: set[str]) -> list[list[_Row]]:
    """Live tags per (footage, category) holding a touched tag, each in (start, uuid) order.

    The rows this merge inserted are taken as it inserted them, not read back:
    they are most of a big merge's tags (reading 90,000 back cost ~0.3 s).
    """
    groups: dict[tuple[str, str], list[_Row]] = defaultdict(list)
    for row in conn.execute(_LIVE, (inserted.first_id,)):
        groups[row[1], row[2]].append(row)
    for row in inserted.rows:
        if row[_DELETED_AT] is None:
            groups[row[_MEDIA], row[_CATEGORY]].append(_FIELDS(row))
    found = [g for g in groups.values() if not touched.isdisjoint(map(_UUID, g))]
    for group in found:
        group.sort(key=_UUID)  # two stable sorts on one key each: cheaper than tuple keys
        group.sort(key=_START)
    return found


def _near_pairs(group: list[_Row], touched: set[str]) -> list[tuple[str, str]]:
    """For each touched tag: its nearest tag by someone else on either side, if within reach."""
    after, before = _next_by_other(group), _reaching_by_other(group)
    found = []
    for i, a in enumerate(group):
        if a[0] not in touched:
            continue
        for j in (before[i], after[i]):
            if j >= 0 and _gap(a, group[j]) <= NEAR_MS:
                b = group[j]
                found.append((min(a[0], b[0]), max(a[0], b[0])))
    return found


def _end(row: _Row) -> int:
    return row[4] if row[4] is not None else row[3]


def _gap(a: _Row, b: _Row) -> int:
    """How far apart two spans are: 0 if they overlap."""
    return max(0, a[3] - _end(b), b[3] - _end(a))


def _next_by_other(group: list[_Row]) -> list[int]:
    """Per position, the first later position by another reviewer (-1: none).

    It starts soonest after the tag among those by someone else, so it is the
    nearest of them: the gap to a later tag depends only on where it starts.
    """
    found = [-1] * len(group)
    for i in range(len(group) - 2, -1, -1):
        found[i] = i + 1 if group[i + 1][5] != group[i][5] else found[i + 1]
    return found


def _reaching_by_other(group: list[_Row]) -> list[int]:
    """Per position, the earlier position by another reviewer whose span ends latest (-1: none).

    Among tags starting before, the one reaching furthest is the nearest. The
    two furthest-reaching tags by different reviewers so far are kept, so one
    by someone other than the tag's own reviewer is always at hand.
    """
    found = [-1] * len(group)
    first = second = -1  # furthest-reaching so far, and furthest by another reviewer than first's
    for i, row in enumerate(group):
        found[i] = first if first >= 0 and group[first][5] != row[5] else second
        first, second = _furthest(group, first, second, i)
    return found


def _furthest(group: list[_Row], first: int, second: int, i: int) -> tuple[int, int]:
    end, who = _end(group[i]), group[i][5]
    if first < 0 or end > _end(group[first]):
        # The old first stays second unless it was by the same reviewer.
        return i, (first if first >= 0 and group[first][5] != who else second)
    if group[first][5] != who and (second < 0 or end > _end(group[second])):
        return first, i
    return first, second
