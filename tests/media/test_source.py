"""Frame exactness: every path to a frame must return the frame asked for, by barcode."""

from __future__ import annotations

import random

import pytest

from reviewer.media import synth
from reviewer.media.cache import FrameCache
from reviewer.media.decoder import Decoder
from reviewer.media.source import FrameSource

EXACT_CASES = ["cfr1080", "vfr", "rot90", "hevc", "mpeg4_avi", "chinese", "ts_offset", "odd_rows"]


def shown(frame, max_width=480) -> int | None:
    return synth.read_barcode(frame.to_bgr(max_width=max_width))


def check(case, frame, i):
    assert frame.index == i
    assert frame.pts_ms == case.times_ms[i], f"frame {i} time"
    assert shown(frame) == i + case.first_index, f"asked for frame {i}"


@pytest.mark.parametrize("name", EXACT_CASES)
def test_forward_then_backward_every_frame(footage, name):
    case = footage.get(name)
    with FrameSource(case.path) as src:
        assert len(src) == case.frames
        for i in range(case.frames):
            check(case, src.frame(i), i)
        for i in reversed(range(case.frames)):
            check(case, src.step(-1) if i < case.frames - 1 else src.frame(i), i)


@pytest.mark.parametrize("name", EXACT_CASES)
def test_random_seeks_and_times(footage, name):
    case = footage.get(name)
    rng = random.Random(7)
    with FrameSource(case.path) as src:
        for i in rng.sample(range(case.frames), min(25, case.frames)):
            check(case, src.frame(i), i)
            # Any time inside frame i's display interval shows frame i.
            end = case.times_ms[i + 1] if i + 1 < case.frames else case.times_ms[i] + 1
            t = rng.randrange(case.times_ms[i], end)
            check(case, src.frame_at_ms(t), i)


def test_step_back_from_seek_in_long_gop(footage):
    """The BORIS failure: jump into a 250-frame GOP, then step back, on 1080p with B-frames."""
    case = footage.cfr1080
    with FrameSource(case.path) as src:
        for start in (249, 250, 251, 299, 137):
            check(case, src.frame(start), start)
            for k in range(1, 6):
                check(case, src.step(-1), start - k)
            for k in range(4, -1, -1):
                check(case, src.step(+1), start - k)


def test_tag_time_round_trip_on_vfr(footage):
    """A tag stored as frame.pts_ms shows the same frame when reopened."""
    case = footage.vfr
    with FrameSource(case.path) as src:
        stored = [(i, src.frame(i).pts_ms) for i in range(0, case.frames, 5)]
    with FrameSource(case.path) as again:
        for i, t in stored:
            assert again.frame_at_ms(t).index == i
            assert shown(again.frame_at_ms(t)) == i


class CountingDecoder(Decoder):
    runs = 0

    def run(self, key, skip_before):
        type(self).runs += 1
        return super().run(key, skip_before)


def test_back_steps_do_not_reseek_per_frame(footage, monkeypatch):
    case = footage.cfr1080
    monkeypatch.setattr("reviewer.media.source.Decoder", CountingDecoder)
    CountingDecoder.runs = 0
    cap = 64 * 1920 * 1080 * 3 // 2  # ~64 frames of 1080p yuv420p
    with FrameSource(case.path, cache=FrameCache(cap), prefetch=False) as src:
        src.frame(299)
        for i in range(298, 99, -1):
            check(case, src.step(-1), i)
            assert src.cache.used_bytes <= cap
        window = src.window
    assert window >= 16
    steps = 199
    assert CountingDecoder.runs <= 2 + steps // window + 1


def test_prefetch_fills_the_window_behind(footage):
    case = footage.cfr1080
    cap = 80 * 1920 * 1080 * 3 // 2
    with FrameSource(case.path, cache=FrameCache(cap), prefetch=True) as src:
        src.frame(299)
        low = src.cache.contiguous_below(src.owner, 299)
        for _ in range(299 - low):
            src.step(-1)  # reach the bottom of the first window
        src._pending[2].result(timeout=60)  # the background decode finished...
        assert src.cache.contiguous_below(src.owner, src.position) < low - 1
        for i in range(src.position - 1, src.position - 10, -1):
            check(case, src.step(-1), i)  # ...and serves exact frames


def test_cache_never_exceeds_cap(footage):
    case = footage.cfr1080
    cap = 20 * 1920 * 1080 * 3 // 2
    with FrameSource(case.path, cache=FrameCache(cap)) as src:
        for i in list(range(0, 300, 7)) + list(range(299, 200, -1)):
            src.frame(i)
            assert src.cache.used_bytes <= cap


def test_faststart_cut_decodes_up_to_what_is_on_disk(footage):
    case = footage.faststart_cut
    with FrameSource(case.path) as src:
        last = len(src) - 1
        assert last < case.frames - 1
        check(case, src.frame(last), last)
        check(case, src.step(-1), last - 1)
        assert src.step(+5).index == last  # clamped to what exists, never a wrong frame


def test_rotation_is_applied(footage):
    case = footage.rot90
    with FrameSource(case.path) as src:
        image = src.frame(10).to_bgr()
    assert image.shape[:2] == (320, 240)
    assert synth.read_barcode(image) == 10


@pytest.mark.parametrize("name", ["cfr1080", "odd_rows", "hevc"])
def test_colours_match_ffmpegs_own_conversion(footage, name):
    """Our I420 copy + OpenCV conversion shows the same picture as FFmpeg's swscale."""
    import av
    import numpy as np

    case = footage.get(name)
    with av.open(str(case.path)) as container:
        reference = next(container.decode(video=0)).to_ndarray(format="bgr24").astype(int)
    with FrameSource(case.path) as src:
        ours = src.frame(0).to_bgr().astype(int)
    assert ours.shape == reference.shape
    assert np.abs(ours - reference).mean() < 3


def test_allocator_is_tuned_on_linux():
    import sys

    from reviewer.media.memory import tune_allocator

    assert tune_allocator() is sys.platform.startswith("linux")


def test_big_pictures_use_the_whole_cache_as_one_window(footage, monkeypatch):
    """4K frames: one decoder and one window of the whole cache (a second decoder costs a cache)."""
    monkeypatch.setattr("reviewer.media.source._BIG_PICTURE", 1)
    case = footage.small
    cap = 40 * 320 * 240 * 3 // 2
    with FrameSource(case.path, cache=FrameCache(cap)) as src:
        check(case, src.frame(119), 119)
        for i in range(118, 40, -1):
            check(case, src.step(-1), i)
        assert src.window == 38 and src._pool is None  # no prefetch decoder
