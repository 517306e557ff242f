"""Where burnt-in text goes on a picture: one place for the reel, the clips and the live show.

Sizes are shares of the picture's height and positions shares of its width and height,
so the same words land in the same place at 720p in the reel and at 1080p on a projector.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class TextPlace:
    size: float  # font size as a share of the picture's height
    min_px: int
    x: float | None  # left edge as a share of the width; None: centred
    y: float | None  # top edge as a share of the height; None: centred
    box: float  # opacity of the black box behind the text (0: none)

    def px(self, height: int) -> int:
        return max(self.min_px, round(height * self.size))

    def x_expr(self) -> str:
        """The ffmpeg drawtext x expression."""
        return "(w-tw)/2" if self.x is None else f"w*{self.x}"

    def y_expr(self) -> str:
        return "(h-th)/2" if self.y is None else f"h*{self.y}"


LOWER_THIRD = TextPlace(0.05, 14, 0.04, 0.78, 0.55)
TITLE = TextPlace(0.09, 1, None, None, 0.0)
TITLE_BACKGROUND = "#1d2a3a"
