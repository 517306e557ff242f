"""Tag table with its filter bar; double-click seeks, right-click edits every selected tag."""

from __future__ import annotations

from PySide6.QtCore import QSignalBlocker, QSortFilterProxyModel, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QHBoxLayout,
    QLineEdit,
    QMenu,
    QVBoxLayout,
    QWidget,
)

from reviewer.codebook.model import SEVERITIES, STATUS_LABELS, severity_text
from reviewer.store.model import Changes
from reviewer.store.search import TagFilter
from ui.keys.keymap import KeyMap
from ui.project.session import ProjectSession
from ui.tags.table_model import SORT_ROLE, UUID_ROLE, TagTableModel
from ui.widgets.hints import HintTable


class SortingProxy(QSortFilterProxyModel):
    """Sorts on raw values; loads every page first, so a sort is never of a partial list."""

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        source = self.sourceModel()
        if column >= 0 and hasattr(source, "fetch_all"):
            source.fetch_all()
        super().sort(column, order)


class TagPanel(QWidget):
    tagActivated = Signal(str)
    selectionChanged = Signal(list)

    def __init__(
        self, session: ProjectSession, keymap: KeyMap | None = None, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.setObjectName("tagPanel")
        self.session = session
        self.keymap = keymap
        self._rounds: tuple[str, ...] = ()  # a range of rounds shown from the statistics
        self.model = TagTableModel(session, self)
        self.proxy = SortingProxy(self)
        self.proxy.setSourceModel(self.model)
        self.proxy.setSortRole(SORT_ROLE)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(2, 2, 2, 2)
        layout.addLayout(self._filter_bar())
        self.table = HintTable()
        self.table.setObjectName("tagTable")
        self.table.setModel(self.proxy)
        # Unsorted at first: the store's own order (footage, then time) needs no loading of
        # every page; clicking a header sorts all rows.
        self.table.horizontalHeader().setSortIndicator(-1, Qt.SortOrder.AscendingOrder)
        self.table.setSortingEnabled(True)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.table.customContextMenuRequested.connect(self._menu)
        self.table.doubleClicked.connect(lambda ix: self.tagActivated.emit(ix.data(UUID_ROLE)))
        self.table.selectionModel().selectionChanged.connect(
            lambda *_: self.selectionChanged.emit(self.selected())
        )
        header = self.table.horizontalHeader()
        header.setStretchLastSection(True)
        header.setMinimumSectionSize(48)
        self._fitted = False
        self.model.modelReset.connect(self._fit_columns)
        self._fit_columns()
        layout.addWidget(self.table)
        self.model.modelReset.connect(self._update_hint)
        self._update_hint()
        session.changed.connect(self._on_changed)
        if keymap is not None:
            keymap.changed.connect(self._fill_filters)

    # -- filters ----------------------------------------------------------

    def _filter_bar(self) -> QHBoxLayout:
        bar = QHBoxLayout()
        self.search = QLineEdit()
        self.search.setObjectName("tagSearch")
        self.search.setPlaceholderText(self.tr("Search place and note"))
        self.search.textChanged.connect(self._apply_filter)
        self.category = QComboBox(objectName="filterCategory")
        self.county = QComboBox(objectName="filterCounty")
        self.status = QComboBox(objectName="filterStatus")
        self.reviewer = QComboBox(objectName="filterReviewer")
        self.round = QComboBox(objectName="filterRound")  # the campaign's rounds (期)
        self.incomplete = QCheckBox(self.tr("Incomplete only"), objectName="filterIncomplete")
        self.incomplete.toggled.connect(self._apply_filter)
        for combo in (self.round, self.category, self.county, self.status, self.reviewer):
            combo.activated.connect(self._apply_filter)
            bar.addWidget(combo)
        bar.addWidget(self.incomplete)
        bar.addWidget(self.search, 1)
        self._fill_filters()
        return bar

    def _fill_filters(self) -> None:
        book, lang = self.session.codebook(), self.session.lang
        statuses = [(k, v[1] if lang.startswith("en") else v[0]) for k, v in STATUS_LABELS.items()]
        keys = self.keymap
        self._options(
            self.category,
            self.tr("All categories"),
            [(c.id, keys.label(c.id, lang) if keys else c.label.text(lang)) for c in book.categories],
        )
        self._options(
            self.county,
            self.tr("All counties"),
            [(c.id, c.label.text(lang)) for c in book.counties],
        )
        self._options(self.status, self.tr("All statuses"), statuses)
        self._options(
            self.reviewer,
            self.tr("All reviewers"),
            [(r, r) for r in self.session.project.reviewers()],
        )
        self._options(
            self.round, self.tr("All rounds"), [(r.id, r.name) for r in self.session.project.rounds()]
        )

    def _options(self, combo: QComboBox, everything: str, items: list) -> None:
        current = combo.currentData()
        combo.clear()
        combo.addItem(everything, None)
        for value, text in items:
            combo.addItem(text, value)
        combo.setCurrentIndex(max(0, combo.findData(current)))

    def _fit_columns(self) -> None:
        """Headers and the first rows fit, in either language; once rows exist, widths stay."""
        if self._fitted:
            return
        self.table.resizeColumnsToContents()
        note = self.table.horizontalHeader().count() - 1
        self.table.setColumnWidth(note, max(self.table.columnWidth(note), 120))
        self._fitted = self.model.rowCount() > 0

    def set_filter(self, f: TagFilter) -> None:
        """Show ``f`` in the filter bar and apply it (the language switch keeps the filter)."""
        for combo, values in ((self.category, f.categories), (self.county, f.counties),
                              (self.status, f.statuses), (self.reviewer, f.reviewers)):  # fmt: skip
            combo.setCurrentIndex(max(0, combo.findData(values[0] if values else None)))
        self.incomplete.setChecked(f.complete is False)
        self.search.setText(f.text)
        self._apply_filter()

    def _update_hint(self) -> None:
        if self.model.filter != TagFilter():
            self.table.hint = self.tr("No tag matches these filters.")
        else:
            self.table.hint = self.tr(
                "No tags yet. On the frame that shows a problem, press the category's key "
                "(the strip under the video lists them)."
            )
        self.table.viewport().update()

    def _apply_filter(self) -> None:
        def pick(combo: QComboBox) -> tuple:
            return () if combo.currentData() is None else (combo.currentData(),)

        if self.sender() is self.round:
            self._rounds = ()  # a range from the statistics gives way to the round picked

        self.model.set_filter(
            TagFilter(
                categories=pick(self.category),
                counties=pick(self.county),
                statuses=pick(self.status),
                reviewers=pick(self.reviewer),
                complete=False if self.incomplete.isChecked() else None,
                text=self.search.text().strip(),
                rounds=self._rounds or pick(self.round),
            )
        )

    def show_filter(self, f: TagFilter) -> None:
        """Show the tags ``f`` selects (a statistics cell): the filter bar follows it."""
        with QSignalBlocker(self.incomplete), QSignalBlocker(self.search):
            self.incomplete.setChecked(False)
            self.search.clear()
        for combo in (self.status, self.reviewer):
            combo.setCurrentIndex(0)  # (only "activated", a user's pick, applies a filter)
        for combo, values in ((self.category, f.categories), (self.county, f.counties)):
            at = combo.findData(values[0]) if len(values) == 1 else 0
            combo.setCurrentIndex(max(0, at))
        self.round.setCurrentIndex(max(0, self.round.findData(f.rounds[0]))
                                   if len(f.rounds) == 1 else 0)
        self._rounds = f.rounds if len(f.rounds) > 1 else ()
        self.model.set_filter(f)

    def _on_changed(self, changes: Changes) -> None:
        if changes.codebook or changes.campaign:
            self._fill_filters()

    # -- selection --------------------------------------------------------

    def selected(self) -> list[str]:
        rows = self.table.selectionModel().selectedRows()
        return [ix.data(UUID_ROLE) for ix in rows]

    def select(self, uuid: str) -> None:
        row = self.model.row_of(uuid)
        if row is None:
            return
        index = self.proxy.mapFromSource(self.model.index(row, 0))
        self.table.selectRow(index.row())
        self.table.scrollTo(index)

    def _menu(self, pos) -> None:
        uuids = self.selected()
        if not uuids or self.session.read_only:
            return
        menu = QMenu(self)
        lang = self.session.lang
        status = menu.addMenu(self.tr("Set status"))
        for key, (zh, en) in STATUS_LABELS.items():
            status.addAction(
                en if lang.startswith("en") else zh,
                lambda k=key: self.session.edit_tags(uuids, status=k),
            )
        severity = menu.addMenu(self.tr("Set severity"))
        for s in SEVERITIES:
            severity.addAction(
                severity_text(s, lang), lambda v=s: self.session.edit_tags(uuids, severity=v)
            )
        county = menu.addMenu(self.tr("Set county"))
        for c in self.session.codebook().counties:
            county.addAction(
                c.label.text(lang),
                lambda v=c.id: self.session.edit_tags(uuids, county_id=v, township_id=None),
            )
        menu.addSeparator()
        menu.addAction(self.tr("Delete"), lambda: [self.session.delete_tag(u) for u in uuids])
        menu.exec(self.table.viewport().mapToGlobal(pos))
