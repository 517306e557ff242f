"""The show: the editor's playlist (or a filter) as the reel would cut it, to be played live.

Built from the reel's own plan (``export.plan.reel``), so the slides, their order, the
title cards' words and the lower thirds are the reel's; each clip's first and last
frames come from the same ``plan.ends`` the exact clips use. Nothing here decodes.
"""

from __future__ import annotations

from dataclasses import dataclass

from reviewer.export import plan, video
from reviewer.export.common import ExportOptions
from reviewer.export.plan import Segment, Span
from reviewer.export.snapshot import Item, Snapshot


@dataclass(frozen=True)
class Slide:
    """A title card (``span`` None) or one problem's clip, where the reel has it."""

    number: int  # 1-based place in the show
    start_ms: int  # on the reel
    duration_ms: int
    title: str = ""
    span: Span | None = None
    lower_third: str = ""  # the reel's burnt-in text, drawn live over the picture

    @property
    def item(self) -> Item | None:
        return None if self.span is None else self.span.item

    @property
    def is_title(self) -> bool:
        return self.span is None

    def ends(self, options: ExportOptions) -> tuple[int, int]:
        """The times whose frames on screen are the clip's first and last (as exports cut it)."""
        assert self.span is not None
        return plan.ends(self.span.item, options)


@dataclass(frozen=True)
class Show:
    slides: tuple[Slide, ...]
    offline: tuple[Item, ...]  # selected problems whose footage is not here

    @property
    def clips(self) -> tuple[Slide, ...]:
        return tuple(s for s in self.slides if not s.is_title)


def show(snapshot: Snapshot, options: ExportOptions) -> Show:
    segments = plan.reel(snapshot, options)
    slides = tuple(_slide(n, s, options) for n, s in enumerate(segments, start=1))
    return Show(slides, tuple(i for i in snapshot.items if not i.online))


def _slide(number: int, segment: Segment, options: ExportOptions) -> Slide:
    span = segment.span
    words = video.lower_third_text(span) if span is not None and options.lower_third else ""
    return Slide(number, segment.start_ms, segment.duration_ms, segment.title, span, words)


def next_clip(slides: tuple[Slide, ...], after: int) -> Slide | None:
    """The first clip after slide index ``after`` (0-based), for the presenter's "next"."""
    return next((s for s in slides[after + 1:] if not s.is_title), None)
