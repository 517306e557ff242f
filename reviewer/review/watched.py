"""What reviewers have watched, kept in the project: per footage file, per reviewer.

Two kinds of span: ``watched`` (played at up to 2x, or stepped through) and ``marked``
(a dark or frozen stretch the reviewer marked reviewed without watching it). Both count
as covered; they are kept apart so a supervisor can tell them apart. Spans only grow:
a write is the union of what was stored and what was added, so two windows, a merge
and a retried write can never lose a span. Not undoable: it is a record, not an edit.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Mapping
from dataclasses import dataclass

from reviewer.review.coverage import Coverage
from reviewer.store.model import now_iso
from reviewer.store.project import Project

KINDS = ("watched", "marked")
SELECT = "SELECT media_id, reviewer, kind, spans, updated_at FROM coverage"


@dataclass(frozen=True)
class Watched:
    """One reviewer's coverage of one footage file, of one kind."""

    media_id: str
    reviewer: str
    kind: str
    coverage: Coverage
    updated_at: str = ""


@dataclass(frozen=True)
class FileCoverage:
    """How much of one footage file has been covered: by everyone, and by each reviewer."""

    media_id: str
    name: str
    duration_ms: int
    covered_ms: int  # watched or marked, by anyone
    marked_ms: int  # of that, marked reviewed without watching (by anyone, not watched)
    by_reviewer: tuple[tuple[str, int], ...]  # (reviewer, covered ms), by name

    @property
    def share(self) -> float:
        return min(1.0, self.covered_ms / self.duration_ms) if self.duration_ms > 0 else 0.0

    @property
    def left_ms(self) -> int:
        return max(0, self.duration_ms - self.covered_ms)


def spans_to_json(coverage: Coverage) -> str:
    return json.dumps([list(s) for s in coverage.spans], separators=(",", ":"))


def spans_from_json(text: str) -> Coverage:
    out = Coverage()
    for start, end in json.loads(text):
        out = out.add(int(start), int(end))
    return out


def from_row(row: tuple) -> Watched:
    media_id, reviewer, kind, spans, updated_at = row
    return Watched(media_id, reviewer, kind, spans_from_json(spans), updated_at)


def load(project: Project, media_id: str | None = None) -> list[Watched]:
    where, params = ("", ()) if media_id is None else (" WHERE media_id = ?", (media_id,))
    return [from_row(r) for r in project.query(SELECT + where + " ORDER BY media_id, reviewer, kind",
                                               params)]


def union(rows: Iterable[Watched], reviewer: str | None = None,
          kinds: tuple[str, ...] = KINDS) -> Coverage:
    """Everything ``rows`` cover (one reviewer's, or everyone's)."""
    out = Coverage()
    for row in rows:
        if row.kind in kinds and (reviewer is None or row.reviewer == reviewer):
            out = merged(out, row.coverage)
    return out


def merged(a: Coverage, b: Coverage) -> Coverage:
    for start, end in b.spans:
        a = a.add(start, end)
    return a


def record(project: Project, added: Mapping[tuple[str, str], Coverage]) -> None:
    """Add spans for the project's reviewer, keyed by (media id, kind), in one transaction."""
    if not any(c.spans for c in added.values()):
        return
    at = now_iso()
    with project.write() as conn:
        for (media_id, kind), coverage in added.items():
            if coverage.spans:
                store(conn, Watched(media_id, project.reviewer, kind, coverage, at))


def store(conn: object, row: Watched) -> None:
    """Union ``row`` into what is stored for its (file, reviewer, kind); ``conn`` in a transaction."""
    found = conn.execute("SELECT spans FROM coverage WHERE media_id = ? AND reviewer = ? "  # type: ignore[attr-defined]
                         "AND kind = ?", (row.media_id, row.reviewer, row.kind)).fetchone()
    coverage = merged(spans_from_json(found[0]), row.coverage) if found else row.coverage
    conn.execute("INSERT INTO coverage (media_id, reviewer, kind, spans, updated_at) "  # type: ignore[attr-defined]
                 "VALUES (?, ?, ?, ?, ?) ON CONFLICT (media_id, reviewer, kind) DO UPDATE SET "
                 "spans = excluded.spans, updated_at = max(updated_at, excluded.updated_at)",
                 (row.media_id, row.reviewer, row.kind, spans_to_json(coverage), row.updated_at))


def summary(project: Project) -> list[FileCoverage]:
    """Every footage file in the project's order, with what has been covered of it."""
    rows: dict[str, list[Watched]] = {}
    for row in load(project):
        rows.setdefault(row.media_id, []).append(row)
    return [file_coverage(m.id, m.name, m.duration_ms, rows.get(m.id, []))
            for m in project.media()]


def file_coverage(media_id: str, name: str, duration_ms: int,
                  rows: list[Watched]) -> FileCoverage:
    everyone = clipped(union(rows), duration_ms)
    watched = clipped(union(rows, kinds=("watched",)), duration_ms)
    people = sorted({r.reviewer for r in rows})
    by = tuple((p, clipped(union(rows, p), duration_ms).seen_ms()) for p in people)
    return FileCoverage(media_id, name, duration_ms, everyone.seen_ms(),
                        everyone.seen_ms() - watched.seen_ms(), by)


def clipped(coverage: Coverage, duration_ms: int) -> Coverage:
    """Spans cut to the file (a last frame held past the end counts only up to it)."""
    spans = tuple((max(0, s), min(e, duration_ms)) for s, e in coverage.spans
                  if s < duration_ms and e > 0)
    return Coverage(spans)


def shares(project: Project) -> dict[str, float]:
    """Covered share of each footage file (0–1), for the media bin."""
    return {f.media_id: f.share for f in summary(project)}
