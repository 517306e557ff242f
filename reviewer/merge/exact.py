"""Exact duplicates: the same tag made twice, kept once.

Two reviewers (or two copies of one laptop) may tag the same frame of the
same footage with the same category and every field the same, each under
its own UUID. Adding both would give the editor the same problem twice.
A tag new to the project is therefore not added when a live tag already
here, or one another package of this merge brings, holds the same content
(footage, start, end, frame, category and every other field; who made it
and when do not count). It is recorded instead: its version goes into
``merge_seen`` (so the same package merged again finds nothing new) and a
``merge-duplicate`` audit row names it, its reviewer and the tag kept.

Within one package identical tags are left alone: that laptop holds both,
and its reviewer can see them. A tag edited on its laptop after it was
absorbed arrives with a new version and is judged again, so an edit is
never lost.
"""

from __future__ import annotations

import sqlite3
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from itertools import chain, compress
from operator import itemgetter

import numpy as np

from reviewer.merge.package import Package
from reviewer.merge.tag_rows import COLUMN, Row
from reviewer.store.model import EDITABLE_FIELDS

_CONTENT = ("media_id", *EDITABLE_FIELDS)
_SIGNATURE = itemgetter(*(COLUMN[n] for n in _CONTENT))
_START = itemgetter(COLUMN["start_ms"])
_DELETED_AT = COLUMN["deleted_at"]
_CHUNK = 500


@dataclass(frozen=True)
class Absorbed:
    """A tag not added because ``kept`` holds the same content."""

    package: Package
    row: Row
    kept: str


def find(conn: sqlite3.Connection, packages: Sequence[Package],
         candidates: Sequence[Sequence[Row]]) -> list[Absorbed]:
    """``candidates[i]``: the live rows new to the project that ``packages[i]`` alone carries.

    Packages come in canonical order and each one's rows in uuid order, so
    which copy is kept does not depend on the order they were given in. Only
    rows starting at the same millisecond as another row or a tag here can be
    duplicates; the rest (nearly all) are passed over without a Python loop.
    """
    here = _places_here(conn)
    suspects = _repeated(candidates, here)
    if not suspects:
        return []
    contents = _live_here(conn, here, suspects)
    first: dict[tuple[object, ...], tuple[str, int]] = {}  # content -> (kept uuid, its package)
    found = []
    for index, (package, rows) in enumerate(zip(packages, candidates, strict=True)):
        for row in compress(rows, map(suspects.__contains__, map(_START, rows))):
            content = _SIGNATURE(row)
            kept = contents.get(content)
            if kept is None:
                uuid, source = first.setdefault(content, (row[0], index))
                kept = uuid if source != index else None
            if kept is not None:
                found.append(Absorbed(package, row, kept))
    return found


def _repeated(candidates: Sequence[Sequence[Row]], here: dict[int, list[int]]) -> set[int]:
    """Start times two candidates share, or a candidate shares with a tag here (numpy, in C)."""
    starts = np.fromiter(chain.from_iterable(map(_START, rows) for rows in candidates),
                         dtype=np.int64)
    values, counts = np.unique(starts, return_counts=True)
    shared = values[(counts > 1) | np.isin(values, np.fromiter(here, dtype=np.int64))]
    return set(shared.tolist())


def live(rows: Iterable[Row]) -> list[Row]:
    return [row for row in rows if row[_DELETED_AT] is None]


_PLACES_HERE = "SELECT id, start_ms FROM tags WHERE deleted_at IS NULL"
_CONTENT_HERE = ("SELECT uuid, " + ", ".join(_CONTENT) + " FROM tags WHERE id IN ({marks}) "
                 "ORDER BY uuid")


def _places_here(conn: sqlite3.Connection) -> dict[int, list[int]]:
    """Start time -> ids of the live tags here starting then."""
    found: dict[int, list[int]] = defaultdict(list)
    for tag_id, start in conn.execute(_PLACES_HERE):
        found[start].append(tag_id)
    return found


def _live_here(conn: sqlite3.Connection, here: dict[int, list[int]],
               suspects: set[int]) -> dict[tuple[object, ...], str]:
    """Content -> the first uuid of the live tags here starting at any of ``suspects``.

    Only those tags are read in full: notes can be long, and most of a big
    project's tags start elsewhere.
    """
    ids = [i for start in suspects & here.keys() for i in here[start]]
    found: dict[tuple[object, ...], str] = {}
    for at in range(0, len(ids), _CHUNK):
        chunk = ids[at:at + _CHUNK]
        sql = _CONTENT_HERE.format(marks=", ".join("?" for _ in chunk))
        for uuid, *content in conn.execute(sql, chunk):
            found.setdefault(tuple(content), uuid)
    return found
