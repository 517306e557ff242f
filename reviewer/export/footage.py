"""Is a tag's footage there, and can it be read? Exports tell the two apart.

"Offline" (视频离线) is only ever said of a file that is not where the project last saw
it. A file that is there but fails to read (a damaged stretch, a refused read, a codec
we lack) is reported as unreadable, with the engine's own cause, clip by clip and
still by still.
"""

from __future__ import annotations

from pathlib import Path

from reviewer.export.common import Skipped
from reviewer.export.snapshot import Item
from reviewer.media.errors import MediaError, MediaNotFoundError, MediaReadError
from reviewer.media.index import FrameIndex, build_index


def offline(path: Path | None) -> bool:
    return path is None or not path.exists()


def is_gone(exc: MediaError) -> bool:
    """The error is the file having vanished (unplugged drive, moved away), not a bad read."""
    return isinstance(exc, MediaNotFoundError) or not exc.path.exists()


def cause(exc: MediaError) -> tuple[str, str]:
    """(zh, en) one line on why a present file could not be read.

    The engine's read-error wording guesses at a removed drive, which only fits a file
    that vanished; exports report that case as offline, so here a read error on a file
    that is still there says only what failed.
    """
    if isinstance(exc, MediaReadError):
        detail = exc.detail or "?"
        return (f"读取出错（{detail}）：{exc.path.name}", f"Read error ({detail}): {exc.path.name}")
    return exc.message("zh_CN"), exc.message("en")


class Indexes:
    """Frame indexes per footage file, built once per export (they are cached on disk too).

    A file whose index cannot be built keeps its error, so each of its tags reports the
    same cause without reading the file again.
    """

    def __init__(self) -> None:
        self._by_path: dict[Path, FrameIndex | MediaError] = {}

    def get(self, path: Path) -> FrameIndex:
        found = self._by_path.get(path)
        if found is None:
            try:
                found = build_index(path)
            except MediaError as exc:
                found = exc
            self._by_path[path] = found
        if isinstance(found, MediaError):
            raise found
        return found

    def built(self) -> list[FrameIndex]:
        """The indexes of every file read so far (not those that failed)."""
        return [i for i in self._by_path.values() if isinstance(i, FrameIndex)]

    def problem(self, item: Item) -> Skipped | None:
        """None when the item's footage can be cut; else why not ("offline" or "unreadable")."""
        if offline(item.source):
            return skip(item, "offline")
        assert item.source is not None
        try:
            self.get(item.source)
        except MediaError as exc:
            return skip(item, "offline") if is_gone(exc) else skip(item, "unreadable", cause(exc))
        return None


def skip(item: Item, reason: str, why: tuple[str, str] = ("", ""),
         at_ms: int | None = None) -> Skipped:
    return Skipped(item.number, item.tag.uuid, item.media_name, reason, why, at_ms)
