"""Redaction domain objects: boxes, tracks of boxes over footage time, coverage, sign-off.

Boxes are in the footage's display picture (after rotation) as shares of its width and
height, so one track redacts a 1080p clip, a 720p reel and a 480 px still alike. Times
are integer ms from the first frame, like tags.
"""

from __future__ import annotations

import bisect
from dataclasses import dataclass
from functools import cached_property
from typing import Literal

Kind = Literal["face", "manual"]
Source = Literal["detect", "key", "track"]
Style = Literal["mosaic", "blur"]
KINDS: tuple[Kind, ...] = ("face", "manual")
SOURCES: tuple[Source, ...] = ("detect", "key", "track")
STYLES: tuple[Style, ...] = ("mosaic", "blur")
UNCHECKED, CHECKED = "unchecked", "checked"

# Between two detections of one face the box is interpolated; a longer gap (the face
# turned away, walked behind someone) is bridged up to this long, beyond it the track ends.
BRIDGE_MS = 1500
# A face box is held this long past its first and last detection: a face entering the
# frame is detected a few frames late at best.
HOLD_MS = 200
MOTION_MS = 80
# The detector's box hugs the face: grown by this share on every side, hair and ears go too.
FACE_PAD = 0.2
# The tracker's box wanders a little around a region drawn by hand.
MANUAL_PAD = 0.12


@dataclass(frozen=True)
class Box:
    """A rectangle as shares of the picture: (x, y) its top-left corner, w and h its size."""

    x: float
    y: float
    w: float
    h: float

    @classmethod
    def from_pixels(cls, x0: float, y0: float, x1: float, y1: float, width: int,
                    height: int) -> Box:
        return cls(x0 / width, y0 / height, (x1 - x0) / width, (y1 - y0) / height).clamped()

    def clamped(self) -> Box:
        x0, y0 = min(max(self.x, 0.0), 1.0), min(max(self.y, 0.0), 1.0)
        x1, y1 = min(max(self.x + self.w, 0.0), 1.0), min(max(self.y + self.h, 0.0), 1.0)
        return Box(x0, y0, max(0.0, x1 - x0), max(0.0, y1 - y0))

    def pixels(self, width: int, height: int) -> tuple[int, int, int, int]:
        """(x0, y0, x1, y1) in a picture of that size, rounded outwards, inside the picture."""
        x0 = max(0, int(self.x * width))
        y0 = max(0, int(self.y * height))
        x1 = min(width, -int(-(self.x + self.w) * width // 1))
        y1 = min(height, -int(-(self.y + self.h) * height // 1))
        return x0, y0, max(x0, x1), max(y0, y1)

    def padded(self, share: float) -> Box:
        """Grown by ``share`` of its size on every side (a detector's box hugs the face)."""
        dx, dy = self.w * share, self.h * share
        return Box(self.x - dx, self.y - dy, self.w + 2 * dx, self.h + 2 * dy).clamped()

    def lerp(self, other: Box, f: float) -> Box:
        return Box(self.x + (other.x - self.x) * f, self.y + (other.y - self.y) * f,
                   self.w + (other.w - self.w) * f, self.h + (other.h - self.h) * f)

    def union(self, other: Box) -> Box:
        x0, y0 = min(self.x, other.x), min(self.y, other.y)
        x1 = max(self.x + self.w, other.x + other.w)
        y1 = max(self.y + self.h, other.y + other.h)
        return Box(x0, y0, x1 - x0, y1 - y0)

    def iou(self, other: Box) -> float:
        inter = self.overlap(other)
        total = self.w * self.h + other.w * other.h - inter
        return inter / total if total > 0 else 0.0

    def overlap(self, other: Box) -> float:
        w = min(self.x + self.w, other.x + other.w) - max(self.x, other.x)
        h = min(self.y + self.h, other.y + other.h) - max(self.y, other.y)
        return max(0.0, w) * max(0.0, h)

    def covers(self, other: Box, share: float = 0.9) -> bool:
        """True if at least ``share`` of ``other``'s area lies inside this box."""
        area = other.w * other.h
        return area > 0 and self.overlap(other) >= share * area

    def centre(self) -> tuple[float, float]:
        return self.x + self.w / 2, self.y + self.h / 2


@dataclass(frozen=True)
class Sample:
    """Where a track's box is at one frame, and how that was known."""

    t_ms: int
    box: Box
    source: Source = "detect"


@dataclass(frozen=True)
class Track:
    """One face or one manually marked object followed over footage time.

    ``keep`` marks the problem itself (a shop sign, the rubbish heap): shown, never
    mosaicked. A deleted track (a false detection) is a tombstone, so merges neither
    lose the deletion nor bring the box back.
    """

    id: str
    tag_uuid: str
    media_id: str
    kind: Kind
    samples: tuple[Sample, ...]
    keep: bool = False
    created_at: str = ""
    created_by: str = ""
    updated_at: str = ""
    updated_by: str = ""
    revision: int = 1
    deleted_at: str | None = None
    deleted_by: str | None = None

    @property
    def deleted(self) -> bool:
        return self.deleted_at is not None

    @property
    def redacts(self) -> bool:
        return not self.deleted and not self.keep and bool(self.samples)

    @property
    def first_ms(self) -> int:
        return self.samples[0].t_ms if self.samples else 0

    @property
    def last_ms(self) -> int:
        return self.samples[-1].t_ms if self.samples else 0

    @property
    def keys(self) -> tuple[Sample, ...]:
        """The boxes a person drew or corrected (manual regions)."""
        return tuple(s for s in self.samples if s.source == "key")

    @cached_property
    def _times(self) -> list[int]:
        return [s.t_ms for s in self.samples]

    def box_at(self, t_ms: float) -> Box | None:
        """The box on the frame at ``t_ms``: interpolated, bridged, held; None if absent."""
        times = self._times
        i = bisect.bisect_right(times, t_ms)
        if i == 0:
            return self.samples[0].box if self.samples and times[0] - t_ms <= HOLD_MS else None
        before = self.samples[i - 1]
        if i == len(times):
            return before.box if t_ms - before.t_ms <= HOLD_MS else None
        after = self.samples[i]
        gap = after.t_ms - before.t_ms
        if gap > BRIDGE_MS:
            near = before if t_ms - before.t_ms <= after.t_ms - t_ms else after
            return near.box if abs(t_ms - near.t_ms) <= HOLD_MS else None
        f = (t_ms - before.t_ms) / gap if gap else 0.0
        if before.source != "detect" or after.source != "detect":
            return before.box.lerp(after.box, f)
        # A face does not move in a straight line between two detections: cover the
        # stretch of its path around the straight-line guess.
        spread = min(0.5, MOTION_MS / gap) if gap else 0.0
        return before.box.lerp(after.box, max(0.0, f - spread)).union(
            before.box.lerp(after.box, min(1.0, f + spread)))


@dataclass(frozen=True)
class Pass:
    """A stretch of footage the detector has looked at (found faces or not)."""

    media_id: str
    from_ms: int  # the start of the first frame looked at
    to_ms: int  # the end of the last one: the pass covers [from_ms, to_ms)
    tag_uuid: str = ""
    at: str = ""
    by: str = ""


@dataclass(frozen=True)
class SignOff:
    """A tag's redaction review: 未检查 until someone checked every region of its pictures."""

    tag_uuid: str
    state: str = UNCHECKED
    by: str = ""
    at: str = ""

    @property
    def checked(self) -> bool:
        return self.state == CHECKED


@dataclass(frozen=True)
class Regions:
    """Everything an export needs to redact one footage file: its tracks and coverage."""

    media_id: str
    tracks: tuple[Track, ...] = ()
    passes: tuple[Pass, ...] = ()

    def boxes_at(self, t_ms: float) -> list[Box]:
        found = []
        for track in self.tracks:
            if track.redacts and track.first_ms - HOLD_MS <= t_ms <= track.last_ms + HOLD_MS:
                box = track.box_at(t_ms)
                if box is not None:
                    found.append(box.padded(FACE_PAD if track.kind == "face" else MANUAL_PAD))
        return found

    def covered(self, from_ms: int, to_ms: int) -> bool:
        """True if detection has looked at every frame shown in [from_ms, to_ms)."""
        return not self.uncovered(from_ms, to_ms)

    def uncovered(self, from_ms: int, to_ms: int) -> list[tuple[int, int]]:
        """The parts of [from_ms, to_ms) no detection pass has looked at."""
        gaps, at = [], from_ms
        for p in sorted(self.passes, key=lambda p: p.from_ms):
            if p.to_ms <= at:
                continue
            if p.from_ms > at:
                gaps.append((at, min(p.from_ms, to_ms)))
            at = max(at, p.to_ms)
            if at >= to_ms:
                break
        if at < to_ms:
            gaps.append((at, to_ms))
        return [g for g in gaps if g[0] < g[1]]

    def with_tracks(self, extra: tuple[Track, ...], passes: tuple[Pass, ...] = ()) -> Regions:
        return Regions(self.media_id, self.tracks + extra, self.passes + passes)


NO_REGIONS = Regions("")
