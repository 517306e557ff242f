from __future__ import annotations

from reviewer.media import synth
from reviewer.media.recording import Recording


def test_chunks_play_as_one_timeline(footage):
    a, b = footage.chunk_a, footage.chunk_b
    with Recording([a.path, b.path]) as rec:
        assert len(rec) == a.frames + b.frames
        assert rec.duration_ms == 2500 + 2000
        boundary = a.frames
        frame = rec.frame(boundary - 2)
        for expected in range(boundary - 1, boundary + 3):
            frame = rec.step(+1)
            assert frame.index == expected
            assert synth.read_barcode(frame.to_bgr()) == expected
        assert frame.chunk == 1
        for expected in range(boundary + 1, boundary - 4, -1):
            frame = rec.step(-1)
            assert synth.read_barcode(frame.to_bgr()) == expected


def test_times_continue_across_chunks(footage):
    a, b = footage.chunk_a, footage.chunk_b
    with Recording([a.path, b.path]) as rec:
        first_of_b = rec.frame(a.frames)
        assert first_of_b.pts_ms == 2500
        assert rec.frame_at_ms(2499).index == a.frames - 1
        assert rec.frame_at_ms(2500).index == a.frames
        last = rec.frame_at_ms(10**9)
        assert last.index == len(rec) - 1
        assert rec.frame_at_ms(last.pts_ms).index == last.index


def test_damaged_frames_keep_their_place_on_the_shared_timeline(footage):
    a, damaged = footage.chunk_a, footage.corrupt_slice
    (bad,) = damaged.damaged
    with Recording([a.path, damaged.path]) as rec:
        frame = rec.frame(a.frames + bad)
        assert frame.damaged and frame.chunk == 1
        assert frame.pts_ms == 2500 + damaged.times_ms[bad]
        assert rec.damaged_ranges() == [(a.frames + bad, a.frames + bad)]
        after = rec.step(+1)
        assert not after.damaged and after.index == a.frames + bad + 1
