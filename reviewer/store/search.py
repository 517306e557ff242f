"""Tag filters as SQL: every criterion a tag table, an export or a merge view needs.

Free text uses the trigram full-text index for terms of 3+ characters and
the word index (reviewer/store/words.py) for 1-2 CJK characters (垃圾, 厕);
anything else (a 1-2 character Latin term) falls back to LIKE. Both indexes
hold live tags only (schema step 0006), so a search of deleted tags uses LIKE.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any

from reviewer.store import words
from reviewer.store.rows import TAG_FIELDS, TAG_SELECT
from reviewer.store.schema import CURRENT_ROUND

_TEXT_FIELDS = ("place", "note")
_NULLABLE = {"sub_problem_id", "county_id", "township_id", "unit_id", "severity"}
_IN_FILTERS = (
    ("categories", "category_id"), ("sub_problems", "sub_problem_id"), ("counties", "county_id"),
    ("townships", "township_id"), ("units", "unit_id"), ("statuses", "status"),
    ("reviewers", "reviewer"), ("media", "media_id"), ("severities", "severity"),
    ("rounds", "round_id"),
)
TRIGRAM = 3
NOT_FILLED = ""  # in a filter of county, unit, ...: the tags with none (the statistics' 未填 row)


@dataclass(frozen=True)
class TagFilter:
    """Empty fields do not filter; several values in one field mean any of them."""

    categories: tuple[str, ...] = ()
    sub_problems: tuple[str, ...] = ()
    counties: tuple[str, ...] = ()
    townships: tuple[str, ...] = ()
    units: tuple[str, ...] = ()
    statuses: tuple[str, ...] = ()
    reviewers: tuple[str, ...] = ()
    media: tuple[str, ...] = ()
    severities: tuple[int, ...] = ()
    from_ms: int | None = None  # tags overlapping [from_ms, to_ms] on their footage
    to_ms: int | None = None
    complete: bool | None = None  # True: complete only, False: incomplete only
    text: str = ""
    deleted: bool = False  # True: only tombstones (a "recently deleted" view)
    rounds: tuple[str, ...] = ()  # round ids (期); a range of rounds is every id in it
    rechecks: bool | None = None  # False: problems only, True: only re-checks of earlier ones


_ORDER = " ORDER BY m.position, t.start_ms, t.created_at, t.uuid"
# Walks tags in display order (media by position, then the index) and stops after a
# page: no sort of every match. Forced, because the planner cannot know that a
# common term fills a page within the first few thousand rows.
_IN_DISPLAY_ORDER = ("SELECT " + TAG_FIELDS
                     + " FROM media m CROSS JOIN tags t INDEXED BY tags_display"
                     + " ON t.media_id = m.id WHERE ")
# Walking pays when matches are at least this many times the rows up to the page's
# end; below that, sorting the few matches is cheaper (measured crossover: a page of
# 500 from 100,000 tags, ~2,800 matches; ADR 0006).
WALK_FACTOR = 5


def build(f: TagFilter, required: tuple[str, ...], limit: int | None = None,
          offset: int = 0, walk: bool = False) -> tuple[str, list[Any]]:
    """SELECT over tags with ``f`` applied, in footage then time order; optionally one page.

    ``walk`` (only with a ``limit``) takes the page by walking the display order;
    see ``walk_pays``.
    """
    where, params = conditions(f, required)
    if walk and limit is not None:
        sql = _IN_DISPLAY_ORDER + where + _ORDER
    else:
        sql = TAG_SELECT + " JOIN media m ON m.id = t.media_id WHERE " + where + _ORDER
    if limit is not None:
        sql += " LIMIT ? OFFSET ?"
        params = [*params, limit, offset]
    return sql, params


def walk_pays(matches: int, limit: int | None, offset: int) -> bool:
    return limit is not None and matches >= WALK_FACTOR * (offset + limit)


def count(f: TagFilter, required: tuple[str, ...]) -> tuple[str, list[Any]]:
    """How many tags ``f`` selects, without fetching them (a table shows a page at a time)."""
    indexed = index_count(f)
    if indexed is not None:
        return indexed
    where, params = conditions(f, required)
    return "SELECT count(*) FROM tags t WHERE " + where, params


def index_count(f: TagFilter) -> tuple[str, list[Any]] | None:
    """The count of a filter that is indexed free text only, from the indexes alone.

    None when anything else filters too: then the tags table must be read.
    """
    terms = f.text.split()
    if f.deleted or not terms or f != TagFilter(text=f.text):
        return None
    lookups = []
    for term in terms:
        lookup = _index_lookup(term)
        if lookup is None:
            return None
        lookups.append(lookup)
    common = " INTERSECT ".join(sql for sql, _ in lookups)
    return f"SELECT count(*) FROM ({common})", [param for _, param in lookups]


def conditions(f: TagFilter, required: tuple[str, ...]) -> tuple[str, list[Any]]:
    """The WHERE clause of ``f`` over ``tags t``."""
    where = ["t.deleted_at IS NOT NULL" if f.deleted else "t.deleted_at IS NULL"]
    params: list[Any] = []
    for attr, column in _IN_FILTERS:
        values = getattr(f, attr)
        if values:
            where.append(_one_of(column, values, params))
    _time_range(f, where, params)
    if f.rechecks is not None:
        where.append(("" if f.rechecks else "NOT ") + _RECHECK)
    if f.complete is not None:
        where.append(completeness(required) if f.complete else f"NOT {completeness(required)}")
    for term in f.text.split():
        _text_term(term, f.deleted, where, params)
    return " AND ".join(where), params


# A tag confirmed as the re-check of an earlier problem (reviewer/campaign, schema 0007).
_RECHECK = ("EXISTS (SELECT 1 FROM rechecks r WHERE r.later_uuid = t.uuid "
            "AND r.status = 'confirmed')")


def _one_of(column: str, values: tuple[Any, ...], params: list[Any]) -> str:
    """``column`` is one of ``values``; NOT_FILLED stands for "nothing filled in" (NULL)."""
    kept = [v for v in values if not (v == NOT_FILLED and column in _NULLABLE)]
    parts = [f"t.{column} IN ({', '.join('?' for _ in kept)})"] if kept else []
    if len(kept) < len(values):
        parts.append(f"t.{column} IS NULL")
    params.extend(kept)
    return parts[0] if len(parts) == 1 else "(" + " OR ".join(parts) + ")"


def _time_range(f: TagFilter, where: list[str], params: list[Any]) -> None:
    if f.from_ms is not None:
        where.append("COALESCE(t.end_ms, t.start_ms) >= ?")
        params.append(f.from_ms)
    if f.to_ms is not None:
        where.append("t.start_ms <= ?")
        params.append(f.to_ms)


def completeness(required: tuple[str, ...]) -> str:
    """An SQL condition true when every code-book-required field is filled."""
    parts = [f"t.{name} IS NOT NULL" if name in _NULLABLE else f"trim(t.{name}) <> ''"
             for name in required if name in _NULLABLE or name in _TEXT_FIELDS]
    return "(" + (" AND ".join(parts) or "1") + ")"


def _text_term(term: str, deleted: bool, where: list[str], params: list[Any]) -> None:
    found = None if deleted else _index_lookup(term)
    if found is not None:
        where.append(f"t.id IN ({found[0]})")
        params.append(found[1])
        return
    pattern = "%" + term.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%"
    where.append("(" + " OR ".join(f"t.{c} LIKE ? ESCAPE '\\'" for c in _TEXT_FIELDS) + ")")
    params.extend([pattern] * len(_TEXT_FIELDS))


def _index_lookup(term: str) -> tuple[str, str] | None:
    """The row ids of live tags containing ``term``, from a search index; None if none can."""
    if words.is_short_cjk(term):
        return "SELECT rowid FROM tags_words WHERE tags_words MATCH ?", words.query(term)
    if len(term) >= TRIGRAM:
        return ("SELECT rowid FROM tags_fts WHERE tags_fts MATCH ?",
                '"' + term.replace('"', '""') + '"')
    return None


# The per-row index triggers make FTS5 write a segment per statement (~200 µs a
# row here); a merge of 100,000 tags indexes them in one INSERT ... SELECT instead.
_BULK_INDEXES = (
    ("tags_fts_insert", "INSERT INTO tags_fts (rowid, place, note) "
                        "SELECT id, place, note FROM tags WHERE id > ? AND deleted_at IS NULL"),
    ("tags_words_insert", "INSERT INTO tags_words (rowid, place, note) SELECT id, "
                          f"{words.FUNCTION}(place), {words.FUNCTION}(note) FROM tags "
                          "WHERE id > ? AND deleted_at IS NULL"),
    # Not an index: new tags join the current round (schema step 0007), all in one statement.
    ("tags_round_insert", f"UPDATE tags SET round_id = {CURRENT_ROUND} "
                          "WHERE id > ? AND round_id IS NULL"),
)


def insert_tags_bulk(conn: Any, values: Iterable[Sequence[Any]], count: int = 0) -> None:
    """Insert many tag rows (``rows.TAG_COLUMNS`` order) inside the caller's transaction.

    The search trigger is dropped, the rows inserted, the new rows indexed in
    one statement and the trigger re-created from its own stored SQL, all in
    the same transaction: a failure rolls every part back together. When the
    caller says it brings at least as many rows (``count``) as the table holds,
    the secondary indexes are rebuilt the same way: one sorted build is cheaper
    than as many scattered B-tree inserts (~40 % of a 90,000-row insert).
    """
    from reviewer.store.rows import TAG_COLUMNS

    last, held = conn.execute("SELECT COALESCE(MAX(id), 0), COUNT(*) FROM tags").fetchone()
    indexes = _drop_indexes(conn) if count and count >= held else []
    triggers = _drop_index_triggers(conn)
    marks = ", ".join("?" for _ in TAG_COLUMNS)
    conn.executemany(f"INSERT INTO tags ({', '.join(TAG_COLUMNS)}) VALUES ({marks})", values)
    for sql in indexes:
        conn.execute(sql)
    for trigger_sql, fill_sql in triggers:
        conn.execute(fill_sql, (last,))
        conn.execute(trigger_sql)
    if indexes and _has_statistics(conn):
        # The rebuilt indexes lost their statistics and the table at least doubled:
        # stale ones make the planner scan all tags for an IN (...) by uuid (~60 ms).
        # Footage too: with statistics on tags but none on media, the planner guesses a
        # million footage rows and builds a Bloom filter over every tag (a page: 6 -> 26 ms).
        conn.execute("ANALYZE tags")
        conn.execute("ANALYZE media")


def _has_statistics(conn: Any) -> bool:
    return conn.execute("SELECT 1 FROM sqlite_master WHERE name = 'sqlite_stat1'").fetchone() \
        is not None


def _drop_index_triggers(conn: Any) -> list[tuple[str, str]]:
    """Drop the per-row search-index triggers present; (their SQL, the bulk fill) for each."""
    found = []
    for name, fill in _BULK_INDEXES:
        row = conn.execute("SELECT sql FROM sqlite_master WHERE type = 'trigger' AND name = ?",
                           (name,)).fetchone()
        if row:
            conn.execute(f"DROP TRIGGER {name}")
            found.append((row[0], fill))
    return found


def _drop_indexes(conn: Any) -> list[str]:
    """Drop the tag table's own indexes; their SQL, to re-create them. UNIQUE (uuid) stays."""
    found = conn.execute("SELECT name, sql FROM sqlite_master WHERE type = 'index' "
                         "AND tbl_name = 'tags' AND sql IS NOT NULL ORDER BY name").fetchall()
    for name, _ in found:
        conn.execute(f'DROP INDEX "{name}"')
    return [sql for _, sql in found]
