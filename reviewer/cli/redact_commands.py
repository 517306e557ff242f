"""``redact detect``, ``redact status``, ``redact sign``: privacy redaction from the command
line; and the export's ``--redact`` / ``--no-redact`` choice (see ``redaction_mode``)."""

from __future__ import annotations

import argparse
import functools
import json
from pathlib import Path
from typing import Any

from reviewer.cli.common import CliError, Context
from reviewer.cli.store_commands import Handler, _clock, _filter, _writable
from reviewer.export import redacted_video
from reviewer.export.common import ExportError, ExportOptions
from reviewer.redact import detect, regions
from reviewer.redact.detector import ModelMissingError
from reviewer.store.errors import StoreError
from reviewer.store.model import Tag
from reviewer.store.project import Project

COMMANDS = ("redact",)
PICTURE_FORMATS = frozenset({"clips", "reel", "pptx", "xlsx"})


def _user_errors(handler: Handler) -> Handler:
    @functools.wraps(handler)
    def run(args: argparse.Namespace, ctx: Context) -> int:
        try:
            return handler(args, ctx)
        except (StoreError, ExportError, ModelMissingError) as exc:
            raise CliError(exc.message("zh_CN"), exc.message("en")) from exc

    return run


def register(sub: argparse._SubParsersAction) -> None:
    # Imported here: export_commands imports this module for its --redact flags.
    from reviewer.cli.export_commands import _register_filters

    r = sub.add_parser("redact", help="privacy mosaic: detect faces, status, sign-off / 隐私打码")
    actions = r.add_subparsers(dest="redact_action", required=True, metavar="ACTION")
    d = actions.add_parser("detect", help="find faces in the frames exports use / 检测人脸")
    d.add_argument("project", type=Path)
    _register_filters(d)
    d.add_argument("--handles", type=float, default=detect.HANDLES_MS / 1000,
                   help="seconds around each tag / 标记前后检测范围（秒）")
    d.add_argument("--again", action="store_true", help="look again where detection ran already")
    d.set_defaults(handler=_user_errors(cmd_detect))
    s = actions.add_parser("status", help="regions and sign-off per tag / 打码检查状态")
    s.add_argument("project", type=Path)
    _register_filters(s)
    s.add_argument("--json", action="store_true")
    s.set_defaults(handler=_user_errors(cmd_status))
    g = actions.add_parser("sign", help="mark tags' redaction checked / 标记打码已检查")
    g.add_argument("project", type=Path)
    g.add_argument("tags", nargs="+", help="tag UUIDs (or their first 8 characters)")
    g.add_argument("--unchecked", action="store_true", help="back to 未检查")
    g.set_defaults(handler=_user_errors(cmd_sign))


def cmd_detect(args: argparse.Namespace, ctx: Context) -> int:
    with _writable(args.project, ctx) as project:
        tags = project.tags(_filter(args, project))
        jobs, offline = detect.plan(project, tags, round(args.handles * 1000), args.again)
        for tag in offline:
            ctx.fail(ctx.pick(f"视频离线，未检测：{_name(project, tag)} {_clock(tag.start_ms)}",
                              f"Footage offline, not scanned: {_name(project, tag)} "
                              f"{_clock(tag.start_ms)}"))
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
    with Project.open(args.project, read_only=True) as project:
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
    return (f"{n:>3}  {s.tag.uuid[:8]}  {names[s.tag.uuid]}  {_clock(s.tag.start_ms)}  "
            + ctx.pick(f"人脸 {s.faces}  手动 {s.manual}  保留 {s.kept}  {scanned}  {state}",
                       f"faces {s.faces}  manual {s.manual}  kept {s.kept}  {scanned}  {state}"))


def cmd_sign(args: argparse.Namespace, ctx: Context) -> int:
    with _writable(args.project, ctx) as project:
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
                        help="mosaic faces and marked regions (default once any region exists)")
    choice.add_argument("--no-redact", dest="redact", action="store_const", const="off",
                        help="unredacted, every picture marked 未打码 · 内部资料")
    parser.add_argument("--redact-style", choices=("mosaic", "blur"), default="mosaic")
    parser.set_defaults(redact=None)


def redaction_mode(args: argparse.Namespace, project: Project) -> str:
    """The user's flag, else "on" once the project has any redaction data, else "none"."""
    if args.redact:
        return str(args.redact)
    return "on" if regions.in_use(project) else "none"


def warn_unchecked(project: Project, tags: list[Tag], options: ExportOptions, fmt: str,
                   ctx: Context) -> None:
    """Before pictures leave: say which tags nobody checked (or that nothing is redacted).
    An export the redaction choice refuses is refused first, on its own line."""
    redacted_video.check_format(fmt, options)
    if fmt not in PICTURE_FORMATS or not tags:
        return
    mode = options.redact
    if mode == "none":
        ctx.fail(ctx.pick("注意：本项目还没有打码区域，导出的画面未打码（先运行 redact detect）",
                          "Note: this project has no redaction regions yet; pictures are not "
                          "redacted (run redact detect first)"))
    if mode == "off":
        ctx.fail(ctx.pick("未打码导出：每个画面都标有“未打码 · 内部资料”",
                          "Unredacted export: every picture is marked “未打码 · 内部资料”"))
    left = regions.unchecked(project, tags)
    if left and mode == "on":
        ctx.fail(ctx.pick(f"警告：{len(left)} 个标记的打码未经检查：",
                          f"Warning: the redaction of {len(left)} tag(s) was not checked:"))
        for tag in left:
            ctx.fail(f"  {tag.uuid[:8]}  {_name(project, tag)}  {_clock(tag.start_ms)}")

