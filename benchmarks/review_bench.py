"""Coverage, scan and presentation targets (#16), ratios against baselines from the same run.

    python benchmarks/review_bench.py [--minutes 3] [--out FILE]

1. Scan of 1080p30 footage: seconds of wall time per second of footage (target <= 0.25),
   beside bare ``ffmpeg -threads 2`` decoding the same file to null (the decode ceiling).
   The file (noisy testsrc2 with black stretches, AAC) is made once in benchmarks/.cache;
   an hour takes too long to generate here, so a shorter file is measured and the ratio,
   which is per second of footage, stands for an hour (the scan is one linear pass).
2. The GUI while the scan runs on the review window's worker: the longest gap between
   ticks of a 5 ms timer (target: never > 50 ms), against the same timer with no scan.
3. Coverage writes on the GUI thread: one coalesced write (5 s of watching), median / max.
4. Presentation at 1080p30 (offscreen, redaction on): from a "next" key to the next clip's
   first frame painted (target <= 300 ms); frames painted against frames due while clips
   play (target: none dropped); the longest gap between painted frames. With PulseAudio
   installed the whole run has a sound output (a private null sink), so the show plays
   each clip's sound while these are measured.
5. Presentation sound, A/V offset: a 1080p clip whose flash frame and 1 kHz tone burst
   start together, shown after a title card, three times: when the tone's first sample is
   played by the device (``QAudioSink.processedUSecs``, polled every ms) minus when the
   flash frame was painted (target: within one frame, ±33 ms). The device's own output
   latency after that point (PulseAudio's, the sound card's) is not in it.
Nothing asserts on time; the figures and PASS/MISS are printed.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from reviewer.media import synth  # noqa: E402

CACHE = Path(__file__).resolve().parent / ".cache"


def footage(minutes: float) -> Path:
    """1080p30 H.264 (phone-like GOP, B-frames) with sound and a black stretch each minute."""
    out = CACHE / f"review_1080p_{minutes:g}min.mp4"
    if out.exists():
        return out
    CACHE.mkdir(parents=True, exist_ok=True)
    seconds = minutes * 60
    video = ("testsrc2=s=1920x1080:r=30,noise=alls=6:allf=t,"
             "drawbox=c=black:t=fill:enable='between(mod(t,60),20,35)'")
    cmd = [synth.ffmpeg_exe(), "-hide_banner", "-loglevel", "error", "-y",
           "-f", "lavfi", "-i", video, "-f", "lavfi", "-i", "sine=frequency=700",
           "-t", str(seconds), "-c:v", "libx264", "-preset", "ultrafast", "-g", "60",
           "-bf", "2", "-pix_fmt", "yuv420p", "-c:a", "aac", "-shortest", str(out)]
    subprocess.run(cmd, check=True)
    return out


def bench_scan(path: Path, seconds: float) -> dict:
    from reviewer.review import scan, skippable

    t = time.perf_counter()
    subprocess.run([synth.ffmpeg_exe(), "-hide_banner", "-loglevel", "error", "-threads", "2",
                    "-i", str(path), "-an", "-f", "null", "-"], check=True)
    ffmpeg_s = time.perf_counter() - t
    t = time.perf_counter()
    signals = scan.measure(path)
    scan_s = time.perf_counter() - t
    found = skippable.classify(signals)
    return {"footage_s": seconds, "scan_s": round(scan_s, 2), "ffmpeg_decode_s": round(ffmpeg_s, 2),
            "scan_ratio": round(scan_s / seconds, 3), "ffmpeg_ratio": round(ffmpeg_s / seconds, 3),
            "scan_vs_ffmpeg": round(scan_s / ffmpeg_s, 2),
            "dark_found": [(s.start_ms, s.end_ms) for s in found.stretches if s.kind == "dark"]}


def _longest_gap(app, seconds: float, busy) -> tuple:  # noqa: ANN001
    from PySide6.QtCore import QTimer

    ticks: list[float] = []  # every gap is kept: the longest, and how many passed 50 ms
    timer = QTimer()
    timer.setInterval(5)
    timer.timeout.connect(lambda: ticks.append(time.perf_counter()))
    timer.start()
    end = time.perf_counter() + seconds
    while time.perf_counter() < end and busy():
        app.processEvents()
        time.sleep(0.001)
    timer.stop()
    gaps = [1000 * (b - a) for a, b in zip(ticks, ticks[1:], strict=False)]
    return round(max(gaps, default=0.0), 1), sum(g > 50 for g in gaps), len(gaps)


def bench_gui(path: Path) -> dict:
    from PySide6.QtWidgets import QApplication

    from reviewer.review import scan
    from ui.workers import TaskRunner

    app = QApplication.instance() or QApplication([])
    idle = _longest_gap(app, 10.0, lambda: True)
    runner = TaskRunner(workers=1)
    done: list[object] = []
    runner.submit(lambda token, progress: scan.measure(path, lambda: token.cancelled, progress),
                  on_done=done.append, on_error=done.append)
    busy = _longest_gap(app, 600.0, lambda: not done)
    runner.shutdown()
    return {"gui_gap_idle_ms": idle[0], "gui_gap_scanning_ms": busy[0],
            "gui_gaps_over_50ms_idle": f"{idle[1]}/{idle[2]}",
            "gui_gaps_over_50ms_scanning": f"{busy[1]}/{busy[2]}"}


def bench_coverage_writes(tmp: Path) -> dict:
    from reviewer.review import watched
    from reviewer.review.coverage import Coverage
    from reviewer.store.project import Project

    source = footage_small(tmp)
    times = []
    with Project.create(tmp / "cov.shenpian", reviewer="bench") as project:
        media = project.add_media(source).select
        for n in range(40):
            pending = {(media, "watched"): Coverage().add(n * 5000, n * 5000 + 5000)}
            t = time.perf_counter()
            watched.record(project, pending)
            times.append(1000 * (time.perf_counter() - t))
    return {"coverage_write_median_ms": round(statistics.median(times), 2),
            "coverage_write_max_ms": round(max(times), 2)}


def footage_small(tmp: Path) -> Path:
    out = tmp / "small.mp4"
    synth.write(synth.Spec(frames=30), out)
    return out


def bench_present(path: Path, tmp: Path, detected: bool) -> dict:
    """``detected``: faces were looked for beforehand (``redact detect``, as before an export);
    otherwise the show finds them itself while it plays (the cold case)."""
    from PySide6.QtWidgets import QApplication

    from reviewer.export import snapshot
    from reviewer.export.common import ExportOptions
    from reviewer.export.selection import Selection
    from reviewer.present.plan import show
    from reviewer.store.project import Project
    from ui.present.player import ShowPlayer
    from ui.present.screen import ShowScreen

    app = QApplication.instance() or QApplication([])
    from reviewer.redact import detect

    with Project.create(tmp / f"show{int(detected)}.shenpian", reviewer="bench") as project:
        media = project.add_media(path).select
        category = project.codebook().categories[0].id
        for n in range(4):
            project.add_tag(media, 5000 + n * 40_000, category, end_ms=9000 + n * 40_000)
        if detected:
            jobs, _offline = detect.plan(project, project.tags(), 0, False)
            detect.save(project, detect.run(jobs))
        options = ExportOptions(lower_third=True, title_cards=False, redact="on")
        plan = show(snapshot.take(project, Selection()), options)
    player = ShowPlayer(plan.slides, options, (1920, 1080))
    screen = ShowScreen(player)
    screen.resize(1920, 1080)
    screen.show()
    player.start()
    _spin(app, 1.0 if detected else 15.0)  # cold: the first clip's faces are searched first
    for _ in range(3):  # each clip plays 2.5 s, then "next"
        _spin(app, 2.5)
        player.step(+1)
        _spin(app, 0.6)
    _spin(app, 2.0)
    player.stop()
    screen.close()
    tag = "" if detected else "cold_"
    return {f"{tag}{k}": v for k, v in {
        "next_to_first_frame_ms": [round(x) for x in player.first_frame_ms],
        **_dropped(screen.painted)}.items()}


def _spin(app, seconds: float) -> None:  # noqa: ANN001
    end = time.perf_counter() + seconds
    while time.perf_counter() < end:
        app.processEvents()
        time.sleep(0.001)


def _dropped(painted: list[tuple[int, int, float]]) -> dict:
    """Per clip: frame numbers painted in a row; a skipped number is a dropped frame."""
    dropped = shown = 0
    gaps = []
    last: tuple[int, int, float] | None = None
    for slide, frame, at in painted:
        if frame < 0:
            continue
        if last is not None and last[0] == slide and frame != last[1]:
            dropped += max(0, frame - last[1] - 1)
            gaps.append(1000 * (at - last[2]))
            shown += 1
        last = (slide, frame, at) if last is None or frame != last[1] or last[0] != slide else last
    return {"frames_painted": shown, "frames_dropped": dropped,
            "longest_paint_gap_ms": round(max(gaps, default=0.0), 1)}


def bench_av_offset(tmp: Path, env: dict[str, str] | None) -> dict:
    """Scenario runs in child processes (one app each, as a show is), offscreen."""
    if env is None:
        return {"av_offset_ms": None}
    from tests.flash_footage import make_project

    flash, project = make_project(tmp / "flash", 1920, 1080)
    runs = []
    for _ in range(3):
        child = subprocess.run([sys.executable, "-m", "tests.ui.present_sound_scenario",
                                str(project), str(flash.flash_ms)], cwd=ROOT, text=True,
                               capture_output=True, env={**os.environ, **env,
                                                         "QT_QPA_PLATFORM": "offscreen"})
        runs.append(json.loads(child.stdout.strip().splitlines()[-1]))
    return {"av_offset_ms": [r.get("av_offset_ms") for r in runs],
            "av_resyncs": [r.get("resyncs") for r in runs],
            "av_probe_resolution_ms": [r.get("probe_step_ms") for r in runs],
            "sound_device_start_ms": [r.get("device_start_ms") for r in runs]}


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--minutes", type=float, default=3.0)
    parser.add_argument("--out", type=Path)
    args = parser.parse_args()
    import tempfile

    from tests.pulse import null_sink

    path = footage(args.minutes)
    results = bench_scan(path, args.minutes * 60)
    results |= bench_gui(path)
    with tempfile.TemporaryDirectory() as tmp, null_sink(Path(tmp) / "pulse") as sound:
        os.environ.update(sound or {})  # before Qt Multimedia looks for a device
        results["sound_output"] = sound is not None
        results |= bench_coverage_writes(Path(tmp))
        results |= bench_present(path, Path(tmp), detected=True)
        results |= bench_present(path, Path(tmp), detected=False)
        results |= bench_av_offset(Path(tmp), sound)
    results["load"] = os.getloadavg()[0]
    verdicts = {
        "scan <= 0.25x real time": results["scan_ratio"] <= 0.25,
        "GUI never blocked > 50 ms": results["gui_gap_scanning_ms"] <= 50,
        "next -> first frame <= 300 ms": max(results["next_to_first_frame_ms"] or [9e9]) <= 300,
        "no dropped frames": results["frames_dropped"] == 0,
        "A/V offset within one frame (33 ms)": all(
            x is not None and abs(x) <= 33 for x in results["av_offset_ms"] or [None]),
    }
    print(json.dumps(results, indent=2))
    for name, ok in verdicts.items():
        print(("PASS " if ok else "MISS ") + name)
    if args.out:
        args.out.write_text(json.dumps(results, indent=2), "utf-8")


if __name__ == "__main__":
    main()
