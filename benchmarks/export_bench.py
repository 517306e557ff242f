"""Export targets (#5, #14), measured against baselines in the same run.

    python benchmarks/export_bench.py [--problems 50] [--seconds 120] [--only clips|campaign]

Targets (#5): lossless clips within 1.5x of ``ffmpeg -ss -i -t -c copy``; exact clips within
1.2x of a bare re-encode with the same settings; a 50-problem deck with stills in < 20 s.
Targets (#14), on a project of 12 rounds × 300 problems (benchmarks/campaign_data.py): the
last round's bulletin, its deck (with the before/after pairs and the ranking) and the
assessment of all rounds each < 10 s; the statistics panel's refresh < 100 ms. Baselines:
python-docx / xlsxwriter writing the same number of rows plainly, the deck without the
campaign's slides, a SQL GROUP BY of the same counts.
Prints figures; it never fails a test run (timings are not asserted anywhere).
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
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


def bare(snap: snapshot.Snapshot, options: ExportOptions, out: Path, exact: bool) -> None:
    for item in snap.items:
        span = plan.span(item, options)
        args = ["-ss", f"{span.in_ms / 1000:.3f}", "-i", str(item.source),
                "-t", f"{span.duration_ms / 1000:.3f}"]
        args += video.encode_args(options) if exact else ["-c", "copy"]
        ffmpeg.run([*args, str(out / f"{item.number}.mp4")])


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
        clip_set = replace(snap, items=snap.items)
        options = ExportOptions(handle_before_ms=1000, handle_after_ms=1000)
        clips.Indexes().get(snap.items[0].source)  # warm the on-disk index cache
        results = {}
        for mode, exact in (("lossless", False), ("exact", True)):
            opts = replace(options, clip_mode=mode)
            ours_dir, bare_dir = tmp / f"ours-{mode}", tmp / f"bare-{mode}"
            bare_dir.mkdir()
            t_bare = _timed(lambda: bare(clip_set, opts, bare_dir, exact))  # noqa: B023
            t_ours = _timed(lambda: clips.export(clip_set, ours_dir, opts))  # noqa: B023
            results[mode] = (t_ours, t_bare)
        t_deck = _timed(lambda: deck.export(many, tmp / "deck.pptx", options))
    for mode, target in (("lossless", 1.5), ("exact", 1.2)):
        ours, base = results[mode]
        ratio = ours / base
        print(f"{mode:8s} clips ({len(snap.items)}): ours {ours:6.2f} s, bare ffmpeg {base:6.2f} s, "
              f"ratio {ratio:4.2f} (target <= {target}) {'OK' if ratio <= target else 'MISSED'}")
    print(f"deck     {args.problems} problems with stills: {t_deck:6.2f} s (target < 20 s) "
          f"{'OK' if t_deck < 20 else 'MISSED'}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
