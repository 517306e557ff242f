"""``redact detect``, ``redact status``, ``redact sign``: privacy redaction from the command
line; and the export's ``--redact`` / ``--no-redact`` choice (see ``redaction_mode``)."""

from __future__ import annotations

import argparse
import json
from typing import TYPE_CHECKING, Any

from reviewer.cli.common import (
    CliError,
    Context,
    clock,
    number,
    open_for_reading,
    open_for_writing,
)
from reviewer.cli.store_commands import _filter, add_filters, add_project

if TYPE_CHECKING:  # the redaction modules pull in PyAV and OpenCV: loaded only when used
    from reviewer.export.common import ExportOptions
    from reviewer.redact import regions
    from reviewer.store.model import Tag
    from reviewer.store.project import Project

COMMANDS = ("redact",)
PICTURE_FORMATS = frozenset({"clips", "reel", "pptx", "xlsx"})


# Seconds of footage scanned around each tag by default (redact.detect.HANDLES_MS).
_DEFAULT_HANDLES_S = 2.0


def register(sub: argparse._SubParsersAction) -> None:
    r = sub.add_parser("redact", help="privacy mosaic: detect faces, status, sign-off / 隐私打码")
    actions = r.add_subparsers(dest="redact_action", required=True, metavar="ACTION",
                               help="detect, status or sign / detect、status 或 sign")
    d = actions.add_parser("detect", help="find faces in the frames exports use / 检测人脸")
    add_project(d)
    add_filters(d)
    d.add_argument("--handles", type=number(0, 600, "检测范围（秒）", "the handles in seconds"),
                   default=_DEFAULT_HANDLES_S,
                   help="seconds scanned around each tag / 标记前后检测范围（秒）")
    d.add_argument("--again", action="store_true",
                   help="look again where detection ran already / 已检测过的画面重新检测")
    d.set_defaults(handler=cmd_detect)
    s = actions.add_parser("status", help="regions and sign-off per tag / 打码检查状态")
    add_project(s)
    add_filters(s)
    s.add_argument("--json", action="store_true", help="as JSON / 以 JSON 输出")
    s.set_defaults(handler=cmd_status)
    g = actions.add_parser("sign", help="mark tags' redaction checked / 标记打码已检查")
    add_project(g)
    g.add_argument("tags", nargs="+", metavar="TAG",
                   help="tag ids (or their first 8 characters) / 标记编号（或其前 8 位）")
    g.add_argument("--unchecked", action="store_true",
                   help="set back to not checked / 改回“未检查”")
    g.set_defaults(handler=cmd_sign)


def cmd_detect(args: argparse.Namespace, ctx: Context) -> int:
    from reviewer.redact import detect

    with open_for_writing(args.project, ctx) as project:
        tags = project.tags(_filter(args, project))
        jobs, offline = detect.plan(project, tags, round(args.handles * 1000), args.again)
        for tag in offline:
            ctx.fail(ctx.pick(f"视频离线，未检测：{_name(project, tag)} {clock(tag.start_ms)}",
                              f"Footage offline, not scanned: {_name(project, tag)} "
                              f"{clock(tag.start_ms)}"))
        results = detect.run(jobs, progress=_Progress(ctx))
        detect.save(project, results)
    faces = sum(len(r.tracks) for r in results)
    ctx.say(ctx.pick(f"已检测 {len(tags)} 个标记的 {len(jobs)} 段画面，发现 {faces} 个人脸轨迹",
                     f"Scanned {len(jobs)} stretch(es) of {len(tags)} tag(s): {faces} face "
                     f"track(s) found"))
    return 2 if offline else 0


class _Progress:
    """One line per tenth of the work, so a long scan shows it is alive."""

    def __init__(self, ctx: Context) -> None:
        self.ctx, self.shown = ctx, -1

    def __call__(self, done: int, total: int) -> None:
        tenth = done * 10 // max(1, total)
        if tenth != self.shown:
            self.shown = tenth
            self.ctx.say(self.ctx.pick(f"检测中 {tenth * 10}%（{done}/{total} 帧）",
                                       f"Scanning {tenth * 10}% ({done}/{total} frames)"))


def cmd_status(args: argparse.Namespace, ctx: Context) -> int:
    from reviewer.redact import detect, regions

    with open_for_reading(args.project, ctx) as project:
        tags = project.tags(_filter(args, project))
        spans = {t.uuid: detect.tag_span(t, project.media_by_id(t.media_id).duration_ms, 0)
                 for t in tags}
        found = regions.status(project, tags, spans)
        names = {t.uuid: _name(project, t) for t in tags}
    if args.json:
        ctx.say(json.dumps([_status_json(s, names) for s in found], ensure_ascii=False, indent=2))
        return 0
    for n, s in enumerate(found, start=1):
        ctx.say(_status_line(n, s, names, ctx))
    left = sum(1 for s in found if not s.signoff.checked)
    ctx.say(ctx.pick(f"共 {len(found)} 个标记，未检查 {left} 个",
                     f"{len(found)} tag(s), {left} not checked"))
    return 0


def _status_json(s: regions.TagStatus, names: dict[str, str]) -> dict[str, Any]:
    return {"uuid": s.tag.uuid, "media_name": names[s.tag.uuid], "start_ms": s.tag.start_ms,
            "end_ms": s.tag.end_ms, "faces": s.faces, "manual": s.manual, "kept": s.kept,
            "detected": s.covered, "state": s.signoff.state, "checked_by": s.signoff.by,
            "checked_at": s.signoff.at}


def _status_line(n: int, s: regions.TagStatus, names: dict[str, str], ctx: Context) -> str:
    state = (ctx.pick(f"已检查（{s.signoff.by} {s.signoff.at[:16]}）",
                      f"checked ({s.signoff.by} {s.signoff.at[:16]})")
             if s.signoff.checked else ctx.pick("未检查", "not checked"))
    scanned = ctx.pick("已检测", "scanned") if s.covered else ctx.pick("未检测", "not scanned")
    return (f"{n:>3}  {s.tag.uuid[:8]}  {names[s.tag.uuid]}  {clock(s.tag.start_ms)}  "
            + ctx.pick(f"人脸 {s.faces}  手动 {s.manual}  保留 {s.kept}  {scanned}  {state}",
                       f"faces {s.faces}  manual {s.manual}  kept {s.kept}  {scanned}  {state}"))


def cmd_sign(args: argparse.Namespace, ctx: Context) -> int:
    from reviewer.redact import regions

    with open_for_writing(args.project, ctx) as project:
        live = project.tags()
        for given in args.tags:
            matches = [t for t in live if t.uuid == given or t.uuid.startswith(given)]
            if len(matches) != 1:
                raise CliError(f"找不到唯一的标记：{given}", f"No single tag matches: {given}")
            regions.sign(project, matches[0].uuid, not args.unchecked)
    ctx.say(ctx.pick(f"已更新 {len(args.tags)} 个标记的打码检查状态",
                     f"Updated the redaction check of {len(args.tags)} tag(s)"))
    return 0


def _name(project: Project, tag: Tag) -> str:
    return project.media_by_id(tag.media_id).name


# --- the export's choice ------------------------------------------------------------

def add_export_flags(parser: argparse.ArgumentParser) -> None:
    choice = parser.add_mutually_exclusive_group()
    choice.add_argument("--redact", dest="redact", action="store_const", const="on",
                        help="mosaic faces and marked regions (the default) / "
                             "人脸和标出的区域打码（默认）")
    choice.add_argument("--no-redact", dest="redact", action="store_const", const="off",
                        help="unredacted, every picture marked as such (internal only) / "
                             "不打码，每个画面标注“未打码 · 内部资料”")
    parser.add_argument("--redact-style", choices=("mosaic", "blur"), default="mosaic",
                        help="mosaic or blur / 马赛克或模糊")
    parser.set_defaults(redact=None)


def redaction_mode(args: argparse.Namespace) -> str:
    """Pictures leave redacted unless the user asked otherwise, by name (ADR 0014)."""
    return str(args.redact) if args.redact else "on"


def export_notes(project: Project, tags: list[Tag], options: ExportOptions,
                 fmt: str) -> list[tuple[str, str]]:
    """What to say about redaction once the pictures have left: unredacted, found during the
    export, or not checked. An export the redaction choice refuses is refused here, first."""
    from reviewer.export import redacted_video
    from reviewer.redact import regions

    redacted_video.check_format(fmt, options)
    if fmt not in PICTURE_FORMATS or not tags:
        return []
    if options.redact == "off":
        return _unredacted_notes(fmt, options)
    notes = []
    if not regions.in_use(project):
        notes.append(("注意：还没有运行过人脸检测，导出时已自动检测打码（可用 redact detect 检测并检查）",
                      "Note: no face detection had run; faces were found and mosaicked during the "
                      "export (run redact detect to review them)"))
    left = regions.unchecked(project, tags)
    if left:
        notes.append((f"警告：{len(left)} 个标记的打码未经检查：",
                      f"Warning: the redaction of {len(left)} tag(s) was not checked:"))
        shown = [f"  {t.uuid[:8]}  {_name(project, t)}  {clock(t.start_ms)}" for t in left[:10]]
        notes += [(line, line) for line in shown]
        if len(left) > 10:
            notes.append((f"  ……另有 {len(left) - 10} 个", f"  … and {len(left) - 10} more"))
    return notes


def _unredacted_notes(fmt: str, options: ExportOptions) -> list[tuple[str, str]]:
    notes = [("未打码导出：每个画面都标有“未打码 · 内部资料”",
              "Unredacted export: every picture is marked “未打码 · 内部资料”")]
    if fmt == "clips" and options.clip_mode == "lossless":
        notes.append(("无损片段的画面无法加标注，文件名以“未打码_”开头",
                      "Lossless clips cannot carry the mark in their pictures; their file names "
                      "start with “未打码_”"))
    return notes
