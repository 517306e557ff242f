"""ffmpeg arguments for cutting one clip: frame-exact (re-encode) or lossless (stream copy).

Exact cuts seek a little early with ``-copyts`` and let ``trim`` keep exactly the frames
whose timestamps the frame index lists for the span, so the first and last frames are the
ones the reviewer saw; lossless cuts start at the keyframe before the span.
"""

from __future__ import annotations

from dataclasses import dataclass
from fractions import Fraction
from pathlib import Path

from reviewer.export.common import ExportOptions
from reviewer.export.ffmpeg import STRIP
from reviewer.export.fonts import FONT_FILE, filter_path
from reviewer.export.plan import Span
from reviewer.media.index import FrameIndex

_SEEK_MARGIN_S = 1.0


@dataclass(frozen=True)
class Cut:
    """The exact frames of a span: display indices and stream-time bounds in seconds."""

    first: int
    last: int
    start_s: float  # halfway between the frame before ``first`` and ``first``
    end_s: float  # halfway between ``last`` and the frame after it
    seek_s: float  # where to ask the demuxer to start (before the keyframe)


def cut(index: FrameIndex, span: Span) -> Cut:
    first = index.index_at_ms(span.in_ms)
    last = max(first, index.index_at_ms(span.out_ms - 1))
    tb = float(index.time_base)
    pts = [int(p) for p in index.pts]
    start = (pts[first - 1] + pts[first]) / 2 * tb if first > 0 else pts[0] * tb - 1.0
    end = (pts[last] + pts[last + 1]) / 2 * tb if last + 1 < len(pts) else pts[last] * tb + 3600.0
    key = index.keyframe_at_or_before(first)
    seek = max(0.0, (pts[key] - pts[0]) * tb - _SEEK_MARGIN_S)
    return Cut(first, last, start, end, seek)


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


def exact_args(source: Path, c: Cut, has_audio: bool, overlay: list[str],
               options: ExportOptions, out: Path) -> list[str]:
    video = f"[0:v:0]trim=start={c.start_s:.6f}:end={c.end_s:.6f},setpts=PTS-STARTPTS"
    video += "".join("," + f for f in overlay) + "[v]"
    graph = [video]
    if has_audio:
        graph.append(f"[0:a:0]atrim=start={c.start_s:.6f}:end={c.end_s:.6f},"
                     "asetpts=PTS-STARTPTS[a]")
    maps = ["-map", "[v]"] + (["-map", "[a]"] if has_audio else [])
    return ["-ss", f"{c.seek_s:.6f}", "-noaccurate_seek", "-copyts", "-i", str(source),
            "-filter_complex", ";".join(graph), *maps, "-fps_mode", "passthrough",
            *encode_args(options), *STRIP, "-movflags", "+faststart", str(out)]


def lossless_args(source: Path, span: Span, out: Path) -> list[str]:
    return ["-ss", f"{span.in_ms / 1000:.3f}", "-i", str(source),
            "-t", f"{span.duration_ms / 1000:.3f}", "-map", "0:v:0", "-map", "0:a:0?",
            "-c", "copy", *STRIP, "-avoid_negative_ts", "make_zero",
            "-movflags", "+faststart", str(out)]


def fraction_text(value: Fraction) -> str:
    return f"{value.numerator}/{value.denominator}"
