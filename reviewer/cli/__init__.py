"""Command-line interface: ``python main.py SUBCOMMAND ...`` (also the ``shenpian`` script).

The error contract (docs/architecture.md): every failure a user or the machine can cause
prints ONE line naming the file and the cause, in the user's language, and exits 2. Exit 70
means a bug: its traceback goes to a log file in the per-user log folder, and the one line
says where. Nothing here imports Qt, so ``--help`` works on a machine without a display.
"""

from __future__ import annotations

import contextlib
import os
import sqlite3
import sys
from collections.abc import Sequence
from pathlib import Path

from reviewer.cli import (
    campaign_commands,
    crash,
    export_commands,
    media_commands,
    merge_commands,
    redact_commands,
    review_commands,
    store_commands,
    tag_commands,
)
from reviewer.cli.common import LANG, CliError, Context, tr
from reviewer.cli.parsing import Parser, UsageError, localise_help, split_lang, version
from reviewer.codebook.errors import CodeBookError
from reviewer.export.common import ExportError
from reviewer.files import os_cause
from reviewer.messages import FileError

# Feature modules each add their subcommands; see media_commands.register.
COMMAND_MODULES = [
    media_commands, store_commands, tag_commands, merge_commands, export_commands, redact_commands,
    campaign_commands,
    review_commands,
]
# Every error type that carries its own one-line, two-language message.
USER_ERRORS = (CliError, UsageError, FileError, CodeBookError, ExportError)

EXIT_USER_ERROR = 2
EXIT_INTERNAL = 70
HELP_FLAGS = ("-h", "--help", "--version")


def build_parser() -> Parser:
    """The whole command line, in the language of :data:`LANG`."""
    parser = Parser(prog="shenpian", description=tr(
        "暗访审片：逐帧审看暗访视频、标记问题、导出台账和通报。不带命令运行 main.py 打开窗口"
        "（main.py [--demo] [项目.shenpian]）。",
        "Footage reviewer: tag problems in inspection footage frame by frame and export the "
        "ledger and reports. Run main.py without a command to open the window "
        "(main.py [--demo] [PROJECT.shenpian])."))
    parser.add_argument("--lang", metavar="zh_CN|en", help=tr(
        "提示语言（可放在命令行任意位置；默认取 SHENPIAN_LANG 或系统语言）",
        "message language (anywhere on the line; default: SHENPIAN_LANG or the locale)"))
    parser.add_argument("--version", action="version", version=f"shenpian {version()}",
                        help=tr("显示版本并退出", "show the version and exit"))
    sub = parser.add_subparsers(dest="command", required=True, metavar="COMMAND",
                                title=tr("命令", "commands"), help=tr("下列之一：", "one of:"))
    for module in COMMAND_MODULES:
        module.register(sub)
    localise_help(parser)
    return parser


def run(argv: Sequence[str]) -> int:
    """Run one subcommand; return the process exit code."""
    argv = list(argv)
    try:
        lang, rest = split_lang(argv)
    except UsageError as exc:
        print(exc.text, file=sys.stderr)
        return EXIT_USER_ERROR
    token = LANG.set(lang)
    ctx = Context(lang=lang, out=sys.stdout, err=sys.stderr)
    try:
        with crash.quiet_hooks(argv, version()):
            return _run(rest, argv, ctx)
    finally:
        LANG.reset(token)


def _run(rest: list[str], argv: list[str], ctx: Context) -> int:
    args = None
    try:
        args = build_parser().parse_command(rest)
        code = int(args.handler(args, ctx) or 0)
        ctx.out.flush()  # a closed pipe must fail here, not while Python exits
        return code
    except SystemExit as exc:  # --help, --version
        return exc.code if isinstance(exc.code, int) else 0
    except USER_ERRORS as exc:
        ctx.fail(exc.message(ctx.lang))
    except BrokenPipeError:
        _drop_stdout()
        ctx.fail(tr("输出管道已被关闭（读取的一方已退出），输出不完整：<标准输出>",
                    "The output pipe was closed (its reader exited); the output is incomplete: "
                    "<stdout>"))
    except OSError as exc:
        zh, en = os_cause(exc)
        name = Path(os.fsdecode(exc.filename)).name if exc.filename else "?"
        ctx.fail(tr(f"{zh}：{name}", f"{en[:1].upper()}{en[1:]}: {name}"))
    except sqlite3.DatabaseError as exc:
        if not _project_of(args):
            return _internal(exc, argv, ctx)
        from reviewer.store import db

        ctx.fail(db.classify(exc, _project_of(args)).message(ctx.lang))
    except KeyboardInterrupt:
        return 130
    except Exception as exc:  # noqa: BLE001 - a bug: logged, and one line on screen
        return _internal(exc, argv, ctx)
    return EXIT_USER_ERROR


def _project_of(args: object) -> Path | None:
    value = getattr(args, "project", None) or getattr(args, "master", None)
    return value if isinstance(value, Path) else None


def _internal(exc: BaseException, argv: list[str], ctx: Context) -> int:
    try:
        where = str(crash.write_log("internal error", exc, argv, version()))
    except OSError as log_error:
        where = tr(f"（日志无法写入：{os_cause(log_error)[0]}）", f"(the log could not be written: "
                   f"{os_cause(log_error)[1]})")
    ctx.fail(tr(f"内部错误（程序缺陷，不是您的操作问题）：{crash.one_line(exc)}；详情见 {where}",
                f"Internal error (a bug, not something you did): {crash.one_line(exc)}; "
                f"details in {where}"))
    return EXIT_INTERNAL


def _drop_stdout() -> None:
    """Point stdout at the null device so the interpreter's last flush cannot fail again."""
    with contextlib.suppress(OSError, ValueError, AttributeError):
        null = os.open(os.devnull, os.O_WRONLY)
        os.dup2(null, sys.stdout.fileno())
        os.close(null)


def is_cli_invocation(argv: Sequence[str]) -> bool:
    """True if ``argv`` names a subcommand or asks for help/version (the GUI takes neither)."""
    names = set()
    for module in COMMAND_MODULES:
        names.update(module.COMMANDS)
    return any(arg in names or arg in HELP_FLAGS for arg in argv)
