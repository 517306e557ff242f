"""Undo a merge: a restore point beside the master, taken before it, kept until the next one.

Before a merge writes anything, the master is copied with SQLite's backup
API to ``MASTER.merge-undo.part`` (never a file copy: a live WAL database
copied as a file can miss every recent edit), switched to a rollback
journal so it is one file, and synced. The merge's own transaction records
the copy's SHA-256 and the last audit row of the merge under the project
key ``merge_undo``. Once the merge has committed, the copy becomes
``MASTER.merge-undo`` (replacing the last merge's); a merge that changed
nothing, failed or was cancelled deletes it and leaves the previous one.

Undoing copies the restore point back into the open project through the
backup API (``Project.restore_from``), then writes one ``merge-undo`` audit
row. A project changed since the merge (any audit row after the merge's
last) is refused unless the caller accepts losing those changes: the UI
does, having undone the edits on its stack first (ADR 0010).
"""

from __future__ import annotations

import contextlib
import errno
import hashlib
import json
import os
import shutil
import sqlite3
from dataclasses import dataclass
from pathlib import Path

from reviewer.merge.errors import (
    ChangedSinceMergeError,
    NothingToUndoError,
    RestoreFailedError,
    RestorePointMissingError,
)
from reviewer.store import rows
from reviewer.store.model import Changes, now_iso
from reviewer.store.project import Project

MARKER = "merge_undo"  # the project-table key naming the restore point
SUFFIX = ".merge-undo"
_BLOCK = 1024 * 1024
_SQLITE_FULL = 13


@dataclass(frozen=True)
class RestorePoint:
    """A copy of the master as it was before a merge, not yet the kept one."""

    part: Path
    sha256: str

    @property
    def final(self) -> Path:
        return self.part.with_name(self.part.name.removesuffix(".part"))


def path_for(master: Path) -> Path:
    return master.with_name(master.name + SUFFIX)


def take(project: Project) -> RestorePoint:
    """Copy the master beside itself before the merge writes; refused if the disk is full."""
    part = path_for(project.path).with_name(path_for(project.path).name + ".part")
    check_space(project.path)
    try:
        part.unlink(missing_ok=True)  # a crash's leftover: never the kept point
        project.backup_to(part)
        _single_file(part)
        return RestorePoint(part, _sha256(part, fsync=True))
    except (OSError, sqlite3.Error) as exc:
        with contextlib.suppress(OSError):
            part.unlink(missing_ok=True)
        raise RestoreFailedError(project.path, _why(exc)) from exc


# A restore point is a page copy of the master: it needs the master's size, and
# the merge itself then needs room for its transaction.
_SPARE = 64 * 1024 * 1024


def check_space(master: Path) -> None:
    """Refuse a merge whose restore point could not be written, before anything is."""
    free = shutil.disk_usage(master.parent).free
    need = master.stat().st_size + _SPARE
    if free < need:
        raise RestoreFailedError(master, f"No space left on device: {need // 2**20} MB > "
                                         f"{free // 2**20} MB")


def _single_file(path: Path) -> None:
    conn = sqlite3.connect(path, isolation_level=None)
    try:
        conn.execute("PRAGMA journal_mode = DELETE")
    finally:
        conn.close()


def _why(exc: OSError | sqlite3.Error) -> str:
    code = (getattr(exc, "sqlite_errorcode", 0) or 0) & 0xFF
    if code == _SQLITE_FULL or getattr(exc, "errno", None) in (errno.ENOSPC, errno.EDQUOT):
        return "No space left on device"
    return getattr(exc, "strerror", None) or str(exc)


def mark(conn: sqlite3.Connection, point: RestorePoint, at: str, packages: list[str]) -> None:
    """In the merge's transaction: which copy undoes it, and the merge's last audit row."""
    last = conn.execute("SELECT COALESCE(MAX(id), 0) FROM audit").fetchone()[0]
    value = json.dumps({"file": point.final.name, "sha256": point.sha256, "merged_at": at,
                        "audit_id": last, "packages": packages}, ensure_ascii=False)
    conn.execute("INSERT INTO project (key, value) VALUES (?, ?) "
                 "ON CONFLICT (key) DO UPDATE SET value = excluded.value", (MARKER, value))


def keep(point: RestorePoint) -> None:
    """After the merge committed: this copy is now the one that undoes it.

    If the rename fails the merge still stands, and undo finds the copy under
    its ``.part`` name by its hash (``_find``).
    """
    with contextlib.suppress(OSError):
        os.replace(point.part, point.final)


def discard(point: RestorePoint) -> None:
    with contextlib.suppress(OSError):
        point.part.unlink(missing_ok=True)


@dataclass(frozen=True)
class Undoable:
    """The merge that can be undone: when, from which packages, and what changed since."""

    merged_at: str
    packages: tuple[str, ...]
    changes_since: int  # audit rows written after the merge


def pending(project: Project) -> Undoable | None:
    marker = _marker(project)
    if marker is None:
        return None
    since = project.query("SELECT COUNT(*) FROM audit WHERE id > ?", (marker["audit_id"],))[0][0]
    return Undoable(str(marker.get("merged_at", "")), tuple(marker.get("packages", ())), since)


def undo(project: Project, discard_later: bool = False) -> Changes:
    """Put the master back as it was before the last merge; one ``merge-undo`` audit row."""
    marker = _marker(project)
    if marker is None:
        raise NothingToUndoError(project.path)
    source = _find(project.path, marker)
    since = project.query("SELECT COUNT(*) FROM audit WHERE id > ?", (marker["audit_id"],))[0][0]
    if since and not discard_later:
        raise ChangedSinceMergeError(project.path, str(since))
    before = _state(project)
    project.restore_from(source)
    with project.batch() as conn:
        conn.execute("DELETE FROM project WHERE key = ?", (MARKER,))  # the merge before this one's
        rows.audit(conn, project.reviewer, now_iso(), "merge-undo", "project", marker["sha256"],
                   None, {"merged_at": marker.get("merged_at"),
                          "packages": marker.get("packages", []), "discarded": since})
    for path in (source, path_for(project.path)):
        with contextlib.suppress(OSError):
            path.unlink(missing_ok=True)
    return _difference(before, _state(project))


def _marker(project: Project) -> dict[str, object] | None:
    text = project.meta().get(MARKER)
    try:
        marker = json.loads(text) if text else None
    except ValueError:
        return None
    ok = isinstance(marker, dict) and isinstance(marker.get("audit_id"), int) \
        and isinstance(marker.get("sha256"), str)
    return marker if ok else None


def _find(master: Path, marker: dict[str, object]) -> Path:
    """The kept copy, or the one a crash left before it was renamed, if its hash matches."""
    final = path_for(master)
    for candidate in (final, final.with_name(final.name + ".part")):
        if candidate.is_file() and _sha256(candidate) == marker["sha256"]:
            return candidate
    detail = final.name if final.exists() else f"{final.name}: not found"
    raise RestorePointMissingError(master, detail)


# Every committed change to a tag raises its revision (a merge's take-over too),
# so (uuid, revision) pairs tell which tags an undo changed back.
_State = tuple[dict[str, int], frozenset[str]]


def _state(project: Project) -> _State:
    tags = dict(project.query("SELECT uuid, revision FROM tags"))
    return tags, frozenset(r[0] for r in project.query("SELECT id FROM media"))


def _difference(before: _State, after: _State) -> Changes:
    tags = {u for u in before[0].keys() | after[0].keys() if before[0].get(u) != after[0].get(u)}
    # The code book may have lost entries a merge proposed: every view reloads.
    return Changes(tags=frozenset(tags), media=before[1] ^ after[1], codebook=True)


def _sha256(path: Path, fsync: bool = False) -> str:
    digest = hashlib.sha256()
    with path.open("r+b" if fsync else "rb") as handle:  # Windows syncs only writable handles
        while block := handle.read(_BLOCK):
            digest.update(block)
        if fsync:
            os.fsync(handle.fileno())
    return digest.hexdigest()
