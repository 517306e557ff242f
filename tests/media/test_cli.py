"""``shenpian probe`` tells the truth and ``frame`` writes exactly the ffmpeg decode's frame, on odd files."""

from __future__ import annotations

import av
import cv2
import numpy as np
import pytest

from reviewer.cli import run
from reviewer.media.frame import Picture, normalise_rotation
from tests.footage import CORPUS, ffmpeg_frame


def _expected(path, i: int) -> np.ndarray:
    """Frame ``i`` of the ffmpeg CLI decode, turned and converted the way the engine shows it."""
    with av.open(str(path)) as container:
        first = next(container.decode(video=0))
        width, height = first.width, first.height
        rotation = normalise_rotation(first.rotation)
    raw = np.frombuffer(ffmpeg_frame(path, i), np.uint8).reshape(height * 3 // 2, width)
    return Picture(raw, width, height, rotation, True).to_bgr()


def _png(path) -> np.ndarray:
    return cv2.imdecode(np.frombuffer(path.read_bytes(), np.uint8), cv2.IMREAD_COLOR)


def _middle_ms(case, i: int) -> float:
    end = case.times_ms[i + 1] if i + 1 < case.frames else case.times_ms[i] + 2
    return (case.times_ms[i] + end) / 2


@pytest.mark.parametrize("name", CORPUS)
def test_frame_command_writes_the_exact_frame(footage, tmp_path, capsys, name):
    case = footage.get(name)
    for i in sorted({1, case.frames // 2, case.frames - 1} - set(case.damaged)):
        out = tmp_path / f"第{i}帧.png"
        at = f"{_middle_ms(case, i) / 1000:.4f}"
        assert run(["frame", str(case.path), "--at", at, "-o", str(out)]) == 0
        assert f"第 {i} 帧" in capsys.readouterr().out
        assert np.array_equal(_png(out), _expected(case.path, i)), f"{name} frame {i}"


def test_frame_command_says_a_frame_is_damaged(footage, tmp_path, capsys):
    case = footage.corrupt_slice
    (i,) = case.damaged
    out = tmp_path / "x.png"
    at = f"{_middle_ms(case, i) / 1000:.4f}"
    assert run(["--lang", "en", "frame", str(case.path), "--at", at, "-o", str(out)]) == 0
    said = capsys.readouterr().out
    assert f"frame {i}" in said and "damaged" in said
    image = _png(out)
    assert image.shape[:2] == (240, 320) and image.std() == 0  # the grey placeholder


@pytest.mark.parametrize("name", ["zero_size_avi", "discard_tail", "packed_b_avi"])
def test_probe_does_not_call_complete_files_cut_short(footage, capsys, name):
    assert run(["--lang", "en", "probe", str(footage.get(name).path)]) == 0
    out = capsys.readouterr().out
    assert "cut short" not in out and f"Frames: {footage.get(name).frames}\n" in out


def test_probe_says_cut_short_and_how_to_save_it(footage, capsys):
    assert run(["--lang", "en", "probe", str(footage.faststart_cut.path)]) == 0
    out = capsys.readouterr().out
    assert "cut short" in out and "shenpian repair faststart_cut.mp4" in out


def test_probe_check_counts_damaged_frames(footage, capsys):
    assert run(["--lang", "en", "probe", "--check", str(footage.corrupt_slice.path)]) == 0
    out = capsys.readouterr().out
    assert "Damaged: 1 frame(s) cannot be decoded, in 1 stretch(es)" in out
    assert run(["probe", str(footage.pts_eq_dts_mkv.path)]) == 0
    out = capsys.readouterr().out
    assert "损坏: 无（已逐帧解码检查）" in out and "按解码输出建立" in out
