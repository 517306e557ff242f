"""Opening and creating project files: checks that happen before anything is written.

Order matters: a newer or damaged file is refused before WAL is switched
on or a migration runs, so refusing never changes a byte of it.
"""

from __future__ import annotations

import contextlib
import errno
import os
import shutil
import sqlite3
import tempfile
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

from reviewer.codebook.model import CodeBook
from reviewer.store import codebook_rows, db, lock, rows, schema
from reviewer.store.errors import (
    CannotCreateError,
    FolderNotFoundError,
    NeedsUpgradeError,
    NewerSchemaError,
    NotAProjectError,
    ProjectExistsError,
    ProjectInUseNotice,
    ReadOnlyFileNotice,
    ReadOnlyLocationNotice,
    StoreError,
    UpgradedCopyNotice,
    WalCopyNotice,
    WalUnreadableError,
)
from reviewer.store.model import new_uuid, now_iso

FORMAT = "shenpian-project"
_READ_ONLY_ERRNOS = {errno.EROFS, errno.EACCES, errno.EPERM}


def take_lock(path: Path, who: str) -> tuple[lock.ProjectLock | None, StoreError | None]:
    """The write lock, or why the project must be opened read-only."""
    if not os.access(path.parent, os.W_OK):  # SQLite keeps its -wal and -shm beside the file
        return None, ReadOnlyLocationNotice(path)
    if not os.stat(path).st_mode & 0o222:  # marked read-only on purpose: honoured even for root
        return None, ReadOnlyFileNotice(path)
    try:
        got = lock.acquire(path, who)
    except OSError as exc:
        if exc.errno == errno.EROFS:
            return None, ReadOnlyLocationNotice(path, exc.strerror or "")
        if exc.errno in _READ_ONLY_ERRNOS:  # EPERM: an immutable file (chattr +i)
            return None, ReadOnlyFileNotice(path, exc.strerror or "")
        raise StoreError(path, exc.strerror or str(exc)) from exc
    if isinstance(got, lock.ProjectLock):
        return got, None
    return None, ProjectInUseNotice(path, got)


@dataclass(frozen=True)
class Connection:
    """An open connection, and for a crash-left WAL on read-only media the copy it reads."""

    conn: sqlite3.Connection
    scratch: Path | None = None  # a temporary folder to remove at close
    notice: StoreError | None = None


def connect(path: Path, writable: bool) -> Connection:
    try:
        if writable:
            return Connection(db.connect_writable(path))
        return _connect_read_only(path)
    except sqlite3.DatabaseError as exc:
        raise db.classify(exc, path) from exc


def _connect_read_only(path: Path) -> Connection:
    conn = db.connect_read_only(path)
    try:
        _probe(conn)
        return Connection(conn)
    except sqlite3.OperationalError as exc:
        conn.close()
        if not db.cannot_open_wal_index(exc):
            raise
    # On read-only media SQLite cannot build its WAL index. Without a WAL file nothing is
    # missing and immutable=1 reads the file as it is; with one, immutable=1 would silently
    # skip its commits, so the pair is read from a copy instead.
    if not _has_wal(path):
        conn = db.connect_read_only(path, immutable=True)
        _probe(conn)
        return Connection(conn)
    return _connect_copy(path)


def _connect_copy(path: Path) -> Connection:
    scratch = Path(tempfile.mkdtemp(prefix="shenpian-readonly-"))
    copy = scratch / path.name
    try:
        shutil.copyfile(path, copy)
        shutil.copyfile(_wal(path), _wal(copy))
        conn = db.connect_read_only(copy)
        _probe(conn)
    except (OSError, sqlite3.OperationalError) as exc:
        shutil.rmtree(scratch, ignore_errors=True)
        raise WalUnreadableError(path, getattr(exc, "strerror", None) or str(exc)) from exc
    return Connection(conn, scratch, WalCopyNotice(path))


def read_upgraded(opened: Connection, path: Path) -> Connection:
    """An older project opened read-only, read from an upgraded temporary copy.

    The copy is taken through the backup API (never a file copy of a live WAL database)
    and migrated; the file itself is not changed, and is upgraded (after its backup) the
    next time it is opened for editing. ``opened`` is closed once the copy is ready.
    """
    scratch = Path(tempfile.mkdtemp(prefix="shenpian-upgraded-"))
    copy = scratch / path.name
    try:
        db.backup_to(opened.conn, copy)
        conn = db.connect_writable(copy)
        try:
            schema.upgrade(conn)
        except BaseException:
            conn.close()
            raise
    except (OSError, sqlite3.Error) as exc:
        shutil.rmtree(scratch, ignore_errors=True)
        if isinstance(exc, sqlite3.DatabaseError):
            raise db.classify(exc, path) from exc
        raise StoreError(path, exc.strerror or str(exc)) from exc
    opened.conn.close()
    if opened.scratch is not None:
        shutil.rmtree(opened.scratch, ignore_errors=True)
    return Connection(conn, scratch, UpgradedCopyNotice(path))


def _probe(conn: sqlite3.Connection) -> None:
    conn.execute("PRAGMA user_version").fetchone()
    conn.execute("SELECT count(*) FROM sqlite_master").fetchone()


def _wal(path: Path) -> Path:
    return path.with_name(path.name + "-wal")


def _has_wal(path: Path) -> bool:
    try:
        return _wal(path).stat().st_size > 0
    except OSError:
        return False


def prepare(conn: sqlite3.Connection, path: Path, writable: bool) -> None:
    """Refuse foreign, newer or damaged files; upgrade older ones after a backup."""
    try:
        version, applied = schema.read_version(conn)
    except sqlite3.DatabaseError as exc:
        raise db.classify(exc, path) from exc
    if schema.is_newer(version, applied):
        raise NewerSchemaError(path, str(version))
    if version == 0:
        raise NotAProjectError(path)
    db.check_integrity(conn, path)
    pending = schema.pending_steps(conn)
    if pending and not writable:
        raise NeedsUpgradeError(path)
    try:
        if writable:
            db.configure_writable(conn)
        if pending:
            db.backup_to(conn, backup_path(path, version))
            schema.upgrade(conn)
    except sqlite3.DatabaseError as exc:
        raise db.classify(exc, path) from exc


def backup_path(path: Path, version: int) -> Path:
    stamp = datetime.now(UTC).strftime("%Y%m%d-%H%M%S")
    return path.with_name(f"{path.stem}.v{version}-backup-{stamp}{path.suffix}")


def create_file(path: Path, book: CodeBook, reviewer: str, name: str) -> None:
    """Build the project beside ``path`` and move it in place: never half a project."""
    if path.exists():
        raise ProjectExistsError(path)
    if not path.parent.is_dir():
        raise FolderNotFoundError(path.parent)
    tmp = path.with_name(path.name + ".creating")
    try:
        tmp.unlink(missing_ok=True)
        _build(tmp, book, reviewer, name or path.stem)
        os.replace(tmp, path)
    except OSError as exc:
        raise CannotCreateError(path, exc.strerror or str(exc)) from exc
    except sqlite3.Error as exc:
        raise CannotCreateError(path, str(exc)) from exc
    finally:
        with contextlib.suppress(OSError):
            tmp.unlink(missing_ok=True)


def _build(tmp: Path, book: CodeBook, reviewer: str, name: str) -> None:
    conn = db.connect_writable(tmp)
    try:
        conn.execute("PRAGMA synchronous = FULL")
        conn.execute("PRAGMA foreign_keys = ON")
        schema.upgrade(conn)
        with db.transaction(conn, tmp):
            at = now_iso()
            meta = {"format": FORMAT, "id": new_uuid(), "name": name, "created_at": at}
            conn.executemany("INSERT INTO project (key, value) VALUES (?, ?)", meta.items())
            codebook_rows.save(conn, book, at)
            ensure_reviewer(conn, reviewer, at)
            rows.audit(conn, reviewer, at, "create", "project", meta["id"], None, meta)
    finally:
        conn.close()


def ensure_reviewer(conn: sqlite3.Connection, name: str, at: str) -> None:
    conn.execute("INSERT INTO reviewers (name, created_at) VALUES (?, ?) "
                 "ON CONFLICT (name) DO NOTHING", (name, at))
