"""A quick identity for a footage file: size plus hashes of its head and tail.

Cheap enough to compute on every open (2 MiB read), strong enough to tell a
moved file from a different one with the same name; caches key on it.
"""

from __future__ import annotations

import hashlib
from pathlib import Path

_EDGE = 1024 * 1024


def quick_fingerprint(path: Path) -> str:
    size = path.stat().st_size
    digest = hashlib.sha256(str(size).encode())
    with path.open("rb") as fh:
        digest.update(fh.read(_EDGE))
        if size > _EDGE:
            fh.seek(max(_EDGE, size - _EDGE))
            digest.update(fh.read(_EDGE))
    return f"{size}-{digest.hexdigest()[:32]}"
