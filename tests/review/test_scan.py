"""The background scan finds what the footage really holds, within half a second."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import numpy as np

from reviewer.review import scan, scan_cache, skippable
from reviewer.review.skippable import Thresholds
from reviewer.store.model import Fingerprint

ROOT = Path(__file__).resolve().parents[2]
TOLERANCE_MS = 500


def near(a: int, b: int) -> bool:
    return abs(a - b) <= TOLERANCE_MS


def test_dark_frozen_cut_and_tone_are_each_found_within_half_a_second(day):
    found = skippable.classify(scan.measure(day.path))
    kinds = {s.kind: s for s in found.stretches}
    assert set(kinds) == {"dark", "frozen"}, found.stretches
    assert near(kinds["dark"].start_ms, day.dark[0]) and near(kinds["dark"].end_ms, day.dark[1])
    assert near(kinds["frozen"].start_ms, day.frozen[0])
    assert near(kinds["frozen"].end_ms, day.frozen[1])
    assert kinds["dark"].silent and kinds["frozen"].silent
    scenes = [p for p in found.proposals if p.kind == "scene"]
    assert len(scenes) == 1 and near(scenes[0].at_ms, day.cut_ms)
    speech = [p for p in found.proposals if p.kind == "speech"]
    assert len(speech) == 1
    assert near(speech[0].at_ms, day.tone[0]) and near(speech[0].end_ms, day.tone[1])


def test_thresholds_change_the_findings_without_decoding_again(day):
    signals = scan.measure(day.path)
    strict = skippable.classify(signals, Thresholds(dark_luma=5.0, min_skip_s=5.0))
    assert not strict.stretches  # nothing that dark, nothing that long
    quiet = skippable.classify(signals, Thresholds(voice_db=-5.0))
    assert not [p for p in quiet.proposals if p.kind == "speech"]


def test_times_are_the_frame_index_times(day):
    from reviewer.media.index import build_index

    signals = scan.measure(day.path)
    index = build_index(day.path)
    assert set(signals.times_ms.tolist()) <= set(index.ms.tolist())
    assert signals.duration_ms == index.total_ms
    assert np.all(np.diff(signals.times_ms) > 0)


def test_a_cancelled_scan_stops(day):
    calls = []

    def cancelled() -> bool:
        calls.append(1)
        return len(calls) > 1

    try:
        scan.measure(day.path, cancelled)
    except scan.Cancelled:
        return
    raise AssertionError("the scan did not stop")


def test_the_cache_holds_the_numbers_by_fingerprint(day):
    print_ = Fingerprint(day.path.stat().st_size, "abc123")
    assert scan_cache.load(print_) is None
    first = scan_cache.signals(day.path, print_)
    again = scan_cache.load(print_)
    assert again is not None and np.array_equal(again.luma, first.luma)
    assert again.duration_ms == first.duration_ms and again.loud_db.size == first.loud_db.size
    scan_cache.path_for(print_).write_bytes(b"not a cache file")
    assert scan_cache.load(print_) is None  # damaged: measured again, never trusted


def test_silent_footage_has_no_speech_and_near_static_needs_silence(footage):
    signals = scan.measure(footage.small.path)  # no audio track at all
    assert not signals.has_audio
    assert not [p for p in skippable.classify(signals).proposals if p.kind == "speech"]


def test_cli_scan_prints_stretches_with_progress(day, tmp_path):
    project = tmp_path / "p.shenpian"
    run = lambda *a: subprocess.run([sys.executable, "main.py", *a], cwd=ROOT,  # noqa: E731
                                    capture_output=True, text=True, encoding="utf-8")
    assert run("new", str(project)).returncode == 0
    assert run("add-media", str(project), str(day.path)).returncode == 0
    out = run("scan", str(project), "--json", "--lang", "en")
    assert out.returncode == 0, out.stderr
    data = json.loads(out.stdout)
    assert [s["kind"] for s in data[0]["skippable"]] == ["dark", "frozen"]
    assert {p["kind"] for p in data[0]["proposals"]} == {"scene", "speech"}
    text = run("scan", str(project), day.path.name)
    assert "黑屏" in text.stdout and "画面静止" in text.stdout and "100%" in text.stderr
    bad = run("scan", str(project), "nope.mp4", "--lang", "en")
    assert bad.returncode == 2 and len(bad.stderr.strip().splitlines()) == 1
    assert "nope.mp4" in bad.stderr


def test_cli_present_refuses_in_one_line_without_tags_or_a_display(day, tmp_path):
    import os

    project = tmp_path / "会.shenpian"
    env = {k: v for k, v in os.environ.items()
           if k not in ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM")}
    run = lambda *a: subprocess.run([sys.executable, "main.py", *a], cwd=ROOT, env=env,  # noqa: E731
                                    capture_output=True, text=True, encoding="utf-8")
    run("new", str(project))
    run("add-media", str(project), str(day.path))
    empty = run("present", str(project))
    assert empty.returncode == 2 and empty.stderr.count("\n") == 1 and "选择为空" in empty.stderr
    assert run("tag", "add", str(project), day.path.name, "--at", "15", "--category", "清垃圾").returncode == 0
    headless = run("present", str(project), "--lang", "en")
    assert headless.returncode == 2 and headless.stderr.count("\n") == 1
    assert "No graphical display" in headless.stderr and "Traceback" not in headless.stderr
    bad = run("present", str(project), "--screen", "0")
    assert bad.returncode == 2 and bad.stderr.count("\n") == 1
