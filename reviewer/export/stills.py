"""Evidence stills for the ledger and the deck, grabbed as exact frames from the footage.

A tag's own stills are used when it has them; otherwise its mark (and, for a span, its
middle and end). Footage that is not there yields no still and is reported as offline;
a still that cannot be read from footage that is there is reported on its own, with
its cause, and the tag's other stills are still used.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import cv2

from reviewer.export.common import CancelFlag, ExportOptions, Skipped, check
from reviewer.export.footage import cause, is_gone, offline, skip
from reviewer.export.snapshot import Item
from reviewer.media.errors import MediaError
from reviewer.media.source import FrameSource
from reviewer.redact.model import NO_REGIONS, Regions
from reviewer.redact.pictures import still_filter


def times(item: Item, limit: int) -> list[int]:
    tag = item.tag
    picked = [s.pts_ms for s in tag.stills]
    if not picked:
        picked = [tag.start_ms]
        if tag.end_ms is not None and tag.end_ms > tag.start_ms:
            picked += [(tag.start_ms + tag.end_ms) // 2, tag.end_ms]
    return picked[:max(1, limit)]


@dataclass(frozen=True)
class Stills:
    """A tag's stills as JPEG bytes, and what kept any of them out."""

    images: tuple[bytes, ...]
    problems: tuple[Skipped, ...] = ()
    offline: bool = False  # the footage is not there at all

    def placeholder(self, lang: str) -> str:
        """What stands where the pictures would be, when there are none."""
        en = lang.startswith("en")
        if self.offline:
            return "(footage offline: no still)" if en else "（视频离线，无截图）"
        return "(the frame could not be read: no still)" if en else "（画面无法读取，无截图）"


class DamagedFrame(Exception):
    """The frame at a still's time could not be decoded: no grey placeholder goes in a
    document as if it were evidence (the engine marks such frames, ADR 0007)."""

    cause = ("此帧已损坏，无法解码", "the frame is damaged and cannot be decoded")


class Grabber:
    """Keeps one FrameSource per footage file open while a document is built.

    A file that cannot be opened keeps its error, so its other tags are not retried.
    """

    def __init__(self, max_width: int = 960, quality: int = 85,
                 options: ExportOptions | None = None) -> None:
        self.max_width, self.quality = max_width, quality
        self._sources: dict[Path, FrameSource | MediaError] = {}
        # Redacted or marked unredacted (#15), by the export's choice.
        self._filter = still_filter(options.redact, options.redact_style) if options else None

    def jpeg(self, path: Path, t_ms: int, regions: Regions = NO_REGIONS) -> bytes:
        """The frame on screen at ``t_ms`` as JPEG, redacted as chosen; raises MediaError,
        or DamagedFrame when that frame could not be decoded."""
        frame = self._source(path).frame_at_ms(t_ms)
        if frame.damaged:
            raise DamagedFrame()
        image = frame.to_bgr(self.max_width)
        if self._filter is not None:
            image = self._filter(regions, frame.pts_ms, image, frame.to_bgr())
        ok, data = cv2.imencode(".jpg", image, [cv2.IMWRITE_JPEG_QUALITY, self.quality])
        if not ok:
            raise ValueError("JPEG encoding failed")  # only for an empty image: a bug
        return data.tobytes()

    def _source(self, path: Path) -> FrameSource:
        found = self._sources.get(path)
        if found is None:
            try:
                found = FrameSource(path, prefetch=False)
            except MediaError as exc:
                found = exc
            self._sources[path] = found
        if isinstance(found, MediaError):
            raise found
        return found

    def for_item(self, item: Item, limit: int, flag: CancelFlag | None = None) -> Stills:
        if offline(item.source):
            return Stills((), (skip(item, "no_still"),), offline=True)
        assert item.source is not None
        images, problems = [], []
        for t in times(item, limit):
            check(flag)
            try:
                images.append(self.jpeg(item.source, t, item.regions))
            except DamagedFrame as exc:
                problems.append(skip(item, "still_unreadable", exc.cause, at_ms=t))
            except MediaError as exc:
                if is_gone(exc):  # unplugged while we read: offline after all
                    return Stills(tuple(images), (skip(item, "no_still"),), offline=True)
                problems.append(skip(item, "still_unreadable", cause(exc), at_ms=t))
        return Stills(tuple(images), tuple(problems))

    def close(self) -> None:
        for source in self._sources.values():
            if isinstance(source, FrameSource):
                source.close()
        self._sources.clear()

    def __enter__(self) -> Grabber:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()
