"""Campaign commands: ``round``, ``rectify``, ``recheck``, ``assess``; and the ``--round`` /
``--rounds`` options that filters and exports take (a round by name, id or number; a range
as ``FIRST..LAST``)."""

from __future__ import annotations

import argparse
from datetime import date
from pathlib import Path

from reviewer.campaign.model import STATE_LABELS, VERDICT_LABELS, VERDICTS, Round, label
from reviewer.campaign.scoring import REASON_LABELS, assess
from reviewer.cli.common import (
    CliError,
    Context,
    open_for_reading,
    open_for_writing,
    project_path,
    tr,
)
from reviewer.store.project import Project

COMMANDS = ("round", "rectify", "recheck", "assess")
_PROJECT_HELP = "the project file (.shenpian may be left out) / 项目文件（可省略 .shenpian 后缀）"
_DAY = "YYYY-MM-DD"


def _project(p: argparse.ArgumentParser) -> None:
    p.add_argument("project", type=project_path, metavar="PROJECT", help=_PROJECT_HELP)


def register(sub: argparse._SubParsersAction) -> None:
    r = sub.add_parser("round", help="list, add or edit inspection rounds / 列出、添加或修改期次")
    r.add_argument("action", choices=("list", "add", "edit", "current"),
                   help="list, add, edit, or make a round the current one / "
                        "列出、添加、修改期次，或设为当前期次")
    _project(r)
    r.add_argument("round", nargs="?", default="",
                   help="the new round's name (add), or a round's name, id or number / "
                        "新期次名称（add），或期次名称、编号、序号")
    r.add_argument("--name", help="new name (edit) / 新名称（edit）")
    r.add_argument("--start", type=_day, metavar=_DAY, help="first day / 开始日期")
    r.add_argument("--end", type=_day, metavar=_DAY,
                   help="the meeting day; deadlines count from it / 督办会日期，整改时限从此起算")
    r.add_argument("--teams", help="inspection teams / 暗访组")
    r.add_argument("--not-current", action="store_true",
                   help="add without making it current / 添加但不设为当前期次")
    r.set_defaults(handler=cmd_round)
    _register_rectify(sub)
    c = sub.add_parser("recheck", help="re-check proposals; confirm or reject / 回头看：确认或否决复查")
    _project(c)
    c.add_argument("--confirm", nargs=2, metavar=("EARLIER", "LATER"),
                   help="the later tag re-checks the earlier problem / 确认后一标记复查前一问题")
    c.add_argument("--reject", nargs=2, metavar=("EARLIER", "LATER"),
                   help="not a re-check of that problem / 否决这条复查建议")
    c.add_argument("--verdict", choices=VERDICTS,
                   help="the re-check's result, with --confirm / 复查结果（与 --confirm 同用）")
    c.set_defaults(handler=cmd_recheck)
    a = sub.add_parser("assess", help="county scores and ranks / 县市考核得分和排名")
    _project(a)
    add_round_options(a)
    a.add_argument("--details", action="store_true",
                   help="every deduction and its tag / 列出每项扣分及其标记")
    a.set_defaults(handler=cmd_assess)


def _register_rectify(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("rectify", help="a problem's rectification record / 问题的整改记录")
    _project(p)
    p.add_argument("tag", help="tag id (or its first 8+ characters) / 标记编号（或其前 8 位以上）")
    p.add_argument("--deadline", type=_day, metavar=_DAY, help="rectification deadline / 整改时限")
    p.add_argument("--measures", help="measures taken / 整改措施")
    p.add_argument("--done", type=_day, metavar=_DAY, help="the day the unit finished / 完成时间")
    p.add_argument("--evidence", type=Path, action="append", default=[], metavar="FILE",
                   help="a photo, video or document the unit returned; repeatable / "
                        "整改证据文件（可重复）")
    p.add_argument("--verdict", choices=VERDICTS, help="verification result / 复查结果")
    closing = p.add_mutually_exclusive_group()
    closing.add_argument("--close", action="store_true", help="close the problem / 销号")
    closing.add_argument("--reopen", action="store_true", help="reopen a closed problem / 撤销销号")
    p.set_defaults(handler=cmd_rectify)


def add_round_options(p: argparse.ArgumentParser) -> None:
    p.add_argument("--round", dest="round_names", action="append", default=[], metavar="ROUND",
                   help="only this round: name, id or number; repeatable / "
                        "只看该期次（名称、编号或序号，可重复）")
    p.add_argument("--rounds", dest="round_range", default="", metavar="FIRST..LAST",
                   help="a range of rounds / 期次范围")


def chosen_rounds(args: argparse.Namespace, project: Project) -> tuple[str, ...]:
    """The round ids ``--round``/``--rounds`` name, in running order; () for every round."""
    rounds = project.rounds()
    wanted = [_find(rounds, name).id for name in getattr(args, "round_names", [])]
    span = getattr(args, "round_range", "")
    if span:
        first, sep, last = span.partition("..")
        if not sep:
            raise CliError(f"期次范围应写作 首期..末期：{span}",
                           f"A range of rounds is FIRST..LAST: {span}")
        low, high = _find(rounds, first).position, _find(rounds, last).position
        wanted += [r.id for r in rounds if min(low, high) <= r.position <= max(low, high)]
    return tuple(r.id for r in rounds if r.id in set(wanted))


def _find(rounds: tuple[Round, ...], text: str) -> Round:
    text = text.strip()
    for r in rounds:
        if text in (r.name, r.id) or (text.isdigit() and int(text) == r.position):
            return r
    raise CliError(f"未知期次：{text}", f"Unknown round: {text}")


def _day(text: str) -> date:
    try:
        return date.fromisoformat(text)
    except ValueError as exc:
        raise argparse.ArgumentTypeError(tr(f"日期应写作 YYYY-MM-DD，而不是“{text}”",
                                            f"a date is written YYYY-MM-DD, not '{text}'")) from exc


# --- round ---------------------------------------------------------------------------

def cmd_round(args: argparse.Namespace, ctx: Context) -> int:
    if args.action == "list":
        with open_for_reading(args.project, ctx) as project:
            _list_rounds(project, ctx)
        return 0
    with open_for_writing(args.project, ctx) as project:
        if args.action == "add":
            if not args.round:
                raise CliError("请给出期次名称，如 第6期", "Name the round, e.g. 第6期")
            project.add_round(args.round, args.start, args.end, args.teams or "",
                              current=not args.not_current)
        else:
            _edit_round(project, args)
        _list_rounds(project, ctx)
    return 0


def _edit_round(project: Project, args: argparse.Namespace) -> None:
    target = _find(project.rounds(), args.round or str(project.current_round().position))
    if args.action == "current":
        project.set_current_round(target.id)
        return
    fields = {k: v for k, v in (("name", args.name), ("start_on", args.start),
                                ("end_on", args.end), ("teams", args.teams)) if v is not None}
    project.edit_round(target.id, **fields)


def _list_rounds(project: Project, ctx: Context) -> None:
    current = project.current_round().id
    counts = dict(project.query("SELECT round_id, COUNT(*) FROM tags WHERE deleted_at IS NULL "
                                "GROUP BY round_id"))
    for r in project.rounds():
        mark = "*" if r.id == current else " "
        dates = f"{r.start_on or '?'}–{r.end_on or '?'}"
        ctx.say(f"{mark} {r.position:>2}  {r.name}  {dates}  {r.teams}  "
                + ctx.pick(f"{counts.get(r.id, 0)} 个标记", f"{counts.get(r.id, 0)} tag(s)"))


# --- rectify ---------------------------------------------------------------------------

def _tag_id(project: Project, text: str) -> str:
    if len(text) < 8:
        raise CliError(f"标记编号至少写 8 位：{text}", f"Give at least 8 characters of the tag id: {text}")
    found = [r[0] for r in project.query("SELECT uuid FROM tags WHERE uuid LIKE ? || '%'", (text,))]
    if len(found) != 1:
        raise CliError(f"找不到唯一的标记：{text}", f"No single tag matches: {text}")
    return found[0]


def cmd_rectify(args: argparse.Namespace, ctx: Context) -> int:
    with open_for_writing(args.project, ctx) as project:
        uuid = _tag_id(project, args.tag)
        fields = {k: v for k, v in (("deadline", args.deadline), ("measures", args.measures),
                                    ("rectified_on", args.done), ("verdict", args.verdict))
                  if v is not None}
        if fields:
            project.set_rectification(uuid, **fields)
        for path in args.evidence:
            project.add_evidence(uuid, path)
        if args.close:
            project.close_problem(uuid)
        if args.reopen:
            project.reopen_problem(uuid)
        _describe(project, uuid, ctx)
    return 0


def _describe(project: Project, uuid: str, ctx: Context) -> None:
    found = project.campaign().problem(uuid)
    if found is None:
        raise CliError(f"标记已删除：{uuid}", f"The tag was deleted: {uuid}")
    lang = ctx.lang
    late = ctx.pick("（逾期）", " (overdue)") if found.overdue(date.today()) else ""
    ctx.say(f"{found.round.name}  {label(STATE_LABELS, found.state, lang)}  "
            + ctx.pick("整改时限 ", "deadline ") + found.deadline.isoformat() + late)
    if found.record.measures:
        ctx.say(ctx.pick("整改措施：", "Measures: ") + found.record.measures)
    for item in project.evidence(uuid):
        ctx.say(ctx.pick("证据：", "Evidence: ") + item.name)


# --- recheck ---------------------------------------------------------------------------

def cmd_recheck(args: argparse.Namespace, ctx: Context) -> int:
    if args.confirm or args.reject:
        with open_for_writing(args.project, ctx) as project:
            if args.confirm:
                if args.verdict is None:
                    raise CliError("确认复查需给出 --verdict", "--confirm needs --verdict")
                earlier, later = (_tag_id(project, t) for t in args.confirm)
                project.confirm_recheck(earlier, later, args.verdict)
            else:
                earlier, later = (_tag_id(project, t) for t in args.reject)
                project.reject_recheck(earlier, later)
        ctx.say(ctx.pick("已保存", "Saved"))
        return 0
    with open_for_reading(args.project, ctx) as project:
        campaign = project.campaign()
        proposals = project.recheck_proposals()
    for p in proposals:
        earlier, later = campaign.problem(p.earlier), campaign.problem(p.later)
        assert earlier is not None and later is not None
        ctx.say(f"{p.earlier[:8]} {earlier.round.name} → {p.later[:8]} {later.round.name}  "
                f"{later.tag.place}  " + ctx.pick("建议：", "suggested: ")
                + label(VERDICT_LABELS, p.suggested, ctx.lang))
    ctx.say(ctx.pick(f"共 {len(proposals)} 条待确认的复查", f"{len(proposals)} proposal(s)"))
    return 0


# --- assess ----------------------------------------------------------------------------

def cmd_assess(args: argparse.Namespace, ctx: Context) -> int:
    with open_for_reading(args.project, ctx) as project:
        campaign = project.campaign()
        names = {c.id: c.label.text(ctx.lang) for c in project.codebook().counties}
        result = assess(campaign, chosen_rounds(args, project))
    for scores in result.rounds:
        ctx.say(f"== {campaign.round(scores.round_id).name} ==")  # type: ignore[union-attr]
        for s in scores.scores:
            ctx.say(f"{s.rank:>2}  {names.get(s.county_id, s.county_id)}  {s.score:g}")
            for d in s.deductions if args.details else ():
                reason = label(REASON_LABELS, d.reason, ctx.lang)
                ctx.say(f"      -{d.points:g}  {reason}  {d.tag_uuid} {d.via}".rstrip())
    ctx.say(ctx.pick("== 累计 ==", "== cumulative =="))
    for s in result.cumulative:
        ctx.say(f"{s.rank:>2}  {names.get(s.county_id, s.county_id)}  {s.score:.2f}")
    return 0
