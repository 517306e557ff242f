"""Project commands: ``new``, ``add-media``, ``tags``, ``codebook``, ``relink``, ``demo``."""

from __future__ import annotations

import argparse
import functools
import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

from reviewer.cli import campaign_commands
from reviewer.cli.common import CliError, Context
from reviewer.codebook import io as codebook_io
from reviewer.codebook.errors import CodeBookError
from reviewer.codebook.model import STATUS_LABELS, CodeBook
from reviewer.media.errors import MediaError
from reviewer.store.errors import StoreError
from reviewer.store.project import SUFFIX, Project
from reviewer.store.search import TagFilter

COMMANDS = ("new", "add-media", "tags", "codebook", "relink", "demo")
Handler = Callable[[argparse.Namespace, Context], int]


def _user_errors(handler: Handler) -> Handler:
    """Store and code book errors become the CLI's one-line, two-language errors."""

    @functools.wraps(handler)
    def run(args: argparse.Namespace, ctx: Context) -> int:
        try:
            return handler(args, ctx)
        except (StoreError, CodeBookError) as exc:
            raise CliError(exc.message("zh_CN"), exc.message("en")) from exc

    return run


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("new", help="create a review project / 新建审片项目")
    p.add_argument("project", type=Path)
    p.add_argument("--codebook", type=Path, help="code book JSON (default: the campaign's)")
    p.add_argument("--reviewer", default="", help="your name / 审片人")
    p.add_argument("--name", default="", help="project title / 项目名称")
    p.set_defaults(handler=_user_errors(cmd_new))
    a = sub.add_parser("add-media", help="add footage files / 添加视频")
    a.add_argument("project", type=Path)
    a.add_argument("files", type=Path, nargs="+")
    a.add_argument("--reviewer", default="")
    a.set_defaults(handler=_user_errors(cmd_add_media))
    _register_tags(sub)
    _register_codebook(sub)
    r = sub.add_parser("relink", help="find moved footage in a folder / 重新链接视频")
    r.add_argument("project", type=Path)
    r.add_argument("folder", type=Path)
    r.set_defaults(handler=_user_errors(cmd_relink))
    d = sub.add_parser("demo", help="create a demo project / 创建演示项目")
    d.add_argument("project", type=Path)
    d.add_argument("--seconds", type=float, default=180.0, help="total footage length")
    d.add_argument("--rounds", type=int, choices=(1, 2), default=2, help="inspection rounds / 期数")
    d.set_defaults(handler=_user_errors(cmd_demo))


def _register_tags(sub: argparse._SubParsersAction) -> None:
    t = sub.add_parser("tags", help="list tags / 列出标记")
    t.add_argument("project", type=Path)
    t.add_argument("--json", action="store_true", help="every field of every tag")
    for flag in ("category", "county", "unit", "status", "reviewer", "media"):
        t.add_argument(f"--{flag}", action="append", default=[], help="id or label; repeatable")
    t.add_argument("--severity", type=int, action="append", default=[])
    t.add_argument("--from", dest="from_s", type=float, help="seconds")
    t.add_argument("--to", dest="to_s", type=float, help="seconds")
    done = t.add_mutually_exclusive_group()
    done.add_argument("--complete", action="store_const", const=True, dest="complete")
    done.add_argument("--incomplete", action="store_const", const=False, dest="complete")
    t.add_argument("--text", default="", help="search notes and places / 搜索备注和地点")
    t.add_argument("--deleted", action="store_true", help="deleted tags only")
    campaign_commands.add_round_options(t)
    t.set_defaults(handler=_user_errors(cmd_tags))


def _register_codebook(sub: argparse._SubParsersAction) -> None:
    c = sub.add_parser("codebook", help="export or import the code book / 导出或导入代码本")
    c.add_argument("action", choices=("export", "import"))
    c.add_argument("project", type=Path)
    c.add_argument("file", type=Path)
    c.add_argument("--allow-older", action="store_true", help="accept an older version")
    c.set_defaults(handler=_user_errors(cmd_codebook))


def _writable(path: Path, ctx: Context, reviewer: str = "") -> Project:
    project = Project.open(path, reviewer=reviewer)
    if project.read_only:
        reason = project.read_only_reason
        project.close()
        if reason is not None:
            raise CliError(reason.message("zh_CN"), reason.message("en"))
    for warning in project.warnings:
        ctx.fail(warning.message(ctx.lang))
    return project


def cmd_new(args: argparse.Namespace, ctx: Context) -> int:
    path = args.project if args.project.suffix else args.project.with_suffix(SUFFIX)
    book = codebook_io.load(args.codebook) if args.codebook else None
    with Project.create(path, codebook=book, reviewer=args.reviewer, name=args.name) as project:
        count = len(project.codebook().categories)
    ctx.say(ctx.pick(f"已创建项目 {path}（{count} 个类别）", f"Created {path} ({count} categories)"))
    return 0


def cmd_add_media(args: argparse.Namespace, ctx: Context) -> int:
    """Add every file it can; a broken one is reported on its own line and the rest go on."""
    failed = 0
    with _writable(args.project, ctx, args.reviewer) as project:
        for file in args.files:
            try:
                media = project.media_by_id(project.add_media(file).select or "")
            except (MediaError, StoreError) as exc:
                ctx.fail(exc.message(ctx.lang))
                failed += 1
                continue
            ctx.say(ctx.pick(f"已添加 {media.name}（{_clock(media.duration_ms)}）",
                             f"Added {media.name} ({_clock(media.duration_ms)})"))
    return 2 if failed else 0


def cmd_tags(args: argparse.Namespace, ctx: Context) -> int:
    with Project.open(args.project, read_only=True) as project:
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
        categories=_resolve(args.category, _choices(book, "categories"), "类别", "category"),
        counties=_resolve(args.county, _choices(book, "counties"), "县市", "county"),
        units=_resolve(args.unit, _choices(book, "units"), "责任单位", "unit"),
        statuses=_resolve(args.status, _status_choices(), "整改状态", "status"),
        reviewers=tuple(args.reviewer),
        media=_resolve(args.media, media, "视频", "footage"),
        severities=tuple(args.severity),
        from_ms=None if args.from_s is None else int(args.from_s * 1000),
        to_ms=None if args.to_s is None else int(args.to_s * 1000),
        complete=args.complete,
        text=args.text,
        deleted=args.deleted,
        rounds=campaign_commands.chosen_rounds(args, project),
    )


def _choices(book: CodeBook, kind: str) -> dict[str, str]:
    """Every way a user may name an entry (id, Chinese, English) mapped to its id."""
    found: dict[str, str] = {}
    for entry in getattr(book, kind):
        found.update({entry.id: entry.id, entry.label.zh: entry.id, entry.label.en.lower(): entry.id})
    return found


def _status_choices() -> dict[str, str]:
    found = {code: code for code in STATUS_LABELS}
    for code, (zh, en) in STATUS_LABELS.items():
        found.update({zh: code, en.lower(): code})
    return found


def _resolve(values: list[str], choices: dict[str, str], zh: str, en: str) -> tuple[str, ...]:
    resolved = []
    for value in values:
        key = value if value in choices else value.lower()
        if key not in choices:
            raise CliError(f"未知{zh}：{value}", f"Unknown {en}: {value}")
        resolved.append(choices[key])
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
    span = _clock(tag.start_ms) + ("" if tag.end_ms is None else "–" + _clock(tag.end_ms))
    what = labels["category"] + (f"/{labels['sub_problem']}" if labels["sub_problem"] else "")
    where = " ".join(x for x in (labels["county"], tag.place, labels["unit"]) if x)
    severity = f"{tag.severity}" if tag.severity else "-"
    note = tag.note.replace("\r", " ").replace("\n", " ")[:60]
    return f"{number:>3}  {names.get(tag.media_id, '')}  {span}  {what}  {where}  " \
           f"{severity}  {labels['status']}  {note}".rstrip()


def _clock(ms: int) -> str:
    seconds, milli = divmod(int(ms), 1000)
    minutes, sec = divmod(seconds, 60)
    hours, minute = divmod(minutes, 60)
    return f"{hours}:{minute:02d}:{sec:02d}.{milli:03d}"


def cmd_codebook(args: argparse.Namespace, ctx: Context) -> int:
    if args.action == "export":
        with Project.open(args.project, read_only=True) as project:
            project.export_codebook(args.file)
            book = project.codebook()
        ctx.say(ctx.pick(f"已导出代码本 v{book.version} → {args.file}",
                         f"Exported code book v{book.version} → {args.file}"))
        return 0
    book = codebook_io.load(args.file)  # validated in full before the project is touched
    with _writable(args.project, ctx) as project:
        project.import_codebook(book, allow_older=args.allow_older)
    ctx.say(ctx.pick(f"已导入代码本 v{book.version}（{len(book.categories)} 个类别）",
                     f"Imported code book v{book.version} ({len(book.categories)} categories)"))
    return 0


def cmd_relink(args: argparse.Namespace, ctx: Context) -> int:
    if not args.folder.is_dir():
        raise CliError(f"文件夹不存在：{args.folder}", f"No such folder: {args.folder}")
    with _writable(args.project, ctx) as project:
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

    path = args.project if args.project.suffix else args.project.with_suffix(SUFFIX)
    if args.seconds <= 0:
        raise CliError("时长必须大于 0", "The length must be positive")
    create_demo(path, total_seconds=args.seconds, rounds=args.rounds)
    ctx.say(ctx.pick(f"已创建演示项目 {path}", f"Created the demo project {path}"))
    return 0
