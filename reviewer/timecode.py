"""Typed positions: "h:mm:ss.mmm", "mm:ss", plain seconds, or "#frame"."""

from __future__ import annotations

import math
import re
from dataclasses import dataclass

_CLOCK = re.compile(r"^(?:(\d+):)?(\d{1,2}):(\d{1,2}(?:\.\d{1,3})?)$")


@dataclass(frozen=True)
class GotoTarget:
    """Either a time in ms or a frame index, as the user typed it."""

    ms: int | None = None
    frame: int | None = None


def format_ms(ms: int) -> str:
    """1:02:03.045 style, hours only when needed."""
    ms = max(0, int(ms))
    h, rest = divmod(ms, 3_600_000)
    m, rest = divmod(rest, 60_000)
    s, milli = divmod(rest, 1000)
    return f"{h}:{m:02d}:{s:02d}.{milli:03d}" if h else f"{m:02d}:{s:02d}.{milli:03d}"


def parse_position(text: str) -> GotoTarget | None:
    """None if ``text`` is neither a time nor a frame number."""
    text = text.strip().replace("：", ":").replace("。", ".")
    if text.startswith("#") or text.lower().startswith("f"):
        digits = text.lstrip("#fF").strip()
        return GotoTarget(frame=int(digits)) if digits.isdigit() else None
    match = _CLOCK.match(text)
    if match:
        hours, minutes, seconds = match.groups()
        total = int(hours or 0) * 3600 + int(minutes) * 60 + float(seconds)
        return GotoTarget(ms=round(total * 1000))
    try:
        value = float(text) * 1000
    except ValueError:
        return None
    # "nan", "inf" and 1e308 parse as floats but are no place on any footage.
    return GotoTarget(ms=round(value)) if math.isfinite(value) and value >= 0 else None
