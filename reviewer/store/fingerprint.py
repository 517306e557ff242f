"""Recognise footage by content, not by name: size plus a hash of its head and tail.

Reading 2 MiB is fast enough to do for every candidate in a folder; the
whole-file SHA-256 (minutes for a 4 GB file) is left to a background job.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable
from pathlib import Path

from reviewer.store.model import Fingerprint

CHUNK = 1024 * 1024
_BLOCK = 4 * CHUNK


def quick(path: Path) -> Fingerprint:
    size = path.stat().st_size
    digest = hashlib.sha256(size.to_bytes(8, "little"))
    with path.open("rb") as handle:
        digest.update(handle.read(CHUNK))
        if size > CHUNK:
            handle.seek(max(CHUNK, size - CHUNK))
            digest.update(handle.read(CHUNK))
    return Fingerprint(size, digest.hexdigest())


def full_sha256(path: Path, cancelled: Callable[[], bool] = lambda: False) -> str | None:
    """The whole file's SHA-256, or None if ``cancelled`` turned true on the way."""
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        while block := handle.read(_BLOCK):
            if cancelled():
                return None
            digest.update(block)
    return digest.hexdigest()
