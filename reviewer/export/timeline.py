"""The editor hand-off as a list of events: each clip at its place on a record timeline.

OTIO, FCP7 XML, the CMX3600 EDL and the Resolve marker EDL are all written from these
events, so they agree frame for frame. The record timeline starts at 01:00:00:00, the
broadcast convention that Resolve and Premiere expect.
"""

from __future__ import annotations

from dataclasses import dataclass
from fractions import Fraction

from reviewer.export import plan
from reviewer.export.common import ExportOptions
from reviewer.export.snapshot import Item, Snapshot

START_HOUR_FRAMES_S = 3600


@dataclass(frozen=True)
class Event:
    item: Item
    reel: str  # ASCII, at most 8 characters (CMX3600)
    src_in: int  # frames on the footage, at the timeline rate
    src_out: int  # exclusive
    rec_in: int  # frames from the timeline's start (not counting the 01:00:00:00 offset)
    mark_in: int  # the tag itself, on the footage
    mark_out: int

    @property
    def length(self) -> int:
        return self.src_out - self.src_in

    @property
    def rec_out(self) -> int:
        return self.rec_in + self.length


@dataclass(frozen=True)
class Layout:
    rate: Fraction
    base: int  # frames per timecode second: 25, 30 (for 29.97 NDF), 24...
    start: int  # the record start (01:00:00:00) in frames
    events: tuple[Event, ...]

    @property
    def length(self) -> int:
        return sum(e.length for e in self.events)


def layout(snapshot: Snapshot, options: ExportOptions) -> Layout:
    rate = plan.rate(snapshot.fps)
    base = round(rate)
    reels = _reel_names(snapshot)
    events, at = [], 0
    for item in snapshot.items:
        span = plan.span(item, options)
        src_in, src_out = plan.to_frames(span.in_ms, rate), plan.to_frames(span.out_ms, rate)
        src_out = max(src_out, src_in + 1)
        mark_in = plan.to_frames(span.mark_ms, rate)
        mark_out = max(mark_in + 1, plan.to_frames(span.mark_end_ms, rate))
        events.append(Event(item, reels[item.media_id], src_in, src_out, at, mark_in, mark_out))
        at += src_out - src_in
    return Layout(rate, base, START_HOUR_FRAMES_S * base, tuple(events))


def _reel_names(snapshot: Snapshot) -> dict[str, str]:
    """TAPE001... by first appearance: CJK file names cannot be CMX3600 reel names."""
    names: dict[str, str] = {}
    for item in snapshot.items:
        names.setdefault(item.media_id, f"TAPE{len(names) + 1:03d}")
    return names


def timecode(frames: int, base: int) -> str:
    """Non-drop-frame timecode (29.97 is counted at 30 per second, as FCM: NON-DROP says)."""
    frames = max(0, frames)
    seconds, ff = divmod(frames, base)
    minutes, ss = divmod(seconds, 60)
    hh, mm = divmod(minutes, 60)
    return f"{hh:02d}:{mm:02d}:{ss:02d}:{ff:02d}"


def ntsc(rate: Fraction) -> bool:
    return rate.denominator == 1001
