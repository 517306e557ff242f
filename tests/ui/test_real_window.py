"""A real window on a real X server (Xvfb): focus, key events and painting as a user gets them."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
ARTIFACTS = ROOT / "artifacts"


def _free_display() -> str:
    for n in range(90, 140):
        if not Path(f"/tmp/.X11-unix/X{n}").exists() and not Path(f"/tmp/.X{n}-lock").exists():
            return f":{n}"
    raise RuntimeError("no free X display number")


@pytest.fixture
def xvfb():
    binary = shutil.which("Xvfb")
    assert binary, "Xvfb is needed for real-window tests (.ci/run installs the package xvfb)"
    display = _free_display()
    server = subprocess.Popen([binary, display, "-screen", "0", "1600x900x24", "-nolisten", "tcp"])
    yield display
    server.terminate()
    server.wait(timeout=10)


@pytest.fixture
def first_day_files(footage, tmp_path):
    """Footage a reviewer brings: two good files, two broken ones, two that break later."""
    from reviewer.media import synth
    from tests.ui.test_window_trust import corrupt

    folder = tmp_path / "素材"
    folder.mkdir()
    street = folder / "建塘镇_街面.mp4"
    synth.write(synth.Spec(width=640, height=360, fps=30, frames=540, label="street"), street)
    damaged = folder / "damaged.mp4"
    shutil.copy(footage.small.path, damaged)
    corrupt(damaged, 0.45, 0.55)  # a bad stretch mid-file: the probe still accepts it
    card = folder / "card_error.mp4"
    shutil.copy(footage.chunk_a.path, card)  # overwritten by the scenario once added
    return {
        "street": street,
        "vfr": footage.vfr.path,
        "battery_died": footage.moov_at_end_cut.path,
        "notes": footage.text.path,
        "damaged": damaged,
        "card_error": card,
    }


@pytest.mark.xvfb
@pytest.mark.skipif(sys.platform != "linux", reason="Xvfb is the Linux real-window check")
def test_a_first_day_in_a_real_window(xvfb, first_day_files, tmp_path):
    shots = ARTIFACTS / "first_day"
    shutil.rmtree(shots, ignore_errors=True)
    env = {
        **os.environ,
        "DISPLAY": xvfb,
        "QT_QPA_PLATFORM": "xcb",
        "XDG_CONFIG_HOME": str(tmp_path / "config"),
        "XDG_DATA_HOME": str(tmp_path / "data"),
    }
    args = [f"{name}={path}" for name, path in first_day_files.items()]
    result = subprocess.run(
        [sys.executable, "-m", "tests.ui.first_day_scenario", str(tmp_path), str(shots), *args],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        encoding="utf-8",
        timeout=240,
    )
    assert result.returncode == 0, result.stderr[-3000:]
    r = json.loads(result.stdout.strip().splitlines()[-1])
    assert "error" not in r, (r["error"], result.stderr[-3000:])
    assert r["platform"] == "xcb"
    # Start page → new project through Qt's own file dialog, in Chinese.
    assert r["file_dialog"] == "QFileDialog" and r["file_dialog_title"] == "新建项目"
    assert r["project_created"] and "还没有视频" in r["empty_hint"]
    # Two broken files among six: both listed, each with its own reason.
    assert r["added"] == 4 and r["refused"] == ["battery_died.mp4", "notes.mp4"]
    assert "不完整" in r["refused_reasons"][0] and "不是视频" in r["refused_reasons"][1]
    # Twenty → then one ← sent faster than frames decode, then 2: the tag is frame 19.
    assert r["stepped_frame"] == 19
    assert r["tag_frame_ms"][0] == r["tag_frame_ms"][1]
    # 2× and 4×: the speed box and the OSD name the speed; the readout is the picture's frame.
    assert r["speed_2x"] == ["2×", "▶ 2×"] and r["speed_4x"] == ["4×", "▶ 4×"]
    assert len(r["readout"]) > 20
    assert max(abs(a - b) for a, b in r["readout"]) <= 1
    index, painted, label = r["paused"]
    assert index == painted and f"第 {index} 帧" in label
    # The editor, then undo shows the restored state.
    assert r["editor"] == ["建塘镇 东门 小吃街", "xianggelila", "城管局二中队"]
    unit_id, shown_unit, outlined, osd = r["after_undo"]
    assert unit_id is None and shown_unit is None and outlined is True and osd.startswith("已撤销")
    # English keeps the file, the frame and the selection.
    before, after = r["language_kept"]
    assert before == after
    assert r["english_menus"][0] == "&File" and "&Help" in r["english_menus"]
    assert r["sheet_matches_keymap"] and r["sheet_title"] == "Keyboard shortcuts"
    assert r["fullscreen"] == [True, True, False] and r["fullscreen_osd"].startswith("→")
    assert r["fullscreen_left"] == [False, True, True]
    # Issue #10: a key never tags a frame that is not on screen.
    message, added, status = r["failed_open"]
    assert added == 0 and "card_error.mp4" in message and "Not tagged" in status
    walk = r["damaged_walk"]
    for showing, _damaged, made, start_ms, position_ms in walk:
        if showing == "frame":
            assert made == 1 and start_ms == position_ms
        else:
            assert showing == "broken" and made == 0
    assert {w[0] for w in walk} == {"frame", "broken"} or any(w[1] for w in walk)
    assert r["back_to_start"] and r["app_running"]
    assert len(r["shots"]) >= 14
    for name in r["shots"]:
        assert (shots / name).stat().st_size > 10_000
