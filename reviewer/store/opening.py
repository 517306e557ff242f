"""Opening and creating project files: checks that happen before anything is written.

Order matters: a newer or damaged file is refused before WAL is switched
on or a migration runs, so refusing never changes a byte of it.
"""

from __future__ import annotations

import contextlib
import errno
import os
import sqlite3
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
    ReadOnlyLocationNotice,
    StoreError,
)
from reviewer.store.model import new_uuid, now_iso

FORMAT = "shenpian-project"
_READ_ONLY_ERRNOS = {errno.EROFS, errno.EACCES, errno.EPERM}


def take_lock(path: Path, who: str) -> tuple[lock.ProjectLock | None, StoreError | None]:
    """The write lock, or why the project must be opened read-only."""
    try:
        got = lock.acquire(path, who)
    except OSError as exc:
        if exc.errno in _READ_ONLY_ERRNOS:
            return None, ReadOnlyLocationNotice(path, exc.strerror or "")
        raise
    if isinstance(got, lock.ProjectLock):
        return got, None
    return None, ProjectInUseNotice(path, got)


def connect(path: Path, writable: bool) -> sqlite3.Connection:
    if writable:
        return db.connect_writable(path)
    conn = db.connect_read_only(path)
    try:
        conn.execute("PRAGMA user_version").fetchone()
        conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
        return conn
    except sqlite3.OperationalError:
        # A WAL file on read-only media cannot get its shared-memory index.
        conn.close()
        return db.connect_read_only(path, immutable=True)


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
    if writable:
        db.configure_writable(conn)
    if pending:
        db.backup_to(conn, backup_path(path, version))
        schema.upgrade(conn)


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
