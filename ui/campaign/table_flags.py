"""Round and overdue flags for the rows the tag table has loaded (one query per page)."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date

from PySide6.QtCore import QCoreApplication

from reviewer.campaign.view import Problem
from reviewer.store.model import Tag
from ui.project.session import ProjectSession


def overdue_word() -> str:
    return QCoreApplication.translate("TagTable", "overdue")


class ProblemFlags:
    def __init__(self, session: ProjectSession) -> None:
        self.session = session
        self._problems: dict[str, Problem] = {}
        self._today = date.today()

    def clear(self) -> None:
        self._problems.clear()
        self._today = date.today()

    def load(self, tags: Iterable[Tag]) -> None:
        page = [t for t in tags if not t.deleted]
        if page:
            self._problems.update(self.session.project.problems(page))

    def round_name(self, tag: Tag) -> str:
        found = self._problems.get(tag.uuid)
        return found.round.name if found else ""

    def overdue(self, tag: Tag) -> bool:
        found = self._problems.get(tag.uuid)
        return found is not None and found.overdue(self._today)

    def deadline(self, tag: Tag) -> str:
        found = self._problems.get(tag.uuid)
        return found.deadline.isoformat() if found else ""
