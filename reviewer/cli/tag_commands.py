"""Tagging without the window: ``tag add|edit|delete`` and ``import`` of tags made elsewhere.

A time is pinned to the frame on screen through the footage's own frame index, exactly as
a key press in the window pins it, and the frame's stream pts is recorded.
"""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any

from reviewer.cli.common import CliError, Context, clock, open_for_writing, position, whole
from reviewer.cli.store_commands import REVIEWER_HELP, add_project, resolve
from reviewer.codebook import lookup
from reviewer.codebook.model import CodeBook
from reviewer.store.errors import InvalidEditError
from reviewer.store.frames import FrameTimes
from reviewer.store.model import Tag
from reviewer.store.project import Project
from reviewer.timecode import GotoTarget

COMMANDS = ("tag", "import")
TIME_HELP = "seconds, h:mm:ss.mmm or #frame (from 0) / 秒数、h:mm:ss.mmm 或 #帧号（从 0 起）"


def register(sub: argparse._SubParsersAction) -> None:
    t = sub.add_parser("tag", help="add, edit or delete one tag / 添加、修改或删除一个标记")
    actions = t.add_subparsers(dest="action", required=True, metavar="ACTION",
                               title="actions / 操作", help="one of: / 下列之一：")
    a = actions.add_parser("add", help="tag the frame shown at a time / 在某一时刻的画面上添加标记")
    add_project(a)
    a.add_argument("media", metavar="MEDIA",
                   help="footage: file name, id or path / 视频：文件名、编号或路径")
    a.add_argument("--at", type=position, required=True, metavar="TIME", help=TIME_HELP)
    a.add_argument("--to", type=position, metavar="TIME",
                   help="end of a range tag, as --at / 区间标记的结束时间，格式同 --at")
    _add_fields(a, category_required=True)
    a.set_defaults(handler=cmd_add)
    e = actions.add_parser("edit", help="change fields of a tag / 修改标记的字段")
    add_project(e)
    e.add_argument("uuid", metavar="TAG", help="tag id (or its first 8+ characters) / 标记 ID（或其前 8 位以上）")
    e.add_argument("--at", type=position, metavar="TIME",
                   help="move the start: " + TIME_HELP.replace(" / ", " / 移动开始时间："))
    e.add_argument("--to", type=position, metavar="TIME",
                   help="move the end, as --at / 移动结束时间，格式同 --at")
    _add_fields(e, category_required=False)
    e.set_defaults(handler=cmd_edit)
    d = actions.add_parser("delete", help="delete a tag (kept as a tombstone) / 删除标记（保留删除记录）")
    add_project(d)
    d.add_argument("uuid", metavar="TAG", help="tag id (or its first 8+ characters) / 标记 ID（或其前 8 位以上）")
    d.add_argument("--reviewer", default="", help=REVIEWER_HELP)
    d.set_defaults(handler=cmd_delete)
    i = sub.add_parser("import", help="import tags made elsewhere from a ledger-shaped .xlsx/.csv / "
                       "从台账格式的 .xlsx/.csv 导入别处做的标记")
    add_project(i)
    i.add_argument("file", type=Path, help="a table with the ledger's columns (our own export "
                   "imports back) / 带台账列的表格（本软件导出的台账可直接导回）")
    i.add_argument("--reviewer", default="", help=REVIEWER_HELP)
    i.set_defaults(handler=cmd_import)


def _add_fields(p: argparse.ArgumentParser, category_required: bool) -> None:
    p.add_argument("--category", required=category_required,
                   help="problem category: id or label / 问题类别：编号或名称")
    for flag, en, zh in (("sub-problem", "problem within the category", "类别下的具体问题"),
                         ("county", "county", "县市"), ("township", "township", "乡镇"),
                         ("unit", "responsible unit", "责任单位")):
        p.add_argument(f"--{flag}", help=f"{en}: id or label, \"\" clears it / {zh}：编号或名称，\"\" 清空")
    p.add_argument("--place", help="where it was filmed / 地点")
    p.add_argument("--severity", type=whole(1, 3, "严重程度", "the severity"),
                   help="1 minor, 2 moderate, 3 severe / 严重程度：1 一般，2 较重，3 严重")
    p.add_argument("--status", help="rectification status: id or label / 整改状态：编号或名称")
    p.add_argument("--note", help="note / 备注")
    p.add_argument("--reviewer", default="", help=REVIEWER_HELP)


# --- tag add / edit / delete ---------------------------------------------------------


def cmd_add(args: argparse.Namespace, ctx: Context) -> int:
    # Everything is checked on a read-only open first: a refused tag never writes the file.
    with Project.open(args.project, read_only=True) as project:
        media = project.find_media(args.media)
        frames = FrameTimes.of(project, media)
        start = frames.pin(args.at)
        fields = _fields(args, project.codebook(), None)
        if args.to is not None:
            fields["end_ms"] = _end(frames, start.start_ms, args.to)
    category = fields.pop("category_id")
    with open_for_writing(args.project, ctx, args.reviewer) as project:
        uuid = project.add_tag(media.id, start.start_ms, category, frame_pts=start.pts,
                               **fields).select or ""
        tag = project.tag(uuid)
    ctx.say(ctx.pick(f"已添加标记 {uuid}：{media.name} {_span(tag)}（第 {start.index} 帧）",
                     f"Added tag {uuid}: {media.name} {_span(tag)} (frame {start.index})"))
    return 0


def cmd_edit(args: argparse.Namespace, ctx: Context) -> int:
    with Project.open(args.project, read_only=True) as project:
        old = _live_tag(project, args.uuid)
        fields = _fields(args, project.codebook(), old) | _moved(project, old, args)
    changes = {k: v for k, v in fields.items() if getattr(old, k) != v}
    if not changes:
        ctx.say(ctx.pick(f"标记 {old.uuid} 没有变化，无需修改",
                         f"Tag {old.uuid} already says that; nothing to do"))
        return 0
    with open_for_writing(args.project, ctx, args.reviewer) as project:
        project.edit_tag(old.uuid, **changes)
    names = ", ".join(changes)
    ctx.say(ctx.pick(f"已修改标记 {old.uuid}：{names}", f"Edited tag {old.uuid}: {names}"))
    return 0


def cmd_delete(args: argparse.Namespace, ctx: Context) -> int:
    with Project.open(args.project, read_only=True) as project:
        tag = project.tag(_tag_id(project, args.uuid))
    if tag.deleted:
        ctx.say(ctx.pick(f"标记 {tag.uuid} 早已删除，无需操作",
                         f"Tag {tag.uuid} was already deleted; nothing to do"))
        return 0
    with open_for_writing(args.project, ctx, args.reviewer) as project:
        project.delete_tag(tag.uuid)
    ctx.say(ctx.pick(f"已删除标记 {tag.uuid}", f"Deleted tag {tag.uuid}"))
    return 0


def _live_tag(project: Project, text: str) -> Tag:
    tag = project.tag(_tag_id(project, text))
    if tag.deleted:
        raise InvalidEditError(project.path, "deleted", f"标记 {tag.uuid} 已删除",
                               f"the tag {tag.uuid} was deleted")
    return tag


def _tag_id(project: Project, text: str) -> str:
    """A full tag id, or a unique prefix of one (the merge report prints 8 characters)."""
    text = text.strip().lower()
    if len(text) >= 8:
        found = project.query("SELECT uuid FROM tags WHERE substr(uuid, 1, ?) = ? LIMIT 2",
                              (len(text), text))
        if len(found) == 1:
            return str(found[0][0])
        if len(found) > 1:
            raise CliError(f"有多个标记以 {text} 开头，请写完整的 ID", f"Several tags start with {text}; "
                           "give the whole id")
    raise CliError(f"找不到标记 {text}：{project.path.name}", f"No such tag {text}: {project.path.name}")


def _end(frames: FrameTimes, start_ms: int, to: GotoTarget) -> int:
    end = frames.pin(to).start_ms
    if end < start_ms:
        raise CliError("结束时间早于开始时间", "The end is before the start")
    return max(end, start_ms + 1)  # as the window: a range is never empty


def _moved(project: Project, old: Tag, args: argparse.Namespace) -> dict[str, Any]:
    if args.at is None and args.to is None:
        return {}
    frames = FrameTimes.of(project, project.media_by_id(old.media_id))
    moved: dict[str, Any] = {}
    start = old.start_ms
    if args.at is not None:
        pinned = frames.pin(args.at)
        start = pinned.start_ms
        moved.update(start_ms=start, frame_pts=pinned.pts)
    if args.to is not None:
        moved["end_ms"] = _end(frames, start, args.to)
    return moved


def _fields(args: argparse.Namespace, book: CodeBook, old: Tag | None) -> dict[str, Any]:
    """The fields named on the command line, as ids, checked against the code book.

    A sub-problem is looked up within the (new or current) category, a township within the
    county; "" clears a field.
    """
    fields: dict[str, Any] = {}
    _named(fields, "category_id", args.category, lookup.names(book.categories), "类别", "category")
    category = book.category(fields.get("category_id") or (old.category_id if old else ""))
    _named(fields, "sub_problem_id", args.sub_problem,
           lookup.names(category.sub_problems if category else ()), "该类别下的问题",
           "problem in that category")
    _named(fields, "county_id", args.county, lookup.names(book.counties), "县市", "county")
    county = book.county(fields.get("county_id") or (old.county_id if old else "") or "")
    towns = county.townships if county else tuple(t for c in book.counties for t in c.townships)
    _named(fields, "township_id", args.township, lookup.names(towns), "乡镇", "township")
    _named(fields, "unit_id", args.unit, lookup.names(book.units), "责任单位", "unit")
    _named(fields, "status", args.status, lookup.status_names(), "整改状态", "status")
    fields.update({name: getattr(args, name) for name in ("place", "note", "severity")
                   if getattr(args, name) is not None})
    return fields


def _named(fields: dict[str, Any], name: str, text: str | None, table: dict[str, str],
           zh: str, en: str) -> None:
    """Set ``name`` to the id ``text`` names in ``table`` (None for ""), if it was given."""
    if text is not None:
        fields[name] = resolve([text], table, zh, en)[0] if text.strip() else None


def _span(tag: Tag) -> str:
    return clock(tag.start_ms) + ("" if tag.end_ms is None else "–" + clock(tag.end_ms))


# --- import ---------------------------------------------------------------------------


def cmd_import(args: argparse.Namespace, ctx: Context) -> int:
    from reviewer.export import tag_import

    sheet = tag_import.read(args.file)  # the file is checked before the project is opened
    frames: dict[str, Any] = {}  # frame indexes, built once for both passes
    with Project.open(args.project, read_only=True) as project:
        plan = tag_import.plan(project, sheet, frames)  # every row checked, nothing written
    if not plan.commands:
        ctx.say(ctx.pick(f"{args.file.name}：{plan.rows} 行都已在项目中，没有变化，无需导入",
                         f"{args.file.name}: all {plan.rows} row(s) are already in the project; "
                         "nothing to do"))
        return 0
    with open_for_writing(args.project, ctx, args.reviewer) as project:
        result = tag_import.import_sheet(project, sheet, frames)
    ctx.say(ctx.pick(
        f"已导入 {args.file.name}：新增 {len(result.added)} 个标记，更新 {len(result.updated)} 个，"
        f"未变 {result.unchanged} 个",
        f"Imported {args.file.name}: {len(result.added)} tag(s) added, {len(result.updated)} "
        f"updated, {result.unchanged} unchanged"))
    if result.unpinned:
        ctx.fail(ctx.pick(f"{result.unpinned} 个标记的视频离线，时间按表中所写保存，未对齐到画面帧",
                          f"{result.unpinned} tag(s) have offline footage: their times are kept "
                          "as written, not pinned to frames"))
    return 0
