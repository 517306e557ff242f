"""Decoding a file from the top to learn which pictures come out, in which order.

Before it is sent to the decoder every packet's pts is replaced by the
value of a field that names it uniquely (its dts or byte position where
its own pts cannot be trusted). libavcodec hands each packet's pts on to
the picture decoded from it, through any reordering, frame threading or
DivX packed B-frames, so every picture out names the packet it came from.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

import av.container
import av.error
import av.video.frame
import numpy as np

from reviewer.media.container import as_media_error, open_video

Progress = Callable[[float], None]
_PROGRESS_EVERY = 64  # packets between progress reports


def stamp(packet: av.Packet, field: str) -> int | None:
    """Give ``packet`` its identity as pts; return it (None if the field is missing)."""
    if field == "pts":
        return packet.pts
    value = getattr(packet, field)
    if value is None or (field == "pos" and value < 0):
        return None
    packet.pts = value
    return int(value)


def decode_packet(packet: av.Packet) -> list[av.video.frame.VideoFrame]:
    """The pictures a packet completes; a damaged packet completes none.

    Zero-size packets are never sent: libavcodec takes an empty packet as
    "end of stream" and would stop decoding (AVI repeat entries, for one).
    """
    if not packet.size:
        return []
    try:
        return list(packet.decode())
    except av.error.InvalidDataError:
        return []


def drain(stream: av.video.stream.VideoStream) -> list[av.video.frame.VideoFrame]:
    """The pictures the decoder still holds back for reordering, at the end of the file.

    With frame threads, an error from a damaged last packet surfaces here and
    PyAV drops the pictures still queued behind it; a single-threaded decode
    does not lose them (callers retry with threads="SINGLE" when one is missing).
    """
    try:
        return list(stream.codec_context.decode(None))
    except (av.error.InvalidDataError, av.error.EOFError):
        return []


@dataclass(frozen=True, eq=False)
class DecodeRun:
    """Every picture the decoder put out, in output order: its packet's identity and health."""

    idents: np.ndarray
    corrupt: np.ndarray
    cancelled: bool = False


def decode_pass(
    p: Path,
    field: str,
    limit: int | None = None,
    progress: Progress | None = None,
    cancelled: Callable[[], bool] | None = None,
    total: int = 0,
    threads: str = "AUTO",
) -> DecodeRun:
    """Decode ``p`` from the top (the first ``limit`` picture packets only, if given)."""
    container, stream = open_video(p, threads)
    idents: list[int] = []
    corrupt: list[bool] = []
    try:
        for video in _pictures(p, container, stream, field, limit):
            if isinstance(video, int):
                if cancelled is not None and cancelled():
                    return DecodeRun(np.asarray(idents, np.int64), np.asarray(corrupt), True)
                if progress is not None and total:
                    progress(min(1.0, video / total))
                continue
            if video.pts is not None:
                idents.append(int(video.pts))
                corrupt.append(bool(video.is_corrupt))
    finally:
        container.close()
    return DecodeRun(np.asarray(idents, np.int64), np.asarray(corrupt, dtype=bool))


def _pictures(
    p: Path,
    container: av.container.InputContainer,
    stream: av.video.stream.VideoStream,
    field: str,
    limit: int | None,
) -> Iterator[av.video.frame.VideoFrame | int]:
    """Decoded pictures, and now and then the number of packets sent (a chance to cancel)."""
    sent = 0
    try:
        for packet in container.demux(stream):
            if limit is not None and sent >= limit:
                break
            if packet.size:
                sent += 1
                stamp(packet, field)
            yield from decode_packet(packet)
            if packet.size and sent % _PROGRESS_EVERY == 0:
                yield sent
    except av.error.InvalidDataError:
        pass  # the rest of the file is unreadable: what came out so far is the file
    except (OSError, av.error.FFmpegError) as exc:
        if not isinstance(exc, av.error.EOFError):
            raise as_media_error(p, exc) from exc
    yield from drain(stream)
