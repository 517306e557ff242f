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


# Formats whose planes OpenCV converts itself. cv2 releases the GIL while it works;
# PyAV's swscale path does not, and a 1080p conversion holding the GIL stalls the GUI.
_CV_YUV = {"yuv420p": cv2.COLOR_YUV2BGR_I420, "yuvj420p": cv2.COLOR_YUV2BGR_I420,
           "nv12": cv2.COLOR_YUV2BGR_NV12}


def to_bgr(video: av.video.frame.VideoFrame, rotation: int, max_width: int | None) -> np.ndarray:
    """BGR pixels for display: converted, scaled down to ``max_width`` (after rotation), rotated."""
    code = _CV_YUV.get(video.format.name)
    if code is not None and video.width % 2 == 0 and video.height % 2 == 0:
        image = cv2.cvtColor(_planes(video), code)
    else:
        image = video.to_ndarray(format="bgr24")
    image = rotate(image, rotation)
    if max_width and image.shape[1] > max_width:
        height = max(2, round(image.shape[0] * max_width / image.shape[1]))
        image = cv2.resize(image, (max_width, height), interpolation=cv2.INTER_AREA)
    return image


def _planes(video: av.video.frame.VideoFrame) -> np.ndarray:
    """The frame's Y, U, V planes stacked as OpenCV's I420/NV12 layout expects."""
    return video.to_ndarray()


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
        return to_bgr(self.video, self.rotation, max_width)

