"""Frame-exact access to one file: the frame at a time, step ±1, seek.

Forward steps continue one sequential decode. Backward steps are served
from a cache filled a window at a time from the previous keyframe, and the
window before it is decoded ahead in the background, so holding ← never
re-seeks per frame (docs/adr/0001-decoding-caching-playback.md).

A frame that cannot be decoded comes back marked ``damaged`` with a grey
placeholder at its own position, and stepping goes on past it (ADR 0007).
"""

from __future__ import annotations

import itertools
import threading
from collections.abc import Iterator
from concurrent.futures import Future, ThreadPoolExecutor
from pathlib import Path

import av.video.frame

from reviewer.media.cache import FrameCache
from reviewer.media.container import file_problem
from reviewer.media.damage import DamageLog
from reviewer.media.decoder import Decoded, Decoder
from reviewer.media.errors import CutShortError, MediaDecodeError, MediaError
from reviewer.media.frame import Frame, Picture
from reviewer.media.index import FrameIndex, build_index
from reviewer.media.memory import tune_allocator
from reviewer.media.paths import check_local_file

# Forward gaps up to this many frames are decoded through rather than seeked.
_FORWARD_REACH = 48
_MIN_WINDOW, _MAX_WINDOW = 8, 120
# A frame not out yet when later ones are may still come: a decoder's reorder buffer
# (or a stream that announces too small a one) puts frames out up to this far apart.
_REORDER_SLACK = 16
_BIG_PICTURE = 8 * 1024 * 1024  # bytes of I420: 4K and up
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
            raise MediaDecodeError(self.path, "no frames")
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
        self._size = self.path.stat().st_size
        self._damage = DamageLog(self.index)
        self._single: Decoder | None = None  # for GOPs that hold damage (damage.py)
        self._threaded = True
        self._doubtful: set[int] = set()
        self._shape: tuple[int, int, int] | None = None  # width, height, rotation

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
        if video is None and i not in self._damage:
            video = self._wait_prefetch(i)
        if video is None and i not in self._damage:
            video = self._checked_decode(i)
        backward, self.position = i < self.position, i
        if backward:
            self._maybe_prefetch(i)
        if video is None:
            return self._wrap(i, self._placeholder(), damaged=True)
        return self._wrap(i, video)

    def frame_at_ms(self, t_ms: float) -> Frame:
        """The frame on screen ``t_ms`` after the first frame starts."""
        return self.frame(self.index.index_at_ms(t_ms))

    def step(self, delta: int = 1) -> Frame:
        return self.frame(self.position + delta)

    def damaged_ranges(self) -> list[tuple[int, int]]:
        """Frames known not to decode, as (first, last) runs: found so far, and by the index."""
        return self._damage.ranges()

    @property
    def window(self) -> int:
        """Frames decoded per back-step refill: half of what the cache can hold.

        Big pictures (4K and up) get the whole cache and no prefetch: a second
        decoder holds as much memory as the cache, and one window of ~10 4K
        frames would make every back-step pay for a third of a GOP.
        """
        if not self._frame_bytes:
            return 32
        fits = self.cache.cap_bytes // self._frame_bytes
        share = fits - 2 if self._big else fits // 2 - 2
        return max(_MIN_WINDOW, min(_MAX_WINDOW, share))

    @property
    def _big(self) -> bool:
        return self._frame_bytes >= _BIG_PICTURE

    def close(self) -> None:
        self._closed.set()
        if self._pool is not None:
            self._pool.shutdown(wait=True, cancel_futures=True)
        if self._bg is not None:
            self._bg.close()
        if self._single is not None:
            self._single.close()
        self._run = None
        self._decoder.close()
        self.cache.clear(self.owner)

    def __enter__(self) -> FrameSource:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # -- decoding ---------------------------------------------------------

    def _wrap(self, i: int, picture: Picture, damaged: bool = False) -> Frame:
        return Frame(
            index=i,
            pts=int(self.index.pts[i]),
            pts_ms=int(self.index.ms[i]),
            duration_ms=self.index.duration_ms(i),
            picture=picture,
            damaged=damaged,
        )

    def _checked_decode(self, i: int) -> Picture | None:
        """Decode ``i``; a failure in a file that changed under us is reported as that change."""
        try:
            return self._decode_to(i)
        except MediaError:
            self._check_file(i)
            raise

    def _decode_to(self, i: int) -> Picture | None:
        """Frame ``i`` decoded, or None once it is known not to decode (then it is damaged)."""
        if self._run is not None and self._run_last < i <= self._run_last + _FORWARD_REACH:
            found = self._advance(i)
            if found is not None or i in self._damage:
                return found
        if i < self.position:
            return self._restart(i, self._back_window_start(i))
        return self._restart(i, max(0, i - self.window // 4))

    def _back_window_start(self, i: int) -> int:
        """Where a back-step refill starts: a window below ``i``, not into the GOP before.

        Reaching back over a GOP boundary costs a decode of that whole GOP for a
        few frames; it is decoded when the reviewer gets there. Big pictures
        make room first: the frames ahead of the viewer go.
        """
        if self._big:
            self.cache.discard(self.owner, range(i + 1, i + 2 + self.window))
        return max(i - self.window + 1, self.index.keyframe_at_or_before(i))

    def _restart(self, i: int, start: int) -> Picture | None:
        """Decode from the keyframe before ``start``, caching start..i.

        If ``i`` does not come out (an open-GOP leading frame, or a demuxer
        that landed late), try the keyframe before. A frame that comes out of
        neither, nor of a single-threaded run (frame threads can lose the
        pictures queued behind an error), is damaged, unless the file itself
        is the problem.
        """
        key = self.index.keyframe_at_or_before(start)
        for attempt in dict.fromkeys((key, self.index.keyframe_before(key) or 0)):
            found = self._attempt(i, attempt, start)
            if found is not None or i in self._damage:
                return found
        self._check_file(i)
        found = self._attempt(i, key, i, single=True)
        if found is None:
            self._damage.mark(i)
        return found

    def _attempt(self, i: int, key: int, start: int, single: bool = False) -> Picture | None:
        """One run from ``key``; run again single-threaded if damage in the GOP cast doubt."""
        for _ in range(2):
            threaded = not (single or self._damage.slow(key))
            decoder = self._decoder if threaded else self._single_decoder()
            self._run, self._run_last, self._threaded = decoder.run(key, start), -1, threaded
            found = self._advance(i, keep_from=start)
            if found is not None or i in self._damage or not self._damage.slow(key) or not threaded:
                return found
        return None

    def _single_decoder(self) -> Decoder:
        if self._single is None:
            self._single = Decoder(self.path, self.index, threads="SINGLE", skipping=False)
        return self._single

    def _check_file(self, i: int) -> None:
        """A frame that did not come out because the file changed or vanished is no damage."""
        problem = file_problem(self.path)
        if problem is not None:
            raise problem
        if self.path.stat().st_size < self._size:
            raise CutShortError(self.path, str(max(0, i - 1)))

    def _advance(self, i: int, keep_from: int | None = None) -> Picture | None:
        """Pull frames from the current run up to ``i``, caching those worth keeping.

        ``i`` is returned only once the frames it may be predicted from are out
        too (a B-frame's next P-frame comes out after it): if one of those is
        damaged, ``i`` is in doubt. Frames come out of a reordering decoder in
        display order, but not always (a stream that under-announces its
        reorder depth), so a run goes on a little past ``i`` before ``i``
        counts as missing.
        """
        assert self._run is not None
        keep_from = self._run_last + 1 if keep_from is None else keep_from
        found, need = None, i
        for j, video in self._run:
            self._run_last = max(self._run_last, j)
            if video.is_corrupt:
                if self._corrupt(j):
                    return None if found is None or i in self._doubtful else found
                if j == i:
                    return None
                continue
            picture = self._keep(j, video, keep_from)
            if j == i:
                found, need = picture, self._references_pending(i)
            if found is not None and self._run_last >= need or j > i + _REORDER_SLACK:
                return found
        self._run = None
        return found

    def _references_pending(self, i: int) -> int:
        """The last frame still to come out before ``i`` may be returned (``i``: none).

        Frames already decoded before (cached, or known damaged) need not come again:
        a back-step refill ends just below frames it has.
        """
        need = self.index.references_ahead(i, _REORDER_SLACK)
        known = all(
            (self.owner, k) in self.cache or k in self._damage for k in range(i + 1, need + 1)
        )
        return i if known else need

    def _corrupt(self, j: int) -> bool:
        """Frame ``j`` came out corrupt; True if that ends the run (frame threads: doubt)."""
        if not self._threaded:
            self._damage.mark(j)
            return False
        self._doubtful = set(self._damage.corrupt(j).tolist())
        self.cache.discard(self.owner, self._doubtful)
        self._run = None
        return True

    def _keep(self, j: int, video: av.video.frame.VideoFrame, keep_from: int) -> Picture:
        picture = Picture.from_video(video)
        self._note_size(picture)
        if j >= keep_from:
            self.cache.put(self.owner, j, picture)
        return picture

    def _note_size(self, picture: Picture) -> None:
        if not self._frame_bytes:
            self._frame_bytes = picture.nbytes
        if self._shape is None:
            self._shape = (picture.width, picture.height, picture.rotation)

    def _placeholder(self) -> Picture:
        if self._shape is None:
            self._learn_shape()
        width, height, rotation = self._shape or (16, 16, 0)
        return Picture.placeholder(width, height, rotation)

    def _learn_shape(self) -> None:
        """The file's picture size and rotation, from the first frame that decodes."""
        decoder = Decoder(self.path, self.index)
        try:
            for _j, video in decoder.run(0, 0):
                if not video.is_corrupt:
                    self._note_size(Picture.from_video(video))
                    return
        except MediaDecodeError:
            return
        finally:
            decoder.close()

    # -- background prefetch of the previous window ----------------------

    def _maybe_prefetch(self, i: int) -> None:
        if not self._prefetch_enabled or not self._frame_bytes or self._big:
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
        if self._damage.slow(key):
            return  # the foreground decodes damaged GOPs, single-threaded
        for j, video in self._bg.run(key, start):
            if self._closed.is_set() or j > stop + _REORDER_SLACK:
                break
            if video.is_corrupt:
                self.cache.discard(self.owner, self._damage.corrupt(j))
                break
            if start <= j <= stop:
                self.cache.put(self.owner, j, Picture.from_video(video))
            if j >= stop and self.cache.contiguous_below(self.owner, stop) <= start:
                break  # the whole window is in (frames come out of order only within it)

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
