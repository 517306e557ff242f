"""``probe(path)``: what a footage file is, measured rather than taken from its header.

"Cut short" means data is really missing (ADR 0007): packets the file's own
index lists are not in it, or its tail does not decode. Header frame counts
that include zero-size repeat entries or discard-flagged packets do not count.
"""

from __future__ import annotations

import dataclasses
from dataclasses import asdict, dataclass
from datetime import datetime
from pathlib import Path

import av.container
import av.error
import numpy as np

from reviewer.media.container import as_media_error, open_video
from reviewer.media.decode_pass import Progress, decode_packet, decode_pass, drain
from reviewer.media.errors import MediaDecodeError
from reviewer.media.frame import normalise_rotation
from reviewer.media.index import FrameIndex, Ranges, build_index, ranges
from reviewer.media.paths import check_local_file

# A frame counts as off-rhythm if its duration is more than 10 % from the median.
_VFR_TOLERANCE = 0.10
_VFR_SHARE = 0.01
_DATE_KEYS = ("com.apple.quicktime.creationdate", "creation_time", "date")


@dataclass(frozen=True)
class MediaInfo:
    """A footage file as the engine will play it. Sizes are after rotation."""

    name: str
    size_bytes: int
    container: str
    duration_ms: int
    frame_count: int
    frame_count_exact: bool
    nominal_fps: float
    average_fps: float
    is_vfr: bool
    width: int
    height: int
    coded_width: int
    coded_height: int
    rotation: int
    video_codec: str
    pixel_format: str
    has_audio: bool
    audio_codec: str | None
    recorded_at: datetime | None
    truncated: bool
    damaged_frames: int = 0  # frames known not to decode
    damaged_stretches: int = 0  # runs of consecutive damaged frames
    damage_checked: bool = False  # every frame was decoded to count them
    indexed_by: str = "packets"  # or "decoder": the file's own pts could not be trusted

    def to_dict(self) -> dict[str, object]:
        data = asdict(self)
        data["recorded_at"] = self.recorded_at.isoformat() if self.recorded_at else None
        return data


def probe(
    path: str | Path,
    index: FrameIndex | None = None,
    check: bool = False,
    progress: Progress | None = None,
) -> MediaInfo:
    """Open ``path``, count its frames and decode the first one.

    With ``check``, every frame is decoded so damaged frames are counted,
    not only those the index already knows about.
    """
    p = check_local_file(path)
    index = index if index is not None else build_index(p)
    damaged = find_damage(p, index, progress) if check else index.damaged
    container, stream = open_video(p)
    try:
        first = _first_frame(p, container, stream)
        info = _describe(p, container, stream, index, first)
    finally:
        container.close()
    return dataclasses.replace(
        info,
        damaged_frames=sum(b - a + 1 for a, b in damaged),
        damaged_stretches=len(damaged),
        damage_checked=check or index.built_by == "decoder",
        indexed_by=index.built_by,
    )


def find_damage(p: Path, index: FrameIndex, progress: Progress | None = None) -> Ranges:
    """Decode every frame: those that do not come out, or come out corrupt, are damaged."""
    run = decode_pass(p, index.ident_field, progress=progress, total=len(index))
    came = np.isin(index.ident, run.idents)
    corrupt = np.isin(index.ident, run.idents[run.corrupt])
    return ranges(np.flatnonzero(corrupt | ~came))


def _first_frame(p: Path, container: av.container.InputContainer, stream: object) -> object:
    try:
        for packet in container.demux(stream):
            for video in decode_packet(packet):
                return video
        for video in drain(stream):  # type: ignore[arg-type]
            return video
    except (OSError, av.error.FFmpegError) as exc:
        if not isinstance(exc, av.error.EOFError | av.error.InvalidDataError):
            raise as_media_error(p, exc) from exc
    raise MediaDecodeError(p, "no frame decodes")


def _describe(p, container, stream, index: FrameIndex, first) -> MediaInfo:  # noqa: ANN001
    rotation = normalise_rotation(first.rotation)
    w, h = first.width, first.height
    audio = container.streams.audio[0] if container.streams.audio else None
    return MediaInfo(
        name=p.name,
        size_bytes=p.stat().st_size,
        container=container.format.name,
        duration_ms=index.total_ms,
        frame_count=len(index),
        frame_count_exact=index.complete,
        nominal_fps=float(stream.guessed_rate or stream.average_rate or 0),
        average_fps=_average_fps(index),
        is_vfr=is_variable_rate(index),
        width=h if rotation in (90, 270) else w,
        height=w if rotation in (90, 270) else h,
        coded_width=w,
        coded_height=h,
        rotation=rotation,
        video_codec=stream.codec_context.name,
        pixel_format=first.format.name,
        has_audio=audio is not None,
        audio_codec=audio.codec_context.name if audio is not None else None,
        recorded_at=_recorded_at(container, stream),
        truncated=not index.complete,
    )


def _average_fps(index: FrameIndex) -> float:
    span = (int(index.pts[-1]) - int(index.pts[0])) * float(index.time_base)
    return (len(index) - 1) / span if span > 0 else 0.0


def is_variable_rate(index: FrameIndex) -> bool:
    """True when a noticeable share of frames is off the median rhythm (phone VFR)."""
    durations = index.durations()
    if durations.size < 3:
        return False
    median = float(np.median(durations))
    slack = max(median * _VFR_TOLERANCE, 0.0015)  # 29.97 in a 1/1000 time base jitters 1 ms
    off = np.abs(durations - median) > slack
    return float(off.mean()) > _VFR_SHARE


def _recorded_at(container: av.container.InputContainer, stream: object) -> datetime | None:
    for metadata in (container.metadata, getattr(stream, "metadata", {})):
        for key in _DATE_KEYS:
            parsed = _parse_date(metadata.get(key, ""))
            if parsed is not None:
                return parsed
    return None


def _parse_date(text: str) -> datetime | None:
    text = text.strip()
    if not text or text.startswith("1904") or text.startswith("1970-01-01"):
        return None  # QuickTime's and Unix's "unset" dates
    try:
        return datetime.fromisoformat(text.replace("Z", "+00:00"))
    except ValueError:
        return None
