"""The selected problem's rectification: round, deadline, measures, evidence, verdict, closure.

Like the tag editor it holds only which tag it shows; every value comes from the store
and every change is one undoable, audited edit through the session.
"""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QDate, QSignalBlocker, Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateEdit,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from reviewer.campaign.model import OVERDUE_LABEL, STATE_LABELS, VERDICT_LABELS, label
from reviewer.campaign.view import Problem
from reviewer.store.model import Changes
from ui.project.session import ProjectSession

_LATE_STYLE = "color: #b00020; font-weight: bold;"


class MeasuresEdit(QPlainTextEdit):
    """Commits when focus leaves (one undo step per edit of the measures)."""

    committed = Signal(str)

    def focusOutEvent(self, event) -> None:  # noqa: N802 - Qt API
        self.committed.emit(self.toPlainText())
        super().focusOutEvent(event)


def _qdate(day: date) -> QDate:
    return QDate(day.year, day.month, day.day)


def _day(value: QDate) -> date:
    return date(value.year(), value.month(), value.day())


class RectificationPanel(QWidget):
    def __init__(self, session: ProjectSession, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("rectificationPanel")
        self.session = session
        self.uuid: str | None = None
        self.problem: Problem | None = None
        self._build()
        session.changed.connect(self._on_changed)
        self.show_tag(None)

    # -- building ---------------------------------------------------------------------

    def _build(self) -> None:
        form = QFormLayout(self)
        self.heading = QLabel(objectName="rectificationState")
        form.addRow(self.heading)
        self.round = QComboBox(objectName="problemRound")
        self.round.activated.connect(self._move_round)
        form.addRow(self.tr("Round"), self.round)
        form.addRow(self.tr("Deadline"), self._deadline_row())
        self.unit = QLabel(objectName="problemUnit")
        form.addRow(self.tr("Responsible unit"), self.unit)
        self.measures = MeasuresEdit(objectName="measures")
        self.measures.setMaximumHeight(80)
        self.measures.committed.connect(lambda text: self._set(measures=text.strip()))
        form.addRow(self.tr("Measures taken"), self.measures)
        form.addRow(self.tr("Rectified on"), self._done_row())
        form.addRow(self.tr("Evidence"), self._evidence_box())
        self.verdict = QComboBox(objectName="verdict")
        self.verdict.activated.connect(lambda _i: self._set(verdict=self.verdict.currentData()))
        form.addRow(self.tr("Re-inspection"), self.verdict)
        self.close_button = QPushButton(objectName="closeProblem")
        self.close_button.clicked.connect(self._close_or_reopen)
        self.closed = QLabel(objectName="closedBy")
        row = QHBoxLayout()
        row.addWidget(self.close_button)
        row.addWidget(self.closed, 1)
        form.addRow(self.tr("Closure"), row)
        self.links = QLabel(objectName="recheckLinks")
        self.links.setWordWrap(True)
        form.addRow(self.tr("Re-checks"), self.links)

    def _deadline_row(self) -> QHBoxLayout:
        row = QHBoxLayout()
        self.deadline = QDateEdit(objectName="deadline", calendarPopup=True)
        self.deadline.setDisplayFormat("yyyy-MM-dd")
        self.deadline.editingFinished.connect(
            lambda: self._set(deadline=_day(self.deadline.date())))
        self.default_deadline = QPushButton(self.tr("Default"), objectName="defaultDeadline")
        self.default_deadline.setToolTip(self.tr("Back to the code book's deadline"))
        self.default_deadline.clicked.connect(lambda: self._set(deadline=None))
        row.addWidget(self.deadline, 1)
        row.addWidget(self.default_deadline)
        return row

    def _done_row(self) -> QHBoxLayout:
        row = QHBoxLayout()
        self.done_known = QCheckBox(objectName="rectifiedKnown")
        self.done = QDateEdit(objectName="rectifiedOn", calendarPopup=True)
        self.done.setDisplayFormat("yyyy-MM-dd")
        self.done_known.toggled.connect(self._done_toggled)
        self.done.editingFinished.connect(self._done_toggled)
        row.addWidget(self.done_known)
        row.addWidget(self.done, 1)
        return row

    def _evidence_box(self) -> QVBoxLayout:
        box = QVBoxLayout()
        self.evidence = QListWidget(objectName="evidenceList")
        self.evidence.setMaximumHeight(70)
        buttons = QHBoxLayout()
        add = QPushButton(self.tr("Add…"), objectName="addEvidence")
        add.clicked.connect(self._pick_evidence)
        self.remove = QPushButton(self.tr("Remove"), objectName="removeEvidence")
        self.remove.clicked.connect(self._remove_evidence)
        buttons.addWidget(add)
        buttons.addWidget(self.remove)
        box.addWidget(self.evidence)
        box.addLayout(buttons)
        return box

    # -- showing ----------------------------------------------------------------------

    def show_tag(self, uuid: str | None) -> None:
        self.uuid = uuid
        self.problem = self._load()
        self.setEnabled(self.problem is not None and not self.session.read_only)
        if self.problem is None:
            self.heading.setText(self.tr("No tag selected"))
            return
        self._fill(self.problem)

    def _load(self) -> Problem | None:
        if self.uuid is None:
            return None
        tag = self.session.tag(self.uuid)
        if tag.deleted:
            return None
        return self.session.project.problems([tag])[tag.uuid]

    def _on_changed(self, changes: Changes) -> None:
        if self.uuid is not None and (self.uuid in changes.tags or changes.campaign or
                                      changes.codebook):
            self.show_tag(self.uuid)

    def _fill(self, problem: Problem) -> None:
        lang = self.session.lang
        late = problem.overdue(date.today())
        state = label(STATE_LABELS, problem.state, lang)
        self.heading.setText(f"{problem.round.name} · {state}" +
                             (f" · {label({'x': OVERDUE_LABEL}, 'x', lang)}" if late else ""))
        self.heading.setStyleSheet(_LATE_STYLE if late else "")
        with QSignalBlocker(self.round):
            self.round.clear()
            for r in self.session.project.rounds():
                self.round.addItem(r.name, r.id)
            self.round.setCurrentIndex(self.round.findData(problem.round.id))
        with QSignalBlocker(self.deadline):
            self.deadline.setDate(_qdate(problem.deadline))
        self.deadline.setStyleSheet(_LATE_STYLE if late else "")
        self.default_deadline.setEnabled(not problem.default_deadline)
        self.unit.setText(self.session.project.label("unit", problem.tag.unit_id, lang) or "—")
        if self.measures.toPlainText() != problem.record.measures:
            with QSignalBlocker(self.measures):
                self.measures.setPlainText(problem.record.measures)
        self._fill_done(problem)
        self._fill_evidence()
        self._fill_verdict(problem)
        self._fill_closure(problem)
        self._fill_links()

    def _fill_done(self, problem: Problem) -> None:
        day = problem.record.rectified_on
        with QSignalBlocker(self.done_known), QSignalBlocker(self.done):
            self.done_known.setChecked(day is not None)
            self.done.setDate(_qdate(day or date.today()))
        self.done.setEnabled(day is not None)

    def _fill_evidence(self) -> None:
        self.evidence.clear()
        for item in self.session.project.evidence(self.uuid):
            entry = QListWidgetItem(item.name)
            entry.setData(Qt.ItemDataRole.UserRole, item.id)
            entry.setToolTip(item.rel_path or item.name)
            self.evidence.addItem(entry)
        self.remove.setEnabled(self.evidence.count() > 0)

    def _fill_verdict(self, problem: Problem) -> None:
        with QSignalBlocker(self.verdict):
            self.verdict.clear()
            self.verdict.addItem(self.tr("Not re-inspected"), None)
            for key in VERDICT_LABELS:
                self.verdict.addItem(label(VERDICT_LABELS, key, self.session.lang), key)
            self.verdict.setCurrentIndex(max(0, self.verdict.findData(problem.record.verdict)))

    def _fill_closure(self, problem: Problem) -> None:
        record = problem.record
        self.close_button.setText(self.tr("Reopen") if record.closed else self.tr("Close (销号)"))
        self.closed.setText(f"{record.closed_at[:10]} {record.closed_by or ''}"
                            if record.closed_at else "")

    def _fill_links(self) -> None:
        project, lines = self.session.project, []
        for link in (r for r in project.rechecks() if r.confirmed):
            if link.later_uuid == self.uuid:
                earlier = project.tag(link.earlier_uuid)
                lines.append(self.tr("Re-checks a problem of %1 at %2")
                             .replace("%1", project.round_of(earlier.uuid).name)
                             .replace("%2", earlier.place or "—"))
            elif link.earlier_uuid == self.uuid:
                verdict = label(VERDICT_LABELS, link.verdict or "", self.session.lang)
                lines.append(self.tr("Re-checked in %1: %2")
                             .replace("%1", project.round_of(link.later_uuid).name)
                             .replace("%2", verdict))
        self.links.setText("\n".join(lines) or "—")

    # -- committing -------------------------------------------------------------------

    def _set(self, **fields: object) -> None:
        uuid = self.uuid
        if uuid is None or self.problem is None:
            return
        record = self.problem.record
        if all(getattr(record, k) == v for k, v in fields.items()):
            return
        self.session.run(lambda: self.session.project.set_rectification(uuid, **fields))

    def _done_toggled(self) -> None:
        self.done.setEnabled(self.done_known.isChecked())
        self._set(rectified_on=_day(self.done.date()) if self.done_known.isChecked() else None)

    def _move_round(self) -> None:
        uuid, round_id = self.uuid, self.round.currentData()
        if uuid is not None and round_id:
            self.session.run(lambda: self.session.project.move_to_round(uuid, round_id))

    def _close_or_reopen(self) -> None:
        uuid, problem = self.uuid, self.problem
        if uuid is None or problem is None:
            return
        project = self.session.project
        op = project.reopen_problem if problem.record.closed else project.close_problem
        self.session.run(lambda: op(uuid))

    def _pick_evidence(self) -> None:
        files, _ = QFileDialog.getOpenFileNames(
            self, self.tr("Add evidence"), "",
            self.tr("Photos, videos, documents (*.jpg *.jpeg *.png *.heic *.mp4 *.mov *.pdf "
                    "*.doc *.docx);;All files (*)"))
        for name in files:
            self.add_evidence(name)

    def add_evidence(self, path: str) -> None:
        uuid = self.uuid
        if uuid is not None:
            self.session.run(lambda: self.session.project.add_evidence(uuid, path))

    def _remove_evidence(self) -> None:
        item = self.evidence.currentItem() or self.evidence.item(0)
        if item is not None:
            evidence_id = item.data(Qt.ItemDataRole.UserRole)
            self.session.run(lambda: self.session.project.remove_evidence(evidence_id))
