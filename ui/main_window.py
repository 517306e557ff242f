"""The review window: panels wired to one ProjectSession, one Player, one ReviewController.

The window only lays panels out and routes signals; state lives in the
store (tags), the engine (frames) and the controller (marks, coverage).
"""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

from PySide6.QtCore import QSettings, Qt, Signal
from PySide6.QtGui import QAction, QColor, QKeySequence
from PySide6.QtWidgets import (
    QDockWidget,
    QFileDialog,
    QLabel,
    QMainWindow,
    QVBoxLayout,
    QWidget,
)

from reviewer.media.errors import MediaError
from reviewer.store.errors import StoreError
from reviewer.store.model import Changes, Media, Tag
from ui.campaign.hook import CampaignUi
from ui.media.filmstrip_worker import FilmstripFeeder
from ui.media.frame_service import FrameService
from ui.media.keys import ReviewKeys
from ui.media.media_bin import MediaBin
from ui.media.player import Player
from ui.media.transport import TransportBar
from ui.media.video_view import VideoView
from ui.project.background import FootageJobs
from ui.project.session import ProjectSession
from ui.review.controller import OpenRecording, ReviewController
from ui.tags.editor import TagEditor
from ui.tags.panel import TagPanel
from ui.timeline.timeline import Mark, TimelineWidget
from ui.workers import TaskRunner


class ReviewWindow(QMainWindow):
    languageRequested = Signal(str)
    closed = Signal()

    def __init__(self, session: ProjectSession, synchronous: bool = False) -> None:
        super().__init__()
        self.setObjectName("ReviewWindow")
        self.session = session
        self.frames = FrameService(synchronous=synchronous, parent=self)
        self.player = Player(self.frames, parent=self)
        self.controller = ReviewController(session, self.player, self)
        self.tasks = TaskRunner(synchronous=synchronous, parent=self)
        self.filmstrip = FilmstripFeeder(self)
        self.footage_jobs = FootageJobs(session, self.tasks)
        self._build()
        self._wire()
        self._restore_layout()
        self._update_title()
        self.footage_jobs.hash_missing()

    # -- layout -----------------------------------------------------------

    def _build(self) -> None:
        self.view = VideoView()
        self.transport = TransportBar(self.player)
        self.timeline = TimelineWidget()
        centre = QWidget()
        column = QVBoxLayout(centre)
        column.setContentsMargins(0, 0, 0, 0)
        self.banner = QLabel()
        self.banner.setObjectName("banner")
        self.banner.setWordWrap(True)
        self.banner.setStyleSheet(
            "background: #fdecea; color: #8a1c12; padding: 6px; border: 1px solid #e0a39b;"
        )
        self.banner.mousePressEvent = lambda _e: self.banner.hide()  # click to dismiss
        self.banner.hide()
        column.addWidget(self.banner)
        column.addWidget(self.view, 1)
        column.addWidget(self.transport)
        column.addWidget(self.timeline)
        self.setCentralWidget(centre)
        self.bin = MediaBin(self.session)
        self.tags = TagPanel(self.session)
        self.editor = TagEditor(self.session)
        self._dock("mediaDock", self.tr("Footage"), self.bin, Qt.DockWidgetArea.LeftDockWidgetArea)
        self._dock("editorDock", self.tr("Tag"), self.editor, Qt.DockWidgetArea.RightDockWidgetArea)
        self._dock("tagsDock", self.tr("Tags"), self.tags, Qt.DockWidgetArea.BottomDockWidgetArea)
        self.save_label = QLabel()
        self.save_label.setObjectName("saveState")
        self.statusBar().addPermanentWidget(self.save_label)
        self.keys = ReviewKeys(self.player, self)
        self.keys.install()
        self._menus()
        self.campaign = CampaignUi(self, self.session)  # rounds, rectification, statistics
        self.resize(1366, 860)

    def _dock(self, name: str, title: str, widget: QWidget, area: Qt.DockWidgetArea) -> None:
        dock = QDockWidget(title, self)
        dock.setObjectName(name)
        dock.setWidget(widget)
        self.addDockWidget(area, dock)

    def _menus(self) -> None:
        file = self.menuBar().addMenu(self.tr("&File"))
        file.addAction(self.tr("Add footage…"), self.add_footage)
        file.addAction(self.tr("Find moved footage…"), self.relink)
        file.addSeparator()
        file.addAction(self.tr("Export…"), self.open_export)
        file.addAction(self.tr("Merge reviewers' packages…"), self.open_merge)
        file.addSeparator()
        file.addAction(self.tr("Close project"), self.close)
        edit = self.menuBar().addMenu(self.tr("&Edit"))
        self.undo_action = self._action(
            edit, self.tr("Undo"), QKeySequence.StandardKey.Undo, self.session.undo
        )
        self.redo_action = self._action(
            edit, self.tr("Redo"), QKeySequence("Ctrl+Shift+Z"), self.session.redo
        )
        self._action(
            edit, self.tr("Delete tag"), QKeySequence.StandardKey.Delete, self.delete_selected
        )
        view = self.menuBar().addMenu(self.tr("&View"))
        language = view.addMenu(self.tr("Language"))
        language.addAction("中文", lambda: self.languageRequested.emit("zh_CN"))
        language.addAction("English", lambda: self.languageRequested.emit("en"))
        self.undo_action.setEnabled(False)
        self.redo_action.setEnabled(False)

    def _action(self, menu, text: str, shortcut, slot) -> QAction:
        action = menu.addAction(text)
        action.setShortcut(shortcut)
        action.triggered.connect(slot)
        return action

    # -- wiring -----------------------------------------------------------

    def _wire(self) -> None:
        s, c, p = self.session, self.controller, self.player
        p.frameShown.connect(lambda f: self.view.set_image(f.image))
        self.view.displayWidthChanged.connect(self.frames.set_display_width)
        p.previewImage.connect(self.view.set_image)
        p.positionChanged.connect(self.timeline.set_position)
        self.frames.opened.connect(lambda t: self.timeline.set_duration(t.duration_ms))
        self.frames.failed.connect(self._media_failed)
        self.transport.gotoFrame.connect(p.seek_index)
        self.transport.gotoTime.connect(p.seek_ms)
        self.transport.liftChanged.connect(self.view.set_lift)
        self.transport.lagChanged.connect(lambda ms: setattr(c, "lag_ms", ms))
        self.timeline.seekRequested.connect(p.seek_ms)
        self.timeline.markMoved.connect(self._mark_moved)
        self.timeline.markClicked.connect(self._select_tag)
        self.keys.categoryKey.connect(c.on_category_key)
        self.keys.markIn.connect(c.on_mark_in)
        self.keys.markOut.connect(c.on_mark_out)
        self.keys.stillKey.connect(c.on_still)
        self.keys.gotoRequested.connect(self.transport.goto.setFocus)
        c.tagCreated.connect(self._select_tag)
        c.coverageChanged.connect(self.timeline.set_coverage)
        c.notice.connect(lambda text: self.statusBar().showMessage(text, 5000))
        self.bin.openRequested.connect(self.open_media)
        self.bin.addRequested.connect(self.add_footage)
        self.bin.relinkRequested.connect(self.relink)
        self.tags.tagActivated.connect(self.seek_to_tag)
        self.tags.selectionChanged.connect(
            lambda uuids: self._select_tag(uuids[0]) if uuids else None
        )
        self.filmstrip.thumbnail.connect(self.timeline.add_thumbnail)
        s.changed.connect(self._on_changed)
        s.saved.connect(lambda: self.save_label.setText(self.tr("All changes saved")))
        s.saveFailed.connect(self._save_failed)
        s.editRefused.connect(lambda e: self.statusBar().showMessage(e.message(s.lang), 8000))
        s.undoStateChanged.connect(self._undo_state)

    # -- footage ----------------------------------------------------------

    def open_media(self, media_id: str) -> None:
        project = self.session.project
        media = project.media_by_id(media_id)
        chunks = self._recording_of(media)
        paths = [project.locate(m) for m in chunks]
        if any(p is None for p in paths):
            self._warn(
                self.tr("The footage file is missing: %1. Use “Find moved footage…”.").replace(
                    "%1", media.name
                )
            )
            return
        offsets = [sum(m.duration_ms for m in chunks[:k]) for k in range(len(chunks))]
        self.controller.open(OpenRecording(tuple(chunks), tuple(offsets)), paths)
        self.transport.recorded_at = _recorded_at(chunks[0])
        self.timeline.clear_thumbnails()
        self.filmstrip.start(paths, offsets, [m.duration_ms for m in chunks])
        self._refresh_marks()
        self.view.setFocus()

    def _recording_of(self, media: Media) -> list[Media]:
        if media.recording_id is None:
            return [media]
        same = [m for m in self.session.project.media() if m.recording_id == media.recording_id]
        return sorted(same, key=lambda m: m.chunk_index)

    def add_footage(self) -> None:
        files, _ = QFileDialog.getOpenFileNames(
            self,
            self.tr("Add footage"),
            "",
            self.tr("Video (*.mp4 *.mov *.avi *.mkv *.ts *.mts *.m4v);;All files (*)"),
        )
        for name in files:
            try:
                self.session.announce(self.session.project.add_media(name))
            except (MediaError, StoreError) as exc:
                self._warn(exc.message(self.session.lang))

    def relink(self) -> None:
        folder = QFileDialog.getExistingDirectory(self, self.tr("Where is the footage now?"))
        if folder:
            self.relink_folder(Path(folder))

    def relink_folder(self, folder: Path) -> None:
        """Scan in the background; the window stays usable while a big drive is searched."""
        text = self.tr("Searching %1 for moved footage…").replace("%1", str(folder))
        self.statusBar().showMessage(text)
        self.footage_jobs.relink(folder, self._relinked)

    def _relinked(self, report, result) -> None:
        if report is None:
            self._warn(getattr(result, "message", lambda _l: str(result))(self.session.lang))
            return
        text = self.tr("Relinked %1 file(s)").replace("%1", str(len(report.relinked)))
        if report.impostors:
            names = "、".join(p.name for p in report.impostors)
            text += self.tr("; refused look-alikes with other content: %1").replace("%1", names)
        self.statusBar().showMessage(text, 15000)

    def open_export(self) -> None:
        """Exports take the tag table's current filter (what the editor sees is what goes out)."""
        from ui.export.dialog import ExportDialog

        dialog = ExportDialog(self.session, self.tasks, self, tag_filter=self.tags.model.filter)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()
        self.export_dialog = dialog

    def open_merge(self) -> None:
        """Modal: the merge runs on a worker with this session's project, so nothing may edit meanwhile."""
        from ui.merge.view import MergeDialog

        self.player.pause()
        dialog = MergeDialog(self.session, self.tasks, self)
        dialog.exec()
        dialog.deleteLater()

    def _media_failed(self, exc: MediaError) -> None:
        self._warn(exc.message(self.session.lang))

    # -- tags -------------------------------------------------------------

    def _select_tag(self, uuid: str) -> None:
        self.controller.selected = uuid
        self.editor.show_tag(uuid)
        self.campaign.show_tag(uuid)
        self.tags.select(uuid)
        self._refresh_marks()

    def seek_to_tag(self, uuid: str) -> None:
        tag = self.session.tag(uuid)
        recording = self.controller.recording
        if recording is None or recording.global_ms(tag.media_id, 0) is None:
            self.open_media(tag.media_id)
            recording = self.controller.recording
        if recording is None:
            return
        self.player.seek_ms(recording.global_ms(tag.media_id, tag.start_ms) or 0)
        self._select_tag(uuid)

    def _mark_moved(self, uuid: str, start: int, end: object) -> None:
        """A dragged tag lands on the start of the frame under it, like a keyboard tag."""
        recording, timing = self.controller.recording, self.controller.timing
        tag = self.session.tag(uuid)
        if recording is None or timing is None:
            return
        offset = recording.global_ms(tag.media_id, 0) or 0
        snap = lambda ms: int(timing.times_ms[timing.index_at(ms)]) - offset  # noqa: E731
        self.session.edit_tag(
            uuid,
            start_ms=snap(start),
            end_ms=None if end is None else max(snap(int(end)), snap(start) + 1),
            frame_pts=None,
        )

    def delete_selected(self) -> None:
        for uuid in self.tags.selected() or (
            [self.controller.selected] if self.controller.selected else []
        ):
            self.session.delete_tag(uuid)

    def _on_changed(self, changes: Changes) -> None:
        if changes.tags or changes.codebook or changes.campaign:
            self._refresh_marks()

    def _refresh_marks(self) -> None:
        recording = self.controller.recording
        if recording is None:
            return
        book = self.session.codebook()
        marks = []
        tags = self.session.project.tags()
        late = self.campaign.overdue(tags)
        for tag in tags:
            offset = recording.global_ms(tag.media_id, 0)
            if offset is not None:
                selected = tag.uuid == self.controller.selected
                marks.append(_mark(tag, offset, book, selected, tag.uuid in late))
        self.timeline.set_marks(marks)

    # -- status -----------------------------------------------------------

    def _save_failed(self, exc: StoreError) -> None:
        text = self.tr("NOT SAVED: %1 — retrying").replace("%1", exc.message(self.session.lang))
        self.save_label.setText(text)
        self.save_label.setStyleSheet("color: white; background: #c0392b; padding: 2px 6px;")
        self._warn(text)

    def _undo_state(self, can_undo: bool, can_redo: bool) -> None:
        self.save_label.setStyleSheet("")
        self.undo_action.setEnabled(can_undo)
        self.redo_action.setEnabled(can_redo)

    def _warn(self, text: str) -> None:
        """In the window, not a modal box: the reviewer keeps working while it is shown."""
        self.statusBar().showMessage(text, 10000)
        self.banner.setText("⚠ " + text)
        self.banner.show()

    def _update_title(self) -> None:
        name = self.session.project.meta().get("name") or Path(self.session.project.path).stem
        suffix = self.tr(" (read-only)") if self.session.read_only else ""
        self.setWindowTitle(f"{name}{suffix} — " + self.tr("Footage reviewer"))

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
        settings = QSettings()
        settings.setValue("window/geometry", self.saveGeometry())
        settings.setValue("window/state", self.saveState())
        self.keys.uninstall()
        self.filmstrip.cancel()
        self.player.close()
        self.frames.close()
        self.tasks.shutdown()

    def closeEvent(self, event) -> None:
        self.shutdown()
        super().closeEvent(event)
        self.closed.emit()


def _mark(tag: Tag, offset: int, book, selected: bool, overdue: bool = False) -> Mark:
    category = book.category(tag.category_id)
    color = QColor(category.colour if category else "#888888")
    end = None if tag.end_ms is None else offset + tag.end_ms
    return Mark(tag.uuid, offset + tag.start_ms, end, color, selected, overdue)


def _recorded_at(media: Media) -> datetime | None:
    stamp = (media.info or {}).get("recorded_at")
    try:
        return datetime.fromisoformat(stamp) if stamp else None
    except (TypeError, ValueError):
        return None
