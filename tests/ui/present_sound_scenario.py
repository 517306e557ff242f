"""Presentation sound on a real output device (run by test_present.py and review_bench.py):
a clip whose flash frame and tone burst mark the same instant, played full screen.

Measures the A/V offset as the time the tone's first sample is played (the device's own
clock, ``QAudioSink.processedUSecs``, polled every millisecond) minus the time the flash
frame was painted. Also records the device's state after B, B again, and Esc.

``python -m tests.ui.present_sound_scenario PROJECT FLASH_MS SHOTS`` prints one JSON line.
"""

from __future__ import annotations

import json
import sys
import time
from pathlib import Path

from PySide6.QtCore import Qt, QTimer
from PySide6.QtTest import QTest

from tests.ui.present_scenario import shot, wait


def _state(sink) -> str:  # noqa: ANN001 - QtSink or None
    return "none" if sink is None else sink.audio.state().name


def main(project: Path, flash_ms: int, shots: Path | None, lang: str = "zh_CN") -> dict:
    from reviewer.export import snapshot
    from reviewer.export.common import ExportOptions
    from reviewer.export.selection import Selection
    from reviewer.present.plan import show
    from reviewer.store.project import Project
    from ui.app import install_translations, make_app
    from ui.present.presentation import Presentation

    app = make_app()
    install_translations(app, lang, [])
    # The reel's 3 s title card: the device starts during it (PulseAudio takes 1–2 s the
    # first time), so the clip's sound is measured as a show plays it.
    options = ExportOptions(handle_before_ms=0, handle_after_ms=0, lower_third=True,
                            lang=lang, redact="off")
    with Project.open(project, read_only=True) as p:
        plan = show(snapshot.take(p, Selection(), lang), options)
    clip = next(s for s in plan.slides if not s.is_title)
    flash_on_clip = flash_ms - clip.item.tag.start_ms  # the tag starts the clip (no handles)
    pres = Presentation(plan, options, lang)
    player, sound = pres.player, pres.player.sound
    heard: list[tuple[float, float]] = []  # (time, clip time of the sound being played)
    device_started: list[float] = []

    def probe() -> None:
        if sound.output is not None and not device_started and sound.output.played_ms() > 0:
            device_started.append(time.perf_counter())
        if sound.feeder is not None:
            heard.append((time.perf_counter(), sound.feeder.heard_ms()))

    timer = QTimer()
    timer.setTimerType(Qt.TimerType.PreciseTimer)
    timer.timeout.connect(probe)
    timer.start(1)
    opened = time.perf_counter()
    pres.start()
    r: dict = {"device": False}
    wait(app, 0.5)
    r["title_state"] = _state(sound.output)  # the stream runs from the start (silence)
    wait(app, 8, lambda: not player.current.is_title and player.elapsed_ms() > flash_on_clip + 600)
    sink = sound.output
    r["device"] = sink is not None
    r["playing_state"] = _state(sink)
    r["resyncs"] = sound.feeder.resyncs if sound.feeder else None
    if shots is not None:
        shot(shots, "5_clip_with_sound.png", [])
    QTest.keyClick(pres.screen, Qt.Key.Key_B)
    r["black_state"] = _state(sink)
    wait(app, 0.3)
    QTest.keyClick(pres.screen, Qt.Key.Key_B)
    r["unblack_state"] = _state(sink)
    wait(app, 0.3)
    QTest.keyClick(pres.screen, Qt.Key.Key_Escape)
    r["esc_state"] = _state(sink)
    timer.stop()
    flash_frame = round(flash_ms * 30 / 1000)
    painted = [t for s, f, t in pres.screen.painted if f == flash_frame]
    crossed = [t for t, at in heard if at >= flash_on_clip]
    r["flash_painted"] = bool(painted)
    r["tone_played"] = bool(crossed)
    if painted and crossed:
        r["av_offset_ms"] = round((crossed[0] - painted[0]) * 1000, 1)
        steps = [b[0] - a[0] for a, b in zip(heard, heard[1:], strict=False) if b[0] >= painted[0]]
        r["probe_step_ms"] = round(1000 * max(steps[:50], default=0.0), 1)  # the resolution
    r["device_start_ms"] = round((device_started[0] - opened) * 1000) if device_started else None
    r["closed"] = pres.closed
    return r


if __name__ == "__main__":
    try:
        shots_dir = Path(sys.argv[3]) if len(sys.argv) > 3 else None
        result = main(Path(sys.argv[1]), int(sys.argv[2]), shots_dir)
    except Exception as exc:  # noqa: BLE001 - reported to the test as data
        import traceback

        result = {"error": repr(exc), "trace": traceback.format_exc()}
    print(json.dumps(result, ensure_ascii=False))
