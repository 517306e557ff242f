"""The frame index: every frame's exact timestamp and keyframe flag, from one demux pass.

Container headers lie (truncated files, VFR phone footage), so the index is
built by reading every video packet, never by multiplying frame numbers by
a frame rate. Times are integer milliseconds from the first displayed frame.
"""

from __future__ import annotations

from dataclasses import dataclass
from fractions import Fraction
from pathlib import Path

import av.error
import numpy as np

from reviewer.media.container import as_media_error, open_video
from reviewer.media.paths import check_local_file

# Demuxers that seek by decode timestamp: asked for a keyframe's pts they land on the
# next keyframe. MP4/MKV seek by pts; giving them the (lower) dts of a B-frame stream's
# keyframe lands one whole GOP early instead.
_SEEK_BY_DTS = {"mpegts", "mpeg", "mpegvideo", "h264", "hevc"}


@dataclass(frozen=True, eq=False)
class FrameIndex:
    """Frames in display order: ``pts`` in stream units, ``ms`` from the first frame."""

    pts: np.ndarray
    keyframe: np.ndarray
    ms: np.ndarray
    seek_ts: np.ndarray  # what to ask the demuxer for: some (MPEG-TS) seek by dts, not pts
    time_base: Fraction
    complete: bool
    header_frames: int

    def __len__(self) -> int:
        return int(self.pts.size)

    def index_at_ms(self, t_ms: float) -> int:
        """The frame on screen at ``t_ms``: the last frame starting at or before it."""
        i = int(np.searchsorted(self.ms, t_ms, side="right")) - 1
        return min(max(i, 0), len(self) - 1)

    def index_of_pts(self, pts: int) -> int | None:
        """Display index of the frame with exactly this pts, if any."""
        i = int(np.searchsorted(self.pts, pts))
        return i if i < len(self) and int(self.pts[i]) == pts else None

    def keyframe_at_or_before(self, i: int) -> int:
        """The last keyframe whose display index is <= ``i`` (0 if none is flagged)."""
        keys = np.flatnonzero(self.keyframe[: i + 1])
        return int(keys[-1]) if keys.size else 0

    def keyframe_before(self, k: int) -> int | None:
        """The keyframe before keyframe ``k``, for open GOPs whose leading frames need it."""
        keys = np.flatnonzero(self.keyframe[:k])
        return int(keys[-1]) if keys.size else None

    def duration_ms(self, i: int) -> int:
        if i + 1 < len(self):
            return int(self.ms[i + 1] - self.ms[i])
        return self.typical_duration_ms()

    def typical_duration_ms(self) -> int:
        if len(self) < 2:
            return 0
        return int(np.median(np.diff(self.ms)))

    @property
    def total_ms(self) -> int:
        """From the first frame's start to the last frame's end."""
        return int(self.ms[-1]) + self.duration_ms(len(self) - 1) if len(self) else 0

    def durations(self) -> np.ndarray:
        """Exact frame durations in seconds (the last one excluded)."""
        return np.diff(self.pts).astype(np.float64) * float(self.time_base)


def build_index(path: str | Path) -> FrameIndex:
    """Demux every video packet of ``path`` (no decoding) into a FrameIndex."""
    p = check_local_file(path)
    container, stream = open_video(p)
    try:
        pts, dts, keys, complete = _scan(p, container, stream)
        header = int(stream.frames or 0)
        time_base = Fraction(stream.time_base or Fraction(1, 1000))
        by_dts = container.format.name in _SEEK_BY_DTS
        index = _make_index(pts, dts if by_dts else pts, keys, time_base, complete, header)
        if not index.complete and len(index):
            index = _trim_tail(p, container, stream, index)
    finally:
        container.close()
    return index


def _trim_tail(
    p: Path,
    container: av.container.InputContainer,
    stream: av.video.stream.VideoStream,
    index: FrameIndex,
) -> FrameIndex:
    """Keep only frames that really decode at the end of a cut-off file.

    The last packet of a cut file can be partial and still look whole to the
    demuxer, so the tail is counted by decoding it, not by trusting packets.
    """
    key = index.keyframe_at_or_before(len(index) - 1)
    decoded = _decodable_from(p, container, stream, int(index.seek_ts[key]))
    keep = np.ones(len(index), dtype=bool)
    keep[key:] = np.isin(index.pts[key:], np.fromiter(decoded, np.int64, len(decoded)))
    last = int(np.flatnonzero(keep)[-1]) if keep.any() else -1
    keep[last + 1 :] = False
    return FrameIndex(
        index.pts[keep],
        index.keyframe[keep],
        index.ms[keep],
        index.seek_ts[keep],
        index.time_base,
        False,
        index.header_frames,
    )


def _decodable_from(
    p: Path, container: av.container.InputContainer, stream: av.video.stream.VideoStream, ts: int
) -> set[int]:
    found: set[int] = set()
    try:
        container.seek(ts, stream=stream, backward=True)
        for packet in container.demux(stream):
            try:
                found.update(int(f.pts) for f in packet.decode() if f.pts is not None)
            except av.error.InvalidDataError:
                continue
    except av.error.EOFError:
        pass
    except (OSError, av.error.FFmpegError) as exc:
        raise as_media_error(p, exc) from exc
    return found


def _scan(
    p: Path, container: av.container.InputContainer, stream: av.video.stream.VideoStream
) -> tuple[list[int], list[int], list[bool], bool]:
    size = p.stat().st_size
    pts: list[int] = []
    dts: list[int] = []
    keys: list[bool] = []
    complete = True
    try:
        for packet in container.demux(stream):
            stamp = packet.pts if packet.pts is not None else packet.dts
            if packet.size == 0 or stamp is None or packet.is_discard:
                continue
            if packet.pos is not None and packet.pos >= 0 and packet.pos + packet.size > size:
                complete = False  # the tail of a cut-off file: listed in the header, not on disk
                continue
            pts.append(int(stamp))
            dts.append(int(packet.dts) if packet.dts is not None else int(stamp))
            keys.append(bool(packet.is_keyframe))
    except av.error.InvalidDataError:
        complete = False
    except (OSError, av.error.FFmpegError) as exc:
        raise as_media_error(p, exc) from exc
    return pts, dts, keys, complete


def _make_index(
    pts: list[int],
    dts: list[int],
    keys: list[bool],
    time_base: Fraction,
    complete: bool,
    header: int,
) -> FrameIndex:
    order = np.argsort(np.asarray(pts, dtype=np.int64), kind="stable")
    sorted_pts = np.asarray(pts, dtype=np.int64)[order]
    sorted_keys = np.asarray(keys, dtype=bool)[order]
    sorted_dts = np.asarray(dts, dtype=np.int64)[order]
    # Broken muxers repeat a timestamp; one frame per pts is all a decoder returns.
    sorted_pts, first = np.unique(sorted_pts, return_index=True)
    sorted_keys = sorted_keys[first]
    seek_ts = np.minimum(sorted_pts, sorted_dts[first])
    if header and len(sorted_pts) < header:
        complete = False
    rel = (sorted_pts - (sorted_pts[0] if sorted_pts.size else 0)).astype(np.float64)
    ms = np.rint(rel * float(time_base) * 1000.0).astype(np.int64)
    return FrameIndex(sorted_pts, sorted_keys, ms, seek_ts, time_base, complete, header)
