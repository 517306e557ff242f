"""What is known about one file's damaged frames, and which of its GOPs need one decoder thread.

A frame the decoder flags corrupt is damaged. The frames decoded after it in
its GOP may be predicted from it, and FFmpeg's error concealment rewrites
the damaged picture after frame threads may already have read parts of it,
so what those frames look like depends on thread timing. Such a GOP is
therefore decoded again with a single thread, which gives the same pixels
every time, the ffmpeg CLI's with ``-threads 1`` (docs/adr/0007).
"""

from __future__ import annotations

import threading

import numpy as np

from reviewer.media.index import FrameIndex, ranges


class DamageLog:
    """Damaged frames (display indices) and the keyframes of GOPs to decode single-threaded."""

    def __init__(self, index: FrameIndex) -> None:
        self.index = index
        self._frames = {i for a, b in index.damaged for i in range(a, b + 1)}
        self._slow: set[int] = set()
        self._lock = threading.Lock()

    def __contains__(self, i: int) -> bool:
        return i in self._frames

    def mark(self, i: int) -> None:
        with self._lock:
            self._frames.add(i)

    def ranges(self) -> list[tuple[int, int]]:
        with self._lock:
            found = sorted(self._frames)
        return list(ranges(np.asarray(found, dtype=np.int64)))

    def slow(self, key: int) -> bool:
        """True if the GOP of keyframe ``key`` holds a damaged frame found by a threaded run."""
        return self.index.keyframe_at_or_before(key) in self._slow

    def corrupt(self, c: int) -> np.ndarray:
        """Frame ``c`` came out corrupt from a threaded run: the frames now in doubt."""
        with self._lock:
            self._frames.add(c)
            self._slow.add(self.index.keyframe_at_or_before(c))
        return self.index.decoded_after(c)
