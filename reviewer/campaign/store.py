"""The campaign's part of ``Project``: rounds, rectification records, evidence, re-checks.

Mixed into :class:`reviewer.store.project.Project`, so the project stays the only way the
app reads or changes a project file. Record, evidence and re-check edits are undoable
commands (reviewer/campaign/commands.py); rounds are audited but, like the code book, not
undoable (tags may already have joined a new round).
"""

from __future__ import annotations

import os
import sqlite3
from collections.abc import Sequence
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any

from reviewer.campaign import commands, deadlines, recheck, rows
from reviewer.campaign.model import (
    VERDICTS,
    Evidence,
    Recheck,
    Rectification,
    Round,
    evidence_kind,
)
from reviewer.campaign.view import Campaign, Problem, problem, recurred_in
from reviewer.store import db
from reviewer.store.errors import InvalidEditError
from reviewer.store.model import Changes, Tag, new_uuid, now_iso
from reviewer.store.rows import audit

if TYPE_CHECKING:
    from reviewer.codebook.model import CodeBook
    from reviewer.store.commands import Command

MAX_MEASURES_CHARS = 4000
MAX_ROUND_NAME = 40
MAX_TEAMS_CHARS = 500
_ROUND_FIELDS = ("name", "start_on", "end_on", "teams")
_RECORD_INPUTS = ("deadline", "measures", "rectified_on", "verdict")


def _invalid(path: Path, field: str, zh: str, en: str) -> InvalidEditError:
    return InvalidEditError(path, field, zh, en)


class CampaignStore:
    """Project methods for the campaign; see the module docstring."""

    path: Path
    reviewer: str
    _conn: sqlite3.Connection

    if TYPE_CHECKING:
        def apply(self, command: Command) -> Changes: ...
        def tag(self, uuid: str) -> Tag: ...
        def tags(self) -> list[Tag]: ...
        def codebook(self) -> CodeBook: ...
        def _check_writable(self) -> None: ...
        def _relative(self, source: Path) -> str | None: ...

    # --- rounds (audited, not undoable) ------------------------------------------------

    def rounds(self) -> tuple[Round, ...]:
        return rows.load_rounds(self._conn)

    def round(self, round_id: str) -> Round:
        found = next((r for r in self.rounds() if r.id == round_id), None)
        if found is None:
            raise _invalid(self.path, "round", f"没有期次 {round_id}", f"no round {round_id}")
        return found

    def current_round(self) -> Round:
        """The round new tags join: the one chosen, else the latest."""
        return self.round(rows.current_round_id(self._conn) or "")

    def round_of(self, uuid: str) -> Round:
        return self.round(rows.tag_round(self._conn, uuid) or "")

    def add_round(self, name: str, start_on: date | None = None, end_on: date | None = None,
                  teams: str = "", current: bool = True) -> Changes:
        """A new round after the others; it becomes the current one unless ``current`` is False."""
        self._check_writable()
        position = max((r.position for r in self.rounds()), default=0) + 1
        made = Round(new_uuid(), name.strip(), position, start_on, end_on, teams.strip(),
                     now_iso(), self.reviewer)
        self._check_round(made)
        with db.transaction(self._conn, self.path) as conn:
            rows.insert_round(conn, made)
            audit(conn, self.reviewer, made.created_at, "add", "round", made.id, None,
                  {"name": made.name, "position": position})
            if current:
                self._set_current(conn, made.id)
        return Changes(campaign=True, select=made.id)

    def edit_round(self, round_id: str, **fields: Any) -> Changes:
        self._check_writable()
        unknown = sorted(set(fields) - set(_ROUND_FIELDS))
        if unknown:
            raise _invalid(self.path, unknown[0], f"未知字段 {unknown[0]}", f"unknown field {unknown[0]}")
        old = self.round(round_id)
        cleaned = {k: v.strip() if isinstance(v, str) else v for k, v in fields.items()}
        new = Round(**{**old.__dict__, **cleaned})
        self._check_round(new)
        changed = {k: getattr(new, k) for k in _ROUND_FIELDS if getattr(old, k) != getattr(new, k)}
        if not changed:
            return Changes()
        with db.transaction(self._conn, self.path) as conn:
            rows.update_round(conn, round_id, changed)
            audit(conn, self.reviewer, now_iso(), "edit", "round", round_id,
                  {k: _plain(getattr(old, k)) for k in changed},
                  {k: _plain(v) for k, v in changed.items()})
        return Changes(campaign=True)

    def set_current_round(self, round_id: str) -> Changes:
        self._check_writable()
        self.round(round_id)
        with db.transaction(self._conn, self.path) as conn:
            self._set_current(conn, round_id)
        return Changes(campaign=True)

    def _set_current(self, conn: sqlite3.Connection, round_id: str) -> None:
        before = rows.current_round_id(conn)
        conn.execute("INSERT INTO project (key, value) VALUES (?, ?) ON CONFLICT (key) "
                     "DO UPDATE SET value = excluded.value", (rows.CURRENT_KEY, round_id))
        audit(conn, self.reviewer, now_iso(), "current", "round", round_id,
              {"round_id": before}, {"round_id": round_id})

    def _check_round(self, made: Round) -> None:
        others = [r for r in self.rounds() if r.id != made.id]
        if not made.name or len(made.name) > MAX_ROUND_NAME:
            raise _invalid(self.path, "name", f"期次名称不能为空且不超过 {MAX_ROUND_NAME} 字",
                           f"the round needs a name of at most {MAX_ROUND_NAME} characters")
        if any(r.name == made.name for r in others):
            raise _invalid(self.path, "name", f"已有期次“{made.name}”",
                           f"there is already a round named {made.name}")
        for name in ("start_on", "end_on"):
            if getattr(made, name) is not None and not isinstance(getattr(made, name), date):
                raise _invalid(self.path, name, "日期无效", "invalid date")
        if made.start_on and made.end_on and made.end_on < made.start_on:
            raise _invalid(self.path, "end_on", "结束日期早于开始日期", "the end is before the start")
        if not isinstance(made.teams, str) or len(made.teams) > MAX_TEAMS_CHARS:
            raise _invalid(self.path, "teams", "暗访组名称过长", "the teams text is too long")

    def move_to_round(self, uuid: str, round_id: str) -> Changes:
        self.round(round_id)
        before = rows.tag_round(self._conn, self.tag(uuid).uuid)
        if before == round_id:
            return Changes()
        return self.apply(commands.SetTagRound(uuid, before, round_id))

    # --- rectification records (undoable) ----------------------------------------------

    def rectification(self, uuid: str) -> Rectification:
        """The problem's record; a default one if nothing was recorded yet."""
        return rows.load_record(self._conn, self.tag(uuid).uuid) or Rectification(uuid)

    def set_rectification(self, uuid: str, **fields: Any) -> Changes:
        """Set deadline, measures, rectified_on and/or verdict; a verdict is stamped with who and
        when, and a verdict other than rectified reopens a closed problem."""
        unknown = sorted(set(fields) - set(_RECORD_INPUTS))
        if unknown:
            raise _invalid(self.path, unknown[0], f"未知字段 {unknown[0]}", f"unknown field {unknown[0]}")
        old = self.rectification(uuid)
        self._check_record(fields)
        new = old.with_(**fields)
        if "verdict" in fields and fields["verdict"] != old.verdict:
            new = recheck.follow_verdict(old, fields["verdict"], self.reviewer, now_iso()) \
                if fields["verdict"] else new.with_(verified_at=None, verified_by=None)
        return self._save_record(uuid, old, new, "edit")

    def close_problem(self, uuid: str) -> Changes:
        """销号: only a problem verified (or, with no verdict, reported) rectified."""
        old = self.rectification(uuid)
        if old.closed:
            return Changes()
        if not deadlines.may_close(self.tag(uuid), old):
            raise _invalid(self.path, "closed_at", "问题未整改到位，不能销号",
                           "the problem is not rectified; it cannot be closed")
        return self._save_record(uuid, old, old.with_(closed_at=now_iso(), closed_by=self.reviewer),
                            "close")

    def reopen_problem(self, uuid: str) -> Changes:
        old = self.rectification(uuid)
        if not old.closed:
            return Changes()
        return self._save_record(uuid, old, old.with_(closed_at=None, closed_by=None), "reopen")

    def record_command(self, uuid: str, new: Rectification,
                       action: str = "edit") -> commands.SetRecord | None:
        """The command that stores ``new`` for ``uuid`` (None when nothing would change)."""
        stored = rows.load_record(self._conn, uuid)
        if (stored or Rectification(uuid)).content() == new.content():
            return None
        return commands.SetRecord(uuid, stored, new, action)

    def _save_record(self, uuid: str, old: Rectification, new: Rectification, action: str) -> Changes:
        if self.tag(uuid).deleted:
            raise _invalid(self.path, "deleted", "标记已删除", "the tag was deleted")
        command = self.record_command(uuid, new, action)
        return self.apply(command) if command else Changes()

    def _check_record(self, fields: dict[str, Any]) -> None:
        for name in ("deadline", "rectified_on"):
            if name in fields and fields[name] is not None and not isinstance(fields[name], date):
                raise _invalid(self.path, name, "日期无效", "invalid date")
        measures = fields.get("measures", "")
        if not isinstance(measures, str) or len(measures) > MAX_MEASURES_CHARS:
            raise _invalid(self.path, "measures", f"整改措施应为文字，最多 {MAX_MEASURES_CHARS} 字",
                           f"measures must be text of at most {MAX_MEASURES_CHARS} characters")
        if fields.get("verdict") not in (None, *VERDICTS):
            raise _invalid(self.path, "verdict", "复查结果无效", "invalid verification result")

    # --- evidence (undoable) -----------------------------------------------------------

    def evidence(self, uuid: str | None = None) -> list[Evidence]:
        return rows.load_evidence(self._conn, uuid)

    def add_evidence(self, uuid: str, path: str | os.PathLike[str]) -> Changes:
        """Attach a returned photo, video or document; ``Changes.select`` is the problem."""
        item = self.evidence_item(uuid, Path(path))
        return self.apply(commands.AddEvidence(item))

    def evidence_item(self, uuid: str, path: Path) -> Evidence:
        """A checked, fingerprinted evidence entry for ``path`` (not stored yet)."""
        from reviewer.store import fingerprint

        self.tag(uuid)
        if not path.is_file() or path.stat().st_size == 0:
            raise _invalid(path, "evidence", f"找不到证据文件或文件为空：{path.name}",
                           f"evidence file missing or empty: {path.name}")
        kind = evidence_kind(path.name)
        if kind is None:
            raise _invalid(path, "evidence", f"不支持的证据文件类型：{path.name}",
                           f"not a photo, video or document: {path.name}")
        source = path.resolve()
        print_ = fingerprint.quick(source)
        if any(e.fingerprint.matches(print_) for e in self.evidence(uuid)):
            raise _invalid(path, "evidence", f"该证据已添加：{path.name}",
                           f"this evidence is already attached: {path.name}")
        return Evidence(new_uuid(), uuid, source.name, kind, print_, str(source),
                        self._relative(source), now_iso(), self.reviewer)

    def remove_evidence(self, evidence_id: str) -> Changes:
        found = rows.evidence_by_id(self._conn, evidence_id)
        if found is None or found.removed_at is not None:
            raise _invalid(self.path, "evidence", "没有这份证据", "no such evidence")
        return self.apply(commands.RemoveEvidence(evidence_id, found.tag_uuid))

    # --- re-checks (undoable) ----------------------------------------------------------

    def rechecks(self) -> list[Recheck]:
        return rows.load_rechecks(self._conn)

    def recheck_proposals(self) -> list[recheck.Proposal]:
        return recheck.propose(self.campaign())

    def confirm_recheck(self, earlier: str, later: str, verdict: str) -> Changes:
        """``later`` re-checks ``earlier``; the earlier problem's record follows ``verdict``."""
        if verdict not in VERDICTS:
            raise _invalid(self.path, "verdict", "复查结果无效", "invalid verification result")
        self._check_pair(earlier, later)
        old = self.rectification(earlier)
        new = recheck.follow_verdict(old, verdict, self.reviewer, now_iso())
        link = Recheck(earlier, later, "confirmed", verdict)
        return self.apply(commands.DecideRecheck((earlier, later), self._link(earlier, later),
                                                 link, self.record_command(earlier, new, "verify")))

    def reject_recheck(self, earlier: str, later: str) -> Changes:
        """Not a re-check of that problem: it is not proposed again."""
        self.tag(earlier)
        self.tag(later)
        before = self._link(earlier, later)
        if before is not None and before.confirmed:
            raise _invalid(self.path, "recheck", "已确认的复查不能驳回，请先撤销",
                           "a confirmed re-check cannot be rejected; undo it first")
        return self.apply(commands.DecideRecheck((earlier, later), before,
                                                 Recheck(earlier, later, "rejected", None)))

    def _link(self, earlier: str, later: str) -> Recheck | None:
        return next((r for r in self.rechecks()
                     if (r.earlier_uuid, r.later_uuid) == (earlier, later)), None)

    def _check_pair(self, earlier: str, later: str) -> None:
        first, second = self.tag(earlier), self.tag(later)
        if first.deleted or second.deleted or earlier == later:
            raise _invalid(self.path, "recheck", "标记已删除或相同", "a tag is deleted or the same")
        if self.round_of(earlier).position >= self.round_of(later).position:
            raise _invalid(self.path, "recheck", "复查标记须晚于原问题的期次",
                           "the re-check must be from a later round than the problem")
        taken = [r for r in self.rechecks() if r.confirmed and r.later_uuid in (earlier, later)]
        if taken:
            raise _invalid(self.path, "recheck", "该标记已是另一问题的复查",
                           "this tag already re-checks another problem")

    # --- reading the campaign ------------------------------------------------------------

    def campaign(self, today: date | None = None) -> Campaign:
        """The whole campaign as one frozen value (scoring, statistics, documents use it)."""
        tags = self.tags()
        book = self.codebook()
        rounds = self.rounds()
        problems = self._problems(tags, rounds, all_tags=True)
        return Campaign(rounds, tuple(problems.values()), tuple(self.rechecks()), book.rules,
                        tuple(c.id for c in book.counties), today or date.today(),
                        tuple(c.id for c in book.categories))

    def problems(self, tags: Sequence[Tag]) -> dict[str, Problem]:
        """uuid -> Problem for these tags (the table and timeline show round and overdue)."""
        return self._problems(tags, self.rounds())

    def _problems(self, tags: Sequence[Tag], rounds: tuple[Round, ...],
                  all_tags: bool = False) -> dict[str, Problem]:
        uuids = None if all_tags else [t.uuid for t in tags]
        links = self.rechecks()
        by_id = {r.id: r for r in rounds}
        wanted = None if uuids is None else [*uuids, *(r.later_uuid for r in links)]
        where = rows.tag_rounds(self._conn, wanted)
        round_of = {uuid: by_id.get(round_id, rounds[-1]) for uuid, round_id in where.items()}
        records = rows.load_records(self._conn, uuids)
        evidence: dict[str, list[Evidence]] = {}
        for item in (rows.load_evidence(self._conn) if all_tags else ()):
            evidence.setdefault(item.tag_uuid, []).append(item)
        since = recurred_in(links, round_of)
        rules = self.codebook().rules
        return {t.uuid: problem(t, round_of.get(t.uuid, rounds[-1]), records.get(t.uuid), rules,
                                tuple(evidence.get(t.uuid, ())), since.get(t.uuid))
                for t in tags}


def _plain(value: Any) -> Any:
    return value.isoformat() if isinstance(value, date) else value

