"""Find moved footage in a folder by fingerprint, and refuse look-alikes.

A file with the right name but different content (a re-export, another
day's recording) must never be linked: silently pointing tags at other
footage is worse than leaving them offline.
"""

from __future__ import annotations

import os
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from reviewer.store import fingerprint
from reviewer.store.model import Media


@dataclass(frozen=True)
class RelinkReport:
    relinked: tuple[tuple[str, Path], ...]  # (media id, new path)
    impostors: tuple[Path, ...]  # right name, wrong content: refused
    missing: tuple[str, ...]  # media ids still not found


def scan(folder: Path, wanted: Iterable[Media]) -> RelinkReport:
    """Search ``folder`` recursively for every media in ``wanted``."""
    by_size: dict[int, list[Media]] = {}
    by_name: dict[str, list[Media]] = {}
    for media in wanted:
        by_size.setdefault(media.fingerprint.size, []).append(media)
        by_name.setdefault(media.name.casefold(), []).append(media)
    found: dict[str, Path] = {}
    impostors: list[Path] = []
    for path in _files(folder):
        match = _match(path, by_size, found)
        if match is not None:
            found[match.id] = path
        elif path.name.casefold() in by_name:
            impostors.append(path)
    missing = tuple(m.id for ms in by_size.values() for m in ms if m.id not in found)
    return RelinkReport(tuple(found.items()), tuple(impostors), missing)


def _match(path: Path, by_size: dict[int, list[Media]], found: dict[str, Path]) -> Media | None:
    try:
        candidates = [m for m in by_size.get(path.stat().st_size, []) if m.id not in found]
        if not candidates:
            return None
        print_ = fingerprint.quick(path)
    except OSError:
        return None  # unreadable files are simply not candidates
    return next((m for m in candidates if m.fingerprint.matches(print_)), None)


def _files(folder: Path) -> Iterable[Path]:
    for root, dirs, names in os.walk(folder, followlinks=False):
        dirs.sort()
        for name in sorted(names):
            yield Path(root) / name
