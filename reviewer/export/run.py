"""One entry point for every format: ``export(snapshot, fmt, out, options, flag, progress)``.

``out`` is a folder (the file gets its default name inside it) or, for single-file
formats, the file itself. The dialog and the CLI both come through here.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from reviewer.export import (
    assessment,
    bulletin,
    captions,
    clips,
    deck,
    editorial,
    ledger,
    redacted_video,
    reel,
    stats,
)
from reviewer.export.common import (
    FORMATS,
    CancelFlag,
    ExportError,
    ExportOptions,
    ExportResult,
    Progress,
    no_progress,
)
from reviewer.export.snapshot import Snapshot
from reviewer.files import NAME_MAX_BYTES, long_part

_NAMES = {
    "xlsx": ("整改台账.xlsx", "ledger.xlsx"), "csv": ("整改台账.csv", "ledger.csv"),
    "otio": ("时间线.otio", "timeline.otio"), "xmeml": ("时间线.xml", "timeline.xml"),
    "edl": ("时间线.edl", "timeline.edl"), "markers-edl": ("时间线标记.edl", "markers.edl"),
    "srt": ("字幕.srt", "captions.srt"), "ass": ("字幕.ass", "captions.ass"),
    "clips": ("片段", "clips"), "reel": ("放映片.mp4", "reel.mp4"),
    "pptx": ("通报.pptx", "deck.pptx"), "stats": ("统计", "stats"),
    "bulletin": ("通报.docx", "bulletin.docx"), "assessment": ("考核排名.xlsx", "assessment.xlsx"),
}
FOLDER_FORMATS = frozenset({"clips"})


def default_name(snapshot: Snapshot, fmt: str, options: ExportOptions) -> str:
    zh, en = _NAMES[fmt]
    stem = Path(snapshot.project_file).stem
    if fmt in ("srt", "ass") and options.caption_time == "clip":
        zh, en = "字幕", "captions"
    return f"{stem}_{en if options.lang.startswith('en') else zh}"


def target_for(snapshot: Snapshot, fmt: str, out: Path, options: ExportOptions) -> Path:
    """The file (or folder) a format writes when the user named ``out``."""
    folder_like = out.is_dir() or str(out).endswith(("/", "\\")) or not out.suffix
    if fmt in FOLDER_FORMATS or (fmt in ("srt", "ass") and options.caption_time == "clip"):
        return out if not out.is_dir() or not any(out.iterdir()) else \
            out / default_name(snapshot, fmt, options)
    if folder_like and fmt != "stats":
        return out / default_name(snapshot, fmt, options)
    if fmt == "stats" and folder_like:
        return out / default_name(snapshot, fmt, options)
    return out


def export(snapshot: Snapshot, fmt: str, out: Path, options: ExportOptions | None = None,
           flag: CancelFlag | None = None, progress: Progress = no_progress,
           others: Sequence[Snapshot] = ()) -> ExportResult:
    """Write ``fmt``; raise ExportError when nothing could be exported (the file is untouched)."""
    options = options or ExportOptions()
    if fmt not in FORMATS:
        raise ExportError("format", fmt)
    if not snapshot.items:
        raise ExportError("empty")
    redacted_video.check_format(fmt, options)
    check_name(out)  # before target_for asks the disk about it (which raises on such a name)
    target = target_for(snapshot, fmt, out, options)
    check_name(target)
    progress(0, 1)
    result = _dispatch(snapshot, fmt, target, options, flag, progress, others)
    progress(1, 1)
    return result


def check_name(target: Path) -> None:
    """A name no common file system can hold is refused before anything is written."""
    part = long_part(target)
    if part is not None:
        size, start = len(part.encode("utf-8", "surrogatepass")), f"{part[:40]}…"
        raise ExportError("name_too_long", (f"{size} 字节，最多 {NAME_MAX_BYTES}：{start}",
                                            f"{size} bytes, at most {NAME_MAX_BYTES}: {start}"))


def _dispatch(snapshot: Snapshot, fmt: str, target: Path, options: ExportOptions,
              flag: CancelFlag | None, progress: Progress,
              others: Sequence[Snapshot]) -> ExportResult:
    if fmt == "xlsx":
        return ledger.write_xlsx(snapshot, target, options, flag, progress)
    if fmt == "csv":
        return ledger.write_csv(snapshot, target, options)
    if fmt == "otio":
        return editorial.write_otio(snapshot, target, options)
    if fmt == "xmeml":
        return editorial.write_xmeml(snapshot, target, options)
    if fmt in ("edl", "markers-edl"):
        return editorial.write_edl(snapshot, target, options, markers=fmt == "markers-edl")
    if fmt in ("srt", "ass"):
        return captions.export(snapshot, target, fmt, options)
    if fmt == "clips":
        return clips.export(snapshot, target, options, flag, progress)
    if fmt == "reel":
        return reel.export(snapshot, target, options, flag, progress)
    if fmt == "pptx":
        return deck.export(snapshot, target, options, flag, progress)
    if fmt == "bulletin":
        return bulletin.export(snapshot, target, options, flag, progress)
    if fmt == "assessment":
        return assessment.export(snapshot, target, options, flag, progress)
    return stats.export([snapshot, *others], target, options)
