"""Filmstrip: N thumbnails spread over a file, decoded from keyframes only.

Each slot shows the keyframe at or before its time: decoding one I-frame
per slot is ~10× cheaper than an exact seek, and a filmstrip is for finding
your way, not for pinning a frame. Thumbnails arrive as they are decoded,
two workers at a time, and are kept as JPEGs in the app's cache folder
(never beside the footage) so a file opened again shows its strip at once.
"""

from __future__ import annotations

import json
import threading
from collections.abc import Callable, Iterable
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path

import av.error
import cv2
import numpy as np

from reviewer.media.container import as_media_error, file_problem, open_video
from reviewer.media.decoder import seek
from reviewer.media.fingerprint import quick_fingerprint
from reviewer.media.frame import to_bgr
from reviewer.media.index import FrameIndex, build_index
from reviewer.media.paths import cache_dir, check_local_file

_JPEG_QUALITY = 85


@dataclass(frozen=True, eq=False)
class Thumbnail:
    """Slot ``slot`` of a strip: asked for ``target_ms``, shows the keyframe at ``pts_ms``."""

    slot: int
    target_ms: int
    pts_ms: int
    image: np.ndarray


@dataclass(frozen=True)
class _Plan:
    slot: int
    target_ms: int
    key: int


def slot_targets(duration_ms: int, count: int) -> list[int]:
    """The middle of each of ``count`` equal slots."""
    return [int((k + 0.5) * duration_ms / count) for k in range(count)]


def plan(index: FrameIndex, count: int) -> list[_Plan]:
    targets = slot_targets(index.total_ms, count)
    keys = [index.keyframe_at_or_before(index.index_at_ms(t)) for t in targets]
    return [_Plan(slot, t, k) for slot, (t, k) in enumerate(zip(targets, keys, strict=True))]


class FilmstripJob:
    """Build a strip in the background; ``on_thumb`` is called from worker threads."""

    def __init__(
        self,
        path: str | Path,
        count: int,
        width: int = 160,
        on_thumb: Callable[[Thumbnail], None] | None = None,
        index: FrameIndex | None = None,
        workers: int = 2,
        cache_root: Path | None = None,
    ) -> None:
        self.path = check_local_file(path)
        self.count, self.width, self.workers = count, width, workers
        self._on_thumb = on_thumb or (lambda _t: None)
        self._index = index
        self._cache_root = cache_root
        self._cancel = threading.Event()
        self._results: dict[int, Thumbnail] = {}
        self._lock = threading.Lock()
        self._future: Future[list[Thumbnail]] | None = None
        self._pool: ThreadPoolExecutor | None = None

    def start(self) -> FilmstripJob:
        self._pool = ThreadPoolExecutor(max_workers=1, thread_name_prefix="filmstrip")
        self._future = self._pool.submit(self.run)
        return self

    def cancel(self) -> None:
        self._cancel.set()

    @property
    def cancelled(self) -> bool:
        return self._cancel.is_set()

    def result(self, timeout: float | None = None) -> list[Thumbnail]:
        assert self._future is not None, "start() first"
        try:
            return self._future.result(timeout)
        finally:
            if self._pool is not None:
                self._pool.shutdown(wait=False)

    def run(self) -> list[Thumbnail]:
        """Build the strip in the calling thread (with helper threads); returns slots in order."""
        index = self._index if self._index is not None else build_index(self.path)
        store = _DiskStore(self._folder())
        todo = self._serve_cached(store, plan(index, self.count))
        self._decode_all(index, store, todo)
        if not self.cancelled:
            store.mark_complete()
        return [self._results[s] for s in sorted(self._results)]

    def _folder(self) -> Path:
        root = self._cache_root or cache_dir()
        name = f"{quick_fingerprint(self.path)}-{self.count}x{self.width}"
        return root / "filmstrip" / name

    def _serve_cached(self, store: _DiskStore, plans: list[_Plan]) -> list[_Plan]:
        todo = []
        for p in plans:
            thumb = store.load(p.slot, p.target_ms)
            if thumb is None:
                todo.append(p)
            else:
                self._deliver(thumb)
        return todo

    def _deliver(self, thumb: Thumbnail) -> None:
        with self._lock:
            self._results[thumb.slot] = thumb
        self._on_thumb(thumb)

    def _decode_all(self, index: FrameIndex, store: _DiskStore, todo: list[_Plan]) -> None:
        if not todo:
            return
        shares = [todo[k :: self.workers] for k in range(self.workers)]
        with ThreadPoolExecutor(max_workers=self.workers, thread_name_prefix="thumb") as pool:
            futures = [pool.submit(self._worker, index, store, s) for s in shares if s]
            for f in futures:
                f.result()

    def _worker(self, index: FrameIndex, store: _DiskStore, plans: Iterable[_Plan]) -> None:
        reader = _KeyframeReader(self.path, index, self.width)
        try:
            for p in plans:
                if self.cancelled:
                    return
                image = reader.read(p.key)
                thumb = Thumbnail(p.slot, p.target_ms, int(index.ms[p.key]), image)
                store.save(thumb)
                self._deliver(thumb)
        finally:
            reader.close()


class _KeyframeReader:
    """Decodes single keyframes (non-key packets skipped, one decoder thread)."""

    def __init__(self, path: Path, index: FrameIndex, width: int) -> None:
        self.path, self.index, self.width = path, index, width
        self._container, self._stream = open_video(path, threads="SLICE")
        self._stream.codec_context.skip_frame = "NONKEY"
        self._last: tuple[int, np.ndarray] | None = None

    def close(self) -> None:
        self._container.close()

    def read(self, key: int) -> np.ndarray:
        if self._last is not None and self._last[0] == key:
            return self._last[1]  # slots closer than a GOP share their keyframe
        try:
            self._position(key)
            image = self._decode()
        except (OSError, av.error.FFmpegError) as exc:
            raise as_media_error(self.path, exc) from exc
        self._last = (key, image)
        return image

    def _position(self, key: int) -> None:
        """Seek to keyframe ``key``; a seek the demuxer refuses reads from the top instead."""
        if key > 0 and self.index.can_seek(key):
            try:
                seek(self._container, self._stream, self.index, int(self.index.seek_ts[key]))
                return
            except (OSError, av.error.FFmpegError):
                if file_problem(self.path) is not None:
                    raise
        self._container.close()
        self._container, self._stream = open_video(self.path, threads="SLICE")
        self._stream.codec_context.skip_frame = "NONKEY"

    def _decode(self) -> np.ndarray:
        for packet in self._container.demux(self._stream):
            if not packet.is_keyframe and packet.size:
                continue
            # The decoder holds an I-frame back for B-frame reordering; drain to get it now.
            frames = packet.decode() or self._stream.codec_context.decode(None)
            if frames:
                return self._to_image(frames[0])
        raise as_media_error(self.path, av.error.EOFError(0, "no keyframe"))

    def _to_image(self, video: av.VideoFrame) -> np.ndarray:
        return to_bgr(video, self.width)


class _DiskStore:
    """One folder per (file, count, width); each slot a JPEG named with its timestamps."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder
        folder.mkdir(parents=True, exist_ok=True)

    def _file(self, slot: int) -> Path:
        return self.folder / f"{slot:04d}.jpg"

    def load(self, slot: int, target_ms: int) -> Thumbnail | None:
        meta = self.folder / f"{slot:04d}.json"
        try:
            pts_ms = int(json.loads(meta.read_text())["pts_ms"])
            data = np.frombuffer(self._file(slot).read_bytes(), np.uint8)
        except (OSError, ValueError, KeyError):
            return None
        image = cv2.imdecode(data, cv2.IMREAD_COLOR)
        return None if image is None else Thumbnail(slot, target_ms, pts_ms, image)

    def save(self, thumb: Thumbnail) -> None:
        ok, data = cv2.imencode(".jpg", thumb.image, [cv2.IMWRITE_JPEG_QUALITY, _JPEG_QUALITY])
        if not ok:
            return
        _atomic_write(self._file(thumb.slot), data.tobytes())
        # The JSON goes last: a slot counts as cached only once both are whole.
        _atomic_write(
            self.folder / f"{thumb.slot:04d}.json", json.dumps({"pts_ms": thumb.pts_ms}).encode()
        )

    def mark_complete(self) -> None:
        _atomic_write(self.folder / "complete", b"")


def _atomic_write(path: Path, data: bytes) -> None:
    tmp = path.with_name(path.name + ".part")
    try:
        tmp.write_bytes(data)
        tmp.replace(path)
    except OSError:
        tmp.unlink(missing_ok=True)  # a cache that cannot be written is only slower
