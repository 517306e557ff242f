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
    """Live tags per (footage, category) holding a touched tag, each in start order.

    The rows this merge inserted are taken as it inserted them, not read back:
    they are most of a big merge's tags (reading 90,000 back cost ~0.3 s).
    The sort is stable and its input order fixed (ours by id, then the
    inserted rows in the canonical package order), so ties always fall the
    same way; sorting by (start, uuid) tuples instead cost 0.25 s.
    """
    groups: dict[tuple[str, str], list[_Row]] = defaultdict(list)
    for row in conn.execute(_LIVE, (inserted.first_id,)):
        groups[row[1], row[2]].append(row)
    for row in inserted.rows:
        if row[_DELETED_AT] is None:
            groups[row[_MEDIA], row[_CATEGORY]].append(_FIELDS(row))
    found = [g for g in groups.values() if not touched.isdisjoint(map(_UUID, g))]
    for group in found:
        group.sort(key=_START)
    return found


def _near_pairs(group: list[_Row], touched: set[str]) -> list[tuple[str, str]]:
    """For each touched tag: its nearest tag by someone else on either side, if within reach.

    One pass in start order. Before a tag: among the tags by someone else
    starting earlier, the one whose span ends latest is the nearest; the
    latest-ending tag so far (``first``) and the latest-ending one by another
    reviewer than its (``second``) are kept, so that tag is always one of the
    two. After a tag: the first later tag by another reviewer starts soonest,
    so it is the nearest; it closes the run of tags by one reviewer before it.
    """
    found: list[tuple[str, str]] = []
    ends = [r[3] if r[4] is None else r[4] for r in group]
    first = second = -1
    first_end = second_end = -1
    first_who = previous = group[0][5]
    run = 0  # where the run of one reviewer's tags before this tag began
    for i, (uuid, _, _, start, _, who) in enumerate(group):
        if who != previous:
            _pair_run(group, ends, run, i, touched, found)
            run, previous = i, who
        near = first if first_who != who else second
        if near >= 0 and start - ends[near] <= NEAR_MS and uuid in touched:
            found.append(_pair(uuid, group[near][0]))
        end = ends[i]
        if end > first_end:
            if first_who != who:  # the old first is now the latest by another reviewer
                second, second_end = first, first_end
            first, first_end, first_who = i, end, who
        elif first_who != who and end > second_end:
            second, second_end = i, end
    return found


def _pair_run(group: list[_Row], ends: list[int], run: int, after: int, touched: set[str],
              found: list[tuple[str, str]]) -> None:
    """Tags ``run`` up to ``after`` share a reviewer; ``after`` is the next tag by another."""
    b, start = group[after][0], group[after][3]
    for k in range(run, after):
        a = group[k][0]
        if start - ends[k] <= NEAR_MS and a in touched:
            found.append(_pair(a, b))


def _pair(a: str, b: str) -> tuple[str, str]:
    return (a, b) if a < b else (b, a)
