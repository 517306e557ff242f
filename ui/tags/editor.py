"""Edits one tag; every field change is committed at once (one undo step each).

The editor holds only which tag it shows; the values always come from
the store, so an undo or another view's edit shows up here too (and a tag
an undo removed empties every field). Mandatory fields are outlined until
filled. A responsible unit that is not in the code book can be typed in:
it is added to the code book (audited) and the merge proposes it.
"""

from __future__ import annotations

from PySide6.QtCore import QSignalBlocker, Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QWidget,
)

from reviewer.codebook.model import SEVERITIES, STATUS_LABELS, severity_text
from reviewer.store.errors import UnknownTagError
from reviewer.store.model import Changes, Tag
from reviewer.text import shown
from reviewer.timecode import format_ms
from ui.keys.keymap import KeyMap
from ui.project.session import ProjectSession
from ui.tags.stills import StillStrip, StillViewer
from ui.workers import TaskRunner

_MISSING_STYLE = "border: 2px solid #e0662b;"


class NoteEdit(QPlainTextEdit):
    """Commits when focus leaves, not per keystroke (one undo step per note edit)."""

    committed = Signal(str)

    def focusOutEvent(self, event) -> None:  # noqa: N802
        self.committed.emit(self.toPlainText())
        super().focusOutEvent(event)


class TagEditor(QWidget):
    notice = Signal(str)

    def __init__(
        self,
        session: ProjectSession,
        keymap: KeyMap | None = None,
        runner: TaskRunner | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("tagEditor")
        self.session = session
        self.keymap = keymap
        self.runner = runner
        self.uuid: str | None = None
        self._build()
        if keymap is not None:
            keymap.changed.connect(lambda: self.show_tag(self.uuid))
        session.changed.connect(self._on_changed)
        self.show_tag(None)

    def _build(self) -> None:
        form = QFormLayout(self)
        self.heading = QLabel()
        form.addRow(self.heading)
        self.category = self._combo("category_id")
        self.sub_problem = self._combo("sub_problem_id")
        self.county = self._combo("county_id")
        self.township = self._combo("township_id")
        self.place = QLineEdit()
        self.place.setObjectName("place")
        self.place.editingFinished.connect(lambda: self._commit("place", self.place.text().strip()))
        self.unit = self._combo("unit_id")
        self.unit.setEditable(True)
        self.unit.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        self.unit.lineEdit().setPlaceholderText(self.tr("Choose, or type a new unit and press Enter"))
        self.unit.lineEdit().returnPressed.connect(self._unit_typed)
        self.severity = self._combo("severity")
        self.status = self._combo("status")
        self.note = NoteEdit()
        self.note.setObjectName("note")
        self.note.setMaximumHeight(90)
        self.note.committed.connect(lambda text: self._commit("note", text))
        self.stills = StillStrip(self.runner)
        self.stills.opened.connect(self._open_still)
        for label, widget in (
            (self.tr("Category"), self.category),
            (self.tr("Problem"), self.sub_problem),
            (self.tr("County"), self.county),
            (self.tr("Township"), self.township),
            (self.tr("Place"), self.place),
            (self.tr("Responsible unit"), self.unit),
            (self.tr("Severity"), self.severity),
            (self.tr("Status"), self.status),
            (self.tr("Note"), self.note),
            (self.tr("Stills"), self.stills),
        ):
            form.addRow(label, widget)
        self._fields = {
            "category_id": self.category,
            "sub_problem_id": self.sub_problem,
            "county_id": self.county,
            "township_id": self.township,
            "place": self.place,
            "unit_id": self.unit,
            "severity": self.severity,
            "status": self.status,
            "note": self.note,
        }

    def _combo(self, field: str) -> QComboBox:
        combo = QComboBox()
        combo.setObjectName(field)
        combo.activated.connect(lambda _i, c=combo, f=field: self._commit(f, c.currentData()))
        return combo

    def _unit_typed(self) -> None:
        """Enter in the unit field: an existing unit is picked; a new one joins the code book."""
        text = " ".join(self.unit.currentText().split())
        tag = self._current()
        if tag is None or not text:
            return
        at = self.unit.findText(text, Qt.MatchFlag.MatchFixedString)
        if at >= 0:
            self._commit("unit_id", self.unit.itemData(at))
            return
        changes = self.session.run(lambda: self.session.project.add_unit(text))
        if changes is None or changes.select is None:
            self.notice.emit(self.tr("A responsible unit must be chosen from the list"))
            return
        self.notice.emit(
            self.tr("“%1” added to the code book's responsible units").replace("%1", text)
        )
        self._commit("unit_id", changes.select)

    def _open_still(self, image) -> None:
        viewer = StillViewer(image, self.tr("Still"), self)
        viewer.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        viewer.show()
        self.still_viewer = viewer

    # -- showing ----------------------------------------------------------

    def show_tag(self, uuid: str | None) -> None:
        self.uuid = uuid
        tag = self._current()
        self.setEnabled(tag is not None and not self.session.read_only)
        if tag is None:
            self._clear()
            return
        self._fill(tag)

    def _clear(self) -> None:
        """No tag (none selected, or an undo removed it): no field may keep an old value."""
        gone = self.uuid is not None
        self.heading.setText(
            self.tr("The tag was removed (undo brings it back)") if gone else
            self.tr("No tag selected: press a category key on a frame to make one")
        )  # fmt: skip
        for combo in (self.category, self.sub_problem, self.county, self.township, self.unit,
                      self.severity, self.status):  # fmt: skip
            with QSignalBlocker(combo):
                combo.clear()
        self._set_text(self.place, "")
        with QSignalBlocker(self.note):
            self.note.setPlainText("")
        self.stills.show_stills("", None, ())
        self._mark_missing(())

    def _current(self) -> Tag | None:
        if self.uuid is None:
            return None
        try:
            tag = self.session.tag(self.uuid)
        except UnknownTagError:  # gone with an undone merge: undo restores, not tombstones
            return None
        return None if tag.deleted else tag

    def _on_changed(self, changes: Changes) -> None:
        if changes.codebook or (self.uuid is not None and self.uuid in changes.tags):
            self.show_tag(self.uuid)

    def _fill(self, tag: Tag) -> None:
        book, lang = self.session.codebook(), self.session.lang
        span = format_ms(tag.start_ms) + (
            "" if tag.end_ms is None else f" – {format_ms(tag.end_ms)}"
        )
        self.heading.setText(self.tr("Tag at %1").replace("%1", span))
        category = book.category(tag.category_id)
        self._options(
            self.category,
            [(c.id, self._category_text(c.id, c.label.text(lang))) for c in book.categories],
            tag.category_id,
            False,
        )
        subs = category.sub_problems if category else ()
        self._options(
            self.sub_problem, [(s.id, s.label.text(lang)) for s in subs], tag.sub_problem_id
        )
        self._options(
            self.county, [(c.id, c.label.text(lang)) for c in book.counties], tag.county_id
        )
        county = book.county(tag.county_id) if tag.county_id else None
        towns = county.townships if county else ()
        self._options(self.township, [(t.id, t.label.text(lang)) for t in towns], tag.township_id)
        self._options(self.unit, [(u.id, u.label.text(lang)) for u in book.units], tag.unit_id)
        self._options(self.severity, [(s, severity_text(s, lang)) for s in SEVERITIES], tag.severity)
        statuses = [(k, v[1] if lang.startswith("en") else v[0]) for k, v in STATUS_LABELS.items()]
        self._options(self.status, statuses, tag.status, False)
        self._set_text(self.place, shown(tag.place))
        if self.note.toPlainText() != shown(tag.note, keep_newlines=True):
            with QSignalBlocker(self.note):
                self.note.setPlainText(shown(tag.note, keep_newlines=True))
        media = self.session.project.media_by_id(tag.media_id)
        self.stills.show_stills(media.id, self.session.project.locate(media), tag.stills)
        self._mark_missing(self.session.project.missing_fields(tag))

    def _category_text(self, category_id: str, name: str) -> str:
        return self.keymap.label(category_id, self.session.lang) if self.keymap else name

    def _options(self, combo: QComboBox, items: list, current: object, blank: bool = True) -> None:
        with QSignalBlocker(combo):
            combo.clear()
            if blank:
                combo.addItem("—", None)
            for value, text in items:
                combo.addItem(shown(text), value)
            at = combo.findData(current)
            combo.setCurrentIndex(max(at, 0))

    def _set_text(self, edit: QLineEdit, text: str) -> None:
        if edit.text() != text:
            with QSignalBlocker(edit):
                edit.setText(text)

    def _mark_missing(self, missing: tuple[str, ...]) -> None:
        for field, widget in self._fields.items():
            widget.setStyleSheet(_MISSING_STYLE if field in missing else "")
            widget.setProperty("missing", field in missing)

    # -- committing -------------------------------------------------------

    def _commit(self, field: str, value: object) -> None:
        tag = self._current()
        if tag is None or getattr(tag, field) == value or _as_shown(field, getattr(tag, field)) == value:
            return  # unchanged (a field shows stored text with its hidden characters escaped)
        fields: dict[str, object] = {field: value}
        # A sub-problem belongs to a category, a township to a county: clear what no longer fits.
        if field == "category_id":
            fields["sub_problem_id"] = None
        if field == "county_id":
            fields["township_id"] = None
        self.session.edit_tag(tag.uuid, **fields)


def _as_shown(field: str, stored: object) -> object:
    """What a text field shows of ``stored`` (package text may hold control characters)."""
    return shown(stored, keep_newlines=field == "note") if isinstance(stored, str) else stored
