"""``export``: write a ledger, editor hand-off, captions, clips, reel, deck or statistics;
``ledger-import``: read a returned ledger's status column back into the project."""

from __future__ import annotations

import argparse
from pathlib import Path

from reviewer.cli import redact_commands
from reviewer.cli.common import (
    CliError,
    Context,
    number,
    open_for_reading,
    open_for_writing,
    output_path,
    project_path,
    whole,
)
from reviewer.cli.store_commands import _filter, add_filters, add_project
from reviewer.export.common import FORMATS, ExportOptions
from reviewer.store.project import Project

COMMANDS = ("export", "ledger-import")
# The suffix a single-file format writes; an output name with another suffix is refused.
SUFFIXES = {"xlsx": (".xlsx",), "csv": (".csv",), "otio": (".otio",), "xmeml": (".xml",),
            "edl": (".edl",), "markers-edl": (".edl",), "srt": (".srt",), "ass": (".ass",),
            "reel": (".mp4",), "pptx": (".pptx",), "stats": (".csv", ".png"),
            "bulletin": (".docx",), "assessment": (".xlsx",)}


def register(sub: argparse._SubParsersAction) -> None:
    e = sub.add_parser("export", help="export ledger/timeline/clips/reel/deck/statistics / "
                       "导出台账、时间线、片段、放映片、通报或统计")
    add_project(e)
    e.add_argument("--format", "-f", required=True, choices=FORMATS,
                   help="what to write / 导出格式")
    e.add_argument("-o", "--output", type=output_path, required=True,
                   help="file or folder; a folder gets the default name / 输出文件或文件夹（文件夹内用默认文件名）")
    add_filters(e)
    e.set_defaults(deleted=False)
    e.add_argument("--playlist", action="store_true", help="the editor's saved playlist / 使用剪辑清单")
    e.add_argument("--handles", type=number(0, 600, "前后余量（秒）", "the handles in seconds"),
                   default=0.0, help="seconds before and after each clip / 每个片段前后余量（秒）")
    e.add_argument("--lossless", action="store_true",
                   help="stream copy: starts at the keyframe before each mark, not frame-exact "
                        "/ 无损直接复制：从标记前的关键帧开始，非逐帧精确")
    e.add_argument("--vfr", action="store_true",
                   help="exact clips keep the footage's variable frame rate (default: constant "
                        "rate for editing suites) / 精确片段保留可变帧率（默认转为恒定帧率）")
    e.add_argument("--lower-third", action="store_true",
                   help="burn in category · place · unit / 压制字幕条：类别 · 地点 · 责任单位")
    e.add_argument("--name-template", default="{序号}_{县市}_{类别}",
                   help="clip file names, e.g. {序号}_{县市}_{类别} / 片段文件名模板")
    e.add_argument("--captions", choices=("reel", "clip"), default="reel",
                   help="caption times on the reel or per clip / 字幕时间按放映片或按片段")
    e.add_argument("--group-by", choices=("county", "category", "none"), default="county",
                   help="how the reel and deck are grouped / 放映片和通报的分组方式")
    e.add_argument("--no-title-cards", action="store_true",
                   help="no title cards between groups / 分组之间不加标题卡")
    e.add_argument("--watermark", action="store_true", help="burn in 内部资料 注意保密 / 压制水印“内部资料 注意保密”")
    e.add_argument("--height", type=whole(144, 4320, "画面高度", "the height"), default=720,
                   help="reel height in pixels / 放映片画面高度（像素）")
    e.add_argument("--issue", default="", help="issue number on the deck's cover / 通报封面上的期数")
    e.add_argument("--with-project", type=project_path, action="append", default=[],
                   metavar="PROJECT", help="more projects for monthly statistics / 参与月度统计的其他项目")
    e.add_argument("--template", type=Path, metavar="TEMPLATE.toml",
                   help="bulletin template (TOML), instead of the shipped one / 通报模板（TOML），代替自带模板")
    redact_commands.add_export_flags(e)
    e.set_defaults(handler=cmd_export)
    r = sub.add_parser("ledger-import", help="read statuses from a returned ledger / 导入回收台账的整改状态")
    add_project(r)
    r.add_argument("ledger", type=Path, help="the returned ledger, .xlsx or .csv / 回收的台账（.xlsx 或 .csv）")
    r.set_defaults(handler=cmd_ledger_import)


def _options(args: argparse.Namespace, lang: str, redact: str = "none") -> ExportOptions:
    handle = round(args.handles * 1000)
    return ExportOptions(
        handle_before_ms=handle, handle_after_ms=handle,
        clip_mode="lossless" if args.lossless else "exact", vfr=args.vfr,
        lower_third=args.lower_third,
        name_template=args.name_template, caption_time=args.captions, group_by=args.group_by,
        title_cards=not args.no_title_cards, watermark=args.watermark,
        reel_height=args.height, issue=args.issue, lang=lang, redact=redact,
        redact_style=args.redact_style, bulletin_template=str(args.template or ""))


def check_output(fmt: str, out: Path) -> None:
    """The output name must fit the format: ``-o stats.xlsx`` is refused, not half obeyed."""
    allowed = SUFFIXES.get(fmt)
    if allowed is None or not out.suffix or out.is_dir() or out.suffix.lower() in allowed:
        return
    names = "、".join(allowed)
    if fmt == "stats":
        raise CliError(
            f"统计导出为 CSV 表格和 PNG 图两个文件，输出名应以 .csv 或 .png 结尾，或不带后缀：{out.name}",
            f"Statistics are a CSV table and a PNG chart: end the output name in .csv or .png, "
            f"or give no suffix: {out.name}")
    raise CliError(f"{fmt} 格式应写入 {names} 文件，输出名的后缀不符：{out.name}",
                   f"The {fmt} format writes a {' or '.join(allowed)} file; the output name does "
                   f"not end in it: {out.name}")


def cmd_export(args: argparse.Namespace, ctx: Context) -> int:
    from reviewer.export import selection, snapshot  # the writers pull in PyAV, OpenCV, pptx
    from reviewer.export.run import export

    check_output(args.format, args.output)
    with open_for_reading(args.project, ctx) as project:
        chosen = (selection.Selection.of_playlist(selection.load_playlist(project))
                  if args.playlist else selection.Selection(filter=_filter(args, project)))
        snap = snapshot.take(project, chosen, ctx.lang)
        options = _options(args, ctx.lang, redact_commands.redaction_mode(args))
        redaction = redact_commands.export_notes(project, [i.tag for i in snap.items], options,
                                                 args.format)
    others = []
    for extra in args.with_project:
        with open_for_reading(extra, ctx) as project:
            others.append(snapshot.take(project, selection.Selection(), ctx.lang))
    result = export(snap, args.format, args.output, options, others=others)
    for path in result.files:
        ctx.say(ctx.pick(f"已写入 {path}", f"Wrote {path}"))
    for note in result.note_lines(ctx.lang):
        ctx.say(note)
    for skipped in result.skipped:
        ctx.fail(skipped.describe(ctx.lang))
    for zh, en in redaction:
        ctx.fail(ctx.pick(zh, en))
    ctx.say(ctx.pick(f"共导出 {result.exported} 个问题，跳过 {len(result.skipped)} 个",
                     f"Exported {result.exported} problem(s), {len(result.skipped)} skipped"))
    return 0


def cmd_ledger_import(args: argparse.Namespace, ctx: Context) -> int:
    from reviewer.export import readback

    sheet = readback.read_ledger(args.ledger)  # read and checked before the project is opened
    with Project.open(args.project, read_only=True) as project:
        plan = readback.plan_sheet(project, sheet)  # every row checked, nothing written
    if not plan.commands:
        ctx.say(ctx.pick(f"已读取 {plan.rows} 行，整改状态和整改记录都没有变化，无需导入",
                         f"Read {plan.rows} row(s); nothing changed, nothing to do"))
        return 0
    with open_for_writing(args.project, ctx) as project:
        result = readback.apply_sheet(project, sheet)
    ctx.say(ctx.pick(f"已读取 {result.rows} 行，更新整改状态 {len(result.changed)} 个",
                     f"Read {result.rows} row(s); {len(result.changed)} status(es) updated"))
    more = result.followups
    if more is not None and (more.records or more.evidence):
        ctx.say(ctx.pick(f"更新整改记录 {len(more.records)} 个，添加证据 {more.evidence} 份，"
                         f"销号 {more.closed} 个",
                         f"{len(more.records)} rectification record(s) updated, "
                         f"{more.evidence} evidence file(s) added, {more.closed} closed"))
    return 0
