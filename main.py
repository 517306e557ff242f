"""Entry point and composition root: ``python main.py`` opens the app, ``python main.py CMD`` is the CLI."""

from __future__ import annotations

import sys
from collections.abc import Sequence


def main(argv: Sequence[str] | None = None) -> int:
    args = list(sys.argv[1:] if argv is None else argv)
    from reviewer.cli import is_cli_invocation, run

    if is_cli_invocation(args):
        return run(args)
    return main_gui(args)


def main_gui(argv: Sequence[str] | None = None) -> int:
    from ui.app import run_gui

    return run_gui(list(sys.argv[1:] if argv is None else argv))


if __name__ == "__main__":
    sys.exit(main())
