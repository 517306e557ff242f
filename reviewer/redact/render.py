"""Mosaic or blur the boxes of one picture, in place: BGR stills and I420 video frames.

Strength follows the box: a mosaic has about ``BLOCKS`` cells across the box's short
side whatever its size, so a face close to the camera is as unreadable as one far away
(a fixed cell size leaves a big face recognisable).
"""

from __future__ import annotations

from collections.abc import Sequence

import cv2
import numpy as np

from reviewer.redact.model import Box, Style

BLOCKS = 6
_MIN_CELL = 4


def cell_size(width: int, height: int) -> int:
    """Mosaic cell edge in pixels for a box of this size."""
    return max(_MIN_CELL, -(-min(width, height) // BLOCKS))


def plane(image: np.ndarray, x0: int, y0: int, x1: int, y1: int, style: Style,
          cell: int) -> None:
    """Redact one rectangle of a 2-D (one plane) or 3-D (BGR) array in place."""
    w, h = x1 - x0, y1 - y0
    if w < 2 or h < 2:
        return
    region = image[y0:y1, x0:x1]
    small = cv2.resize(region, (max(1, -(-w // cell)), max(1, -(-h // cell))),
                       interpolation=cv2.INTER_AREA)
    if style == "mosaic":
        region[...] = cv2.resize(small, (w, h), interpolation=cv2.INTER_NEAREST)
        return
    smooth = cv2.resize(small, (w, h), interpolation=cv2.INTER_LINEAR)
    k = max(3, (cell // 2) * 2 + 1)
    region[...] = cv2.GaussianBlur(smooth, (k, k), 0)


def bgr(image: np.ndarray, boxes: Sequence[Box], style: Style = "mosaic") -> np.ndarray:
    """Redact ``boxes`` in a BGR (or grey) picture, in place; returns it."""
    height, width = image.shape[:2]
    for box in boxes:
        x0, y0, x1, y1 = box.pixels(width, height)
        plane(image, x0, y0, x1, y1, style, cell_size(x1 - x0, y1 - y0))
    return image


def i420(pixels: np.ndarray, width: int, height: int, boxes: Sequence[Box],
         style: Style = "mosaic") -> np.ndarray:
    """Redact ``boxes`` in an I420 frame (Y, then U, then V, one contiguous array), in place."""
    flat = pixels.reshape(-1)
    luma = flat[: width * height].reshape(height, width)
    cw, ch = width // 2, height // 2
    chroma = [flat[width * height + k * cw * ch: width * height + (k + 1) * cw * ch]
              .reshape(ch, cw) for k in (0, 1)]
    for box in boxes:
        x0, y0, x1, y1 = _even(box.pixels(width, height), width, height)
        cell = cell_size(x1 - x0, y1 - y0)
        cell += cell % 2  # whole chroma cells, so colour blocks line up with the luma ones
        plane(luma, x0, y0, x1, y1, style, cell)
        for c in chroma:
            plane(c, x0 // 2, y0 // 2, x1 // 2, y1 // 2, style, cell // 2)
    return pixels


def _even(rect: tuple[int, int, int, int], width: int, height: int) -> tuple[int, int, int, int]:
    x0, y0, x1, y1 = rect
    return x0 - x0 % 2, y0 - y0 % 2, min(width, x1 + x1 % 2), min(height, y1 + y1 % 2)
