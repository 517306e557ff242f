"""Decoded pictures and frames with their exact timestamps; BGR is made only when shown.

A ``Picture`` owns its pixels as one numpy array in I420 (yuv420p) layout:
half the size of BGR, copied out of the decoder so its buffer pools stay
small (holding decoder frames made them grow with the cache), and
converted by OpenCV, which releases the GIL (PyAV's swscale path does not,
and a 1080p conversion holding the GIL stalls the GUI).
"""

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
_I420 = {"yuv420p", "yuvj420p"}
_GREY = 128  # a damaged frame's placeholder: mid-grey, no colour


def normalise_rotation(degrees: float) -> int:
    """Display rotation snapped to 0/90/180/270."""
    return int(round(degrees / 90.0)) % 4 * 90


def rotate(image: np.ndarray, rotation: int) -> np.ndarray:
    """Turn stored pixels the way a player shows them."""
    code = _ROTATE.get(rotation)
    return image if code is None else cv2.rotate(image, code)


@dataclass(frozen=True, eq=False)
class Picture:
    """One frame's pixels (I420, or BGR for odd sizes) and its display rotation."""

    pixels: np.ndarray
    width: int
    height: int
    rotation: int
    i420: bool

    @classmethod
    def from_video(cls, video: av.video.frame.VideoFrame) -> Picture:
        rotation = normalise_rotation(video.rotation)
        w, h = video.width, video.height
        if w % 2 or h % 2:  # I420 needs even sizes; rare enough to pay for BGR
            return cls(video.to_ndarray(format="bgr24"), w, h, rotation, False)
        if video.format.name not in _I420:  # 10-bit HEVC, 4:2:2 cameras: one swscale pass
            # Bicubic is what ffmpeg's own scale filter uses: the same pixels as its CLI.
            video = video.reformat(format="yuv420p", interpolation="BICUBIC")
        pixels = _i420(video) if h % 4 == 0 else video.to_ndarray()
        return cls(pixels, w, h, rotation, True)

    @classmethod
    def placeholder(cls, width: int, height: int, rotation: int) -> Picture:
        """What a frame that cannot be decoded shows: mid-grey, the file's size and turn."""
        if width % 2 or height % 2:
            return cls(np.full((height, width, 3), _GREY, np.uint8), width, height, rotation, False)
        return cls(np.full((height * 3 // 2, width), _GREY, np.uint8), width, height, rotation, True)

    @property
    def nbytes(self) -> int:
        return int(self.pixels.nbytes)

    def to_bgr(self, max_width: int | None = None) -> np.ndarray:
        """Display pixels: converted, rotated, scaled down to ``max_width`` if wider.

        Big I420 pictures are scaled plane by plane before the conversion: a 4K
        frame shown 1920 wide then converts a quarter of the pixels.
        """
        shown_w = self.height if self.rotation in (90, 270) else self.width
        pixels = self.pixels
        if self.i420 and self.height % 4 == 0 and max_width and shown_w >= 2 * max_width:
            pixels = _shrink_i420(pixels, self.width, self.height, max_width / shown_w)
        image = cv2.cvtColor(pixels, cv2.COLOR_YUV2BGR_I420) if self.i420 else pixels
        image = rotate(image, self.rotation)
        if max_width and image.shape[1] > max_width:
            height = max(2, round(image.shape[0] * max_width / image.shape[1]))
            image = cv2.resize(image, (max_width, height), interpolation=cv2.INTER_AREA)
        return image


def _i420(video: av.video.frame.VideoFrame) -> np.ndarray:
    """Y, then U, then V, unpadded, in one array: a single copy per plane.

    Half the cost of ``to_ndarray()``, which copies twice; it runs for every frame decoded.
    """
    w, h = video.width, video.height
    out = np.empty((h * 3 // 2, w), np.uint8)
    y, u, v = video.planes
    out[:h] = np.frombuffer(y, np.uint8).reshape(h, y.line_size)[:, :w]
    quarter = h // 4
    for plane, row in ((u, h), (v, h + quarter)):
        chroma = np.frombuffer(plane, np.uint8).reshape(h // 2, plane.line_size)[:, : w // 2]
        out[row : row + quarter] = chroma.reshape(quarter, w)
    return out


def _shrink_i420(pixels: np.ndarray, width: int, height: int, scale: float) -> np.ndarray:
    """An I420 picture scaled by ``scale``, each plane by area averaging (height % 4 == 0)."""
    w, h = max(2, round(width * scale) // 2 * 2), max(4, round(height * scale) // 4 * 4)
    quarter = height // 4
    y = pixels[:height]
    u = pixels[height : height + quarter].reshape(height // 2, width // 2)
    v = pixels[height + quarter :].reshape(height // 2, width // 2)
    out = np.empty((h * 3 // 2, w), np.uint8)
    out[:h] = cv2.resize(y, (w, h), interpolation=cv2.INTER_AREA)
    for plane, row in ((u, h), (v, h + h // 4)):
        small = cv2.resize(plane, (w // 2, h // 2), interpolation=cv2.INTER_AREA)
        out[row : row + h // 4] = small.reshape(h // 4, w)
    return out


def to_bgr(video: av.video.frame.VideoFrame, max_width: int | None = None) -> np.ndarray:
    """Display pixels straight from a decoder frame (thumbnails, one-off stills)."""
    return Picture.from_video(video).to_bgr(max_width)


@dataclass(frozen=True, eq=False)
class Frame:
    """Frame ``index`` (display order) starting ``pts_ms`` after the first frame.

    ``pts`` is the frame's stable identity in stream units (what tags keep as
    proof): the packet pts on healthy files, the frame's display timestamp
    where the file's own pts are missing or wrong (docs/adr/0007). A frame
    that cannot be decoded is ``damaged``: its picture is a grey placeholder
    of the file's size and rotation, at its own position and time.
    """

    index: int
    pts: int
    pts_ms: int
    duration_ms: int
    picture: Picture
    chunk: int = 0  # which file of a multi-file recording it came from
    damaged: bool = False

    @property
    def rotation(self) -> int:
        return self.picture.rotation

    def to_bgr(self, max_width: int | None = None) -> np.ndarray:
        return self.picture.to_bgr(max_width)
