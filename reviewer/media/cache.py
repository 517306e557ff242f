"""A memory-capped store of decoded frames, evicting those farthest from where the user is.

Pictures are kept as I420 (half the size of BGR) and converted only when
shown; see docs/adr/0001.
"""

from __future__ import annotations

import threading
from collections.abc import Hashable, Iterable

from reviewer.media.frame import Picture

# 320 MB of I420 holds ~100 frames of 1080p: two back-step windows of ~48. Measured peak RSS
# with a full cache stays under 600 MB (benchmarks/media_bench.py).
DEFAULT_CAP_BYTES = 320 * 1024 * 1024

Key = tuple[Hashable, int]


class FrameCache:
    """Decoded frames keyed by (owner, display index), at most ``cap_bytes`` of pixels."""

    def __init__(self, cap_bytes: int = DEFAULT_CAP_BYTES) -> None:
        self.cap_bytes = cap_bytes
        self._frames: dict[Key, Picture] = {}
        self._sizes: dict[Key, int] = {}
        self._used = 0
        self._focus: Key = (None, 0)
        self._lock = threading.Lock()

    @property
    def used_bytes(self) -> int:
        return self._used

    def __len__(self) -> int:
        return len(self._frames)

    def get(self, owner: Hashable, index: int) -> Picture | None:
        with self._lock:
            return self._frames.get((owner, index))

    def __contains__(self, key: Key) -> bool:
        with self._lock:
            return key in self._frames

    def focus(self, owner: Hashable, index: int) -> None:
        """Tell the cache where the viewer is: eviction starts farthest from here."""
        self._focus = (owner, index)

    def put(self, owner: Hashable, index: int, video: Picture) -> None:
        size = video.nbytes
        with self._lock:
            key = (owner, index)
            if key in self._frames:
                return
            self._frames[key] = video
            self._sizes[key] = size
            self._used += size
            self._evict_locked(keep=key)

    def _victim(self, keep: Key) -> Key:
        """Another file's frame first; else the lowest or highest index, whichever is farther.

        The farthest frame is always at one end, so two C-level scans replace a
        Python distance per frame (this runs for every frame decoded).
        """
        owner, index = self._focus
        candidates = [k for k in self._frames if k != keep]
        foreign = [k for k in candidates if k[0] != owner]
        if foreign:
            return foreign[0]
        low, high = min(candidates), max(candidates)
        # Ahead counts half a frame farther: keep history (back-steps) over the future.
        return high if high[1] - index + 0.5 >= index - low[1] else low

    def _evict_locked(self, keep: Key) -> None:
        while self._used > self.cap_bytes and len(self._frames) > 1:
            victim = self._victim(keep)
            self._used -= self._sizes.pop(victim)
            del self._frames[victim]

    def discard(self, owner: Hashable, indices: Iterable[int]) -> None:
        """Forget these frames of ``owner`` (they may have been decoded wrong)."""
        with self._lock:
            for key in ((owner, int(i)) for i in indices):
                if key in self._frames:
                    self._used -= self._sizes.pop(key)
                    del self._frames[key]

    def clear(self, owner: Hashable | None = None) -> None:
        with self._lock:
            for key in [k for k in self._frames if owner is None or k[0] == owner]:
                self._used -= self._sizes.pop(key)
                del self._frames[key]

    def contiguous_below(self, owner: Hashable, index: int) -> int:
        """Lowest j such that frames j..index are all cached (index+1 if index is not)."""
        with self._lock:
            j = index
            while (owner, j) in self._frames:
                j -= 1
            return j + 1
