"""Merge benchmark (issues 6 and 13).

    python benchmarks/merge_bench.py                  # all three cases below
    python benchmarks/merge_bench.py --case bulk      # 10 packages x 10,000 tags
    python benchmarks/merge_bench.py --case bulk --packages 3 --tags 2000
    python benchmarks/merge_bench.py --case quadratic # 6,000 close tags, two reviewers
    python benchmarks/merge_bench.py --case bomb      # zip bombs: 2 MB expanding to 2.1 GB
    python benchmarks/merge_bench.py --case quadratic --baseline a0b2290

bulk (issue 6): each laptop starts from a copy of the master (30 two-hour
footage files, 1,000 tags), edits 100 of the shared tags (some of the same
ones as other laptops, so there are real conflicts), deletes 20 and adds
new tags up to --tags: 90 % on its own three files (reviewers split the
month's footage), 10 % on three files everyone watched (so there are
likely duplicates). Target < 5 s, < 300 MB. It also times undoing a merge
into the merged 91,000-tag master (restoring it from its restore point),
and the GUI thread's longest stall while the window's Undo does it on the
session's runner, against doing it inline on the GUI thread.

quadratic (issue 13): one package of 6,000 tags on one footage file and one
category by two alternating reviewers, all within 3 s of each other: every
cross-reviewer pair is a likely duplicate, 9,000,000 of them before
duplicates were indexed (282 s, 2.1 GB). Target < 3 s, < 300 MB. With
``--baseline REV`` the same packages are also merged by the merge code of
git revision REV (at 1,500 and 3,000 tags only: its cost grows with the
square), and the ratios are printed.

bomb (issue 13): a real package whose database is followed by 2.1 GB of
zeros, declared honestly (so without caps it is extracted and merged), and
one whose footage member is 2.1 GB of zeros; both are 2 MB. Target: refused
in < 1 s with < 50 MB written (the child's write() total, /proc/self/io).

Every merge runs in a fresh child process so that its peak RSS is the
merge's alone; the child also reports its CPU time (user + sys), which moves
far less than wall time when other jobs share the 2 cores. Nothing asserts
on timing.

    python benchmarks/merge_bench.py --case bulk --keep DIR    # build into DIR, keep it
    python benchmarks/merge_bench.py --case bulk --reuse DIR   # merge DIR's packages again
                                                      # into a fresh copy of its master
    python benchmarks/merge_bench.py --case bulk --reuse DIR --repeat 5   # five merges,
                                                      # then the best and median

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
import zipfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
# A child merging with a baseline revision's code imports it from there.
sys.path.insert(0, os.environ.get("MERGE_BENCH_CODE", str(ROOT)))

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

    before, written = resource.getrusage(resource.RUSAGE_SELF), _written()
    start = time.perf_counter()
    try:
        report = merge(master, packages, reviewer="编辑")
        outcome = {"added": len(report.added), "updated": len(report.updated),
                   "conflicts": len(report.conflicts), "identical": report.identical,
                   "kept_local": report.kept_local, "duplicates": len(report.duplicates),
                   "exact_duplicates": len(getattr(report, "exact_duplicates", ()))}
    except Exception as exc:  # noqa: BLE001 - a refusal is the bomb case's result
        outcome = {"refused": exc.message("en") if hasattr(exc, "message") else repr(exc)}
    seconds = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_SELF)
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    print(json.dumps({"seconds": seconds, "cpu": cpu, "peak_mb": after.ru_maxrss / 1024,
                      "written_mb": (_written() - written) / 2**20 if written is not None else -1,
                      "load": os.getloadavg()[0], "master_mb": os.path.getsize(master) / 2**20,
                      **outcome}))


def run_undo(master: str) -> None:
    from reviewer.merge import restore
    from reviewer.store.project import Project

    point = restore.path_for(Path(master))
    size = os.path.getsize(point)
    start = time.perf_counter()
    with Project.open(master, reviewer="编辑") as project:
        opened = time.perf_counter()
        changes = restore.undo(project)
        undone = time.perf_counter()
    print(json.dumps({"open": opened - start, "undo": undone - opened, "tags": len(changes.tags),
                      "point_mb": size / 2**20}))


def run_undo_gui(master: str, package: str) -> None:
    """The window's Undo of a merge: the GUI thread's longest gap between 5 ms ticks while
    the session undoes it on its runner (as the window does), then inline on the GUI thread
    (as before): same master, same merge, one process. The table model reloads on the
    announced changes, as in the window."""
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtCore import Qt, QTimer
    from PySide6.QtWidgets import QApplication

    from reviewer.merge.engine import merge_into
    from reviewer.store.project import Project
    from ui.project.session import ProjectSession
    from ui.tags.table_model import TagTableModel
    from ui.workers import TaskRunner

    app = QApplication.instance() or QApplication([])
    session = ProjectSession(Project.open(master, reviewer="编辑"))
    TagTableModel(session, app)
    ticks: list[float] = []
    timer = QTimer()
    timer.setTimerType(Qt.TimerType.PreciseTimer)
    timer.setInterval(5)
    timer.timeout.connect(lambda: ticks.append(time.perf_counter()))
    result = {}
    for how, runner in (("runner", TaskRunner(workers=1)), ("inline", None)):
        session.merged(merge_into(session.project, [package]))
        session.runner = runner
        done: list[float] = []
        session.mergeUndoFinished.connect(lambda _e, done=done: done.append(time.perf_counter()))
        ticks.clear()
        timer.start()
        for _ in range(20):  # the ticks settle before the undo starts
            app.processEvents()
            time.sleep(0.005)
        start = time.perf_counter()
        session.undo()
        while not done:
            app.processEvents()
            time.sleep(0.001)
        for _ in range(20):
            app.processEvents()
            time.sleep(0.005)
        timer.stop()
        gaps = [b - a for a, b in zip(ticks, ticks[1:], strict=False) if b > start]
        result[how] = {"seconds": done[0] - start, "max_gap": max(gaps, default=0.0)}
        if runner is not None:
            runner.shutdown()
    session.close()
    print(json.dumps(result))


def _written() -> int | None:
    try:
        text = Path("/proc/self/io").read_text()
    except OSError:
        return None
    return int(next(line.split()[1] for line in text.splitlines() if line.startswith("wchar")))


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--case", choices=("all", "bulk", "quadratic", "bomb"), default="all")
    parser.add_argument("--packages", type=int, default=10)
    parser.add_argument("--tags", type=int, default=10_000)
    parser.add_argument("--keep", type=Path, help="bulk: build into this folder and keep it")
    parser.add_argument("--reuse", type=Path, help="bulk: merge the packages a --keep run left")
    parser.add_argument("--repeat", type=int, default=1, help="merges to run, one after another")
    parser.add_argument("--baseline", help="also merge with this git revision's merge code")
    parser.add_argument("--run", nargs="+", help=argparse.SUPPRESS)
    parser.add_argument("--run-undo", help=argparse.SUPPRESS)
    parser.add_argument("--run-undo-gui", nargs=2, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.run:
        run_merge(args.run[0], args.run[1:])
        return
    if args.run_undo:
        run_undo(args.run_undo)
        return
    if args.run_undo_gui:
        run_undo_gui(*args.run_undo_gui)
        return
    print(f"load average at start {os.getloadavg()[0]:.2f}")
    if args.case in ("all", "bulk"):
        bulk(args)
    if args.case in ("all", "quadratic"):
        quadratic(args.repeat, args.baseline)
    if args.case in ("all", "bomb"):
        bombs()
    print(f"load average at end {os.getloadavg()[0]:.2f}")


def bulk(args: argparse.Namespace) -> None:
    print(f"== bulk: {args.packages} packages x {args.tags} tags")
    if args.reuse or args.keep:
        root = args.reuse or args.keep
        if not args.reuse:
            root.mkdir(parents=True, exist_ok=True)
            build(root, args.packages, args.tags)
        measure_all(root, args.repeat, args.baseline)
        measure_undo(root / "master.shenpian")
        return
    with tempfile.TemporaryDirectory(prefix="merge-bench-") as tmp:
        build(Path(tmp), args.packages, args.tags)
        measure_all(Path(tmp), args.repeat, args.baseline)
        measure_undo(Path(tmp) / "master.shenpian")


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


def measure_undo(master: Path) -> None:
    """Merge 100 more tags into the merged master, then undo that: what Edit > Undo waits for."""
    root = master.parent
    if not (root / "crowd100.pkg").exists():
        build_crowd(root, 100)
    merged = _child(["--run", str(master), str(root / "crowd100.pkg")], None)
    r = _child(["--run-undo", str(master)], None)
    print(f"a merge of 100 tags into it: {merged['seconds']:.2f} s; its undo: {r['undo']:.2f} s "
          f"to restore the {r['point_mb']:.0f} MB master from its restore point "
          f"({r['tags']} tags changed back), after opening it in {r['open']:.2f} s")
    g = _child(["--run-undo-gui", str(master), str(root / "crowd100.pkg")], None)
    print(f"the window's Undo of that merge: {g['runner']['seconds']:.2f} s on the session's "
          f"runner, longest GUI-thread gap {g['runner']['max_gap'] * 1000:.0f} ms; inline on the "
          f"GUI thread (as before) {g['inline']['seconds']:.2f} s, gap "
          f"{g['inline']['max_gap'] * 1000:.0f} ms (ratio "
          f"{g['runner']['max_gap'] / max(g['inline']['max_gap'], 1e-6):.2f})")


def quadratic(repeat: int, baseline: str | None) -> None:
    print("== quadratic: one package, two alternating reviewers, every tag within 3 s")
    with tempfile.TemporaryDirectory(prefix="merge-bench-q-") as tmp:
        root = Path(tmp)
        sizes = (1500, 3000, 6000)
        for count in sizes:
            build_crowd(root, count)
        old = _baseline_code(root, baseline) if baseline else None
        for count in sizes:
            new = [_merge_crowd(root, count, None) for _ in range(repeat)]
            best = min(new, key=lambda r: r["seconds"])
            line = (f"{count} tags: {best['seconds']:.2f} s wall, {best['cpu']:.2f} s CPU, peak "
                    f"RSS {best['peak_mb']:.0f} MB, {best['duplicates']} proposals, master "
                    f"{best['master_mb']:.1f} MB")
            if count == 6000:
                line += (f" (targets < 3 s: {_verdict(best['seconds'] < 3)}, < 300 MB: "
                         f"{_verdict(best['peak_mb'] < 300)})")
            print(line)
            if old is not None and count <= 3000:
                was = _merge_crowd(root, count, old)
                print(f"    baseline {baseline}: {was['seconds']:.2f} s, {was['cpu']:.2f} s CPU, "
                      f"{was['peak_mb']:.0f} MB, {was['duplicates']} proposals, master "
                      f"{was['master_mb']:.1f} MB; this code takes "
                      f"{best['cpu'] / was['cpu']:.1%} of its CPU time")


def build_crowd(root: Path, count: int) -> None:
    """A master with one footage file and a package of ``count`` tags close together."""
    from reviewer.merge.pack import pack

    master = root / f"pristine{count}.shenpian"
    with Project.create(master, reviewer="编辑") as project, project.batch() as conn:
        rows.insert_media(conn, Media(
            id="m0", name="市场.mp4", fingerprint=Fingerprint(10**9, "0" * 64), abs_path="/素材/市场.mp4",
            rel_path=None, duration_ms=DURATION_MS, info={}, position=0,
            added_at="2026-11-01T00:00:00.000Z", added_by="编辑"))
    laptop = root / f"crowd{count}.shenpian"
    shutil.copy(master, laptop)
    with Project.open(laptop, reviewer="甲") as project, project.batch() as conn:
        conn.execute("INSERT INTO reviewers (name, created_at) VALUES ('乙', '2026') "
                     "ON CONFLICT DO NOTHING")
        for n in range(count):
            rows.insert_tag(conn, new_tag("m0", n * 2999 // count, "qing-laji",
                                          "甲" if n % 2 else "乙", note="垃圾堆放", place="菜市场"))
    size = os.path.getsize(pack(laptop, root / f"crowd{count}.pkg", reviewer="甲").path)
    print(f"built {count} tags: package {size / 1024:.0f} KB")


def _merge_crowd(root: Path, count: int, code: Path | None) -> dict:
    master = root / "master.shenpian"
    _fresh_copy(root / f"pristine{count}.shenpian", master)
    return _child(["--run", str(master), str(root / f"crowd{count}.pkg")], code)


def _baseline_code(root: Path, revision: str) -> Path:
    """The ``reviewer`` package as it was at ``revision``, for a child to import."""
    folder = root / f"baseline-{revision}"
    folder.mkdir()
    archive = subprocess.run(["git", "-C", str(ROOT), "archive", revision, "reviewer"],
                             capture_output=True, check=True).stdout
    subprocess.run(["tar", "-x", "-C", str(folder)], input=archive, check=True)
    return folder


def bombs() -> None:
    """A 2 MB package expanding to 2.1 GB, as database and as footage: refused, nothing written."""
    sys.path.insert(0, str(ROOT))
    from reviewer.merge.pack import pack
    from tests.merge import hostile

    print("== bomb: 2 MB packages expanding to 2.1 GB")
    with tempfile.TemporaryDirectory(prefix="merge-bench-b-") as tmp:
        root = Path(tmp)
        build_crowd(root, 100)
        package = Path(pack(root / "crowd100.shenpian", root / "small.pkg", reviewer="甲").path)
        cases = {
            "database": hostile.database_bomb(package, root / "db-bomb.pkg", 2100),
            "database (under the size cap)": hostile.database_bomb(package, root / "db-900.pkg",
                                                                 900),
            "footage": hostile.footage_bomb(package, root / "footage-bomb.pkg", 2100,
                                            lambda db, e: hostile.media_row(db, e, root)),
        }
        for name, bomb in cases.items():
            master = root / "master.shenpian"
            _fresh_copy(root / "pristine100.shenpian", master)
            r = _child(["--run", str(master), str(bomb)], None)
            size = os.path.getsize(bomb) / 2**20
            inside = zipfile.ZipFile(bomb).infolist()[-3 if name == "footage" else 0].file_size
            print(f"{name} bomb ({size:.1f} MB, {inside / 1e9:.1f} GB inside): "
                  f"{r['seconds'] * 1000:.0f} ms, "
                  f"{r['written_mb']:.2f} MB written (targets < 1 s: "
                  f"{_verdict(r['seconds'] < 1)}, < 50 MB: {_verdict(0 <= r['written_mb'] < 50)})"
                  f", peak RSS {r['peak_mb']:.0f} MB: {r.get('refused', 'NOT REFUSED')}")


def _fresh_copy(pristine: Path, master: Path) -> None:
    for suffix in ("", "-wal", "-shm", ".merge-undo"):
        Path(str(master) + suffix).unlink(missing_ok=True)
    shutil.copy(pristine, master)


def _child(argv: list[str], code: Path | None) -> dict:
    env = dict(os.environ, MERGE_BENCH_CODE=str(code)) if code else None
    out = subprocess.run([sys.executable, __file__, *argv], capture_output=True, text=True,
                         check=True, env=env)
    return json.loads(out.stdout.strip().splitlines()[-1])


def _verdict(ok: bool) -> str:
    return "PASS" if ok else "MISS"


def measure_all(root: Path, repeat: int, baseline: str | None = None) -> None:
    """``repeat`` merges; with a baseline, each is paired with one by the baseline's code."""
    old = _baseline_code(root, baseline) if baseline and not (root / f"baseline-{baseline}").exists() \
        else (root / f"baseline-{baseline}" if baseline else None)
    results, was = [], []
    for _ in range(repeat):
        results.append(measure(root, None))
        if old is not None:
            was.append(measure(root, old, label=f"baseline {baseline}"))
    if repeat > 1:
        _medians("this code", results)
    if was:
        _medians(f"baseline {baseline}", was)
        ratio = statistics.median(r["cpu"] for r in results) / statistics.median(
            r["cpu"] for r in was)
        print(f"median CPU: this code takes {ratio:.0%} of the baseline's")
    measure(root, None, quiet=True)  # leave the master merged by this code (for the undo)


def _medians(label: str, results: list[dict]) -> None:
    walls = sorted(r["seconds"] for r in results)
    cpus = sorted(r["cpu"] for r in results)
    print(f"{label}, {len(results)} merges: wall best {walls[0]:.2f} s, median "
          f"{statistics.median(walls):.2f} s; CPU best {cpus[0]:.2f} s, median "
          f"{statistics.median(cpus):.2f} s; peak RSS at most "
          f"{max(r['peak_mb'] for r in results):.0f} MB")


def measure(root: Path, code: Path | None, label: str = "merge", quiet: bool = False) -> dict:
    """Merge every package in ``root`` into a fresh copy of its untouched master."""
    master = root / "master.shenpian"
    _fresh_copy(root / "pristine.shenpian", master)
    packages = sorted(str(p) for p in root.glob("laptop*.pkg"))
    result = _child(["--run", str(master), *packages], code)
    if quiet:
        return result
    print(f"{label}: {result['seconds']:.2f} s wall, {result['cpu']:.2f} s CPU (target < 5 s: "
          f"{_verdict(result['seconds'] < 5)}), peak RSS {result['peak_mb']:.0f} MB "
          f"(target < 300 MB: {_verdict(result['peak_mb'] < 300)}), "
          f"load average {result['load']:.2f}")
    print("report: " + ", ".join(f"{k} {v}" for k, v in result.items()
                                 if k not in ("seconds", "cpu", "peak_mb", "load", "written_mb",
                                              "master_mb")))
    return result


if __name__ == "__main__":
    main()
