"""A decoded frame with its exact timestamp; pixels are converted only when shown."""

from __future__ import annotations

from dataclasses import dataclass

import av.video.frame
import cv2
import numpy as np

_ROTATE = {
    90: cv2.ROTATE_90_COUNTERCLOCKWISE,  # FFmpeg's display-matrix sign, checked against its CLI
    180: cv2.ROTATE_180,
    270: cv2.ROTATE_90_CLOCKWISE,
}


def normalise_rotation(degrees: float) -> int:
    """Display rotation snapped to 0/90/180/270."""
    return int(round(degrees / 90.0)) % 4 * 90


def rotate(image: np.ndarray, rotation: int) -> np.ndarray:
    """Turn stored pixels the way a player shows them."""
    code = _ROTATE.get(rotation)
    return image if code is None else cv2.rotate(image, code)


def frame_bytes(video: av.video.frame.VideoFrame) -> int:
    """Memory a decoded frame pins (its planes), for the cache's budget."""
    return sum(plane.buffer_size for plane in video.planes)


@dataclass(frozen=True, eq=False)
class Frame:
    """Frame ``index`` (display order) starting ``pts_ms`` after the first frame."""

    index: int
    pts: int
    pts_ms: int
    duration_ms: int
    rotation: int
    video: av.video.frame.VideoFrame
    chunk: int = 0  # which file of a multi-file recording it came from

    def to_bgr(self, max_width: int | None = None) -> np.ndarray:
        """Display pixels (rotation applied), optionally scaled down to ``max_width``."""
        width, height = self.video.width, self.video.height
        if max_width and self._display_width() > max_width:
            scale = max_width / self._display_width()
            width, height = max(2, round(width * scale)), max(2, round(height * scale))
            image = self.video.to_ndarray(format="bgr24", width=width, height=height)
        else:
            image = self.video.to_ndarray(format="bgr24")
        return rotate(image, self.rotation)

    def _display_width(self) -> int:
        return self.video.height if self.rotation in (90, 270) else self.video.width
