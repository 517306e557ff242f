"""Evidence stills for the ledger and the deck, grabbed as exact frames from the footage.

A tag's own stills are used when it has them; otherwise its mark (and, for a span, its
middle and end). Offline footage yields no still; the caller reports it.
"""

from __future__ import annotations

from pathlib import Path

import cv2

from reviewer.export.common import CancelFlag, ExportOptions, check
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


class Grabber:
    """Keeps one FrameSource per footage file open while a document is built."""

    def __init__(self, max_width: int = 960, quality: int = 85,
                 options: ExportOptions | None = None) -> None:
        self.max_width, self.quality = max_width, quality
        self._sources: dict[Path, FrameSource] = {}
        # Redacted or marked unredacted (#15), by the export's choice.
        self._filter = still_filter(options.redact, options.redact_style) if options else None

    def jpeg(self, path: Path, t_ms: int, regions: Regions = NO_REGIONS) -> bytes | None:
        try:
            source = self._sources.get(path)
            if source is None:
                source = self._sources[path] = FrameSource(path, prefetch=False)
            frame = source.frame_at_ms(t_ms)
            image = frame.to_bgr(self.max_width)
            if self._filter is not None:
                image = self._filter(regions, frame.pts_ms, image, frame.to_bgr())
        except MediaError:
            return None
        ok, data = cv2.imencode(".jpg", image, [cv2.IMWRITE_JPEG_QUALITY, self.quality])
        return data.tobytes() if ok else None

    def for_item(self, item: Item, limit: int, flag: CancelFlag | None = None) -> list[bytes]:
        if item.source is None:
            return []
        found = []
        for t in times(item, limit):
            check(flag)
            data = self.jpeg(item.source, t, item.regions)
            if data:
                found.append(data)
        return found

    def close(self) -> None:
        for source in self._sources.values():
            source.close()
        self._sources.clear()

    def __enter__(self) -> Grabber:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()
