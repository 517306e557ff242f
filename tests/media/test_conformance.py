"""Conformance: every frame the engine returns is the ffmpeg CLI's frame, bit for bit.

For each file of the corpus (tests/footage.CORPUS: the defects real cameras
and old encoders make) and for the ordinary footage, all four ways of
reaching a frame (forward steps, backward steps, seeks by index, seeks by
time) must give, for every frame: the MD5 of the ffmpeg decode's frame
at the same position (I420, docs/adr/0007), the true time, and the
barcode painted into it. A frame the decoder cannot give whole must be
marked damaged, and only the frames the corpus says are damaged.
"""

from __future__ import annotations

import hashlib
import random

import pytest

from reviewer.media import synth
from reviewer.media.frame import Frame
from reviewer.media.index import build_index
from reviewer.media.source import FrameSource
from tests.footage import CORPUS

ORDINARY = ("small", "vfr", "rot90", "hevc", "mpeg4_avi", "ts_offset", "odd_rows", "faststart_cut")
FILES = CORPUS + ORDINARY


def _md5(frame: Frame) -> str:
    return hashlib.md5(frame.picture.pixels.tobytes()).hexdigest()


class Checker:
    """Compares engine frames of one case with the truth and the ffmpeg decode."""

    def __init__(self, footage, name: str) -> None:
        self.case = footage.get(name)
        self.reference = footage.reference(name)

    def __call__(self, frame: Frame, i: int) -> None:
        case = self.case
        assert frame.index == i
        if i < case.frames:
            assert frame.pts_ms == case.times_ms[i], f"time of frame {i}"
        if frame.damaged:
            assert i in case.damaged, f"frame {i} marked damaged"
            return
        assert i not in case.damaged, f"damaged frame {i} shown as whole"
        assert _md5(frame) == self.reference[i], f"frame {i} differs from the ffmpeg decode"
        if i not in case.unreadable:
            assert synth.read_barcode(frame.to_bgr()) == i + case.first_index, f"frame {i}"

    def time_inside(self, i: int) -> int:
        times = self.case.times_ms
        end = times[i + 1] if i + 1 < len(times) else times[i] + 2
        return (times[i] + end) // 2


def _open(checker: Checker) -> FrameSource:
    src = FrameSource(checker.case.path)
    assert len(src) == len(checker.reference), "frame count differs from the ffmpeg decode"
    if "cut" not in checker.case.path.name:
        assert len(src) == checker.case.frames
    return src


@pytest.mark.parametrize("name", FILES)
def test_forward_steps(footage, name):
    check = Checker(footage, name)
    with _open(check) as src:
        check(src.frame(0), 0)
        for i in range(1, len(src)):
            check(src.step(+1), i)
        assert src.damaged_ranges() == [(i, i) for i in check.case.damaged]


@pytest.mark.parametrize("name", FILES)
def test_backward_steps(footage, name):
    check = Checker(footage, name)
    with _open(check) as src:
        last = len(src) - 1
        check(src.frame(last), last)
        for i in range(last - 1, -1, -1):
            check(src.step(-1), i)


@pytest.mark.parametrize("name", FILES)
def test_seek_by_index_to_every_frame(footage, name):
    check = Checker(footage, name)
    with _open(check) as src:
        order = list(range(len(src)))
        random.Random(name).shuffle(order)
        for i in order:
            check(src.frame(i), i)


@pytest.mark.parametrize("name", FILES)
def test_seek_by_time_to_every_frame(footage, name):
    check = Checker(footage, name)
    with _open(check) as src:
        order = list(range(len(src)))
        random.Random(name + "t").shuffle(order)
        for i in order:
            check(src.frame_at_ms(check.time_inside(i)), i)


@pytest.mark.parametrize("name", ("small", "vfr", "hevc", "mpeg4_avi", "ts_offset", "mpeg2_ts"))
def test_packet_index_is_what_the_decoder_outputs(footage, name):
    """On healthy files the fast demux-only index is proven equal to a full decode's."""
    path = footage.get(name).path
    fast, slow = build_index(path, mode="packets"), build_index(path, mode="decoder")
    assert (fast.built_by, slow.built_by) == ("packets", "decoder")
    assert fast.pts.tolist() == slow.pts.tolist()
    assert fast.ms.tolist() == slow.ms.tolist()
    assert fast.keyframe.tolist() == slow.keyframe.tolist()


@pytest.mark.parametrize(
    "name,reason",
    [
        ("packed_b_avi", "pts guessed by the demuxer on a reordering stream"),
        ("pts_eq_dts_mp4", "pts in decode order on a reordering stream"),
        ("pts_eq_dts_mkv", "pts in decode order on a reordering stream"),
        ("raw_h264", "packets without pts"),
    ],
)
def test_files_whose_pts_lie_are_indexed_by_the_decoder(footage, name, reason):
    index = build_index(footage.get(name).path)
    assert (index.built_by, index.reason) == ("decoder", reason)
    assert (index.pts[1:] > index.pts[:-1]).all()  # a stable, ordered identity per frame


def test_decoder_built_index_is_kept_in_the_cache(footage):
    path = footage.get("pts_eq_dts_mkv").path
    first = build_index(path)
    again = build_index(path)
    assert again.built_by == "decoder" and again.pts.tolist() == first.pts.tolist()
    assert again.ident.tolist() == first.ident.tolist()
