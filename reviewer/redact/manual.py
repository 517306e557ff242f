"""Manual regions follow their object: OpenCV's MIL tracker carries each drawn (or
corrected) box forward to the next key and, from the first key, back to the span's start.

MIL is the tracker OpenCV 5's main build ships (CSRT and KCF need the contrib build);
measured at 20-28 ms per frame per region on 1080p footage scaled to ``TRACK_WIDTH``
(docs/adr/0014-redaction.md). Frames are decoded once and kept small and grey.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from pathlib import Path

import cv2
import numpy as np

from reviewer.media.index import FrameIndex, build_index
from reviewer.redact.frames import walk
from reviewer.redact.model import Box, Sample

TRACK_WIDTH = 480
Check = Callable[[], None]
Progress = Callable[[int, int], None]


def follow(path: Path, keys: Sequence[Sample], from_ms: int, to_ms: int,
           check: Check | None = None, progress: Progress | None = None,
           index: FrameIndex | None = None) -> tuple[Sample, ...]:
    """The keys plus a tracked box on every other frame of [from_ms, to_ms] it can follow."""
    index = index or build_index(path)
    first, last = index.index_at_ms(from_ms), index.index_at_ms(to_ms)
    times, frames = [], []
    for ref in walk(path, index, first, last):
        if check is not None:
            check()
        times.append(ref.t_ms)
        frames.append(ref.gray(TRACK_WIDTH))
        if progress is not None:
            progress(len(frames), 2 * (last - first + 1))
    return track_frames(times, frames, keys)


def track_frames(times: Sequence[int], frames: Sequence[np.ndarray],
                 keys: Sequence[Sample]) -> tuple[Sample, ...]:
    """Tracked samples over decoded frames (``times[i]`` is when ``frames[i]`` starts)."""
    if not frames or not keys:
        return tuple(keys)
    ordered = sorted(keys, key=lambda s: s.t_ms)
    at = [_position(times, k.t_ms) for k in ordered]
    found: dict[int, Sample] = {}
    for n, (key, i) in enumerate(zip(ordered, at, strict=True)):
        stop = at[n + 1] if n + 1 < len(at) else len(frames)
        found.update(_run(times, frames, key.box, i, range(i + 1, stop)))
    found.update(_run(times, frames, ordered[0].box, at[0], range(at[0] - 1, -1, -1)))
    for key, i in zip(ordered, at, strict=True):
        found[i] = Sample(times[i], key.box, "key")
    return tuple(found[i] for i in sorted(found))


def _position(times: Sequence[int], t_ms: int) -> int:
    i = int(np.searchsorted(np.asarray(times), t_ms, side="right")) - 1
    return min(max(i, 0), len(times) - 1)


def _run(times: Sequence[int], frames: Sequence[np.ndarray], box: Box, start: int,
         steps: range) -> dict[int, Sample]:
    height, width = frames[start].shape[:2]
    x0, y0, x1, y1 = box.pixels(width, height)
    if x1 - x0 < 4 or y1 - y0 < 4:
        return {}
    tracker = cv2.TrackerMIL.create()
    tracker.init(frames[start], (x0, y0, x1 - x0, y1 - y0))
    out = {}
    for i in steps:
        ok, (x, y, w, h) = tracker.update(frames[i])
        if not ok:
            break  # lost it: the reviewer sees where the region ends and adds a key
        out[i] = Sample(times[i], Box.from_pixels(x, y, x + w, y + h, width, height), "track")
    return out
