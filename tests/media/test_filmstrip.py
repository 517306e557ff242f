from __future__ import annotations

import threading

import pytest

from reviewer.media import filmstrip, synth
from reviewer.media.filmstrip import FilmstripJob
from reviewer.media.index import build_index


def test_thumbnails_show_the_keyframe_before_each_slot(footage, tmp_path):
    case = footage.small  # keyframe every 30 frames
    index = build_index(case.path)
    arrived = []
    thumbs = (
        FilmstripJob(case.path, 12, width=160, on_thumb=arrived.append, cache_root=tmp_path)
        .start()
        .result(timeout=60)
    )
    assert [t.slot for t in thumbs] == list(range(12))
    assert sorted(t.slot for t in arrived) == list(range(12))
    for thumb in thumbs:
        expected_key = index.keyframe_at_or_before(index.index_at_ms(thumb.target_ms))
        assert thumb.pts_ms == case.times_ms[expected_key]
        assert thumb.image.shape[1] == 160
        assert synth.read_barcode(thumb.image) == expected_key


def test_rotated_thumbnails_are_upright(footage, tmp_path):
    thumbs = FilmstripJob(footage.rot90.path, 3, width=120, cache_root=tmp_path).run()
    assert thumbs[0].image.shape[:2] == (160, 120)
    assert synth.read_barcode(thumbs[0].image) == 0


def test_second_build_comes_from_the_disk_cache(footage, tmp_path, monkeypatch):
    case = footage.vfr
    first = FilmstripJob(case.path, 8, cache_root=tmp_path).run()
    folders = list((tmp_path / "filmstrip").iterdir())
    assert len(folders) == 1 and (folders[0] / "complete").exists()
    assert not any(p.suffix == ".jpg" for p in case.path.parent.iterdir())

    def no_decoding(*args, **kwargs):
        raise AssertionError("decoded although cached")

    monkeypatch.setattr(filmstrip, "_KeyframeReader", no_decoding)
    again = FilmstripJob(case.path, 8, cache_root=tmp_path).run()
    assert [t.pts_ms for t in again] == [t.pts_ms for t in first]


def test_cancel_stops_early(footage, tmp_path):
    case = footage.cfr1080
    job = FilmstripJob(case.path, 40, workers=1, cache_root=tmp_path)
    seen = threading.Event()

    def on_thumb(thumb):
        job.cancel()
        seen.set()

    job._on_thumb = on_thumb
    thumbs = job.start().result(timeout=120)
    assert seen.is_set()
    assert len(thumbs) < 40
    assert not (next((tmp_path / "filmstrip").iterdir()) / "complete").exists()


def test_slot_targets_spread_over_the_file():
    assert filmstrip.slot_targets(10_000, 4) == [1250, 3750, 6250, 8750]


def test_bad_file_raises_in_result(footage, tmp_path):
    from reviewer.media.errors import NotAVideoError

    job = FilmstripJob(footage.text.path, 4, cache_root=tmp_path).start()
    with pytest.raises(NotAVideoError):
        job.result(timeout=30)
