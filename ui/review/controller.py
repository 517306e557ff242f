"""Turns reviewer actions (a category key, I/O marks, S) into tags pinned to the engine's frame."""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QObject, Signal

from reviewer.review.coverage import Coverage
from reviewer.store.errors import UnknownTagError
from reviewer.store.model import Media, Still, Tag
from reviewer.timecode import format_ms
from ui.media.frame_service import Failure, ShownFrame, Timing
from ui.media.player import Player
from ui.media.screen import Screen, Showing
from ui.project.session import ProjectSession

WATCHING_RATE = 2.0  # played or stepped through at up to this speed counts as watched


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
    recordingOpened = Signal(object)  # OpenRecording: stored coverage and scans follow it
    watched = Signal(int, int)  # a newly watched stretch on the recording's timeline (ms)
    notice = Signal(str)
    warning = Signal(str)  # louder than a notice: a tag on a damaged frame
    stillOutside = Signal(str, object, str)  # tag uuid, Still, question to ask first

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
        self._played_to: int | None = None  # the last playing position counted as watched
        self._deferred: tuple[str, int] | None = None  # category, generation
        player.frameShown.connect(self._on_frame)
        player.positionChanged.connect(self._on_position)
        player.frames.opened.connect(self._on_opened)
        player.frames.failed.connect(self._on_failed)

    def open(self, recording: OpenRecording, paths: list, start_ms: int = 0) -> None:
        self.recording, self.coverage, self._last = recording, Coverage(), None
        self.timing, self._deferred = None, None
        self.set_marks(None, None)
        self.coverageChanged.emit(self.coverage)  # the old file's watched spans go with it
        self.recordingOpened.emit(recording)
        durations = [m.duration_ms for m in recording.media]
        self.player.open(paths, durations, recording.media[0].name, start_ms)

    def close(self) -> None:
        """The file is gone from the player: nothing of it may be tagged any more."""
        self.recording, self.timing, self._deferred = None, None, None
        self.set_marks(None, None)

    def _on_opened(self, timing: Timing) -> None:
        self.timing = timing

    def _on_failed(self, failure: Failure) -> None:
        if self._deferred is not None:
            self._deferred = None
            self.notice.emit(self._refusal(self.player.screen))

    # -- tagging ----------------------------------------------------------

    def tag_with(self, category_id: str) -> str | None:
        """Tag the frame on screen, and only that; refused (with a notice) when there is none."""
        screen = self.player.screen
        if self.recording is None or self.timing is None or not screen.taggable:
            self.notice.emit(self._refusal(screen))
            return None
        frame = self.player.current
        if frame is not None and self.player.frames.target != frame.index and not self.player.playing:
            # A step is still decoding: the reviewer means the frame they stepped to.
            self._deferred = (category_id, self.player.frames.generation)
            return None
        if self.mark_in is not None:
            return self._range_tag(category_id)
        start = self._frame_start(int(screen.position_ms or 0) + self.lag_ms)
        media, local = self.recording.locate(start)
        uuid = self.session.add_tag(
            media.id, local, category_id, frame_pts=self._pts_at(start, frame)
        )
        self._created(uuid, screen)
        return uuid

    def _refusal(self, screen: Screen) -> str:
        if screen.showing is Showing.OPENING:
            return self.tr("Not tagged: the file is still opening, no frame of it is on screen yet")
        if screen.showing is Showing.BROKEN:
            return self.tr("Not tagged: frame %1 could not be decoded, so it is not on screen").replace(
                "%1", str(screen.index)
            )
        if screen.showing is Showing.FAILED:
            return self.tr("Not tagged: this file could not be opened")
        return self.tr("Not tagged: open a footage file first")

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
        self._created(uuid, self.player.screen)
        return uuid

    def _created(self, uuid: str | None, screen: Screen | None = None) -> None:
        if uuid is None:
            return
        self.selected = uuid
        if screen is not None and screen.damaged:
            text = self.tr("Tagged a DAMAGED frame (%1): the file is broken here").replace(
                "%1", str(screen.index)
            )
            self.warning.emit(text)
        self.tagCreated.emit(uuid)

    def _frame_start(self, t_ms: int) -> int:
        """Snap a time to the start of the frame on screen then (the lag may move it)."""
        assert self.timing is not None
        return int(self.timing.times_ms[self.timing.index_at(max(0, t_ms))])

    def _pts_at(self, start_ms: int, frame: ShownFrame | None) -> int | None:
        return frame.pts if frame is not None and start_ms == frame.pts_ms else None

    # -- marks and stills -------------------------------------------------

    def set_marks(self, mark_in: int | None, mark_out: int | None) -> None:
        self.mark_in, self.mark_out = mark_in, mark_out
        self.marksChanged.emit(mark_in, mark_out)

    def on_mark_in(self) -> None:
        if self._check_on_screen():
            self.set_marks(self.player.position_ms(), self.mark_out)

    def on_mark_out(self) -> None:
        if self._check_on_screen():
            self.set_marks(self.mark_in, self.player.position_ms())

    def _check_on_screen(self) -> bool:
        screen = self.player.screen
        if self.recording is None or not screen.taggable:
            self.notice.emit(self._refusal(screen))
            return False
        return True

    def on_still(self) -> None:
        if not self._check_on_screen():
            return
        tag = self._selected_tag()
        if tag is None or self.recording is None:
            self.notice.emit(self.tr("Select a tag first, then press S to add a still"))
            return
        media, local = self.recording.locate(self.player.position_ms())
        frame = self.player.current
        still = Still(local, frame.pts if frame is not None and not self.player.playing else None)
        if still in tag.stills:
            return
        if media.id != tag.media_id or not self._within(tag, local):
            text = self.tr("This still (%1) is outside the selected tag (%2). Attach it anyway?")
            text = text.replace("%1", format_ms(local)).replace("%2", _span(tag))
            self.stillOutside.emit(tag.uuid, still, text)
            return
        self.attach_still(tag.uuid, still)

    def attach_still(self, uuid: str, still: Still) -> None:
        tag = self.session.tag(uuid)
        if still not in tag.stills and self.session.edit_tag(uuid, stills=(*tag.stills, still)):
            self.notice.emit(self.tr("Still %1 added to the tag").replace("%1", format_ms(still.pts_ms)))

    def _within(self, tag: Tag, local_ms: int) -> bool:
        """In a range tag's span, or on a point tag's own frame."""
        if tag.end_ms is not None:
            return tag.start_ms <= local_ms <= tag.end_ms
        offset = self.recording.global_ms(tag.media_id, 0) or 0 if self.recording else 0
        return self._frame_start(offset + local_ms) == self._frame_start(offset + tag.start_ms)

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
        if self._deferred is None or frame.index != self.player.frames.target:
            return
        (category, generation), self._deferred = self._deferred, None
        if generation == frame.generation:
            self.tag_with(category)

    def _track(self, frame: ShownFrame) -> None:
        last, self._last = self._last, frame
        if abs(self.player.rate) > WATCHING_RATE:
            return  # shuttling past at 4x or 8x is not watching
        if last is not None and abs(frame.index - last.index) <= 1:
            self.note_played(last.pts_ms, frame.pts_ms + frame.duration_ms)
        else:
            self.note_played(frame.pts_ms, frame.pts_ms + frame.duration_ms)

    def _on_position(self, ms: int) -> None:
        """Forward play (the media player's pictures): each stretch played at up to 2x."""
        if not self.player.playing or self.player.rate <= 0 or \
                self.player.screen.showing is not Showing.PLAYING:
            self._played_to = None
            return
        last, self._played_to = self._played_to, ms
        if self.player.rate <= WATCHING_RATE and last is not None and 0 <= ms - last <= 1000:
            self.note_played(last, ms)

    def note_played(self, from_ms: int, to_ms: int) -> None:
        self.coverage = self.coverage.add(from_ms, to_ms)
        self.coverageChanged.emit(self.coverage)
        self.watched.emit(min(from_ms, to_ms), max(from_ms, to_ms))

    def seed(self, coverage: Coverage) -> None:
        """Spans known from elsewhere (stored, marked reviewed): shown, not announced again."""
        for start, end in coverage.spans:
            self.coverage = self.coverage.add(start, end)
        self.coverageChanged.emit(self.coverage)


def _span(tag: Tag) -> str:
    start = format_ms(tag.start_ms)
    return start if tag.end_ms is None else f"{start} – {format_ms(tag.end_ms)}"
