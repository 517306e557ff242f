"""Finding H.264/HEVC frames in the raw media data of an MP4 whose index was never written.

An MP4 stores each frame as NAL units with big-endian length prefixes, back
to back in the mdat box, interleaved with chunks of sound. Without the
index (moov) the frame boundaries are found the way ``untrunc`` finds them:
walk the length prefixes, start a new frame where the codec says a picture
starts, and where the walk hits bytes that are not video (sound), skip ahead
to the next place where several plausible NAL units follow each other.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

_MAX_NAL = 64 * 1024 * 1024
_MIN_SLICE = 8  # bytes: a slice shorter than this is not a picture


@dataclass(frozen=True)
class Sample:
    """One frame's bytes (length-prefixed NAL units, as MP4 stores them) and its key flag."""

    data: bytes
    key: bool


@dataclass(frozen=True)
class _Nal:
    start: int  # of its length prefix
    end: int
    kind: int
    vcl: bool
    first_slice: bool  # the first slice of a picture
    opens_au: bool  # a non-VCL unit that can only come before a picture's slices
    key: bool


class Syntax:
    """How one codec's NAL headers read (H.264 or HEVC) and the length-prefix size."""

    def __init__(self, codec: str, length_size: int) -> None:
        self.hevc = codec == "hevc"
        self.length_size = length_size
        self.header = 2 if self.hevc else 1

    def parse(self, data: bytes, at: int) -> _Nal | None:
        """The NAL unit whose length prefix starts at ``at``, if it is plausible."""
        n = self.length_size
        if at + n + self.header + 1 > len(data):
            return None
        length = int.from_bytes(data[at : at + n], "big")
        end = at + n + length
        if not self.header < length <= _MAX_NAL or end > len(data):
            return None
        return self._read_header(data, at, end)

    def _read_header(self, data: bytes, at: int, end: int) -> _Nal | None:
        b0, b1 = data[at + self.length_size], data[at + self.length_size + 1]
        if b0 & 0x80:  # forbidden_zero_bit
            return None
        if self.hevc:
            nal = self._hevc(at, end, b0, b1, data[at + self.length_size + 2])
        else:
            nal = self._h264(at, end, b0, b1)
        if nal is not None and nal.vcl and not self._slice_header_reads(data, nal):
            return None
        return nal

    def _slice_header_reads(self, data: bytes, nal: _Nal) -> bool:
        """The first fields of a slice header have legal values (sound rarely manages that)."""
        if nal.end - nal.start - self.length_size < _MIN_SLICE:
            return False
        bits = _Bits(data, nal.start + self.length_size + self.header, nal.end)
        if self.hevc:
            bits.read(1)  # first_slice_segment_in_pic_flag
            if 16 <= nal.kind <= 23:
                bits.read(1)  # no_output_of_prior_pics_flag
            return bits.ue() <= 63  # slice_pic_parameter_set_id
        bits.ue()  # first_mb_in_slice
        slice_type = bits.ue()
        if slice_type > 9 or nal.kind == 5 and slice_type % 5 not in (2, 4):
            return False  # an IDR picture is intra-coded
        return bits.ue() <= 255  # pic_parameter_set_id

    @staticmethod
    def _h264(at: int, end: int, b0: int, b1: int) -> _Nal | None:
        kind, ref = b0 & 0x1F, (b0 >> 5) & 3
        if kind not in (1, 5, 6, 7, 8, 9, 12):
            return None
        if kind in (5, 7, 8) and not ref or kind in (6, 9, 12) and ref:
            return None  # nal_ref_idc must (not) be zero for these
        vcl = kind in (1, 5)
        return _Nal(at, end, kind, vcl, vcl and bool(b1 & 0x80), kind in (6, 7, 8, 9), kind == 5)

    @staticmethod
    def _hevc(at: int, end: int, b0: int, b1: int, b2: int) -> _Nal | None:
        kind, layer, tid = (b0 >> 1) & 0x3F, ((b0 & 1) << 5) | (b1 >> 3), b1 & 7
        if layer or not tid or not (kind <= 9 or 16 <= kind <= 21 or 32 <= kind <= 40):
            return None
        vcl = kind <= 31
        opens = kind in (32, 33, 34, 35, 39)
        return _Nal(at, end, kind, vcl, vcl and bool(b2 & 0x80), opens, 16 <= kind <= 23)


def samples(data: bytes, syntax: Syntax) -> list[Sample]:
    """Whole frames found in ``data`` (an mdat's payload), in file (decode) order.

    A frame cut off by the end of the data is dropped: its slices are not all there.
    """
    found: list[Sample] = []
    unit: list[_Nal] = []
    for nal in _walk(data, syntax):
        if unit and _starts_picture(nal, unit):
            found.append(_sample(data, unit))
            unit = []
        unit.append(nal)
    if unit and unit[-1].end == len(data):
        found.append(_sample(data, unit))
    return [s for s in found if s is not None]


def _starts_picture(nal: _Nal, unit: list[_Nal]) -> bool:
    has_slice = any(n.vcl for n in unit)
    return has_slice and (nal.opens_au or nal.first_slice)


def _sample(data: bytes, unit: list[_Nal]) -> Sample | None:
    if not any(n.vcl for n in unit):
        return None
    return Sample(data[unit[0].start : unit[-1].end], any(n.key for n in unit))


def _walk(data: bytes, syntax: Syntax) -> Iterator[_Nal]:
    at = 0
    while at < len(data):
        nal = syntax.parse(data, at)
        if nal is None:
            at = _resync(data, syntax, at + 1)
            continue
        yield nal
        at = nal.end


def _resync(data: bytes, syntax: Syntax, at: int) -> int:
    """The next offset where video resumes: a plausible NAL unit that opens a picture.

    Plausible means a length that fits, a legal NAL header and, for a slice,
    a slice header whose first fields read; a chunk of sound passes all of
    that about once in 10^8 bytes.
    """
    while at < len(data):
        found = data.find(b"\x00", at, len(data))  # every length prefix starts with a zero
        if found < 0:
            return len(data)
        nal = syntax.parse(data, found)
        if nal is not None and (nal.opens_au or nal.first_slice):
            return found
        at = found + 1
    return at


class _Bits:
    """Reads bits and Exp-Golomb codes (ue(v)) from a NAL unit's payload."""

    def __init__(self, data: bytes, start: int, end: int) -> None:
        self.data, self.pos, self.end = data, start * 8, end * 8

    def read(self, n: int) -> int:
        value = 0
        for _ in range(n):
            if self.pos >= self.end:
                return value
            byte = self.data[self.pos >> 3]
            value = (value << 1) | ((byte >> (7 - (self.pos & 7))) & 1)
            self.pos += 1
        return value

    def ue(self) -> int:
        zeros = 0
        while self.read(1) == 0 and zeros < 32 and self.pos < self.end:
            zeros += 1
        return (1 << zeros) - 1 + self.read(zeros)
