"""One demuxer + decoder over a file, positioned only through keyframes from the index.

We never trust where a seek lands: every decoded frame is identified by the
packet it came from (decode_pass.stamp), and a frame that is not in the
index is never returned. The top of the file is reached by reopening it,
never by a seek to a time before the first frame (AVI refuses those with
EPERM); a seek the demuxer refuses or lands late also falls back to the top.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING

import av.container
import av.error
import av.video.frame

from reviewer.media.container import as_media_error, file_problem, open_video
from reviewer.media.decode_pass import decode_packet, drain, stamp
from reviewer.media.errors import FileGoneError, MediaNotFoundError

if TYPE_CHECKING:
    from reviewer.media.index import FrameIndex

Decoded = tuple[int, av.video.frame.VideoFrame]


def seek(container: av.container.InputContainer, stream: object, index: FrameIndex, target: int) -> None:
    """Ask the demuxer for ``target`` in the index's seek units (pts, dts or byte position)."""
    container.seek(
        target,
        stream=stream,
        backward=True,
        any_frame=False,
        unsupported_byte_offset=index.seek_field == "pos",
    )


class _LandedLate(Exception):
    """The demuxer put us after the keyframe we asked for."""


class Decoder:
    """Decodes runs of frames starting at a keyframe; not thread-safe (one per thread)."""

    def __init__(
        self, path: Path, index: FrameIndex, threads: str = "AUTO", skipping: bool = True
    ) -> None:
        self.path = path
        self.index = index
        self._threads = threads
        # Skipping non-reference frames changes nothing a healthy frame is made of, but
        # a packed B-frame skipped drops the next one (ADR 0007) and error concealment
        # looks at the pictures decoded before: no skipping there.
        self._may_skip = skipping and index.built_by == "packets"
        self._open()

    def _open(self) -> None:
        self._container, self._stream = open_video(self.path, self._threads)
        self._skipping = False
        self._fresh = True  # nothing read since the file was opened: we are at its top

    def close(self) -> None:
        self._container.close()

    def run(self, key: int, skip_before: int) -> Iterator[Decoded]:
        """Frames in display order from keyframe ``key`` onward, as (index, frame).

        Packets displayed before ``skip_before`` are decoded only if other
        frames reference them (what mpv's hr-seek does): frames before
        ``skip_before`` may be missing from the output. Frames displayed
        before ``key`` (an open GOP's leading frames) are never returned
        after a seek: their references were not decoded.
        """
        floor = key if self._position(key) else 0
        try:
            yield from self._frames(floor, skip_before)
        except _LandedLate:
            self._reopen()
            yield from self._frames(0, skip_before)

    def _position(self, key: int) -> bool:
        """Get to keyframe ``key``: True after a seek, False when reading from the top."""
        if key <= 0 or not self.index.can_seek(key):
            self._to_top()
            return False
        try:
            self._seek(int(self.index.seek_ts[key]))
        except (OSError, av.error.FFmpegError) as exc:
            problem = file_problem(self.path)
            if problem is not None:
                raise problem from exc
            self._to_top()  # the demuxer refused this seek (AVI before its first index entry)
            return False
        return True

    def _seek(self, target: int) -> None:
        seek(self._container, self._stream, self.index, target)
        self._fresh = False

    def _to_top(self) -> None:
        if not self._fresh:
            self._reopen()

    def _reopen(self) -> None:
        self._container.close()
        try:
            self._open()
        except MediaNotFoundError as exc:
            raise FileGoneError(self.path) from exc  # it was there when we started

    def _frames(self, floor: int, skip_before: int) -> Iterator[Decoded]:
        for packet, shown in self._packets(floor > 0, floor):
            self._set_skipping(self._may_skip and shown is not None and shown < skip_before)
            yield from self._identified(decode_packet(packet), floor)
        yield from self._identified(drain(self._stream), floor)

    def _packets(self, check_landing: bool, key: int) -> Iterator[tuple[av.Packet, int | None]]:
        """Packets with the display index of the frame each carries (None: none of ours).

        The run ends where nothing more can be read; the frames not out by then
        are missing, and the caller decides whether that is damage or a lost file.
        """
        self._fresh = False
        field = self.index.ident_field
        try:
            for packet in self._container.demux(self._stream):
                if not packet.size:
                    continue
                shown = self.index.display_of(stamp(packet, field))
                if check_landing and shown is not None:
                    check_landing = False
                    if shown > key:
                        raise _LandedLate
                yield packet, shown
        except (av.error.EOFError, av.error.InvalidDataError):
            return
        except (OSError, av.error.FFmpegError) as exc:
            raise as_media_error(self.path, exc) from exc

    def _identified(self, videos: list[av.video.frame.VideoFrame], floor: int) -> Iterator[Decoded]:
        for video in videos:
            i = self.index.display_of(video.pts)
            if i is not None and i >= floor:
                yield i, video

    def _set_skipping(self, skip: bool) -> None:
        if skip != self._skipping:
            self._stream.codec_context.skip_frame = "NONREF" if skip else "DEFAULT"
            self._skipping = skip
