"""Export targets (#5, #14), measured against baselines in the same run.

    python benchmarks/export_bench.py [--problems 50] [--seconds 120] [--only clips|campaign]

Targets (#5): lossless clips within 1.5x of ``ffmpeg -ss -i -t -c copy``; exact clips within
1.2x of a bare re-encode with the same settings; a 50-problem deck with stills in < 20 s.
Also exact clips of phone VFR footage, constant-rate (the default) and ``vfr=True``,
against bare re-encodes at the same rate / passthrough (ADR 0013). Clip timings are
medians of three interleaved rounds (the machine is shared).
Targets (#14), on a project of 12 rounds × 300 problems (benchmarks/campaign_data.py): the
last round's bulletin, its deck (with the before/after pairs and the ranking) and the
assessment of all rounds each < 10 s; the statistics panel's refresh < 100 ms. Baselines:
python-docx / xlsxwriter writing the same number of rows plainly, the deck without the
campaign's slides, a SQL GROUP BY of the same counts.
Prints figures; it never fails a test run (timings are not asserted anywhere).
"""

from __future__ import annotations

import argparse
import resource
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from dataclasses import replace
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from reviewer.export import clips, deck, ffmpeg, plan, selection, snapshot, video  # noqa: E402
from reviewer.export.common import ExportOptions  # noqa: E402
from reviewer.store.demo import create_demo  # noqa: E402
from reviewer.store.project import Project  # noqa: E402


def _timed(fn) -> float:
    start = time.perf_counter()
    fn()
    return time.perf_counter() - start


def _child_cpu() -> float:
    """CPU seconds used by finished child processes (ffmpeg): unlike wall time, barely
    moved by other work on a shared machine."""
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def bare(snap: snapshot.Snapshot, options: ExportOptions, out: Path, exact: bool,
         extra: tuple[str, ...] = ()) -> None:
    for item in snap.items:
        span = plan.span(item, options)
        args = ["-ss", f"{span.in_ms / 1000:.3f}", "-i", str(item.source),
                "-t", f"{span.duration_ms / 1000:.3f}", *extra]
        args += video.encode_args(options) if exact else ["-c", "copy"]
        ffmpeg.run([*args, str(out / f"{item.number}.mp4")])


def race(runs: dict[str, Callable[[Path], object]], tmp: Path, rounds: int = 3
         ) -> dict[str, tuple[float, float]]:
    """Median (wall, ffmpeg CPU) seconds of each run, over interleaved rounds: the machine
    is shared and its load comes and goes, so ours and bare ffmpeg are timed side by side,
    not one after the other. Each run writes into a fresh folder."""
    times: dict[str, list[tuple[float, float]]] = {name: [] for name in runs}
    for n in range(rounds):
        for name, fn in runs.items():
            out = tmp / f"{name}-{n}"
            out.mkdir()
            cpu = _child_cpu()
            wall = _timed(lambda fn=fn, out=out: fn(out))
            times[name].append((wall, _child_cpu() - cpu))
    return {name: (statistics.median(w for w, _ in t), statistics.median(c for _, c in t))
            for name, t in times.items()}


def demo_runs(snap: snapshot.Snapshot, options: ExportOptions) -> dict[str, Callable]:
    lossless = replace(options, clip_mode="lossless")
    return {
        "lossless": lambda out: clips.export(snap, out, lossless),
        "bare lossless": lambda out: bare(snap, lossless, out, False),
        "exact": lambda out: clips.export(snap, out, options),
        "bare exact": lambda out: bare(snap, options, out, True),
    }


def phone_runs(tmp: Path, seconds: float) -> dict[str, Callable]:
    """12 tags on a 640x360 phone VFR file: ours constant-rate and VFR; bare ffmpeg at the
    same constant rate (as many frames to encode) and passthrough."""
    from tests.export import vfr_footage as vf

    times = vf.phone_times(fast_s=seconds * 0.4, slow_s=seconds * 0.4, seed=3)
    footage = vf.encode(tmp / "phone.mp4", times, width=640, height=360, audio=True)
    project = Project.create(tmp / "phone.shenpian")
    media = project.add_media(footage.path).select
    step = footage.frames // 13
    for n in range(1, 13):
        a = n * step
        project.add_tag(media, footage.times_ms[a], "qing-laji",
                        end_ms=footage.times_ms[min(a + 60, footage.frames - 1)])
    snap = snapshot.take(project, selection.Selection())
    project.close()
    options = ExportOptions(handle_before_ms=500, handle_after_ms=500)
    rate = video.fraction_text(video.clip_rate(clips.Indexes().get(footage.path)))
    return {
        "vfr->cfr": lambda out: clips.export(snap, out, options),
        "bare vfr->cfr": lambda out: bare(snap, options, out, True, ("-r", rate)),
        "vfr kept": lambda out: clips.export(snap, out, replace(options, vfr=True)),
        "bare vfr kept": lambda out: bare(snap, options, out, True, ("-fps_mode", "passthrough")),
    }


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--problems", type=int, default=50)
    parser.add_argument("--seconds", type=float, default=120.0)
    parser.add_argument("--only", choices=("clips", "campaign"))
    args = parser.parse_args()
    if args.only != "clips":
        from benchmarks import campaign_bench

        campaign_bench.run()
    if args.only == "campaign":
        return 0
    with tempfile.TemporaryDirectory() as tmp_name:
        tmp = Path(tmp_name)
        demo = create_demo(tmp / "bench.shenpian", total_seconds=args.seconds)
        with Project.open(demo, read_only=True) as project:
            snap = snapshot.take(project, selection.Selection())
        # Repeat the demo's 12 tags (renumbered) up to the asked number of problems.
        items = [replace(snap.items[n % len(snap.items)], number=n + 1)
                 for n in range(args.problems)]
        many = replace(snap, items=tuple(items))
        options = ExportOptions(handle_before_ms=1000, handle_after_ms=1000)
        clips.Indexes().get(snap.items[0].source)  # warm the on-disk index cache
        runs = {**demo_runs(snap, options), **phone_runs(tmp, args.seconds / 2)}
        medians = race(runs, tmp)
        t_deck = _timed(lambda: deck.export(many, tmp / "deck.pptx", options))
    for name, target in (("lossless", 1.5), ("exact", 1.2), ("vfr->cfr", 1.2), ("vfr kept", 1.2)):
        (ours, ours_cpu), (base, base_cpu) = medians[name], medians[f"bare {name}"]
        ratio = ours / base
        print(f"{name:8s} clips (12): ours {ours:6.2f} s, bare ffmpeg {base:6.2f} s, "
              f"ratio {ratio:4.2f} (target <= {target}) {'OK' if ratio <= target else 'MISSED'}; "
              f"ffmpeg CPU {ours_cpu:5.2f} / {base_cpu:5.2f} s = {ours_cpu / base_cpu:4.2f}")
    print(f"deck     {args.problems} problems with stills: {t_deck:6.2f} s (target < 20 s) "
          f"{'OK' if t_deck < 20 else 'MISSED'}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
