"""One demux pass over a file's video packets, and what it says about the file's timestamps.

The pass reads packet headers only (no decoding). Its table decides how the
file is indexed: straight from packet pts when they are trustworthy, or from
what a decoder outputs when they are missing, repeated, guessed by the
demuxer, or in decode order on a stream that reorders frames (ADR 0007).
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import av.container
import av.error
import av.video.stream
import numpy as np

from reviewer.media.container import as_media_error

NO_TS = np.iinfo(np.int64).min  # "no timestamp" in the int64 columns

# Containers that store no presentation time: whatever pts a packet carries was
# guessed by the demuxer (and can change after a seek); their seeks go by dts.
NO_PTS_FORMATS = {"avi", "h264", "hevc", "m4v", "mjpeg", "mpegvideo", "cavsvideo", "vc1"}
# Demuxers that seek by decode timestamp: asked for a keyframe's pts they land on the
# next keyframe. MP4/MKV seek by pts; giving them the (lower) dts of a B-frame stream's
# keyframe lands one whole GOP early instead.
SEEK_BY_DTS = NO_PTS_FORMATS | {"mpegts", "mpeg"}
# Formats without timestamps at all are positioned by byte offset.
SEEK_BY_BYTE = {"h264", "hevc", "m4v", "mjpeg", "mpegvideo", "cavsvideo", "vc1"}


@dataclass(frozen=True, eq=False)
class PacketTable:
    """Every video packet in decode order (``NO_TS``/-1 where a field is missing)."""

    pts: np.ndarray
    dts: np.ndarray
    pos: np.ndarray
    size: np.ndarray
    key: np.ndarray
    discard: np.ndarray
    partial: np.ndarray  # cut by the end of the file, or a short read
    read_error: bool  # demuxing stopped on bad data before the end
    format: str

    def __len__(self) -> int:
        return int(self.pts.size)

    @property
    def frames(self) -> np.ndarray:
        """Packets that carry a picture to show: not empty, not flagged discard."""
        return (self.size > 0) & ~self.discard

    @property
    def cut(self) -> bool:
        """True if data the file's own index promises is missing."""
        return self.read_error or bool(self.partial.any())

    def ident_field(self) -> str:
        """The packet field that names each picture packet uniquely and survives a seek."""
        order = ("dts", "pos") if self.format in NO_PTS_FORMATS else ("pts", "dts", "pos")
        for name in order:
            values = getattr(self, name)[self.frames]
            missing = NO_TS if name != "pos" else -1
            if values.size and not (values == missing).any() and _unique(values):
                return name
        return "pos"

    def seek_field(self) -> str:
        if self.format in SEEK_BY_BYTE:
            return "pos"
        return "dts" if self.format in SEEK_BY_DTS else "pts"


def scan(
    p: Path, container: av.container.InputContainer, stream: av.video.stream.VideoStream
) -> PacketTable:
    """Read every packet header of ``stream``."""
    file_size = p.stat().st_size
    rows: list[tuple[int, int, int, int, bool, bool, bool]] = []
    read_error = False
    try:
        for packet in container.demux(stream):
            if packet.size == 0 and packet.pts is None and packet.dts is None:
                continue  # PyAV's end-of-stream marker
            rows.append(_row(packet, file_size))
    except av.error.InvalidDataError:
        read_error = True
    except (OSError, av.error.FFmpegError) as exc:
        raise as_media_error(p, exc) from exc
    rows = [r for r in rows if not _beyond_end(r, file_size)]
    return _table(rows, read_error, container.format.name.split(",")[0])


def _row(packet: av.Packet, file_size: int) -> tuple[int, int, int, int, bool, bool, bool]:
    pos = -1 if packet.pos is None else int(packet.pos)
    partial = bool(packet.is_corrupt) or (pos >= 0 and pos + packet.size > file_size)
    return (
        NO_TS if packet.pts is None else int(packet.pts),
        NO_TS if packet.dts is None else int(packet.dts),
        pos,
        int(packet.size),
        bool(packet.is_keyframe),
        bool(packet.is_discard),
        partial,
    )


def _beyond_end(row: tuple[int, int, int, int, bool, bool, bool], file_size: int) -> bool:
    """Listed by the container's index, but not one byte of it is in the file."""
    return row[2] >= file_size


def _table(rows: list, read_error: bool, fmt: str) -> PacketTable:
    cols = list(zip(*rows, strict=True)) if rows else [()] * 7
    ints = [np.asarray(c, dtype=np.int64) for c in cols[:4]]
    flags = [np.asarray(c, dtype=bool) for c in cols[4:]]
    return PacketTable(*ints, *flags, read_error=read_error, format=fmt)


def _unique(values: np.ndarray) -> bool:
    return np.unique(values).size == values.size


def untrusted_pts(table: PacketTable, stream: av.video.stream.VideoStream) -> str:
    """Why the packets' pts cannot give display order and identity ("" if they can)."""
    pts = table.pts[table.frames]
    if not pts.size:
        return ""
    if (pts == NO_TS).any():
        return "packets without pts"
    if not _unique(pts):
        return "repeated pts"
    if _reorders(stream):
        if table.format in NO_PTS_FORMATS:
            return "pts guessed by the demuxer on a reordering stream"
        if pts.size > 2 and bool(np.all(np.diff(pts) > 0)):
            return "pts in decode order on a reordering stream"
    return ""


def _reorders(stream: av.video.stream.VideoStream) -> bool:
    ctx = stream.codec_context
    return bool(ctx is not None and ctx.has_b_frames)


def may_reorder_unannounced(table: PacketTable, stream: av.video.stream.VideoStream) -> bool:
    """A codec that can reorder, a stream that says it does not, pts in decode order.

    Then only decoding the first frames shows whether output order matches.
    """
    ctx = stream.codec_context
    pts = table.pts[table.frames]
    if ctx is None or ctx.has_b_frames or not ctx.codec.reorder or pts.size < 3:
        return False
    return bool(np.all(np.diff(pts) > 0))
