"""Footage is matched by fingerprint: another laptop's paths never replace ours.

``D:\\暗访素材\\a.mp4`` on one laptop is ``E:\\第5期\\a.mp4`` on another; the
content is the same. Footage the project lacks is added offline (no path)
until the editor relinks it, or with the copy extracted from the package.
"""

from __future__ import annotations

import os
import sqlite3
import uuid
from dataclasses import dataclass, field, replace
from pathlib import Path

from reviewer.merge.footage import safe_name
from reviewer.merge.package import Package
from reviewer.store import rows
from reviewer.store.model import Media

_NAMESPACE = uuid.UUID("6f1c9a52-3f5e-4d0c-9a57-5be0c2f0a6e1")


@dataclass(frozen=True)
class MediaMap:
    ids: dict[tuple[str, str], str] = field(default_factory=dict)  # (package checksum, id) -> ours
    added: tuple[str, ...] = ()
    matched: int = 0

    def ours(self, package: Package, media_id: str) -> str:
        return self.ids[(package.checksum, media_id)]


def map_media(conn: sqlite3.Connection, packages: list[Package],
              written: dict[tuple[int, str], Path], project_path: Path, at: str) -> MediaMap:
    by_print = {(r[1], r[2]): r[0] for r in
                conn.execute("SELECT id, size_bytes, head_tail_sha256 FROM media")}
    taken = set(by_print.values())
    position = conn.execute("SELECT COALESCE(MAX(position), -1) + 1 FROM media").fetchone()[0]
    ids: dict[tuple[str, str], str] = {}
    added: list[str] = []
    matched = 0
    for package in packages:
        for media in package.media:
            key = (media.fingerprint.size, media.fingerprint.head_tail)
            if key in by_print:
                matched += 1
            else:
                new_id = _free_id(media.id, key, taken)
                _insert(conn, media, new_id, position, written.get(key), project_path)
                by_print[key], position = new_id, position + 1
                taken.add(new_id)
                added.append(new_id)
            ids[(package.checksum, media.id)] = by_print[key]
    return MediaMap(ids, tuple(added), matched)


def _free_id(wanted: str, key: tuple[int, str], taken: set[str]) -> str:
    # Keeping the laptop's id makes a later package from it map the same way;
    # a clash (another file under that id) gets an id derived from the content.
    return wanted if wanted not in taken else str(uuid.uuid5(_NAMESPACE, f"{key[0]}:{key[1]}"))


def _insert(conn: sqlite3.Connection, media: Media, new_id: str, position: int,
            extracted: Path | None, project_path: Path) -> None:
    name = safe_name(media.name, new_id[:12])
    abs_path, rel_path = ("", None) if extracted is None else _paths(extracted, project_path)
    rows.insert_media(conn, replace(media, id=new_id, name=name, abs_path=abs_path,
                                    rel_path=rel_path, online=extracted is not None,
                                    position=position))


def _paths(found: Path, project_path: Path) -> tuple[str, str | None]:
    try:
        rel = Path(os.path.relpath(found.resolve(), project_path.parent.resolve())).as_posix()
    except ValueError:
        rel = None
    return str(found.resolve()), rel
