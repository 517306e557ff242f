"""``export``: write a ledger, editor hand-off, captions, clips, reel, deck or statistics;
``ledger-import``: read a returned ledger's status column back into the project."""

from __future__ import annotations

import argparse
import functools
from pathlib import Path

from reviewer.cli import campaign_commands
from reviewer.cli.common import CliError, Context
from reviewer.cli.store_commands import Handler, _filter
from reviewer.export import readback, selection, snapshot
from reviewer.export.common import FORMATS, ExportError, ExportOptions
from reviewer.export.run import export
from reviewer.store.errors import StoreError
from reviewer.store.project import Project

COMMANDS = ("export", "ledger-import")


def _user_errors(handler: Handler) -> Handler:
    @functools.wraps(handler)
    def run(args: argparse.Namespace, ctx: Context) -> int:
        try:
            return handler(args, ctx)
        except (StoreError, ExportError) as exc:
            raise CliError(exc.message("zh_CN"), exc.message("en")) from exc

    return run


def register(sub: argparse._SubParsersAction) -> None:
    e = sub.add_parser("export", help="export ledger/timeline/clips/reel/deck / 导出")
    e.add_argument("project", type=Path)
    e.add_argument("--format", "-f", required=True, choices=FORMATS)
    e.add_argument("-o", "--output", type=Path, required=True, help="file or folder / 输出文件或文件夹")
    _register_filters(e)
    e.add_argument("--playlist", action="store_true", help="the editor's saved playlist / 使用剪辑清单")
    e.add_argument("--handles", type=float, default=0.0, help="seconds before and after / 前后余量（秒）")
    e.add_argument("--lossless", action="store_true", help="stream copy (snaps to keyframes) / 无损（对齐关键帧）")
    e.add_argument("--lower-third", action="store_true", help="burn in 类别 · 地点 · 责任单位")
    e.add_argument("--name-template", default="{序号}_{县市}_{类别}")
    e.add_argument("--captions", choices=("reel", "clip"), default="reel")
    e.add_argument("--group-by", choices=("county", "category", "none"), default="county")
    e.add_argument("--no-title-cards", action="store_true")
    e.add_argument("--watermark", action="store_true", help="内部资料 注意保密")
    e.add_argument("--height", type=int, default=720, help="reel height in pixels")
    e.add_argument("--issue", default="", help="期数 on the deck's cover")
    e.add_argument("--with-project", type=Path, action="append", default=[],
                   help="more projects for monthly statistics")
    e.add_argument("--template", type=Path, help="bulletin template (TOML) / 通报模板")
    e.set_defaults(handler=_user_errors(cmd_export))
    r = sub.add_parser("ledger-import", help="read statuses from a returned ledger / 导入台账整改状态")
    r.add_argument("project", type=Path)
    r.add_argument("ledger", type=Path)
    r.set_defaults(handler=_user_errors(cmd_ledger_import))


def _register_filters(p: argparse.ArgumentParser) -> None:
    """The same filters as ``tags`` (store_commands._filter reads them)."""
    for flag in ("category", "county", "unit", "status", "reviewer", "media"):
        p.add_argument(f"--{flag}", action="append", default=[], help="id or label; repeatable")
    p.add_argument("--severity", type=int, action="append", default=[])
    p.add_argument("--from", dest="from_s", type=float, help="seconds")
    p.add_argument("--to", dest="to_s", type=float, help="seconds")
    done = p.add_mutually_exclusive_group()
    done.add_argument("--complete", action="store_const", const=True, dest="complete")
    done.add_argument("--incomplete", action="store_const", const=False, dest="complete")
    p.add_argument("--text", default="", help="search notes and places / 搜索备注和地点")
    campaign_commands.add_round_options(p)
    p.set_defaults(deleted=False)


def _options(args: argparse.Namespace, lang: str) -> ExportOptions:
    handle = max(0, round(args.handles * 1000))
    return ExportOptions(
        handle_before_ms=handle, handle_after_ms=handle,
        clip_mode="lossless" if args.lossless else "exact", lower_third=args.lower_third,
        name_template=args.name_template, caption_time=args.captions, group_by=args.group_by,
        title_cards=not args.no_title_cards, watermark=args.watermark,
        reel_height=max(144, args.height), issue=args.issue, lang=lang,
        bulletin_template=str(args.template or ""))


def cmd_export(args: argparse.Namespace, ctx: Context) -> int:
    with Project.open(args.project, read_only=True) as project:
        chosen = (selection.Selection.of_playlist(selection.load_playlist(project))
                  if args.playlist else selection.Selection(filter=_filter(args, project)))
        snap = snapshot.take(project, chosen, ctx.lang)
    others = []
    for extra in args.with_project:
        with Project.open(extra, read_only=True) as project:
            others.append(snapshot.take(project, selection.Selection(), ctx.lang))
    result = export(snap, args.format, args.output, _options(args, ctx.lang), others=others)
    for path in result.files:
        ctx.say(ctx.pick(f"已写入 {path}", f"Wrote {path}"))
    for skipped in result.skipped:
        ctx.fail(skipped.describe(ctx.lang))
    ctx.say(ctx.pick(f"共导出 {result.exported} 个问题，跳过 {len(result.skipped)} 个",
                     f"Exported {result.exported} problem(s), {len(result.skipped)} skipped"))
    return 0


def cmd_ledger_import(args: argparse.Namespace, ctx: Context) -> int:
    if not args.ledger.is_file():
        raise CliError(f"找不到台账文件：{args.ledger}", f"No such ledger: {args.ledger}")
    with Project.open(args.project) as project:
        if project.read_only and project.read_only_reason is not None:
            reason = project.read_only_reason
            raise CliError(reason.message("zh_CN"), reason.message("en"))
        result = readback.apply_ledger(project, args.ledger)
    ctx.say(ctx.pick(f"已读取 {result.rows} 行，更新整改状态 {len(result.changed)} 个",
                     f"Read {result.rows} row(s); {len(result.changed)} status(es) updated"))
    more = result.followups
    if more is not None and (more.records or more.evidence):
        ctx.say(ctx.pick(f"更新整改记录 {len(more.records)} 个，添加证据 {more.evidence} 份，"
                         f"销号 {more.closed} 个",
                         f"{len(more.records)} rectification record(s) updated, "
                         f"{more.evidence} evidence file(s) added, {more.closed} closed"))
    return 0
