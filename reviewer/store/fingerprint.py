"""Recognise footage by content, not by name (the hashing itself is reviewer.media's)."""

from __future__ import annotations

from pathlib import Path

from reviewer.media.fingerprint import full_sha256, head_tail_sha256
from reviewer.store.model import Fingerprint

__all__ = ["full_sha256", "quick"]


def quick(path: Path) -> Fingerprint:
    return Fingerprint(path.stat().st_size, head_tail_sha256(path))
