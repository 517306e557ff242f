"""Manual regions follow their object: each drawn (or corrected) box is carried forward to
the next key and, from the first key, back to the span's start.

The tracker is normalised cross-correlation (OpenCV's ``matchTemplate``) around the last
position at three scales, with a template that blends the drawn box and the last match.
OpenCV 5's main build offers only MIL among classic trackers (CSRT and KCF need the
contrib build): on the test clip MIL took 20-28 ms a frame and was not repeatable (its
box drifted to IoU 0.23 in one run of four); this takes about 1 ms and gave IoU > 0.99
(docs/adr/0014-redaction.md). When the match gets weak the region ends there, visibly,
and the reviewer adds a key.
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
    follower = _Follower(frames[start], (x0, y0, x1 - x0, y1 - y0))
    out = {}
    for i in steps:
        found = follower.update(frames[i])
        if found is None:
            break  # lost it: the reviewer sees where the region ends and adds a key
        x, y, w, h = found
        out[i] = Sample(times[i], Box.from_pixels(x, y, x + w, y + h, width, height), "track")
    return out


class _Follower:
    """Template matching near the last position, allowing the object to grow or shrink."""

    def __init__(self, frame: np.ndarray, rect: tuple[int, int, int, int]) -> None:
        x, y, w, h = rect
        self._first = frame[y:y + h, x:x + w].astype(np.float32)
        self._template = self._first
        self.rect = rect

    def update(self, frame: np.ndarray) -> tuple[int, int, int, int] | None:
        best = max((m for m in (self._match(frame, s) for s in _SCALES) if m is not None),
                   default=None)
        if best is None or best[0] < _MIN_SCORE:
            return None
        self.rect = best[1]
        x, y, w, h = self.rect
        # Half the drawn object, half its latest look: follows slow change without drifting.
        patch = frame[y:y + h, x:x + w].astype(np.float32)
        self._template = 0.5 * cv2.resize(self._first, (w, h)) + 0.5 * patch
        return self.rect

    def _match(self, frame: np.ndarray, scale: float) -> tuple[float, tuple[int, ...]] | None:
        x, y, w, h = self.rect
        tw, th = max(4, round(w * scale)), max(4, round(h * scale))
        fh, fw = frame.shape[:2]
        sx0, sy0 = max(0, x - tw), max(0, y - th)
        sx1, sy1 = min(fw, x + w + tw), min(fh, y + h + th)
        region = frame[sy0:sy1, sx0:sx1].astype(np.float32)
        if region.shape[0] < th or region.shape[1] < tw:
            return None
        scores = cv2.matchTemplate(region, cv2.resize(self._template, (tw, th)),
                                   cv2.TM_CCOEFF_NORMED)
        _, score, _, (lx, ly) = cv2.minMaxLoc(scores)
        return float(score), (sx0 + lx, sy0 + ly, tw, th)


_SCALES = (0.95, 1.0, 1.05)
_MIN_SCORE = 0.4
