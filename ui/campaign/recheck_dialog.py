"""Re-check proposals (回头看): a person confirms each with a verdict, or rejects it.

The proposals are computed by the core (same category and county; same or similar place,
or unit and township); nothing is linked until someone confirms here.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from reviewer.campaign.model import STATE_LABELS, VERDICT_LABELS, label
from reviewer.campaign.recheck import REASON_LABELS, Proposal
from ui.project.session import ProjectSession

PAIR_ROLE = Qt.ItemDataRole.UserRole + 1


class RecheckDialog(QDialog):
    tagActivated = Signal(str)  # the later tag, to look at it in the player

    def __init__(self, session: ProjectSession, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("recheckDialog")
        self.session = session
        self.proposals: list[Proposal] = []
        self.setWindowTitle(self.tr("Re-check proposals"))
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(self.tr(
            "Tags of a later round that may re-inspect an earlier problem. Confirm each with "
            "the result of the re-inspection, or reject it.")))
        self.table = QTableWidget(objectName="proposalTable")
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.cellDoubleClicked.connect(lambda r, _c: self._show(r))
        layout.addWidget(self.table, 1)
        layout.addLayout(self._buttons())
        self.reload()
        self.resize(980, 420)

    def _buttons(self) -> QHBoxLayout:
        row = QHBoxLayout()
        self.count = QLabel(objectName="proposalCount")
        row.addWidget(self.count, 1)
        for text, name, slot in ((self.tr("Confirm"), "confirmRecheck", self.confirm),
                                 (self.tr("Reject"), "rejectRecheck", self.reject_selected),
                                 (self.tr("Show the tag"), "showRecheck",
                                  lambda: self._show(self.table.currentRow())),
                                 (self.tr("Close"), "closeRecheck", self.accept)):
            button = QPushButton(text, objectName=name)
            button.clicked.connect(slot)
            row.addWidget(button)
        return row

    def reload(self) -> None:
        project, lang = self.session.project, self.session.lang
        campaign = project.campaign()
        self.proposals = project.recheck_proposals()
        headers = [self.tr("Later tag"), self.tr("Earlier problem"), self.tr("Earlier state"),
                   self.tr("Why"), self.tr("Result")]
        self.table.clear()
        self.table.setColumnCount(len(headers))
        self.table.setHorizontalHeaderLabels(headers)
        self.table.setRowCount(len(self.proposals))
        for row, p in enumerate(self.proposals):
            earlier, later = campaign.problem(p.earlier), campaign.problem(p.later)
            assert earlier is not None and later is not None
            cells = [f"{later.round.name} · {later.tag.place} · {later.tag.note}",
                     f"{earlier.round.name} · {earlier.tag.place} · {earlier.tag.note}",
                     label(STATE_LABELS, earlier.state, lang),
                     "、".join(label(REASON_LABELS, r, lang) for r in p.reasons)]
            for col, text in enumerate(cells):
                item = QTableWidgetItem(text)
                item.setToolTip(text)
                item.setData(PAIR_ROLE, (p.earlier, p.later))
                self.table.setItem(row, col, item)
            self.table.setCellWidget(row, 4, self._verdicts(p.suggested))
        self.table.resizeColumnsToContents()
        for col in (0, 1, 3):  # long places and notes wrap in the tooltip, not the width
            self.table.setColumnWidth(col, min(self.table.columnWidth(col), 300))
        self.count.setText(self.tr("%n proposal(s)", "", len(self.proposals)))

    def _verdicts(self, suggested: str) -> QComboBox:
        combo = QComboBox()
        for key in VERDICT_LABELS:
            combo.addItem(label(VERDICT_LABELS, key, self.session.lang), key)
        combo.setCurrentIndex(combo.findData(suggested))
        return combo

    def _pair(self, row: int) -> tuple[str, str] | None:
        item = self.table.item(row, 0)
        return None if item is None else item.data(PAIR_ROLE)

    def confirm(self, row: int | None = None) -> None:
        row = self.table.currentRow() if row is None else row
        pair = self._pair(row)
        combo = self.table.cellWidget(row, 4)
        if pair is None or not isinstance(combo, QComboBox):
            return
        verdict = combo.currentData()
        project = self.session.project
        if self.session.run(lambda: project.confirm_recheck(*pair, verdict)) is not None:
            self.reload()

    def reject_selected(self, row: int | None = None) -> None:
        row = self.table.currentRow() if row is None else row
        pair = self._pair(row)
        if pair is None:
            return
        project = self.session.project
        if self.session.run(lambda: project.reject_recheck(*pair)) is not None:
            self.reload()

    def _show(self, row: int) -> None:
        pair = self._pair(row)
        if pair is not None:
            self.tagActivated.emit(pair[1])
