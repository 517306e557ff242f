"""Project commands: ``new``, ``add-media``, ``tags``, ``codebook``, ``relink``, ``demo``."""

from __future__ import annotations

import argparse
import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

from reviewer.cli import campaign_commands
from reviewer.cli.common import (
    CliError,
    Context,
    clock,
    new_project_path,
    number,
    open_for_reading,
    open_for_writing,
    output_path,
    project_path,
    seconds,
    whole,
)
from reviewer.codebook import io as codebook_io
from reviewer.codebook import lookup
from reviewer.codebook.model import STATUS_LABELS
from reviewer.media.errors import MediaError
from reviewer.store.errors import StoreError
from reviewer.store.project import Project
from reviewer.store.search import TagFilter

COMMANDS = ("new", "add-media", "tags", "codebook", "relink", "demo")
Handler = Callable[[argparse.Namespace, Context], int]
PROJECT_HELP = "the project file (.shenpian may be left out) / 项目文件（可省略 .shenpian 后缀）"
REVIEWER_HELP = "your name, recorded with every change / 审片人姓名，记录在每次修改中"


def add_project(p: argparse.ArgumentParser, dest: str = "project") -> None:
    p.add_argument(dest, type=project_path, metavar="PROJECT", help=PROJECT_HELP)


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("new", help="create a review project / 新建审片项目")
    p.add_argument("project", type=new_project_path, metavar="PROJECT",
                   help="the new project file; .shenpian is added / 新项目文件，自动加 .shenpian 后缀")
    p.add_argument("--codebook", type=Path, help="code book JSON (default: the campaign's) / "
                   "代码本 JSON（默认用本次行动的）")
    p.add_argument("--reviewer", default="", help=REVIEWER_HELP)
    p.add_argument("--name", default="", help="project title / 项目名称")
    p.set_defaults(handler=cmd_new)
    a = sub.add_parser("add-media", help="add footage files / 添加视频")
    add_project(a)
    a.add_argument("files", type=Path, nargs="+", metavar="FILE",
                   help="footage files to add / 要添加的视频文件")
    a.add_argument("--reviewer", default="", help=REVIEWER_HELP)
    a.set_defaults(handler=cmd_add_media)
    _register_tags(sub)
    _register_codebook(sub)
    r = sub.add_parser("relink", help="find moved footage in a folder / 在文件夹中找回移动过的视频")
    add_project(r)
    r.add_argument("folder", type=Path, help="where to search, with subfolders / 搜索的文件夹（含子文件夹）")
    r.set_defaults(handler=cmd_relink)
    d = sub.add_parser("demo", help="create a demo project / 创建演示项目")
    d.add_argument("project", type=new_project_path, metavar="PROJECT",
                   help="the demo project file to create / 要创建的演示项目文件")
    d.add_argument("--seconds", type=number(1, 3600, "时长（秒）", "the length in seconds"),
                   default=180.0, help="total footage length in seconds / 视频总时长（秒）")
    d.add_argument("--rounds", type=int, choices=(1, 2), default=2,
                   help="inspection rounds in the demo / 演示项目的期数")
    d.set_defaults(handler=cmd_demo)


def add_filters(p: argparse.ArgumentParser) -> None:
    """The tag filters ``tags`` and ``export`` share (read by :func:`_filter`)."""
    named = {"category": "category / 类别", "county": "county / 县市", "unit": "responsible unit / 责任单位",
             "status": "rectification status / 整改状态", "reviewer": "reviewer / 审片人",
             "media": "footage file name or id / 视频文件名或编号"}
    for flag, what in named.items():
        en, zh = what.split(" / ")
        p.add_argument(f"--{flag}", action="append", default=[],
                       help=f"only this {en}: id or label; repeatable / 只看该{zh}（编号或名称，可重复）")
    p.add_argument("--severity", type=whole(1, 3, "严重程度", "the severity"), action="append",
                   default=[], help="only this severity, 1-3; repeatable / 只看该严重程度（1–3，可重复）")
    p.add_argument("--from", dest="from_s", type=seconds, metavar="SECONDS",
                   help="tags starting at or after (seconds) / 开始时间不早于（秒）")
    p.add_argument("--to", dest="to_s", type=seconds, metavar="SECONDS",
                   help="tags starting at or before (seconds) / 开始时间不晚于（秒）")
    done = p.add_mutually_exclusive_group()
    done.add_argument("--complete", action="store_const", const=True, dest="complete",
                      help="only tags with every required field / 只看必填项已填全的标记")
    done.add_argument("--incomplete", action="store_const", const=False, dest="complete",
                      help="only tags missing a required field / 只看缺必填项的标记")
    p.add_argument("--text", default="", help="search notes and places / 搜索备注和地点")
    campaign_commands.add_round_options(p)
    p.set_defaults(deleted=False)  # live tags unless a command offers --deleted


def _register_tags(sub: argparse._SubParsersAction) -> None:
    t = sub.add_parser("tags", help="list tags / 列出标记")
    add_project(t)
    t.add_argument("--json", action="store_true", help="every field of every tag as JSON / 以 JSON 输出每个标记的全部字段")
    add_filters(t)
    t.add_argument("--deleted", action="store_true", help="deleted tags only / 只看已删除的标记")
    t.set_defaults(handler=cmd_tags)


def _register_codebook(sub: argparse._SubParsersAction) -> None:
    c = sub.add_parser("codebook", help="export or import the code book / 导出或导入代码本")
    c.add_argument("action", choices=("export", "import"),
                   help="export: write the project's code book; import: replace it / "
                        "export 导出项目的代码本；import 替换为文件中的代码本")
    add_project(c)
    c.add_argument("file", type=output_path, help="the code book JSON file / 代码本 JSON 文件")
    c.add_argument("--allow-older", action="store_true",
                   help="accept an older version of the same code book / 接受同一代码本的旧版本")
    c.set_defaults(handler=cmd_codebook)


def cmd_new(args: argparse.Namespace, ctx: Context) -> int:
    path = args.project
    book = codebook_io.load(args.codebook) if args.codebook else None
    with Project.create(path, codebook=book, reviewer=args.reviewer, name=args.name) as project:
        count = len(project.codebook().categories)
    ctx.say(ctx.pick(f"已创建项目 {path}（{count} 个类别）", f"Created {path} ({count} categories)"))
    return 0


def cmd_add_media(args: argparse.Namespace, ctx: Context) -> int:
    """Add every file it can; a broken one is reported on its own line and the rest go on."""
    failed = 0
    with open_for_writing(args.project, ctx, args.reviewer) as project:
        for file in args.files:
            try:
                media = project.media_by_id(project.add_media(file).select or "")
            except (MediaError, StoreError) as exc:
                ctx.fail(exc.message(ctx.lang))
                failed += 1
                continue
            ctx.say(ctx.pick(f"已添加 {media.name}（{clock(media.duration_ms)}）",
                             f"Added {media.name} ({clock(media.duration_ms)})"))
    return 2 if failed else 0


def cmd_tags(args: argparse.Namespace, ctx: Context) -> int:
    with open_for_reading(args.project, ctx) as project:
        tags = project.tags(_filter(args, project))
        names = {m.id: m.name for m in project.media()}
        if args.json:
            items = [_tag_json(project, t, names, ctx.lang) for t in tags]
            ctx.say(json.dumps(items, ensure_ascii=False, indent=2))
        else:
            for number, tag in enumerate(tags, start=1):
                ctx.say(_tag_line(project, number, tag, names, ctx.lang))
            ctx.say(ctx.pick(f"共 {len(tags)} 个标记", f"{len(tags)} tag(s)"))
    return 0


def _filter(args: argparse.Namespace, project: Project) -> TagFilter:
    book = project.codebook()
    media = {m.name: m.id for m in project.media()} | {m.id: m.id for m in project.media()}
    return TagFilter(
        categories=resolve(args.category, lookup.names(book.categories), "类别", "category"),
        counties=resolve(args.county, lookup.names(book.counties), "县市", "county"),
        units=resolve(args.unit, lookup.names(book.units), "责任单位", "unit"),
        statuses=resolve(args.status, lookup.status_names(), "整改状态", "status"),
        reviewers=tuple(args.reviewer),
        media=resolve(args.media, media, "视频", "footage"),
        severities=tuple(args.severity),
        from_ms=None if args.from_s is None else round(args.from_s * 1000),
        to_ms=None if args.to_s is None else round(args.to_s * 1000),
        complete=args.complete,
        text=args.text,
        deleted=args.deleted,
        rounds=campaign_commands.chosen_rounds(args, project),
    )


def resolve(values: list[str], choices: dict[str, str], zh: str, en: str) -> tuple[str, ...]:
    """Each value as the id it names, or one line saying which value is unknown."""
    resolved = []
    for value in values:
        found = lookup.find(choices, value)
        if found is None:
            raise CliError(f"未知{zh}：{value}", f"Unknown {en}: {value}")
        resolved.append(found)
    return tuple(resolved)


def _labels(project: Project, tag: Any, lang: str) -> dict[str, str]:
    return {
        "category": project.label("category", tag.category_id, lang),
        "sub_problem": project.label("sub_problem", tag.sub_problem_id, lang),
        "county": project.label("county", tag.county_id, lang),
        "township": project.label("township", tag.township_id, lang),
        "unit": project.label("unit", tag.unit_id, lang),
        "status": STATUS_LABELS[tag.status][1 if lang.startswith("en") else 0],
    }


def _tag_json(project: Project, tag: Any, names: dict[str, str], lang: str) -> dict[str, Any]:
    data = tag.to_dict()
    missing = project.missing_fields(tag)
    data.update(media_name=names.get(tag.media_id, ""), labels=_labels(project, tag, lang),
                complete=not missing, missing_fields=list(missing))
    return data


def _tag_line(project: Project, number: int, tag: Any, names: dict[str, str], lang: str) -> str:
    labels = _labels(project, tag, lang)
    span = clock(tag.start_ms) + ("" if tag.end_ms is None else "–" + clock(tag.end_ms))
    what = labels["category"] + (f"/{labels['sub_problem']}" if labels["sub_problem"] else "")
    where = " ".join(x for x in (labels["county"], tag.place, labels["unit"]) if x)
    severity = f"{tag.severity}" if tag.severity else "-"
    note = tag.note.replace("\r", " ").replace("\n", " ")[:60]
    return f"{number:>3}  [{tag.uuid[:8]}]  {names.get(tag.media_id, '')}  {span}  {what}  {where}  " \
           f"{severity}  {labels['status']}  {note}".rstrip()


def cmd_codebook(args: argparse.Namespace, ctx: Context) -> int:
    if args.action == "export":
        with open_for_reading(args.project, ctx) as project:
            project.export_codebook(args.file)
            book = project.codebook()
        ctx.say(ctx.pick(f"已导出代码本 v{book.version} → {args.file}",
                         f"Exported code book v{book.version} → {args.file}"))
        return 0
    book = codebook_io.load(args.file)  # validated in full before the project is touched
    with Project.open(args.project, read_only=True) as project:
        same = project.codebook() == book
    if same:
        ctx.say(ctx.pick(f"项目已在用这本代码本 v{book.version}，无需导入",
                         f"The project already uses this code book v{book.version}; nothing to do"))
        return 0
    with open_for_writing(args.project, ctx) as project:
        project.import_codebook(book, allow_older=args.allow_older)
    ctx.say(ctx.pick(f"已导入代码本 v{book.version}（{len(book.categories)} 个类别）",
                     f"Imported code book v{book.version} ({len(book.categories)} categories)"))
    return 0


def cmd_relink(args: argparse.Namespace, ctx: Context) -> int:
    if not args.folder.is_dir():
        raise CliError(f"文件夹不存在：{args.folder}", f"No such folder: {args.folder}")
    with Project.open(args.project, read_only=True) as project:
        offline = project.offline_media()
    if not offline:
        ctx.say(ctx.pick("所有视频都在原处，无需重新链接", "All footage is where it was; nothing to relink"))
        return 0
    with open_for_writing(args.project, ctx) as project:
        report, _ = project.relink(args.folder)
        names = {m.id: m.name for m in project.media()}
    for media_id, path in report.relinked:
        ctx.say(ctx.pick(f"已重新链接 {names[media_id]} → {path}", f"Relinked {names[media_id]} → {path}"))
    for path in report.impostors:
        ctx.say(ctx.pick(f"已拒绝（同名但内容不同）：{path}", f"Refused (same name, different content): {path}"))
    for media_id in report.missing:
        ctx.say(ctx.pick(f"仍未找到：{names[media_id]}", f"Still missing: {names[media_id]}"))
    return 0 if not report.missing else 1


def cmd_demo(args: argparse.Namespace, ctx: Context) -> int:
    from reviewer.store.demo import create_demo  # pulls in the encoder only when asked

    create_demo(args.project, total_seconds=args.seconds, rounds=args.rounds)
    ctx.say(ctx.pick(f"已创建演示项目 {args.project}", f"Created the demo project {args.project}"))
    return 0
