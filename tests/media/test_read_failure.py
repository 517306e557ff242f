"""A drive pulled out mid-review must read as a failure, never as the end of the video."""

from __future__ import annotations

import os
import shutil

import pytest

from reviewer.media import synth
from reviewer.media.errors import MediaReadError
from reviewer.media.source import FrameSource


def _cut(path, share):
    with open(path, "r+b") as fh:
        fh.truncate(int(os.path.getsize(path) * share))


@pytest.fixture
def live_copy(footage, tmp_path):
    dst = tmp_path / "card" / "REC_0007.MP4"
    dst.parent.mkdir()
    shutil.copy(footage.small.path, dst)
    return dst


def test_seek_after_media_vanishes_is_a_read_error(live_copy):
    with FrameSource(live_copy) as src:
        assert synth.read_barcode(src.frame(3).to_bgr()) == 3
        _cut(live_copy, 0.2)
        with pytest.raises(MediaReadError) as err:
            src.frame(110)
    assert "REC_0007.MP4" in err.value.message("zh_CN")
    assert "拔出" in err.value.message("zh_CN")


def test_stepping_forward_into_lost_data_is_a_read_error(live_copy):
    with FrameSource(live_copy) as src:
        src.frame(0)
        _cut(live_copy, 0.3)
        with pytest.raises(MediaReadError):
            for _ in range(119):
                frame = src.step(+1)
                assert synth.read_barcode(frame.to_bgr()) == frame.index  # never a wrong frame


def test_file_deleted_before_open(live_copy):
    from reviewer.media.errors import MediaNotFoundError

    live_copy.unlink()
    with pytest.raises(MediaNotFoundError):
        FrameSource(live_copy)
