"""Clip files, one per tag: exact (re-encoded, frame-exact) or lossless (stream copy).

Offline footage is skipped and reported; each file is written atomically, so a cancel
or a full disk leaves the finished clips whole and no partial one.
"""

from __future__ import annotations

import tempfile
from pathlib import Path

from reviewer.export import atomic, naming, plan, redacted_video, video
from reviewer.export.common import (
    CancelFlag,
    ExportOptions,
    ExportResult,
    Progress,
    Skipped,
    check,
    no_progress,
)
from reviewer.export.snapshot import Item, Snapshot
from reviewer.media.index import FrameIndex, build_index


class Indexes:
    """Frame indexes per footage file, built once per export (they are cached on disk too)."""

    def __init__(self) -> None:
        self._by_path: dict[Path, FrameIndex] = {}

    def get(self, path: Path) -> FrameIndex:
        if path not in self._by_path:
            self._by_path[path] = build_index(path)
        return self._by_path[path]


def export(snapshot: Snapshot, out_dir: Path, options: ExportOptions,
           flag: CancelFlag | None = None, progress: Progress = no_progress) -> ExportResult:
    online = [i for i in snapshot.items if i.online]
    skipped = tuple(Skipped(i.number, i.tag.uuid, i.media_name, "offline")
                    for i in snapshot.items if not i.online)
    out_dir.mkdir(parents=True, exist_ok=True)
    taken = {p.stem.lower() for p in out_dir.glob("*.mp4")}
    indexes, written = Indexes(), []
    with tempfile.TemporaryDirectory(prefix="shenpian-") as scratch:
        for done, item in enumerate(online):
            check(flag)
            progress(done, len(online))
            stem = naming.unique(naming.render(options.name_template, item), taken)
            target = out_dir / f"{stem}.mp4"
            one(item, target, options, indexes, Path(scratch), flag)
            written.append(target)
    progress(len(online), len(online))
    return ExportResult("clips", tuple(written), skipped, exported=len(written))


def one(item: Item, target: Path, options: ExportOptions, indexes: Indexes, scratch: Path,
        flag: CancelFlag | None = None) -> Path:
    """Write the clip of ``item`` to ``target`` (atomically)."""
    assert item.source is not None
    span = plan.span(item, options)
    exact = options.clip_mode == "exact" or options.lower_third  # text needs a re-encode
    c = None
    with atomic.atomic_path(target) as tmp:
        if exact:
            overlay = lower_third(span, item.height or 360, scratch) if options.lower_third else []
            overlay += redacted_video.unredacted_mark(item.height or 360, options, scratch)
            c = video.cut(indexes.get(item.source), span)
            args = video.exact_args(item.source, c, item.has_audio, overlay, options, tmp)
        else:
            args = video.lossless_args(item.source, span, tmp)
        redacted_video.run(args, item, c, options, flag)  # plain ffmpeg unless redacting
    return target


def lower_third(span: plan.Span, height: int, scratch: Path) -> list[str]:
    text = video.lower_third_text(span)
    if not text:
        return []
    textfile = scratch / f"lower-{span.item.number}.txt"
    textfile.write_text(text, encoding="utf-8")
    size = max(14, round(height * 0.05))
    return [video.drawtext(textfile, size, "w*0.04", "h*0.78")]
