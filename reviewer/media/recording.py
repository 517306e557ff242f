"""Several chunk files of one recording (cameras split at 4 GB) as one continuous timeline.

Chunk k starts where chunk k-1's last frame ends, so times and frame
numbers run on across files; each chunk keeps its own index and decoder
and they share one memory budget.
"""

from __future__ import annotations

import bisect
import dataclasses
from collections.abc import Iterable, Sequence
from pathlib import Path

import numpy as np

from reviewer.media.cache import FrameCache
from reviewer.media.frame import Frame
from reviewer.media.source import FrameSource


class Recording:
    """Frame-exact access across ``paths`` in order; same calls as FrameSource."""

    def __init__(
        self, paths: Sequence[str | Path], cache: FrameCache | None = None, prefetch: bool = True
    ) -> None:
        if not paths:
            raise ValueError("a recording needs at least one file")
        self.cache = cache if cache is not None else FrameCache()
        self.sources: list[FrameSource] = []
        try:
            for path in paths:
                self.sources.append(FrameSource(path, cache=self.cache, prefetch=prefetch))
        except BaseException:
            self.close()
            raise
        self._first_frame = _running_sum(len(s) for s in self.sources)
        self._first_ms = _running_sum(s.duration_ms for s in self.sources)
        self.position = 0

    def __len__(self) -> int:
        return self._first_frame[-1] + len(self.sources[-1])

    @property
    def duration_ms(self) -> int:
        return self._first_ms[-1] + self.sources[-1].duration_ms

    def frame_times_ms(self) -> np.ndarray:
        """Start of every frame on the shared timeline, in ms."""
        return np.concatenate(
            [s.index.ms + first for s, first in zip(self.sources, self._first_ms, strict=True)]
        )

    def locate(self, i: int) -> tuple[int, int]:
        """(chunk, index within the chunk) of global frame ``i``."""
        chunk = bisect.bisect_right(self._first_frame, i) - 1
        return chunk, i - self._first_frame[chunk]

    def frame(self, i: int) -> Frame:
        i = min(max(i, 0), len(self) - 1)
        chunk, local = self.locate(i)
        frame = self.sources[chunk].frame(local)
        self.position = i
        return dataclasses.replace(
            frame, index=i, pts_ms=frame.pts_ms + self._first_ms[chunk], chunk=chunk
        )

    def frame_at_ms(self, t_ms: float) -> Frame:
        chunk = max(0, bisect.bisect_right(self._first_ms, t_ms) - 1)
        local = self.sources[chunk].index.index_at_ms(t_ms - self._first_ms[chunk])
        return self.frame(self._first_frame[chunk] + local)

    def step(self, delta: int = 1) -> Frame:
        return self.frame(self.position + delta)

    def damaged_ranges(self) -> list[tuple[int, int]]:
        """Frames known not to decode, as (first, last) runs on the shared timeline."""
        return [
            (a + first, b + first)
            for source, first in zip(self.sources, self._first_frame, strict=True)
            for a, b in source.damaged_ranges()
        ]

    def close(self) -> None:
        for source in self.sources:
            source.close()

    def __enter__(self) -> Recording:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


def _running_sum(values: Iterable[int]) -> list[int]:
    out, total = [], 0
    for v in values:
        out.append(total)
        total += int(v)
    return out
