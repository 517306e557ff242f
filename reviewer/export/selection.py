"""What an export covers: the tags a filter finds, or the editor's picked and ordered playlist.

The playlist lives in the project's key/value table as JSON, so it travels with the project
file and survives a restart; tags deleted since they were picked simply drop out.
"""

from __future__ import annotations

import json
from dataclasses import dataclass

from reviewer.store.errors import UnknownTagError
from reviewer.store.model import Tag
from reviewer.store.project import Project
from reviewer.store.search import TagFilter

PLAYLIST_KEY = "playlist"


@dataclass(frozen=True)
class Selection:
    """Either ``filter`` (footage then time order) or ``playlist`` (UUIDs in the editor's order)."""

    filter: TagFilter = TagFilter()
    playlist: tuple[str, ...] | None = None

    @classmethod
    def of_playlist(cls, uuids: tuple[str, ...] | list[str]) -> Selection:
        return cls(playlist=tuple(uuids))


def resolve(project: Project, selection: Selection) -> list[Tag]:
    """The selected live tags, in export order; unknown or deleted playlist entries are dropped."""
    if selection.playlist is None:
        return project.tags(selection.filter)
    tags, seen = [], set()
    for uuid in selection.playlist:
        if uuid in seen:
            continue  # a tag picked twice is exported once, at its first place
        seen.add(uuid)
        try:
            tag = project.tag(uuid)
        except UnknownTagError:
            continue
        if not tag.deleted:
            tags.append(tag)
    return tags


def load_playlist(project: Project) -> tuple[str, ...]:
    """The editor's playlist, or () if none was saved (or the stored value is unreadable)."""
    raw = project.meta().get(PLAYLIST_KEY)
    if not raw:
        return ()
    try:
        data = json.loads(raw)
    except ValueError:
        return ()
    return tuple(u for u in data if isinstance(u, str)) if isinstance(data, list) else ()


def save_playlist(project: Project, uuids: tuple[str, ...] | list[str]) -> None:
    """Store the playlist (one transaction); an empty list removes it."""
    ordered = list(dict.fromkeys(uuids))
    project.set_meta(PLAYLIST_KEY, json.dumps(ordered) if ordered else None)
