"""Command-line interface: ``python main.py SUBCOMMAND ...`` (also the ``shenpian`` script).

Every failure a user can cause prints one line naming the file and the
cause, in the user's language, and exits non-zero; never a traceback.
"""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Sequence

from reviewer.cli import (
    campaign_commands,
    export_commands,
    media_commands,
    merge_commands,
    store_commands,
)
from reviewer.cli.common import CliError, Context
from reviewer.media.errors import MediaError

# Feature modules each add their subcommands; see media_commands.register.
COMMAND_MODULES = [media_commands, store_commands, merge_commands, export_commands,
                   campaign_commands]

EXIT_USER_ERROR = 2
EXIT_INTERNAL = 70


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="shenpian", description="暗访审片 / footage reviewer")
    parser.add_argument(
        "--lang",
        default=os.environ.get("SHENPIAN_LANG", "zh_CN"),
        help="message language: zh_CN (default) or en",
    )
    sub = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")
    for module in COMMAND_MODULES:
        module.register(sub)
    return parser


def run(argv: Sequence[str]) -> int:
    """Run one subcommand; return the process exit code."""
    args = build_parser().parse_args(list(argv))
    ctx = Context(lang=args.lang, out=sys.stdout, err=sys.stderr)
    try:
        return int(args.handler(args, ctx) or 0)
    except MediaError as exc:
        ctx.fail(exc.message(ctx.lang))
        return EXIT_USER_ERROR
    except CliError as exc:
        ctx.fail(exc.message(ctx.lang))
        return EXIT_USER_ERROR
    except KeyboardInterrupt:
        return 130
    except Exception as exc:  # noqa: BLE001 - a user sees one line, never a traceback
        ctx.fail(f"内部错误 / internal error: {type(exc).__name__}: {exc}")
        return EXIT_INTERNAL


def is_cli_invocation(argv: Sequence[str]) -> bool:
    """True if ``argv`` names a subcommand (the GUI takes only options)."""
    names = set()
    for module in COMMAND_MODULES:
        names.update(module.COMMANDS)
    return any(arg in names for arg in argv if not arg.startswith("-")) or "-h" in argv
