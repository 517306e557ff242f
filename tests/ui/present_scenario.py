"""Presentation mode in a real window (run by test_present.py under Xvfb): full screen, the
title card, then the clip, next/previous keys, black, Esc; screenshots of the real display.

``python -m tests.ui.present_scenario PROJECT SHOTS`` prints one JSON line.
"""

from __future__ import annotations

import json
import subprocess
import sys
import time
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication


def wait(app, seconds: float, until=None) -> bool:  # noqa: ANN001
    end = time.monotonic() + seconds
    while time.monotonic() < end:
        app.processEvents()
        if until is not None and until():
            return True
        time.sleep(0.005)
    return until is None


def shot(shots: Path, name: str, taken: list[str]) -> None:
    subprocess.run(["import", "-window", "root", str(shots / name)], check=False)
    taken.append(name)


def main(project: Path, shots: Path, lang: str = "zh_CN") -> dict:
    from reviewer.export import snapshot
    from reviewer.export.common import ExportOptions
    from reviewer.export.selection import Selection
    from reviewer.present.plan import show
    from reviewer.store.project import Project
    from ui.app import install_translations, make_app
    from ui.present.presentation import Presentation

    app = make_app()
    install_translations(app, lang, [])
    options = ExportOptions(handle_before_ms=500, handle_after_ms=500, lower_third=True,
                            title_card_ms=1500, lang=lang, redact="on")
    with Project.open(project, read_only=True) as p:
        plan = show(snapshot.take(p, Selection(), lang), options)
    shots.mkdir(parents=True, exist_ok=True)
    taken: list[str] = []
    r: dict = {"slides": [("title" if s.is_title else "clip", s.title or s.lower_third)
                          for s in plan.slides]}
    pres = Presentation(plan, options, lang)
    pres.start()
    screen, player = pres.screen, pres.player
    wait(app, 0.5)
    r["fullscreen"] = screen.isFullScreen()
    r["geometry"] = [screen.width(), screen.height()]
    r["first"] = ["title" if player.current.is_title else "clip", player.at]
    shot(shots, "1_title_card.png", taken)
    # The title card runs out by itself; the clip's first frame follows.
    r["clip_started"] = wait(app, 5, lambda: not player.current.is_title and player.frame is not None)
    wait(app, 0.4)
    r["clip"] = [player.at, player.frame.index if player.frame else None]
    shot(shots, "2_clip.png", taken)
    QTest.keyClick(screen, Qt.Key.Key_PageDown)
    wait(app, 3, lambda: player.pressed_at is None)
    r["after_pagedown"] = player.at
    wait(app, 0.3)
    shot(shots, "3_after_pagedown.png", taken)
    QTest.keyClick(screen, Qt.Key.Key_Left)
    wait(app, 3, lambda: player.pressed_at is None)
    r["after_left"] = player.at
    QTest.keyClick(screen, Qt.Key.Key_Right)
    wait(app, 3, lambda: player.pressed_at is None)
    r["after_right"] = player.at
    QTest.keyClick(screen, Qt.Key.Key_B)
    wait(app, 0.3)
    r["black"] = [player.black, player.paused]
    shot(shots, "4_black.png", taken)
    QTest.keyClick(screen, Qt.Key.Key_B)
    wait(app, 0.2)
    r["first_frame_ms"] = player.first_frame_ms
    r["pending"] = player.pressed_at is not None
    painted = [f for s, f, _t in screen.painted if f >= 0]
    r["painted_frames"] = len(painted)
    QTest.keyClick(screen, Qt.Key.Key_Escape)
    wait(app, 0.3)
    r["closed"] = pres.closed and not screen.isVisible()
    r["shots"] = taken
    r["platform"] = QApplication.platformName()
    return r


if __name__ == "__main__":
    try:
        result = main(Path(sys.argv[1]), Path(sys.argv[2]))
    except Exception as exc:  # noqa: BLE001 - reported to the test as data
        import traceback

        result = {"error": repr(exc), "trace": traceback.format_exc()}
    print(json.dumps(result, ensure_ascii=False))
