"""Frame-exact access to one file: the frame at a time, step ±1, seek.

Forward steps continue one sequential decode. Backward steps are served
from a cache filled a window at a time from the previous keyframe, and the
window before it is decoded ahead in the background, so holding ← never
re-seeks per frame (docs/adr/0001-decoding-caching-playback.md).
"""

from __future__ import annotations

import itertools
import threading
from collections.abc import Iterator
from concurrent.futures import Future, ThreadPoolExecutor
from pathlib import Path

from reviewer.media.cache import FrameCache
from reviewer.media.decoder import Decoded, Decoder
from reviewer.media.errors import MediaReadError
from reviewer.media.frame import Frame, Picture
from reviewer.media.index import FrameIndex, build_index
from reviewer.media.memory import tune_allocator
from reviewer.media.paths import check_local_file

# Forward gaps up to this many frames are decoded through rather than seeked.
_FORWARD_REACH = 48
_MIN_WINDOW, _MAX_WINDOW = 8, 120
_ids = itertools.count()


class FrameSource:
    """Exact frames of one video file. Call from one thread; prefetch runs on its own."""

    def __init__(
        self,
        path: str | Path,
        cache: FrameCache | None = None,
        index: FrameIndex | None = None,
        prefetch: bool = True,
    ) -> None:
        self.path = check_local_file(path)
        tune_allocator()
        self.index = index if index is not None else build_index(self.path)
        if len(self.index) == 0:
            raise MediaReadError(self.path, "no frames")
        self.cache = cache if cache is not None else FrameCache()
        self.owner = ("source", next(_ids))
        self.position = 0
        self._decoder = Decoder(self.path, self.index)
        self._run: Iterator[Decoded] | None = None
        self._run_last = -1
        self._frame_bytes = 0
        self._prefetch_enabled = prefetch
        self._pool: ThreadPoolExecutor | None = None
        self._pending: tuple[int, int, Future[None]] | None = None
        self._bg: Decoder | None = None
        self._closed = threading.Event()

    # -- public API -------------------------------------------------------

    def __len__(self) -> int:
        return len(self.index)

    @property
    def duration_ms(self) -> int:
        return self.index.total_ms

    def frame(self, i: int) -> Frame:
        """Exactly frame ``i`` (clamped to the file), and make it the current position."""
        i = min(max(i, 0), len(self.index) - 1)
        self.cache.focus(self.owner, i)
        video = self.cache.get(self.owner, i)
        if video is None:
            video = self._wait_prefetch(i)
        if video is None:
            video = self._decode_to(i)
        backward, self.position = i < self.position, i
        if backward:
            self._maybe_prefetch(i)
        return self._wrap(i, video)

    def frame_at_ms(self, t_ms: float) -> Frame:
        """The frame on screen ``t_ms`` after the first frame starts."""
        return self.frame(self.index.index_at_ms(t_ms))

    def step(self, delta: int = 1) -> Frame:
        return self.frame(self.position + delta)

    @property
    def window(self) -> int:
        """Frames decoded per back-step refill: half of what the cache can hold."""
        if not self._frame_bytes:
            return 32
        fits = self.cache.cap_bytes // self._frame_bytes
        return max(_MIN_WINDOW, min(_MAX_WINDOW, fits // 2 - 2))

    def close(self) -> None:
        self._closed.set()
        if self._pool is not None:
            self._pool.shutdown(wait=True, cancel_futures=True)
        if self._bg is not None:
            self._bg.close()
        self._run = None
        self._decoder.close()
        self.cache.clear(self.owner)

    def __enter__(self) -> FrameSource:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # -- decoding ---------------------------------------------------------

    def _wrap(self, i: int, picture: Picture) -> Frame:
        return Frame(
            index=i,
            pts=int(self.index.pts[i]),
            pts_ms=int(self.index.ms[i]),
            duration_ms=self.index.duration_ms(i),
            picture=picture,
        )

    def _decode_to(self, i: int) -> Picture:
        if self._run is not None and self._run_last < i <= self._run_last + _FORWARD_REACH:
            found = self._advance(i)
            if found is not None:
                return found
        backwards = i < self.position
        start = max(0, i - self.window + 1) if backwards else max(0, i - self.window // 4)
        return self._restart(i, start)

    def _restart(self, i: int, start: int) -> Picture:
        """Decode from the keyframe before ``start``, caching start..i.

        If ``i`` does not come out (an open-GOP leading frame, or a demuxer
        that landed late), try the keyframe before, then the top of the file.
        """
        key = self.index.keyframe_at_or_before(start)
        for attempt in dict.fromkeys((key, self.index.keyframe_before(key), None)):
            self._run, self._run_last = self._decoder.run(attempt, start), -1
            found = self._advance(i, keep_from=start)
            if found is not None:
                return found
        raise MediaReadError(self.path, f"frame {i} could not be decoded")

    def _advance(self, i: int, keep_from: int | None = None) -> Picture | None:
        """Pull frames from the current run up to ``i``, caching those worth keeping."""
        assert self._run is not None
        keep_from = self._run_last + 1 if keep_from is None else keep_from
        for j, video in self._run:
            self._run_last = j
            picture = Picture.from_video(video)
            self._note_size(picture)
            if j >= keep_from:
                self.cache.put(self.owner, j, picture)
            if j == i:
                return picture
            if j > i:
                break
        self._run = None if self._run_last < i else self._run
        return None

    def _note_size(self, picture: Picture) -> None:
        if not self._frame_bytes:
            self._frame_bytes = picture.nbytes

    # -- background prefetch of the previous window ----------------------

    def _maybe_prefetch(self, i: int) -> None:
        if not self._prefetch_enabled or not self._frame_bytes:
            return
        # Start as soon as the reviewer is stepping back within a window of the bottom
        # of what is cached: a refill from the keyframe takes longer than half a window
        # of held-key steps.
        low = self.cache.contiguous_below(self.owner, i)
        if low == 0 or i - low >= self.window:
            return
        stop = low - 1
        start = max(0, stop - self.window + 1)
        if self._pending is not None and not self._pending[2].done():
            return
        if self._pool is None:
            self._pool = ThreadPoolExecutor(max_workers=1, thread_name_prefix="frame-prefetch")
            self._bg = Decoder(self.path, self.index)
        self._pending = (start, stop, self._pool.submit(self._prefetch, start, stop))

    def _prefetch(self, start: int, stop: int) -> None:
        key = self.index.keyframe_at_or_before(start)
        assert self._bg is not None
        for j, video in self._bg.run(key, start):
            if self._closed.is_set() or j > stop:
                break
            if j >= start:
                self.cache.put(self.owner, j, Picture.from_video(video))

    def _wait_prefetch(self, i: int) -> Picture | None:
        """If the background is decoding ``i`` already, wait for it instead of racing it."""
        if self._pending is None:
            return None
        start, stop, future = self._pending
        if not start <= i <= stop:
            return None
        try:
            future.result()
        except Exception:  # noqa: BLE001 - the foreground decode reports the real error
            return None
        return self.cache.get(self.owner, i)
