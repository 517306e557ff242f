"""One writer per project: an OS lock held on the project file itself.

The lock sits on one byte of the project file that SQLite never reads, writes or locks
(inside its lock-byte page at 1 GiB, past its SHARED range), taken through a descriptor of
our own. Deleting a file therefore cannot let a second writer in, and the kernel drops the
lock when its process dies, kill -9 included. ``PROJECT.lock`` only names the holder for the
"in use by ..." message: it is removed on a clean close, and a missing, stale or unwritable
one (even a folder of that name) changes nothing.

- Linux: an open-file-description lock (``F_OFD_SETLK``). Unlike a POSIX record lock it
  conflicts within one process too and is not dropped when SQLite closes its own
  descriptor of the same file.
- Windows: ``msvcrt.locking`` on the same byte; SQLite's own byte locks end 512 bytes in.
- macOS and the BSDs share one table between ``flock`` and SQLite's ``fcntl`` locks, and a
  POSIX lock dies with any descriptor of the file, so there the lock stays a ``flock`` on
  ``PROJECT.lock`` (ADR 0009 says what that cannot prevent).
"""

from __future__ import annotations

import contextlib
import errno
import getpass
import json
import os
import secrets
import socket
import sys
from pathlib import Path

from reviewer.store.model import LockInfo, now_iso

_PENDING_BYTE = 0x40000000  # SQLite's lock-byte page starts here; no page data ever lives in it
LOCK_BYTE = _PENDING_BYTE + 768  # its locks use PENDING_BYTE .. PENDING_BYTE + 511
_BUSY = {errno.EAGAIN, errno.EACCES, getattr(errno, "EDEADLOCK", errno.EDEADLK)}


class ProjectLock:
    """A held lock; :meth:`release` it when the project closes."""

    def __init__(self, path: Path, fd: int, token: str) -> None:
        self.path, self._fd, self._token = path, fd, token

    def release(self) -> None:
        if self._fd < 0:
            return
        _forget_holder(self.path, self._token)
        with contextlib.suppress(OSError):
            _unlock(self._fd)
        os.close(self._fd)
        self._fd = -1


def lock_path(project: Path) -> Path:
    """Where the holder's name is written (and, on macOS/BSD, the file that is locked)."""
    return project.with_name(project.name + ".lock")


def acquire(project: Path, who: str) -> ProjectLock | LockInfo | None:
    """The lock, or who holds it (None if unknown).

    Raises OSError if the project file cannot be opened for writing (read-only media,
    a read-only or immutable file).
    """
    if not LOCKS_PROJECT_FILE:
        return _acquire_holder_file(project, who)
    fd = os.open(project, os.O_RDWR | getattr(os, "O_BINARY", 0))
    if not _try_lock(fd):
        os.close(fd)
        return read_holder(lock_path(project))
    return ProjectLock(project, fd, _write_holder(lock_path(project), who))


def _acquire_holder_file(project: Path, who: str) -> ProjectLock | LockInfo | None:
    """macOS/BSD: flock ``PROJECT.lock``; re-check the inode, since a closing holder unlinks it."""
    path = lock_path(project)
    for _ in range(5):
        fd = os.open(path, os.O_RDWR | os.O_CREAT, 0o600)
        if not _try_lock(fd):
            os.close(fd)
            return read_holder(path)
        with contextlib.suppress(OSError):
            if os.fstat(fd).st_ino == os.stat(path).st_ino:
                return ProjectLock(project, fd, _write_holder(path, who, fd))
        os.close(fd)  # we locked a file its holder had just removed: try the new one
    return None


def read_holder(path: Path) -> LockInfo | None:
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
        return LockInfo(str(data["user"]), str(data["host"]), int(data["pid"]), str(data["since"]))
    except (OSError, ValueError, KeyError, TypeError):
        return None  # no name written (read-only folder, older build) or still being written


def _write_holder(path: Path, who: str, fd: int | None = None) -> str:
    """Name the holder (best effort: the lock does not depend on it); return our token."""
    token = secrets.token_hex(8)
    info = {"user": who or _os_user(), "host": socket.gethostname(), "pid": os.getpid(),
            "since": now_iso(), "token": token}
    data = json.dumps(info, ensure_ascii=False).encode("utf-8")
    try:
        if fd is None:
            path.write_bytes(data)
        else:
            os.ftruncate(fd, 0)
            os.lseek(fd, 0, os.SEEK_SET)
            os.write(fd, data)
    except OSError:
        # A full disk leaves an empty file behind: remove it (we hold the lock, so it is ours).
        # A read-only folder, or a folder of that name, stays; the message says "another program".
        if fd is None:
            with contextlib.suppress(OSError):
                path.unlink()
    return token


def _forget_holder(path: Path, token: str) -> None:
    """Remove the holder file at a clean close, if it is still the one we wrote."""
    name = lock_path(path)
    try:
        if json.loads(name.read_text(encoding="utf-8")).get("token") == token:
            name.unlink()
    except (OSError, ValueError, AttributeError):
        pass


def _os_user() -> str:
    try:
        return getpass.getuser()
    except (OSError, KeyError):
        return "?"


if sys.platform == "win32":
    import msvcrt

    LOCKS_PROJECT_FILE = True

    def _try_lock(fd: int) -> bool:
        os.lseek(fd, LOCK_BYTE, os.SEEK_SET)
        try:
            msvcrt.locking(fd, msvcrt.LK_NBLCK, 1)
            return True
        except OSError:
            return False

    def _unlock(fd: int) -> None:
        os.lseek(fd, LOCK_BYTE, os.SEEK_SET)
        msvcrt.locking(fd, msvcrt.LK_UNLCK, 1)

else:
    import fcntl
    import struct

    # Linux: an open-file-description lock on the project file's byte.
    LOCKS_PROJECT_FILE = sys.platform.startswith("linux") and hasattr(fcntl, "F_OFD_SETLK")

    def _ofd(fd: int, kind: int) -> None:
        # struct flock {short type, whence; off_t start, len; pid_t pid (0 for OFD)}, native
        # alignment; zero padding covers the tail the kernel reads on any ABI.
        arg = struct.pack("hhqqi", kind, os.SEEK_SET, LOCK_BYTE, 1, 0).ljust(64, b"\0")
        fcntl.fcntl(fd, fcntl.F_OFD_SETLK, arg)

    def _try_lock(fd: int) -> bool:
        try:
            if LOCKS_PROJECT_FILE:
                _ofd(fd, fcntl.F_WRLCK)
            else:
                fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
            return True
        except OSError as exc:
            if exc.errno in _BUSY or exc.errno == errno.EWOULDBLOCK:
                return False
            raise

    def _unlock(fd: int) -> None:
        if LOCKS_PROJECT_FILE:
            _ofd(fd, fcntl.F_UNLCK)
        else:
            fcntl.flock(fd, fcntl.LOCK_UN)
