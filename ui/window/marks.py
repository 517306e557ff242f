"""Tags on the timeline: drawn as marks, dragged to a new frame, stepped through with [ and ]."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QObject
from PySide6.QtGui import QColor

from reviewer.store.model import Tag
from ui.media.player import Player
from ui.project.session import ProjectSession
from ui.review.controller import ReviewController
from ui.timeline.timeline import Mark, TimelineWidget


class TimelineMarks(QObject):
    def __init__(
        self,
        session: ProjectSession,
        controller: ReviewController,
        player: Player,
        timeline: TimelineWidget,
        select: Callable[[str], None],
    ) -> None:
        super().__init__(timeline)
        self.session, self.controller, self.player = session, controller, player
        self.timeline, self.select = timeline, select
        # Which of these tags are past their deadline (set by the campaign's part, #14).
        self.overdue: Callable[[list[Tag]], set[str]] = lambda _tags: set()
        timeline.markMoved.connect(self.moved)

    def refresh(self) -> None:
        recording = self.controller.recording
        if recording is None:
            return
        book = self.session.codebook()
        marks = []
        tags = self.session.project.tags()
        late = self.overdue(tags)
        for tag in tags:
            offset = recording.global_ms(tag.media_id, 0)
            if offset is not None:
                selected = tag.uuid == self.controller.selected
                marks.append(_mark(tag, offset, book, selected, tag.uuid in late))
        self.timeline.set_marks(marks)

    def moved(self, uuid: str, start: int, end: object) -> None:
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

    def jump(self, direction: int) -> None:
        """[ and ]: the previous or next tag of the open footage, as editors' marker keys do."""
        recording = self.controller.recording
        if recording is None:
            return
        here = self.player.position_ms()
        starts = sorted(
            (recording.global_ms(t.media_id, t.start_ms), t.uuid)
            for t in self.session.project.tags()
            if recording.global_ms(t.media_id, 0) is not None
        )
        ahead = [s for s in starts if (s[0] > here if direction > 0 else s[0] < here)]
        if ahead:
            at, uuid = ahead[0] if direction > 0 else ahead[-1]
            self.player.seek_ms(at or 0)
            self.select(uuid)


def _mark(tag: Tag, offset: int, book, selected: bool, overdue: bool = False) -> Mark:
    category = book.category(tag.category_id)
    color = QColor(category.colour if category else "#888888")
    end = None if tag.end_ms is None else offset + tag.end_ms
    return Mark(tag.uuid, offset + tag.start_ms, end, color, selected, overdue)
