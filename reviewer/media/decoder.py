"""One demuxer + decoder over a file, positioned only through keyframes from the index.

We never trust where a seek lands: every decoded frame is identified by its
timestamp in the index, and a frame that is not there is never returned.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import av.error
import av.video.frame

from reviewer.media.container import as_media_error, open_video
from reviewer.media.index import FrameIndex

Decoded = tuple[int, av.video.frame.VideoFrame]


class Decoder:
    """Decodes runs of frames starting at a keyframe; not thread-safe (one per thread)."""

    def __init__(self, path: Path, index: FrameIndex, threads: str = "AUTO") -> None:
        self.path = path
        self.index = index
        self._container, self._stream = open_video(path, threads)
        self._skipping = False

    def close(self) -> None:
        self._container.close()

    def run(self, key: int | None, skip_before: int) -> Iterator[Decoded]:
        """Frames in display order from keyframe ``key`` onward, as (index, frame).

        Packets displayed before ``skip_before`` are decoded only if other
        frames reference them (what mpv's hr-seek does): frames before
        ``skip_before`` may be missing from the output.
        """
        self._seek(key)
        skip_pts = int(self.index.pts[min(skip_before, len(self.index) - 1)])
        try:
            yield from self._decode_packets(skip_pts)
        except (OSError, av.error.FFmpegError) as exc:
            if isinstance(exc, av.error.EOFError):
                return
            raise as_media_error(self.path, exc) from exc

    def _seek(self, key: int | None) -> None:
        if key is None:
            # Well before the first frame: every demuxer takes that as "from the top".
            target = int(self.index.seek_ts[0]) - int(10 / self.index.time_base)
        else:
            target = int(self.index.seek_ts[key])
        try:
            self._container.seek(target, stream=self._stream, backward=True, any_frame=False)
        except (OSError, av.error.FFmpegError) as exc:
            raise as_media_error(self.path, exc) from exc

    def _decode_packets(self, skip_pts: int) -> Iterator[Decoded]:
        for packet in self._container.demux(self._stream):
            stamp = packet.pts if packet.pts is not None else packet.dts
            self._set_skipping(stamp is not None and stamp < skip_pts and packet.size > 0)
            yield from self._decode(packet)

    def _decode(self, packet: av.Packet) -> Iterator[Decoded]:
        try:
            frames = packet.decode()
        except av.error.InvalidDataError:
            return  # one damaged packet: its frame is simply not produced
        for video in frames:
            i = self._identify(video)
            if i is not None:
                yield i, video

    def _identify(self, video: av.video.frame.VideoFrame) -> int | None:
        stamp = video.pts if video.pts is not None else video.dts
        return None if stamp is None else self.index.index_of_pts(int(stamp))

    def _set_skipping(self, skip: bool) -> None:
        if skip != self._skipping:
            self._stream.codec_context.skip_frame = "NONREF" if skip else "DEFAULT"
            self._skipping = skip
