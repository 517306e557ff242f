"""Why a code book file was refused, in both languages."""

from __future__ import annotations


class CodeBookError(Exception):
    """A code book that cannot be used; nothing was changed when this is raised.

    ``where`` is the field at fault; ``file`` the file it came from, once known.
    """

    def __init__(self, where: str, zh: str, en: str, file: str = "") -> None:
        super().__init__(f"{where}: {en}" if where else en)
        self.where, self.zh, self.en, self.file = where, zh, en, file

    def message(self, lang: str = "zh_CN") -> str:
        if lang.startswith("en"):
            about = ", ".join(x for x in (self.file, self.where) if x)
            return f"Code book{' ' + about if about else ''}: {self.en}"
        about = "，".join(x for x in (self.file, self.where) if x)
        return f"代码本{' ' + about if about else ''}：{self.zh}"
