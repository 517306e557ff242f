"""Decoded frames of one stretch of footage, in display order, with their exact times.

A detection pass and a redacted export both walk [first, last] once with the media
engine's decoder; pictures are made from a frame only when something asks for them.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

import av.video.frame
import cv2
import numpy as np

from reviewer.media.decoder import Decoder
from reviewer.media.frame import Picture, normalise_rotation, rotate
from reviewer.media.index import FrameIndex


@dataclass(eq=False)
class FrameRef:
    """One decoded frame; ``small`` and ``picture`` convert it on first use."""

    index: int
    t_ms: int
    video: av.video.frame.VideoFrame = field(repr=False)

    @property
    def rotation(self) -> int:
        return normalise_rotation(self.video.rotation)

    def display_size(self) -> tuple[int, int]:
        w, h = self.video.width, self.video.height
        return (h, w) if self.rotation in (90, 270) else (w, h)

    def small(self, width: int) -> np.ndarray:
        """BGR display picture at most ``width`` wide (one swscale pass, then the rotation)."""
        w, h = self.video.width, self.video.height
        factor = min(1.0, width / h) if self.rotation in (90, 270) else min(1.0, width / w)
        size = (max(2, round(w * factor / 2) * 2), max(2, round(h * factor / 2) * 2))
        image = self.video.reformat(width=size[0], height=size[1], format="bgr24").to_ndarray()
        return rotate(image, self.rotation)

    def gray(self, width: int) -> np.ndarray:
        return cv2.cvtColor(self.small(width), cv2.COLOR_BGR2GRAY)

    def picture(self) -> Picture:
        return Picture.from_video(self.video)


def walk(path: Path, index: FrameIndex, first: int, last: int,
         threads: str = "AUTO") -> Iterator[FrameRef]:
    """Frames ``first``..``last`` (display indices) in order; a damaged frame is left out."""
    first = max(0, first)
    last = min(last, len(index) - 1)
    if last < first:
        return
    decoder = Decoder(path, index, threads)
    try:
        for i, video in decoder.run(index.keyframe_at_or_before(first), first):
            if i > last:
                break
            if i >= first:
                yield FrameRef(i, int(index.ms[i]), video)
    finally:
        decoder.close()
