"""Tags as a Qt table, read from the store through the current filter.

Filtering is the store's (it handles 1–2 character Chinese terms);
sorting is a proxy's, on raw values rather than display text.
"""

from __future__ import annotations

from dataclasses import replace

from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
)
from PySide6.QtGui import QBrush, QColor

from reviewer.codebook.model import STATUS_LABELS, severity_text
from reviewer.store.model import Changes, Tag
from reviewer.store.search import TagFilter
from reviewer.text import shown
from reviewer.timecode import format_ms
from ui.campaign.table_flags import ProblemFlags, overdue_word
from ui.project.session import ProjectSession

PAGE = 500  # a month of tags loads in one page; 100,000 stay responsive
UUID_ROLE = Qt.ItemDataRole.UserRole + 1
SORT_ROLE = Qt.ItemDataRole.UserRole + 2
_INCOMPLETE = QColor(255, 236, 200)
_OVERDUE = QColor(176, 0, 32)


COLUMNS = (
    "time",
    "media",
    "category",
    "sub_problem",
    "county",
    "place",
    "unit",
    "severity",
    "status",
    "round",
    "reviewer",
    "missing",
    "note",
)


def headers() -> dict[str, str]:
    """Column titles in the current language (lupdate needs the literal calls)."""
    return {
        "time": QCoreApplication.translate("TagTable", "Time"),
        "media": QCoreApplication.translate("TagTable", "Footage"),
        "category": QCoreApplication.translate("TagTable", "Category"),
        "sub_problem": QCoreApplication.translate("TagTable", "Problem"),
        "county": QCoreApplication.translate("TagTable", "County"),
        "place": QCoreApplication.translate("TagTable", "Place"),
        "unit": QCoreApplication.translate("TagTable", "Responsible unit"),
        "severity": QCoreApplication.translate("TagTable", "Severity"),
        "status": QCoreApplication.translate("TagTable", "Status"),
        "round": QCoreApplication.translate("TagTable", "Round"),
        "reviewer": QCoreApplication.translate("TagTable", "Reviewer"),
        "missing": QCoreApplication.translate("TagTable", "Missing"),
        "note": QCoreApplication.translate("TagTable", "Note"),
    }


def field_labels() -> dict[str, str]:
    return {
        "sub_problem_id": QCoreApplication.translate("TagTable", "Problem"),
        "county_id": QCoreApplication.translate("TagTable", "County"),
        "township_id": QCoreApplication.translate("TagTable", "Township"),
        "place": QCoreApplication.translate("TagTable", "Place"),
        "unit_id": QCoreApplication.translate("TagTable", "Responsible unit"),
        "severity": QCoreApplication.translate("TagTable", "Severity"),
        "note": QCoreApplication.translate("TagTable", "Note"),
    }


class TagTableModel(QAbstractTableModel):
    def __init__(self, session: ProjectSession, parent=None) -> None:
        super().__init__(parent)
        self.session = session
        self._filter = TagFilter()
        self.total = 0
        self._tags: list[Tag] = []
        self._row_of: dict[str, int] = {}
        self._media_names: dict[str, str] = {}
        self.campaign_flags = ProblemFlags(session)  # round and overdue (ui/campaign)
        session.changed.connect(self._on_changed)
        self.reload()

    # -- data in ----------------------------------------------------------

    @property
    def filter(self) -> TagFilter:
        return self._filter

    def set_filter(self, f: TagFilter) -> None:
        self._filter = f
        self.reload()

    def set_text(self, text: str) -> None:
        self.set_filter(replace(self._filter, text=text))

    def reload(self) -> None:
        """The first page and the total; more pages arrive as the view scrolls (fetchMore)."""
        self.beginResetModel()
        project = self.session.project
        self._media_names = {m.id: m.name for m in project.media()}
        self.total = project.count_tags(self._filter)
        self._tags = project.tags(self._filter, limit=PAGE)
        self._row_of = {t.uuid: r for r, t in enumerate(self._tags)}
        self.campaign_flags.clear()
        self.campaign_flags.load(self._tags)
        self.endResetModel()

    def canFetchMore(self, parent: QModelIndex | QPersistentModelIndex | None = None) -> bool:  # noqa: N802
        return len(self._tags) < self.total

    def fetchMore(self, parent: QModelIndex | QPersistentModelIndex | None = None) -> None:  # noqa: N802
        more = self.session.project.tags(self._filter, limit=PAGE, offset=len(self._tags))
        if not more:
            self.total = len(self._tags)
            return
        first = len(self._tags)
        self.beginInsertRows(QModelIndex(), first, first + len(more) - 1)
        self._tags.extend(more)
        self.campaign_flags.load(more)
        self._row_of.update({t.uuid: first + k for k, t in enumerate(more)})
        self.endInsertRows()

    def fetch_all(self) -> None:
        """Before sorting or selecting by UUID: every matching row must be there."""
        while self.canFetchMore():
            self.fetchMore()

    def _on_changed(self, changes: Changes) -> None:
        # In place only when no filter could drop the row; otherwise ask the store again.
        in_place = not (changes.media or changes.codebook) and self._filter == TagFilter()
        if changes.campaign and not changes.tags:
            in_place = False  # a round renamed or moved: every row may show it
        if not in_place or any(u not in self._row_of for u in changes.tags):
            self.reload()
            return
        for uuid in changes.tags:
            tag = self.session.project.tag(uuid)
            if tag.deleted:
                self.reload()
                return
            row = self._row_of[uuid]
            self._tags[row] = tag
            self.campaign_flags.load([tag])
            self.dataChanged.emit(self.index(row, 0), self.index(row, len(COLUMNS) - 1))

    # -- Qt model API -----------------------------------------------------

    def rowCount(self, parent: QModelIndex | QPersistentModelIndex | None = None) -> int:
        return 0 if parent is not None and parent.isValid() else len(self._tags)

    def columnCount(self, parent: QModelIndex | QPersistentModelIndex | None = None) -> int:
        return 0 if parent is not None and parent.isValid() else len(COLUMNS)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = 0) -> object:
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        if orientation == Qt.Orientation.Horizontal:
            return headers()[COLUMNS[section]]
        return section + 1

    def tag_at(self, row: int) -> Tag:
        return self._tags[row]

    def row_of(self, uuid: str) -> int | None:
        if uuid not in self._row_of and self.canFetchMore():
            self.fetch_all()
        return self._row_of.get(uuid)

    def data(self, index: QModelIndex | QPersistentModelIndex, role: int = 0) -> object:
        if not index.isValid():
            return None
        tag, column = self._tags[index.row()], COLUMNS[index.column()]
        if role == Qt.ItemDataRole.DisplayRole:  # text from packages: hidden characters shown
            return shown(self._text(tag, column), keep_newlines=column == "note")
        if role == SORT_ROLE:
            return self._sort_key(tag, column)
        if role == UUID_ROLE:
            return tag.uuid
        if role == Qt.ItemDataRole.DecorationRole and column == "category":
            category = self.session.codebook().category(tag.category_id)
            return QColor(category.colour) if category else None
        if role == Qt.ItemDataRole.BackgroundRole and self._missing(tag):
            return QBrush(_INCOMPLETE)
        if role == Qt.ItemDataRole.ForegroundRole and column == "status" and self.campaign_flags.overdue(tag):
            return QBrush(_OVERDUE)
        if role == Qt.ItemDataRole.ToolTipRole and column == "note":
            return shown(tag.note, keep_newlines=True)
        return None

    def _missing(self, tag: Tag) -> tuple[str, ...]:
        return self.session.project.missing_fields(tag)

    def _label(self, kind: str, entry_id: str | None) -> str:
        return self.session.project.label(kind, entry_id, self.session.lang)

    def _text(self, tag: Tag, column: str) -> str:
        if column == "time":
            start = format_ms(tag.start_ms)
            return start if tag.end_ms is None else f"{start} – {format_ms(tag.end_ms)}"
        if column == "media":
            return self._media_names.get(tag.media_id, "")
        if column in ("category", "sub_problem", "county", "unit"):
            return self._label(column, getattr(tag, f"{column}_id"))
        if column == "severity":
            return severity_text(tag.severity, self.session.lang)
        if column == "status":
            zh, en = STATUS_LABELS.get(tag.status, (tag.status, tag.status))
            text = en if self.session.lang.startswith("en") else zh
            return f"{text} · {overdue_word()}" if self.campaign_flags.overdue(tag) else text
        if column == "round":
            return self.campaign_flags.round_name(tag)
        if column == "missing":
            labels = field_labels()
            sep = ", " if self.session.lang.startswith("en") else "、"
            return sep.join(labels[f] for f in self._missing(tag) if f in labels)
        return str(getattr(tag, column) or "")

    def _sort_key(self, tag: Tag, column: str) -> object:
        if column == "time":
            return (self._media_names.get(tag.media_id, ""), tag.start_ms)
        if column == "severity":
            return tag.severity or 0
        if column == "missing":
            return len(self._missing(tag))
        return self._text(tag, column)
