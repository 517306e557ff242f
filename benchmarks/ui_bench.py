"""Review-window speed, measured in the real widgets (offscreen), against a baseline from the same run.

    python benchmarks/ui_bench.py [--quick]

Prints: first window painted after start (``main.py --demo``, cold: no
demo yet; warm: demo made) next to a bare Qt window's first paint; the
first filmstrip screenful after opening a 10-minute 1080p file (cold and
warm thumbnail cache) next to the index scan alone; the readout's error
(frames) at every repaint during 4× play, next to what the media player's
position would have said; key press → new frame painted (±1 frame on
1080p, median/p90) next to naive OpenCV back-stepping; timeline repaint
with 10,000 tags; the longest GUI stall while a filmstrip is built and
footage is hashed.
"""

from __future__ import annotations

import argparse
import os
import re
import statistics
import subprocess
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
from reviewer.media import synth  # noqa: E402
from reviewer.media.filmstrip import FilmstripJob  # noqa: E402
from reviewer.media.index import build_index  # noqa: E402
from reviewer.store.project import Project  # noqa: E402
from ui.main_window import ReviewWindow  # noqa: E402
from ui.project.background import hash_files  # noqa: E402
from ui.project.session import ProjectSession  # noqa: E402
from ui.timeline.timeline import Mark, TimelineWidget  # noqa: E402
from ui.workers import TaskRunner  # noqa: E402

CACHE = Path(__file__).resolve().parent / ".cache"
ROOT = Path(__file__).resolve().parents[1]
FRAME_MS = 1000 / 30
_BARE_QT = (
    "import sys, time; from pathlib import Path\n"
    "from PySide6.QtCore import QEvent, QObject, QTimer\n"
    "from PySide6.QtWidgets import QApplication, QLabel\n"
    "class F(QObject):\n"
    "    def eventFilter(self, w, e):\n"
    "        if e.type() == QEvent.Type.Paint and w.isWindow():\n"
    "            Path(sys.argv[1]).write_text(f'{time.time():.4f}'); QTimer.singleShot(0, app.quit)\n"
    "        return False\n"
    "app = QApplication([]); f = F(); app.installEventFilter(f)\n"
    "w = QLabel('hello'); w.resize(640, 480); w.show(); app.exec()\n"
)


# -- first window ---------------------------------------------------------------------


def first_paint(cmd: list[str], env: dict, stamp: Path) -> float:
    """Seconds from spawning ``cmd`` to its first painted window (it quits after that)."""
    stamp.unlink(missing_ok=True)
    started = time.time()
    subprocess.run(cmd, cwd=ROOT, env=env, check=True, capture_output=True, timeout=600)
    return float(stamp.read_text()) - started


def start_times(folder: Path) -> tuple[float, float, float]:
    """(cold, warm, bare Qt) first-paint seconds, in fresh user folders."""
    stamp = folder / "painted"
    env = {**os.environ, "XDG_DATA_HOME": str(folder / "data"), "XDG_CONFIG_HOME": str(folder / "config"),
           "SHENPIAN_CACHE_DIR": str(folder / "cache"), "SHENPIAN_FIRST_PAINT": str(stamp),
           "SHENPIAN_QUIT_AFTER_PAINT": "1"}  # fmt: skip
    app = [sys.executable, "main.py", "--demo"]
    cold = first_paint(app, env, stamp)  # the start page with its progress bar; the demo is made
    warm = first_paint(app, env, stamp)  # the demo exists: the review window itself
    bare = first_paint([sys.executable, "-c", _BARE_QT, str(stamp)], env, stamp)
    return cold, warm, bare


# -- filmstrip --------------------------------------------------------------------------


def long_footage() -> Path:
    """10 minutes of 1080p (testsrc2 + grain, GOP 60, 6 Mb/s), made once with ffmpeg."""
    out = CACHE / "ui_1080p_10min.mp4"
    if out.exists():
        return out
    CACHE.mkdir(parents=True, exist_ok=True)
    part = out.with_name(out.stem + ".part.mp4")
    print(f"  generating {out.name} (one-off, cached) ...")
    cmd = [synth.ffmpeg_exe(), "-hide_banner", "-loglevel", "error", "-y", "-f", "lavfi", "-i",
           "testsrc2=size=1920x1080:rate=30:duration=600,noise=alls=10:allf=t", "-f", "lavfi",
           "-i", "sine=frequency=440:duration=600", "-map", "0:v", "-map", "1:a", "-c:v", "libx264",
           "-preset", "ultrafast", "-g", "60", "-b:v", "6M", "-pix_fmt", "yuv420p", "-c:a", "aac",
           "-b:a", "64k", "-movflags", "+faststart", str(part)]  # fmt: skip
    subprocess.run(cmd, check=True)
    part.replace(out)
    return out


def first_screenful(app, window: ReviewWindow, media_id: str) -> tuple[float, int]:
    """Seconds from opening to every slot of the first screenful holding its picture."""
    planned: list = []
    window.filmstrip.planned.connect(planned.extend)
    start = time.perf_counter()
    window.open_media(media_id)
    spin_until(app, lambda: planned and all(s in window.timeline._thumbs for s in planned), 120)
    took = time.perf_counter() - start
    window.filmstrip.planned.disconnect(planned.extend)
    return took, len(planned)


def filmstrip_times(app, path: Path) -> tuple[float, float, float, int]:
    """(cold, warm) first screenful and the bare index scan, on the 10-minute file."""
    os.environ["SHENPIAN_CACHE_DIR"] = tempfile.mkdtemp()
    folder = Path(tempfile.mkdtemp())
    project = Project.create(folder / "long.shenpian", reviewer="bench")
    project.add_media(path)
    session = ProjectSession(project)
    window = ReviewWindow(session)
    window.resize(1600, 900)
    window.show()
    spin_until(app, lambda: not window.tasks.busy, 300)  # the whole-file hash, not measured
    media_id = project.media()[0].id
    cold, slots = first_screenful(app, window, media_id)
    window.controller.close()
    warm, _ = first_screenful(app, window, media_id)
    window.close()
    session.close()
    t = time.perf_counter()
    build_index(path)
    return cold, warm, time.perf_counter() - t, slots


# -- readout during play ----------------------------------------------------------------------


def readout_errors(app, seconds: float) -> tuple[list[int], list[int]]:
    """Per repaint of the video during 4× play: |readout frame − painted frame| and the
    same for the media player's position (what the readout showed before)."""
    from PySide6.QtCore import QEvent, QObject

    from ui.media.frame_service import FrameService
    from ui.media.player import Player
    from ui.media.transport import TransportBar
    from ui.media.video_view import VideoView

    path = CACHE / "ui_barcode_720p.mp4"
    if not path.exists():
        synth.write(synth.Spec(width=1280, height=720, fps=30, frames=1800, label="4x"), path)
    frames = FrameService()
    player = Player(frames)
    view, bar = VideoView(), TransportBar(player)
    player.screenChanged.connect(view.set_screen)
    player.previewImage.connect(view.set_image)
    player.frameShown.connect(lambda f: view.set_image(f.image))
    view.resize(960, 540)
    view.show()
    ours, position = [], []

    class Painted(QObject):
        def eventFilter(self, watched, event):
            if event.type() == QEvent.Type.Paint and player.playing and not view.image().isNull():
                painted = barcode_of(view.image())
                shown = re.search(r"frame (\d+)", bar.position.text())
                if painted is not None and shown:
                    ours.append(abs(int(shown.group(1)) - painted))
                    at = player._timing.index_at(player._media.position())
                    position.append(abs(at - painted))
            return False

    spy = Painted()
    view.installEventFilter(spy)
    player.open([path])
    spin_until(app, lambda: player.current is not None)
    player.seek_index(30)
    spin_until(app, lambda: player.current.index == 30)
    player.play_at(4.0)
    end = time.perf_counter() + seconds
    spin_until(app, lambda: time.perf_counter() > end, seconds + 5)
    player.pause()
    player.close()
    frames.close()
    view.close()
    return ours, position


def barcode_of(image) -> int | None:
    import numpy as np
    from PySide6.QtGui import QImage

    img = image.convertToFormat(QImage.Format.Format_BGR888)
    buf = np.frombuffer(img.constBits(), np.uint8, count=img.bytesPerLine() * img.height())
    arr = buf.reshape(img.height(), img.bytesPerLine())[:, : img.width() * 3]
    return synth.read_barcode(arr.reshape(img.height(), img.width(), 3))


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
    cold_start, warm_start, bare_start = start_times(Path(tempfile.mkdtemp()))
    long = long_footage()
    footage = ensure(Footage("cfr1080", 1920, 1080, 30, 60), CACHE)
    app = QApplication.instance() or QApplication([])
    strip_cold, strip_warm, index_scan, slots = filmstrip_times(app, long)
    ours, position = readout_errors(app, 3.0 if args.quick else 8.0)
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

    print("start: python main.py --demo, offscreen, fresh user folders")
    row("first window painted, cold (no demo yet) (s)", f"{cold_start:.2f}", "≤ 3 s", cold_start <= 3)
    row("first window painted, warm (demo made) (s)", f"{warm_start:.2f}", "≤ 1.5 s", warm_start <= 1.5)
    row("  baseline: bare Qt window first paint (s)", f"{bare_start:.2f}", "", None)
    row("  cold / bare Qt, warm / bare Qt", f"{cold_start / bare_start:.1f}× / {warm_start / bare_start:.1f}×", "", None)
    print(f"file: {long.name} 1920x1080 30 fps, 10 min, GOP 60; {slots} slots in view")
    row("first filmstrip screenful, cold thumbnail cache (s)", f"{strip_cold:.2f}", "≤ 1 s", strip_cold <= 1)
    row("first filmstrip screenful, warm thumbnail cache (s)", f"{strip_warm:.2f}", "≤ 1 s", strip_warm <= 1)
    row("  baseline: the file's index scan alone (s)", f"{index_scan:.2f}", "", None)
    row("  cold screenful / index scan", f"{strip_cold / index_scan:.2f}×", "", None)
    print("file: 1280x720 30 fps barcoded, played at 4×")
    row(f"readout error at every repaint, 4× ({len(ours)} repaints, max frames)", f"{max(ours, default=-1)}", "≤ 1 frame", bool(ours) and max(ours) <= 1)
    row("  baseline: media player position (max / mean frames)", f"{max(position, default=-1)} / {statistics.mean(position or [0]):.1f}", "", None)
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
