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
from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from itertools import chain, compress
from operator import itemgetter

from reviewer.merge.package import Package
from reviewer.merge.tag_rows import COLUMN, Row
from reviewer.store.model import EDITABLE_FIELDS

_CONTENT = ("media_id", *EDITABLE_FIELDS)
_SIGNATURE = itemgetter(*(COLUMN[n] for n in _CONTENT))
_PLACE = itemgetter(COLUMN["media_id"], COLUMN["start_ms"])
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
    rows sharing their (footage, start) with another row or a tag here can be
    duplicates; the rest (nearly all) are passed over in C.
    """
    here_places, counts = _places_here(conn), Counter(chain.from_iterable(
        map(_PLACE, rows) for rows in candidates))
    suspects = {k for k, n in counts.items() if n > 1 or k in here_places}
    if not suspects:
        return []
    here = _live_here(conn, here_places, suspects)
    first: dict[tuple[object, ...], tuple[str, int]] = {}  # content -> (kept uuid, its package)
    found = []
    for index, (package, rows) in enumerate(zip(packages, candidates, strict=True)):
        for row in compress(rows, map(suspects.__contains__, map(_PLACE, rows))):
            content = _SIGNATURE(row)
            kept = here.get(content)
            if kept is None:
                uuid, source = first.setdefault(content, (row[0], index))
                kept = uuid if source != index else None
            if kept is not None:
                found.append(Absorbed(package, row, kept))
    return found


def live(rows: Iterable[Row]) -> list[Row]:
    return [row for row in rows if row[_DELETED_AT] is None]


_PLACES_HERE = "SELECT id, media_id, start_ms FROM tags WHERE deleted_at IS NULL"
_CONTENT_HERE = ("SELECT uuid, " + ", ".join(_CONTENT) + " FROM tags WHERE id IN ({marks}) "
                 "ORDER BY uuid")


def _places_here(conn: sqlite3.Connection) -> dict[tuple[object, object], list[int]]:
    """(footage, start) -> ids of the live tags here."""
    found: dict[tuple[object, object], list[int]] = defaultdict(list)
    for tag_id, media, start in conn.execute(_PLACES_HERE):
        found[media, start].append(tag_id)
    return found


def _live_here(conn: sqlite3.Connection, places: dict[tuple[object, object], list[int]],
               suspects: set[tuple[object, object]]) -> dict[tuple[object, ...], str]:
    """Content -> the first uuid of the live tags here at any of ``suspects``.

    Only those tags are read in full: notes can be long, and most of a big
    project's tags are elsewhere.
    """
    ids = [i for place in suspects & places.keys() for i in places[place]]
    found: dict[tuple[object, ...], str] = {}
    for at in range(0, len(ids), _CHUNK):
        chunk = ids[at:at + _CHUNK]
        sql = _CONTENT_HERE.format(marks=", ".join("?" for _ in chunk))
        for uuid, *content in conn.execute(sql, chunk):
            found.setdefault(tuple(content), uuid)
    return found
