"""Turns reviewer actions (a category key, I/O marks, S) into tags pinned to the engine's frame."""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QObject, Signal

from reviewer.review.coverage import Coverage
from reviewer.store.errors import UnknownTagError
from reviewer.store.model import Media, Still, Tag
from ui.media.frame_service import ShownFrame, Timing
from ui.media.player import Player
from ui.project.session import ProjectSession


@dataclass(frozen=True)
class OpenRecording:
    """The footage in the player: one file, or the chunks of one recording in order."""

    media: tuple[Media, ...]
    offsets_ms: tuple[int, ...]

    def locate(self, t_ms: int) -> tuple[Media, int]:
        """Which chunk ``t_ms`` (on the joined timeline) falls in, and the time within it."""
        k = max(i for i, start in enumerate(self.offsets_ms) if start <= t_ms)
        return self.media[k], t_ms - self.offsets_ms[k]

    def global_ms(self, media_id: str, local_ms: int) -> int | None:
        for m, start in zip(self.media, self.offsets_ms, strict=True):
            if m.id == media_id:
                return start + local_ms
        return None


class ReviewController(QObject):
    tagCreated = Signal(str)
    marksChanged = Signal(object, object)  # in ms, out ms (None when unset)
    coverageChanged = Signal(object)
    notice = Signal(str)

    def __init__(self, session: ProjectSession, player: Player, parent: QObject | None = None):
        super().__init__(parent)
        self.session = session
        self.player = player
        self.recording: OpenRecording | None = None
        self.timing: Timing | None = None
        self.lag_ms = 0
        self.mark_in: int | None = None
        self.mark_out: int | None = None
        self.selected: str | None = None
        self.coverage = Coverage()
        self._last: ShownFrame | None = None
        self._deferred: str | None = None
        player.frameShown.connect(self._on_frame)
        player.frames.opened.connect(self._on_opened)

    def open(self, recording: OpenRecording, paths: list) -> None:
        self.recording, self.coverage, self._last = recording, Coverage(), None
        self.set_marks(None, None)
        durations = [m.duration_ms for m in recording.media]
        self.player.open(paths, durations)

    def _on_opened(self, timing: Timing) -> None:
        self.timing = timing

    # -- tagging ----------------------------------------------------------

    def on_category_key(self, number: int) -> None:
        book = self.session.codebook()
        category = next((c for c in book.categories if c.hotkey == str(number)), None)
        if category is None:
            self.notice.emit(self.tr("No category has the key %1").replace("%1", str(number)))
            return
        self.tag_with(category.id)

    def tag_with(self, category_id: str) -> str | None:
        frame = self.player.current
        if frame is None or self.recording is None or self.timing is None:
            return None
        if self.player.frames.target != frame.index and not self.player.playing:
            # A step is still decoding: the reviewer means the frame they stepped to.
            self._deferred = category_id
            return None
        if self.mark_in is not None:
            return self._range_tag(category_id)
        start = self._frame_start(frame.pts_ms + self.lag_ms)
        media, local = self.recording.locate(start)
        uuid = self.session.add_tag(
            media.id, local, category_id, frame_pts=self._pts_at(start, frame)
        )
        self._created(uuid)
        return uuid

    def _range_tag(self, category_id: str) -> str | None:
        assert self.recording is not None and self.mark_in is not None
        out = self.mark_out if self.mark_out is not None else self.player.position_ms()
        start, end = sorted((self.mark_in, out))
        media, local_start = self.recording.locate(start)
        end_media, local_end = self.recording.locate(end)
        if end_media.id != media.id:  # a range cannot span two files: stop at the chunk's end
            local_end = media.duration_ms
        uuid = self.session.add_tag(
            media.id, local_start, category_id, end_ms=max(local_end, local_start + 1)
        )
        self.set_marks(None, None)
        self._created(uuid)
        return uuid

    def _created(self, uuid: str | None) -> None:
        if uuid is not None:
            self.selected = uuid
            self.tagCreated.emit(uuid)

    def _frame_start(self, t_ms: int) -> int:
        """Snap a time to the start of the frame on screen then (the lag may move it)."""
        assert self.timing is not None
        return int(self.timing.times_ms[self.timing.index_at(max(0, t_ms))])

    def _pts_at(self, start_ms: int, frame: ShownFrame) -> int | None:
        return frame.pts if start_ms == frame.pts_ms else None

    # -- marks and stills -------------------------------------------------

    def set_marks(self, mark_in: int | None, mark_out: int | None) -> None:
        self.mark_in, self.mark_out = mark_in, mark_out
        self.marksChanged.emit(mark_in, mark_out)

    def on_mark_in(self) -> None:
        self.set_marks(self.player.position_ms(), self.mark_out)

    def on_mark_out(self) -> None:
        self.set_marks(self.mark_in, self.player.position_ms())

    def on_still(self) -> None:
        tag = self._selected_tag()
        if tag is None or self.player.current is None or self.recording is None:
            self.notice.emit(self.tr("Select a tag first, then press S to add a still"))
            return
        _media, local = self.recording.locate(self.player.position_ms())
        still = Still(local, self.player.current.index)
        if still not in tag.stills:
            self.session.edit_tag(tag.uuid, stills=(*tag.stills, still))

    def _selected_tag(self) -> Tag | None:
        if self.selected is None:
            return None
        try:
            return self.session.tag(self.selected)
        except UnknownTagError:  # gone with an undone merge (restored, not tombstoned)
            self.selected = None
            return None

    # -- coverage ---------------------------------------------------------

    def _on_frame(self, frame: ShownFrame) -> None:
        self._track(frame)
        if self._deferred is not None and frame.index == self.player.frames.target:
            category, self._deferred = self._deferred, None
            self.tag_with(category)

    def _track(self, frame: ShownFrame) -> None:
        last, self._last = self._last, frame
        if last is not None and abs(frame.index - last.index) <= 1:
            self.coverage = self.coverage.add(last.pts_ms, frame.pts_ms + frame.duration_ms)
        else:
            self.coverage = self.coverage.add(frame.pts_ms, frame.pts_ms + frame.duration_ms)
        self.coverageChanged.emit(self.coverage)

    def note_played(self, from_ms: int, to_ms: int) -> None:
        self.coverage = self.coverage.add(from_ms, to_ms)
        self.coverageChanged.emit(self.coverage)
