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
    FileGoneError,
    MediaDecodeError,
    MediaError,
    MediaNotFoundError,
    MediaReadError,
    NotAVideoError,
    PermissionDeniedError,
    TruncatedNoIndexError,
    UnsupportedCodecError,
)
from reviewer.media.mp4box import is_unfinished_recording
from reviewer.media.paths import check_local_file

# The device itself went away (a card pulled, a USB disk unplugged): the file is gone.
# ENOMEDIUM is Linux-only.
_GONE_ERRNOS = {errno.ENXIO, errno.ENODEV, errno.ESTALE, getattr(errno, "ENOMEDIUM", errno.ENODEV)}


def open_video(
    path: str | Path, threads: str = "AUTO"
) -> tuple[av.container.InputContainer, av.video.stream.VideoStream]:
    """Open ``path`` and its first video stream, ready to decode.

    ``threads``: PyAV's thread type, or "SINGLE" for one decoder thread (the
    only decode that conceals damage the same way every time, ADR 0007).
    """
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
        if threads == "SINGLE":
            stream.codec_context.thread_count = 1
        stream.thread_type = "SLICE" if threads == "SINGLE" else threads
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
    """Classify an exception raised while reading ``path`` by its true cause.

    The file itself is asked first: gone, unreadable or failing at the OS
    level. Only then does FFmpeg's error count, and a demuxer's refusal
    (EPERM from a seek it cannot do) or bad data is never a disk problem.
    """
    if isinstance(exc, MediaError):
        return exc
    found = file_problem(path)
    if found is not None:
        return found
    if isinstance(exc, OSError) and exc.errno in _GONE_ERRNOS:
        return FileGoneError(path)
    if isinstance(exc, OSError) and exc.errno == errno.EIO:
        return MediaReadError(path, _short(exc))
    if isinstance(exc, av.error.PatchWelcomeError | av.error.OptionNotFoundError):
        return UnsupportedCodecError(path, str(exc))
    return MediaDecodeError(path, _short(exc))


def file_problem(path: Path) -> MediaError | None:
    """What is wrong with the file on disk, if anything: gone, not readable, failing."""
    try:
        with path.open("rb") as handle:
            handle.read(1)
    except FileNotFoundError:
        return FileGoneError(path)
    except PermissionError:
        return PermissionDeniedError(path)
    except OSError as exc:
        if exc.errno in _GONE_ERRNOS or not path.parent.exists():
            return FileGoneError(path)
        return MediaReadError(path, _short(exc))
    return None


def _short(exc: BaseException) -> str:
    text = getattr(exc, "strerror", None) or str(exc) or type(exc).__name__
    return str(text).split(";")[0][:80]
