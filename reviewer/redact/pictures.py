"""Redaction of single pictures (deck and ledger stills, ``frame --redact``) and the
"未打码 · 内部资料" mark that every unredacted picture carries.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import lru_cache

import cv2
import numpy as np
from PIL import Image, ImageDraw, ImageFont

from reviewer.export.fonts import FONT_FILE
from reviewer.redact import render
from reviewer.redact.detector import Detector, shared
from reviewer.redact.model import FACE_PAD, Box, Regions, Style

MARK_TEXT = "未打码 · 内部资料"


def faces(image: np.ndarray, detector: Detector | None = None) -> list[Box]:
    """Padded boxes of the faces the model finds in a BGR picture."""
    found = (detector or shared()).detect(image)
    return [f.box.padded(FACE_PAD) for f in found]


def redact(image: np.ndarray, regions: Regions, t_ms: int, style: Style = "mosaic",
           full: np.ndarray | None = None) -> np.ndarray:
    """Redact the frame at ``t_ms`` in place: its regions, and the faces the model finds
    there if no detection pass covered it (``full`` is the picture to look at, if larger)."""
    boxes = regions.boxes_at(t_ms)
    if not regions.covered(t_ms, t_ms + 1):
        boxes += faces(full if full is not None else image)
    return render.bgr(image, boxes, style)


@lru_cache(maxsize=16)
def _font(size: int) -> ImageFont.FreeTypeFont:
    return ImageFont.truetype(str(FONT_FILE), size)


def mark(image: np.ndarray, text: str = MARK_TEXT) -> np.ndarray:
    """Burn the unredacted mark into the middle of a BGR picture (returns a new array)."""
    height, width = image.shape[:2]
    size = max(12, round(height * 0.07))
    pil = Image.fromarray(cv2.cvtColor(image, cv2.COLOR_BGR2RGB)).convert("RGBA")
    layer = Image.new("RGBA", pil.size, (0, 0, 0, 0))
    draw = ImageDraw.Draw(layer)
    font = _font(size)
    x0, y0, x1, y1 = draw.textbbox((0, 0), text, font=font)
    x, y = (width - (x1 - x0)) // 2, (height - (y1 - y0)) // 2
    pad = max(4, size // 3)
    draw.rectangle([x - pad, y - pad, x + x1 - x0 + pad, y + y1 - y0 + pad], fill=(0, 0, 0, 140))
    draw.text((x - x0, y - y0), text, font=font, fill=(255, 255, 255, 230))
    out = Image.alpha_composite(pil, layer).convert("RGB")
    return cv2.cvtColor(np.asarray(out), cv2.COLOR_RGB2BGR)


StillFilter = Callable[[Regions, int, np.ndarray, np.ndarray | None], np.ndarray]


def still_filter(mode: str, style: Style = "mosaic") -> StillFilter | None:
    """What happens to an exported still: redacted ("on"), marked ("off"), nothing ("none")."""
    if mode == "on":
        return lambda regions, t_ms, image, full: redact(image, regions, t_ms, style, full)
    if mode == "off":
        return lambda regions, t_ms, image, full: mark(image)
    return None
