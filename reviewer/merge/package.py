"""Read a reviewer package completely, or refuse it with a specific reason.

Order matters: the zip and manifest are checked before the database is
extracted, the database's checksum before it is opened, its integrity and
schema before any row is read; then every row is validated. A package is
accepted whole or not at all, and nothing in it is used as a file path.
"""

from __future__ import annotations

import hashlib
import json
import os
import sqlite3
import tempfile
import zipfile
import zlib
from collections.abc import Mapping
from dataclasses import dataclass, field
from operator import itemgetter
from pathlib import Path
from typing import Any

from reviewer.codebook.model import Label
from reviewer.merge import limits, stream, tag_rows, untrusted
from reviewer.merge import manifest as manifest_io
from reviewer.merge.errors import (
    CorruptPackageError,
    InvalidPackageError,
    NewerPackageError,
    NotAPackageError,
    PackageNotFoundError,
    TamperedPackageError,
    TruncatedPackageError,
    temp_folder_error,
)
from reviewer.merge.model import CodebookEntry, Manifest
from reviewer.merge.pack import CHECKSUM_MEMBER, DB_MEMBER, FOOTAGE_PREFIX, MANIFEST_MEMBER
from reviewer.redact import merge as redact_merge
from reviewer.review import merge as coverage_merge
from reviewer.store import rows, schema
from reviewer.store.errors import NotLocalProjectError
from reviewer.store.location import check_local
from reviewer.store.model import Fingerprint, Media, Tag

Stamp = tuple[str, str]  # (updated_at, updated_by): one committed version of a tag
_BLOCK = 1024 * 1024
_ID_LIMIT = tag_rows.ID_LIMIT
_CONTROL = tag_rows.CONTROL
_CODEBOOK_TABLES = (
    ("category", "categories", "NULL", "colour"),
    ("sub_problem", "sub_problems", "category_id", "''"),
    ("county", "counties", "NULL", "''"),
    ("township", "townships", "county_id", "''"),
    ("unit", "units", "NULL", "''"),
)


@dataclass(frozen=True)
class Package:
    """Everything a merge needs from one package, validated; no file stays open.

    Tags stay rows (``rows.TAG_COLUMNS`` order, sorted by uuid, stills as JSON
    text): ``tag`` builds a ``Tag`` for the few a merge has to decide about.
    """

    path: Path
    checksum: str
    manifest: Manifest
    rows: tuple[tag_rows.Row, ...] = field(repr=False)
    stills: tag_rows.Stills = field(repr=False)
    media: tuple[Media, ...]
    entries: tuple[CodebookEntry, ...]
    history: Mapping[str, frozenset[Stamp]] = field(repr=False)  # versions each tag went through
    redaction: Any = field(default=None, repr=False)  # reviewer.redact.merge.PackageRegions
    coverage: tuple[Any, ...] = field(default=(), repr=False)  # reviewer.review.watched.Watched

    @property
    def source_id(self) -> str:
        return self.manifest.source_id

    def tag(self, row: tag_rows.Row) -> Tag:
        return tag_rows.tag(row, self.stills)


def open_package(path: str | os.PathLike[str]) -> Package:
    return read_opened(open_checked(path))


@dataclass
class OpenedPackage:
    """A package checked up to its rows: zip, manifest, checksums, integrity, schema, tables.

    Its tag rows are not read yet: that half runs Python code (holding the GIL),
    while the checks, and the history query that SQLite filters down to a tenth,
    run in C; so a merge overlaps one package's checks with the previous one's
    rows. Owns the private copy and its connection until ``read_opened`` or ``close``.
    """

    source: Path
    checksum: str
    manifest: Manifest
    conn: sqlite3.Connection
    folder: tempfile.TemporaryDirectory[str]
    history: dict[str, frozenset[Stamp]]

    def close(self) -> None:
        self.conn.close()  # before the folder: Windows cannot delete an open file
        self.folder.cleanup()


def open_checked(path: str | os.PathLike[str]) -> OpenedPackage:
    """Steps 1-6 of the checks, and the tags' history: refuse the package or return it open."""
    try:
        source = check_local(path)  # a URL or UNC path is never touched
    except NotLocalProjectError as exc:
        raise PackageNotFoundError(os.fspath(path)) from exc
    if not source.is_file():
        raise PackageNotFoundError(source)
    checksum = _sha256(source)
    try:
        folder = tempfile.TemporaryDirectory(prefix="shenpian-merge-")
    except OSError as exc:
        raise temp_folder_error(source, exc, tempfile.gettempdir()) from exc
    try:
        return _open_copy(source, checksum, folder)
    except BaseException:
        folder.cleanup()
        raise


def _open_copy(source: Path, checksum: str,
               folder: tempfile.TemporaryDirectory[str]) -> OpenedPackage:
    copy = Path(folder.name) / "package.sqlite"  # never the member's own name
    manifest = _extract_database(source, copy)
    # Handed from the thread that checked it to the one that reads it, never shared.
    conn = untrusted.open_read_only(copy, source, check_same_thread=False)
    try:
        history = _tables_and_history(conn, source, manifest)
    except BaseException:
        conn.close()
        raise
    return OpenedPackage(source, checksum, manifest, conn, folder, history)


def _tables_and_history(conn: sqlite3.Connection, source: Path,
                        manifest: Manifest) -> dict[str, frozenset[Stamp]]:
    """Steps 5 and 6 (schema version, every table we read), then the tags' history."""
    try:
        catalogue = untrusted.objects(conn, source)
        _check_schema(conn, catalogue, source, manifest)
        for table, columns in _REQUIRED_COLUMNS.items():
            untrusted.require_table(conn, catalogue, table, columns, source)
        for table, columns in _HISTORY_COLUMNS.items():
            if table in catalogue:
                untrusted.require_table(conn, catalogue, table, columns, source)
        _check_sizes(conn, catalogue, source, manifest)
        return _history(conn, catalogue)
    except sqlite3.DatabaseError as exc:
        raise CorruptPackageError(source, str(exc)[:120]) from exc


def _extract_database(source: Path, copy: Path) -> Manifest:
    try:
        with source.open("rb") as handle:
            limits.check_end_record(handle, source)
            with zipfile.ZipFile(handle) as zf:
                manifest = _read_manifest(zf, source)
                _extract_checked(zf, DB_MEMBER, manifest, copy, source)
                return manifest
    except zipfile.BadZipFile as exc:
        raise _zip_problem(source, exc) from exc
    except (EOFError, zlib.error) as exc:
        raise TruncatedPackageError(source) from exc


def read_opened(opened: OpenedPackage) -> Package:
    """Step 7, every row; the private copy is deleted either way."""
    try:
        return _read_database(opened)
    finally:
        opened.close()


def _zip_problem(source: Path, exc: zipfile.BadZipFile) -> Exception:
    if "CRC" in str(exc):
        return TamperedPackageError(source, "CRC")
    with source.open("rb") as handle:
        starts_like_zip = handle.read(4) == b"PK\x03\x04"
    return TruncatedPackageError(source) if starts_like_zip else NotAPackageError(source, "zip")


def _read_manifest(zf: zipfile.ZipFile, source: Path) -> Manifest:
    names = set(zf.namelist())
    if MANIFEST_MEMBER not in names:
        raise NotAPackageError(source, MANIFEST_MEMBER)
    if CHECKSUM_MEMBER not in names or DB_MEMBER not in names:
        raise TruncatedPackageError(source)
    limits.check_members(zf, _member_caps(), source)
    text = zf.read(MANIFEST_MEMBER)
    expected = zf.read(CHECKSUM_MEMBER)[:200].decode("ascii", "replace").strip()
    manifest = manifest_io.parse(text, source)  # a newer format says so before the checksum
    if hashlib.sha256(text).hexdigest() != expected:
        raise TamperedPackageError(source, MANIFEST_MEMBER)
    _check_declared(manifest, source)
    return manifest


def _member_caps() -> dict[str, int]:
    caps = limits.LIMITS
    return {MANIFEST_MEMBER: caps.manifest_bytes, CHECKSUM_MEMBER: caps.checksum_bytes,
            DB_MEMBER: caps.database_bytes, FOOTAGE_PREFIX: caps.footage_bytes}


def _check_declared(manifest: Manifest, source: Path) -> None:
    """What the manifest says the database holds, against the caps: before extracting it."""
    caps = limits.LIMITS
    limits.check_count("tags", manifest.tags, caps.tags, source)
    limits.check_count("media", len(manifest.media), caps.media, source)
    declared = manifest.file(DB_MEMBER)
    if declared is not None:
        limits.check_count(DB_MEMBER, declared.size, caps.database_bytes, source)


# Counted by SQLite (in C, no row reaches Python) before any row is fetched:
# what fetching would cost is known first, and refused if over a cap.
_SIZES = {
    "tags": "SELECT COUNT(*), COALESCE(SUM(coalesce(length(place), 0) + coalesce(length(note), 0)"
            " + coalesce(length(stills), 0)), 0), COALESCE(MAX(length(stills)), 0) FROM tags",
    "media": "SELECT COUNT(*) FROM media",
    "codebook": "SELECT (SELECT COUNT(*) FROM categories) + (SELECT COUNT(*) FROM sub_problems)"
                " + (SELECT COUNT(*) FROM counties) + (SELECT COUNT(*) FROM townships)"
                " + (SELECT COUNT(*) FROM units)",
}


def _check_sizes(conn: sqlite3.Connection, catalogue: dict[str, str], source: Path,
                 manifest: Manifest) -> None:
    caps = limits.LIMITS
    count, text, stills = conn.execute(_SIZES["tags"]).fetchone()
    limits.check_count("tags", count, caps.tags, source)
    if count != manifest.tags:
        raise TamperedPackageError(source, "counts")
    limits.check_count("text characters", text, caps.text_chars, source)
    limits.check_count("stills characters", stills, caps.stills_chars, source)
    limits.check_count("media", conn.execute(_SIZES["media"]).fetchone()[0], caps.media, source)
    limits.check_count("code book entries", conn.execute(_SIZES["codebook"]).fetchone()[0],
                       caps.codebook_entries, source)
    history = sum(conn.execute(f"SELECT COUNT(*) FROM {table}").fetchone()[0]
                  for table in _HISTORY_COLUMNS if table in catalogue)
    limits.check_count("history rows", history, caps.history_rows, source)


def _extract_checked(zf: zipfile.ZipFile, member: str, manifest: Manifest, target: Path,
                     source: Path) -> None:
    declared = manifest.file(member)
    if declared is None:
        raise TamperedPackageError(source, member)
    try:
        with zf.open(member) as src, target.open("wb", buffering=0) as dst:
            digest = stream.copy_capped(src, dst, declared.size)
    except stream.TooLong as exc:  # more than declared: stopped before filling the disk
        raise TamperedPackageError(source, member) from exc
    except stream.ReadFailed as exc:
        raise TruncatedPackageError(source) from exc
    except (stream.WriteFailed, OSError) as exc:  # the temporary folder: full, or not writable
        error = exc.error if isinstance(exc, stream.WriteFailed) else exc
        raise temp_folder_error(source, error, tempfile.gettempdir()) from exc
    if digest != declared.sha256:
        raise TamperedPackageError(source, member)


def _read_database(opened: OpenedPackage) -> Package:
    conn, source = opened.conn, opened.source
    try:
        media = _media(conn, source)
        entries = _entries(conn, source)
        tags, stills = _tag_rows(conn, source)
    except sqlite3.DatabaseError as exc:
        raise CorruptPackageError(source, str(exc)[:120]) from exc
    package = Package(source, opened.checksum, opened.manifest, tags, stills, media, entries,
                      opened.history, redact_merge.read(conn, source),  # hook: #15 regions
                      coverage=coverage_merge.read(conn, source))  # hook: #16 coverage
    _check_against_manifest(package)
    _check_references(package)
    return package


_REQUIRED_COLUMNS: dict[str, tuple[str, ...]] = {
    "project": ("key", "value"),
    "tags": rows.TAG_COLUMNS,
    "media": rows.MEDIA_COLUMNS,
    "categories": ("id", "label_zh", "label_en", "colour", "retired"),
    "sub_problems": ("id", "category_id", "label_zh", "label_en", "retired"),
    "counties": ("id", "label_zh", "label_en", "retired"),
    "townships": ("id", "county_id", "label_zh", "label_en", "retired"),
    "units": ("id", "label_zh", "label_en", "retired"),
}
# Read when present: a project made before the audit log or merges has no history.
_HISTORY_COLUMNS: dict[str, tuple[str, ...]] = {
    "audit": ("at", "reviewer", "entity", "entity_id"),
    "merge_seen": ("tag_uuid", "updated_at", "updated_by"),
}


def _check_schema(conn: sqlite3.Connection, catalogue: dict[str, str], source: Path,
                  manifest: Manifest) -> None:
    version = int(conn.execute("PRAGMA user_version").fetchone()[0])
    applied: set[str] = set()
    if "_sqlite_migrations" in catalogue:
        untrusted.require_table(conn, catalogue, "_sqlite_migrations",
                                ("migration_set", "name"), source)
        applied = {str(r[0]) for r in conn.execute(
            "SELECT name FROM _sqlite_migrations WHERE migration_set = ?",
            (schema.MIGRATION_SET,))}
    if schema.is_newer(version, applied):
        raise NewerPackageError(source, str(version))
    if version == 0:
        raise NotAPackageError(source, "user_version 0")
    if version != manifest.schema_version:
        raise TamperedPackageError(source, "schema_version")


def _media(conn: sqlite3.Connection, source: Path) -> tuple[Media, ...]:
    found = []
    for row in conn.execute(rows.MEDIA_SELECT + " ORDER BY position, id"):
        v = dict(zip(rows.MEDIA_COLUMNS, row, strict=True))
        where = f"media {str(v['id'])[:40]}"
        found.append(Media(
            id=_ident(v["id"], where, source), name=_text(v["name"], 1000, where, source),
            fingerprint=Fingerprint(_int(v["size_bytes"], where, source),
                                    _ident(v["head_tail_sha256"], where, source),
                                    _opt_ident(v["full_sha256"], where, source)),
            # The other laptop's paths are kept out: never opened, never stored here.
            abs_path="", rel_path=None,
            duration_ms=_int(v["duration_ms"], where, source), info=_info(v["info"]),
            online=False, recording_id=_opt_ident(v["recording_id"], where, source),
            chunk_index=_int(v["chunk_index"], where, source),
            position=_int(v["position"], where, source),
            added_at=_text(v["added_at"], 64, where, source),
            added_by=_text(v["added_by"], 200, where, source)))
    return tuple(found)


def _info(text: Any) -> dict[str, Any]:
    try:
        value = json.loads(text) if isinstance(text, str) and len(text) < 100_000 else {}
    except (ValueError, RecursionError):  # RecursionError: JSON nested thousands deep
        return {}
    return value if isinstance(value, dict) else {}


def _entries(conn: sqlite3.Connection, source: Path) -> tuple[CodebookEntry, ...]:
    found = []
    for kind, table, parent, colour in _CODEBOOK_TABLES:
        sql = (f"SELECT id, label_zh, label_en, {parent}, {colour}, retired FROM {table} "
               "ORDER BY position, id")
        for entry_id, zh, en, parent_id, col, retired in conn.execute(sql):
            where = f"{kind} {str(entry_id)[:40]}"
            found.append(CodebookEntry(
                kind, _ident(entry_id, where, source),
                Label(_text(zh, 200, where, source), _text(en, 200, where, source)),
                _opt_ident(parent_id, where, source), _text(col, 16, where, source),
                bool(retired)))
    return tuple(found)


def _tag_rows(conn: sqlite3.Connection,
              source: Path) -> tuple[tuple[tag_rows.Row, ...], tag_rows.Stills]:
    # In uuid order already (its UNIQUE index), so validate's own sort only confirms it.
    found = conn.execute(rows.TAG_SELECT + " ORDER BY t.uuid").fetchall()
    checked, stills = tag_rows.validate(found, source)
    return tuple(checked), stills


# A tag's own creation and current stamps are part of every version of it
# (``versions.version`` adds them), and history is only looked up for tags
# the package holds; SQL leaves out all other rows, typically 9 in 10, so
# they cost neither Python objects nor memory. Comparisons are BINARY and
# typed, whatever collation or affinity a crafted package declares. The log
# is scanned, not searched through an index on it: that index lists the rows
# in uuid order, one seek into the log each, and cost 2-3 times the scan.
_OTHER_STAMPS = """
    SELECT h.{uuid}, h.{at}, h.{who} FROM {table} h NOT INDEXED JOIN tags t ON t.uuid = h.{uuid}
    WHERE {where} typeof(h.{uuid}) = 'text' AND typeof(h.{at}) = 'text'
      AND typeof(h.{who}) = 'text'
      AND NOT (h.{at} = t.created_at COLLATE BINARY AND h.{who} = t.reviewer COLLATE BINARY)
      AND NOT (h.{at} = t.updated_at COLLATE BINARY AND h.{who} = t.updated_by COLLATE BINARY)"""


def _history(conn: sqlite3.Connection, catalogue: dict[str, str]) -> dict[str, frozenset[Stamp]]:
    """Every version each tag went through on that laptop, from its audit log and merges."""
    found: dict[str, set[Stamp]] = {}
    if "audit" in catalogue:
        _collect(found, conn.execute(_OTHER_STAMPS.format(
            table="audit", uuid="entity_id", at="at", who="reviewer", where="h.entity = 'tag' AND")))
    if "merge_seen" in catalogue:
        _collect(found, conn.execute(_OTHER_STAMPS.format(
            table="merge_seen", uuid="tag_uuid", at="updated_at", who="updated_by", where="")))
    return {uuid: frozenset(stamps) for uuid, stamps in found.items()}


def _collect(found: dict[str, set[Stamp]], cursor: sqlite3.Cursor) -> None:
    for uuid, at, who in cursor:
        found.setdefault(uuid, set()).add((at, who))


_DELETED_AT = itemgetter(tag_rows.COLUMN["deleted_at"])


def _check_against_manifest(package: Package) -> None:
    m, tags = package.manifest, package.rows
    live = list(map(_DELETED_AT, tags)).count(None)
    if (m.tags, m.live_tags, m.deleted_tags) != (len(tags), live, len(tags) - live):
        raise TamperedPackageError(package.path, "counts")
    declared = {(f.media_id, f.size, f.head_tail) for f in m.media}
    actual = {(x.id, x.fingerprint.size, x.fingerprint.head_tail) for x in package.media}
    if declared != actual:
        raise TamperedPackageError(package.path, "media")


_REFERENCES = (("media_id", None), ("category_id", "category"),
               ("sub_problem_id", "sub_problem"), ("county_id", "county"),
               ("township_id", "township"), ("unit_id", "unit"))


def _check_references(package: Package) -> None:
    """Every id a tag names must exist in the package: it is copied into the project."""
    known: dict[str | None, set[str]] = {None: {m.id for m in package.media}}
    for entry in package.entries:
        known.setdefault(entry.kind, set()).add(entry.id)
    parents = {"sub_problem": "category", "township": "county"}
    for entry in package.entries:
        if entry.kind in parents and entry.parent_id not in known.get(parents[entry.kind], ()):
            raise InvalidPackageError(package.path, f"{entry.kind} {entry.id}")
    for column, kind in _REFERENCES:  # a set per column: 10,000s of tags
        index = tag_rows.COLUMN[column]
        missing = set(map(itemgetter(index), package.rows)) - {None} - known.get(kind, set())
        if missing:
            bad = next(row for row in package.rows if row[index] in missing)
            raise InvalidPackageError(package.path, f"tag {bad[0][:40]}")


def _int(value: Any, where: str, source: Path) -> int:
    if not isinstance(value, int) or isinstance(value, bool) or value < 0 or value > 2**53:
        raise InvalidPackageError(source, where)
    return value


def _text(value: Any, limit: int, where: str, source: Path) -> str:
    # No UTF-8 check: the sqlite3 module decodes every text value as UTF-8 already.
    if not isinstance(value, str) or len(value) > limit:
        raise InvalidPackageError(source, where)
    return value


def _ident(value: Any, where: str, source: Path) -> str:
    text = _text(value, _ID_LIMIT, where, source)
    if not text or _CONTROL.search(text):
        raise InvalidPackageError(source, where)
    return text


def _opt_ident(value: Any, where: str, source: Path) -> str | None:
    return None if value is None else _ident(value, where, source)


def _sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        while block := handle.read(_BLOCK):
            digest.update(block)
    return digest.hexdigest()
