"""Issue 10 sections of media_bench.py: the conformance corpus, and 4K 10-bit HEVC.

Conformance: every file of tests/footage.CORPUS (the defects real cameras
make), the ordinary footage, a cinepak AVI with zero-size repeat entries
and the 4K HEVC file; for each, every frame reached by forward steps,
backward steps, seeks by index and seeks by time is compared (I420 MD5)
with the ffmpeg CLI decode at the same position (docs/adr/0007). Damaged
frames count as exact only where the corpus says the file is damaged.

4K HEVC Main10: forward step against ffmpeg's per-frame decode time,
back-steps amortised over a GOP against naive OpenCV back-steps, and peak
RSS in a child process with the default cache full of 4K frames.
"""

from __future__ import annotations

import hashlib
import json
import random
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

import cv2
import numpy as np

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent

from reviewer.media import synth  # noqa: E402
from reviewer.media.frame import Frame  # noqa: E402
from reviewer.media.index import build_index  # noqa: E402
from reviewer.media.source import FrameSource  # noqa: E402
from tests import footage as corpus  # noqa: E402

PATTERNS = ("forward", "backward", "seek (index)", "seek (time)")
ORDINARY = ("small", "vfr", "rot90", "hevc", "mpeg4_avi", "ts_offset", "odd_rows", "faststart_cut")
MB = 1024 * 1024


@dataclass
class FileResult:
    name: str
    frames: int
    ffmpeg_frames: int
    built_by: str
    exact: dict[str, tuple[int, int]] = field(default_factory=dict)  # pattern -> (ok, n)
    misses: list[str] = field(default_factory=list)

    @property
    def all_exact(self) -> bool:
        return self.frames == self.ffmpeg_frames and all(ok == n for ok, n in self.exact.values())


def _md5(frame: Frame) -> str:
    return hashlib.md5(frame.picture.pixels.tobytes()).hexdigest()


def _cinepak_repeats(root: Path) -> corpus.Case:
    """Cinepak AVI whose index lists zero-size repeat entries (too slow to encode in tests)."""
    spec = synth.Spec(
        width=160, height=120, frames=40, fps=10,
        video_args=("-c:v", "cinepak"),
        keep=lambda n: n % 4 != 2, keep_expr="not(eq(mod(n,4),2))",
    )  # fmt: skip
    ticks = synth.write(spec, root / "cinepak_repeats.avi")
    return corpus.Case(root / "cinepak_repeats.avi", tuple(t * 100 for t in ticks))


def _order(n: int, seed: str, limit: int | None) -> list[int]:
    order = list(range(n))
    random.Random(seed).shuffle(order)
    return order[:limit] if limit else order


def check_file(
    name: str,
    case: corpus.Case,
    reference: list[str],
    seek_limit: int | None = None,
    log: Callable[[str], None] = print,
) -> FileResult:
    """All four access patterns over ``case``; seeks over ``seek_limit`` random frames if given."""
    index = build_index(case.path)
    result = FileResult(name, len(index), len(reference), index.built_by)
    times = index.ms

    def mid(i: int) -> int:
        end = int(times[i + 1]) if i + 1 < len(times) else int(times[i]) + 2
        return (int(times[i]) + end) // 2

    def judge(pattern: str, frame: Frame, i: int) -> bool:
        if frame.index != i:
            good = False
        elif frame.damaged:
            good = i in case.damaged
        else:
            good = i < len(reference) and _md5(frame) == reference[i] and i not in case.damaged
        if not good and len(result.misses) < 4:
            result.misses.append(f"{pattern}: frame {i} (got {frame.index}, damaged={frame.damaged})")
        return good

    # Generators: each frame is judged and let go (a list of 4K frames would hold gigabytes).
    runs = {
        "forward": lambda src: (
            (i, src.frame(0) if i == 0 else src.step(+1)) for i in range(len(src))
        ),
        "backward": lambda src: (
            (i, src.frame(i) if i == len(src) - 1 else src.step(-1))
            for i in range(len(src) - 1, -1, -1)
        ),
        "seek (index)": lambda src: (
            (i, src.frame(i)) for i in _order(len(src), name, seek_limit)
        ),
        "seek (time)": lambda src: (
            (i, src.frame_at_ms(mid(i))) for i in _order(len(src), name + "t", seek_limit)
        ),
    }
    for pattern in PATTERNS:
        with FrameSource(case.path, index=index) as src:
            verdicts = [judge(pattern, frame, i) for i, frame in runs[pattern](src)]
        result.exact[pattern] = (sum(verdicts), len(verdicts))
    log(f"  {name:18s} {result.frames:4d} frames ({index.built_by}): "
        + ", ".join(f"{p} {ok}/{n}" for p, (ok, n) in result.exact.items()))
    return result


def measure_corpus(uhd: Path, seek_limit: int, log: Callable[[str], None]) -> list[FileResult]:
    results = []
    with tempfile.TemporaryDirectory() as tmp:
        library = corpus.Library(Path(tmp))
        for name in (*corpus.CORPUS, *ORDINARY):
            results.append(check_file(name, library.get(name), library.reference(name), log=log))
        cinepak = _cinepak_repeats(Path(tmp))
        results.append(
            check_file("cinepak_repeats", cinepak, corpus.ffmpeg_md5s(cinepak.path), log=log)
        )
    # No damage in it: ffmpeg's default (frame-threaded) decode is the single-threaded one.
    uhd_case = corpus.Case(uhd, ())
    reference = corpus.ffmpeg_md5s(uhd, threads=None)
    results.append(check_file("uhd_hevc10", uhd_case, reference, seek_limit, log=log))
    return results


# -- 4K HEVC 10-bit -------------------------------------------------------------


def _clock() -> float:
    return time.perf_counter()


def ffmpeg_frame_ms(path: Path, frames: int, repeats: int) -> float:
    """ffmpeg's own decode time per frame (wall, from the same first frame on)."""
    cmd = [synth.ffmpeg_exe(), "-hide_banner", "-loglevel", "error", "-nostdin", "-i", str(path)]
    cmd += ["-an", "-frames:v", str(frames), "-f", "null", "-"]
    runs = []
    for _ in range(repeats):
        t0 = _clock()
        subprocess.run(cmd, check=True)
        runs.append((_clock() - t0) * 1000 / frames)
    return float(np.median(runs))


def forward_ms(path: Path, frames: int, width: int | None) -> tuple[float, float, float]:
    """frame(0) then step(+1), each shown at ``width`` (None: not shown).

    Returns wall ms per frame over the run (what a held key or playback gets) and
    the p50/p90 of single steps: a B-frame comes with the frame it is predicted
    from (ADR 0007), so steps alternate between a few decodes and none.
    """
    index = build_index(path)
    times = []
    with FrameSource(path, index=index) as src:
        t0 = _clock()
        for i in range(frames):
            t1 = _clock()
            frame = src.frame(0) if i == 0 else src.step(+1)
            if width is not None:
                frame.to_bgr(max_width=width)
            times.append((_clock() - t1) * 1000)
        wall = (_clock() - t0) * 1000 / frames
    return wall, float(np.percentile(times[1:], 50)), float(np.percentile(times[1:], 90))


def back_step_ms(path: Path, width: int) -> tuple[float, int]:
    """Amortised ms per back-step through one whole GOP (from a fresh source), and the window."""
    index = build_index(path)
    keys = [int(k) for k in np.flatnonzero(index.keyframe)]
    first, last = keys[len(keys) // 2 - 1], keys[len(keys) // 2] - 1
    with FrameSource(path, index=index) as src:
        src.frame(last).to_bgr(max_width=width)
        t0 = _clock()
        for i in range(last - 1, first - 1, -1):
            image = src.step(-1).to_bgr(max_width=width)
            assert synth.read_barcode(image) == i
        return (_clock() - t0) * 1000 / (last - first), src.window


def naive_back_ms(path: Path, offsets: tuple[int, ...], steps: int) -> float:
    """OpenCV set(POS_FRAMES, n-1) + read() per back-step, at offsets into a middle GOP."""
    index = build_index(path)
    keys = [int(k) for k in np.flatnonzero(index.keyframe)]
    base = keys[len(keys) // 2 - 1]
    cap = cv2.VideoCapture(str(path), cv2.CAP_FFMPEG)
    times = []
    for offset in offsets:
        n = base + offset
        for _ in range(steps):
            n -= 1
            t0 = _clock()
            cap.set(cv2.CAP_PROP_POS_FRAMES, n)
            ok, _image = cap.read()
            times.append((_clock() - t0) * 1000)
    cap.release()
    return float(np.median(times))


def peak_rss() -> int:
    """This process's own peak RSS in bytes (VmHWM).

    Not ru_maxrss: Linux keeps that across exec, so a child started by a big
    parent reports the parent's size at the fork.
    """
    with open("/proc/self/status", encoding="ascii") as status:
        for line in status:
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) * 1024
    raise RuntimeError("no VmHWM in /proc/self/status")


def rss_child(path: Path) -> None:
    """In a child: open the 4K file, step back through a GOP, then 120 frames forward."""
    import psutil

    index = build_index(path)
    keys = [int(k) for k in np.flatnonzero(index.keyframe)]
    first, last = keys[1], keys[2] - 1
    with FrameSource(path, index=index) as src:
        src.frame(last).to_bgr(max_width=1920)
        for _ in range(last - first):
            src.step(-1).to_bgr(max_width=1920)
        for _ in range(120):
            src.step(+1).to_bgr(max_width=1920)
        used, frames = src.cache.used_bytes, len(src.cache)
    peak = peak_rss()
    now = psutil.Process().memory_info().rss
    print(json.dumps({"peak": peak, "now": now, "cache_used": used, "cache_frames": frames}))


def measure_rss(path: Path) -> dict[str, float]:
    cmd = [sys.executable, str(HERE / "media_bench.py"), "--uhd-rss-child", str(path)]
    done = subprocess.run(cmd, capture_output=True, text=True, check=True)
    return json.loads(done.stdout.strip().splitlines()[-1])
