"""The project's code book in its tables.

Entries are matched by stable id. An entry dropped from a newer code
book is marked retired rather than deleted: old tags still point at it.
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterable

from reviewer.codebook import rules as rules_io
from reviewer.codebook.model import Category, CodeBook, County, Label, SubProblem, Township, Unit

_TABLES = ("categories", "sub_problems", "counties", "townships", "units")
# The campaign rules (deadlines, scoring) are one JSON value of the project table: every
# schema version has that table, so a code book saves the same way into any of them.
RULES_KEY = "codebook_rules"


def save(conn: sqlite3.Connection, book: CodeBook, at: str) -> None:
    """Replace the active code book with ``book`` (inside the caller's transaction)."""
    for table in _TABLES:
        conn.execute(f"UPDATE {table} SET retired = 1")
    for pos, cat in enumerate(book.categories):
        _upsert(conn, "categories", ("id", "label_zh", "label_en", "colour", "hotkey"),
                (cat.id, cat.label.zh, cat.label.en, cat.colour, cat.hotkey), pos)
        for sub_pos, sub in enumerate(cat.sub_problems):
            _upsert(conn, "sub_problems", ("id", "category_id", "label_zh", "label_en"),
                    (sub.id, cat.id, sub.label.zh, sub.label.en), sub_pos)
    for pos, county in enumerate(book.counties):
        _upsert(conn, "counties", ("id", "label_zh", "label_en"),
                (county.id, county.label.zh, county.label.en), pos)
        for t_pos, town in enumerate(county.townships):
            _upsert(conn, "townships", ("id", "county_id", "label_zh", "label_en"),
                    (town.id, county.id, town.label.zh, town.label.en), t_pos)
    for pos, unit in enumerate(book.units):
        _upsert(conn, "units", ("id", "label_zh", "label_en"),
                (unit.id, unit.label.zh, unit.label.en), pos)
    _save_header(conn, book, at)
    conn.execute("INSERT INTO project (key, value) VALUES (?, ?) ON CONFLICT (key) "
                 "DO UPDATE SET value = excluded.value",
                 (RULES_KEY, json.dumps(rules_io.to_dict(book.rules), ensure_ascii=False)))


def add_unit(conn: sqlite3.Connection, unit: Unit) -> None:
    """One more responsible unit, after the others (inside the caller's transaction)."""
    position = conn.execute("SELECT COALESCE(MAX(position), -1) + 1 FROM units").fetchone()[0]
    _upsert(conn, "units", ("id", "label_zh", "label_en"),
            (unit.id, unit.label.zh, unit.label.en), position)


def _upsert(conn: sqlite3.Connection, table: str, columns: tuple[str, ...],
            values: tuple[object, ...], position: int) -> None:
    names = ", ".join(columns) + ", position, retired"
    marks = ", ".join("?" for _ in columns) + ", ?, 0"
    updates = ", ".join(f"{c} = excluded.{c}" for c in columns[1:]) + ", position = excluded.position, retired = 0"
    conn.execute(f"INSERT INTO {table} ({names}) VALUES ({marks}) "
                 f"ON CONFLICT (id) DO UPDATE SET {updates}", (*values, position))


def _save_header(conn: sqlite3.Connection, book: CodeBook, at: str) -> None:
    conn.execute(
        "INSERT INTO codebook (one, book_id, version, name_zh, name_en, required_fields, updated_at) "
        "VALUES (1, ?, ?, ?, ?, ?, ?) ON CONFLICT (one) DO UPDATE SET book_id = excluded.book_id, "
        "version = excluded.version, name_zh = excluded.name_zh, name_en = excluded.name_en, "
        "required_fields = excluded.required_fields, updated_at = excluded.updated_at",
        (book.id, book.version, book.name.zh, book.name.en, json.dumps(book.required_fields), at),
    )


def load(conn: sqlite3.Connection) -> CodeBook:
    head = conn.execute("SELECT book_id, version, name_zh, name_en, required_fields "
                        "FROM codebook WHERE one = 1").fetchone()
    subs = _grouped(conn, "sub_problems", "category_id", SubProblem)
    towns = _grouped(conn, "townships", "county_id", Township)
    categories = tuple(Category(r[0], Label(r[1], r[2]), r[3], r[4], tuple(subs.get(r[0], ())))
                       for r in _active(conn, "categories", "id, label_zh, label_en, colour, hotkey"))
    counties = tuple(County(r[0], Label(r[1], r[2]), tuple(towns.get(r[0], ())))
                     for r in _active(conn, "counties", "id, label_zh, label_en"))
    units = tuple(Unit(r[0], Label(r[1], r[2])) for r in _active(conn, "units", "id, label_zh, label_en"))
    return CodeBook(id=head[0], name=Label(head[2], head[3]), version=head[1],
                    categories=categories, counties=counties, units=units,
                    required_fields=tuple(json.loads(head[4])),
                    rules=_rules(conn, frozenset(c.id for c in categories)))


def _rules(conn: sqlite3.Connection, category_ids: frozenset[str]) -> rules_io.CampaignRules:
    """The stored rules; a project saved before they existed gets the defaults."""
    row = conn.execute("SELECT value FROM project WHERE key = ?", (RULES_KEY,)).fetchone()
    if row is None:
        return rules_io.DEFAULT_RULES
    # Validated when the code book was imported; its categories are the ones saved with it.
    return rules_io.from_dict(json.loads(row[0]), category_ids)


def _active(conn: sqlite3.Connection, table: str, columns: str) -> Iterable[tuple[str, ...]]:
    return conn.execute(f"SELECT {columns} FROM {table} WHERE retired = 0 ORDER BY position")


def _grouped(conn: sqlite3.Connection, table: str, parent: str,
             kind: type[SubProblem] | type[Township]) -> dict[str, list]:
    groups: dict[str, list] = {}
    for row in _active(conn, table, f"{parent}, id, label_zh, label_en"):
        groups.setdefault(row[0], []).append(kind(row[1], Label(row[2], row[3])))
    return groups


def label(conn: sqlite3.Connection, kind: str, entry_id: str | None, lang: str = "zh_CN") -> str:
    """A label even for a retired entry (old tags keep showing their words)."""
    table = {"category": "categories", "sub_problem": "sub_problems", "county": "counties",
             "township": "townships", "unit": "units"}[kind]
    row = conn.execute(f"SELECT label_zh, label_en FROM {table} WHERE id = ?",
                       (entry_id,)).fetchone()
    if not row:
        return entry_id or ""
    return Label(row[0], row[1]).text(lang)
