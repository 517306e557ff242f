"""Team commands: ``pack`` a reviewer's project, ``merge`` packages into the master."""

from __future__ import annotations

import argparse
import functools
import json
from collections.abc import Callable
from pathlib import Path

from reviewer.cli.common import CliError, Context, output_path, project_path
from reviewer.cli.store_commands import PROJECT_HELP
from reviewer.merge.engine import merge
from reviewer.merge.errors import MergeError
from reviewer.merge.model import MergeReport
from reviewer.merge.pack import pack
from reviewer.store.errors import StoreError

COMMANDS = ("pack", "merge")
Handler = Callable[[argparse.Namespace, Context], int]
_KINDS = {"edit": ("两边都修改了", "edited on both sides"),
          "edit_delete": ("一边修改、一边删除", "edited on one side, deleted on the other")}


def _user_errors(handler: Handler) -> Handler:
    @functools.wraps(handler)
    def run(args: argparse.Namespace, ctx: Context) -> int:
        try:
            return handler(args, ctx)
        except (StoreError, MergeError) as exc:
            raise CliError(exc.message("zh_CN"), exc.message("en")) from exc

    return run


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("pack", help="write a reviewer package / 打包审片成果")
    p.add_argument("project", type=project_path, help=PROJECT_HELP)
    p.add_argument("-o", "--out", type=output_path, required=True, help="package file / 审片包")
    p.add_argument("--with-footage", action="store_true", help="also copy the footage files / 同时打包视频文件")
    p.add_argument("--reviewer", default="", help="your name / 审片人")
    p.set_defaults(handler=_user_errors(cmd_pack))
    m = sub.add_parser("merge", help="merge packages into the master / 合并审片包")
    m.add_argument("master", type=project_path, help="the editor's master project / 编辑的总项目")
    m.add_argument("packages", type=Path, nargs="+", help="reviewer packages / 审片包")
    m.add_argument("--reviewer", default="", help="the editor's name / 编辑")
    m.add_argument("--footage-dir", type=Path, help="where packed footage is written / 审片包中视频的存放文件夹")
    m.add_argument("--json", action="store_true", help="the whole report as JSON / 以 JSON 输出完整报告")
    m.set_defaults(handler=_user_errors(cmd_merge))


def cmd_pack(args: argparse.Namespace, ctx: Context) -> int:
    result = pack(args.project, args.out, include_footage=args.with_footage,
                  reviewer=args.reviewer)
    m = result.manifest
    footage = sum(1 for f in m.media if f.member)
    ctx.say(ctx.pick(
        f"已打包 {result.path}：{m.live_tags} 个标记（另有 {m.deleted_tags} 个已删除），"
        f"{len(m.media)} 个视频（附带 {footage} 个文件），校验码 {result.checksum[:12]}",
        f"Packed {result.path}: {m.live_tags} tag(s) ({m.deleted_tags} deleted), "
        f"{len(m.media)} footage file(s) ({footage} included), checksum {result.checksum[:12]}"))
    for name in result.footage_missing:
        ctx.fail(ctx.pick(f"未找到视频文件，未打包：{name}", f"Footage not found, not packed: {name}"))
    return 0


def cmd_merge(args: argparse.Namespace, ctx: Context) -> int:
    if not args.packages:
        raise CliError("没有指定审片包", "No package was given")
    report = merge(args.master, args.packages, reviewer=args.reviewer,
                   footage_dir=args.footage_dir)
    if args.json:
        ctx.say(json.dumps(report.to_dict(), ensure_ascii=False, indent=2))
    else:
        for line in report_lines(report, ctx):
            ctx.say(line)
    return 0


def report_lines(report: MergeReport, ctx: Context) -> list[str]:
    lines = [ctx.pick(f"审片包 {s.path}（{s.reviewer}@{s.host}）：{s.tags} 个标记，新增 {s.added}，"
                      f"更新 {s.updated}，相同 {s.identical}，本地较新 {s.kept_local}，冲突 {s.conflicts}",
                      f"Package {s.path} ({s.reviewer}@{s.host}): {s.tags} tag(s), added {s.added}, "
                      f"updated {s.updated}, identical {s.identical}, ours newer {s.kept_local}, "
                      f"conflicts {s.conflicts}") for s in report.packages]
    lines.append(ctx.pick(
        f"合计：新增 {len(report.added)}，更新 {len(report.updated)}，相同 {report.identical}，"
        f"新冲突 {len(report.conflicts)}（待处理共 {report.pending_conflicts}），"
        f"疑似重复 {len(report.duplicates)}，新视频 {len(report.media_added)}，"
        f"代码本新条目 {len(report.codebook)}",
        f"Total: added {len(report.added)}, updated {len(report.updated)}, identical "
        f"{report.identical}, new conflicts {len(report.conflicts)} ({report.pending_conflicts} "
        f"pending in all), likely duplicates {len(report.duplicates)}, new footage "
        f"{len(report.media_added)}, new code book entries {len(report.codebook)}"))
    for c in report.conflicts:
        kind = _KINDS[c.kind][1 if ctx.lang.startswith("en") else 0]
        lines.append(ctx.pick(f"  冲突 #{c.id} 标记 {c.tag_uuid[:8]}（{kind}），来自 {c.source_id}",
                              f"  conflict #{c.id} tag {c.tag_uuid[:8]} ({kind}) from {c.source_id}"))
    for d in report.duplicates:
        lines.append(ctx.pick(
            f"  疑似重复：{d.a.uuid[:8]}（{d.a.reviewer}）与 {d.b.uuid[:8]}（{d.b.reviewer}）",
            f"  likely duplicate: {d.a.uuid[:8]} ({d.a.reviewer}) and {d.b.uuid[:8]} ({d.b.reviewer})"))
    for p in report.codebook:
        lines.append(ctx.pick(f"  代码本建议新增：{p.entry_id}（{p.label.zh}）",
                              f"  code book entry proposed: {p.entry_id} ({p.label.en or p.label.zh})"))
    for r in report.renamed:
        lines.append(ctx.pick(f"  名称不同（按编号对应，保留本项目的）：{r.entry_id} {r.ours.zh} ≠ {r.theirs.zh}",
                              f"  renamed on a laptop (matched by id, ours kept): {r.entry_id} "
                              f"{r.ours.en} ≠ {r.theirs.en}"))
    if not report.changed:
        lines.append(ctx.pick("没有新内容，项目未改动", "Nothing new; the project is unchanged"))
    return lines
