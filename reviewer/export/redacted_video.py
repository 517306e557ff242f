"""The redaction stage of clip and reel exports: frames decoded here, redacted, and piped
to the same ffmpeg command the unredacted export runs.

The export builds its ffmpeg arguments as usual (trim, lower third, scaling, encoder);
``run`` swaps the footage input for a NUT stream on stdin that carries the redacted
frames of the cut (and the footage's own audio packets) with their original timestamps,
so the export's ``trim``/``atrim`` select exactly the frames and sound they would have
selected from the file. Frames are redacted in I420, without a colour conversion.
"""

from __future__ import annotations

import contextlib
import subprocess
import tempfile
from collections.abc import Sequence
from fractions import Fraction
from pathlib import Path

import av
import av.error
import numpy as np

from reviewer.export import ffmpeg
from reviewer.export.common import CancelFlag, ExportOptions, check
from reviewer.export.fonts import FONT_FILE, filter_path
from reviewer.export.snapshot import Item
from reviewer.export.video import Cut
from reviewer.media.frame import rotate
from reviewer.media.index import FrameIndex, build_index
from reviewer.processes import NO_CONSOLE
from reviewer.redact import render
from reviewer.redact.detect import looked_at
from reviewer.redact.detector import shared
from reviewer.redact.errors import RedactError
from reviewer.redact.frames import FrameRef, walk
from reviewer.redact.model import NO_REGIONS, Pass, Regions, Track
from reviewer.redact.pictures import MARK_TEXT
from reviewer.redact.tracking import Scan, link

_PIPE = "pipe:0"


def active(options: ExportOptions) -> bool:
    return options.redact == "on"


def check_format(fmt: str, options: ExportOptions) -> None:
    """Refuse what cannot honour the redaction choice, before anything is written."""
    if fmt != "clips" or options.clip_mode != "lossless":
        return
    if options.redact == "on":
        raise RedactError("lossless")


def unredacted_mark(height: int, options: ExportOptions, scratch: Path) -> list[str]:
    """The drawtext that marks every frame of an explicitly unredacted export."""
    if options.redact != "off":
        return []
    textfile = scratch / "unredacted.txt"
    textfile.write_text(MARK_TEXT, encoding="utf-8")
    size = max(12, round(height * 0.07))
    return [f"drawtext=fontfile={filter_path(FONT_FILE)}:textfile={filter_path(textfile)}"
            f":expansion=none:fontsize={size}:fontcolor=white@0.9:box=1:boxcolor=black@0.55"
            f":boxborderw={max(4, size // 3)}:x=(w-tw)/2:y=(h-th)/2"]


def run(args: Sequence[str], item: Item, cut: Cut | None, options: ExportOptions,
        flag: CancelFlag | None = None, index: FrameIndex | None = None) -> None:
    """Run the export's ffmpeg command; the footage goes through our decoder first when
    redaction is on, or when the file's own timestamps cannot be trusted (``index`` built
    from the decoder's output, ADR 0007): ffmpeg's ``trim`` would read those timestamps and
    cut other frames than the tag's, so it is fed frames stamped with the index's times."""
    redacting = active(options)
    if cut is None or item.source is None or not (redacting or _untrusted_clock(index)):
        ffmpeg.run(args, flag)
        return
    piped = swap_input(list(args), item.source)
    index = index if index is not None else build_index(item.source)
    regions = complete_regions(item, index, cut, flag) if redacting else NO_REGIONS
    _run_fed(piped, lambda stdin: _produce(stdin, item, index, cut, regions, options, flag), flag)


def _untrusted_clock(index: FrameIndex | None) -> bool:
    return index is not None and index.built_by == "decoder"


def swap_input(args: list[str], source: Path) -> list[str]:
    """``-ss T -noaccurate_seek -copyts -i SOURCE`` becomes ``-copyts -f nut -i pipe:0``."""
    at = next(n for n in range(len(args) - 1) if args[n] == "-i" and args[n + 1] == str(source))
    start = at
    while start > 0 and args[start - 1] in ("-noaccurate_seek", "-copyts") or \
            start > 1 and args[start - 2] == "-ss":
        start -= 1 if args[start - 1] in ("-noaccurate_seek", "-copyts") else 2
    return [*args[:start], "-copyts", "-f", "nut", "-i", _PIPE, *args[at + 2:]]


def complete_regions(item: Item, index: FrameIndex, cut: Cut, flag: CancelFlag | None) -> Regions:
    """The item's regions, plus faces found now on frames no detection pass looked at."""
    regions = item.regions
    assert item.source is not None
    gaps = regions.uncovered(*looked_at(index, cut.first, cut.last))
    extra, passes = [], []
    for lo, hi in gaps:
        first, last = index.index_at_ms(lo), index.index_at_ms(hi - 1)
        scan = Scan(shared(), check=lambda: check(flag))
        for samples in link(scan.run(walk(item.source, index, first, last))):
            extra.append(Track(f"export-{len(extra)}", item.tag.uuid, item.media_id, "face",
                               samples))
        passes.append(Pass(item.media_id, *looked_at(index, first, last)))
    return regions.with_tracks(tuple(extra), tuple(passes)) if gaps else regions


def _produce(stdin: object, item: Item, index: FrameIndex, cut: Cut, regions: Regions,
             options: ExportOptions, flag: CancelFlag | None) -> None:
    assert item.source is not None
    with contextlib.ExitStack() as stack:
        source = stack.enter_context(av.open(str(item.source))) if item.has_audio else None
        out = stack.enter_context(av.open(stdin, mode="w", format="nut"))
        audio = _Audio(source, out, cut) if source is not None and source.streams.audio else None
        video_stream = None
        for ref in walk(item.source, index, cut.first, cut.last):
            check(flag)
            pts = int(index.pts[ref.index])  # the engine's time of this frame, not the file's
            frame = _redacted(ref, regions, options, pts)
            if video_stream is None:
                video_stream = _video_stream(out, frame, index.time_base)
            if audio is not None:
                audio.mux_until(float(pts * index.time_base))
            for packet in video_stream.encode(frame):
                out.mux(packet)
        if audio is not None:
            audio.mux_until(float("inf"))
        if video_stream is not None:
            for packet in video_stream.encode(None):
                out.mux(packet)


class _Audio:
    """The footage's own audio packets around the cut, copied into the pipe in time order."""

    def __init__(self, source: av.container.InputContainer, out: av.container.OutputContainer,
                 cut: Cut) -> None:
        self._in = source.streams.audio[0]
        self._out = out
        self._stream = out.add_stream_from_template(self._in)
        source.seek(max(0, int((cut.seek_s - 1.0) / self._in.time_base)), stream=self._in)
        self._packets = source.demux(self._in)
        self._end_s = cut.end_s + 1.0
        self._next: av.Packet | None = None
        self._done = False

    def mux_until(self, t_s: float) -> None:
        while not self._done:
            if self._next is None:
                self._next = self._read()
                continue
            if self._time(self._next) > t_s:
                return
            self._next.stream = self._stream
            self._out.mux(self._next)
            self._next = None

    def _read(self) -> av.Packet | None:
        for packet in self._packets:
            if packet.pts is None or not packet.size:
                continue
            if self._time(packet) <= self._end_s:
                return packet
            break
        self._done = True
        return None

    def _time(self, packet: av.Packet) -> float:
        return float(packet.pts * self._in.time_base)


def _redacted(ref: FrameRef, regions: Regions, options: ExportOptions,
              pts: int) -> av.VideoFrame:
    picture = ref.picture()
    boxes = regions.boxes_at(ref.t_ms)
    style = options.redact_style
    if picture.i420:
        pixels, w, h = _rotated_i420(picture.pixels, picture.width, picture.height,
                                     picture.rotation)
        render.i420(pixels, w, h, boxes, style)
        frame = av.VideoFrame.from_ndarray(pixels, format="yuv420p")
    else:
        image = rotate(picture.pixels, picture.rotation).copy()
        frame = av.VideoFrame.from_ndarray(render.bgr(image, boxes, style), format="bgr24")
    frame.pts = pts
    return frame


def _rotated_i420(pixels: np.ndarray, w: int, h: int,
                  rotation: int) -> tuple[np.ndarray, int, int]:
    if rotation == 0:
        return (pixels if pixels.flags.writeable else pixels.copy()), w, h
    flat = pixels.reshape(-1)
    luma = rotate(flat[: w * h].reshape(h, w), rotation)
    cw, ch = w // 2, h // 2
    u, v = (rotate(flat[w * h + k * cw * ch: w * h + (k + 1) * cw * ch].reshape(ch, cw),
                   rotation) for k in (0, 1))
    out_w, out_h = luma.shape[1], luma.shape[0]
    joined = np.concatenate([luma.reshape(-1), u.reshape(-1), v.reshape(-1)])
    return joined.reshape(out_h * 3 // 2, out_w), out_w, out_h


def _video_stream(out: av.container.OutputContainer, frame: av.VideoFrame,
                  time_base: Fraction) -> av.VideoStream:
    stream = out.add_stream("rawvideo")
    stream.width, stream.height = frame.width, frame.height
    stream.pix_fmt = frame.format.name
    stream.time_base = time_base
    stream.codec_context.time_base = time_base
    return stream


def _run_fed(args: list[str], produce: object, flag: CancelFlag | None) -> None:
    """ffmpeg with ``produce(stdin)`` writing its input; cancel kills it, errors are ffmpeg's."""
    check(flag)
    cmd = [ffmpeg.exe(), "-hide_banner", "-loglevel", "error", "-y", *args]
    with tempfile.TemporaryFile() as log:
        proc = subprocess.Popen(cmd, stdin=subprocess.PIPE, stdout=subprocess.DEVNULL,
                                stderr=log, **NO_CONSOLE)
        try:
            assert proc.stdin is not None
            # If ffmpeg stops reading, its own error (below) says why.
            with contextlib.suppress(BrokenPipeError, av.error.FFmpegError, OSError):
                produce(proc.stdin)  # type: ignore[operator]
            with contextlib.suppress(OSError):
                proc.stdin.close()
            proc.wait()
        except BaseException:
            _kill(proc)
            raise
        if proc.returncode != 0:
            log.seek(0)
            raise ffmpeg._failure(log.read().decode("utf-8", "replace"))


def _kill(proc: subprocess.Popen[bytes]) -> None:
    if proc.poll() is None:
        proc.kill()
        proc.wait()
