"""``pack``: a reviewer's project as one file for a USB stick.

The package is a zip holding ``project.sqlite`` (a backup-API copy: a file
copy of a live WAL database can miss every recent edit), ``manifest.json``,
its SHA-256 in ``manifest.sha256``, and footage only when asked. It is
written beside the target and moved in place, so a full stick leaves no
half package under the real name.

The copy keeps every table's rows but nothing derived from them: the search
indexes, their triggers and the other indexes are dropped. A merge reads the
tables only, and each package is unzipped, hashed and integrity-checked on
every merge, where the derived data was a third of the file and most of the
integrity check (it compares every index with its table).
"""

from __future__ import annotations

import contextlib
import errno
import hashlib
import os
import socket
import sqlite3
import tempfile
import zipfile
from collections.abc import Callable, Iterator
from pathlib import Path

from reviewer.merge import manifest as manifest_io
from reviewer.merge.errors import CannotWritePackageError, temp_folder_error
from reviewer.merge.model import FootageEntry, Manifest, PackedFile, PackResult
from reviewer.store import fingerprint, schema
from reviewer.store.model import Media, now_iso
from reviewer.store.project import Project

DB_MEMBER = "project.sqlite"
MANIFEST_MEMBER = "manifest.json"
CHECKSUM_MEMBER = "manifest.sha256"
FOOTAGE_PREFIX = "footage/"
_BLOCK = 1024 * 1024
Progress = Callable[[int, int], None]


def pack(project_path: str | os.PathLike[str], out: str | os.PathLike[str],
         include_footage: bool = False, reviewer: str = "",
         progress: Progress | None = None) -> PackResult:
    """Write the package for ``project_path`` to ``out``; the project is only read."""
    target = Path(out)
    with Project.open(project_path, reviewer=reviewer, read_only=True) as project, \
            _temporary_folder(project.path) as tmp:
        copy = Path(tmp) / DB_MEMBER
        _copy_for_merging(project, copy)
        media = project.media()
        footage = _footage_files(project, media) if include_footage else {}
        try:
            return _write(target, project, copy, media, footage, progress)
        except OSError as exc:
            raise CannotWritePackageError(target, exc.strerror or str(exc)) from exc


@contextlib.contextmanager
def _temporary_folder(label: Path) -> Iterator[str]:
    try:
        folder = tempfile.TemporaryDirectory(prefix="shenpian-pack-")
    except OSError as exc:
        raise temp_folder_error(label, exc, tempfile.gettempdir()) from exc
    with folder as name:
        yield name


def _copy_for_merging(project: Project, copy: Path) -> None:
    """The backup copy, stripped; a full temporary folder is named as the cause."""
    try:
        project.backup_to(copy)
        _for_merging(copy)
    except OSError as exc:
        raise temp_folder_error(project.path, exc, tempfile.gettempdir()) from exc
    except sqlite3.Error as exc:
        code = (getattr(exc, "sqlite_errorcode", 0) or 0) & 0xFF
        if code != _SQLITE_FULL:
            raise
        full = OSError(errno.ENOSPC, str(exc))
        raise temp_folder_error(project.path, full, tempfile.gettempdir()) from exc


_SQLITE_FULL = 13


def _for_merging(copy: Path) -> None:
    """One file without derived data: what a merge reads, and nothing it would re-check."""
    conn = sqlite3.connect(copy, isolation_level=None)
    try:
        # A rollback journal, not WAL: the reader opens the copy immutable, from one file.
        conn.execute("PRAGMA journal_mode = DELETE")
        for kind, name in conn.execute(_DERIVED).fetchall():
            conn.execute(f"DROP {kind} {_quoted(name)}")
        conn.execute("VACUUM")
    finally:
        conn.close()


def _quoted(name: str) -> str:
    return '"' + name.replace('"', '""') + '"'


# Triggers first (they name the search tables), explicit indexes (UNIQUE and
# PRIMARY KEY constraints stay), then the FTS5 tables with their shadow tables.
_DERIVED = """
    SELECT upper(type), name FROM sqlite_master
    WHERE type = 'trigger' OR (type = 'index' AND sql IS NOT NULL)
       OR (type = 'table' AND sql LIKE 'CREATE VIRTUAL TABLE%' AND lower(sql) LIKE '%using fts5%')
    ORDER BY type = 'table', type = 'index', name"""


def _footage_files(project: Project, media: list[Media]) -> dict[str, Path]:
    """Footage found on this laptop whose content still matches its fingerprint."""
    found: dict[str, Path] = {}
    for item in media:
        path = project.locate(item)
        if path is not None and fingerprint.quick(path).matches(item.fingerprint):
            found[item.id] = path
    return found


def _write(target: Path, project: Project, copy: Path, media: list[Media],
           footage: dict[str, Path], progress: Progress | None) -> PackResult:
    part = target.with_name(target.name + ".part")
    total = 1 + len(footage)
    try:
        with zipfile.ZipFile(part, "w", allowZip64=True) as zf:
            files = [_add_file(zf, DB_MEMBER, copy, zipfile.ZIP_DEFLATED)]
            members: dict[str, str] = {}
            for done, (media_id, path) in enumerate(sorted(footage.items()), start=2):
                if progress:
                    progress(done - 1, total)
                member = f"{FOOTAGE_PREFIX}{len(members):04d}{path.suffix.lower()[:8]}"
                files.append(_add_file(zf, member, path, zipfile.ZIP_STORED))
                members[media_id] = member
            manifest = _manifest(project, copy, media, members, files)
            text = manifest_io.to_json(manifest)
            zf.writestr(MANIFEST_MEMBER, text)
            zf.writestr(CHECKSUM_MEMBER, hashlib.sha256(text).hexdigest() + "\n")
        _fsync(part)
        os.replace(part, target)
    finally:
        with contextlib.suppress(OSError):
            part.unlink(missing_ok=True)
    if progress:
        progress(total, total)
    missing = tuple(m.name for m in media if footage and m.id not in footage)
    return PackResult(str(target), _sha256_file(target), manifest, missing)


def _add_file(zf: zipfile.ZipFile, member: str, source: Path, method: int) -> PackedFile:
    digest, size = hashlib.sha256(), 0
    info = zipfile.ZipInfo(member, date_time=(2026, 1, 1, 0, 0, 0))
    info.compress_type = method
    with source.open("rb") as src, zf.open(info, "w", force_zip64=True) as dst:
        while block := src.read(_BLOCK):
            digest.update(block)
            size += len(block)
            dst.write(block)
    return PackedFile(member, digest.hexdigest(), size)


def _manifest(project: Project, copy: Path, media: list[Media], members: dict[str, str],
              files: list[PackedFile]) -> Manifest:
    conn = sqlite3.connect(f"file:{copy}?mode=ro", uri=True)
    try:
        meta = dict(conn.execute("SELECT key, value FROM project").fetchall())
        live, deleted = conn.execute(
            "SELECT COUNT(*) FILTER (WHERE deleted_at IS NULL), "
            "COUNT(*) FILTER (WHERE deleted_at IS NOT NULL) FROM tags").fetchone()
        book = conn.execute("SELECT book_id, version FROM codebook WHERE one = 1").fetchone()
        authors = [r[0] for r in conn.execute("SELECT DISTINCT reviewer FROM tags ORDER BY 1")]
    finally:
        conn.close()
    entries = tuple(FootageEntry(m.id, m.name, m.fingerprint.size, m.fingerprint.head_tail,
                                 m.fingerprint.sha256, members.get(m.id)) for m in media)
    return Manifest(
        created_at=now_iso(), reviewer=project.reviewer, host=socket.gethostname(),
        project_id=meta.get("id", ""), project_name=meta.get("name", ""),
        schema_version=schema.SCHEMA_VERSION, codebook_id=book[0], codebook_version=book[1],
        tags=live + deleted, live_tags=live, deleted_tags=deleted, media=entries,
        files=tuple(files), authors=tuple(authors))


def _fsync(path: Path) -> None:
    with path.open("rb") as handle, contextlib.suppress(OSError):
        os.fsync(handle.fileno())


def _sha256_file(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        while block := handle.read(_BLOCK):
            digest.update(block)
    return digest.hexdigest()
