"""Wires the redaction UI into the review window through its public parts only.

The window calls ``install(self)`` once; this adds the panel as a dock, lays the region
overlay over the video view, installs the preview as the view's image filter, and
follows the window's tag selection and frames. Nothing in the window's own code changes
behaviour when the preview is off.
"""

from __future__ import annotations

from PySide6.QtCore import QObject, Qt
from PySide6.QtWidgets import QDockWidget

from ui.redact.controller import RedactionController
from ui.redact.overlay import RegionOverlay, Shown
from ui.redact.panel import RedactionPanel
from ui.redact.preview import RedactionPreview


class RedactionUi(QObject):
    def __init__(self, window) -> None:
        super().__init__(window)
        self.window = window
        self.preview = RedactionPreview(self)
        self.controller = RedactionController(window.session, window.tasks, self.preview, self)
        self.panel = RedactionPanel(self.controller)
        self.overlay = RegionOverlay(window.view)
        dock = QDockWidget(self.tr("Privacy mosaic"), window)
        dock.setObjectName("redactionDock")
        dock.setWidget(self.panel)
        window.addDockWidget(Qt.DockWidgetArea.RightDockWidgetArea, dock)
        window.view.image_filter = self.preview.filter
        self._last_frame = None
        self._wire()

    def _wire(self) -> None:
        w, c = self.window, self.controller
        w.player.frameShown.connect(self._frame)
        w.frames.opened.connect(lambda _t: c.open_media(self._recording_media()))
        for signal in (w.tags.selectionChanged, w.controller.tagCreated, w.timeline.markClicked):
            signal.connect(lambda *_: c.select_tag(w.controller.selected))
        self.preview.changed.connect(self._repaint)
        c.changed.connect(self._show_regions)
        self.panel.draw.toggled.connect(self.overlay.set_editing)
        self.panel.seekRequested.connect(self._seek)
        self.overlay.drawn.connect(c.add_region)
        self.overlay.moved.connect(c.correct)
        self.overlay.selected.connect(c.select_track)

    def _recording_media(self) -> tuple:
        recording = self.window.controller.recording
        return recording.media if recording is not None else ()

    def _frame(self, frame) -> None:
        """Runs after the window showed ``frame``: note its time, redraw filtered."""
        recording = self.window.controller.recording
        if recording is None:
            return
        media, local = recording.locate(frame.pts_ms)
        self.preview.set_frame(media.id, local)
        self._last_frame = frame
        if self.preview.enabled:
            self.window.view.set_image(frame.image)
        self._show_regions()

    def _repaint(self) -> None:
        if self._last_frame is not None:
            self.window.view.set_image(self._last_frame.image)
        self._show_regions()

    def _show_regions(self) -> None:
        reg, t = self.preview.regions(), self.preview.t_ms
        shown = []
        for track in reg.tracks:
            box = track.box_at(t) if track.first_ms - 200 <= t <= track.last_ms + 200 else None
            if box is not None:
                shown.append(Shown(track.id, track.kind, track.keep, box))
        self.overlay.show_regions(shown, self.controller.track_id)

    def _seek(self, local_ms: int) -> None:
        tag = self.controller.tag()
        recording = self.window.controller.recording
        if tag is None or recording is None:
            return
        at = recording.global_ms(tag.media_id, local_ms)
        if at is not None:
            self.window.player.seek_ms(at)


def install(window) -> RedactionUi:
    return RedactionUi(window)
