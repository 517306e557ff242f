"""ffmpeg arguments for cutting one clip: frame-exact (re-encode) or lossless (stream copy).

Exact cuts seek a little early with ``-copyts`` and let ``trim`` keep exactly the frames
the frame index lists between the clip's ends, so the first and last frames are the ones
the reviewer saw, on variable-rate footage too. By default those frames are then laid on
a constant-rate grid for editing suites (:func:`retime`: frames are repeated to keep time,
never moved off either end); ``ExportOptions.vfr`` keeps the footage's own timing instead.
Lossless cuts start at the keyframe before the span.
"""

from __future__ import annotations

from dataclasses import dataclass
from fractions import Fraction
from pathlib import Path

import numpy as np

from reviewer.export import plan
from reviewer.export.common import ExportOptions
from reviewer.export.ffmpeg import STRIP
from reviewer.export.fonts import FONT_FILE, filter_path
from reviewer.export.plan import Span
from reviewer.export.snapshot import Item
from reviewer.media.index import FrameIndex

# -ss lands on the keyframe at or before its time; the margin only absorbs rounding and a
# container clock that starts a little before the video (it never costs more than 0.1 s of
# extra decoding, which a 1 s margin did on every clip).
_SEEK_MARGIN_S = 0.1


@dataclass(frozen=True)
class Cut:
    """The exact frames of a clip: display indices and where they sit in stream time (s)."""

    first: int
    last: int
    start_s: float  # trim from: halfway between the frame before ``first`` and ``first``
    end_s: float  # trim to: halfway between ``last`` and the frame after it
    seek_s: float  # where to ask the demuxer to start (before the keyframe)
    from_s: float  # ``first``'s own start: the clip's sound starts here
    duration_s: float  # from ``first``'s start to ``last``'s end
    clock: Fraction  # the stream's time base: a VFR clip keeps it, so no frame time rounds

    @property
    def count(self) -> int:
        return self.last - self.first + 1


@dataclass(frozen=True)
class Grid:
    """A constant-rate output: ``frames`` frames at ``rate`` per second."""

    rate: Fraction
    frames: int

    @property
    def seconds(self) -> float:
        return float(self.frames / self.rate)


def cut(index: FrameIndex, item: Item, options: ExportOptions) -> Cut:
    """The frames on screen at the tag's ends (widened by the handles) and all between."""
    first_ms, last_ms = plan.ends(item, options)
    first = index.index_at_ms(first_ms)
    last = max(first, index.index_at_ms(last_ms))
    here, there = _seconds(index, first), _seconds(index, last)
    start = (_seconds(index, first - 1) + here) / 2 if first > 0 else here - 1.0
    if last + 1 < len(index):
        after = _seconds(index, last + 1)
        end = (there + after) / 2
    else:  # the file's last frame: trim to well past it, hold it for a typical frame
        after, end = there + index.typical_duration_ms() / 1000, there + 3600.0
    key = index.keyframe_at_or_before(first)
    # seek_ts: what the demuxer seeks by (dts for MPEG-TS, where it is below the pts).
    key_s = int(index.seek_ts[key]) * float(index.time_base)
    seek = max(0.0, key_s - _seconds(index, 0) - _SEEK_MARGIN_S)
    return Cut(first, last, start, end, seek, here, max(after - here, 0.001), index.time_base)


def _seconds(index: FrameIndex, i: int) -> float:
    """Frame ``i``'s timestamp in the stream's own clock (what ``trim`` sees with -copyts)."""
    return int(index.pts[i]) * float(index.time_base)


def clip_rate(index: FrameIndex) -> Fraction:
    """The constant rate for a file's clips: the standard rate nearest its fast rhythm.

    The rhythm is the lower quartile of frame durations, so a phone that dropped to 10 fps
    in the dark still gets its 30 fps (and jitter of a few ms does not matter).
    """
    durations = index.durations()
    durations = durations[durations > 0]
    if durations.size == 0:
        return Fraction(25)
    fps = 1.0 / float(np.quantile(durations, 0.25))
    return plan.nearest_standard(fps)


def grid(c: Cut, rate: Fraction) -> Grid:
    return Grid(rate, max(1, round(c.duration_s * rate)))


def retime(g: Grid, count: int) -> list[str]:
    """Filters laying ``count`` trimmed frames (timestamps from 0) on the grid ``g``.

    Each frame goes to the grid slot nearest its time, or the slot after the frame before
    when that one is taken (jitter). When the grid has a slot for every frame, none is
    dropped: a frame never takes a slot the frames after it need. When it has fewer (a
    reel slower than the footage), a frame moves at most one slot late and otherwise
    replaces the frame before. Slot 0 is the first frame's and the last frame is held in
    the final slot, so neither end moves; the end of input (N == count) is put at the
    grid's end, so ``fps`` repeats the last frame up to it and every frame over its gap.
    """
    lo = "max(PTS,PREV_OUTPTS+1)"
    if count <= g.frames:
        slot = f"min({lo},{g.frames - count}+N)"
    else:
        slot = f"min(min({lo},PTS+1),{g.frames - 1})"
    expr = f"if(eq(N,0),0,if(gte(N,{count}),{g.frames},{slot}))"
    return [f"settb={g.rate.denominator}/{g.rate.numerator}", f"setpts='{expr}'",
            f"fps={fraction_text(g.rate)}", "tpad=stop_mode=clone:stop=-1",
            f"trim=end_frame={g.frames}"]


def timescale(rate: Fraction) -> int:
    """An MP4 track clock that holds every frame of ``rate`` in whole ticks (30 -> 15360)."""
    ticks = rate.numerator
    while ticks < 10000:
        ticks *= 2
    return ticks


def lower_third_text(span: Span) -> str:
    item = span.item
    return " · ".join(x for x in (item.category, item.tag.place or item.township, item.unit) if x)


def drawtext(textfile: Path, size: int, x: str, y: str, colour: str = "white",
             box: str = "black@0.55") -> str:
    """A drawtext with our bundled CJK font; text comes from a file so it needs no escaping."""
    boxed = f":box=1:boxcolor={box}:boxborderw={max(4, size // 3)}" if box else ""
    return (f"drawtext=fontfile={filter_path(FONT_FILE)}:textfile={filter_path(textfile)}"
            f":expansion=none:fontsize={size}:fontcolor={colour}{boxed}:x={x}:y={y}")


def encode_args(options: ExportOptions) -> list[str]:
    return ["-c:v", "libx264", "-preset", options.preset, "-crf", str(options.crf),
            "-pix_fmt", "yuv420p", "-c:a", "aac", "-b:a", "128k"]


def exact_args(source: Path, c: Cut, g: Grid | None, has_audio: bool, overlay: list[str],
               options: ExportOptions, out: Path) -> list[str]:
    """Re-encode the frames of ``c``: on the grid ``g``, or with their own timing (None)."""
    chain = [f"trim=start={c.start_s:.6f}:end={c.end_s:.6f}", "setpts=PTS-STARTPTS"]
    chain += retime(g, c.count) if g is not None else []
    graph = ["[0:v:0]" + ",".join(chain + overlay) + "[v]"]
    if has_audio:
        seconds = g.seconds if g is not None else c.duration_s
        graph.append(f"[0:a:0]atrim=start={c.from_s:.6f}:duration={seconds:.6f},"
                     "asetpts=PTS-STARTPTS[a]")
    maps = ["-map", "[v]"] + (["-map", "[a]"] if has_audio else [])
    timing = _grid_timing(g) if g is not None else _own_timing(c)
    return ["-ss", f"{c.seek_s:.6f}", "-noaccurate_seek", "-copyts", "-i", str(source),
            "-filter_complex", ";".join(graph), *maps, "-fps_mode", "passthrough",
            *encode_args(options), *timing, *STRIP, "-movflags", "+faststart", str(out)]


def _grid_timing(g: Grid) -> list[str]:
    return ["-enc_time_base:v", f"1:{timescale(g.rate)}",
            "-video_track_timescale", str(timescale(g.rate))]


def _own_timing(c: Cut) -> list[str]:
    """Keep the footage's clock, and hold the last frame until the next one would have come
    (a container only knows a frame's end from the frame after it; the clip has none).

    Without B-frames the last packet is the last frame, so its duration is the clip's end.
    """
    clock = c.clock
    end = round(c.duration_s / clock)
    hold = f"if(eq(N\\,{c.count - 1})\\,{end}-PTS\\,DURATION)"
    return ["-bf", "0", "-bsf:v", f"setts=duration={hold}",
            "-enc_time_base:v", f"{clock.numerator}:{clock.denominator}",
            "-video_track_timescale", str(clock.denominator)]


def lossless_args(source: Path, span: Span, out: Path) -> list[str]:
    return ["-ss", f"{span.in_ms / 1000:.3f}", "-i", str(source),
            "-t", f"{span.duration_ms / 1000:.3f}", "-map", "0:v:0", "-map", "0:a:0?",
            "-c", "copy", *STRIP, "-avoid_negative_ts", "make_zero",
            "-movflags", "+faststart", str(out)]


def fraction_text(value: Fraction) -> str:
    return f"{value.numerator}/{value.denominator}"
