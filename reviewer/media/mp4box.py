"""Just enough of the ISO-BMFF box layout to tell a cut-off recording from a non-video.

A phone or body camera writes the index (moov) last; if the battery dies the
file has ftyp + mdat and no moov. FFmpeg only says "moov atom not found",
which would read to a reviewer as "not a video".
"""

from __future__ import annotations

import struct
from dataclasses import dataclass
from pathlib import Path

_KNOWN = {b"ftyp", b"mdat", b"moov", b"free", b"skip", b"wide", b"uuid", b"pnot", b"meta"}


@dataclass(frozen=True)
class Box:
    """A top-level box: its type, where it starts, its header's length and its whole size."""

    kind: bytes
    offset: int
    header: int
    size: int  # to the end of the file for a box whose size was never written

    @property
    def payload(self) -> int:
        return self.offset + self.header


def boxes(path: Path, limit: int = 64) -> list[Box]:
    """The top-level boxes, in order, stopping at the first implausible header."""
    size_total = path.stat().st_size
    found: list[Box] = []
    with path.open("rb") as fh:
        offset = 0
        while offset + 8 <= size_total and len(found) < limit:
            fh.seek(offset)
            size, kind = struct.unpack(">I4s", fh.read(8))
            if kind not in _KNOWN and not kind.isalnum():
                break
            header = 8
            if size == 1:
                size, header = struct.unpack(">Q", fh.read(8))[0], 16
            elif size == 0:  # "extends to end of file": how an unfinished mdat looks
                size = size_total - offset
            if size < header:
                break
            found.append(Box(kind, offset, header, min(size, size_total - offset)))
            offset += size
    return found


def top_level_boxes(path: Path, limit: int = 64) -> list[bytes]:
    """Types of the top-level boxes, in order."""
    return [box.kind for box in boxes(path, limit)]


def is_unfinished_recording(path: Path) -> bool:
    """True for an MP4/MOV that has media data but never got its index."""
    try:
        boxes = top_level_boxes(path)
    except OSError:
        return False
    return bool(boxes) and boxes[0] == b"ftyp" and b"mdat" in boxes and b"moov" not in boxes
