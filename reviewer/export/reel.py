"""The screening reel: the selected clips in the editor's order, grouped under Chinese title
cards, one MP4 for the meeting.

Every segment is encoded to the same size, rate and audio layout, then joined with the
concat demuxer without another encode. Audio is kept and levelled per clip (loudnorm), so
a whispered kitchen and a loud market play at one volume; silent footage gets silence.
"""

from __future__ import annotations

import tempfile
from dataclasses import dataclass
from pathlib import Path

from reviewer.export import atomic, ffmpeg, plan, video
from reviewer.export.clips import Indexes
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
from reviewer.export.snapshot import Snapshot

_BACKGROUND = "0x1d2a3a"
_AUDIO = "aresample=48000,aformat=sample_fmts=fltp:channel_layouts=stereo"


@dataclass(frozen=True)
class Frame:
    """The reel's picture: size and rate shared by every segment."""

    width: int
    height: int
    rate: str  # "25/1", "30000/1001"


def export(snapshot: Snapshot, target: Path, options: ExportOptions,
           flag: CancelFlag | None = None, progress: Progress = no_progress) -> ExportResult:
    skipped = tuple(Skipped(i.number, i.tag.uuid, i.media_name, "offline")
                    for i in snapshot.items if not i.online)
    segments = plan.reel(snapshot, options)
    segments += plan.before_after(snapshot, options, sum(s.duration_ms for s in segments))  # #14
    if not any(s.span for s in segments):
        raise ExportError("all_offline")
    height = options.reel_height - options.reel_height % 2
    frame = Frame(round(height * 16 / 9 / 2) * 2, height, video.fraction_text(plan.rate(snapshot.fps)))
    indexes = Indexes()
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
        from reviewer.export.clips import lower_third

        overlays = lower_third(span, frame.height, scratch) + overlays
    c = video.cut(indexes.get(item.source), span)
    fit = (f"scale={frame.width}:{frame.height}:force_original_aspect_ratio=decrease,"
           f"pad={frame.width}:{frame.height}:(ow-iw)/2:(oh-ih)/2,setsar=1,fps={frame.rate}")
    chain = ",".join([f"trim=start={c.start_s:.6f}:end={c.end_s:.6f}", "setpts=PTS-STARTPTS",
                      fit, *overlays])
    seconds = span.duration_ms / 1000
    inputs = ["-ss", f"{c.seek_s:.6f}", "-noaccurate_seek", "-copyts", "-i", str(item.source)]
    if item.has_audio:
        level = "loudnorm=I=-16:TP=-1.5:LRA=11," if options.level_audio else ""
        audio = (f"[0:a:0]atrim=start={c.start_s:.6f}:end={c.end_s:.6f},asetpts=PTS-STARTPTS,"
                 f"{level}{_AUDIO},apad,atrim=0:{seconds:.6f}[a]")
    else:
        inputs += ["-f", "lavfi", "-t", f"{seconds:.6f}", "-i", "anullsrc=r=48000:cl=stereo"]
        audio = f"[1:a]{_AUDIO}[a]"
    graph = f"[0:v:0]{chain}[v];{audio}"
    ffmpeg.run([*inputs, "-filter_complex", graph, "-map", "[v]", "-map", "[a]",
                *video.encode_args(options), "-ar", "48000", *ffmpeg.STRIP,
                "-video_track_timescale", "90000", str(out)], flag)


def _title_args(segment: plan.Segment, frame: Frame, options: ExportOptions, scratch: Path,
                overlays: list[str], out: Path) -> list[str]:
    textfile = scratch / f"title-{segment.start_ms}.txt"
    textfile.write_text(segment.title, encoding="utf-8")
    size = round(frame.height * 0.09)
    title = video.drawtext(textfile, size, "(w-tw)/2", "(h-th)/2", box="")
    seconds = segment.duration_ms / 1000
    colour = f"color=c={_BACKGROUND}:s={frame.width}x{frame.height}:r={frame.rate}:d={seconds:.6f}"
    return ["-f", "lavfi", "-i", colour, "-f", "lavfi", "-t", f"{seconds:.6f}",
            "-i", "anullsrc=r=48000:cl=stereo",
            "-filter_complex", f"[0:v]{','.join([title, *overlays])},setsar=1[v];[1:a]{_AUDIO}[a]",
            "-map", "[v]", "-map", "[a]", *video.encode_args(options), "-ar", "48000",
            *ffmpeg.STRIP, "-video_track_timescale", "90000", str(out)]


def _watermark(frame: Frame, options: ExportOptions, scratch: Path) -> list[str]:
    if not options.watermark or not options.watermark_text.strip():
        return []
    textfile = scratch / "watermark.txt"
    textfile.write_text(options.watermark_text.strip(), encoding="utf-8")
    size = max(14, round(frame.height * 0.04))
    return [video.drawtext(textfile, size, "w-tw-w*0.03", "h-th-h*0.04", colour="white@0.6",
                           box="")]
