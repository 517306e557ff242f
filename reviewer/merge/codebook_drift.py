"""Code book drift: entries are matched by stable id, whatever a laptop calls them.

A laptop may have renamed a category (kept as ours, reported) or added one
(proposed). A proposed entry is stored retired so that the tags using it
keep their category and label, but nobody can pick it until the editor
accepts it: the code book never changes silently.
"""

from __future__ import annotations

import re
import sqlite3
from operator import itemgetter

from reviewer.codebook.model import Label
from reviewer.merge.model import CODEBOOK_KINDS, CodebookEntry, CodebookProposal, LabelDrift
from reviewer.merge.package import Package
from reviewer.merge.tag_rows import COLUMN

TABLES = {"category": "categories", "sub_problem": "sub_problems", "county": "counties",
          "township": "townships", "unit": "units"}
PARENT_COLUMN = {"sub_problem": "category_id", "township": "county_id"}
_COLOUR = re.compile(r"^#[0-9a-fA-F]{6}$")
_GREY = "#888888"


def merge_codebook(conn: sqlite3.Connection, packages: list[Package],
                   at: str) -> tuple[tuple[CodebookProposal, ...], tuple[LabelDrift, ...]]:
    proposals: list[CodebookProposal] = []
    renamed: dict[tuple[str, str, Label], LabelDrift] = {}
    for kind in CODEBOOK_KINDS:  # parents before children, for the foreign keys
        ours = _labels(conn, kind)
        for package in packages:
            used = _used_ids(package, kind)
            for entry in (e for e in package.entries if e.kind == kind):
                if entry.id in ours:
                    if not entry.retired and entry.label != ours[entry.id]:
                        renamed.setdefault((kind, entry.id, entry.label), LabelDrift(
                            kind, entry.id, ours[entry.id], entry.label, package.source_id))
                elif not entry.retired or entry.id in used:
                    proposals.extend(_propose(conn, entry, package.source_id, at))
                    ours[entry.id] = entry.label
    return tuple(proposals), tuple(renamed.values())


def _labels(conn: sqlite3.Connection, kind: str) -> dict[str, Label]:
    return {r[0]: Label(r[1], r[2]) for r in
            conn.execute(f"SELECT id, label_zh, label_en FROM {TABLES[kind]}")}


def _used_ids(package: Package, kind: str) -> set[str]:
    # map(itemgetter) loops in C: this runs per kind and package over 10,000s of tags.
    return set(map(itemgetter(COLUMN[f"{kind}_id"]), package.rows)) - {None}


def _propose(conn: sqlite3.Connection, entry: CodebookEntry, source_id: str,
             at: str) -> list[CodebookProposal]:
    table = TABLES[entry.kind]
    position = conn.execute(f"SELECT COALESCE(MAX(position), -1) + 1 FROM {table}").fetchone()[0]
    columns = ["id", "label_zh", "label_en", "position", "retired"]
    values: list[object] = [entry.id, entry.label.zh, entry.label.en, position, 1]
    if entry.kind in PARENT_COLUMN:
        columns.append(PARENT_COLUMN[entry.kind])
        values.append(entry.parent_id)
    if entry.kind == "category":
        # No hotkey: it could clash with one the reviewers already use.
        columns += ["colour", "hotkey"]
        values += [entry.colour if _COLOUR.match(entry.colour) else _GREY, ""]
    conn.execute(f"INSERT INTO {table} ({', '.join(columns)}) VALUES "
                 f"({', '.join('?' for _ in columns)})", values)
    cur = conn.execute("INSERT INTO merge_codebook (kind, entry_id, source_id, created_at) "
                       "VALUES (?, ?, ?, ?) ON CONFLICT DO NOTHING",
                       (entry.kind, entry.id, source_id, at))
    if cur.rowcount != 1:
        return []
    return [CodebookProposal(entry.kind, entry.id, entry.label, entry.parent_id, source_id)]
