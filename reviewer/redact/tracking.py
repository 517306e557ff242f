"""Faces over a stretch of footage: detect on a stride, look closer where it changes,
link the detections into tracks.

The model runs on every ``stride``-th frame. Where two such frames disagree (a face came
or went, or moved far), the frames between them, kept since the last detection, are
halved until the change is pinned to one frame. Detections are then linked into tracks
by position; a track's box is interpolated between its detections and bridged over short
misses (see ``model.Track.box_at``).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass

from reviewer.redact.detector import Detector, Face
from reviewer.redact.frames import FrameRef
from reviewer.redact.model import BRIDGE_MS, Box, Sample

STRIDE = 8
Check = Callable[[], None]


@dataclass(frozen=True)
class Found:
    """The faces the model found on one frame (possibly none)."""

    index: int
    t_ms: int
    faces: tuple[Face, ...]


class Scan:
    """Runs the detector over frames in order; ``found`` holds every frame it looked at."""

    def __init__(self, detector: Detector, stride: int = STRIDE, width: int | None = None,
                 check: Check | None = None) -> None:
        self.detector = detector
        self.stride = max(1, stride)
        self.width = width or detector.input_width
        self.found: list[Found] = []
        self._last: Found | None = None
        self._check = check or (lambda: None)

    def run(self, frames: Iterable[FrameRef]) -> list[Found]:
        pending: list[FrameRef] = []  # frames since the last detection, that one first
        last: FrameRef | None = None
        for n, ref in enumerate(frames):
            last = ref
            pending.append(ref)
            if n % self.stride == 0:
                self._key(pending)
                pending = [ref]
        if last is not None and len(pending) > 1:
            self._key(pending)
        return sorted(self.found, key=lambda f: f.index)

    def _key(self, pending: list[FrameRef]) -> None:
        self._check()
        found = self._detect(pending[-1])
        if self._last is not None and len(pending) > 1:
            self._refine(pending, self._last, found)
        self.found.append(found)
        self._last = found

    def _detect(self, ref: FrameRef) -> Found:
        faces = self.detector.detect(ref.small(self.width))
        return Found(ref.index, ref.t_ms, tuple(faces))

    def _refine(self, frames: Sequence[FrameRef], a: Found, b: Found) -> None:
        """Halve the frames strictly between ``a`` and ``b`` while their faces disagree."""
        inner = frames[1:-1]
        if not inner or agree(a.faces, b.faces):
            return
        mid = len(frames) // 2
        self._check()
        m = self._detect(frames[mid])
        self.found.append(m)
        self._refine(frames[: mid + 1], a, m)
        self._refine(frames[mid:], m, b)


def agree(a: Sequence[Face], b: Sequence[Face]) -> bool:
    """Same faces at about the same places (nothing to look closer at in between)."""
    if len(a) != len(b):
        return False
    unused = list(b)
    for face in a:
        match = next((f for f in unused if _near(face.box, f.box, 0.5)), None)
        if match is None:
            return False
        unused.remove(match)
    return True


def _near(a: Box, b: Box, share: float) -> bool:
    (ax, ay), (bx, by) = a.centre(), b.centre()
    reach = max(a.w, a.h, b.w, b.h) * share
    return abs(ax - bx) <= reach and abs(ay - by) <= reach


def link(found: Sequence[Found]) -> list[tuple[Sample, ...]]:
    """Detections in time order → tracks (each a run of samples of one face)."""
    tracks: list[list[Sample]] = []
    for frame in sorted(found, key=lambda f: f.t_ms):
        open_ = [t for t in tracks if frame.t_ms - t[-1].t_ms <= BRIDGE_MS]
        for face in sorted(frame.faces, key=lambda f: -f.score):
            best = _closest(open_, face.box)
            sample = Sample(frame.t_ms, face.box, "detect")
            if best is None:
                tracks.append([sample])
            else:
                best.append(sample)
                open_.remove(best)
    return [tuple(t) for t in tracks]


def _closest(tracks: list[list[Sample]], box: Box) -> list[Sample] | None:
    """The open track whose last box is nearest ``box``, if near enough to be that face."""
    near = [t for t in tracks if _near(t[-1].box, box, 0.8) or t[-1].box.iou(box) > 0.2]
    if not near:
        return None
    cx, cy = box.centre()
    return min(near, key=lambda t: (t[-1].box.centre()[0] - cx) ** 2 +
               (t[-1].box.centre()[1] - cy) ** 2)
