"""The campaign's part of the review window: two docks, a menu, and the flags other views show.

The window creates one ``CampaignUi`` and tells it which tag is selected; everything else
(rounds dialog, re-check proposals, statistics, the rectification editor) lives here.
"""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QObject, Qt
from PySide6.QtWidgets import QDockWidget, QMainWindow, QScrollArea, QWidget

from reviewer.store.model import Tag
from reviewer.store.search import TagFilter
from ui.campaign.rectification import RectificationPanel
from ui.campaign.stats_panel import StatisticsPanel
from ui.project.session import ProjectSession


class CampaignUi(QObject):
    def __init__(self, window: QMainWindow, session: ProjectSession) -> None:
        super().__init__(window)
        self.window, self.session = window, session
        self.rectification = RectificationPanel(session)
        self.statistics = StatisticsPanel(session)
        self.rectification_dock = self._dock("rectificationDock", self.tr("Rectification"),
                                             _scrolled(self.rectification),
                                             Qt.DockWidgetArea.RightDockWidgetArea)
        self.statistics_dock = self._dock("statisticsDock", self.tr("Statistics"),
                                          self.statistics, Qt.DockWidgetArea.BottomDockWidgetArea)
        # Tabs beside the tag editor and the tag table: the review layout keeps its room.
        self._tab_behind("editorDock", self.rectification_dock)
        self._tab_behind("tagsDock", self.statistics_dock)
        self.statistics.filterRequested.connect(self.filter_tags)
        self._menu()

    def _dock(self, name: str, title: str, widget: QWidget,
              area: Qt.DockWidgetArea) -> QDockWidget:
        dock = QDockWidget(title, self.window)
        dock.setObjectName(name)
        dock.setWidget(widget)
        self.window.addDockWidget(area, dock)
        return dock

    def _tab_behind(self, name: str, dock: QDockWidget) -> None:
        front = self.window.findChild(QDockWidget, name)
        if front is not None:
            self.window.tabifyDockWidget(front, dock)
            front.raise_()

    def _menu(self) -> None:
        menu = self.window.menus.add("campaign", self.tr("&Campaign"))
        menu.addAction(self.tr("Inspection rounds…"), self.open_rounds)
        menu.addAction(self.tr("Re-check proposals…"), self.open_rechecks)
        menu.addSeparator()
        menu.addAction(self.rectification_dock.toggleViewAction())
        menu.addAction(self.statistics_dock.toggleViewAction())

    # -- what the window asks ------------------------------------------------------------

    def show_rectification(self) -> None:
        self.rectification_dock.raise_()

    def show_tag(self, uuid: str | None) -> None:
        self.rectification.show_tag(uuid)

    def overdue(self, tags: list[Tag]) -> set[str]:
        """The tags (of these) past their deadline and not rectified, for the timeline."""
        today = date.today()
        return {uuid for uuid, p in self.session.project.problems(tags).items()
                if p.overdue(today)}

    def filter_tags(self, f: TagFilter) -> None:
        """A statistics cell was clicked: show those tags in the tag table."""
        panel = getattr(self.window, "tags", None)
        if panel is None:
            return
        panel.show_filter(f)
        dock = self.window.findChild(QDockWidget, "tagsDock")
        if dock is not None:
            dock.raise_()

    # -- dialogs ----------------------------------------------------------------------------

    def open_rounds(self) -> None:
        from ui.campaign.rounds_dialog import RoundsDialog

        dialog = RoundsDialog(self.session, self.window)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()
        self.rounds_dialog = dialog

    def open_rechecks(self) -> None:
        from ui.campaign.recheck_dialog import RecheckDialog

        dialog = RecheckDialog(self.session, self.window)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        seek = getattr(self.window, "seek_to_tag", None)
        if seek is not None:
            dialog.tagActivated.connect(seek)
        dialog.open()
        self.recheck_dialog = dialog


def _scrolled(widget: QWidget) -> QScrollArea:
    area = QScrollArea()
    area.setWidget(widget)
    area.setWidgetResizable(True)
    area.setFrameShape(QScrollArea.Shape.NoFrame)
    return area
