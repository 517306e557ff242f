"""SQLite connections for a project: the pragmas that make a commit durable, errors typed.

WAL with ``synchronous=FULL`` costs one fsync per human edit and loses
nothing the disk acknowledged; ``foreign_keys`` keeps tags from pointing
at footage or categories that are not there.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from urllib.parse import quote

from reviewer.store import words
from reviewer.store.errors import (
    CorruptProjectError,
    DiskFullError,
    DriveVanishedError,
    NotAProjectError,
    ProjectBusyError,
    SaveError,
    StorageIOError,
    StoreError,
)

BUSY_TIMEOUT_S = 5.0
_SQLITE_BUSY, _SQLITE_LOCKED, _SQLITE_READONLY, _SQLITE_IOERR = 5, 6, 8, 10
_SQLITE_CORRUPT, _SQLITE_FULL, _SQLITE_CANTOPEN, _SQLITE_NOTADB = 11, 13, 14, 26


def connect_writable(path: Path) -> sqlite3.Connection:
    # isolation_level=None: we issue BEGIN/COMMIT ourselves, one per edit.
    conn = sqlite3.connect(path, isolation_level=None, timeout=BUSY_TIMEOUT_S,
                           check_same_thread=False)
    words.register(conn)
    return conn


def connect_read_only(path: Path, immutable: bool = False) -> sqlite3.Connection:
    """``immutable`` is for read-only media, where SQLite cannot create its WAL index."""
    uri = "file:" + quote(str(path.resolve())) + "?mode=ro" + ("&immutable=1" if immutable else "")
    conn = sqlite3.connect(uri, uri=True, isolation_level=None, timeout=BUSY_TIMEOUT_S,
                           check_same_thread=False)
    words.register(conn)
    return conn


def cannot_open_wal_index(exc: sqlite3.Error) -> bool:
    """True for the error a read-only connection meets when it cannot create ``-shm``."""
    code = (getattr(exc, "sqlite_errorcode", None) or 0) & 0xFF
    return code in (_SQLITE_CANTOPEN, _SQLITE_READONLY)


def configure_writable(conn: sqlite3.Connection) -> None:
    conn.execute("PRAGMA journal_mode = WAL")
    conn.execute("PRAGMA synchronous = FULL")
    conn.execute("PRAGMA foreign_keys = ON")


def check_integrity(conn: sqlite3.Connection, path: Path) -> None:
    """Refuse a damaged file before anything is written into it."""
    try:
        rows = conn.execute("PRAGMA integrity_check(5)").fetchall()
    except sqlite3.DatabaseError as exc:
        raise classify(exc, path) from exc
    if [r[0] for r in rows] != ["ok"]:
        raise CorruptProjectError(path, "; ".join(str(r[0]) for r in rows)[:200])


@contextmanager
def transaction(conn: sqlite3.Connection, path: Path) -> Iterator[sqlite3.Connection]:
    """One committed edit: BEGIN IMMEDIATE ... COMMIT, rolled back on any failure."""
    try:
        conn.execute("BEGIN IMMEDIATE")
        yield conn
        conn.execute("COMMIT")
    except BaseException as exc:
        _rollback(conn)
        if isinstance(exc, sqlite3.DatabaseError) and not isinstance(exc, sqlite3.IntegrityError):
            raise classify(exc, path) from exc
        raise


def _rollback(conn: sqlite3.Connection) -> None:
    try:
        if conn.in_transaction:
            conn.execute("ROLLBACK")
    except sqlite3.Error:
        pass  # the failure being reported matters more; SQLite rolls back a hot journal itself


def classify(exc: sqlite3.Error, path: Path) -> StoreError:
    """Map an SQLite error to the reason a reviewer can act on."""
    code = (getattr(exc, "sqlite_errorcode", None) or 0) & 0xFF
    detail = str(exc)
    if code == _SQLITE_FULL:
        return DiskFullError(path, detail)
    if code in (_SQLITE_IOERR, _SQLITE_CANTOPEN):
        return DriveVanishedError(path, detail) if not path.parent.exists() else StorageIOError(path, detail)
    if code in (_SQLITE_BUSY, _SQLITE_LOCKED):
        return ProjectBusyError(path, detail)
    if code == _SQLITE_NOTADB:
        return NotAProjectError(path, detail)
    if code == _SQLITE_CORRUPT:
        return CorruptProjectError(path, detail)
    if code == _SQLITE_READONLY:
        return StorageIOError(path, detail)
    return SaveError(path, detail)


def backup_to(conn: sqlite3.Connection, target: Path) -> None:
    """A consistent copy through SQLite's backup API (a file copy of a live WAL DB loses rows)."""
    dest = sqlite3.connect(target)
    try:
        conn.backup(dest)
    finally:
        dest.close()


def close_cleanly(conn: sqlite3.Connection) -> None:
    """Fold the WAL back so the project is one self-contained file between sessions.

    A single file can be copied by hand and opened from read-only media; if
    another reader still has it open this is skipped and WAL stays.
    """
    try:
        conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        conn.execute("PRAGMA journal_mode = DELETE")
    except sqlite3.Error:
        pass
    finally:
        conn.close()
