from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from ui.app import MainWindow, parse_gui_args

ROOT = Path(__file__).resolve().parents[2]


def test_main_window_opens_in_chinese(qtbot):
    window = MainWindow()
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    assert window.windowTitle() == "暗访审片"


def test_gui_args():
    args = parse_gui_args(["--demo", "--lang", "en"])
    assert args.demo and args.lang == "en"


def _free_display() -> str:
    for n in range(90, 140):
        if not Path(f"/tmp/.X11-unix/X{n}").exists() and not Path(f"/tmp/.X{n}-lock").exists():
            return f":{n}"
    raise RuntimeError("no free X display number")


@pytest.mark.xvfb
@pytest.mark.skipif(sys.platform != "linux", reason="Xvfb is the Linux real-window check")
def test_real_window_under_xvfb(tmp_path):
    xvfb = shutil.which("Xvfb")
    assert xvfb, "Xvfb is installed by .ci/run; install the package xvfb"
    display = _free_display()
    server = subprocess.Popen([xvfb, display, "-screen", "0", "1366x768x24", "-nolisten", "tcp"])
    try:
        artifacts = ROOT / "artifacts"
        artifacts.mkdir(exist_ok=True)
        shot = artifacts / "main_window.png"
        shot.unlink(missing_ok=True)
        env = {**os.environ, "DISPLAY": display, "QT_QPA_PLATFORM": "xcb"}
        result = subprocess.run(
            [sys.executable, str(ROOT / "main.py"), "--screenshot", str(shot)],
            env=env,
            capture_output=True,
            text=True,
            timeout=60,
        )
        assert result.returncode == 0, result.stderr
        assert shot.stat().st_size > 1000
    finally:
        server.terminate()
        server.wait(timeout=10)
