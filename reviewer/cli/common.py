"""What every subcommand shares: streams, language, user-facing errors, argument types.

The language is known before the parser is built (``--lang`` may stand anywhere on the
line), so argument types and help texts speak it too: :data:`LANG` holds it for one run.
"""

from __future__ import annotations

import argparse
import math
from collections.abc import Callable
from contextvars import ContextVar
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, TextIO

from reviewer.files import long_part
from reviewer.timecode import GotoTarget, parse_position

if TYPE_CHECKING:
    from reviewer.store.project import Project

LANG: ContextVar[str] = ContextVar("shenpian_cli_lang", default="zh_CN")
PROJECT_SUFFIX = ".shenpian"
MAX_SECONDS = 10_000_000.0  # about 115 days: past any footage, still exact as integer ms


def tr(zh: str, en: str) -> str:
    """``zh`` or ``en`` in the language of this run."""
    return en if LANG.get().startswith("en") else zh


class CliError(Exception):
    """A user mistake with a message in both languages."""

    def __init__(self, zh: str, en: str) -> None:
        super().__init__(en)
        self.zh, self.en = zh, en

    def message(self, lang: str) -> str:
        return self.en if lang.startswith("en") else self.zh


@dataclass(frozen=True)
class Context:
    lang: str
    out: TextIO
    err: TextIO

    def say(self, text: str) -> None:
        print(text, file=self.out)

    def fail(self, text: str) -> None:
        print(" ".join(text.split("\n")), file=self.err)

    def pick(self, zh: str, en: str) -> str:
        return en if self.lang.startswith("en") else zh


# --- argument types: every number is finite and in range before a handler sees it --------


def number(low: float, high: float, what_zh: str, what_en: str) -> Callable[[str], float]:
    """An argparse type: a finite number from ``low`` to ``high``."""

    def parse(text: str) -> float:
        try:
            value = float(text)
        except ValueError:
            value = math.nan
        if not math.isfinite(value) or not low <= value <= high:
            raise argparse.ArgumentTypeError(tr(
                f"{what_zh}应为 {_plain(low)} 到 {_plain(high)} 之间的数，而不是“{text}”",
                f"{what_en} must be a number from {_plain(low)} to {_plain(high)}, not '{text}'"))
        return value

    parse.__name__ = "number"
    return parse


def _plain(value: float) -> str:
    return str(int(value)) if value == int(value) else f"{value:g}"


def whole(low: int, high: int, what_zh: str, what_en: str) -> Callable[[str], int]:
    """An argparse type: a whole number from ``low`` to ``high``."""

    def parse(text: str) -> int:
        try:
            value = int(text.strip())
        except ValueError:
            value = low - 1
        if not low <= value <= high:
            raise argparse.ArgumentTypeError(tr(
                f"{what_zh}应为 {low} 到 {high} 之间的整数，而不是“{text}”",
                f"{what_en} must be a whole number from {low} to {high}, not '{text}'"))
        return value

    parse.__name__ = "whole"
    return parse


seconds = number(0.0, MAX_SECONDS, "时间（秒）", "the time in seconds")


def position(text: str) -> GotoTarget:
    """A place on the footage: seconds, h:mm:ss.mmm, or #frame (as the window's go-to box)."""
    target = parse_position(text)
    if target is None or (target.ms is not None and target.ms > MAX_SECONDS * 1000):
        raise argparse.ArgumentTypeError(tr(
            f"“{text}”不是有效的时间：应为秒数、h:mm:ss.mmm 或 #帧号",
            f"'{text}' is not a valid time: use seconds, h:mm:ss.mmm or #frame"))
    return target


def project_path(text: str) -> Path:
    """A project named with or without its ``.shenpian`` suffix."""
    path = Path(text)
    if path.suffix != PROJECT_SUFFIX and not path.exists():
        with_suffix = path.with_name(path.name + PROJECT_SUFFIX)
        if with_suffix.exists():
            return with_suffix
    return path


def new_project_path(text: str) -> Path:
    """Where ``new``/``demo`` create a project: the suffix is added when missing."""
    path = Path(text)
    return path if path.suffix == PROJECT_SUFFIX else path.with_name(path.name + PROJECT_SUFFIX)


def output_path(text: str) -> Path:
    """A file or folder to write; a name longer than any file system allows is refused."""
    path = Path(text)
    part = long_part(path)
    if part is not None:
        raise argparse.ArgumentTypeError(tr(
            f"名称过长（{len(part.encode())} 字节，最多 255）：{part[:40]}…",
            f"the name is too long ({len(part.encode())} bytes, at most 255): {part[:40]}…"))
    return path


# --- opening projects -------------------------------------------------------------------


def open_for_reading(path: Path, ctx: Context) -> Project:
    """Open read-only; say once how it was opened when that matters (a temporary copy of
    a crash-left WAL, or of an older file upgraded to be read)."""
    from reviewer.store.errors import UpgradedCopyNotice, WalCopyNotice
    from reviewer.store.project import Project

    project = Project.open(path, read_only=True)
    for notice in project.notices:
        if isinstance(notice, WalCopyNotice | UpgradedCopyNotice):
            ctx.fail(notice.message(ctx.lang))
    return project


def open_for_writing(path: Path, ctx: Context, reviewer: str = "") -> Project:
    """Open to change it, or refuse in one line with the reason it is read-only."""
    from reviewer.store.errors import ProjectReadOnlyError
    from reviewer.store.project import Project

    project = Project.open(path, reviewer=reviewer)
    if project.read_only:
        reason = project.read_only_reason
        project.close()
        raise ProjectReadOnlyError(path, reason)
    for warning in project.warnings:
        ctx.fail(warning.message(ctx.lang))
    return project


def clock(ms: int) -> str:
    seconds_, milli = divmod(int(ms), 1000)
    minutes, sec = divmod(seconds_, 60)
    hours, minute = divmod(minutes, 60)
    return f"{hours}:{minute:02d}:{sec:02d}.{milli:03d}"
