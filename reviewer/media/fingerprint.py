"""A footage file's identity by content: hashes of its head and tail, and of the whole.

Reading 2 MiB is cheap enough for every open and every relink candidate;
the whole-file SHA-256 (minutes for a 4 GB file) belongs to a background
job that can be cancelled.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable
from pathlib import Path

CHUNK = 1024 * 1024
_BLOCK = 4 * CHUNK


def head_tail_sha256(path: Path) -> str:
    """SHA-256 over the size, the first MiB and the last MiB."""
    size = path.stat().st_size
    digest = hashlib.sha256(size.to_bytes(8, "little"))
    with path.open("rb") as handle:
        digest.update(handle.read(CHUNK))
        if size > CHUNK:
            handle.seek(max(CHUNK, size - CHUNK))
            digest.update(handle.read(CHUNK))
    return digest.hexdigest()


def quick_fingerprint(path: Path) -> str:
    """A short cache key: size and head/tail hash."""
    return f"{path.stat().st_size}-{head_tail_sha256(path)[:32]}"


def full_sha256(path: Path, cancelled: Callable[[], bool] = lambda: False) -> str | None:
    """The whole file's SHA-256, or None if ``cancelled`` turned true on the way."""
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        while block := handle.read(_BLOCK):
            if cancelled():
                return None
            digest.update(block)
    return digest.hexdigest()
