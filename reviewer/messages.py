"""Errors about one file, with a one-line message in the UI's language.

The core cannot use Qt's translations, so each feature keeps its own table
of (Chinese, English) templates; this base formats them the same way everywhere.
"""

from __future__ import annotations

from pathlib import Path
from typing import ClassVar


def pick(templates: tuple[str, str], lang: str) -> str:
    """The template for ``lang`` ("zh_CN", the default, or "en")."""
    zh, en = templates
    return en if lang.startswith("en") else zh


class FileError(Exception):
    """A file that cannot be used as asked; ``kind`` names the template in ``messages``."""

    messages: ClassVar[dict[str, tuple[str, str]]] = {}
    kind = ""

    def __init__(self, path: str | Path, detail: str = "") -> None:
        self.path = Path(path)
        self.detail = detail
        super().__init__(self.message("en"))

    def message(self, lang: str = "zh_CN") -> str:
        """One line naming the file and the cause."""
        name = self.path.name or str(self.path)
        return pick(self.messages[self.kind], lang).format(name=name, detail=self.detail)
