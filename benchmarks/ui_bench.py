"""Review-window speed, measured in the real widgets (offscreen), against a baseline from the same run.

    python benchmarks/ui_bench.py [--quick]

Prints: key press → new frame painted (±1 frame on 1080p, median/p90),
next to naive OpenCV back-stepping on the same file; timeline repaint
with 10,000 tags; the longest GUI event-loop stall while a filmstrip is
built and footage is hashed in the background.
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

import cv2  # noqa: E402
from PySide6.QtCore import QElapsedTimer, QEventLoop, Qt, QTimer  # noqa: E402
from PySide6.QtGui import QColor  # noqa: E402
from PySide6.QtTest import QTest  # noqa: E402
from PySide6.QtWidgets import QApplication  # noqa: E402

from benchmarks.footage import Footage, ensure  # noqa: E402
from reviewer.media.filmstrip import FilmstripJob  # noqa: E402
from reviewer.store.project import Project  # noqa: E402
from ui.main_window import ReviewWindow  # noqa: E402
from ui.project.background import hash_files  # noqa: E402
from ui.project.session import ProjectSession  # noqa: E402
from ui.timeline.timeline import Mark, TimelineWidget  # noqa: E402
from ui.workers import TaskRunner  # noqa: E402

CACHE = Path(__file__).resolve().parent / ".cache"
FRAME_MS = 1000 / 30


def spin_until(app: QApplication, done, timeout_s: float = 30.0) -> None:
    end = time.perf_counter() + timeout_s
    while not done():
        loop = QEventLoop()
        QTimer.singleShot(1, loop.quit)
        loop.exec()  # a real loop: lets the decode thread run (QTest.qWait would hold the GIL)
        if time.perf_counter() > end:
            raise TimeoutError("frame never arrived")


def key_to_frame(app, window: ReviewWindow, key: Qt.Key, steps: int) -> list[float]:
    """ms from a key press to the new frame painted in the view."""
    out = []
    for _ in range(steps):
        target = window.frames.target + (1 if key == Qt.Key.Key_Right else -1)
        start = time.perf_counter()
        QTest.keyClick(window.view, key)
        spin_until(app, lambda t=target: window.player.current is not None and window.player.current.index == t)
        window.view.repaint()  # the paint the user waits for, done synchronously
        out.append((time.perf_counter() - start) * 1000)
    return out


def opencv_back_steps(path: Path, start: int, steps: int) -> list[float]:
    cap = cv2.VideoCapture(str(path))
    out = []
    for k in range(steps):
        t = time.perf_counter()
        cap.set(cv2.CAP_PROP_POS_FRAMES, start - k - 1)
        cap.read()
        out.append((time.perf_counter() - t) * 1000)
    cap.release()
    return out


def timeline_repaint(app) -> list[float]:
    tl = TimelineWidget()
    tl.resize(1600, 100)
    tl.set_duration(3_600_000)
    colors = [QColor(c) for c in ("#c0392b", "#2980b9", "#27ae60", "#8e44ad", "#d35400", "#16a085", "#7f8c8d")]
    tl.set_marks([Mark(str(i), i * 360, None if i % 3 else i * 360 + 4000, colors[i % 7]) for i in range(10_000)])
    tl.show()
    app.processEvents()
    moving, changed = [], []
    for k in range(50):
        tl.set_position(k * 60_000)  # playhead moves, tags unchanged: the common case
        t = time.perf_counter()
        tl.repaint()
        moving.append((time.perf_counter() - t) * 1000)
        tl.zoom_to(0, 3_600_000 - k * 1000)  # the view changed: tags are laid out again
        t = time.perf_counter()
        tl.repaint()
        changed.append((time.perf_counter() - t) * 1000)
    tl.close()
    return moving, changed


def longest_stall(app, path: Path, hashes: int) -> tuple[float, float]:
    """Max gap between 5 ms timer ticks while background work runs, and the work's duration."""
    runner = TaskRunner(workers=2)
    job = FilmstripJob(path, 100, cache_root=Path(tempfile.mkdtemp()))
    ticks: list[float] = []
    clock = QElapsedTimer()
    clock.start()
    timer = QTimer()
    timer.setInterval(5)
    timer.timeout.connect(lambda: ticks.append(clock.nsecsElapsed() / 1e6))
    timer.start()
    done = []
    runner.submit(hash_files, [("m", path)] * hashes, on_done=lambda _r: done.append(1))
    job.start()
    spin_until(app, lambda: bool(done) and job._future.done(), timeout_s=600)
    timer.stop()
    runner.shutdown()
    gaps = [b - a for a, b in zip(ticks, ticks[1:], strict=False)]
    return max(gaps), ticks[-1] / 1000


def row(name: str, value: str, target: str, ok: bool | None) -> None:
    verdict = "" if ok is None else ("PASS" if ok else "MISS")
    print(f"{name:58s} {value:>22s}   target {target:14s} {verdict}")


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--quick", action="store_true")
    args = parser.parse_args()
    footage = ensure(Footage("cfr1080", 1920, 1080, 30, 60), CACHE)
    app = QApplication.instance() or QApplication([])
    folder = Path(tempfile.mkdtemp())
    project = Project.create(folder / "bench.shenpian", reviewer="bench")
    project.add_media(footage)
    session = ProjectSession(project)
    window = ReviewWindow(session)
    window.show()
    window.open_media(project.media()[0].id)
    spin_until(app, lambda: window.player.current is not None)
    # Steady state: the filmstrip and the whole-file hash that opening starts are done.
    spin_until(app, lambda: not window.tasks.busy and all(j._future.done() for j in window.filmstrip._jobs), 300)
    steps = 30 if args.quick else 120
    forward = key_to_frame(app, window, Qt.Key.Key_Right, steps)
    window.player.seek_index(1499)
    spin_until(app, lambda: window.player.current.index == 1499)
    backward = key_to_frame(app, window, Qt.Key.Key_Left, steps)
    naive = opencv_back_steps(footage, 1499, 10 if args.quick else 20)
    window.close()
    session.close()
    paint, relayout = timeline_repaint(app)
    stall, seconds = longest_stall(app, footage, 1 if args.quick else 3)

    def med(xs):
        return statistics.median(xs)

    def p90(xs):
        return sorted(xs)[int(len(xs) * 0.9) - 1]

    print(f"file: {footage.name} 1920x1080 30 fps, GOP 250, B-frames; {steps} steps each way")
    row("key → frame painted, forward (median / p90 ms)", f"{med(forward):.1f} / {p90(forward):.1f}", "≤ 33 ms", med(forward) <= FRAME_MS)
    row("key → frame painted, backward (median / p90 ms)", f"{med(backward):.1f} / {p90(backward):.1f}", "≤ 33 ms", med(backward) <= FRAME_MS)
    row("  baseline: naive OpenCV back-step (median ms)", f"{med(naive):.1f}", "", None)
    row("  backward speed-up over naive OpenCV", f"{med(naive) / med(backward):.0f}×", "", None)
    row("timeline repaint, 10,000 tags, playhead moved (median / max ms)", f"{med(paint):.2f} / {max(paint):.2f}", "< 16 ms", med(paint) < 16)
    row("timeline repaint, 10,000 tags, zoom changed (median / max ms)", f"{med(relayout):.2f} / {max(relayout):.2f}", "< 16 ms", med(relayout) < 16)
    row(f"longest GUI stall, filmstrip(100) + hashing ({seconds:.1f} s of work)", f"{stall:.1f} ms", "≤ 50 ms", stall <= 50)
    return 0


if __name__ == "__main__":
    sys.exit(main())
