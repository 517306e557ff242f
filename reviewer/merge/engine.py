"""``merge``: bring reviewers' packages into the master project in one transaction.

Packages are read and validated completely first (nothing is written if
one is refused), put in a canonical order (so the order they were given in
cannot change the result), then applied inside a single transaction: a
failure anywhere leaves the master exactly as it was.
"""

from __future__ import annotations

import gc
import os
import sqlite3
from collections import deque
from collections.abc import Callable, Iterator, Sequence
from concurrent.futures import Future, ThreadPoolExecutor
from contextlib import contextmanager, suppress
from dataclasses import replace
from itertools import islice
from pathlib import Path

from reviewer.merge import footage, limits, restore
from reviewer.merge.codebook_drift import merge_codebook
from reviewer.merge.duplicates import propose_duplicates
from reviewer.merge.errors import MergeCancelledError, NoPackagesError
from reviewer.merge.media_map import MediaMap, map_media
from reviewer.merge.model import MergeReport
from reviewer.merge.pack import DB_MEMBER
from reviewer.merge.package import OpenedPackage, Package, open_checked, read_opened
from reviewer.merge.tags import TagMerge
from reviewer.redact import merge as redact_merge
from reviewer.review import merge as coverage_merge
from reviewer.store import rows
from reviewer.store.errors import ProjectNotFoundError, ProjectReadOnlyError
from reviewer.store.location import check_local
from reviewer.store.model import now_iso
from reviewer.store.project import Project

Progress = Callable[[int, int], None]
Cancelled = Callable[[], bool]


def merge(master: str | os.PathLike[str], packages: Sequence[str | os.PathLike[str]],
          reviewer: str = "", footage_dir: str | os.PathLike[str] | None = None,
          progress: Progress | None = None, cancelled: Cancelled | None = None,
          dry_run: bool = False) -> MergeReport:
    """Check every package, then open ``master`` for writing and merge them into it.

    The master is not opened until every package has passed its checks, so a
    refused package leaves it byte for byte as it was. ``dry_run`` counts
    what the merge would do in a transaction that is rolled back.
    """
    if not packages:
        raise NoPackagesError("")
    target = check_local(master)
    if not target.is_file():
        raise ProjectNotFoundError(target)
    with _collector_paused():
        loaded = _load_all(target, packages, len(packages) + 1, progress, cancelled)
        if not dry_run:
            _preflight(target, loaded, footage_dir)
        with Project.open(target, reviewer=reviewer) as project:
            if project.read_only:
                raise ProjectReadOnlyError(project.path, project.read_only_reason)
            return _merge_loaded(project, loaded, footage_dir, progress, cancelled, dry_run)


def _preflight(master: Path, loaded: list[Package],
               footage_dir: str | os.PathLike[str] | None) -> None:
    """Refusals that can be known before the master is opened for writing, which touches it.

    Repeated where they happen: these only spare the master a needless open.
    """
    restore.check_space(master)
    if any(e.member for p in loaded for e in p.manifest.media):
        with Project.open(master, read_only=True) as project:
            known = _known_footage(project)
        footage.check_space(canonical(loaded), known, _footage_folder(master, footage_dir))


def _known_footage(project: Project) -> set[tuple[int, str]]:
    return {(r[0], r[1]) for r in project.query("SELECT size_bytes, head_tail_sha256 FROM media")}


def _footage_folder(master: Path, footage_dir: str | os.PathLike[str] | None) -> Path:
    return Path(footage_dir) if footage_dir else default_footage_dir(master)


def merge_into(project: Project, packages: Sequence[str | os.PathLike[str]],
               footage_dir: str | os.PathLike[str] | None = None,
               progress: Progress | None = None,
               cancelled: Cancelled | None = None, dry_run: bool = False) -> MergeReport:
    """Merge into an open project (the UI's session holds it); all or nothing."""
    if not packages:
        raise NoPackagesError("")
    with _collector_paused():
        loaded = _load_all(project.path, packages, len(packages) + 1, progress, cancelled)
        return _merge_loaded(project, loaded, footage_dir, progress, cancelled, dry_run)


def _merge_loaded(project: Project, loaded: list[Package],
                  footage_dir: str | os.PathLike[str] | None, progress: Progress | None,
                  cancelled: Cancelled | None, dry_run: bool) -> MergeReport:
    ordered = canonical(loaded)
    if cancelled and cancelled():
        raise MergeCancelledError(project.path)
    if dry_run:
        with project.trial() as conn:
            report = replace(_apply(conn, project, ordered, {}, now_iso()), dry_run=True)
    else:
        report = _write(project, ordered, footage_dir)
    if progress:
        progress(len(loaded) + 1, len(loaded) + 1)
    return report


def _write(project: Project, ordered: list[Package],
           footage_dir: str | os.PathLike[str] | None) -> MergeReport:
    """Restore point, footage, then one transaction; anything failing leaves no file behind."""
    point = restore.take(project)
    written: dict[tuple[int, str], Path] = {}
    at = now_iso()
    try:
        folder = _footage_folder(project.path, footage_dir)
        written = footage.extract(ordered, _known_footage(project), folder)
        with project.batch() as conn:
            report = _apply(conn, project, ordered, written, at)
            if report.changed:
                restore.mark(conn, point, at, [p.path.name for p in ordered])
    except BaseException:
        footage.remove(written.values())  # the master is untouched, so leave no files either
        restore.discard(point)
        raise
    if not report.changed:
        restore.discard(point)  # nothing to undo: the last merge's point stays
        return report
    restore.keep(point)
    return replace(report, restore_point=str(point.final))


# A big merge allocates millions of objects that live until it ends (rows, tags), and
# they set off ~500 collections: 0.15-0.2 s of 10 packages' merge, freeing a few dozen
# objects, since rows and tags hold no cycles. Reference counting still frees
# everything as usual; the collector resumes (if it ran before) when the merge ends.
@contextmanager
def _collector_paused() -> Iterator[None]:
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()


# Unzipping, hashing, SQLite's integrity check and its history query release the
# GIL; reading and validating rows holds it. So helper threads check the next
# packages while this thread reads the rows of the one before (two threads both
# reading rows only took turns on the GIL: about 1 s of CPU in hand-offs for 10
# packages). One checker per package ahead: a package packed before the copy was
# stripped of its indexes takes longer to check (~120 ms) than to read (~75 ms),
# and two keep ahead of the reader on two cores. Each holds its private copy and
# a connection until read.
_AHEAD = 2


def _load_all(label: Path, paths: Sequence[str | os.PathLike[str]], total: int,
              progress: Progress | None, cancelled: Cancelled | None) -> list[Package]:
    """Every package read and validated, or the first refusal in the order given."""
    if cancelled and cancelled():
        raise MergeCancelledError(label)
    loaded: list[Package] = []
    waiting = iter(paths)
    with ThreadPoolExecutor(max_workers=_AHEAD, thread_name_prefix="merge-check") as pool:
        ahead = deque(pool.submit(open_checked, p) for p in islice(waiting, _AHEAD))
        try:
            while ahead:
                opened = ahead.popleft().result()  # in the order given: its refusal first
                ahead.extend(pool.submit(open_checked, p) for p in islice(waiting, 1))
                _check_totals(loaded, opened)
                loaded.append(read_opened(opened))
                if progress:
                    progress(len(loaded), total)
                if cancelled and cancelled():
                    raise MergeCancelledError(label)
        except BaseException:
            _discard(ahead)  # no checker outlives a refusal, and no private copy either
            raise
    return loaded


def _check_totals(loaded: list[Package], opened: OpenedPackage) -> None:
    """The whole merge's work within its caps, before this package's rows are read.

    Its counts were checked against its database already (``package._check_sizes``).
    """
    caps = limits.LIMITS
    manifests = [p.manifest for p in loaded] + [opened.manifest]
    try:
        limits.check_count("tags in all packages", sum(m.tags for m in manifests),
                           caps.total_tags, opened.source)
        limits.check_count("bytes in all packages", sum(
            f.size for m in manifests for f in m.files if f.member == DB_MEMBER),
            caps.total_database_bytes, opened.source)
    except BaseException:
        opened.close()
        raise


def _discard(ahead: deque[Future[OpenedPackage]]) -> None:
    for future in ahead:
        if future.cancel():
            continue
        with suppress(Exception):  # its own refusal no longer matters
            future.result().close()


def canonical(packages: list[Package]) -> list[Package]:
    """The order every merge uses, whatever order the packages came in; a repeat counts once."""
    unique = {p.checksum: p for p in packages}
    return sorted(unique.values(), key=lambda p: (p.source_id, p.manifest.created_at, p.checksum))


def default_footage_dir(project_path: Path) -> Path:
    return project_path.with_name(project_path.stem + "_素材")


# SQLite's default 2 MB page cache makes a bulk merge spill its dirty pages and
# re-read them; this much keeps a 100,000-tag merge in memory, well inside the
# 300 MB budget. The project's own setting is restored afterwards.
_MERGE_CACHE_KIB = 16 * 1024


@contextmanager
def _bigger_cache(conn: sqlite3.Connection) -> Iterator[None]:
    before = conn.execute("PRAGMA cache_size").fetchone()[0]
    conn.execute(f"PRAGMA cache_size = -{_MERGE_CACHE_KIB}")
    try:
        yield
    finally:
        conn.execute(f"PRAGMA cache_size = {int(before)}")


# CPython 3.11's sqlite3 "adapts" every None it binds: it looks for ``__adapt__`` on
# its PrepareProtocol type, which raises and discards an AttributeError each time
# (0.4 µs). A merge binds ~800,000 NULLs (a tag's empty optional fields): 0.3 s. An
# adapter registered for None is found first and returns None, bound as NULL as
# before. Registered for the merge only, and only if no one else registered one.
_NONE_ADAPTER = (type(None), sqlite3.PrepareProtocol)
_none: Callable[[object], None] = {}.get  # None for None; C, so no Python frame per call


@contextmanager
def _nulls_bound_directly() -> Iterator[None]:
    if _NONE_ADAPTER in sqlite3.adapters:
        yield
        return
    sqlite3.register_adapter(type(None), _none)
    try:
        yield
    finally:
        sqlite3.adapters.pop(_NONE_ADAPTER, None)


def _apply(conn: sqlite3.Connection, project: Project, packages: list[Package],
           written: dict[tuple[int, str], Path], at: str) -> MergeReport:
    with _bigger_cache(conn), _nulls_bound_directly():
        return _apply_all(conn, project, packages, written, at)


def _apply_all(conn: sqlite3.Connection, project: Project, packages: list[Package],
               written: dict[tuple[int, str], Path], at: str) -> MergeReport:
    who = project.reviewer
    media: MediaMap = map_media(conn, packages, written, project.path, at)
    proposals, renamed = merge_codebook(conn, packages, at)
    tag_merge = TagMerge(conn, media, who, at)
    outcome = tag_merge.run(packages)
    duplicates = propose_duplicates(conn, set(outcome.added) | set(outcome.updated), at,
                                    outcome.inserted)
    redact_merge.apply(conn, packages, media, who, at)  # hook: #15 regions, after their tags
    coverage_merge.apply(conn, packages, media, at)  # hook: #16 what reviewers watched
    pending = conn.execute("SELECT COUNT(*) FROM merge_conflicts WHERE status = 'pending'").fetchone()[0]
    report = MergeReport(
        packages=outcome.summaries, added=outcome.added, updated=outcome.updated,
        identical=outcome.identical, kept_local=outcome.kept_local, conflicts=outcome.conflicts,
        duplicates=duplicates, exact_duplicates=outcome.absorbed, codebook=proposals, renamed=renamed,
        media_added=media.added, media_matched=media.matched,
        footage_extracted=tuple(str(p) for p in written.values()), pending_conflicts=pending)
    if report.changed:
        _record(conn, packages, report, who, at)
    return report


def _record(conn: sqlite3.Connection, packages: list[Package], report: MergeReport, who: str,
            at: str) -> None:
    """The merge in the audit log and the sources table; a no-op merge writes nothing."""
    by_checksum = {s.checksum: s for s in report.packages}
    for package in packages:
        m = package.manifest
        conn.execute(
            "INSERT INTO merge_sources (source_id, reviewer, host, project_id, first_merged_at, "
            "last_merged_at, last_checksum) VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT (source_id) "
            "DO UPDATE SET last_merged_at = excluded.last_merged_at, "
            "last_checksum = excluded.last_checksum",
            (package.source_id, m.reviewer, m.host, m.project_id, at, at, package.checksum))
        summary = by_checksum[package.checksum]
        rows.audit(conn, who, at, "merge", "package", package.checksum, None, {
            "file": package.path.name, "source": package.source_id, "reviewer": m.reviewer,
            "added": summary.added, "updated": summary.updated, "identical": summary.identical,
            "kept_local": summary.kept_local, "conflicts": summary.conflicts,
            "exact_duplicates": summary.exact_duplicates})
