"""Coverage in reviewer packages: read with the package (every row checked), merged into the
master after the tags, in the merge's one transaction.

Coverage only grows, so merging is a union per (footage, reviewer, kind): a package that
brings what the master has changes nothing, and merging twice is merging once. Rows for
footage the master does not have are left out. Dismissed proposals are a reviewer's own
and stay on their laptop.

Hooks (the merge feature calls these two): ``read(conn, source)`` in
``merge.package._read_database`` and ``apply(conn, packages, media, at)`` in
``merge.engine._apply_all``.
"""

from __future__ import annotations

import json
import re
import sqlite3
from collections.abc import Sequence
from pathlib import Path
from typing import Any, Protocol

from reviewer.merge.errors import CorruptPackageError, InvalidPackageError
from reviewer.review import watched
from reviewer.review.coverage import Coverage
from reviewer.review.watched import Watched

_TEXT_LIMIT = 200
_CONTROL = re.compile(r"[\x00-\x1f]")
_MAX_SPANS = 200_000
_MAX_MS = 10**10  # about 115 days: past any footage


class _Package(Protocol):
    coverage: tuple[Watched, ...]


class _Media(Protocol):
    def ours(self, package: Any, media_id: str) -> str: ...


def read(conn: sqlite3.Connection, source: Path) -> tuple[Watched, ...]:
    """The package's coverage rows, every one checked; a package from before them has none."""
    tables = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
    if "coverage" not in tables:
        return ()
    try:
        rows = conn.execute(watched.SELECT + " ORDER BY media_id, reviewer, kind").fetchall()
    except sqlite3.DatabaseError as exc:
        raise CorruptPackageError(source, str(exc)[:120]) from exc
    return tuple(_checked(row, source) for row in rows)


def _checked(row: Sequence[Any], source: Path) -> Watched:
    media_id, reviewer, kind, spans, updated_at = row
    for value in (media_id, reviewer, updated_at):
        if type(value) is not str or not value or len(value) > _TEXT_LIMIT or \
                _CONTROL.search(value):
            raise InvalidPackageError(source, "coverage")
    if kind not in watched.KINDS or type(spans) is not str or len(spans) > _MAX_SPANS * 32:
        raise InvalidPackageError(source, "coverage")
    return Watched(media_id, reviewer, kind, _spans(spans, source), updated_at)


def _spans(text: str, source: Path) -> Coverage:
    try:
        pairs = json.loads(text)
    except ValueError as exc:
        raise InvalidPackageError(source, "coverage") from exc
    if type(pairs) is not list or len(pairs) > _MAX_SPANS:
        raise InvalidPackageError(source, "coverage")
    spans = []
    for pair in pairs:
        ok = type(pair) is list and len(pair) == 2 and all(type(v) is int for v in pair)
        if not ok or not 0 <= pair[0] <= pair[1] <= _MAX_MS:
            raise InvalidPackageError(source, "coverage")
        spans.append((pair[0], pair[1]))
    return watched.spans_from_json(json.dumps(sorted(spans)))


def apply(conn: sqlite3.Connection, packages: Sequence[_Package], media: _Media,
          at: str) -> int:
    """Union every package's coverage into the master; returns how many rows it touched."""
    touched = 0
    for package in packages:
        for row in getattr(package, "coverage", None) or ():
            try:
                ours = media.ours(package, row.media_id)
            except KeyError:
                continue
            watched.store(conn, Watched(ours, row.reviewer, row.kind, row.coverage,
                                        row.updated_at or at))
            touched += 1
    return touched
