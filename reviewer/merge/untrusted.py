"""Open a database from someone else's laptop without trusting anything in it.

Read-only and immutable, ``trusted_schema=OFF``, ``query_only`` and (where
the SQLite handle can be reached) ``SQLITE_DBCONFIG_DEFENSIVE``; integrity
checked before any row is read. Nothing is ever written to it, so its
triggers never fire; every table read is checked to be a real table with
the columns we name, so a view posing as ``tags`` is never run.
"""

from __future__ import annotations

import contextlib
import ctypes
import sqlite3
from pathlib import Path
from urllib.parse import quote

from reviewer.merge.errors import CorruptPackageError, HostilePackageError, NotAPackageError

_SQLITE_DBCONFIG_DEFENSIVE = 1010


def open_read_only(path: Path, label: Path, check_same_thread: bool = True) -> sqlite3.Connection:
    """``path`` is our private extracted copy; ``label`` names the package in messages."""
    uri = "file:" + quote(str(path.resolve())) + "?mode=ro&immutable=1"
    try:
        conn = sqlite3.connect(uri, uri=True, isolation_level=None,
                               check_same_thread=check_same_thread)
    except sqlite3.Error as exc:
        raise CorruptPackageError(label, str(exc)) from exc
    try:
        harden(conn)
        check_integrity(conn, label)
    except BaseException:
        conn.close()
        raise
    return conn


def harden(conn: sqlite3.Connection) -> None:
    conn.execute("PRAGMA trusted_schema = OFF")
    conn.execute("PRAGMA query_only = ON")
    conn.execute("PRAGMA cell_size_check = ON")
    set_defensive(conn)


def set_defensive(conn: sqlite3.Connection) -> bool:
    """Turn on SQLITE_DBCONFIG_DEFENSIVE; True if it is on afterwards.

    Python 3.12 has ``Connection.setconfig``; 3.11 does not, so the C handle is
    reached through ctypes. If that fails the connection is still read-only
    and query-only, which is what defensive mode mainly guards.
    """
    setconfig = getattr(conn, "setconfig", None)
    if setconfig is not None:
        setconfig(_SQLITE_DBCONFIG_DEFENSIVE, True)
        return bool(conn.getconfig(_SQLITE_DBCONFIG_DEFENSIVE))  # type: ignore[attr-defined]
    with contextlib.suppress(OSError, AttributeError, ValueError):
        return _ctypes_defensive(conn)
    return False


def _ctypes_defensive(conn: sqlite3.Connection) -> bool:
    import _sqlite3

    lib = ctypes.CDLL(_sqlite3.__file__)
    db_config = lib.sqlite3_db_config
    db_config.restype = ctypes.c_int
    # CPython's connection object starts with PyObject_HEAD, then the sqlite3* handle.
    handle = ctypes.c_void_p.from_address(id(conn) + object.__basicsize__).value
    if not handle:
        return False
    state = ctypes.c_int(-1)
    rc = db_config(ctypes.c_void_p(handle), _SQLITE_DBCONFIG_DEFENSIVE, ctypes.c_int(1),
                   ctypes.byref(state))
    return rc == 0 and state.value == 1


def check_integrity(conn: sqlite3.Connection, label: Path) -> None:
    try:
        rows = conn.execute("PRAGMA integrity_check(5)").fetchall()
    except sqlite3.DatabaseError as exc:
        raise CorruptPackageError(label, str(exc)[:120]) from exc
    if [r[0] for r in rows] != ["ok"]:
        raise CorruptPackageError(label, "; ".join(str(r[0]) for r in rows)[:200])


def objects(conn: sqlite3.Connection, label: Path) -> dict[str, str]:
    """Schema object name -> type, read from the catalogue without running any of them."""
    try:
        rows = conn.execute("SELECT name, type FROM sqlite_master").fetchall()
    except sqlite3.DatabaseError as exc:
        raise CorruptPackageError(label, str(exc)[:120]) from exc
    return {str(name): str(kind) for name, kind in rows}


def require_table(conn: sqlite3.Connection, catalogue: dict[str, str], table: str,
                  columns: tuple[str, ...], label: Path) -> None:
    """``table`` must be a real table holding ``columns``: a view of that name is refused."""
    kind = catalogue.get(table)
    if kind is None:
        raise NotAPackageError(label, f"no table {table}")
    if kind != "table":
        raise HostilePackageError(label, f"{table} is a {kind}")
    present = {row[1] for row in conn.execute(f"PRAGMA table_info({table})")}
    missing = [c for c in columns if c not in present]
    if missing:
        raise HostilePackageError(label, f"{table} lacks {missing[0]}")
