"""SRT and ASS captions (pysubs2): one line per problem, timed on the reel or on each clip.

On the reel the times follow the same plan as the screening reel (title cards included);
per clip, each file is named like its clip so players load it automatically.
"""

from __future__ import annotations

from pathlib import Path

import pysubs2

from reviewer.export import atomic, naming, plan
from reviewer.export.common import ExportOptions, ExportResult, Skipped
from reviewer.export.fonts import FONT_FAMILY
from reviewer.export.snapshot import Snapshot


def caption(span: plan.Span) -> str:
    item = span.item
    head = " · ".join(x for x in (item.category, item.tag.place or item.township, item.unit) if x)
    return head + (r"\N" + item.tag.note.replace("\n", " ") if item.tag.note else "")


def _file(fmt: str) -> pysubs2.SSAFile:
    subs = pysubs2.SSAFile()
    if fmt == "ass":
        subs.info.update({"PlayResX": "1920", "PlayResY": "1080", "ScaledBorderAndShadow": "yes"})
        subs.styles["Default"] = pysubs2.SSAStyle(
            fontname=FONT_FAMILY, fontsize=54, outline=3, shadow=1, marginv=60,
            primarycolor=pysubs2.Color(255, 255, 255), backcolor=pysubs2.Color(0, 0, 0, 128))
    return subs


def _event(start_ms: int, end_ms: int, text: str) -> pysubs2.SSAEvent:
    return pysubs2.SSAEvent(start=start_ms, end=max(end_ms, start_ms + 500), text=text)


def _save(subs: pysubs2.SSAFile, target: Path, fmt: str) -> Path:
    atomic.write_text(target, subs.to_string(fmt))
    return target


def export(snapshot: Snapshot, target: Path, fmt: str, options: ExportOptions) -> ExportResult:
    """``target`` is the caption file (reel timing) or a folder (one file per clip)."""
    if options.caption_time == "clip":
        return _per_clip(snapshot, target, fmt, options)
    subs = _file(fmt)
    for segment in plan.reel(snapshot, options, online_only=False):
        if segment.span is None:
            continue
        lead = segment.span.mark_ms - segment.span.in_ms
        start = segment.start_ms + lead
        end = start + segment.span.mark_end_ms - segment.span.mark_ms
        subs.append(_event(start, end, caption(segment.span)))
    return ExportResult(fmt, (_save(subs, target, fmt),), exported=len(subs))


def _per_clip(snapshot: Snapshot, folder: Path, fmt: str, options: ExportOptions) -> ExportResult:
    folder.mkdir(parents=True, exist_ok=True)
    taken: set[str] = set()
    files = []
    for item in snapshot.items:
        span = plan.span(item, options)
        subs = _file(fmt)
        start = span.mark_ms - span.in_ms
        subs.append(_event(start, start + span.mark_end_ms - span.mark_ms, caption(span)))
        stem = naming.unique(naming.clip_stem(options, item), taken)
        files.append(_save(subs, folder / f"{stem}.{fmt}", fmt))
    skipped: tuple[Skipped, ...] = ()
    return ExportResult(fmt, tuple(files), skipped, exported=len(files))
