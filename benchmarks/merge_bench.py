"""Merge benchmark (issue 6): 10 packages x 10,000 tags each merged into a master.

    python benchmarks/merge_bench.py                  # 10 packages x 10,000 tags
    python benchmarks/merge_bench.py --packages 3 --tags 2000

Each laptop starts from a copy of the master (30 two-hour footage files,
1,000 tags), edits 100 of the shared tags (some of the same ones as other
laptops, so there are real conflicts), deletes 20 and adds new tags up to
--tags: 90 % on its own three files (reviewers split the month's footage),
10 % on three files everyone watched (so there are likely duplicates). The
merge runs in a fresh child process so that its peak RSS is the merge's
alone. Targets: < 5 s and < 300 MB. Nothing asserts on timing.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import resource
import shutil
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

    start = time.perf_counter()
    report = merge(master, packages, reviewer="编辑")
    seconds = time.perf_counter() - start
    peak_kib = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    print(json.dumps({"seconds": seconds, "peak_mb": peak_kib / 1024, "added": len(report.added),
                      "updated": len(report.updated), "conflicts": len(report.conflicts),
                      "identical": report.identical, "kept_local": report.kept_local,
                      "duplicates": len(report.duplicates)}))


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--packages", type=int, default=10)
    parser.add_argument("--tags", type=int, default=10_000)
    parser.add_argument("--run", nargs="+", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.run:
        run_merge(args.run[0], args.run[1:])
        return
    from reviewer.merge.pack import pack

    with tempfile.TemporaryDirectory(prefix="merge-bench-") as tmp:
        root = Path(tmp)
        master = root / "master.shenpian"
        t0 = time.perf_counter()
        build_master(master)
        packages = []
        for n in range(args.packages):
            laptop = root / f"laptop{n}.shenpian"
            build_laptop(master, laptop, n, args.tags)
            packages.append(str(pack(laptop, root / f"laptop{n}.pkg", reviewer=f"审片员{n}").path))
        setup = time.perf_counter() - t0
        size = sum(os.path.getsize(p) for p in packages) / len(packages) / 1e6
        print(f"setup {setup:.1f} s; {args.packages} packages x {args.tags} tags, "
              f"{size:.1f} MB each")
        out = subprocess.run([sys.executable, __file__, "--run", str(master), *packages],
                             capture_output=True, text=True, check=True)
        result = json.loads(out.stdout.strip().splitlines()[-1])
        print(f"merge: {result['seconds']:.2f} s (target < 5 s: "
              f"{'PASS' if result['seconds'] < 5 else 'MISS'}), peak RSS {result['peak_mb']:.0f} MB "
              f"(target < 300 MB: {'PASS' if result['peak_mb'] < 300 else 'MISS'})")
        print("report: " + ", ".join(f"{k} {v}" for k, v in result.items()
                                     if k not in ("seconds", "peak_mb")))


if __name__ == "__main__":
    main()
