"""The frame index: every frame's exact timestamp, identity and keyframe flag.

Container headers lie (truncated files, VFR phone footage), so the index is
built by reading every video packet, never by multiplying frame numbers by
a frame rate. Where the packets' pts can be trusted (almost every file) one
demux pass is enough. Where they are missing, repeated, guessed by the
demuxer or in decode order on a stream that reorders frames, the index is
what a decoder outputs instead (docs/adr/0007). Times are integer
milliseconds from the first displayed frame.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from fractions import Fraction
from pathlib import Path

import av.video.stream
import numpy as np

from reviewer.media import index_cache
from reviewer.media.container import open_video
from reviewer.media.decode_pass import Progress, decode_pass
from reviewer.media.decoder import Decoder
from reviewer.media.packets import (
    NO_TS,
    PacketTable,
    may_reorder_unannounced,
    scan,
    untrusted_pts,
)
from reviewer.media.paths import check_local_file

_HEAD_PACKETS = 32  # decoded to see whether an unannounced stream reorders

Ranges = tuple[tuple[int, int], ...]


@dataclass(frozen=True, eq=False)
class FrameIndex:
    """Frames in display order.

    ``pts``: display timestamps in stream units, strictly increasing; each
    frame's stable identity. ``ident``: what the decoder reports as the
    frame's pts once each packet is stamped with its ``ident_field``
    (the same as ``pts`` on healthy files).
    """

    pts: np.ndarray
    keyframe: np.ndarray
    ms: np.ndarray
    seek_ts: np.ndarray  # what to ask the demuxer for, in ``seek_field`` units
    time_base: Fraction
    complete: bool
    header_frames: int
    ident: np.ndarray = field(default=None)  # type: ignore[assignment]
    ident_field: str = "pts"
    seek_field: str = "pts"
    damaged: Ranges = ()  # frames known not to decode, found while indexing
    built_by: str = "packets"  # or "decoder"
    reason: str = ""  # why the packets' own pts were not used
    decode_pos: np.ndarray = field(default=None)  # type: ignore[assignment]  # packet order

    def __post_init__(self) -> None:
        ident = self.pts if self.ident is None else self.ident
        order = np.argsort(ident, kind="stable")
        if self.decode_pos is None:
            object.__setattr__(self, "decode_pos", np.arange(len(self.pts), dtype=np.int64))
        object.__setattr__(self, "ident", ident)
        object.__setattr__(self, "_ident_sorted", ident[order])
        object.__setattr__(self, "_ident_order", order)

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

    def display_of(self, ident: int | None) -> int | None:
        """Display index of the frame the decoder reports as ``ident``, if it is one."""
        if ident is None:
            return None
        at = int(np.searchsorted(self._ident_sorted, ident))  # type: ignore[attr-defined]
        if at < len(self) and int(self._ident_sorted[at]) == ident:  # type: ignore[attr-defined]
            return int(self._ident_order[at])  # type: ignore[attr-defined]
        return None

    def keyframe_at_or_before(self, i: int) -> int:
        """The last keyframe whose display index is <= ``i`` (0 if none is flagged)."""
        keys = np.flatnonzero(self.keyframe[: i + 1])
        return int(keys[-1]) if keys.size else 0

    def keyframe_before(self, k: int) -> int | None:
        """The keyframe before keyframe ``k``, for open GOPs whose leading frames need it."""
        keys = np.flatnonzero(self.keyframe[:k])
        return int(keys[-1]) if keys.size else None

    def can_seek(self, k: int) -> bool:
        return int(self.seek_ts[k]) != NO_TS

    def references_ahead(self, i: int, reach: int) -> int:
        """The last frame within ``reach`` after ``i`` whose packet comes before ``i``'s.

        Those are the frames ``i`` may be predicted from (a B-frame's next P-frame);
        ``i`` itself if there are none.
        """
        ahead = self.decode_pos[i + 1 : i + 1 + reach] < self.decode_pos[i]
        later = np.flatnonzero(ahead)
        return i + 1 + int(later[-1]) if later.size else i

    def decoded_after(self, c: int) -> np.ndarray:
        """Frames of ``c``'s GOP whose packets come after ``c``'s: those that may refer to it."""
        key = self.keyframe_at_or_before(c)
        following = np.flatnonzero(self.keyframe[key + 1 :])
        end = key + 1 + int(following[0]) if following.size else len(self)
        gop = np.arange(key, end)
        return gop[self.decode_pos[key:end] > self.decode_pos[c]]

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

    def keep(self, mask: np.ndarray, complete: bool, damaged: Ranges) -> FrameIndex:
        """The same file with only the frames in ``mask`` (a cut-off tail dropped)."""
        return FrameIndex(
            self.pts[mask],
            self.keyframe[mask],
            self.ms[mask],
            self.seek_ts[mask],
            self.time_base,
            complete,
            self.header_frames,
            self.ident[mask],
            self.ident_field,
            self.seek_field,
            damaged,
            self.built_by,
            self.reason,
            self.decode_pos[mask],
        )


def build_index(
    path: str | Path,
    mode: str = "auto",
    progress: Progress | None = None,
    cancelled: Callable[[], bool] | None = None,
) -> FrameIndex:
    """Index ``path``: from its packets, or from a decode of it where they cannot be trusted.

    ``mode`` "packets" or "decoder" forces one way (tests prove both agree on
    healthy files). A decode pass reports ``progress`` (0..1) and stops
    early, raising ``IndexCancelled``, once ``cancelled()`` is true.
    """
    p = check_local_file(path)
    if mode == "auto":
        cached = index_cache.load(p, FrameIndex)
        if cached is not None:
            return cached
    container, stream = open_video(p)
    try:
        table = scan(p, container, stream)
        reason = _decoder_needed(p, table, stream, mode)
        facts = _Facts.of(stream, table)
    finally:
        container.close()
    if not reason:
        return _checked_tail(p, _from_packets(table, facts), table)
    index = _from_decoder(p, table, facts, reason, progress, cancelled)
    if mode == "auto":
        index_cache.save(p, index)
    return index


class IndexCancelled(Exception):
    """The decode pass was cancelled; no index was made."""


@dataclass(frozen=True)
class _Facts:
    time_base: Fraction
    header: int
    frame_ticks: int  # one nominal frame in stream units, for files without any timestamps

    @classmethod
    def of(cls, stream: av.video.stream.VideoStream, table: PacketTable) -> _Facts:
        time_base = Fraction(stream.time_base or Fraction(1, 1000))
        rate = stream.guessed_rate or stream.average_rate or 25
        ticks = max(1, round(1 / (Fraction(rate) * time_base)))
        return cls(time_base, int(stream.frames or 0), ticks)


def _decoder_needed(
    p: Path, table: PacketTable, stream: av.video.stream.VideoStream, mode: str
) -> str:
    if mode == "packets":
        return ""
    if mode == "decoder":
        return "asked for"
    reason = untrusted_pts(table, stream)
    if not reason and may_reorder_unannounced(table, stream) and _head_reorders(p, table):
        reason = "frames reorder although pts follow decode order"
    return reason


def _head_reorders(p: Path, table: PacketTable) -> bool:
    """Decode the first packets: does the decoder put them out in another order?"""
    run = decode_pass(p, "pts", limit=_HEAD_PACKETS)
    sent = table.pts[table.frames][:_HEAD_PACKETS]
    out = run.idents[np.isin(run.idents, sent)]
    return bool(np.any(np.diff(out) < 0))


def _ms(pts: np.ndarray, time_base: Fraction) -> np.ndarray:
    rel = (pts - (pts[0] if pts.size else 0)).astype(np.float64)
    return np.rint(rel * float(time_base) * 1000.0).astype(np.int64)


def _seek_values(table: PacketTable, rows: np.ndarray) -> np.ndarray:
    name = table.seek_field()
    values = getattr(table, name)[rows]
    if name == "dts":  # a packet without dts (rare) is sought by its pts
        values = np.where(values == NO_TS, table.pts[rows], values)
        values = np.where(table.pts[rows] == NO_TS, values, np.minimum(values, table.pts[rows]))
    return np.where(values == -1, NO_TS, values) if name == "pos" else values


def _frames_of(
    table: PacketTable, facts: _Facts, rows: np.ndarray, pts: np.ndarray, **more: object
) -> FrameIndex:
    """The index of frames whose packets are ``rows`` of ``table``, in display order."""
    return FrameIndex(
        pts,
        table.key[rows],
        _ms(pts, facts.time_base),
        _seek_values(table, rows),
        facts.time_base,
        not table.cut,
        facts.header,
        seek_field=table.seek_field(),
        decode_pos=rows,
        **more,  # type: ignore[arg-type]
    )


def _from_packets(table: PacketTable, facts: _Facts) -> FrameIndex:
    rows = np.flatnonzero(table.frames)
    rows = rows[np.argsort(table.pts[rows], kind="stable")]
    return _frames_of(table, facts, rows, table.pts[rows])


def _checked_tail(p: Path, index: FrameIndex, table: PacketTable) -> FrameIndex:
    """Decode the last GOP where the tail is in doubt: keep what decodes, say what is missing.

    In doubt: data is cut off, or the header counts more frames than there are
    packets (zero-size repeat entries and discard-flagged packets count there
    too, so only the decode can tell a cut file from a complete one).
    """
    short = bool(index.header_frames) and len(index) < index.header_frames
    if not len(index) or not (table.cut or short):
        return index
    key = index.keyframe_at_or_before(len(index) - 1)
    came = np.zeros(len(index), dtype=bool)
    corrupt = np.zeros(len(index), dtype=bool)
    decoder = Decoder(p, index, threads="SINGLE")  # see decode_pass.drain
    try:
        for i, video in decoder.run(key, key):
            came[i], corrupt[i] = True, bool(video.is_corrupt)
    finally:
        decoder.close()
    tail = np.arange(len(index)) >= key
    last = int(np.flatnonzero(came | ~tail)[-1]) if (came | ~tail).any() else -1
    keep = np.arange(len(index)) <= last
    damaged = tail & keep & (corrupt | ~came)
    complete = not table.cut and bool(keep.all())
    return index.keep(keep, complete, ranges(np.flatnonzero(damaged[keep])))


def _from_decoder(
    p: Path,
    table: PacketTable,
    facts: _Facts,
    reason: str,
    progress: Progress | None,
    cancelled: Callable[[], bool] | None,
) -> FrameIndex:
    name = table.ident_field()
    run = decode_pass(p, name, progress=progress, cancelled=cancelled, total=len(table))
    if run.cancelled:
        raise IndexCancelled(str(p))
    if table.cut:  # pictures behind a damaged last packet: see decode_pass.drain
        run = decode_pass(p, name, cancelled=cancelled, threads="SINGLE")
    idents, first = np.unique(run.idents, return_index=True)
    keep = np.sort(first)  # each picture once, in output order
    idents, corrupt = run.idents[keep], run.corrupt[keep]
    column = getattr(table, name)
    by_ident = np.argsort(column)
    rows = by_ident[np.searchsorted(column[by_ident], idents)]
    return _frames_of(
        table,
        facts,
        rows,
        _display_times(idents, name, facts),
        ident=idents,
        ident_field=name,
        damaged=ranges(np.flatnonzero(corrupt)),
        built_by="decoder",
        reason=reason,
    )


def _display_times(idents: np.ndarray, name: str, facts: _Facts) -> np.ndarray:
    """The k-th picture out of the decoder shows at the k-th earliest timestamp.

    A stream's timestamps as a set are its sampling times; only which frame
    got which is scrambled when pts are missing or in decode order.
    Without any timestamps (raw streams) frames are one nominal period apart.
    """
    if name in ("pts", "dts"):
        return np.sort(idents)
    return np.arange(idents.size, dtype=np.int64) * facts.frame_ticks


def ranges(indices: np.ndarray) -> Ranges:
    """Runs of consecutive indices as (first, last) pairs."""
    if not indices.size:
        return ()
    breaks = np.flatnonzero(np.diff(indices) != 1)
    starts = np.concatenate(([indices[0]], indices[breaks + 1]))
    ends = np.concatenate((indices[breaks], [indices[-1]]))
    return tuple((int(a), int(b)) for a, b in zip(starts, ends, strict=True))
