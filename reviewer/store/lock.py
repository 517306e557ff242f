"""One writer per project: an OS lock on ``PROJECT.lock`` that names its holder.

The OS drops the lock when its process dies (even by kill -9), so a crash
never leaves a project locked; the file's text only says who holds it.
"""

from __future__ import annotations

import contextlib
import getpass
import json
import os
import socket
import sys
from pathlib import Path

from reviewer.store.model import LockInfo, now_iso

# Windows locks a byte range; one far beyond the text keeps the text readable.
_WIN_LOCK_OFFSET = 1 << 30


class ProjectLock:
    """A held lock; :meth:`release` it when the project closes."""

    def __init__(self, path: Path, fd: int) -> None:
        self.path, self._fd = path, fd

    def release(self) -> None:
        if self._fd < 0:
            return
        with contextlib.suppress(OSError):
            os.ftruncate(self._fd, 0)
            _unlock(self._fd)
        os.close(self._fd)
        self._fd = -1


def lock_path(project: Path) -> Path:
    return project.with_name(project.name + ".lock")


def acquire(project: Path, who: str) -> ProjectLock | LockInfo | None:
    """The lock, or who holds it (None if unknown). Raises OSError if the folder is read-only."""
    path = lock_path(project)
    fd = os.open(path, os.O_RDWR | os.O_CREAT, 0o600)
    if not _try_lock(fd):
        os.close(fd)
        return read_holder(path)
    _write_holder(fd, who)
    return ProjectLock(path, fd)


def read_holder(path: Path) -> LockInfo | None:
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
        return LockInfo(str(data["user"]), str(data["host"]), int(data["pid"]), str(data["since"]))
    except (OSError, ValueError, KeyError, TypeError):
        return None  # the holder is still writing its name, or an older build holds it


def _write_holder(fd: int, who: str) -> None:
    info = {"user": who or _os_user(), "host": socket.gethostname(), "pid": os.getpid(),
            "since": now_iso()}
    os.ftruncate(fd, 0)
    _write_at_start(fd, info)
    with contextlib.suppress(OSError):
        os.fsync(fd)


def _write_at_start(fd: int, info: dict[str, object]) -> None:
    os.lseek(fd, 0, os.SEEK_SET)
    os.write(fd, json.dumps(info, ensure_ascii=False).encode("utf-8"))


def _os_user() -> str:
    try:
        return getpass.getuser()
    except (OSError, KeyError):
        return "?"


if sys.platform == "win32":
    import msvcrt

    def _try_lock(fd: int) -> bool:
        os.lseek(fd, _WIN_LOCK_OFFSET, os.SEEK_SET)
        try:
            msvcrt.locking(fd, msvcrt.LK_NBLCK, 1)
            return True
        except OSError:
            return False

    def _unlock(fd: int) -> None:
        os.lseek(fd, _WIN_LOCK_OFFSET, os.SEEK_SET)
        msvcrt.locking(fd, msvcrt.LK_UNLCK, 1)

else:
    import fcntl

    def _try_lock(fd: int) -> bool:
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
            return True
        except OSError:
            return False

    def _unlock(fd: int) -> None:
        fcntl.flock(fd, fcntl.LOCK_UN)
