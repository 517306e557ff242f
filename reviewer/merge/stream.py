"""Copy a zip member to a file, never more than it declared, telling read from write failures.

Used for the package's database (into the temporary folder) and for packed
footage (beside the project). A member that yields more than its declared
size is cut off before the excess is written; a failing write (full disk)
and a failing read (the stick pulled out) are different causes for the
user, so they come back as different exceptions.
"""

from __future__ import annotations

import hashlib
from typing import IO

BLOCK = 1024 * 1024


class TooLong(Exception):
    """The member held more than its declared size."""


class ReadFailed(Exception):
    def __init__(self, error: OSError) -> None:
        super().__init__(str(error))
        self.error = error


class WriteFailed(Exception):
    def __init__(self, error: OSError) -> None:
        super().__init__(str(error))
        self.error = error


def copy_capped(src: IO[bytes], dst: IO[bytes], limit: int) -> str:
    """Copy ``src`` to ``dst`` (opened unbuffered) and return its SHA-256."""
    digest, size = hashlib.sha256(), 0
    while block := _read(src):
        size += len(block)
        if size > limit:
            raise TooLong()
        digest.update(block)
        _write_all(dst, block)
    return digest.hexdigest()


def _read(src: IO[bytes]) -> bytes:
    try:
        return src.read(BLOCK)
    except OSError as exc:
        raise ReadFailed(exc) from exc


def _write_all(dst: IO[bytes], block: bytes) -> None:
    # An unbuffered write may write part of the block (a nearly full disk) without
    # an error; the next call then reports why. A buffered file would report it
    # only when flushed, possibly in a ``close`` nobody checks.
    view = memoryview(block)
    try:
        while view:
            view = view[dst.write(view) or 0:]
    except OSError as exc:
        raise WriteFailed(exc) from exc
