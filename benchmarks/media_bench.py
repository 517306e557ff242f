"""Footage-engine benchmark (issues 2 and 10): ours vs ffmpeg CLI, naive OpenCV and plain PyAV.

    python benchmarks/media_bench.py            # full run, 10-min 1080p30 file (~25-35 min)
    python benchmarks/media_bench.py --quick    # smoke run on a 1-min file
    python benchmarks/media_bench.py --only issue10   # the corpus and 4K HEVC sections only

Everything is measured in one run and printed side by side: medians over
repeats, ratios against baselines measured in the same run, and each target
of issue 2 with PASS/MISS. Nothing here asserts on timing. The footage is
generated once into benchmarks/.cache/ (see footage.py) and reused.
"""

from __future__ import annotations

import argparse
import contextlib
import json
import os
import platform
import random
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
if str(ROOT) not in sys.path:  # run as a script from anywhere, installed or not
    sys.path.insert(1, str(ROOT))

import av  # noqa: E402
import corpus_bench  # noqa: E402
import cv2  # noqa: E402
import footage  # noqa: E402
import numpy as np  # noqa: E402
from footage import Footage  # noqa: E402

from reviewer.media import synth  # noqa: E402
from reviewer.media.cache import DEFAULT_CAP_BYTES, FrameCache  # noqa: E402
from reviewer.media.filmstrip import FilmstripJob, slot_targets  # noqa: E402
from reviewer.media.index import FrameIndex, build_index  # noqa: E402
from reviewer.media.source import FrameSource  # noqa: E402

CACHE = HERE / ".cache"
RESULTS = HERE / "results" / "media_bench_latest.txt"
MB = 1024 * 1024


@dataclass(frozen=True)
class Plan:
    """How much to measure; the full plan stays well under 25 minutes on 2 cores."""

    cfr: Footage
    vfr: Footage
    repeats: int = 3  # decode throughput and filmstrip runs
    decode_frames: int = 1800  # frames per decode-throughput run
    gop_walks: int = 3  # whole GOPs stepped back through, each from a fresh source
    hold_steps: int = 750  # continuous back-steps for the held-← figure (3 GOPs)
    naive_offsets: tuple[int, ...] = (40, 90, 140, 190, 240)  # in-GOP start points
    naive_steps: int = 3  # naive OpenCV back-steps per start point
    seeks: int = 24  # random exact-seek targets (interleaved ours/OpenCV/PyAV)
    thumbs: int = 100
    opencv_thumb_samples: int = 10  # exact OpenCV seeks measured, x(thumbs/samples)
    vfr_seeks: int = 40
    vfr_steps: int = 300
    uhd: Footage = Footage(
        "uhd_hevc10_20s", 3840, 2160, 30, 20, gop=120, bitrate="40M", audio=False, codec="hevc10"
    )
    uhd_frames: int = 240  # frames decoded for the 4K forward-step figures
    uhd_seeks: int = 12  # random seeks per seek pattern in the 4K conformance check
    uhd_naive_offsets: tuple[int, ...] = (30, 60, 90, 115)


FULL = Plan(
    cfr=Footage("cfr1080_600s", 1920, 1080, 30, 600),
    vfr=Footage("vfr720_120s", 1280, 720, 30, 120, vfr=True, bitrate="6M"),
)
QUICK = Plan(
    cfr=Footage("cfr1080_60s", 1920, 1080, 30, 60),
    vfr=Footage("vfr720_30s", 1280, 720, 30, 30, vfr=True, bitrate="6M"),
    repeats=1,
    decode_frames=900,
    gop_walks=2,
    hold_steps=500,
    naive_offsets=(60, 160, 240),
    naive_steps=2,
    seeks=8,
    opencv_thumb_samples=5,
    vfr_seeks=16,
    vfr_steps=120,
    uhd=Footage(
        "uhd_hevc10_6s", 3840, 2160, 30, 6, gop=60, bitrate="40M", audio=False, codec="hevc10"
    ),
    uhd_frames=90,
    uhd_seeks=6,
    uhd_naive_offsets=(20, 45),
)


# -- small helpers ---------------------------------------------------------


class Report:
    """Prints as it goes and keeps the text for the results file."""

    def __init__(self) -> None:
        self.lines: list[str] = []

    def __call__(self, line: str = "") -> None:
        print(line, flush=True)
        self.lines.append(line)

    def text(self) -> str:
        return "\n".join(self.lines) + "\n"


def med(xs: list[float]) -> float:
    return statistics.median(xs) if xs else float("nan")


def pct(xs: list[float], q: float) -> float:
    return float(np.percentile(xs, q)) if xs else float("nan")


def clock() -> float:
    return time.perf_counter()


def barcode(image: np.ndarray) -> int | None:
    """Frame index painted in a BGR image (the band is grey, so one channel will do)."""
    return synth.read_barcode(image[:, :, 1])


@dataclass
class Tally:
    """Exact-frame counts for one kind of access."""

    ok: int = 0
    n: int = 0
    misses: list[str] = field(default_factory=list)

    def check(self, want: int, got: int | None, note: str = "") -> bool:
        self.n += 1
        if got == want:
            self.ok += 1
            return True
        if len(self.misses) < 4:
            self.misses.append(f"asked {want}, got {got}{note}")
        return False

    def cell(self) -> str:
        if not self.n:
            return "-"
        return f"{self.ok}/{self.n} ({100.0 * self.ok / self.n:.0f}%)"


@contextlib.contextmanager
def source(path: Path, index: FrameIndex, cap: int = DEFAULT_CAP_BYTES) -> Iterator[FrameSource]:
    """A fresh FrameSource with its own default-capped cache."""
    src = FrameSource(path, cache=FrameCache(cap), index=index, prefetch=True)
    try:
        yield src
    finally:
        src.close()


def opencv(path: Path) -> cv2.VideoCapture:
    cap = cv2.VideoCapture(str(path), cv2.CAP_FFMPEG)
    if not cap.isOpened():
        raise RuntimeError(f"OpenCV cannot open {path}")
    return cap


def cv_seek_read(cap: cv2.VideoCapture, frame: int) -> np.ndarray | None:
    cap.set(cv2.CAP_PROP_POS_FRAMES, frame)
    ok, image = cap.read()
    return image if ok else None


def children_cpu() -> float:
    """User + system seconds of finished child processes (ffmpeg)."""
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def ffmpeg_version() -> str:
    out = subprocess.run([synth.ffmpeg_exe(), "-version"], capture_output=True, text=True)
    return out.stdout.split("\n", 1)[0].split(" Copyright")[0]


def load() -> str:
    return " ".join(f"{x:.2f}" for x in os.getloadavg())


def gop_bounds(index: FrameIndex) -> list[tuple[int, int]]:
    """(first, last) display index of every GOP."""
    keys = [int(k) for k in np.flatnonzero(index.keyframe)]
    ends = [k - 1 for k in keys[1:]] + [len(index) - 1]
    return list(zip(keys, ends, strict=True))


def spread(items: list, count: int) -> list:
    """``count`` items spread evenly over ``items``, avoiding both ends."""
    if count >= len(items):
        return list(items)
    return [items[int((k + 1) * len(items) / (count + 1))] for k in range(count)]


# -- measurements ----------------------------------------------------------


@dataclass
class Results:
    figures: dict[str, float] = field(default_factory=dict)
    cfr: dict[str, tuple[Tally, Tally]] = field(default_factory=dict)  # kind -> (ours, OpenCV)
    vfr: dict[str, tuple[Tally, Tally]] = field(default_factory=dict)
    corpus: list = field(default_factory=list)  # corpus_bench.FileResult per file

    def tallies(self, table: dict[str, tuple[Tally, Tally]], kind: str) -> tuple[Tally, Tally]:
        return table.setdefault(kind, (Tally(), Tally()))


def measure_decode(plan: Plan, path: Path, index: FrameIndex, res: Results, out: Report) -> None:
    n = min(plan.decode_frames, len(index))
    out(f"## Sequential decode ({n} frames from frame 0, median of {plan.repeats})")
    ff_fps, ff_rtime, ff_cpu, ours_cpu = [], [], [], []
    cmd = [synth.ffmpeg_exe(), "-hide_banner", "-nostdin", "-benchmark", "-i", str(path)]
    cmd += ["-an", "-frames:v", str(n), "-f", "null", "-"]
    for _ in range(plan.repeats):
        t0, c0 = clock(), children_cpu()
        done = subprocess.run(cmd, capture_output=True, text=True, check=True)
        ff_fps.append(n / (clock() - t0))
        ff_cpu.append((children_cpu() - c0) * 1000 / n)
        for part in done.stderr.split():
            if part.startswith("rtime="):
                ff_rtime.append(n / float(part[6:].rstrip("s")))
    ours_fps, ours_bgr_fps, step_ms, step_dec_ms = [], [], [], []
    fwd = res.tallies(res.cfr, "forward step")
    for rep in range(plan.repeats):
        with source(path, index) as src:
            t0, c0 = clock(), time.process_time()
            src.frame(0)
            for _ in range(n - 1):
                t1 = clock()
                src.step(1)
                step_dec_ms.append((clock() - t1) * 1000)
            ours_cpu.append((time.process_time() - c0) * 1000 / n)
            ours_fps.append(n / (clock() - t0))
        with source(path, index) as src:
            total = 0.0
            for i in range(n):
                t1 = clock()
                f = src.frame(0) if i == 0 else src.step(1)
                image = f.to_bgr()
                dt = clock() - t1
                total += dt
                if i:
                    step_ms.append(dt * 1000)
                if rep == 0:
                    fwd[0].check(i, barcode(image))
            ours_bgr_fps.append(n / total)
    cap = opencv(path)
    cv_ms, t0 = [], clock()
    for i in range(n // 2):
        t1 = clock()
        ok, image = cap.read()
        cv_ms.append((clock() - t1) * 1000)
        fwd[1].check(i, barcode(image) if ok else None)
    cv_fps = (n // 2) / (clock() - t0)
    cap.release()
    ff, ours = med(ff_fps), med(ours_fps)
    res.figures.update(ff_fps=ff, ours_fps=ours, fwd_ms=med(step_ms), fwd_p90=pct(step_ms, 90))
    out(
        f"  ffmpeg CLI -f null (wall, incl. start-up)    {ff:7.1f} fps   (its own rtime: "
        f"{med(ff_rtime):.1f} fps)"
    )
    out(
        f"  ours, frame(0) + step(+1), decode only       {ours:7.1f} fps   "
        f"= {ours / ff:.0%} of ffmpeg"
    )
    out(
        f"  ours, step(+1) + to_bgr() per frame          {med(ours_bgr_fps):7.1f} fps   "
        f"= {med(ours_bgr_fps) / ff:.0%} of ffmpeg"
    )
    out(f"  OpenCV read() (BGR), {n // 2} frames             {cv_fps:7.1f} fps   (reference)")
    out(
        f"  CPU per frame, all threads (load-independent): ours {med(ours_cpu):.2f} ms, "
        f"ffmpeg {med(ff_cpu):.2f} ms: ours runs at {med(ff_cpu) / med(ours_cpu):.0%} of ffmpeg's speed"
    )
    out("## Forward step ms (per step, from the sequential runs)")
    out(
        f"  ours step(+1) + to_bgr    p50 {med(step_ms):6.1f}  p90 {pct(step_ms, 90):6.1f}  "
        f"max {max(step_ms):6.1f}"
    )
    dec = step_dec_ms
    out(
        f"  ours step(+1) decode only p50 {med(dec):6.1f}  p90 {pct(dec, 90):6.1f}  "
        f"max {max(dec):6.1f}"
    )
    out(
        f"  OpenCV read()             p50 {med(cv_ms):6.1f}  p90 {pct(cv_ms, 90):6.1f}  "
        f"max {max(cv_ms):6.1f}"
    )


def walk_back(src: FrameSource, start: int, steps: int, tally: Tally | None, bgr: bool = True):
    """Show ``start``, then step back ``steps`` times; per-step ms and wall seconds."""
    src.frame(start).to_bgr()
    times = []
    t0 = clock()
    for k in range(1, steps + 1):
        t1 = clock()
        f = src.step(-1)
        image = f.to_bgr() if bgr else None
        times.append((clock() - t1) * 1000)
        if tally is not None:
            got = barcode(image) if image is not None else f.index
            tally.check(start - k, got)
    return times, clock() - t0


def measure_back(plan: Plan, path: Path, index: FrameIndex, res: Results, out: Report) -> None:
    gops = [g for g in gop_bounds(index) if g[1] - g[0] >= 100 and g[0] > 0]
    walks = spread(gops, plan.gop_walks)
    back = res.tallies(res.cfr, "back-step")
    out(
        f"## Back-step (default cache cap {DEFAULT_CAP_BYTES // MB} MB; each walk starts right "
        "after landing on the GOP's last frame)"
    )
    amort, amort_dec, singles, window = [], [], [], 0
    for first, last in walks:
        with source(path, index) as src:
            times, wall = walk_back(src, last, last - first, back[0])
            window = src.window
        amort.append(wall * 1000 / len(times))
        singles += times
    for first, last in walks[:2]:
        with source(path, index) as src:
            times, wall = walk_back(src, last, last - first, back[0], bgr=False)
        amort_dec.append(wall * 1000 / len(times))
    # Hold <- from the last frame of a GOP far enough in to cross several GOPs.
    ends = [b for _a, b in gop_bounds(index) if b >= plan.hold_steps] or [len(index) - 1]
    hold_start = ends[len(ends) // 2]
    steps = min(plan.hold_steps, hold_start)
    with source(path, index) as src:
        hold_times, hold_wall = walk_back(src, hold_start, steps, back[0])
    hold_fps = steps / hold_wall  # includes the exactness check: conservative

    cap = opencv(path)
    naive = []
    for first, _last in spread(gops, 3):
        for offset in plan.naive_offsets:
            n = first + offset
            if cv_seek_read(cap, n) is None:
                continue
            for _ in range(plan.naive_steps):
                n -= 1
                t1 = clock()
                image = cv_seek_read(cap, n)
                naive.append((clock() - t1) * 1000)
                back[1].check(n, barcode(image) if image is not None else None)
    cap.release()
    ours_ms = med(amort)
    res.figures.update(back_ms=ours_ms, naive_ms=med(naive), hold_fps=hold_fps)
    gop_len = med([b - a + 1 for a, b in walks])
    out(
        f"  ours, amortised over a whole GOP ({len(walks)} GOPs of ~{gop_len:.0f} frames, "
        f"window {window} frames)"
    )
    out(
        f"      step(-1) + to_bgr   {ours_ms:7.1f} ms/step (walks: "
        + ", ".join(f"{x:.1f}" for x in amort)
        + ")"
    )
    out(f"      step(-1) decode only {med(amort_dec):6.1f} ms/step")
    out(
        f"  ours, single steps (+to_bgr)  p50 {med(singles):6.1f}  p90 {pct(singles, 90):6.1f}  "
        f"max {max(singles):7.1f} ms;  steps > 100 ms: "
        f"{sum(t > 100 for t in singles)}/{len(singles)}"
    )
    out(
        f"  ours, holding <- ({steps} steps continuously, to_bgr + check per frame)  "
        f"{hold_fps:6.1f} frames/s (max stall {max(hold_times):.0f} ms)"
    )
    out(
        f"  naive OpenCV set(POS_FRAMES, n-1) + read ({len(naive)} steps at in-GOP offsets "
        f"{'/'.join(map(str, plan.naive_offsets))})"
    )
    out(f"      p50 {med(naive):7.1f}  p90 {pct(naive, 90):7.1f}  max {max(naive):7.1f} ms")
    out(
        f"  => ours amortised is {med(naive) / ours_ms:.1f}x faster than naive OpenCV "
        f"(median vs median)"
    )


def pyav_key_decode(container: av.container.InputContainer, stream, index: FrameIndex, i: int):
    """Plain PyAV: seek to the keyframe at or before ``i``, decode every frame up to it."""
    key = index.keyframe_at_or_before(i)
    container.seek(int(index.pts[key]), stream=stream, backward=True, any_frame=False)
    want = int(index.pts[i])
    for frame in container.decode(stream):
        if frame.pts is not None and frame.pts >= want:
            return frame.to_ndarray(format="bgr24") if frame.pts == want else None
    return None


def measure_seek(plan: Plan, path: Path, index: FrameIndex, res: Results, out: Report) -> None:
    rng = random.Random(2)
    targets = [rng.randrange(len(index)) for _ in range(plan.seeks)]
    seek = res.tallies(res.cfr, "seek (frame)")
    container = av.open(str(path))
    stream = container.streams.video[0]
    stream.thread_type = "AUTO"
    cap = opencv(path)
    ours, cv, key, ratios = [], [], [], []
    for i in targets:  # interleaved, so load changes hit all three alike
        with source(path, index) as src:
            t0 = clock()
            f = src.frame(i)
            image = f.to_bgr()
            ours.append((clock() - t0) * 1000)
        seek[0].check(i, barcode(image), f" (index {f.index})")
        t0 = clock()
        image = cv_seek_read(cap, i)
        cv.append((clock() - t0) * 1000)
        seek[1].check(i, barcode(image) if image is not None else None)
        t0 = clock()
        image = pyav_key_decode(container, stream, index, i)
        key.append((clock() - t0) * 1000)
        if image is None or barcode(image) != i:
            out(f"  (plain PyAV decode missed frame {i})")
        ratios.append(ours[-1] / key[-1])
    container.close()
    cap.release()
    warm = []
    with source(path, index) as src:  # one source, seeks back to back (prefetch may still run)
        for i in targets:
            t0 = clock()
            f = src.frame(i)
            image = f.to_bgr()
            warm.append((clock() - t0) * 1000)
            seek[0].check(i, barcode(image), " (back-to-back)")
    offsets = [i - index.keyframe_at_or_before(i) for i in targets]
    res.figures.update(
        seek_ms=med(ours), seek_cv=med(cv), seek_key=med(key), seek_ratio=med(ratios)
    )
    out(
        f"## Exact seek ms ({len(targets)} random targets, mean {statistics.mean(offsets):.0f} "
        "frames after their keyframe; all include one BGR conversion)"
    )
    out("                                             p50      p90      max")
    for name, xs in [
        ("ours frame(i) + to_bgr, fresh source", ours),
        ("ours, one source, back-to-back seeks", warm),
        ("OpenCV set(POS_FRAMES) + read", cv),
        ("PyAV decode from keyframe (no skipping)", key),
    ]:
        out(f"  {name:41s} {med(xs):7.1f}  {pct(xs, 90):7.1f}  {max(xs):7.1f}")
    out(
        f"  => ours / keyframe-decode cost: median of per-target ratios {med(ratios):.2f}x, "
        f"ratio of medians {med(ours) / med(key):.2f}x, of means "
        f"{statistics.mean(ours) / statistics.mean(key):.2f}x; ours / OpenCV (medians) "
        f"{med(ours) / med(cv):.2f}x"
    )


def measure_filmstrip(plan: Plan, path: Path, index: FrameIndex, res: Results, out: Report) -> None:
    cold, warm, ff, ff_count = [], [], [], 0
    correct = 0
    for _ in range(plan.repeats):
        with tempfile.TemporaryDirectory() as tmp:
            t0 = clock()
            thumbs = FilmstripJob(path, plan.thumbs, width=160, cache_root=Path(tmp)).run()
            cold.append(clock() - t0)
        with tempfile.TemporaryDirectory() as tmp:
            t0 = clock()
            job = FilmstripJob(path, plan.thumbs, width=160, index=index, cache_root=Path(tmp))
            thumbs = job.run()
            warm.append(clock() - t0)
        with tempfile.TemporaryDirectory() as tmp:
            cmd = [synth.ffmpeg_exe(), "-hide_banner", "-loglevel", "error", "-nostdin"]
            cmd += ["-skip_frame", "nokey", "-i", str(path), "-vf", "scale=160:90"]
            cmd += ["-fps_mode", "passthrough", str(Path(tmp) / "kf_%04d.jpg")]
            t0 = clock()
            subprocess.run(cmd, check=True)
            ff.append(clock() - t0)
            ff_count = len(list(Path(tmp).glob("kf_*.jpg")))
    for t in thumbs:
        key = index.index_at_ms(t.pts_ms)
        if index.keyframe[key] and index.ms[key] <= t.target_ms and barcode(t.image) == key:
            correct += 1
    # One exact OpenCV seek per thumbnail, sampled and scaled up.
    targets = slot_targets(index.total_ms, plan.thumbs)
    every = max(1, plan.thumbs // plan.opencv_thumb_samples)
    sample = targets[::every][: plan.opencv_thumb_samples]
    cap = opencv(path)
    with tempfile.TemporaryDirectory() as tmp:
        t0 = clock()
        for k, t in enumerate(sample):
            image = cv_seek_read(cap, index.index_at_ms(t))
            small = cv2.resize(image, (160, 90), interpolation=cv2.INTER_AREA)
            cv2.imwrite(str(Path(tmp) / f"{k:04d}.jpg"), small)
        cv_est = (clock() - t0) * plan.thumbs / len(sample)
    cap.release()
    res.figures.update(film=med(cold), film_warm=med(warm), film_ff=med(ff), film_cv=cv_est)
    out(
        f"## Filmstrip, {plan.thumbs} thumbnails 160 px wide (s, median of {plan.repeats}; "
        "fresh disk-cache folder each run)"
    )
    out(
        f"  ours FilmstripJob.run(), index built inside   {med(cold):6.2f} s  "
        f"(= {med(cold) / med(ff):.2f}x ffmpeg)"
    )
    out(
        f"  ours FilmstripJob.run(), index given          {med(warm):6.2f} s  "
        f"(= {med(warm) / med(ff):.2f}x ffmpeg)"
    )
    out(
        f"  ffmpeg -skip_frame nokey ... kf_%04d.jpg      {med(ff):6.2f} s  "
        f"({ff_count} keyframe images)"
    )
    out(
        f"  OpenCV exact seek per thumbnail (estimated: {len(sample)} seeks x "
        f"{plan.thumbs // len(sample)})  {cv_est:6.2f} s  (= {cv_est / med(cold):.1f}x ours)"
    )
    out(
        f"  our thumbnails showing the keyframe at/before their slot (barcode): "
        f"{correct}/{len(thumbs)}"
    )


def rss_child(path: Path) -> None:
    """Run in a child: open the file, fill the default cache while stepping, report peak RSS."""
    import psutil

    proc = psutil.Process()
    base = proc.memory_info().rss
    index = build_index(path)
    cache = FrameCache()
    with FrameSource(path, cache=cache, index=index, prefetch=True) as src:
        gops = gop_bounds(index)
        first, last = gops[len(gops) // 2]
        walk_back(src, last, last - first, None)  # whole GOP back: refills + prefetch
        for _ in range(120):
            src.step(1).to_bgr()
        used, frames = cache.used_bytes, len(cache)
        now = proc.memory_info().rss
    peak_kb = corpus_bench.peak_rss() // 1024
    print(
        json.dumps(
            {
                "base": base,
                "now": now,
                "peak": peak_kb * 1024,
                "cache_used": used,
                "cache_frames": frames,
                "cap": cache.cap_bytes,
            }
        )
    )


def measure_rss(path: Path, res: Results, out: Report) -> None:
    cmd = [sys.executable, str(Path(__file__).resolve()), "--rss-child", str(path)]
    done = subprocess.run(cmd, capture_output=True, text=True, check=True)
    data = json.loads(done.stdout.strip().splitlines()[-1])
    res.figures["rss"] = data["peak"] / MB
    out("## Peak RSS (child process: imports, index, FrameSource with the default cache, a whole")
    out("   GOP stepped back with to_bgr then 120 steps forward)")
    out(
        f"  peak {data['peak'] / MB:6.0f} MB   (after imports {data['base'] / MB:.0f} MB, "
        f"at the end {data['now'] / MB:.0f} MB; cache {data['cache_used'] / MB:.0f} of "
        f"{data['cap'] / MB:.0f} MB in {data['cache_frames']} frames)"
    )


def measure_vfr(plan: Plan, path: Path, fdef: Footage, res: Results, out: Report) -> None:
    ticks = footage.vfr_ticks(fdef)
    truth_ms = [round(t * 1000 / fdef.fps) for t in ticks]
    index = build_index(path)
    out(
        f"## VFR exactness ({path.name}: {len(ticks)} frames, {len(ticks) / fdef.seconds:.2f} fps "
        "on average)"
    )
    ms_ok = len(index) == len(ticks) and bool(np.all(np.abs(index.ms - np.asarray(truth_ms)) <= 1))
    out(f"  our index: {len(index)} frames, every frame's ms within 1 ms of the truth: {ms_ok}")
    rng = random.Random(5)
    targets = [rng.randrange(len(ticks)) for _ in range(plan.vfr_seeks)]
    # Times inside each target frame (a third of the way in) for time-based seeks.
    times = [
        truth_ms[k] + (truth_ms[k + 1] - truth_ms[k]) // 3
        if k + 1 < len(ticks)
        else truth_ms[k] + 10
        for k in targets
    ]
    s_frame = res.tallies(res.vfr, "seek (frame)")
    s_time = res.tallies(res.vfr, "seek (time)")
    back = res.tallies(res.vfr, "back-step")
    fwd = res.tallies(res.vfr, "forward step")
    with source(path, index) as src:
        for k, t in zip(targets, times, strict=True):
            f = src.frame(k)
            s_frame[0].check(k, barcode(f.to_bgr()) if f.pts_ms == truth_ms[k] else -1)
            f = src.frame_at_ms(t)
            s_time[0].check(k, barcode(f.to_bgr()))
        gops = gop_bounds(index)
        start = gops[min(2, len(gops) - 1)][0] + 10 if len(gops) > 1 else len(ticks) - 1
        start = min(start, len(ticks) - 1)
        walk_back(src, start, min(plan.vfr_steps, start), back[0])
        first = max(0, min(targets[0], len(ticks) - plan.vfr_steps - 1))
        src.frame(first).to_bgr()
        for k in range(1, min(plan.vfr_steps + 1, len(ticks) - first)):
            fwd[0].check(first + k, barcode(src.step(1).to_bgr()))
    cap = opencv(path)
    for k, t in zip(targets, times, strict=True):
        image = cv_seek_read(cap, k)
        s_frame[1].check(k, barcode(image) if image is not None else None)
        cap.set(cv2.CAP_PROP_POS_MSEC, t)
        ok, image = cap.read()
        s_time[1].check(k, barcode(image) if ok else None)
    for k in targets[: max(4, len(targets) // 5)]:
        n = max(k, 6)
        cv_seek_read(cap, n)
        for _ in range(5):
            n -= 1
            image = cv_seek_read(cap, n)
            back[1].check(n, barcode(image) if image is not None else None)
    cap.set(cv2.CAP_PROP_POS_FRAMES, 0)
    for k in range(min(plan.vfr_steps, len(ticks))):
        ok, image = cap.read()
        fwd[1].check(k, barcode(image) if ok else None)
    cap.release()
    res.figures["vfr_index_ok"] = float(ms_ok)


def measure_issue10(plan: Plan, res: Results, out: Report) -> None:
    uhd = footage.ensure(plan.uhd, CACHE, out)
    out("## Conformance corpus (issue 10): every frame vs the ffmpeg CLI decode, I420 MD5")
    out(f"   4K file: {uhd.name}: {plan.uhd.describe()}; seeks over {plan.uhd_seeks} random frames")
    files = corpus_bench.measure_corpus(uhd, plan.uhd_seeks, out)
    res.corpus = files
    for f in files:
        if f.frames != f.ffmpeg_frames:
            out(f"         {f.name}: {f.frames} frames, ffmpeg {f.ffmpeg_frames}")
        for miss in f.misses:
            out(f"         {f.name} missed: {miss}")
    out()
    out(f"## 4K HEVC Main10 ({uhd.name})")
    ff = corpus_bench.ffmpeg_frame_ms(uhd, plan.uhd_frames, max(1, plan.repeats))
    decode, d50, d90 = corpus_bench.forward_ms(uhd, plan.uhd_frames, None)
    shown, s50, s90 = corpus_bench.forward_ms(uhd, plan.uhd_frames, 1920)
    back, window = corpus_bench.back_step_ms(uhd, 1920)
    naive = corpus_bench.naive_back_ms(uhd, plan.uhd_naive_offsets, 2)
    rss = corpus_bench.measure_rss(uhd)
    res.figures.update(uhd_ff=ff, uhd_shown=shown, uhd_back=back, uhd_naive=naive,
                       uhd_rss=rss["peak"] / MB)
    out(f"  ffmpeg -f null, wall per frame ({plan.uhd_frames} frames)        {ff:7.1f} ms")
    out(f"  ours frame(0) + step(+1), wall per frame                {decode:7.1f} ms"
        f"   (single steps p50 {d50:.1f}, p90 {d90:.1f})")
    out(f"  ours step(+1) + to_bgr(1920 wide), wall per frame       {shown:7.1f} ms"
        f"   (p50 {s50:.1f}, p90 {s90:.1f}) = {shown / ff:.2f}x ffmpeg")
    out(f"  ours back-step through a GOP + to_bgr(1920), amortised  {back:7.1f} ms"
        f"   (window {window} frames)")
    out(f"  naive OpenCV set(POS_FRAMES, n-1) + read, median        {naive:7.1f} ms"
        f"   => ours {naive / back:.1f}x faster")
    out(f"  peak RSS (child: GOP stepped back, 120 forward)         {rss['peak'] / MB:7.0f} MB"
        f"   (cache {rss['cache_used'] / MB:.0f} MB in {rss['cache_frames']} frames)")


def issue10_targets(res: Results, out: Report) -> None:
    f = res.figures
    exact = all(r.all_exact for r in res.corpus)
    counted = sum(n for r in res.corpus for _ok, n in r.exact.values())
    good = sum(ok for r in res.corpus for ok, _n in r.exact.values())
    rows = [
        ("100% bit-exact, every corpus file, 4 patterns", "100%",
         f"{good}/{counted} frames in {len(res.corpus)} files", exact),
        ("4K HEVC10 forward step <= 2x ffmpeg per frame", "<= 2x",
         f"{f['uhd_shown'] / f['uhd_ff']:.2f}x ({f['uhd_shown']:.0f} vs {f['uhd_ff']:.0f} ms)",
         f["uhd_shown"] <= 2 * f["uhd_ff"]),
        ("4K HEVC10 back-step >= 20x faster than naive", ">= 20x",
         f"{f['uhd_naive'] / f['uhd_back']:.1f}x ({f['uhd_back']:.0f} vs {f['uhd_naive']:.0f} ms)",
         f["uhd_naive"] / f["uhd_back"] >= 20),
        ("4K HEVC10 peak RSS < 900 MB", "< 900 MB", f"{f['uhd_rss']:.0f} MB", f["uhd_rss"] < 900),
    ]  # fmt: skip
    out("## Targets (issue 10)")
    for name, want, got, ok in rows:
        out(f"  {'PASS' if ok else 'MISS'}  {name:47s} {want:>9s}   measured {got}")


def corpus_table(res: Results, out: Report) -> None:
    out("## Exact frames per corpus file (ours vs ffmpeg CLI decode)")
    out(f"  {'file':18s} {'frames':>6s} {'index':>8s} " + " ".join(f"{p:>14s}" for p in
        corpus_bench.PATTERNS))
    for r in res.corpus:
        cells = " ".join(f"{ok:>6d}/{n:<7d}" for ok, n in r.exact.values())
        out(f"  {r.name:18s} {r.frames:6d} {r.built_by:>8s} {cells}")


# -- the report ------------------------------------------------------------


def exactness(res: Results, out: Report) -> bool:
    out("## Exact frames (barcode read back from the pixels shown)")
    out(f"  {'file':4s} {'access':15s} {'ours':>18s} {'OpenCV':>18s}")
    all_ok = True
    for name, table in [("CFR", res.cfr), ("VFR", res.vfr)]:
        for kind, (ours, cv) in table.items():
            out(f"  {name:4s} {kind:15s} {ours.cell():>18s} {cv.cell():>18s}")
            all_ok &= ours.ok == ours.n
            for miss in ours.misses:
                out(f"         ours missed: {miss}")
    return all_ok


def targets(res: Results, exact: bool, out: Report) -> None:
    f = res.figures
    rows = [
        (
            "100% exact frames, CFR and VFR, fwd/back/seek",
            "100%",
            "100%" if exact else "not 100%",
            exact,
        ),
        (
            "back-step amortised >= 30x faster than naive",
            ">= 30x",
            f"{f['naive_ms'] / f['back_ms']:.1f}x ({f['back_ms']:.1f} vs {f['naive_ms']:.0f} ms)",
            f["naive_ms"] / f["back_ms"] >= 30,
        ),
        (
            "holding <- sustains >= 30 frames/s",
            ">= 30 fps",
            f"{f['hold_fps']:.1f} fps",
            f["hold_fps"] >= 30,
        ),
        (
            "sequential decode >= 85% of ffmpeg CLI fps",
            ">= 85%",
            f"{f['ours_fps'] / f['ff_fps']:.0%} ({f['ours_fps']:.0f} vs {f['ff_fps']:.0f} fps)",
            f["ours_fps"] / f["ff_fps"] >= 0.85,
        ),
        (
            "exact seek <= 1.2x decode from keyframe",
            "<= 1.2x",
            f"{f['seek_ratio']:.2f}x ({f['seek_ms']:.0f} vs {f['seek_key']:.0f} ms)",
            f["seek_ratio"] <= 1.2,
        ),
        (
            "filmstrip <= 1.5x ffmpeg keyframes-only",
            "<= 1.5x",
            f"{f['film'] / f['film_ff']:.2f}x ({f['film']:.2f} vs {f['film_ff']:.2f} s)",
            f["film"] / f["film_ff"] <= 1.5,
        ),
        (
            "filmstrip >= 10x faster than exact seek/thumb",
            ">= 10x",
            f"{f['film_cv'] / f['film']:.1f}x ({f['film']:.2f} vs ~{f['film_cv']:.1f} s)",
            f["film_cv"] / f["film"] >= 10,
        ),
        (
            "peak RSS < 600 MB, file open, cache full",
            "< 600 MB",
            f"{f['rss']:.0f} MB",
            f["rss"] < 600,
        ),
    ]
    out("## Targets (issue 2)")
    for name, want, got, ok in rows:
        out(f"  {'PASS' if ok else 'MISS'}  {name:47s} {want:>9s}   measured {got}")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--quick", action="store_true", help="1-minute file, fewer repeats")
    parser.add_argument("--only", choices=("all", "issue10"), default="all",
                        help="issue10: only the corpus and 4K HEVC sections")
    parser.add_argument("--out", type=Path, help=f"write the report here too (default {RESULTS})")
    parser.add_argument("--rss-child", type=Path, help=argparse.SUPPRESS)
    parser.add_argument("--uhd-rss-child", type=Path, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.rss_child:
        rss_child(args.rss_child)
        return 0
    if args.uhd_rss_child:
        corpus_bench.rss_child(args.uhd_rss_child)
        return 0
    plan = QUICK if args.quick else FULL
    out = Report()
    started = clock()
    flags = ("--quick " if args.quick else "") + ("--only issue10 " if args.only != "all" else "")
    out(f"# media_bench {flags}{datetime.now():%Y-%m-%d %H:%M}")
    out(
        f"  {platform.node()}: {os.cpu_count()} cores, Python {platform.python_version()}, "
        f"PyAV {av.__version__}, OpenCV {cv2.__version__}, {ffmpeg_version()}"
    )
    out(f"  load average at start: {load()}")
    res = Results()
    if args.only == "all":
        issue2(plan, res, out)
    measure_issue10(plan, res, out)
    out()
    corpus_table(res, out)
    out()
    if args.only == "all":
        exact = exactness(res, out)
        out()
        targets(res, exact, out)
        out()
    issue10_targets(res, out)
    out()
    out(f"  load average at end: {load()}; total {(clock() - started) / 60:.1f} min")
    dest = args.out or (None if args.quick or args.only != "all" else RESULTS)
    if dest is not None:
        dest.parent.mkdir(parents=True, exist_ok=True)
        dest.write_text(out.text(), encoding="utf-8")
        print(f"(written to {dest})")
    return 0


def issue2(plan: Plan, res: Results, out: Report) -> None:
    cfr = footage.ensure(plan.cfr, CACHE, out)
    vfr = footage.ensure(plan.vfr, CACHE, out)
    out(f"  CFR: {cfr.name}: {plan.cfr.describe()}; {cfr.stat().st_size / MB:.0f} MB")
    out(f"  VFR: {vfr.name}: {plan.vfr.describe()}; {vfr.stat().st_size / MB:.0f} MB")
    builds = []
    for _ in range(max(1, plan.repeats)):
        t0 = clock()
        index = build_index(cfr)
        builds.append(clock() - t0)
    gops = gop_bounds(index)
    out(
        f"  our index of the CFR file: {len(index)} frames, {len(gops)} keyframes, built in "
        f"{med(builds):.2f} s (median of {len(builds)})"
    )
    out()
    for step in (measure_decode, measure_back, measure_seek, measure_filmstrip):
        step(plan, cfr, index, res, out)
        out()
    measure_rss(cfr, res, out)
    out()
    measure_vfr(plan, vfr, plan.vfr, res, out)
    out()


if __name__ == "__main__":
    sys.exit(main())
