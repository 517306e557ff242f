"""Real bugs: the traceback goes to a log file in the user's log folder, never to the screen."""

from __future__ import annotations

import contextlib
import os
import platform
import sys
import threading
import traceback
from collections.abc import Iterator, Sequence
from datetime import datetime
from pathlib import Path
from typing import Any

LOG_NAME = "cli-errors.log"


def log_dir() -> Path:
    """The per-user log folder (platformdirs); SHENPIAN_LOG_DIR overrides it."""
    override = os.environ.get("SHENPIAN_LOG_DIR")
    if override:
        return Path(override)
    import platformdirs

    return Path(platformdirs.user_log_dir("shenpian", appauthor=False))


def write_log(title: str, exc: BaseException | None, argv: Sequence[str], version: str) -> Path:
    """Append one entry; return the log file. Raises OSError if it cannot be written."""
    folder = log_dir()
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / LOG_NAME
    with path.open("a", encoding="utf-8", errors="replace") as handle:
        handle.write(f"--- {datetime.now().isoformat(timespec='seconds')} shenpian {version} "
                     f"Python {platform.python_version()} {platform.platform()}\n")
        handle.write(f"{title}: shenpian {' '.join(argv)}\n")
        if exc is not None:
            handle.write("".join(traceback.format_exception(exc)))
    return path


def one_line(exc: BaseException) -> str:
    text = " ".join(f"{type(exc).__name__}: {exc}".split())
    return text if len(text) <= 200 else text[:199] + "…"


@contextlib.contextmanager
def quiet_hooks(argv: Sequence[str], version: str) -> Iterator[None]:
    """While a command runs, errors Python would print itself ("Exception ignored in ...",
    an exception in a worker thread) go to the log instead of the screen."""
    previous = sys.unraisablehook, threading.excepthook

    def unraisable(info: Any) -> None:
        _log_quietly("unraisable", info.exc_value, argv, version)

    def in_thread(info: Any) -> None:
        _log_quietly(f"thread {info.thread.name if info.thread else '?'}", info.exc_value,
                     argv, version)

    sys.unraisablehook, threading.excepthook = unraisable, in_thread
    try:
        yield
    finally:
        sys.unraisablehook, threading.excepthook = previous


def _log_quietly(title: str, exc: BaseException | None, argv: Sequence[str], version: str) -> None:
    with contextlib.suppress(OSError):
        write_log(title, exc, argv, version)
