"""The review window: panels wired to one ProjectSession, one Player, one ReviewController.

The window only lays panels out and routes signals; state lives in the
store (tags), the engine (frames), the player's Screen (what is shown) and
the controller (marks, coverage). Menus (ui/window/menus.py), full screen,
the OSD wording and the saved view state live in their own modules.
"""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

from PySide6.QtCore import QSettings, Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QDockWidget,
    QLabel,
    QMainWindow,
    QMessageBox,
    QVBoxLayout,
    QWidget,
)

from reviewer.store.errors import StoreError
from reviewer.store.model import Changes, Media, Still
from ui.campaign.hook import CampaignUi
from ui.keys.handler import ReviewKeys
from ui.keys.keymap import KeyMap, descriptions
from ui.keys.legend import KeyLegend
from ui.media.filmstrip_worker import FilmstripFeeder
from ui.media.frame_service import Failure, FrameService
from ui.media.media_bin import MediaBin
from ui.media.player import Player
from ui.media.transport import TransportBar
from ui.media.video_view import VideoView
from ui.project.session import ProjectSession
from ui.redact.install import install as install_redaction
from ui.review.aids import install as install_review_aids
from ui.review.controller import OpenRecording, ReviewController
from ui.tags.editor import TagEditor
from ui.tags.panel import TagPanel
from ui.timeline.timeline import TimelineWidget
from ui.window import menus
from ui.window.banner import FileBanner, ProjectBanner
from ui.window.busy import BusyDialog
from ui.window.feedback import Feedback
from ui.window.footage_actions import FootageActions
from ui.window.fullscreen import FullScreen
from ui.window.marks import TimelineMarks
from ui.window.view_state import ViewState, save_view
from ui.workers import TaskRunner


class ReviewWindow(QMainWindow):
    languageRequested = Signal(str)
    closed = Signal()
    newProjectRequested = Signal()
    openProjectRequested = Signal(str)  # a path, or "" to ask for one
    closeProjectRequested = Signal()

    def __init__(self, session: ProjectSession, synchronous: bool = False) -> None:
        super().__init__()
        self.setObjectName("ReviewWindow")
        self.session = session
        self.keymap = KeyMap(session.codebook(), self)
        self.frames = FrameService(synchronous=synchronous, parent=self)
        self.player = Player(self.frames, parent=self)
        self.controller = ReviewController(session, self.player, self)
        self.tasks = TaskRunner(synchronous=synchronous, parent=self)
        self.filmstrip = FilmstripFeeder(self)
        self.media_id: str | None = None  # the file in the player
        self._shut = False
        self._after_paint = None
        self._build()
        self._wire()
        self.redaction = install_redaction(self)  # #15: panel, region overlay, preview filter
        self.aids = install_review_aids(self)  # #16: coverage kept, scan lanes, their keys
        self._restore_layout()
        self._update_title()
        self.update_empty_hint()
        self.footage.jobs.hash_missing()

    # -- layout -----------------------------------------------------------

    def _build(self) -> None:
        self.view = VideoView()
        self.view.lang = self.session.lang
        self.legend = KeyLegend(self.keymap, self.session.codebook(), self.session.lang)
        self.transport = TransportBar(self.player)
        self.timeline = TimelineWidget()
        self.banner = FileBanner()
        self.busy = BusyDialog(self)
        self.project_banner = ProjectBanner(self.session.notices, self.session.lang)
        centre = QWidget()
        column = QVBoxLayout(centre)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(0)
        for widget, stretch in ((self.project_banner, 0), (self.banner, 0), (self.view, 1),
                                (self.legend, 0), (self.transport, 0), (self.timeline, 0)):  # fmt: skip
            column.addWidget(widget, stretch)
        self.setCentralWidget(centre)
        self.bin = MediaBin(self.session)
        self.tags = TagPanel(self.session, self.keymap)
        self.editor = TagEditor(self.session, self.keymap, self.tasks)
        self._dock("mediaDock", self.tr("Footage"), self.bin, Qt.DockWidgetArea.LeftDockWidgetArea)
        self._dock("editorDock", self.tr("Tag"), self.editor, Qt.DockWidgetArea.RightDockWidgetArea)
        self._dock("tagsDock", self.tr("Tags"), self.tags, Qt.DockWidgetArea.BottomDockWidgetArea)
        self.save_label = QLabel()
        self.save_label.setObjectName("saveState")
        self.statusBar().addPermanentWidget(self.save_label)
        self.keys = ReviewKeys(self.player, self.keymap, self)
        self.keys.install()
        self.feedback = Feedback(self.view, self.player, self.session)
        self.footage = FootageActions(self)
        self.marks = TimelineMarks(
            self.session, self.controller, self.player, self.timeline, self._select_tag
        )
        self.fullscreen = FullScreen(self, [self.timeline, self.banner, self.project_banner])
        self.menus = menus.build(self)
        self.campaign = CampaignUi(self, self.session)  # rounds, rectification, statistics
        self.marks.overdue = self.campaign.overdue
        self.leave_action.setEnabled(False)
        self.resize(1366, 860)

    def _dock(self, name: str, title: str, widget: QWidget, area: Qt.DockWidgetArea) -> None:
        dock = QDockWidget(title, self)
        dock.setObjectName(name)
        dock.setWidget(widget)
        self.addDockWidget(area, dock)

    def key_words(self) -> dict[str, str]:
        return descriptions()

    # -- wiring -----------------------------------------------------------

    def _wire(self) -> None:
        s, c, p = self.session, self.controller, self.player
        p.screenChanged.connect(self.view.set_screen)
        p.frameShown.connect(lambda f: self.view.set_image(f.image))
        self.view.displayWidthChanged.connect(self.frames.set_display_width)
        self.view.fullscreenRequested.connect(self.toggle_fullscreen)
        p.previewImage.connect(self.view.set_image)
        p.positionChanged.connect(self.timeline.set_position)
        self.frames.opened.connect(self._opened)
        self.frames.failed.connect(self._media_failed)
        self.transport.gotoFrame.connect(p.seek_index)
        self.transport.gotoTime.connect(p.seek_ms)
        self.transport.liftChanged.connect(self.view.set_lift)
        self.transport.lagChanged.connect(lambda ms: setattr(c, "lag_ms", ms))
        self.timeline.seekRequested.connect(p.seek_ms)
        self.timeline.markClicked.connect(self._select_tag)
        self.timeline.zoomed.connect(self.feedback.timeline_zoomed)
        self.timeline.setToolTip(
            self.tr("Click to go there · drag a tag to move it · Ctrl+wheel zooms, wheel scrolls")
        )
        self.keys.categoryKey.connect(c.tag_with)
        self.keys.actionRequested.connect(self._window_action)
        self.keys.performed.connect(self.feedback.action)
        c.tagCreated.connect(self._select_tag)
        c.tagCreated.connect(self.feedback.tagged)
        c.coverageChanged.connect(self.timeline.set_coverage)
        c.notice.connect(lambda text: self.statusBar().showMessage(text, 5000))
        c.warning.connect(self._tag_warning)
        c.stillOutside.connect(self._ask_still)
        self.bin.openRequested.connect(self.open_media)
        self.bin.addRequested.connect(self.footage.add_footage)
        self.bin.relinkRequested.connect(self.footage.relink)
        self.tags.tagActivated.connect(self.seek_to_tag)
        self.tags.selectionChanged.connect(
            lambda uuids: self._select_tag(uuids[0]) if uuids else None
        )
        self.editor.notice.connect(lambda text: self.statusBar().showMessage(text, 8000))
        self.filmstrip.thumbnail.connect(self.timeline.add_thumbnail)
        self.filmstrip.planned.connect(self.timeline.set_slots)
        # The session outlives this window (a language switch builds a new one): these links
        # are cut in shutdown, so a closed window never hears of later edits.
        self._session_links = [
            (s.changed, self._on_changed),
            (s.saved, self._saved),
            (s.saveFailed, self._save_failed),
            (s.editRefused, self._edit_refused),
            (s.undoStateChanged, self._undo_state),
            (s.busyChanged, self.busy.changed),
        ]
        s.runner = self.tasks  # long session work (undoing a merge) runs on the window's pool
        for signal, slot in self._session_links:
            signal.connect(slot)

    def _window_action(self, action: str) -> None:
        handlers = {
            "mark_in": self.controller.on_mark_in,
            "mark_out": self.controller.on_mark_out,
            "still": self.controller.on_still,
            "goto": self.transport.goto.setFocus,
            "zoom_in": lambda: self.view.set_zoom(self.view.zoom * 1.25),
            "zoom_out": lambda: self.view.set_zoom(self.view.zoom * 0.8),
            "zoom_fit": lambda: self.view.set_zoom(1.0),
            "previous_tag": lambda: self.marks.jump(-1),
            "next_tag": lambda: self.marks.jump(+1),
        }
        handlers.get(action, self.aids.actions.get(action, lambda: None))()

    # -- footage ----------------------------------------------------------

    def open_media(self, media_id: str, start_ms: int = 0) -> None:
        project = self.session.project
        media = project.media_by_id(media_id)
        chunks = self._recording_of(media)
        paths = [project.locate(m) for m in chunks]
        self.media_id = media_id
        self.banner.file_changed(media_id)
        self.bin.set_current(media_id)
        self.timeline.clear_thumbnails()
        self.timeline.set_duration(sum(m.duration_ms for m in chunks))  # placeholders at once
        self.timeline.set_position(start_ms)
        self.filmstrip.cancel()
        if any(p is None for p in paths):
            self._open_missing(media)
            return
        offsets = [sum(m.duration_ms for m in chunks[:k]) for k in range(len(chunks))]
        recording = OpenRecording(tuple(chunks), tuple(offsets))
        self.controller.open(recording, paths, start_ms)
        self.transport.recorded_at = _recorded_at(chunks[0])
        slots = int(self.timeline.width() / self.timeline.slot_width())
        self.filmstrip.plan(paths, offsets, [m.duration_ms for m in chunks], slots)
        self.marks.refresh()
        self.view.setFocus()

    def _opened(self, timing) -> None:
        self.timeline.set_duration(timing.duration_ms)
        self.filmstrip.start(timing.indexes)  # the decode thread's index: no second scan

    def _open_missing(self, media: Media) -> None:
        self.controller.close()
        text = self.tr("The footage file is missing: %1. Use “Find moved footage…”.")
        text = text.replace("%1", media.name)
        self.player.show_unopenable(media.name, MissingFootage(text))
        self.timeline.set_marks([])
        self.warn(text, media.id)

    def _recording_of(self, media: Media) -> list[Media]:
        if media.recording_id is None:
            return [media]
        same = [m for m in self.session.project.media() if m.recording_id == media.recording_id]
        return sorted(same, key=lambda m: m.chunk_index)

    def open_export(self) -> None:
        """Exports take the tag table's current filter (what the editor sees is what goes out)."""
        from ui.export.dialog import ExportDialog

        dialog = ExportDialog(self.session, self.tasks, self, tag_filter=self.tags.model.filter)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()
        self.export_dialog = dialog

    def open_presentation(self) -> None:
        """Presentation mode (#16): the tag table's filter, or the editor's playlist."""
        from ui.present.dialog import PresentDialog

        self.player.pause()
        dialog = PresentDialog(self.session, self.tags.model.filter, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()
        self.present_dialog = dialog

    def open_scan_settings(self) -> None:
        from ui.review.scan_settings import ScanSettings

        dialog = ScanSettings(self.aids.scan, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()
        self.scan_settings = dialog

    def open_merge(self) -> None:
        """Modal: the merge runs on a worker with this session's project, so nothing may edit meanwhile."""
        from ui.merge.view import MergeDialog

        self.player.pause()
        dialog = MergeDialog(self.session, self.tasks, self)
        dialog.exec()
        dialog.deleteLater()

    def _media_failed(self, failure: Failure) -> None:
        text = failure.message(self.session.lang)
        if failure.during_open:
            self.filmstrip.cancel()
            self.timeline.clear_thumbnails()
            self.warn(text, self.media_id)
        else:
            self.statusBar().showMessage(text, 10000)

    def _tag_warning(self, text: str) -> None:
        self.statusBar().showMessage("⚠ " + text, 15000)
        self.view.show_osd("⚠ " + text)

    def _ask_still(self, uuid: str, still: Still, question: str) -> None:
        """Asked, not refused: a still from elsewhere can be right, but never by accident."""
        box = QMessageBox(
            QMessageBox.Icon.Question,
            self.tr("Attach still"),
            question,
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            self,
        )
        box.setObjectName("stillQuestion")
        box.setDefaultButton(QMessageBox.StandardButton.No)
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        box.accepted.connect(lambda: self.controller.attach_still(uuid, still))
        box.open()
        self.still_question = box

    # -- help, keys, full screen --------------------------------------------

    def show_shortcuts(self) -> None:
        from ui.keys.sheet import ShortcutSheet

        sheet = ShortcutSheet(self.keymap, self.session.codebook(), self.session.lang, self)
        sheet.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        sheet.show()
        self.shortcut_sheet = sheet

    def open_key_settings(self) -> None:
        from ui.keys.settings import KeySettings

        dialog = KeySettings(self.keymap, self.session.codebook(), self.session.lang, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()
        self.key_settings = dialog

    def toggle_fullscreen(self) -> None:
        self.fullscreen.toggle()
        self.leave_action.setEnabled(self.fullscreen.active)
        self.view.setFocus()

    def leave_fullscreen(self) -> None:
        if self.fullscreen.active:
            self.toggle_fullscreen()

    # -- tags -------------------------------------------------------------

    def _select_tag(self, uuid: str) -> None:
        self.controller.selected = uuid
        self.editor.show_tag(uuid)
        self.campaign.show_tag(uuid)
        self.tags.select(uuid)
        self.marks.refresh()

    def seek_to_tag(self, uuid: str) -> None:
        tag = self.session.tag(uuid)
        recording = self.controller.recording
        if recording is None or recording.global_ms(tag.media_id, 0) is None:
            self.open_media(tag.media_id, tag.start_ms)
        else:
            self.player.seek_ms(recording.global_ms(tag.media_id, tag.start_ms) or 0)
        self._select_tag(uuid)

    def delete_selected(self) -> None:
        if self.aids.dismiss():  # Del right after P dismisses that proposal, not a tag
            return
        for uuid in self.tags.selected() or (
            [self.controller.selected] if self.controller.selected else []
        ):
            self.session.delete_tag(uuid)

    def _on_changed(self, changes: Changes) -> None:
        if changes.tags or changes.codebook or changes.campaign:
            self.marks.refresh()
        if changes.codebook:
            self.keymap.set_codebook(self.session.codebook())
            self.legend.set_codebook(self.session.codebook())
        if changes.media:
            self.update_empty_hint()

    # -- where the reviewer is -------------------------------------------------

    def after_first_paint(self, then) -> None:
        """Run ``then`` once the window has been painted (a start never shows a blank screen)."""
        self._after_paint = then

    def paintEvent(self, event) -> None:  # noqa: N802
        super().paintEvent(event)
        then, self._after_paint = self._after_paint, None
        if then is not None:
            QTimer.singleShot(0, then)

    def view_state(self) -> ViewState:
        return ViewState(
            self.media_id,
            self.player.position_ms(),
            self.controller.selected,
            self.tags.model.filter,
        )

    def apply_view_state(self, state: ViewState) -> None:
        """Back to a saved place: same file, same frame, same selection and filter."""
        self.tags.set_filter(state.filter)
        ids = {m.id for m in self.session.project.media()}
        if state.media_id in ids:
            self.open_media(state.media_id, state.position_ms)
        if state.selected is not None:
            try:
                if not self.session.tag(state.selected).deleted:
                    self._select_tag(state.selected)
            except StoreError:
                pass

    # -- status -----------------------------------------------------------

    def _save_failed(self, exc: StoreError) -> None:
        text = self.tr("NOT SAVED: %1 — retrying").replace("%1", exc.message(self.session.lang))
        self.save_label.setText(text)
        self.save_label.setStyleSheet("color: white; background: #c0392b; padding: 2px 6px;")
        self.warn(text)

    def _saved(self) -> None:
        self.save_label.setText(self.tr("All changes saved"))

    def _edit_refused(self, exc: StoreError) -> None:
        self.statusBar().showMessage(exc.message(self.session.lang), 8000)

    def _undo_state(self, can_undo: bool, can_redo: bool) -> None:
        self.save_label.setStyleSheet("")
        self.undo_action.setEnabled(can_undo)
        self.redo_action.setEnabled(can_redo)

    def warn(self, text: str, media_id: str | None = None) -> None:
        """In the window, not a modal box: the reviewer keeps working while it is shown."""
        self.statusBar().showMessage(text, 10000)
        self.banner.warn(text, media_id)

    def _update_title(self) -> None:
        name = self.session.project.meta().get("name") or Path(self.session.project.path).stem
        suffix = self.tr(" (read-only)") if self.session.read_only else ""
        self.setWindowTitle(f"{name}{suffix} — " + self.tr("Footage reviewer"))

    def update_empty_hint(self) -> None:
        if self.session.project.media():
            hint = self.tr(
                "Double-click a file in the Footage list on the left to start reviewing."
            )
        else:
            hint = self.tr(
                "This project has no footage yet.\n"
                "Add footage with File → Add footage… (Ctrl+I) or the button on the left."
            )
        self.view.empty_hint = hint
        self.view.update()

    # -- lifecycle --------------------------------------------------------

    def _restore_layout(self) -> None:
        settings = QSettings()
        geometry, state = settings.value("window/geometry"), settings.value("window/state")
        if geometry is not None:
            self.restoreGeometry(geometry)
        if state is not None:
            self.restoreState(state)

    def shutdown(self) -> None:
        """Stop every worker and release the footage; the project stays with its owner."""
        if self._shut:
            return
        self._shut = True
        if self.media_id is not None:
            save_view(self.session.project.path, self.view_state())
        self.aids.shutdown()  # what was watched since the last write
        self.fullscreen.leave()
        for signal, slot in self._session_links:
            signal.disconnect(slot)
        if self.session.runner is self.tasks:
            self.session.runner = None
        settings = QSettings()
        settings.setValue("window/geometry", self.saveGeometry())
        settings.setValue("window/state", self.saveState())
        self.keys.uninstall()
        self.filmstrip.cancel()
        self.player.close()
        self.frames.close()
        self.tasks.shutdown()

    def closeEvent(self, event) -> None:  # noqa: N802
        self.shutdown()
        super().closeEvent(event)
        self.closed.emit()


class MissingFootage(Exception):
    """The footage is not where the project last saw it (the message is already worded)."""


def _recorded_at(media: Media) -> datetime | None:
    stamp = (media.info or {}).get("recorded_at")
    try:
        return datetime.fromisoformat(stamp) if stamp else None
    except (TypeError, ValueError):
        return None
