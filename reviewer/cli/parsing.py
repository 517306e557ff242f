"""The argument parser: help in the user's language, mistakes as one line, ``--lang`` anywhere.

Help texts are written ``"English / 中文"``; the parser shows the half in the chosen
language, so every command module keeps one string per option.
"""

from __future__ import annotations

import argparse
import locale
import os
import re
import sys
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Any, NoReturn

from reviewer.cli.common import LANG, tr

_SEPARATOR = " / "


class UsageError(Exception):
    """A command line argparse refused; ``text`` is already in the user's language."""

    def __init__(self, text: str) -> None:
        super().__init__(text)
        self.text = text

    def message(self, lang: str) -> str:
        return self.text


class Parser(argparse.ArgumentParser):
    """argparse with translated headings and one-line errors (never usage + exit here)."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        kwargs["add_help"] = False
        kwargs.setdefault("formatter_class", _Formatter)
        super().__init__(*args, **kwargs)
        self._positionals.title = tr("参数", "arguments")
        self._optionals.title = tr("选项", "options")
        self.add_argument("-h", "--help", action="help", default=argparse.SUPPRESS,
                          help=tr("显示帮助并退出", "show this help and exit"))

    def error(self, message: str) -> NoReturn:
        hint = tr("（用 --help 查看用法）", " (see --help)")
        raise UsageError(f"{self.prog}: {_translate(message)}{hint}")


    def parse_command(self, argv: Sequence[str]) -> argparse.Namespace:
        """``parse_args``, except that words after an option still join the command's list
        of positionals (``merge MASTER --undo x.pkg`` has a package), so the command can say
        what is wrong with them rather than "unrecognized arguments"."""
        args, extra = self.parse_known_args(argv)
        if not extra:
            return args
        many = _list_positional(self, getattr(args, "command", None))
        if many is None or any(word.startswith("-") for word in extra):
            self.error(f"unrecognized arguments: {' '.join(extra)}")
        convert = many.type if callable(many.type) else str
        setattr(args, many.dest, [*getattr(args, many.dest), *map(convert, extra)])
        return args


def _list_positional(parser: argparse.ArgumentParser, command: str | None) -> argparse.Action | None:
    """The command's positional that takes any number of words, if it has one."""
    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction) and command in action.choices:
            sub = action.choices[command]
            return next((a for a in sub._actions
                         if not a.option_strings and a.nargs in ("*", "+")), None)
    return None


class _Formatter(argparse.HelpFormatter):
    def add_usage(self, usage: Any, actions: Any, groups: Any, prefix: str | None = None) -> None:
        # argparse passes "" when it builds a subcommand's prog: no prefix there.
        super().add_usage(usage, actions, groups, tr("用法：", "usage: ") if prefix is None else prefix)


def localise_help(parser: argparse.ArgumentParser) -> None:
    """Pick one language out of every ``"English / 中文"`` help text, in all subcommands."""
    for action in parser._actions:
        action.help = _one_language(action.help)
        if isinstance(action, argparse._SubParsersAction):
            for choice in action._choices_actions:
                choice.help = _one_language(choice.help)
            for name, sub in action.choices.items():
                helps = {c.dest: c.help for c in action._choices_actions}
                sub.description = sub.description or helps.get(name)
                localise_help(sub)


def _one_language(text: str | None) -> str | None:
    if not text or _SEPARATOR not in text:
        return text
    en, zh = text.split(_SEPARATOR, 1)
    return tr(zh.strip(), en.strip())


# argparse's own messages (English, from gettext) in Chinese.
_ZH = [
    (r"^the following arguments are required: (.*)$", r"缺少参数：\1"),
    (r"^unrecognized arguments: (.*)$", r"无法识别的参数：\1"),
    (r"^argument (\S+): invalid choice: (.*?) \(choose from (.*)\)$", r"参数 \1：无效的选项 \2（可选：\3）"),
    (r"^argument (\S+): expected one argument$", r"参数 \1：需要一个值"),
    (r"^argument (\S+): expected at least one argument$", r"参数 \1：至少需要一个值"),
    (r"^argument (\S+): not allowed with argument (\S+)$", r"参数 \1 不能与 \2 同时使用"),
    (r"^argument (\S+): ignored explicit argument (.*)$", r"参数 \1：不接受值 \2"),
    (r"^argument (\S+): (.*)$", r"参数 \1：\2"),
    (r"^ambiguous option: (.*)$", r"选项有歧义：\1"),
]


def _translate(message: str) -> str:
    if LANG.get().startswith("en"):
        return message
    for pattern, replacement in _ZH:
        if re.match(pattern, message):
            return re.sub(pattern, replacement, message)
    return message


# --- the language -----------------------------------------------------------------------


def normalise_lang(value: str) -> str | None:
    """"en", "en_US.UTF-8", "zh-CN" ... as "en" or "zh_CN"; None for anything else."""
    lowered = value.strip().lower().replace("-", "_")
    if lowered.startswith("en"):
        return "en"
    if lowered.startswith("zh"):
        return "zh_CN"
    return None


def default_lang(env: Mapping[str, str] = os.environ) -> str:
    """SHENPIAN_LANG, else the locale when it is English or Chinese, else Chinese."""
    explicit = normalise_lang(env.get("SHENPIAN_LANG", ""))
    if explicit:
        return explicit
    for name in ("LC_ALL", "LC_MESSAGES", "LANG"):  # POSIX order: the first one set decides
        if env.get(name):
            return normalise_lang(env[name]) or "zh_CN"
    if sys.platform == "win32":
        return normalise_lang(locale.getlocale()[0] or "") or "zh_CN"
    return "zh_CN"


def split_lang(argv: Sequence[str], env: Mapping[str, str] = os.environ) -> tuple[str, list[str]]:
    """Take ``--lang X`` / ``--lang=X`` out of ``argv`` wherever it stands (before ``--``)."""
    lang, rest, args = default_lang(env), [], list(argv)
    i = 0
    while i < len(args):
        arg = args[i]
        if arg == "--":
            rest += args[i:]
            break
        if arg == "--lang" or arg.startswith("--lang="):
            value = arg.partition("=")[2] if "=" in arg else (args[i + 1] if i + 1 < len(args) else "")
            i += 1 if "=" in arg else 2
            chosen = normalise_lang(value)
            if chosen is None:
                raise UsageError(f"shenpian: --lang {value}: 只能是 zh_CN 或 en / only zh_CN or en")
            lang = chosen
            continue
        rest.append(arg)
        i += 1
    return lang, rest


def version() -> str:
    """The installed version, or the checkout's pyproject.toml."""
    from importlib import metadata

    try:
        return metadata.version("shenpian")
    except metadata.PackageNotFoundError:
        pass
    import tomllib

    try:
        path = Path(__file__).resolve().parents[2] / "pyproject.toml"
        return str(tomllib.loads(path.read_text(encoding="utf-8"))["project"]["version"])
    except (OSError, KeyError, ValueError):
        return "unknown"
