"""Why a code book file was refused, in both languages."""

from __future__ import annotations


class CodeBookError(Exception):
    """A code book that cannot be used; nothing was changed when this is raised."""

    def __init__(self, where: str, zh: str, en: str) -> None:
        super().__init__(f"{where}: {en}" if where else en)
        self.where, self.zh, self.en = where, zh, en

    def message(self, lang: str = "zh_CN") -> str:
        text = self.en if lang.startswith("en") else self.zh
        if lang.startswith("en"):
            return f"Code book{' ' + self.where if self.where else ''}: {text}"
        return f"代码本{' ' + self.where if self.where else ''}：{text}"
