"""What the video area shows right now, as one value: the single source for view, readout and keys.

The window must never show a frame that does not belong to the file and
position in the readout, and a key may only tag a frame that is on
screen. Both follow from every part of the window reading this value
instead of keeping its own idea of "the current frame".
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import Enum

from ui.media.frame_service import Failure, ShownFrame


class Showing(Enum):
    NOTHING = "nothing"  # no file open
    OPENING = "opening"  # a file is being opened: no picture, no position yet
    FAILED = "failed"  # the file would not open
    FRAME = "frame"  # an exact engine frame (perhaps marked damaged)
    BROKEN = "broken"  # a step landed on a frame that would not decode
    PLAYING = "playing"  # forward play: the media player's picture at ``position_ms``


@dataclass(frozen=True, eq=False)
class Screen:
    showing: Showing = Showing.NOTHING
    name: str = ""  # the file (or first chunk) this belongs to
    frame: ShownFrame | None = None
    failure: Failure | None = None
    index: int | None = None  # frame number in the readout
    position_ms: int | None = None  # time in the readout, ms from the first frame

    @property
    def taggable(self) -> bool:
        """A frame of the open file is on screen, so a key may tag it."""
        return self.showing in (Showing.FRAME, Showing.PLAYING) and self.index is not None

    @property
    def damaged(self) -> bool:
        return self.frame is not None and self.frame.damaged


def frame_screen(name: str, frame: ShownFrame) -> Screen:
    return Screen(Showing.FRAME, name, frame, None, frame.index, frame.pts_ms)
