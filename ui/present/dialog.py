"""Starting a presentation from the review window: what to show, on which screen, redacted."""

from __future__ import annotations

from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QDoubleSpinBox,
    QFormLayout,
    QLabel,
    QWidget,
)

from reviewer.export import snapshot
from reviewer.export.common import ExportOptions
from reviewer.export.selection import Selection, load_playlist
from reviewer.present.plan import show
from reviewer.store.search import TagFilter
from ui.present.presentation import Presentation
from ui.project.session import ProjectSession


class PresentDialog(QDialog):
    def __init__(self, session: ProjectSession, tag_filter: TagFilter,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("presentDialog")
        self.setWindowTitle(self.tr("Presentation"))
        self.session, self.tag_filter = session, tag_filter
        self.presentation: Presentation | None = None
        form = QFormLayout(self)
        self.source = QComboBox()
        self.source.addItem(self.tr("The tags the table shows"), "filter")
        if load_playlist(session.project):
            self.source.addItem(self.tr("The editor's playlist"), "playlist")
            self.source.setCurrentIndex(1)
        self.screen = QComboBox()
        for n, s in enumerate(QGuiApplication.screens(), start=1):
            self.screen.addItem(f"{n}: {s.name()} {s.geometry().width()}×{s.geometry().height()}", n)
        self.screen.setCurrentIndex(self.screen.count() - 1)
        self.handles = QDoubleSpinBox()
        self.handles.setRange(0, 60)
        self.handles.setValue(1.0)
        self.handles.setSuffix(self.tr(" s"))
        self.redact = QCheckBox(self.tr("Mosaic faces and marked regions"))
        self.redact.setChecked(True)
        self.warning = QLabel(self.tr("Unredacted: every picture is marked “未打码 · 内部资料”"))
        self.redact.toggled.connect(lambda on: self.warning.setVisible(not on))
        self.warning.setVisible(False)
        form.addRow(self.tr("Show"), self.source)
        form.addRow(self.tr("Screen"), self.screen)
        form.addRow(self.tr("Handles before and after"), self.handles)
        form.addRow(self.redact)
        form.addRow(self.warning)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                   | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form.addRow(buttons)

    def options(self) -> ExportOptions:
        handle = round(self.handles.value() * 1000)
        return ExportOptions(handle_before_ms=handle, handle_after_ms=handle, lower_third=True,
                             lang=self.session.lang, redact="on" if self.redact.isChecked() else "off")

    def selection(self) -> Selection:
        if self.source.currentData() == "playlist":
            return Selection.of_playlist(load_playlist(self.session.project))
        return Selection(filter=self.tag_filter)

    def accept(self) -> None:
        options = self.options()
        snap = snapshot.take(self.session.project, self.selection(), self.session.lang)
        plan = show(snap, options)
        if not plan.clips:
            self.warning.setText(self.tr("Nothing to show: no selected tag has its footage here"))
            self.warning.setVisible(True)
            return
        self.presentation = Presentation(plan, options, self.session.lang, self.screen.currentData(),
                                         self.parent())
        self.presentation.start()
        super().accept()
