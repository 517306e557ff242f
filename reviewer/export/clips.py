"""Clip files, one per tag: exact (re-encoded, frame-exact) or lossless (stream copy).

Footage that is not there is skipped as offline; footage that is there but cannot be read
or cut is skipped with its cause. Each file is written atomically, so a cancel or a full
disk leaves the finished clips whole and no partial one.
"""

from __future__ import annotations

import tempfile
from pathlib import Path

from reviewer.export import atomic, naming, plan, redacted_video, video
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
from reviewer.export.footage import Indexes, skip
from reviewer.export.layout import LOWER_THIRD
from reviewer.export.snapshot import Item, Snapshot
from reviewer.media.info import is_variable_rate

__all__ = ["Indexes", "export", "lower_third", "one"]


def export(snapshot: Snapshot, out_dir: Path, options: ExportOptions,
           flag: CancelFlag | None = None, progress: Progress = no_progress) -> ExportResult:
    out_dir.mkdir(parents=True, exist_ok=True)
    taken = {p.stem.lower() for p in out_dir.glob("*.mp4")}
    indexes, written, skipped = Indexes(), [], []
    items = snapshot.items
    with tempfile.TemporaryDirectory(prefix="shenpian-") as scratch:
        for done, item in enumerate(items):
            check(flag)
            progress(done, len(items))
            problem = indexes.problem(item)
            if problem is None:
                stem = naming.unique(naming.clip_stem(options, item), taken)
                problem = _try(item, out_dir / f"{stem}.mp4", options, indexes, Path(scratch),
                               flag, written)
            if problem is not None:
                skipped.append(problem)
    progress(len(items), len(items))
    return ExportResult("clips", tuple(written), tuple(skipped), exported=len(written),
                        notes=_notes(options, indexes))


def _try(item: Item, target: Path, options: ExportOptions, indexes: Indexes, scratch: Path,
         flag: CancelFlag | None, written: list[Path]) -> Skipped | None:
    """Write one clip; a problem of this clip alone is returned, anything wider is raised."""
    try:
        written.append(one(item, target, options, indexes, scratch, flag))
    except ExportError as exc:
        if exc.kind != "ffmpeg":
            raise  # cancelled, disk full: the export stops
        return skip(item, "failed", (exc.message("zh_CN"), exc.message("en")))
    return None


def exact(options: ExportOptions) -> bool:
    return options.clip_mode == "exact" or options.lower_third  # text needs a re-encode


def one(item: Item, target: Path, options: ExportOptions, indexes: Indexes, scratch: Path,
        flag: CancelFlag | None = None) -> Path:
    """Write the clip of ``item`` to ``target`` (atomically)."""
    assert item.source is not None
    c = index = None
    with atomic.atomic_path(target) as tmp:
        if exact(options):
            index = indexes.get(item.source)
            overlay = lower_third(plan.span(item, options), item.height or 360, scratch) \
                if options.lower_third else []
            overlay += redacted_video.unredacted_mark(item.height or 360, options, scratch)
            c = video.cut(index, item, options)
            g = None if options.vfr else video.grid(c, video.clip_rate(index))
            args = video.exact_args(item.source, c, g, item.has_audio, overlay, options, tmp)
        else:
            args = video.lossless_args(item.source, plan.span(item, options), tmp)
        redacted_video.run(args, item, c, options, flag, index)  # plain ffmpeg when it can
    return target


def _notes(options: ExportOptions, indexes: Indexes) -> tuple[str, ...]:
    if not exact(options):
        return ("keyframe_start",)
    retimed = not options.vfr and any(is_variable_rate(i) for i in indexes.built())
    return ("constant_rate",) if retimed else ()


def lower_third(span: plan.Span, height: int, scratch: Path) -> list[str]:
    text = video.lower_third_text(span)
    if not text:
        return []
    textfile = scratch / f"lower-{span.item.number}.txt"
    textfile.write_text(text, encoding="utf-8")
    return [video.drawtext(textfile, LOWER_THIRD.px(height), LOWER_THIRD.x_expr(),
                           LOWER_THIRD.y_expr())]
