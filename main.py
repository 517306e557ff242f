"""Entry point and composition root: ``python main.py`` opens the app, ``python main.py CMD`` is the CLI."""

from __future__ import annotations

import sys
from collections.abc import Sequence


def main(argv: Sequence[str] | None = None) -> int:
    args = list(sys.argv[1:] if argv is None else argv)
    if _only_gui_options(args):  # the GUI at once: the CLI's imports cost a start ~0.5 s
        return main_gui(args)
    from reviewer.cli import is_cli_invocation, run

    if is_cli_invocation(args):
        return run(args)
    return main_gui(args)


def _only_gui_options(args: list[str]) -> bool:
    """No subcommand can be named: only options, and no help asked for."""
    return all(a.startswith("-") for a in args) and not {"-h", "--help"} & set(args)


def main_gui(argv: Sequence[str] | None = None) -> int:
    from ui.app import run_gui

    return run_gui(list(sys.argv[1:] if argv is None else argv))


if __name__ == "__main__":
    sys.exit(main())
