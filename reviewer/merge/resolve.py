"""The editor's decisions on what a merge left open: conflicts, duplicates, code book.

Each decision is one transaction, audited, and returns ``Changes`` for the
views. The versions set aside are recorded as seen, so merging the same
packages again does not bring the conflict back.
"""

from __future__ import annotations

import sqlite3
import uuid as uuid_module

from reviewer.codebook.model import Label
from reviewer.merge.codebook_drift import TABLES
from reviewer.merge.errors import CannotKeepBothError, UnknownConflictError, UnknownProposalError
from reviewer.merge.model import Choice, CodebookProposal, Conflict, DuplicateProposal
from reviewer.merge.tags import tag_from_json
from reviewer.store import rows
from reviewer.store.model import Changes, Tag, now_iso
from reviewer.store.project import Project

_KEEP_BOTH_NAMESPACE = uuid_module.UUID("0c3a7f0e-5b8e-4f6c-8d0b-2f4e1a9c7d31")


def pending_conflicts(project: Project) -> list[Conflict]:
    found = []
    for cid, uuid, kind, source, text in project.query(
            "SELECT id, tag_uuid, kind, source_id, version FROM merge_conflicts "
            "WHERE status = 'pending' ORDER BY tag_uuid, id"):
        mine = rows_tag(project, uuid)
        found.append(Conflict(cid, uuid, kind, mine, tag_from_json(text), source))
    return found


def rows_tag(project: Project, uuid: str) -> Tag | None:
    hit = project.query(rows.TAG_SELECT + " WHERE t.uuid = ?", (uuid,))
    return rows.tag_from_row(hit[0]) if hit else None


def resolve_conflict(project: Project, conflict_id: int, choice: Choice | str) -> Changes:
    """Keep ours, take theirs, or keep both (theirs becomes a new tag)."""
    choice = Choice(choice)
    conflict = next((c for c in pending_conflicts(project) if c.id == conflict_id), None)
    if conflict is None:
        raise UnknownConflictError(project.path, str(conflict_id))
    mine, theirs = conflict.mine, conflict.theirs
    if choice is Choice.BOTH and (mine is None or mine.deleted or theirs.deleted):
        raise CannotKeepBothError(project.path, conflict.tag_uuid[:8])
    at, who = now_iso(), project.reviewer
    select = conflict.tag_uuid
    with project.batch() as conn:
        if choice is Choice.THEIRS and mine is not None:
            _take_theirs(conn, mine, theirs, who, at)
        elif choice is Choice.BOTH:
            select = _add_copy(conn, theirs, who, at)
        _close_conflict(conn, conflict, choice, who, at)
    return Changes(tags=frozenset({conflict.tag_uuid, select}), select=select)


def _take_theirs(conn: sqlite3.Connection, mine: Tag, theirs: Tag, who: str, at: str) -> None:
    names = ("media_id", *theirs.editable(), "deleted_at", "deleted_by")
    values = [rows.column_value(n, getattr(theirs, n)) for n in names]
    conn.execute(f"UPDATE tags SET {', '.join(n + ' = ?' for n in names)}, updated_at = ?, "
                 "updated_by = ?, revision = revision + 1 WHERE uuid = ?",
                 [*values, at, who, mine.uuid])
    rows.audit(conn, who, at, "edit", "tag", mine.uuid, mine.to_dict(), theirs.to_dict())


def _add_copy(conn: sqlite3.Connection, theirs: Tag, who: str, at: str) -> str:
    # Derived from the version, so deciding "both" twice cannot make two copies.
    new = str(uuid_module.uuid5(_KEEP_BOTH_NAMESPACE,
                                f"{theirs.uuid}/{theirs.updated_at}/{theirs.updated_by}"))
    copy = Tag(**{**theirs.__dict__, "uuid": new, "updated_at": at, "updated_by": who,
                  "revision": 1})
    rows.insert_tag(conn, copy)
    rows.audit(conn, who, at, "add", "tag", new, None, copy.to_dict())
    return new


def _close_conflict(conn: sqlite3.Connection, conflict: Conflict, choice: Choice, who: str,
                    at: str) -> None:
    theirs = conflict.theirs
    conn.execute("UPDATE merge_conflicts SET status = ?, resolved_at = ?, resolved_by = ? "
                 "WHERE id = ?", (choice.value, at, who, conflict.id))
    conn.execute("INSERT INTO merge_seen (tag_uuid, updated_at, updated_by) VALUES (?, ?, ?) "
                 "ON CONFLICT DO NOTHING", (conflict.tag_uuid, theirs.updated_at, theirs.updated_by))
    if conflict.mine is not None:
        conn.execute("INSERT INTO merge_seen (tag_uuid, updated_at, updated_by) VALUES (?, ?, ?) "
                     "ON CONFLICT DO NOTHING",
                     (conflict.tag_uuid, conflict.mine.updated_at, conflict.mine.updated_by))
    rows.audit(conn, who, at, "merge-resolve", "tag", conflict.tag_uuid, None,
               {"conflict": conflict.id, "choice": choice.value, "source": conflict.source_id})


def pending_duplicates(project: Project) -> list[DuplicateProposal]:
    found = []
    for a, b in project.query("SELECT a_uuid, b_uuid FROM merge_duplicates "
                              "WHERE status = 'proposed' ORDER BY a_uuid, b_uuid"):
        first, second = rows_tag(project, a), rows_tag(project, b)
        if first is not None and second is not None:
            found.append(DuplicateProposal(first, second))
    return found


def resolve_duplicate(project: Project, a_uuid: str, b_uuid: str, keep: str | None) -> Changes:
    """``keep`` one uuid (the other is deleted, as a tombstone) or None to keep both."""
    a, b = sorted((a_uuid, b_uuid))
    hit = project.query("SELECT 1 FROM merge_duplicates WHERE a_uuid = ? AND b_uuid = ? "
                        "AND status = 'proposed'", (a, b))
    if not hit or keep not in (None, a, b):
        raise UnknownProposalError(project.path, f"{a[:8]}/{b[:8]}")
    at, who = now_iso(), project.reviewer
    with project.batch() as conn:
        if keep is not None:
            gone = b if keep == a else a
            conn.execute("UPDATE tags SET deleted_at = ?, deleted_by = ?, updated_at = ?, "
                         "updated_by = ?, revision = revision + 1 WHERE uuid = ? "
                         "AND deleted_at IS NULL", (at, who, at, who, gone))
            rows.audit(conn, who, at, "delete", "tag", gone, None, {"duplicate_of": keep})
        conn.execute("UPDATE merge_duplicates SET status = ?, resolved_at = ?, resolved_by = ? "
                     "WHERE a_uuid = ? AND b_uuid = ?",
                     ("kept" if keep is None else "merged", at, who, a, b))
    return Changes(tags=frozenset({a, b}), select=keep)


def codebook_proposals(project: Project) -> list[CodebookProposal]:
    found = []
    for kind, entry_id, source in project.query(
            "SELECT kind, entry_id, source_id FROM merge_codebook WHERE status = 'proposed' "
            "ORDER BY kind, entry_id"):
        table = TABLES[kind]
        parent = {"sub_problem": "category_id", "township": "county_id"}.get(kind, "NULL")
        row = project.query(f"SELECT label_zh, label_en, {parent} FROM {table} WHERE id = ?",
                            (entry_id,))
        if row:
            found.append(CodebookProposal(kind, entry_id, Label(row[0][0], row[0][1]), row[0][2],
                                          source))
    return found


def resolve_codebook(project: Project, kind: str, entry_id: str, accept: bool) -> Changes:
    """Accept: the entry joins the code book. Reject: it stays retired, its tags keep it."""
    hit = project.query("SELECT 1 FROM merge_codebook WHERE kind = ? AND entry_id = ? "
                        "AND status = 'proposed'", (kind, entry_id))
    if not hit:
        raise UnknownProposalError(project.path, f"{kind} {entry_id}")
    at, who = now_iso(), project.reviewer
    with project.batch() as conn:
        if accept:
            conn.execute(f"UPDATE {TABLES[kind]} SET retired = 0 WHERE id = ?", (entry_id,))
        conn.execute("UPDATE merge_codebook SET status = ?, resolved_at = ?, resolved_by = ? "
                     "WHERE kind = ? AND entry_id = ?",
                     ("accepted" if accept else "rejected", at, who, kind, entry_id))
        rows.audit(conn, who, at, "accept" if accept else "reject", kind, entry_id)
    return Changes(codebook=True)
