"""Where each clip starts and ends on its footage and on the reel: one plan for every format.

The editor hand-off, the captions, the clip files and the reel all place a tag the same
way (span plus handles, clamped to the footage, snapped to frames), so a caption or a
marker lands on the same frame in each of them.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from fractions import Fraction

from reviewer.campaign.model import VERDICT_LABELS, label
from reviewer.export.common import ExportOptions
from reviewer.export.snapshot import Item, Snapshot


@dataclass(frozen=True)
class Span:
    """A clip on its footage, in ms from the first frame: [in_ms, out_ms)."""

    item: Item
    in_ms: int
    out_ms: int
    mark_ms: int  # the tag's own start (inside the handles)
    mark_end_ms: int  # the tag's own end

    @property
    def duration_ms(self) -> int:
        return self.out_ms - self.in_ms


@dataclass(frozen=True)
class Segment:
    """One piece of the reel: a title card (``span`` None) or a clip."""

    start_ms: int  # on the reel
    duration_ms: int
    title: str = ""
    span: Span | None = None


# Rates an editing suite takes without conforming; CCTV and body cameras use the low ones.
STANDARD_RATES = tuple(Fraction(r) for r in (
    10, 12, Fraction(25, 2), 15, 20, Fraction(24000, 1001), 24, 25, Fraction(30000, 1001),
    30, 48, 50, Fraction(60000, 1001), 60))
_SNAP = 0.03  # a footage rate this close to a standard one is that one (29.58 from a phone)


def rate(fps: float) -> Fraction:
    """The standard rate ``fps`` stands for (29.97 is 30000/1001); an odd one as given."""
    near = nearest_standard(fps)
    if abs(math.log(fps / float(near))) < _SNAP:
        return near
    return Fraction(round(fps * 1000), 1000)


def nearest_standard(fps: float) -> Fraction:
    return min(STANDARD_RATES, key=lambda r: abs(math.log(max(fps, 1e-3) / float(r))))


def to_frames(ms: float, fps: Fraction) -> int:
    return round(Fraction(ms) * fps / 1000)


def frames_to_ms(frames: int, fps: Fraction) -> int:
    return round(Fraction(frames) * 1000 / fps)


def span(item: Item, options: ExportOptions) -> Span:
    """The tag plus handles, clamped to the footage and snapped to the footage's frame grid.

    A range ends after its last frame (the one on screen at ``end_ms``); a point tag runs
    ``point_tag_ms`` from its mark.
    """
    tag = item.tag
    fps = rate(item.fps)
    if ranged(item):
        end = frames_to_ms(to_frames(tag.end_ms or 0, fps) + 1, fps)
    else:
        end = tag.start_ms + options.point_tag_ms
    limit = item.media_duration_ms or end
    start_ms = _snap(tag.start_ms, fps)
    end_ms = _snap(min(end, limit), fps)
    in_ms = max(0, _snap(tag.start_ms - options.handle_before_ms, fps))
    out_ms = min(_snap(limit, fps) if item.media_duration_ms else end_ms,
                 _snap(end + options.handle_after_ms, fps))
    out_ms = max(out_ms, in_ms + frames_to_ms(1, fps))  # never an empty clip
    return Span(item, in_ms, out_ms, max(in_ms, start_ms), min(out_ms, max(end_ms, start_ms)))


def ranged(item: Item) -> bool:
    return item.tag.end_ms is not None and item.tag.end_ms > item.tag.start_ms


def ends(item: Item, options: ExportOptions) -> tuple[int, int]:
    """The times (ms from the first frame) whose frames on screen are a clip's first and last.

    Unlike :func:`span` these are not snapped to a nominal rate: on variable-rate footage
    only the frame index knows which frame shows when.
    """
    tag = item.tag
    last = tag.end_ms if ranged(item) else tag.start_ms + options.point_tag_ms - 1
    return max(0, tag.start_ms - options.handle_before_ms), (last or 0) + options.handle_after_ms


def _snap(ms: float, fps: Fraction) -> int:
    return frames_to_ms(to_frames(ms, fps), fps)


def group_key(item: Item, group_by: str) -> str:
    if group_by == "county":
        return item.county or "（未填县市）"
    if group_by == "category":
        return item.category
    return ""


def before_after(snapshot: Snapshot, options: ExportOptions, start_ms: int) -> list[Segment]:
    """The reel's "上期问题整改情况": for each re-check made in the round, a card naming the
    place and the verdict, the earlier clip (before), then the re-check's clip (after)."""
    part = snapshot.campaign
    pairs = [p for p in (part.pairs if part else ()) if p.earlier.online and p.later.online]
    if not pairs:
        return []
    en = options.lang.startswith("en")
    segments = [Segment(start_ms, options.title_card_ms,
                        title="Earlier problems: before / after" if en else "上期问题整改情况")]
    at = start_ms + options.title_card_ms
    for pair in pairs:
        place = pair.earlier.tag.place or pair.earlier.county
        verdict = label(VERDICT_LABELS, pair.verdict, options.lang)
        card = f"{place}\nbefore → {verdict}" if en else f"{place}\n整改前 → 复查：{verdict}"
        segments.append(Segment(at, options.title_card_ms, title=card))
        at += options.title_card_ms
        for item in (pair.earlier, pair.later):
            clip = span(item, options)
            segments.append(Segment(at, clip.duration_ms, span=clip))
            at += clip.duration_ms
    return segments


def reel(snapshot: Snapshot, options: ExportOptions, online_only: bool = True) -> list[Segment]:
    """The reel in the editor's order, grouped (groups in order of first appearance)."""
    items = [i for i in snapshot.items if i.online or not online_only]
    groups: dict[str, list[Item]] = {}
    for item in items:
        groups.setdefault(group_key(item, options.group_by), []).append(item)
    segments: list[Segment] = []
    at = 0
    for title, members in groups.items():
        if options.title_cards and title:
            segments.append(Segment(at, options.title_card_ms, title=title))
            at += options.title_card_ms
        for item in members:
            clip = span(item, options)
            segments.append(Segment(at, clip.duration_ms, span=clip))
            at += clip.duration_ms
    return segments
