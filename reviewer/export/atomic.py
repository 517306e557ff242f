"""Atomic output: every file is written in a private folder beside its target, then renamed.

A rename within one file system is atomic, so a reader (or an editor importing the file)
sees either nothing or the whole file. The private folder also catches the scratch files a
writer makes on its own (xlsxwriter puts its ``tmpXXXX`` parts next to the file it writes), so
a failure, a cancel or a full disk leaves nothing behind: the folder goes as a whole.
"""

from __future__ import annotations

import contextlib
import errno
import os
import secrets
import shutil
import sys
import traceback
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from reviewer.export.common import ExportError, from_os_error
from reviewer.files import NAME_MAX_BYTES

PARTIAL = ".partial"
# What a full or failing disk raises again when a half-written file object is finally closed.
_DISK_ERRNOS = {errno.ENOSPC, errno.EDQUOT, errno.EFBIG, errno.EIO}


def temp_name(target: Path, suffix: str | None = None) -> Path:
    """A hidden sibling of ``target``, short enough for any file system."""
    # Keep the real suffix last: ffmpeg and some writers choose the format from it.
    tag = f"{PARTIAL}-{secrets.token_hex(4)}{target.suffix if suffix is None else suffix}"
    room = NAME_MAX_BYTES - len(("." + tag).encode("utf-8"))
    stem = target.stem.encode("utf-8")[:max(room, 0)].decode("utf-8", "ignore")
    return target.with_name(f".{stem}{tag}")


@contextlib.contextmanager
def atomic_path(target: Path) -> Iterator[Path]:
    """Yield a temporary path to write; on success it becomes ``target``, on failure it goes.

    Any failure caused by the operating system (disk full, no permission, a name too
    long), even one a library wrapped in its own exception, becomes one ExportError.
    """
    scratch = temp_name(target, suffix="")
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        scratch.mkdir()
        tmp = scratch / ("out" + target.suffix)
        yield tmp
        if not tmp.is_file():
            raise ExportError("io", f"{target.name}: nothing was written")
        _fsync(tmp)
        os.replace(tmp, target)
    except ExportError:
        raise
    except Exception as exc:
        cause = _os_error_in(exc)
        if cause is None:
            raise
        _let_go_of_writers(exc)
        raise from_os_error(cause, target.name) from None
    finally:
        shutil.rmtree(scratch, ignore_errors=True)


def write_bytes(target: Path, data: bytes) -> Path:
    with atomic_path(target) as tmp:
        tmp.write_bytes(data)
    return target


def write_text(target: Path, text: str, encoding: str = "utf-8") -> Path:
    # newline="" keeps CRLF where a format asks for it (CSV, EDL) and LF elsewhere.
    with atomic_path(target) as tmp, open(tmp, "w", encoding=encoding, newline="") as handle:
        handle.write(text)
    return target


def _os_error_in(exc: BaseException) -> OSError | None:
    """The OSError behind ``exc``: itself, or what a library raised it from."""
    seen: set[int] = set()
    current: BaseException | None = exc
    while current is not None and id(current) not in seen:
        if isinstance(current, OSError):
            return current
        seen.add(id(current))
        current = current.__cause__ or current.__context__
    return None


def _let_go_of_writers(exc: BaseException) -> None:
    """Drop the half-written file objects a failed writer left in its frames, now.

    Otherwise they are closed whenever the error is freed, and their close fails again on
    the full disk: Python then prints "Exception ignored ... Traceback" on the user's screen.
    """
    previous = sys.unraisablehook
    sys.unraisablehook = _quiet_disk_errors(previous)
    try:
        current: BaseException | None = exc
        while current is not None:
            traceback.clear_frames(current.__traceback__)
            current = current.__cause__ or current.__context__
    finally:
        sys.unraisablehook = previous


def _quiet_disk_errors(previous: Any) -> Any:
    def hook(unraisable: Any) -> None:
        value = unraisable.exc_value
        if not (isinstance(value, OSError) and value.errno in _DISK_ERRNOS):
            previous(unraisable)

    return hook


def _fsync(path: Path) -> None:
    """Flush to the disk before the rename, so a crash cannot leave a renamed empty file."""
    fd = os.open(path, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)
