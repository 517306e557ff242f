"""What every subcommand shares: the output streams, the language, user-facing errors."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TextIO


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
        print(text.replace("\n", " "), file=self.err)

    def pick(self, zh: str, en: str) -> str:
        return en if self.lang.startswith("en") else zh
