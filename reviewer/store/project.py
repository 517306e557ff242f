"""``Project``: one open review project, the only way the app reads or changes one.

Every edit is one transaction, committed before it is reported saved. An
edit whose commit fails (disk full, drive pulled) stays in an in-memory
outbox, in order, and is retried before the next edit; it is never
dropped. Not thread-safe: the UI runs all calls on one worker.
"""

from __future__ import annotations

import getpass
import os
import shutil
import sqlite3
from collections import deque
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, replace
from pathlib import Path
from typing import TYPE_CHECKING, Any, Literal
from urllib.parse import quote

from reviewer.campaign.store import CampaignStore
from reviewer.codebook import io as codebook_io
from reviewer.codebook.model import CodeBook, Label, Unit
from reviewer.files import kind_of
from reviewer.store import codebook_rows, db, fingerprint, opening, relink, rows, search
from reviewer.store.commands import AddTag, Command, DeleteTag, EditContext, EditTag, UndoStack
from reviewer.store.errors import (
    AmbiguousMediaError,
    DuplicateMediaError,
    InvalidEditError,
    NeedsUpgradeError,
    NetworkShareWarning,
    OlderCodeBookError,
    ProjectNotFoundError,
    ProjectPathError,
    ProjectReadOnlyError,
    SaveError,
    StoreError,
    UnknownMediaError,
    UnknownTagError,
    UpgradedCopyNotice,
)
from reviewer.store.location import check_local, network_filesystem
from reviewer.store.model import (
    EDITABLE_FIELDS,
    Changes,
    Media,
    Tag,
    missing_fields,
    new_tag,
    new_uuid,
    now_iso,
)
from reviewer.store.validate import check_fields

if TYPE_CHECKING:
    from reviewer.media.info import MediaInfo

SUFFIX = ".shenpian"
Mode = Literal["do", "undo", "redo"]
# Changing these makes the dependent field's check meaningful again.
_DEPENDENTS = {"category_id": ("sub_problem_id",), "county_id": ("township_id",),
               "start_ms": ("end_ms",)}


@dataclass(frozen=True)
class AuditEntry:
    at: str
    reviewer: str
    action: str
    entity: str
    entity_id: str
    before: str | None
    after: str | None


def default_reviewer() -> str:
    try:
        return getpass.getuser()
    except (OSError, KeyError):
        return "reviewer"


class Project(CampaignStore):
    """An open project file. Use :meth:`create` or :meth:`open`, then :meth:`close`.

    Rounds, rectification records, evidence and re-checks: see CampaignStore.
    """

    def __init__(self, path: Path, conn: sqlite3.Connection, reviewer: str,
                 held: opening.lock.ProjectLock | None, reason: StoreError | None) -> None:
        self.path = path
        self.reviewer = reviewer
        self._conn = conn
        self._lock = held
        self.read_only_reason = reason
        self.read_only = held is None
        self.warnings: tuple[StoreError, ...] = ()
        self._scratch: Path | None = None  # a temporary copy being read (see opening.connect)
        self.upgraded_copy: UpgradedCopyNotice | None = None  # older file read from a copy
        self._outbox: deque[tuple[Command, Mode]] = deque()
        self._undo = UndoStack()
        self._book: CodeBook | None = None
        self._counted: tuple[object, ...] = ()  # (filter, data stamp, count): see _matches

    # --- lifecycle ---------------------------------------------------------

    @classmethod
    def create(cls, path: str | os.PathLike[str], codebook: CodeBook | None = None,
               reviewer: str = "", name: str = "") -> Project:
        target = check_local(path)
        who = reviewer or default_reviewer()
        opening.create_file(target, codebook or codebook_io.default_codebook(), who, name)
        return cls.open(target, reviewer=who)

    @classmethod
    def open(cls, path: str | os.PathLike[str], reviewer: str = "",
             read_only: bool = False) -> Project:
        target = _existing_file(check_local(path))
        who = reviewer or default_reviewer()
        held, reason = (None, None) if read_only else opening.take_lock(target, who)
        opened = _connect(target, held)
        upgraded = opened.notice if isinstance(opened.notice, UpgradedCopyNotice) else None
        project = cls(target, opened.conn, who, held, reason if upgraded else opened.notice or reason)
        project._scratch, project.upgraded_copy = opened.scratch, upgraded
        try:
            project._on_open()
        except BaseException:
            project.close()
            raise
        return project

    def _on_open(self) -> None:
        fstype = network_filesystem(self.path)
        if fstype:
            self.warnings = (NetworkShareWarning(self.path, fstype),)
        if not self.read_only:
            with db.transaction(self._conn, self.path) as conn:
                opening.ensure_reviewer(conn, self.reviewer, now_iso())

    def close(self) -> None:
        """Close after saving any pending edit; raises (and stays open) if they cannot be saved."""
        if self._conn is None:
            return
        if self._outbox:
            self._flush()
        if self.read_only:
            self._conn.close()
        else:
            db.close_cleanly(self._conn)
        self._conn = None  # type: ignore[assignment]
        if self._lock is not None:
            self._lock.release()
        if self._scratch is not None:
            shutil.rmtree(self._scratch, ignore_errors=True)

    @property
    def notices(self) -> tuple[StoreError, ...]:
        """What the user should be told about how the project was opened (for a banner).

        Why it is read-only when nobody asked for that (in use, read-only file or media,
        read from a temporary copy), that an older file was read from an upgraded copy,
        then warnings such as a network share.
        """
        found = (self.read_only_reason, self.upgraded_copy)
        return tuple(n for n in found if n is not None) + self.warnings

    def __enter__(self) -> Project:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # --- reading -------------------------------------------------------------

    def meta(self) -> dict[str, str]:
        return dict(self._conn.execute("SELECT key, value FROM project").fetchall())

    def set_meta(self, key: str, value: str | None) -> None:
        """Write one key of the project table (None removes it), in its own transaction."""
        self._check_writable()
        with db.transaction(self._conn, self.path) as conn:
            if value is None:
                conn.execute("DELETE FROM project WHERE key = ?", (key,))
            else:
                conn.execute("INSERT INTO project (key, value) VALUES (?, ?) ON CONFLICT (key) "
                             "DO UPDATE SET value = excluded.value", (key, value))

    def codebook(self) -> CodeBook:
        if self._book is None:
            self._book = codebook_rows.load(self._conn)
        return self._book

    def label(self, kind: str, entry_id: str | None, lang: str = "zh_CN") -> str:
        """The label of a code book entry, retired ones included."""
        return codebook_rows.label(self._conn, kind, entry_id, lang)

    def tags(self, where: search.TagFilter | None = None, limit: int | None = None,
             offset: int = 0) -> list[Tag]:
        """Tags matching ``where`` in footage and time order; ``limit`` for one page of them."""
        f = where or search.TagFilter()
        matches = self._matches(f) if limit is not None else None
        walk = matches is not None and search.walk_pays(matches, limit, offset)
        sql, params = search.build(f, self.codebook().required_fields, limit, offset, walk)
        return [rows.tag_from_row(r) for r in self._conn.execute(sql, params)]

    def count_tags(self, where: search.TagFilter | None = None) -> int:
        f = where or search.TagFilter()
        sql, params = search.count(f, self.codebook().required_fields)
        found = int(self._conn.execute(sql, params).fetchone()[0])
        self._counted = (f, self._data_stamp(), found)
        return found

    def _matches(self, f: search.TagFilter) -> int | None:
        """How many tags ``f`` selects, where that is cheap to know, else None.

        Known when ``f`` was just counted on the same data (the tag table counts,
        then asks for a page), or from the search indexes alone for indexed text.
        """
        if self._counted[:2] == (f, self._data_stamp()):
            return self._counted[2]
        counted = search.index_count(f)
        return None if counted is None else int(self._conn.execute(*counted).fetchone()[0])

    def _data_stamp(self) -> tuple[int, int]:
        """Equal stamps mean equal data: rows changed here, commits made by other connections."""
        version = self._conn.execute("PRAGMA data_version").fetchone()[0]
        return self._conn.total_changes, int(version)

    def tag(self, uuid: str) -> Tag:
        found = rows.load_tag(self._conn, uuid)
        if found is None:
            raise UnknownTagError(self.path, uuid)
        return found

    def missing_fields(self, tag: Tag) -> tuple[str, ...]:
        return missing_fields(tag, self.codebook().required_fields)

    def media(self) -> list[Media]:
        return [rows.media_from_row(r) for r in
                self._conn.execute(rows.MEDIA_SELECT + " ORDER BY position")]

    def media_by_id(self, media_id: str) -> Media:
        row = self._conn.execute(rows.MEDIA_SELECT + " WHERE id = ?", (media_id,)).fetchone()
        if row is None:
            raise UnknownMediaError(self.path, media_id)
        return rows.media_from_row(row)

    def find_media(self, key: str) -> Media:
        """Footage named by its id, its file name, or a path to the file itself."""
        media = self.media()
        for m in media:
            if m.id == key:
                return m
        named = [m for m in media if m.name == key] or \
            [m for m in media if m.name.casefold() == key.casefold()]
        if len(named) > 1:
            raise AmbiguousMediaError(key, str(len(named)))
        if named:
            return named[0]
        if kind_of(key) == "file":
            found = fingerprint.quick(Path(key).resolve())
            twin = self._find_fingerprint(found.size, found.head_tail)
            if twin is not None:
                return twin
        raise UnknownMediaError(self.path, key)

    def locate(self, media: Media) -> Path | None:
        """Where the footage is now: beside the project first, then its last known path."""
        candidates = [self.path.parent / media.rel_path] if media.rel_path else []
        candidates.append(Path(media.abs_path))
        for candidate in candidates:
            try:
                if candidate.is_file() and candidate.stat().st_size == media.fingerprint.size:
                    return candidate
            except OSError:
                continue
        return None

    def reviewers(self) -> list[str]:
        return [r[0] for r in self._conn.execute("SELECT name FROM reviewers ORDER BY name")]

    def audit_log(self, entity_id: str | None = None) -> list[AuditEntry]:
        sql = "SELECT at, reviewer, action, entity, entity_id, before, after FROM audit"
        params: tuple[str, ...] = ()
        if entity_id is not None:
            sql, params = sql + " WHERE entity_id = ?", (entity_id,)
        return [AuditEntry(*r) for r in self._conn.execute(sql + " ORDER BY id", params)]

    # --- bulk operations (merge, #6) ----------------------------------------

    def query(self, sql: str, params: Sequence[Any] = ()) -> list[tuple[Any, ...]]:
        """Rows for a core feature module (merge) whose reads the methods above do not cover."""
        return self._conn.execute(sql, params).fetchall()

    @contextmanager
    def batch(self) -> Iterator[sqlite3.Connection]:
        """One transaction for a bulk operation: all of it commits, or nothing does.

        Pending edits are saved first so the batch sees them; undo history is
        dropped afterwards because an inverse edit could overwrite merged work.
        """
        self._check_writable()
        self._flush()
        with db.transaction(self._conn, self.path) as conn:
            yield conn
        self._book = None
        self._undo = UndoStack()

    @contextmanager
    def write(self) -> Iterator[sqlite3.Connection]:
        """One short transaction for a feature's rows that are not undoable edits (what a
        reviewer has watched, #16). Pending edits are saved first; the undo history stays."""
        self._check_writable()
        self._flush()
        with db.transaction(self._conn, self.path) as conn:
            yield conn

    @contextmanager
    def trial(self) -> Iterator[sqlite3.Connection]:
        """A bulk operation's transaction, always rolled back: what it would do (a dry run).

        Unlike ``batch`` the undo history stays: nothing was changed.
        """
        self._check_writable()
        self._flush()
        try:
            with db.transaction(self._conn, self.path) as conn:
                yield conn
                raise _Rollback()
        except _Rollback:
            pass

    def backup_to(self, target: str | os.PathLike[str]) -> None:
        """A consistent copy through the backup API, safe while the project is live."""
        db.backup_to(self._conn, Path(target))

    def restore_from(self, source: str | os.PathLike[str]) -> None:
        """Replace the whole project with ``source`` (a ``backup_to`` copy), in one step.

        Through the backup API into this connection, so the WAL and other
        readers stay consistent (never a file copy over a live database).
        Pending edits are saved first; undo history refers to the replaced
        state and is dropped.
        """
        self._check_writable()
        self._flush()
        src = sqlite3.connect(f"file:{quote(str(Path(source).resolve()))}?mode=ro", uri=True)
        try:
            src.backup(self._conn)
        except sqlite3.Error as exc:
            raise db.classify(exc, self.path) from exc
        finally:
            src.close()
        self._book = None
        self._counted = ()
        self._undo = UndoStack()

    # --- tag edits (undoable) -----------------------------------------------

    @property
    def pending(self) -> tuple[Command, ...]:
        """Edits not yet committed (a failed save); they are retried in order."""
        return tuple(command for command, _ in self._outbox)

    def can_undo(self) -> bool:
        return self._undo.can_undo()

    def can_redo(self) -> bool:
        return self._undo.can_redo()

    def next_undo(self) -> Command | None:
        """The edit an undo would reverse (so the UI can say what was undone)."""
        return self._undo.next_undo() if self._undo.can_undo() else None

    def next_redo(self) -> Command | None:
        return self._undo.next_redo() if self._undo.can_redo() else None

    def add_tag(self, media_id: str, start_ms: int, category_id: str, **fields: Any) -> Changes:
        """Tag the footage ``media_id`` at ``start_ms``; ``Changes.select`` is the new UUID."""
        self._check_fields_known(fields)
        self.media_by_id(media_id)
        tag = new_tag(media_id, start_ms, category_id, self.reviewer, **fields)
        check_fields(self.path, tag, self.codebook(), EDITABLE_FIELDS)
        return self.apply(AddTag(tag))

    def edit_tag(self, uuid: str, **fields: Any) -> Changes:
        self._check_fields_known(fields)
        old = self.tag(uuid)
        if old.deleted:
            raise InvalidEditError(self.path, "deleted", "标记已删除", "the tag was deleted")
        new = replace(old, **fields)
        names = tuple(fields) + tuple(d for f in fields for d in _DEPENDENTS.get(f, ()))
        check_fields(self.path, new, self.codebook(), names)
        command = EditTag.between(old, new)
        return self.apply(command) if command.after else Changes()

    def delete_tag(self, uuid: str) -> Changes:
        self.tag(uuid)
        return self.apply(DeleteTag(uuid))

    def apply(self, command: Command) -> Changes:
        """Commit ``command`` (after any pending ones) and make it undoable."""
        self._check_writable()
        self._outbox.append((command, "do"))
        return self._flush()

    def undo(self) -> Changes:
        self._check_writable()
        self._flush()
        if not self._undo.can_undo():
            return Changes()
        self._outbox.append((self._undo.next_undo().inverse(), "undo"))
        return self._flush()

    def redo(self) -> Changes:
        self._check_writable()
        self._flush()
        if not self._undo.can_redo():
            return Changes()
        # Redo of an add must lift the tombstone its undo left, not insert again:
        # the inverse of the inverse says exactly that for every command.
        self._outbox.append((self._undo.next_redo().inverse().inverse(), "redo"))
        return self._flush()

    def retry_pending(self) -> Changes:
        """Try the outbox again (after the user freed space or plugged the drive back)."""
        self._check_writable()
        return self._flush()

    def _flush(self) -> Changes:
        changes = Changes()
        while self._outbox:
            command, mode = self._outbox[0]
            try:
                changes |= self._commit(command)
            except SaveError as exc:
                exc.committed = changes  # type: ignore[attr-defined]
                exc.kept = True  # it stays first in the outbox
                raise
            except (InvalidEditError, UnknownTagError, sqlite3.IntegrityError) as exc:
                # A wrong edit would fail forever; refuse it loudly instead of blocking the rest.
                self._outbox.popleft()
                raise _as_invalid(self.path, exc) from exc
            self._outbox.popleft()
            self._record(command, mode)
        return changes

    def _commit(self, command: Command) -> Changes:
        with db.transaction(self._conn, self.path) as conn:
            return command.apply(EditContext(conn, self.reviewer, now_iso(), self.path))

    def _record(self, command: Command, mode: Mode) -> None:
        if mode == "do":
            self._undo.pushed(command)
        elif mode == "undo":
            self._undo.undone()
        else:
            self._undo.redone()

    def _check_writable(self) -> None:
        if self.read_only:
            raise ProjectReadOnlyError(self.path, self.read_only_reason)

    def _check_fields_known(self, fields: dict[str, Any]) -> None:
        unknown = sorted(set(fields) - set(EDITABLE_FIELDS))
        if unknown:
            raise InvalidEditError(self.path, unknown[0], f"未知字段 {unknown[0]}",
                                   f"unknown field {unknown[0]}")

    # --- footage and code book (audited, not undoable) ----------------------

    def add_media(self, path: str | os.PathLike[str], info: MediaInfo | None = None) -> Changes:
        """Add a footage file; ``Changes.select`` is its media id. Probes it unless given ``info``."""
        from reviewer.media.paths import check_local_file

        self._check_writable()
        source = check_local_file(path).resolve()
        print_ = fingerprint.quick(source)
        twin = self._find_fingerprint(print_.size, print_.head_tail)
        if twin is not None:
            raise DuplicateMediaError(source, twin.name)
        media = self._new_media(source, print_, info or _probe(source))
        with db.transaction(self._conn, self.path) as conn:
            rows.insert_media(conn, media)
            rows.audit(conn, self.reviewer, media.added_at, "add", "media", media.id, None,
                       {"name": media.name, "path": media.abs_path})
        return Changes(media=frozenset({media.id}), select=media.id)

    def _new_media(self, source: Path, print_: Any, info: MediaInfo) -> Media:
        row = self._conn.execute("SELECT COALESCE(MAX(position), -1) + 1 FROM media").fetchone()
        return Media(id=new_uuid(), name=source.name, fingerprint=print_, abs_path=str(source),
                     rel_path=self._relative(source), duration_ms=info.duration_ms,
                     info=info.to_dict(), position=row[0], added_at=now_iso(),
                     added_by=self.reviewer)

    def _relative(self, source: Path) -> str | None:
        try:
            return Path(os.path.relpath(source, self.path.parent.resolve())).as_posix()
        except ValueError:
            return None  # another drive on Windows

    def _find_fingerprint(self, size: int, head_tail: str) -> Media | None:
        row = self._conn.execute(rows.MEDIA_SELECT + " WHERE size_bytes = ? AND head_tail_sha256 = ?",
                                 (size, head_tail)).fetchone()
        return rows.media_from_row(row) if row else None

    def refresh_media(self) -> Changes:
        """Mark footage online/offline by whether it is where we last saw it (tags are kept)."""
        self._check_writable()
        flips = [(m.id, not m.online) for m in self.media() if (self.locate(m) is not None) != m.online]
        if flips:
            with db.transaction(self._conn, self.path) as conn:
                conn.executemany("UPDATE media SET online = ? WHERE id = ?",
                                 [(int(online), mid) for mid, online in flips])
        return Changes(media=frozenset(mid for mid, _ in flips))

    def relink(self, folder: str | os.PathLike[str]) -> tuple[relink.RelinkReport, Changes]:
        """Find every missing footage file under ``folder`` by fingerprint and relink it."""
        self._check_writable()
        report = relink.scan(Path(folder), self.offline_media())
        return report, self.apply_relink(report)

    def offline_media(self) -> list[Media]:
        """Footage not found where it was last seen (a snapshot for a background relink scan)."""
        return [m for m in self.media() if self.locate(m) is None]

    def apply_relink(self, report: relink.RelinkReport) -> Changes:
        """Record what a relink scan found; the scan itself may run on another thread."""
        self._check_writable()
        if report.relinked:
            with db.transaction(self._conn, self.path) as conn:
                for media_id, found in report.relinked:
                    self._relink_one(conn, self.media_by_id(media_id), found.resolve())
        return Changes(media=frozenset(mid for mid, _ in report.relinked))

    def _relink_one(self, conn: sqlite3.Connection, media: Media, found: Path) -> None:
        rel = self._relative(found)
        conn.execute("UPDATE media SET abs_path = ?, rel_path = ?, online = 1 WHERE id = ?",
                     (str(found), rel, media.id))
        rows.audit(conn, self.reviewer, now_iso(), "relink", "media", media.id,
                   {"path": media.abs_path}, {"path": str(found)})

    def set_full_hash(self, media_id: str, sha256: str) -> Changes:
        """Record the whole-file hash computed by a background job."""
        self._check_writable()
        with db.transaction(self._conn, self.path) as conn:
            conn.execute("UPDATE media SET full_sha256 = ? WHERE id = ?", (sha256, media_id))
        return Changes(media=frozenset({media_id}))

    def set_recording(self, media_ids: Sequence[str]) -> Changes:
        """Mark ``media_ids`` as chunks of one recording, in this order (4 GB camera splits)."""
        self._check_writable()
        recording = new_uuid()
        with db.transaction(self._conn, self.path) as conn:
            for index, media_id in enumerate(media_ids):
                conn.execute("UPDATE media SET recording_id = ?, chunk_index = ? WHERE id = ?",
                             (recording, index, media_id))
        return Changes(media=frozenset(media_ids))

    def import_codebook(self, book: CodeBook, allow_older: bool = False) -> Changes:
        """Replace the code book in one transaction; entries no longer listed are retired."""
        self._check_writable()
        old = self.codebook()
        if book.id == old.id and book.version < old.version and not allow_older:
            raise OlderCodeBookError(self.path, f"v{book.version} < v{old.version}")
        with db.transaction(self._conn, self.path) as conn:
            at = now_iso()
            codebook_rows.save(conn, book, at)
            rows.audit(conn, self.reviewer, at, "import", "codebook", book.id,
                       {"id": old.id, "version": old.version},
                       {"id": book.id, "version": book.version})
        self._book = None
        return Changes(codebook=True)

    def add_unit(self, label_zh: str, label_en: str = "") -> Changes:
        """A responsible unit typed in by a reviewer: added to this code book, audited.

        ``Changes.select`` is the new unit's id. A merge proposes it to the editor
        like any other code book entry a laptop added. An existing label is reused.
        """
        self._check_writable()
        name = " ".join(label_zh.split())
        if not name:
            raise InvalidEditError(self.path, "unit_id", "责任单位不能为空", "the unit name is empty")
        same = next((u for u in self.codebook().units if name in (u.label.zh, u.label.en)), None)
        if same is not None:
            return Changes(select=same.id)
        unit = Unit("unit-" + new_uuid()[:8], Label(name, " ".join(label_en.split()) or name))
        with db.transaction(self._conn, self.path) as conn:
            at = now_iso()
            codebook_rows.add_unit(conn, unit)
            rows.audit(conn, self.reviewer, at, "add", "unit", unit.id, None,
                       {"label_zh": unit.label.zh, "label_en": unit.label.en})
        self._book = None
        return Changes(codebook=True, select=unit.id)

    def export_codebook(self, path: str | os.PathLike[str]) -> None:
        codebook_io.save(self.codebook(), path)


def _existing_file(target: Path) -> Path:
    kind = kind_of(target)
    if kind == "missing":
        raise ProjectNotFoundError(target)
    if kind != "file":
        raise ProjectPathError(target, kind)
    return target


def _connect(target: Path, held: opening.lock.ProjectLock | None) -> opening.Connection:
    """Connect and check the file; on any failure close what was opened and drop the lock."""
    try:
        opened = opening.connect(target, writable=held is not None)
        try:
            try:
                opening.prepare(opened.conn, target, writable=held is not None)
            except NeedsUpgradeError:  # read-only and older: read an upgraded copy
                opened = opening.read_upgraded(opened, target)
        except BaseException:
            _discard(opened)
            raise
    except BaseException:
        if held is not None:
            held.release()
        raise
    return opened


def _discard(opened: opening.Connection) -> None:
    opened.conn.close()
    if opened.scratch is not None:
        shutil.rmtree(opened.scratch, ignore_errors=True)


class _Rollback(Exception):
    """Raised inside ``Project.trial`` to roll its transaction back."""


def _probe(path: Path) -> MediaInfo:
    # Imported here: probing pulls in PyAV and OpenCV, which opening a project never needs.
    from reviewer.media.info import probe

    return probe(path)


def _as_invalid(path: Path, exc: Exception) -> StoreError:
    if isinstance(exc, StoreError):
        return exc
    return InvalidEditError(path, "", f"数据不一致：{exc}", f"inconsistent data: {exc}")
