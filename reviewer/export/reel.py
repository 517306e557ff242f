"""The screening reel: the selected clips in the editor's order, grouped under Chinese title
cards, one MP4 for the meeting.

Every segment is encoded to the same size, rate and audio layout, then joined with the
concat demuxer without another encode. Audio is kept and levelled per clip (loudnorm), so
a whispered kitchen and a loud market play at one volume; silent footage gets silence.
"""

from __future__ import annotations

import tempfile
from dataclasses import dataclass, replace
from fractions import Fraction
from pathlib import Path

from reviewer.export import atomic, ffmpeg, plan, redacted_video, video
from reviewer.export.clips import lower_third
from reviewer.export.common import (
    CancelFlag,
    ExportError,
    ExportOptions,
    ExportResult,
    Progress,
    Skipped,
    check,
    no_progress,
)
from reviewer.export.footage import Indexes
from reviewer.export.layout import TITLE, TITLE_BACKGROUND
from reviewer.export.snapshot import Snapshot

_BACKGROUND = "0x" + TITLE_BACKGROUND[1:]
_AUDIO = "aresample=48000,aformat=sample_fmts=fltp:channel_layouts=stereo"


@dataclass(frozen=True)
class Frame:
    """The reel's picture: size and rate shared by every segment."""

    width: int
    height: int
    rate: Fraction

    def frames(self, segment: plan.Segment) -> int:
        """The segment's length in reel frames, counted from the reel's start, so rounding
        never adds up and every segment starts on the frame the plan (and captions) say."""
        def at(ms: int) -> int:
            return round(Fraction(ms, 1000) * self.rate)
        return max(1, at(segment.start_ms + segment.duration_ms) - at(segment.start_ms))


def export(snapshot: Snapshot, target: Path, options: ExportOptions,
           flag: CancelFlag | None = None, progress: Progress = no_progress) -> ExportResult:
    indexes = Indexes()
    problems = [(item, indexes.problem(item)) for item in snapshot.items]
    skipped = tuple(p for _, p in problems if p is not None)
    usable = replace(snapshot, items=tuple(i for i, p in problems if p is None))
    segments = plan.reel(usable, options)
    segments += plan.before_after(usable, options, sum(s.duration_ms for s in segments))  # #14
    if not any(s.span for s in segments):
        raise _nothing_to_show(skipped)
    height = options.reel_height - options.reel_height % 2
    frame = Frame(round(height * 16 / 9 / 2) * 2, height, plan.rate(snapshot.fps))
    with tempfile.TemporaryDirectory(prefix="shenpian-reel-") as scratch_name:
        scratch = Path(scratch_name)
        names = []
        for n, segment in enumerate(segments):
            check(flag)
            progress(n, len(segments) + 1)
            name = f"seg{n:04d}.mp4"
            _segment(segment, frame, options, indexes, scratch, scratch / name, flag)
            names.append(name)
        progress(len(segments), len(segments) + 1)
        # Only our own plain names go in the list, so no path ever needs quoting.
        (scratch / "list.txt").write_text("".join(f"file '{n}'\n" for n in names), "utf-8")
        with atomic.atomic_path(target) as tmp:
            ffmpeg.run(["-f", "concat", "-safe", "0", "-i", "list.txt", "-c", "copy",
                        *ffmpeg.STRIP, "-movflags", "+faststart", str(tmp.resolve())],
                       flag, cwd=scratch)
    progress(len(segments) + 1, len(segments) + 1)
    exported = sum(1 for s in segments if s.span)
    return ExportResult("reel", (target,), skipped, exported=exported)


def _nothing_to_show(skipped: tuple[Skipped, ...]) -> ExportError:
    unreadable = [s for s in skipped if s.reason != "offline"]
    if not unreadable:
        return ExportError("all_offline")
    return ExportError("no_usable_footage", (unreadable[0].describe("zh_CN"),
                                             unreadable[0].describe("en")))


def _segment(segment: plan.Segment, frame: Frame, options: ExportOptions, indexes: Indexes,
             scratch: Path, out: Path, flag: CancelFlag | None) -> None:
    overlays = _watermark(frame, options, scratch)
    if segment.span is None:
        ffmpeg.run(_title_args(segment, frame, options, scratch, overlays, out), flag)
        return
    span = segment.span
    item = span.item
    assert item.source is not None
    if options.lower_third:
        overlays = lower_third(span, frame.height, scratch) + overlays
    index = indexes.get(item.source)
    c = video.cut(index, item, options)
    g = video.Grid(frame.rate, frame.frames(segment))
    fit = (f"scale={frame.width}:{frame.height}:force_original_aspect_ratio=decrease,"
           f"pad={frame.width}:{frame.height}:(ow-iw)/2:(oh-ih)/2,setsar=1")
    chain = ",".join([f"trim=start={c.start_s:.6f}:end={c.end_s:.6f}", "setpts=PTS-STARTPTS",
                      fit, *video.retime(g, c.count), *overlays])
    inputs = ["-ss", f"{c.seek_s:.6f}", "-noaccurate_seek", "-copyts", "-i", str(item.source)]
    if item.has_audio:
        level = "loudnorm=I=-16:TP=-1.5:LRA=11," if options.level_audio else ""
        audio = (f"[0:a:0]atrim=start={c.from_s:.6f}:duration={g.seconds:.6f},"
                 f"asetpts=PTS-STARTPTS,{level}{_AUDIO},apad,atrim=0:{g.seconds:.6f}[a]")
    else:
        inputs += ["-f", "lavfi", "-t", f"{g.seconds:.6f}", "-i", "anullsrc=r=48000:cl=stereo"]
        audio = f"[1:a]{_AUDIO}[a]"
    graph = f"[0:v:0]{chain}[v];{audio}"
    redacted_video.run([*inputs, "-filter_complex", graph, "-map", "[v]", "-map", "[a]",
                        "-fps_mode", "passthrough", *video.encode_args(options), "-ar", "48000",
                        *ffmpeg.STRIP, "-video_track_timescale", str(video.timescale(frame.rate)),
                        str(out)], item, c, options, flag, index)


def _title_args(segment: plan.Segment, frame: Frame, options: ExportOptions, scratch: Path,
                overlays: list[str], out: Path) -> list[str]:
    textfile = scratch / f"title-{segment.start_ms}.txt"
    textfile.write_text(segment.title, encoding="utf-8")
    title = video.drawtext(textfile, TITLE.px(frame.height), TITLE.x_expr(), TITLE.y_expr(),
                           box="")
    count = frame.frames(segment)
    seconds = float(count / frame.rate)
    rate = video.fraction_text(frame.rate)
    colour = f"color=c={_BACKGROUND}:s={frame.width}x{frame.height}:r={rate}:d={seconds:.6f}"
    return ["-f", "lavfi", "-i", colour, "-f", "lavfi", "-t", f"{seconds:.6f}",
            "-i", "anullsrc=r=48000:cl=stereo",
            "-filter_complex", f"[0:v]{','.join([title, *overlays])},setsar=1[v];[1:a]{_AUDIO}[a]",
            "-map", "[v]", "-map", "[a]", "-frames:v", str(count), *video.encode_args(options),
            "-ar", "48000", *ffmpeg.STRIP,
            "-video_track_timescale", str(video.timescale(frame.rate)), str(out)]


def _watermark(frame: Frame, options: ExportOptions, scratch: Path) -> list[str]:
    marks = redacted_video.unredacted_mark(frame.height, options, scratch)
    if not options.watermark or not options.watermark_text.strip():
        return marks
    textfile = scratch / "watermark.txt"
    textfile.write_text(options.watermark_text.strip(), encoding="utf-8")
    size = max(14, round(frame.height * 0.04))
    return [video.drawtext(textfile, size, "w-tw-w*0.03", "h-th-h*0.04", colour="white@0.6",
                           box=""), *marks]
