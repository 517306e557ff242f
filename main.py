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
    return all(a.startswith("-") for a in args) and not {"-h", "--help", "--version"} & set(args)


def main_gui(argv: Sequence[str] | None = None) -> int:
    if _no_display():
        from reviewer.cli.parsing import UsageError, default_lang, split_lang

        try:
            lang, _rest = split_lang(list(sys.argv[1:] if argv is None else argv))
        except UsageError:
            lang = default_lang()
        english = lang.startswith("en")
        print("No graphical display to open the window on; see --help for the command line"
              if english else "没有可用的图形显示，无法打开窗口；命令行用法见 --help", file=sys.stderr)
        return 2
    from ui.app import run_gui

    return run_gui(list(sys.argv[1:] if argv is None else argv))


def _no_display() -> bool:
    """Qt aborts the process (exit 134) when Linux has no display; say so in one line instead."""
    from reviewer.cli.display import no_display

    return no_display()


if __name__ == "__main__":
    sys.exit(main())
