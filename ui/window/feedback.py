"""Words for the on-screen display: every key and edit says what it did, over the video."""

from __future__ import annotations

from PySide6.QtCore import QObject

from reviewer.store.commands import AddTag, DeleteTag, EditTag, RestoreTag
from reviewer.store.model import Tag
from reviewer.timecode import format_ms
from ui.media.player import Player
from ui.media.video_view import VideoView
from ui.project.session import ProjectSession
from ui.tags.table_model import field_labels

_JUMPS = {"jump_back_1s": -1, "jump_forward_1s": 1, "jump_back_10s": -10, "jump_forward_10s": 10}


def speed_text(rate: float) -> str:
    """−8× … 8×: the sign says the direction, the glyph says playing or paused."""
    if rate == 0:
        return "❚❚"
    glyph = "▶" if rate > 0 else "◀"
    return f"{glyph} {'−' if rate < 0 else ''}{abs(rate):g}×"


class Feedback(QObject):
    def __init__(self, view: VideoView, player: Player, session: ProjectSession) -> None:
        super().__init__(view)
        self.view, self.player, self.session = view, player, session
        player.rateChanged.connect(lambda rate: view.show_osd(speed_text(rate)))
        view.zoomChanged.connect(self._zoomed)
        session.undone.connect(self._undone)

    def action(self, action: str) -> None:
        """After a key: where it went (the target frame, before it is even decoded)."""
        timing = self.player.timing
        if timing is None:
            return
        target = self.player.frames.target
        where = self.tr("frame %1").replace("%1", str(target))
        if action in ("step_back", "step_forward"):
            arrow = "←" if action == "step_back" else "→"
            self.view.show_osd(f"{arrow} {where}")
        elif action in _JUMPS:
            seconds = _JUMPS[action]
            jump = self.tr("%1 s").replace("%1", f"{seconds:+d}")
            self.view.show_osd(f"{jump} → {format_ms(int(timing.times_ms[target]))} · {where}")

    def _zoomed(self, zoom: float) -> None:
        if zoom <= 1.0:
            self.view.show_osd(self.tr("Zoom: fit to window"))
        else:
            self.view.show_osd(self.tr("Zoom %1%").replace("%1", str(round(zoom * 100))))

    def timeline_zoomed(self, factor: float) -> None:
        text = self.tr("Timeline zoom %1× (Ctrl+wheel; wheel scrolls)")
        self.view.show_osd(text.replace("%1", f"{factor:.3g}"))

    def tagged(self, uuid: str) -> None:
        tag = self.session.tag(uuid)
        self.view.show_osd(self.tr("Tagged: %1").replace("%1", self._tag_words(tag)))

    def _undone(self, kind: str, command: object) -> None:
        what = self.describe(command)
        text = self.tr("Undone: %1") if kind == "undo" else self.tr("Redone: %1")
        self.view.show_osd(text.replace("%1", what))

    def describe(self, command: object) -> str:
        """An edit in a few words: which tag and what about it."""
        if command == "merge":
            return self.tr("the last merge")
        if isinstance(command, AddTag):
            return self.tr("new tag %1").replace("%1", self._tag_words(command.tag))
        uuid = getattr(command, "uuid", None)
        tag = self.session.tag(uuid) if uuid else None
        words = self._tag_words(tag) if tag is not None else ""
        if isinstance(command, EditTag):
            labels = field_labels()
            names = [labels.get(n, self._field(n)) for n, _ in command.after if n != "frame_pts"]
            sep = ", " if self.session.lang.startswith("en") else "、"
            return self.tr("%1 of tag %2").replace("%1", sep.join(names)).replace("%2", words)
        if isinstance(command, DeleteTag):
            return self.tr("deleting tag %1").replace("%1", words)
        if isinstance(command, RestoreTag):
            return self.tr("restoring tag %1").replace("%1", words)
        return self.tr("last edit")

    def _field(self, name: str) -> str:
        other = {
            "category_id": self.tr("category"),
            "status": self.tr("status"),
            "start_ms": self.tr("time"),
            "end_ms": self.tr("end time"),
            "stills": self.tr("stills"),
        }
        return other.get(name, name)

    def _tag_words(self, tag: Tag) -> str:
        name = self.session.project.label("category", tag.category_id, self.session.lang)
        return f"{name} · {format_ms(tag.start_ms)}"
