"""Opening footage with PyAV and turning FFmpeg's failures into our typed errors."""

from __future__ import annotations

import errno
from pathlib import Path

import av
import av.container
import av.error
import av.video.stream

from reviewer.media.errors import (
    AudioOnlyError,
    MediaError,
    MediaNotFoundError,
    MediaReadError,
    NotAVideoError,
    TruncatedNoIndexError,
    UnsupportedCodecError,
)
from reviewer.media.mp4box import is_unfinished_recording
from reviewer.media.paths import check_local_file

_IO_ERRNOS = {errno.EIO, errno.ENXIO, errno.ENODEV, errno.ESTALE, errno.ENOMEDIUM}


def open_video(
    path: str | Path, threads: str = "AUTO"
) -> tuple[av.container.InputContainer, av.video.stream.VideoStream]:
    """Open ``path`` and its first video stream, ready to decode."""
    p = check_local_file(path)
    try:
        container = av.open(str(p), mode="r", metadata_errors="replace")
    except av.error.FileNotFoundError as exc:
        raise MediaNotFoundError(p) from exc
    except av.error.InvalidDataError as exc:
        if is_unfinished_recording(p):
            raise TruncatedNoIndexError(p) from exc
        raise NotAVideoError(p) from exc
    except OSError as exc:
        raise as_media_error(p, exc) from exc
    try:
        stream = _video_stream(p, container)
        stream.thread_type = threads
    except BaseException:
        container.close()
        raise
    return container, stream


def _video_stream(p: Path, container: av.container.InputContainer) -> av.video.stream.VideoStream:
    videos = [s for s in container.streams.video if not _is_cover_art(s)]
    if not videos:
        if container.streams.audio:
            raise AudioOnlyError(p)
        raise NotAVideoError(p)
    stream = videos[0]
    ctx = stream.codec_context
    if ctx is None or ctx.codec is None or ctx.name in ("", "none"):
        raise UnsupportedCodecError(p, _codec_tag(stream))
    return stream


def _is_cover_art(stream: av.video.stream.VideoStream) -> bool:
    """Audio files carry album art as a one-picture 'video' stream."""
    return bool(stream.disposition & av.stream.Disposition.attached_pic)


def _codec_tag(stream: av.video.stream.VideoStream) -> str:
    try:
        tag = stream.codec_context.codec_tag if stream.codec_context else ""
    except Exception:  # noqa: BLE001 - only used to make a message more specific
        tag = ""
    return tag or "unknown"


def as_media_error(path: Path, exc: BaseException) -> MediaError:
    """Classify an exception raised while reading ``path``."""
    if isinstance(exc, MediaError):
        return exc
    if not path.exists():
        return MediaReadError(path, "gone")
    if isinstance(exc, OSError) and exc.errno in _IO_ERRNOS:
        return MediaReadError(path, str(exc))
    if isinstance(exc, av.error.FileNotFoundError):
        return MediaReadError(path, "gone")
    return MediaReadError(path, str(exc))
