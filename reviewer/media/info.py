"""``probe(path)``: what a footage file is, measured rather than taken from its header."""

from __future__ import annotations

from dataclasses import asdict, dataclass
from datetime import datetime
from pathlib import Path

import av.container
import av.error
import numpy as np

from reviewer.media.container import as_media_error, open_video
from reviewer.media.errors import MediaReadError
from reviewer.media.frame import normalise_rotation
from reviewer.media.index import FrameIndex, build_index
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

    def to_dict(self) -> dict[str, object]:
        data = asdict(self)
        data["recorded_at"] = self.recorded_at.isoformat() if self.recorded_at else None
        return data


def probe(path: str | Path, index: FrameIndex | None = None) -> MediaInfo:
    """Open ``path``, count its frames from the packets and decode the first one."""
    p = check_local_file(path)
    index = index if index is not None else build_index(p)
    container, stream = open_video(p)
    try:
        first = _first_frame(p, container, stream)
        return _describe(p, container, stream, index, first)
    finally:
        container.close()


def _first_frame(p: Path, container: av.container.InputContainer, stream: object) -> object:
    try:
        for video in container.decode(stream):
            return video
    except av.error.InvalidDataError:
        pass
    except (OSError, av.error.FFmpegError) as exc:
        raise as_media_error(p, exc) from exc
    raise MediaReadError(p, "no decodable frame")


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
