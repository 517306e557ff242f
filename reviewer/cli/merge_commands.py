"""Team commands: ``pack`` a reviewer's project, ``merge`` packages into the master.

``merge --dry-run`` counts without changing anything; ``merge --undo`` puts
the master back as it was before the last merge. Every text that came from
a package is printed through ``shown`` (no control or bidi characters).
"""

from __future__ import annotations

import argparse
import functools
import json
from collections.abc import Callable
from pathlib import Path

from reviewer.cli.common import CliError, Context, output_path, project_path
from reviewer.cli.store_commands import PROJECT_HELP
from reviewer.merge import restore
from reviewer.merge.engine import merge
from reviewer.merge.errors import MergeError
from reviewer.merge.model import MergeReport
from reviewer.merge.pack import pack
from reviewer.store.errors import ProjectReadOnlyError, StoreError
from reviewer.store.project import Project
from reviewer.text import shown

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
    p.add_argument("--with-footage", action="store_true",
                   help="also copy the footage files / 同时打包视频文件")
    p.add_argument("--reviewer", default="", help="your name / 审片人")
    p.set_defaults(handler=_user_errors(cmd_pack))
    m = sub.add_parser("merge", help="merge packages into the master / 合并审片包")
    m.add_argument("master", type=project_path, help="the editor's master project / 总项目")
    m.add_argument("packages", type=Path, nargs="*", help="reviewer packages / 审片包")
    m.add_argument("--reviewer", default="", help="the editor's name / 编辑")
    m.add_argument("--footage-dir", type=Path,
                   help="where packed footage is written / 包内视频的存放文件夹")
    m.add_argument("--dry-run", action="store_true",
                   help="only count what the merge would do / 只预演，不改动项目")
    m.add_argument("--undo", action="store_true",
                   help="undo the last merge from its restore point / 撤销上一次合并")
    m.add_argument("--discard-later-changes", action="store_true",
                   help="with --undo: also lose changes made after the merge / "
                        "撤销时一并丢掉合并之后的改动")
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
        ctx.fail(ctx.pick(f"未找到视频文件，未打包：{shown(name)}",
                          f"Footage not found, not packed: {shown(name)}"))
    return 0


def cmd_merge(args: argparse.Namespace, ctx: Context) -> int:
    if args.undo:
        return _undo(args, ctx)
    if args.discard_later_changes:
        raise CliError("--discard-later-changes 只能与 --undo 一起使用",
                       "--discard-later-changes only goes with --undo")
    if not args.packages:
        raise CliError("没有指定审片包", "No package was given")
    report = merge(args.master, args.packages, reviewer=args.reviewer,
                   footage_dir=args.footage_dir, dry_run=args.dry_run)
    if args.json:
        ctx.say(json.dumps(report.to_dict(), ensure_ascii=False, indent=2))
    else:
        for line in report_lines(report, ctx):
            ctx.say(line)
        if report.restore_point:
            ctx.say(ctx.pick(f"如需撤销这次合并：merge --undo {args.master}",
                             f"To undo this merge: merge --undo {args.master}"))
    return 0


def _undo(args: argparse.Namespace, ctx: Context) -> int:
    if args.packages or args.dry_run:
        raise CliError("--undo 只需要总项目，不要审片包或 --dry-run",
                       "--undo takes the master only, no package and no --dry-run")
    with Project.open(args.master, reviewer=args.reviewer) as project:
        if project.read_only:
            raise ProjectReadOnlyError(project.path, project.read_only_reason)
        before = restore.pending(project)
        changes = restore.undo(project, discard_later=args.discard_later_changes)
    if before is None:  # undo raises first; kept for the type checker
        return 0
    names = ", ".join(shown(n) for n in before.packages)
    ctx.say(ctx.pick(
        f"已撤销 {before.merged_at} 的合并（{names}），项目已恢复到合并之前（涉及 "
        f"{len(changes.tags)} 个标记）",
        f"Undid the merge of {before.merged_at} ({names}); the project is as it was before it "
        f"({len(changes.tags)} tag(s) affected)"))
    if before.changes_since:
        ctx.say(ctx.pick(f"合并之后的 {before.changes_since} 处改动也一并撤销了",
                         f"The {before.changes_since} change(s) made after the merge were undone "
                         "too"))
    return 0


def report_lines(report: MergeReport, ctx: Context) -> list[str]:
    lines = [ctx.pick("预演，项目未改动：", "Dry run, the project is unchanged:")] \
        if report.dry_run else []
    lines += [ctx.pick(
        f"审片包 {shown(s.path)}（{shown(s.reviewer)}@{shown(s.host)}）：{s.tags} 个标记，"
        f"新增 {s.added}，更新 {s.updated}，相同 {s.identical}，完全重复 {s.exact_duplicates}，"
        f"本地较新 {s.kept_local}，冲突 {s.conflicts}",
        f"Package {shown(s.path)} ({shown(s.reviewer)}@{shown(s.host)}): {s.tags} tag(s), "
        f"added {s.added}, updated {s.updated}, identical {s.identical}, exact duplicates "
        f"{s.exact_duplicates}, ours newer {s.kept_local}, conflicts {s.conflicts}")
        for s in report.packages]
    lines.append(_total(report, ctx))
    for c in report.conflicts:
        kind = _KINDS[c.kind][1 if ctx.lang.startswith("en") else 0]
        lines.append(ctx.pick(
            f"  冲突 #{c.id} 标记 {shown(c.tag_uuid[:8])}（{kind}），来自 {shown(c.source_id)}",
            f"  conflict #{c.id} tag {shown(c.tag_uuid[:8])} ({kind}) from {shown(c.source_id)}"))
    for d in report.duplicates:
        a, b = d.a, d.b
        lines.append(ctx.pick(
            f"  疑似重复：{shown(a.uuid[:8])}（{shown(a.reviewer)}）与 {shown(b.uuid[:8])}"
            f"（{shown(b.reviewer)}）",
            f"  likely duplicate: {shown(a.uuid[:8])} ({shown(a.reviewer)}) and "
            f"{shown(b.uuid[:8])} ({shown(b.reviewer)})"))
    for p in report.codebook:
        lines.append(ctx.pick(
            f"  代码本建议新增：{shown(p.entry_id)}（{shown(p.label.zh)}）",
            f"  code book entry proposed: {shown(p.entry_id)} ({shown(p.label.en or p.label.zh)})"))
    for r in report.renamed:
        lines.append(ctx.pick(
            f"  名称不同（按编号对应，保留本项目的）：{shown(r.entry_id)} {shown(r.ours.zh)} ≠ "
            f"{shown(r.theirs.zh)}",
            f"  renamed on a laptop (matched by id, ours kept): {shown(r.entry_id)} "
            f"{shown(r.ours.en)} ≠ {shown(r.theirs.en)}"))
    if not report.changed:
        lines.append(ctx.pick("没有新内容，项目未改动", "Nothing new; the project is unchanged"))
    return lines


def _total(report: MergeReport, ctx: Context) -> str:
    r = report
    return ctx.pick(
        f"合计：新增 {len(r.added)}，更新 {len(r.updated)}，相同 {r.identical}，"
        f"完全重复已合并 {len(r.exact_duplicates)}，新冲突 {len(r.conflicts)}"
        f"（待处理共 {r.pending_conflicts}），疑似重复 {len(r.duplicates)}，"
        f"新视频 {len(r.media_added)}，代码本新条目 {len(r.codebook)}",
        f"Total: added {len(r.added)}, updated {len(r.updated)}, identical {r.identical}, "
        f"exact duplicates merged {len(r.exact_duplicates)}, new conflicts {len(r.conflicts)} "
        f"({r.pending_conflicts} pending in all), likely duplicates {len(r.duplicates)}, "
        f"new footage {len(r.media_added)}, new code book entries {len(r.codebook)}")
