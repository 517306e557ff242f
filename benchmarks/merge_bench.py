"""Merge benchmark (issue 6): 10 packages x 10,000 tags each merged into a master.

    python benchmarks/merge_bench.py                  # 10 packages x 10,000 tags
    python benchmarks/merge_bench.py --packages 3 --tags 2000

Each laptop starts from a copy of the master (30 two-hour footage files,
1,000 tags), edits 100 of the shared tags (some of the same ones as other
laptops, so there are real conflicts), deletes 20 and adds new tags up to
--tags: 90 % on its own three files (reviewers split the month's footage),
10 % on three files everyone watched (so there are likely duplicates). The
merge runs in a fresh child process so that its peak RSS is the merge's
alone; the child also reports its CPU time (user + sys), which moves far
less than wall time when other jobs share the 2 cores. Targets: < 5 s and
< 300 MB. Nothing asserts on timing.

    python benchmarks/merge_bench.py --keep DIR       # build into DIR, keep it
    python benchmarks/merge_bench.py --reuse DIR      # merge DIR's packages again
                                                      # into a fresh copy of its master
    python benchmarks/merge_bench.py --reuse DIR --repeat 5   # five merges, then the
                                                      # best and median (shared machines)

Packages keep the format they were packed in: a DIR built before ``pack``
stripped the search and other indexes from its copy (ADR 0004, Performance)
is still accepted, but checking it costs more; ``--keep`` builds a new set.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from reviewer.store import rows  # noqa: E402
from reviewer.store.model import Fingerprint, Media, new_tag  # noqa: E402
from reviewer.store.project import Project  # noqa: E402

SHARED = 1000
DURATION_MS = 2 * 3600 * 1000


def build_master(path: Path) -> list[str]:
    with Project.create(path, reviewer="编辑") as project, project.batch() as conn:
        ids = []
        for n in range(30):
            media = Media(id=f"m{n}", name=f"第{n}段.mp4", fingerprint=Fingerprint(10**9 + n, f"{n:064x}"),
                          abs_path=f"/素材/第{n}段.mp4", rel_path=None, duration_ms=DURATION_MS,
                          info={}, position=n, added_at="2026-11-01T00:00:00.000Z", added_by="编辑")
            rows.insert_media(conn, media)
            ids.append(media.id)
        book = project.codebook()
        _add_tags(conn, ids, book, "编辑", SHARED, random.Random(0), ids)
    return ids


def _add_tags(conn, media_ids, book, who, count, rng, common=()):
    cats = [c.id for c in book.categories]
    uuids = []
    conn.execute("INSERT INTO reviewers (name, created_at) VALUES (?, '2026') ON CONFLICT DO NOTHING",
                 (who,))
    for _ in range(count):
        media = rng.choice(common) if common and rng.random() < 0.1 else rng.choice(media_ids)
        tag = new_tag(media, rng.randrange(DURATION_MS), rng.choice(cats), who,
                      note=f"{who}的记录 {rng.random():.6f}", place="某镇某路")
        rows.insert_tag(conn, tag)
        rows.audit(conn, who, tag.created_at, "add", "tag", tag.uuid, None, tag.to_dict())
        uuids.append(tag.uuid)
    return uuids


def build_laptop(master: Path, path: Path, n: int, tags: int) -> None:
    shutil.copy(master, path)
    who = f"审片员{n}"
    rng = random.Random(n + 1)
    with Project.open(path, reviewer=who) as project:
        shared = [t.uuid for t in project.tags()]
        all_media = [m.id for m in project.media()]
        media_ids = all_media[3 + 3 * n: 6 + 3 * n] or all_media
        book = project.codebook()
        with project.batch() as conn:
            for uuid in rng.sample(shared, 100):
                rows.update_tag(conn, uuid, {"note": f"{who}改"}, who, f"2026-11-0{1 + n % 9}T10:00:00.{n:03d}Z")
                rows.audit(conn, who, f"2026-11-0{1 + n % 9}T10:00:00.{n:03d}Z", "edit", "tag", uuid)
            for uuid in rng.sample(shared, 20):
                conn.execute("UPDATE tags SET deleted_at = ?, deleted_by = ?, updated_at = ?, "
                             "updated_by = ?, revision = revision + 1 WHERE uuid = ?",
                             ("2026-11-20T00:00:00.000Z", who, f"2026-11-20T00:00:0{n}.000Z", who, uuid))
            _add_tags(conn, media_ids, book, who, tags - SHARED, rng, all_media[:3])


def run_merge(master: str, packages: list[str]) -> None:
    from reviewer.merge.engine import merge

    before = resource.getrusage(resource.RUSAGE_SELF)
    start = time.perf_counter()
    report = merge(master, packages, reviewer="编辑")
    seconds = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_SELF)
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    print(json.dumps({"seconds": seconds, "cpu": cpu, "peak_mb": after.ru_maxrss / 1024,
                      "load": os.getloadavg()[0], "added": len(report.added),
                      "updated": len(report.updated), "conflicts": len(report.conflicts),
                      "identical": report.identical, "kept_local": report.kept_local,
                      "duplicates": len(report.duplicates)}))


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--packages", type=int, default=10)
    parser.add_argument("--tags", type=int, default=10_000)
    parser.add_argument("--keep", type=Path, help="build into this folder and keep it")
    parser.add_argument("--reuse", type=Path, help="merge the packages a --keep run left")
    parser.add_argument("--repeat", type=int, default=1, help="merges to run, one after another")
    parser.add_argument("--run", nargs="+", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.run:
        run_merge(args.run[0], args.run[1:])
    elif args.reuse:
        measure_all(args.reuse, args.repeat)
    elif args.keep:
        args.keep.mkdir(parents=True, exist_ok=True)
        build(args.keep, args.packages, args.tags)
        measure_all(args.keep, args.repeat)
    else:
        with tempfile.TemporaryDirectory(prefix="merge-bench-") as tmp:
            build(Path(tmp), args.packages, args.tags)
            measure_all(Path(tmp), args.repeat)


def build(root: Path, packages: int, tags: int) -> None:
    from reviewer.merge.pack import pack

    t0 = time.perf_counter()
    build_master(root / "pristine.shenpian")
    sizes = []
    for n in range(packages):
        laptop = root / f"laptop{n}.shenpian"
        build_laptop(root / "pristine.shenpian", laptop, n, tags)
        sizes.append(os.path.getsize(pack(laptop, root / f"laptop{n}.pkg",
                                          reviewer=f"审片员{n}").path))
    print(f"setup {time.perf_counter() - t0:.1f} s; {packages} packages x {tags} tags, "
          f"{sum(sizes) / len(sizes) / 1e6:.1f} MB each")


def measure_all(root: Path, repeat: int) -> None:
    results = [measure(root) for _ in range(repeat)]
    if repeat > 1:
        walls = sorted(r["seconds"] for r in results)
        cpus = sorted(r["cpu"] for r in results)
        print(f"{repeat} merges: wall best {walls[0]:.2f} s, median {statistics.median(walls):.2f} s; "
              f"CPU best {cpus[0]:.2f} s, median {statistics.median(cpus):.2f} s; "
              f"peak RSS at most {max(r['peak_mb'] for r in results):.0f} MB")


def measure(root: Path) -> dict:
    """Merge every package in ``root`` into a fresh copy of its untouched master."""
    master = root / "master.shenpian"
    for suffix in ("", "-wal", "-shm"):
        Path(str(master) + suffix).unlink(missing_ok=True)
    shutil.copy(root / "pristine.shenpian", master)
    packages = sorted(str(p) for p in root.glob("laptop*.pkg"))
    out = subprocess.run([sys.executable, __file__, "--run", str(master), *packages],
                         capture_output=True, text=True, check=True)
    result = json.loads(out.stdout.strip().splitlines()[-1])
    print(f"merge: {result['seconds']:.2f} s wall, {result['cpu']:.2f} s CPU (target < 5 s: "
          f"{'PASS' if result['seconds'] < 5 else 'MISS'}), peak RSS {result['peak_mb']:.0f} MB "
          f"(target < 300 MB: {'PASS' if result['peak_mb'] < 300 else 'MISS'}), "
          f"load average {result['load']:.2f}")
    print("report: " + ", ".join(f"{k} {v}" for k, v in result.items()
                                 if k not in ("seconds", "cpu", "peak_mb", "load")))
    return result


if __name__ == "__main__":
    main()
