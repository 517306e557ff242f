from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import cv2
import numpy as np
import pytest

from reviewer.cli import run
from reviewer.media import synth

ROOT = Path(__file__).resolve().parents[2]


def main_py(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, str(ROOT / "main.py"), *args],
        capture_output=True,
        text=True,
        encoding="utf-8",
        timeout=120,
    )


def test_probe_json_has_every_field(footage, capsys):
    assert run(["probe", str(footage.vfr.path), "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["frame_count"] == footage.vfr.frames
    assert data["is_vfr"] is True
    assert data["name"] == "vfr.mp4"
    assert str(footage.vfr.path.parent) not in json.dumps(data)  # no absolute paths


def test_probe_text_in_chinese(footage, capsys):
    assert run(["probe", str(footage.rot90.path)]) == 0
    out = capsys.readouterr().out
    assert "旋转: 90°" in out and "240×320" in out


@pytest.mark.parametrize("name", ["rot90", "vfr", "chinese"])
def test_frame_writes_exactly_the_frame_shown(footage, tmp_path, name):
    case = footage.get(name)
    i = case.frames * 2 // 3
    t = (case.times_ms[i] + 1) / 1000  # 1 ms into frame i
    out = tmp_path / "导出 画面.png"
    result = main_py("frame", str(case.path), "--at", f"{t}", "-o", str(out))
    assert result.returncode == 0, result.stderr
    image = cv2.imdecode(np.frombuffer(out.read_bytes(), np.uint8), cv2.IMREAD_COLOR)
    assert synth.read_barcode(image) == i
    if name == "rot90":
        assert image.shape[:2] == (320, 240)


@pytest.mark.parametrize(
    "name,needle",
    [
        ("empty", "空的"),
        ("text", "不是视频"),
        ("audio", "只有音频"),
        ("moov_at_end_cut", "需要修复"),
        ("unsupported", "不支持"),
    ],
)
def test_errors_are_one_line_without_traceback(footage, tmp_path, name, needle):
    case = footage.get(name)
    for cmd in (
        ["probe", str(case.path)],
        ["frame", str(case.path), "--at", "0", "-o", str(tmp_path / "x.png")],
    ):
        result = main_py(*cmd)
        assert result.returncode == 2
        lines = result.stderr.strip().splitlines()
        assert len(lines) == 1, result.stderr
        assert needle in lines[0] and case.path.name in lines[0]
        assert "Traceback" not in result.stderr


def test_errors_in_english(tmp_path):
    result = main_py("--lang", "en", "probe", str(tmp_path / "gone.mp4"))
    assert result.returncode == 2
    assert result.stderr.strip() == "File not found: gone.mp4"


def test_frame_past_the_end(footage, tmp_path):
    result = main_py("frame", str(footage.small.path), "--at", "99", "-o", str(tmp_path / "x.png"))
    assert result.returncode == 2
    assert "超出视频长度" in result.stderr
    assert not (tmp_path / "x.png").exists()


def test_add_media_keeps_going_past_broken_files(footage, tmp_path):
    project = tmp_path / "第5期.shenpian"
    assert main_py("new", str(project)).returncode == 0
    files = [footage.small.path, footage.moov_at_end_cut.path, footage.text.path, footage.vfr.path]
    result = main_py("add-media", str(project), *map(str, files))
    assert result.returncode == 2
    errors = result.stderr.strip().splitlines()
    assert len(errors) == 2
    assert "需要修复" in errors[0] and "battery_died.mp4" in errors[0]
    assert "不是视频" in errors[1]
    from reviewer.store.project import Project

    with Project.open(project, read_only=True) as p:
        assert [m.name for m in p.media()] == ["small.mp4", "vfr.mp4"]
