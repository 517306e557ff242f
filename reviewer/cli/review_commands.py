"""``coverage``: what reviewers have watched; ``scan``: skippable stretches and proposals;
``present``: the meeting's screening, full screen, straight from the project (#16)."""

from __future__ import annotations

import argparse
import importlib
import json
from typing import TYPE_CHECKING, Any

from reviewer.cli import redact_commands
from reviewer.cli.common import CliError, Context, clock, number, open_for_reading, whole
from reviewer.cli.display import no_display
from reviewer.cli.store_commands import _filter, add_filters, add_project

if TYPE_CHECKING:  # PyAV and numpy only when a command needs them
    from reviewer.review.skippable import Findings
    from reviewer.review.watched import FileCoverage
    from reviewer.store.model import Media

COMMANDS = ("coverage", "scan", "present")


def register(sub: argparse._SubParsersAction) -> None:
    c = sub.add_parser("coverage", help="how much of each file has been watched, by whom / "
                       "每个视频已看了多少、由谁看")
    add_project(c)
    c.add_argument("--json", action="store_true", help="as JSON / 以 JSON 输出")
    c.set_defaults(handler=cmd_coverage)
    s = sub.add_parser("scan", help="find dark, frozen and near-static stretches, scene changes "
                       "and speech / 查找黑屏、静止画面、场景切换和说话片段")
    add_project(s)
    s.add_argument("media", nargs="?", metavar="MEDIA",
                   help="one footage file: name, id or path (default: every file) / "
                        "只扫描一个视频：文件名、编号或路径（默认全部）")
    s.add_argument("--json", action="store_true", help="as JSON / 以 JSON 输出")
    s.set_defaults(handler=cmd_scan)
    _register_present(sub)


def _register_present(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("present", help="screen the clips full screen, from the footage / "
                       "放映模式：全屏逐段放映片段（直接用原始视频）")
    add_project(p)
    add_filters(p)
    p.add_argument("--playlist", action="store_true",
                   help="the editor's saved playlist / 使用剪辑清单")
    p.add_argument("--handles", type=number(0, 600, "前后余量（秒）", "the handles in seconds"),
                   default=1.0, help="seconds before and after each clip / 每个片段前后余量（秒）")
    p.add_argument("--group-by", choices=("county", "category", "none"), default="county",
                   help="how the show is grouped under title cards / 按什么分组加标题卡")
    p.add_argument("--no-title-cards", action="store_true",
                   help="no title cards between groups / 分组之间不加标题卡")
    p.add_argument("--screen", type=whole(1, 16, "屏幕编号", "the screen number"),
                   help="the screen to show on, 1 = the first (default: the last, a projector) / "
                        "放映用的屏幕，1 为第一个（默认最后一个，通常是投影）")
    choice = p.add_mutually_exclusive_group()
    choice.add_argument("--redact", dest="redact", action="store_const", const="on",
                        help="mosaic faces and marked regions (the default) / 人脸和标出的区域打码（默认）")
    choice.add_argument("--no-redact", dest="redact", action="store_const", const="off",
                        help="unredacted, marked as such on screen (internal only) / "
                             "不打码，画面上标注“未打码 · 内部资料”")
    p.set_defaults(redact=None, handler=cmd_present)


# --- coverage -----------------------------------------------------------------------------

def cmd_coverage(args: argparse.Namespace, ctx: Context) -> int:
    from reviewer.review import watched

    with open_for_reading(args.project, ctx) as project:
        files = watched.summary(project)
    if args.json:
        ctx.say(json.dumps([_coverage_json(f) for f in files], ensure_ascii=False, indent=2))
        return 0
    for f in files:
        ctx.say(_coverage_line(f, ctx))
    total = sum(f.duration_ms for f in files)
    seen = sum(f.covered_ms for f in files)
    share = 100 * seen / total if total else 0.0
    ctx.say(ctx.pick(f"共 {len(files)} 个视频，已看 {share:.1f}%，未看 {clock(total - seen)}",
                     f"{len(files)} file(s), {share:.1f}% watched, {clock(total - seen)} left"))
    return 0


def _coverage_json(f: FileCoverage) -> dict[str, Any]:
    return {"media_id": f.media_id, "media_name": f.name, "duration_ms": f.duration_ms,
            "covered_ms": f.covered_ms, "marked_ms": f.marked_ms, "left_ms": f.left_ms,
            "share": round(f.share, 4),
            "reviewers": [{"reviewer": r, "covered_ms": ms} for r, ms in f.by_reviewer]}


def _coverage_line(f: FileCoverage, ctx: Context) -> str:
    people = "、".join(f"{r} {_pct(ms, f.duration_ms)}" for r, ms in f.by_reviewer) or "—"
    return ctx.pick(f"{f.name}  时长 {clock(f.duration_ms)}  已看 {_pct(f.covered_ms, f.duration_ms)}"
                    f"（其中标记为已审 {clock(f.marked_ms)}）  未看 {clock(f.left_ms)}  审片人：{people}",
                    f"{f.name}  length {clock(f.duration_ms)}  watched "
                    f"{_pct(f.covered_ms, f.duration_ms)} (marked reviewed {clock(f.marked_ms)})  "
                    f"left {clock(f.left_ms)}  by: {people.replace('、', ', ')}")


def _pct(part: int, whole_: int) -> str:
    return f"{100 * part / whole_:.1f}%" if whole_ else "0.0%"


# --- scan ---------------------------------------------------------------------------------

def cmd_scan(args: argparse.Namespace, ctx: Context) -> int:
    with open_for_reading(args.project, ctx) as project:
        chosen = [project.find_media(args.media)] if args.media else project.media()
        located = [(m, project.locate(m)) for m in chosen]
    results, offline = [], []
    for media, path in located:
        if path is None:
            offline.append(media)
            continue
        results.append((media, _scan_one(media, path, ctx, quiet=args.json)))
    for media in offline:
        ctx.fail(ctx.pick(f"视频离线，未扫描：{media.name}", f"Footage offline, not scanned: "
                          f"{media.name}"))
    if args.json:
        ctx.say(json.dumps([_scan_json(m, f) for m, f in results], ensure_ascii=False, indent=2))
    else:
        for media, found in results:
            _say_findings(media, found, ctx)
    if not results and offline:
        raise CliError("没有可扫描的视频（全部离线）", "No footage to scan: every file is offline")
    return 2 if offline else 0


def _scan_one(media: Media, path: Any, ctx: Context, quiet: bool) -> Findings:
    from reviewer.review import scan_cache, skippable

    report = _Progress(ctx, media.name) if not quiet else (lambda done, total: None)
    signals = scan_cache.signals(path, media.fingerprint, progress=report)
    return skippable.classify(signals)


class _Progress:
    """One line per tenth of a file (on stderr, so --json output stays clean)."""

    def __init__(self, ctx: Context, name: str) -> None:
        self.ctx, self.name, self.shown = ctx, name, -1

    def __call__(self, done: int, total: int) -> None:
        tenth = min(10, done * 10 // max(1, total))
        if tenth != self.shown:
            self.shown = tenth
            self.ctx.fail(self.ctx.pick(f"扫描 {self.name} {tenth * 10}%",
                                        f"Scanning {self.name} {tenth * 10}%"))


_WORDS = {"dark": ("黑屏", "dark"), "frozen": ("画面静止", "frozen"),
          "static": ("几乎不动且无声", "near-static, silent"), "scene": ("场景切换", "scene change"),
          "speech": ("有人说话", "speech")}


def _say_findings(media: Media, found: Findings, ctx: Context) -> None:
    ctx.say(ctx.pick(f"{media.name}：可跳过 {len(found.stretches)} 段共 {clock(found.skippable_ms())}，"
                     f"建议查看 {len(found.proposals)} 处",
                     f"{media.name}: {len(found.stretches)} skippable stretch(es), "
                     f"{clock(found.skippable_ms())} in all; {len(found.proposals)} proposal(s)"))
    for s in found.stretches:
        quiet = ctx.pick("，无声", ", silent") if s.silent else ""
        ctx.say(f"  {clock(s.start_ms)} – {clock(s.end_ms)}  {ctx.pick(*_WORDS[s.kind])}{quiet}")
    for p in found.proposals:
        span = clock(p.at_ms) if p.end_ms == p.at_ms else f"{clock(p.at_ms)} – {clock(p.end_ms)}"
        ctx.say(f"  {span}  {ctx.pick('建议', 'proposal')}：{ctx.pick(*_WORDS[p.kind])}")


def _scan_json(media: Media, found: Findings) -> dict[str, Any]:
    return {"media_id": media.id, "media_name": media.name,
            "skippable": [{"kind": s.kind, "start_ms": s.start_ms, "end_ms": s.end_ms,
                           "silent": s.silent} for s in found.stretches],
            "proposals": [{"kind": p.kind, "start_ms": p.at_ms, "end_ms": p.end_ms}
                          for p in found.proposals]}


# --- present ------------------------------------------------------------------------------

def cmd_present(args: argparse.Namespace, ctx: Context) -> int:
    """Check what can be checked without a window, then open the show (Qt, loaded only now)."""
    from reviewer.export import selection

    with open_for_reading(args.project, ctx) as project:
        chosen = (selection.Selection.of_playlist(selection.load_playlist(project))
                  if args.playlist else selection.Selection(filter=_filter(args, project)))
        count = len(selection.resolve(project, chosen))
    if not count:
        raise CliError(f"没有可放映的标记（选择为空）：{args.project.name}",
                       f"Nothing to screen: the selection is empty: {args.project.name}")
    if no_display():
        raise CliError("没有可用的图形显示，无法放映；请在有显示器的电脑上运行",
                       "No graphical display to screen on; run this where a screen is attached")
    launch = importlib.import_module("ui.present.launch")  # the GUI, only past every check
    return int(launch.run(args.project, chosen, _present_options(args, ctx), args.screen))


def _present_options(args: argparse.Namespace, ctx: Context) -> Any:
    from reviewer.export.common import ExportOptions

    handle = round(args.handles * 1000)
    return ExportOptions(handle_before_ms=handle, handle_after_ms=handle, lower_third=True,
                         group_by=args.group_by, title_cards=not args.no_title_cards,
                         lang=ctx.lang, redact=redact_commands.redaction_mode(args))
