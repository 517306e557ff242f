"""Inspection rounds (期): name, dates, teams; add one, edit one, choose the current one.

New tags join the current round. Rounds are audited but not undoable (tags may already
have joined a new round); a wrong name or date is simply edited again.
"""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QDateEdit,
    QDialog,
    QFormLayout,
    QHBoxLayout,
    QLineEdit,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from reviewer.campaign.model import Round
from ui.project.session import ProjectSession

ID_ROLE = Qt.ItemDataRole.UserRole + 1


class OptionalDate(QWidget):
    """A date that may be left empty (a round not finished yet has no meeting day)."""

    def __init__(self, name: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        self.known = QCheckBox(objectName=name + "Known")
        self.edit = QDateEdit(objectName=name, calendarPopup=True)
        self.edit.setDisplayFormat("yyyy-MM-dd")
        self.edit.setDate(QDate.currentDate())
        self.known.toggled.connect(self.edit.setEnabled)
        self.edit.setEnabled(False)
        row.addWidget(self.known)
        row.addWidget(self.edit, 1)

    def value(self) -> date | None:
        if not self.known.isChecked():
            return None
        d = self.edit.date()
        return date(d.year(), d.month(), d.day())

    def set_value(self, day: date | None) -> None:
        self.known.setChecked(day is not None)
        if day is not None:
            self.edit.setDate(QDate(day.year, day.month, day.day))


class RoundsDialog(QDialog):
    def __init__(self, session: ProjectSession, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("roundsDialog")
        self.session = session
        self.setWindowTitle(self.tr("Inspection rounds"))
        layout = QVBoxLayout(self)
        self.table = QTableWidget(objectName="roundsTable")
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.currentCellChanged.connect(lambda row, *_: self._pick(row))
        layout.addWidget(self.table, 1)
        form = QFormLayout()
        self.name = QLineEdit(objectName="roundName", placeholderText=self.tr("e.g. 第6期"))
        self.start = OptionalDate("roundStart")
        self.end = OptionalDate("roundEnd")
        self.teams = QLineEdit(objectName="roundTeams")
        form.addRow(self.tr("Name"), self.name)
        form.addRow(self.tr("From"), self.start)
        form.addRow(self.tr("To (meeting)"), self.end)
        form.addRow(self.tr("Inspection teams"), self.teams)
        layout.addLayout(form)
        layout.addLayout(self._buttons())
        self.reload()
        self.resize(720, 420)

    def _buttons(self) -> QHBoxLayout:
        row = QHBoxLayout()
        row.addStretch(1)
        for text, name, slot in ((self.tr("Add as a new round"), "addRound", self.add),
                                 (self.tr("Save changes"), "saveRound", self.save),
                                 (self.tr("Make current"), "currentRound", self.make_current),
                                 (self.tr("Close"), "closeRounds", self.accept)):
            button = QPushButton(text, objectName=name)
            button.clicked.connect(slot)
            row.addWidget(button)
        return row

    def reload(self, select: str | None = None) -> None:
        project = self.session.project
        rounds, current = project.rounds(), project.current_round().id
        counts = dict(project.query("SELECT round_id, COUNT(*) FROM tags WHERE deleted_at IS NULL "
                                    "GROUP BY round_id"))
        headers = [self.tr("Round"), self.tr("From"), self.tr("To (meeting)"),
                   self.tr("Inspection teams"), self.tr("Tag count"), self.tr("Current")]
        self.table.clear()
        self.table.setColumnCount(len(headers))
        self.table.setHorizontalHeaderLabels(headers)
        self.table.setRowCount(len(rounds))
        for row, r in enumerate(rounds):
            cells = [r.name, _text(r.start_on), _text(r.end_on), r.teams,
                     str(counts.get(r.id, 0)), "●" if r.id == current else ""]
            for col, text in enumerate(cells):
                item = QTableWidgetItem(text)
                item.setData(ID_ROLE, r.id)
                self.table.setItem(row, col, item)
        self.table.resizeColumnsToContents()
        ids = [r.id for r in rounds]
        self.table.selectRow(ids.index(select) if select in ids else ids.index(current))

    def selected(self) -> Round | None:
        item = self.table.item(self.table.currentRow(), 0)
        return None if item is None else self.session.project.round(item.data(ID_ROLE))

    def _pick(self, row: int) -> None:
        item = self.table.item(row, 0)
        if item is None:
            return
        chosen = self.session.project.round(item.data(ID_ROLE))
        self.name.setText(chosen.name)
        self.start.set_value(chosen.start_on)
        self.end.set_value(chosen.end_on)
        self.teams.setText(chosen.teams)

    def add(self) -> None:
        project = self.session.project
        made = self.session.run(lambda: project.add_round(
            self.name.text(), self.start.value(), self.end.value(), self.teams.text()))
        if made is not None:
            self.reload(made.select)

    def save(self) -> None:
        chosen = self.selected()
        if chosen is None:
            return
        fields = {"name": self.name.text(), "start_on": self.start.value(),
                  "end_on": self.end.value(), "teams": self.teams.text()}
        if self.session.run(lambda: self.session.project.edit_round(chosen.id, **fields)):
            self.reload(chosen.id)

    def make_current(self) -> None:
        chosen = self.selected()
        if chosen is not None and \
                self.session.run(lambda: self.session.project.set_current_round(chosen.id)):
            self.reload(chosen.id)


def _text(day: date | None) -> str:
    return day.isoformat() if day else "—"
