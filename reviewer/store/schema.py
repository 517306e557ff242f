"""The project schema as ordered migrations (sqlite-utils ``Migrations``).

Each step runs in its own transaction together with the record that it
ran, and sets ``PRAGMA user_version`` to its number so that a version can
be read without trusting table contents. Never edit a released step:
add a new one, and a fixture test for the version before it.
"""

from __future__ import annotations

import sqlite3

from sqlite_utils import Database, Migrations

MIGRATION_SET = "shenpian"
STATUS_CHECK = "status IN ('pending', 'in_progress', 'rectified', 'not_required')"

_CORE = [
    "CREATE TABLE project (key TEXT PRIMARY KEY, value TEXT NOT NULL)",
    "CREATE TABLE reviewers (name TEXT PRIMARY KEY, created_at TEXT NOT NULL)",
    """CREATE TABLE codebook (
        one INTEGER PRIMARY KEY CHECK (one = 1), book_id TEXT NOT NULL,
        version INTEGER NOT NULL, name_zh TEXT NOT NULL, name_en TEXT NOT NULL,
        required_fields TEXT NOT NULL, updated_at TEXT NOT NULL)""",
    """CREATE TABLE categories (
        id TEXT PRIMARY KEY, label_zh TEXT NOT NULL, label_en TEXT NOT NULL,
        colour TEXT NOT NULL, hotkey TEXT NOT NULL, position INTEGER NOT NULL,
        retired INTEGER NOT NULL DEFAULT 0)""",
    """CREATE TABLE sub_problems (
        id TEXT PRIMARY KEY, category_id TEXT NOT NULL REFERENCES categories(id),
        label_zh TEXT NOT NULL, label_en TEXT NOT NULL, position INTEGER NOT NULL,
        retired INTEGER NOT NULL DEFAULT 0)""",
    """CREATE TABLE counties (
        id TEXT PRIMARY KEY, label_zh TEXT NOT NULL, label_en TEXT NOT NULL,
        position INTEGER NOT NULL, retired INTEGER NOT NULL DEFAULT 0)""",
    """CREATE TABLE townships (
        id TEXT PRIMARY KEY, county_id TEXT NOT NULL REFERENCES counties(id),
        label_zh TEXT NOT NULL, label_en TEXT NOT NULL, position INTEGER NOT NULL,
        retired INTEGER NOT NULL DEFAULT 0)""",
    """CREATE TABLE units (
        id TEXT PRIMARY KEY, label_zh TEXT NOT NULL, label_en TEXT NOT NULL,
        position INTEGER NOT NULL, retired INTEGER NOT NULL DEFAULT 0)""",
    """CREATE TABLE media (
        id TEXT PRIMARY KEY, name TEXT NOT NULL, size_bytes INTEGER NOT NULL,
        head_tail_sha256 TEXT NOT NULL, full_sha256 TEXT, abs_path TEXT NOT NULL,
        rel_path TEXT, duration_ms INTEGER NOT NULL, info TEXT NOT NULL,
        online INTEGER NOT NULL DEFAULT 1, recording_id TEXT,
        chunk_index INTEGER NOT NULL DEFAULT 0, position INTEGER NOT NULL,
        added_at TEXT NOT NULL, added_by TEXT NOT NULL)""",
    "CREATE INDEX media_fingerprint ON media (size_bytes, head_tail_sha256)",
    # An explicit INTEGER PRIMARY KEY keeps row ids stable across VACUUM,
    # which the full-text index (keyed by row id) depends on.
    f"""CREATE TABLE tags (
        id INTEGER PRIMARY KEY, uuid TEXT NOT NULL UNIQUE,
        media_id TEXT NOT NULL REFERENCES media(id),
        start_ms INTEGER NOT NULL CHECK (start_ms >= 0),
        end_ms INTEGER CHECK (end_ms IS NULL OR end_ms >= start_ms),
        frame_pts INTEGER,
        category_id TEXT NOT NULL REFERENCES categories(id),
        sub_problem_id TEXT REFERENCES sub_problems(id),
        county_id TEXT REFERENCES counties(id),
        township_id TEXT REFERENCES townships(id),
        place TEXT NOT NULL DEFAULT '',
        unit_id TEXT REFERENCES units(id),
        severity INTEGER CHECK (severity IS NULL OR severity BETWEEN 1 AND 3),
        status TEXT NOT NULL DEFAULT 'pending' CHECK ({STATUS_CHECK}),
        note TEXT NOT NULL DEFAULT '', stills TEXT NOT NULL DEFAULT '[]',
        reviewer TEXT NOT NULL REFERENCES reviewers(name),
        created_at TEXT NOT NULL, updated_at TEXT NOT NULL, updated_by TEXT NOT NULL,
        revision INTEGER NOT NULL DEFAULT 1, deleted_at TEXT, deleted_by TEXT)""",
    "CREATE INDEX tags_media_time ON tags (media_id, start_ms)",
    "CREATE INDEX tags_category ON tags (category_id)",
    "CREATE INDEX tags_county ON tags (county_id)",
    "CREATE INDEX tags_unit ON tags (unit_id)",
    "CREATE INDEX tags_status ON tags (status)",
    "CREATE INDEX tags_reviewer ON tags (reviewer)",
]

_AUDIT = [
    """CREATE TABLE audit (
        id INTEGER PRIMARY KEY, at TEXT NOT NULL, reviewer TEXT NOT NULL,
        action TEXT NOT NULL, entity TEXT NOT NULL, entity_id TEXT NOT NULL,
        before TEXT, after TEXT)""",
    "CREATE INDEX audit_entity ON audit (entity, entity_id)",
]

# Trigram FTS finds Chinese substrings of 3+ characters; shorter queries use LIKE.
_SEARCH = [
    """CREATE VIRTUAL TABLE tags_fts USING fts5(
        place, note, content='tags', content_rowid='id', tokenize='trigram')""",
    """CREATE TRIGGER tags_fts_insert AFTER INSERT ON tags BEGIN
        INSERT INTO tags_fts (rowid, place, note) VALUES (new.id, new.place, new.note); END""",
    """CREATE TRIGGER tags_fts_delete AFTER DELETE ON tags BEGIN
        INSERT INTO tags_fts (tags_fts, rowid, place, note)
        VALUES ('delete', old.id, old.place, old.note); END""",
    """CREATE TRIGGER tags_fts_update AFTER UPDATE OF place, note ON tags BEGIN
        INSERT INTO tags_fts (tags_fts, rowid, place, note)
        VALUES ('delete', old.id, old.place, old.note);
        INSERT INTO tags_fts (rowid, place, note) VALUES (new.id, new.place, new.note); END""",
    # Tags written by version 2 are indexed here.
    "INSERT INTO tags_fts (tags_fts) VALUES ('rebuild')",
]

# Merge bookkeeping (#6, ADR 0004). ``merge_seen`` lists every version of a tag
# (by its updated_at/updated_by stamp) that the current row already includes,
# so a package that brings it again changes nothing; conflicts, duplicate and
# code book proposals wait here for the editor and are never applied silently.
_MERGE = [
    """CREATE TABLE merge_sources (
        source_id TEXT PRIMARY KEY, reviewer TEXT NOT NULL, host TEXT NOT NULL,
        project_id TEXT NOT NULL, first_merged_at TEXT NOT NULL,
        last_merged_at TEXT NOT NULL, last_checksum TEXT NOT NULL)""",
    """CREATE TABLE merge_seen (
        tag_uuid TEXT NOT NULL, updated_at TEXT NOT NULL, updated_by TEXT NOT NULL,
        PRIMARY KEY (tag_uuid, updated_at, updated_by)) WITHOUT ROWID""",
    """CREATE TABLE merge_conflicts (
        id INTEGER PRIMARY KEY, tag_uuid TEXT NOT NULL,
        kind TEXT NOT NULL CHECK (kind IN ('edit', 'edit_delete')),
        source_id TEXT NOT NULL, stamp_at TEXT NOT NULL, stamp_by TEXT NOT NULL,
        version TEXT NOT NULL,
        status TEXT NOT NULL DEFAULT 'pending'
            CHECK (status IN ('pending', 'mine', 'theirs', 'both', 'superseded')),
        created_at TEXT NOT NULL, resolved_at TEXT, resolved_by TEXT,
        UNIQUE (tag_uuid, stamp_at, stamp_by))""",
    "CREATE INDEX merge_conflicts_status ON merge_conflicts (status, tag_uuid)",
    """CREATE TABLE merge_duplicates (
        a_uuid TEXT NOT NULL, b_uuid TEXT NOT NULL,
        status TEXT NOT NULL DEFAULT 'proposed' CHECK (status IN ('proposed', 'merged', 'kept')),
        created_at TEXT NOT NULL, resolved_at TEXT, resolved_by TEXT,
        PRIMARY KEY (a_uuid, b_uuid), CHECK (a_uuid < b_uuid)) WITHOUT ROWID""",
    """CREATE TABLE merge_codebook (
        kind TEXT NOT NULL, entry_id TEXT NOT NULL, source_id TEXT NOT NULL,
        status TEXT NOT NULL DEFAULT 'proposed'
            CHECK (status IN ('proposed', 'accepted', 'rejected')),
        created_at TEXT NOT NULL, resolved_at TEXT, resolved_by TEXT,
        PRIMARY KEY (kind, entry_id)) WITHOUT ROWID""",
]

# 1–2 character Chinese searches from an index (reviewer/store/words.py): every CJK
# character and character pair is a token; place and note are separate columns so a
# pair never spans the two.
# The triggers call a function every store connection registers. The filter index and
# ANALYZE let the planner pick the selective column instead of scanning by status.
_WORDS = [
    """CREATE VIRTUAL TABLE tags_words USING fts5(
        place, note, content='', tokenize='unicode61 remove_diacritics 0')""",
    """CREATE TRIGGER tags_words_insert AFTER INSERT ON tags BEGIN
        INSERT INTO tags_words (rowid, place, note)
        VALUES (new.id, shenpian_words(new.place), shenpian_words(new.note)); END""",
    """CREATE TRIGGER tags_words_delete AFTER DELETE ON tags BEGIN
        INSERT INTO tags_words (tags_words, rowid, place, note)
        VALUES ('delete', old.id, shenpian_words(old.place), shenpian_words(old.note)); END""",
    """CREATE TRIGGER tags_words_update AFTER UPDATE OF place, note ON tags BEGIN
        INSERT INTO tags_words (tags_words, rowid, place, note)
        VALUES ('delete', old.id, shenpian_words(old.place), shenpian_words(old.note));
        INSERT INTO tags_words (rowid, place, note)
        VALUES (new.id, shenpian_words(new.place), shenpian_words(new.note)); END""",
    """INSERT INTO tags_words (rowid, place, note)
        SELECT id, shenpian_words(place), shenpian_words(note) FROM tags""",
    "CREATE INDEX tags_filter ON tags (category_id, county_id, status)",
    "ANALYZE",
]


def _live_index_triggers(index: str, value: str) -> list[str]:
    """Triggers that keep exactly the live (not deleted) tags in ``index``.

    ``value`` wraps a column as the index stores it. FTS5 can only remove a row
    given the values it indexed, so each trigger acts only on a side that is live.
    """
    def cols(row: str) -> str:
        return f"{value.format(row + '.place')}, {value.format(row + '.note')}"

    remove = f"INSERT INTO {index} ({index}, rowid, place, note) SELECT 'delete', old.id, {cols('old')}"
    add = f"INSERT INTO {index} (rowid, place, note) SELECT new.id, {cols('new')}"
    return [
        f"""CREATE TRIGGER {index}_insert AFTER INSERT ON tags WHEN new.deleted_at IS NULL
            BEGIN {add}; END""",
        f"""CREATE TRIGGER {index}_delete AFTER DELETE ON tags WHEN old.deleted_at IS NULL
            BEGIN {remove}; END""",
        f"""CREATE TRIGGER {index}_update AFTER UPDATE OF place, note, deleted_at ON tags BEGIN
            {remove} WHERE old.deleted_at IS NULL;
            {add} WHERE new.deleted_at IS NULL; END""",
    ]


# Tombstones leave both search indexes, so a text-only count is the index's own
# count (1.6 ms for 25,000 of 100,000 tags, against 30 ms joining back to the
# deleted flag); searches of deleted tags use LIKE. ``tags_display`` holds the
# table's display order so the first page of a common term is found by walking
# it and stopping after a page, instead of sorting every match (ADR 0006).
_LIVE_SEARCH = [
    *(f"DROP TRIGGER {index}_{event}" for index in ("tags_fts", "tags_words")
      for event in ("insert", "delete", "update")),
    """INSERT INTO tags_fts (tags_fts, rowid, place, note)
        SELECT 'delete', id, place, note FROM tags WHERE deleted_at IS NOT NULL""",
    # The word index is built again, live tags only, with FTS5's ``ascii`` tokenizer: its
    # tokens are CJK runs between spaces, split the same way, 30 % faster than unicode61.
    "DROP TABLE tags_words",
    """CREATE VIRTUAL TABLE tags_words USING fts5(
        place, note, content='', tokenize='ascii')""",
    # FTS5 writes its pending terms out as a new segment whenever they pass ``hashsize``
    # (default 1 MiB) and merges segments again later. A merge indexes 90,000 tags in one
    # transaction: at 16 MiB, word fill 2.4 -> 1.4 s and trigram fill 1.0 -> 0.6 s. The
    # terms are flushed at every commit, so a single edit holds no more memory than before.
    *(f"INSERT INTO {index} ({index}, rank) VALUES ('hashsize', {16 * 1024 * 1024})"
      for index in ("tags_fts", "tags_words")),
    """INSERT INTO tags_words (rowid, place, note)
        SELECT id, shenpian_words(place), shenpian_words(note) FROM tags
        WHERE deleted_at IS NULL""",
    *_live_index_triggers("tags_fts", "{}"),
    *_live_index_triggers("tags_words", "shenpian_words({})"),
    "DROP INDEX tags_media_time",
    "DROP INDEX tags_category",  # the first column of tags_filter: one index fewer to write
    "CREATE INDEX tags_display ON tags (media_id, start_ms, created_at, uuid)",
    "CREATE INDEX media_display ON media (position)",
    "ANALYZE",
]

# The campaign across rounds (#14, ADR 0011). Every tag belongs to a round (期); a project
# made before rounds existed becomes one round holding all its tags. ``round_id`` is a
# column of ``tags`` (filters and statistics read it with the tag) but not a field of the
# Tag object: merges and packages keep their format, and a tag inserted without a round
# (a key press, a merge) joins the current round by the trigger below, which the bulk
# insert of a merge replaces by one UPDATE (search.insert_tags_bulk).
CURRENT_ROUND = """COALESCE(
    (SELECT r.id FROM project p JOIN rounds r ON r.id = p.value WHERE p.key = 'current_round'),
    (SELECT id FROM rounds ORDER BY position DESC LIMIT 1))"""
VERDICT_CHECK = "IN ('rectified', 'unrectified', 'recurred', 'partial')"
_ROUNDS = [
    """CREATE TABLE rounds (
        id TEXT PRIMARY KEY, name TEXT NOT NULL, position INTEGER NOT NULL UNIQUE,
        start_on TEXT, end_on TEXT, teams TEXT NOT NULL DEFAULT '',
        created_at TEXT NOT NULL, created_by TEXT NOT NULL)""",
    """INSERT INTO rounds (id, name, position, created_at, created_by)
        VALUES (lower(hex(randomblob(16))), '第1期', 1,
                strftime('%Y-%m-%dT%H:%M:%fZ', 'now'), 'migration')""",
    "ALTER TABLE tags ADD COLUMN round_id TEXT REFERENCES rounds(id)",
    "UPDATE tags SET round_id = (SELECT id FROM rounds)",
    "CREATE INDEX tags_round ON tags (round_id, county_id, category_id)",
    f"""CREATE TRIGGER tags_round_insert AFTER INSERT ON tags WHEN new.round_id IS NULL BEGIN
        UPDATE tags SET round_id = {CURRENT_ROUND} WHERE id = new.id; END""",
    # One rectification record per problem, made when first needed; no record means the
    # defaults (deadline from the code book, nothing returned, not verified, open).
    f"""CREATE TABLE rectifications (
        tag_uuid TEXT PRIMARY KEY REFERENCES tags(uuid),
        deadline TEXT, measures TEXT NOT NULL DEFAULT '', rectified_on TEXT,
        verdict TEXT CHECK (verdict IS NULL OR verdict {VERDICT_CHECK}),
        verified_at TEXT, verified_by TEXT, closed_at TEXT, closed_by TEXT,
        updated_at TEXT NOT NULL, updated_by TEXT NOT NULL)""",
    """CREATE TABLE evidence (
        id TEXT PRIMARY KEY, tag_uuid TEXT NOT NULL REFERENCES tags(uuid),
        name TEXT NOT NULL, kind TEXT NOT NULL CHECK (kind IN ('photo', 'video', 'document')),
        size_bytes INTEGER NOT NULL, head_tail_sha256 TEXT NOT NULL, full_sha256 TEXT,
        abs_path TEXT NOT NULL, rel_path TEXT, added_at TEXT NOT NULL, added_by TEXT NOT NULL,
        removed_at TEXT, removed_by TEXT)""",
    "CREATE INDEX evidence_tag ON evidence (tag_uuid)",
    # A person's decision on a proposed re-check (回头看); proposals themselves are
    # computed, so only what was decided is stored. A later tag re-checks one problem.
    f"""CREATE TABLE rechecks (
        earlier_uuid TEXT NOT NULL REFERENCES tags(uuid),
        later_uuid TEXT NOT NULL REFERENCES tags(uuid),
        status TEXT NOT NULL CHECK (status IN ('confirmed', 'rejected')),
        verdict TEXT CHECK (verdict IS NULL OR verdict {VERDICT_CHECK}),
        decided_at TEXT NOT NULL, decided_by TEXT NOT NULL,
        PRIMARY KEY (earlier_uuid, later_uuid), CHECK (earlier_uuid <> later_uuid),
        CHECK ((status = 'confirmed') = (verdict IS NOT NULL))) WITHOUT ROWID""",
    "CREATE UNIQUE INDEX rechecks_later ON rechecks (later_uuid) WHERE status = 'confirmed'",
    "CREATE INDEX rechecks_by_later ON rechecks (later_uuid)",
]

# Privacy redaction (#15, ADR 0014): tracks of boxes on footage time (faces found by the
# detector, regions drawn by hand), the stretches the detector has looked at, and each
# tag's sign-off. A track's samples are one JSON list: a track is edited and merged whole.
_REDACTION = [
    """CREATE TABLE redact_tracks (
        id TEXT PRIMARY KEY, tag_uuid TEXT NOT NULL REFERENCES tags(uuid),
        media_id TEXT NOT NULL REFERENCES media(id),
        kind TEXT NOT NULL CHECK (kind IN ('face', 'manual')),
        keep INTEGER NOT NULL DEFAULT 0 CHECK (keep IN (0, 1)),
        first_ms INTEGER NOT NULL, last_ms INTEGER NOT NULL CHECK (last_ms >= first_ms),
        samples TEXT NOT NULL,
        created_at TEXT NOT NULL, created_by TEXT NOT NULL,
        updated_at TEXT NOT NULL, updated_by TEXT NOT NULL,
        revision INTEGER NOT NULL DEFAULT 1, deleted_at TEXT, deleted_by TEXT)""",
    "CREATE INDEX redact_tracks_media ON redact_tracks (media_id, first_ms)",
    "CREATE INDEX redact_tracks_tag ON redact_tracks (tag_uuid)",
    """CREATE TABLE redact_passes (
        media_id TEXT NOT NULL REFERENCES media(id), from_ms INTEGER NOT NULL,
        to_ms INTEGER NOT NULL CHECK (to_ms >= from_ms), tag_uuid TEXT NOT NULL,
        model TEXT NOT NULL, at TEXT NOT NULL, by TEXT NOT NULL,
        PRIMARY KEY (media_id, from_ms, to_ms)) WITHOUT ROWID""",
    """CREATE TABLE redact_signoff (
        tag_uuid TEXT PRIMARY KEY REFERENCES tags(uuid),
        state TEXT NOT NULL CHECK (state IN ('unchecked', 'checked')),
        by TEXT NOT NULL, at TEXT NOT NULL)""",
]

# What reviewers have watched (#16, ADR 0016): per footage file, per reviewer, the spans
# watched (played at up to 2x or stepped through) and those marked reviewed without
# watching (dark or frozen stretches skipped in one action), each one JSON list of
# [start_ms, end_ms) pairs on the file's own time. Proposals a reviewer dismissed stay
# dismissed; the proposals themselves are derived from the footage and never stored.
_COVERAGE = [
    """CREATE TABLE coverage (
        media_id TEXT NOT NULL REFERENCES media(id), reviewer TEXT NOT NULL,
        kind TEXT NOT NULL CHECK (kind IN ('watched', 'marked')),
        spans TEXT NOT NULL, updated_at TEXT NOT NULL,
        PRIMARY KEY (media_id, reviewer, kind)) WITHOUT ROWID""",
    """CREATE TABLE proposal_dismissed (
        media_id TEXT NOT NULL REFERENCES media(id),
        kind TEXT NOT NULL CHECK (kind IN ('scene', 'speech')),
        at_ms INTEGER NOT NULL, by TEXT NOT NULL, at TEXT NOT NULL,
        PRIMARY KEY (media_id, kind, at_ms)) WITHOUT ROWID""",
]

STEPS: tuple[tuple[str, list[str]], ...] = (
    ("0001_core", _CORE),
    ("0002_audit", _AUDIT),
    ("0003_search", _SEARCH),
    ("0004_merge", _MERGE),
    ("0005_words", _WORDS),
    ("0006_live_search", _LIVE_SEARCH),
    ("0007_rounds", _ROUNDS),
    ("0008_redaction", _REDACTION),
    ("0009_coverage", _COVERAGE),
)
SCHEMA_VERSION = len(STEPS)


def _step(number: int, statements: list[str]) -> object:
    def run(db: Database) -> None:
        for sql in statements:
            db.execute(sql)
        db.execute(f"PRAGMA user_version = {number}")

    return run


def migrations() -> Migrations:
    steps = Migrations(MIGRATION_SET)
    for number, (name, statements) in enumerate(STEPS, start=1):
        steps(name=name)(_step(number, statements))  # type: ignore[arg-type]
    return steps


def _database(conn: sqlite3.Connection) -> Database:
    return Database(conn, recursive_triggers=False)


def read_version(conn: sqlite3.Connection) -> tuple[int, set[str]]:
    """``user_version`` and the names of applied steps; read-only."""
    version = int(conn.execute("PRAGMA user_version").fetchone()[0])
    applied = {m.name for m in migrations().applied(_database(conn))}
    return version, applied


def is_newer(version: int, applied: set[str]) -> bool:
    known = {name for name, _ in STEPS}
    return version > SCHEMA_VERSION or bool(applied - known)


def pending_steps(conn: sqlite3.Connection) -> list[str]:
    return [m.name for m in migrations().pending(_database(conn))]


def upgrade(conn: sqlite3.Connection, stop_before: str | None = None) -> None:
    """Apply pending steps, each in one transaction (``stop_before`` makes test fixtures)."""
    migrations().apply(_database(conn), stop_before=stop_before)
