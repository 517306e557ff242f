"""Pinning a typed time to the frame on screen, exactly as the review window does.

The window tags ``times_ms[index_at(t)]``: the start of the last frame starting at or
before ``t``, from the footage's own timestamps. A headless tag or an imported one goes
through the same frame index, so it reopens on the same frame in the window.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from reviewer.store.errors import FootageOfflineError, PastEndError
from reviewer.store.model import Media
from reviewer.timecode import GotoTarget, format_ms

if TYPE_CHECKING:
    from reviewer.media.index import FrameIndex
    from reviewer.store.project import Project


@dataclass(frozen=True)
class Pinned:
    """The frame a time fell on: its display index, start (ms) and stream pts."""

    index: int
    start_ms: int
    pts: int


class FrameTimes:
    """The frame start times of one footage file (``name`` is how errors call it)."""

    def __init__(self, name: str, index: FrameIndex) -> None:
        self.name, self.index = name, index

    @classmethod
    def of(cls, project: Project, media: Media) -> FrameTimes:
        from reviewer.media.index import build_index  # demuxing needs PyAV: only when asked

        path = project.locate(media)
        if path is None:
            raise FootageOfflineError(media.name)
        return cls(media.name, build_index(path))

    @property
    def end_ms(self) -> int:
        """Where the footage ends: the last frame's start plus its duration (as probe says)."""
        return self.index.total_ms

    def pin(self, target: GotoTarget) -> Pinned:
        """The frame shown at ``target`` (a time from 0 to the end, or a frame number)."""
        if target.frame is not None:
            if target.frame >= len(self.index):
                raise PastEndError(self.name,
                                   f"没有第 {target.frame} 帧（共 {len(self.index)} 帧，从 0 数起）",
                                   f"there is no frame {target.frame} ({len(self.index)} frames, "
                                   f"counted from 0)")
            i = target.frame
        else:
            at = target.ms or 0
            if at > self.end_ms:
                raise PastEndError(self.name,
                                   f"{format_ms(at)} 超出视频长度（{format_ms(self.end_ms)}）",
                                   f"{format_ms(at)} is past the end ({format_ms(self.end_ms)})")
            i = self.index.index_at_ms(at)
        return Pinned(i, int(self.index.ms[i]), int(self.index.pts[i]))
