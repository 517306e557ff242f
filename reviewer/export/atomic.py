"""Atomic output: every file is written under a temporary name beside its target, then renamed.

A rename within one folder is atomic, so a reader (or an editor importing the file) sees
either nothing or the whole file; a failure, a cancel or a full disk leaves no half file.
"""

from __future__ import annotations

import contextlib
import os
import secrets
from collections.abc import Iterator
from pathlib import Path

from reviewer.export.common import ExportError, from_os_error

PARTIAL = ".partial"


def temp_name(target: Path) -> Path:
    # Keep the real suffix last: ffmpeg and some writers choose the format from it.
    return target.with_name(f".{target.stem}{PARTIAL}-{secrets.token_hex(4)}{target.suffix}")


@contextlib.contextmanager
def atomic_path(target: Path) -> Iterator[Path]:
    """Yield a temporary path to write; on success it becomes ``target``, on failure it goes."""
    target.parent.mkdir(parents=True, exist_ok=True)
    tmp = temp_name(target)
    try:
        yield tmp
        if not tmp.is_file():
            raise ExportError("io", f"{target.name}: nothing was written")
        _fsync(tmp)
        os.replace(tmp, target)
    except OSError as exc:
        raise from_os_error(exc, target.name) from exc
    finally:
        with contextlib.suppress(OSError):
            tmp.unlink(missing_ok=True)


def write_bytes(target: Path, data: bytes) -> Path:
    with atomic_path(target) as tmp:
        tmp.write_bytes(data)
    return target


def write_text(target: Path, text: str, encoding: str = "utf-8") -> Path:
    # newline="" keeps CRLF where a format asks for it (CSV, EDL) and LF elsewhere.
    with atomic_path(target) as tmp, open(tmp, "w", encoding=encoding, newline="") as handle:
        handle.write(text)
    return target


def _fsync(path: Path) -> None:
    """Flush to the disk before the rename, so a crash cannot leave a renamed empty file."""
    fd = os.open(path, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)
