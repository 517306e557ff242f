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


@pytest.mark.xvfb
@pytest.mark.skipif(sys.platform != "linux", reason="Xvfb is the Linux real-window check")
def test_demo_project_in_a_real_window(xvfb, demo_project, tmp_path):
    ARTIFACTS.mkdir(exist_ok=True)
    shot = ARTIFACTS / "review_window_xvfb.png"
    shot.unlink(missing_ok=True)
    env = {
        **os.environ,
        "DISPLAY": xvfb,
        "QT_QPA_PLATFORM": "xcb",
        "XDG_CONFIG_HOME": str(tmp_path / "config"),
        "XDG_DATA_HOME": str(tmp_path / "data"),
    }
    result = subprocess.run(
        [sys.executable, "-m", "tests.ui.xvfb_scenario", str(demo_project), str(shot)],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        encoding="utf-8",
        timeout=120,
    )
    assert result.returncode == 0, result.stderr[-3000:]
    report = json.loads(result.stdout.strip().splitlines()[-1])
    assert report["platform"] == "xcb"
    assert report["frame"] == 19  # 20 × → then 1 × ←
    assert report["tags_added"] == 1
    assert "暗访审片" in report["title"]
    assert shot.stat().st_size > 20_000
