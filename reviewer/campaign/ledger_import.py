"""The rectification columns of a returned ledger (整改措施, 完成时间, 整改证据, 复查结果, 销号).

Read together with the status column (reviewer/export/readback.py) and applied with it
in one transaction, or not at all: every row is checked first, and one bad row refuses
the whole file. Blank cells change nothing (a unit that leaves measures empty erases
none); a closed problem is never reopened by a ledger. Evidence files are named in the
ledger (the names an exported ledger lists are the ones attached already) and looked for
in the ledger's own folder only: a name that leaves that folder (an absolute path, ``..``)
is refused, whatever is there.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, replace
from datetime import date, datetime
from pathlib import Path, PurePosixPath, PureWindowsPath
from typing import TYPE_CHECKING, Any

from reviewer.campaign import commands, deadlines
from reviewer.campaign.model import VERDICT_LABELS, Evidence, Rectification
from reviewer.campaign.recheck import follow_verdict
from reviewer.campaign.store import MAX_MEASURES_CHARS
from reviewer.store import fingerprint
from reviewer.store.errors import StoreError
from reviewer.store.model import now_iso

if TYPE_CHECKING:
    from reviewer.store.commands import Command
    from reviewer.store.model import Tag
    from reviewer.store.project import Project

COLUMNS = {
    "measures": ("整改措施", "Measures"),
    "rectified_on": ("完成时间", "Rectified on"),
    "evidence": ("整改证据", "Evidence"),
    "verdict": ("复查结果", "Verification"),
    "closed": ("销号", "Closed"),
}
_SPLIT = re.compile(r"[；;、,，\n\r]+")
_DATE = re.compile(r"^(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?")
_NO = {"", "否", "未销号", "no", "n", "-", "—"}
MAX_EVIDENCE_PER_ROW = 50


@dataclass(frozen=True)
class Planned:
    commands: tuple[Command, ...]
    problems: tuple[str, ...]  # one "第N行 … / row N: …" line each
    records: tuple[str, ...]  # problems whose record changes
    evidence: int  # files attached
    closed: int  # problems closed


def columns(header: list[str]) -> dict[str, int]:
    """Which rectification columns this ledger has (an older ledger has none)."""
    found = {}
    for key, names in COLUMNS.items():
        for name in names:
            if name in header:
                found[key] = header.index(name)
                break
    return found


def plan(project: Project, ledger: Path, header: list[str],
         rows: Sequence[tuple[int, Sequence[Any]]], id_col: int,
         statuses: dict[str, str]) -> Planned:
    """The record and evidence commands for every row with a tag id; ``rows`` are (sheet row,
    cells); ``statuses`` maps each tag to its status after the import (the status column's
    own changes)."""
    where = columns(header)
    builder = _Builder(project, ledger.parent, statuses)
    for n, values in rows:
        uuid = _cell(values, id_col)
        tag = project_tag(project, uuid) if uuid else None
        if tag is not None and uuid in statuses:
            builder.row(n, tag, {key: values[col] if col < len(values) else None
                                 for key, col in where.items()})
    return builder.result()


def project_tag(project: Project, uuid: str) -> Tag | None:
    try:
        found = project.tag(uuid)
    except StoreError:
        return None
    return None if found.deleted else found


def _cell(values: Sequence[Any], col: int) -> str:
    return str(values[col] or "").strip() if col < len(values) else ""


class _Builder:
    def __init__(self, project: Project, folder: Path, statuses: dict[str, str]) -> None:
        self.project, self.folder, self.statuses = project, folder, statuses
        self.commands: list[Command] = []
        self.problems: list[str] = []
        self.records: list[str] = []
        self.evidence = self.closed = 0
        self.today = date.today()

    def fail(self, row: int, zh: str, en: str) -> None:
        self.problems.append(f"第{row}行 {zh} / row {row}: {en}")

    def row(self, n: int, tag: Tag, cells: dict[str, Any]) -> None:
        old = self.project.rectification(tag.uuid)
        new = self._record(n, tag, old, cells)
        for item in self._evidence(n, tag, cells.get("evidence")):
            self.commands.append(commands.AddEvidence(item))
            self.evidence += 1
        if new is not None:
            command = self.project.record_command(tag.uuid, new, "import")
            if command is not None:
                self.commands.append(command)
                self.records.append(tag.uuid)

    def _record(self, n: int, tag: Tag, old: Rectification,
                cells: dict[str, Any]) -> Rectification | None:
        new = old
        measures = _text(cells.get("measures"))
        if measures:
            if len(measures) > MAX_MEASURES_CHARS:
                self.fail(n, f"整改措施超过 {MAX_MEASURES_CHARS} 字", "measures too long")
                return None
            new = new.with_(measures=measures)
        new = self._rectified_on(n, tag, new, cells.get("rectified_on"))
        new = self._verdict(n, new, cells.get("verdict"))
        return self._close(n, tag, new, cells.get("closed"))

    def _rectified_on(self, n: int, tag: Tag, record: Rectification, value: Any) -> Rectification:
        if _text(value):
            day = parse_date(value)
            if day is None or day > self.today:
                self.fail(n, f"完成时间“{_text(value)}”无效", "invalid rectified-on date")
                return record
            return record.with_(rectified_on=day)
        # Reported rectified just now, with no day given: it was done by today.
        newly_done = self.statuses.get(tag.uuid) in deadlines.DONE_STATUSES and \
            tag.status not in deadlines.DONE_STATUSES
        return record.with_(rectified_on=self.today) if newly_done and not record.rectified_on \
            else record

    def _verdict(self, n: int, record: Rectification, value: Any) -> Rectification:
        text = _text(value)
        if not text:
            return record
        code = verdict_code(text)
        if code is None:
            self.fail(n, f"复查结果“{text}”无效", "invalid verification result")
            return record
        if code == record.verdict:
            return record
        return follow_verdict(record, code, self.project.reviewer, now_iso())

    def _close(self, n: int, tag: Tag, record: Rectification, value: Any) -> Rectification:
        if _text(value).lower() in _NO or record.closed:
            return record
        reported = replace(tag, status=self.statuses.get(tag.uuid, tag.status))
        if not deadlines.may_close(reported, record):
            self.fail(n, "问题未整改到位，不能销号", "not rectified; cannot be closed")
            return record
        self.closed += 1
        return record.with_(closed_at=now_iso(), closed_by=self.project.reviewer)

    def _evidence(self, n: int, tag: Tag, value: Any) -> list[Evidence]:
        names = [x.strip() for x in _SPLIT.split(_text(value)) if x.strip()]
        if len(names) > MAX_EVIDENCE_PER_ROW:
            self.fail(n, "整改证据文件过多", "too many evidence files")
            return []
        found: list[Evidence] = []
        known = {e.name for e in self.project.evidence(tag.uuid)}
        for name in names:
            if name in known and not (self.folder / name).is_file():
                continue  # listed by the ledger we exported: attached already
            path = self._inside(n, name)
            if path is None or self._attached(tag.uuid, path, found):
                continue  # an earlier import (or this row) attached it already
            try:
                found.append(self.project.evidence_item(tag.uuid, path))
            except StoreError as exc:
                self.fail(n, exc.message("zh_CN"), exc.message("en"))
        return found

    def _attached(self, uuid: str, path: Path, found: list[Evidence]) -> bool:
        print_ = fingerprint.quick(path.resolve())
        return any(e.fingerprint.matches(print_) for e in [*self.project.evidence(uuid), *found])

    def _inside(self, n: int, name: str) -> Path | None:
        """``name`` in the ledger's folder, or None (reported) if it points anywhere else."""
        pure = PureWindowsPath(name) if "\\" in name or ":" in name else PurePosixPath(name)
        if pure.is_absolute() or pure.drive or pure.anchor or ".." in pure.parts:
            self.fail(n, f"证据文件须在台账所在文件夹内：{name}",
                      f"evidence must be inside the ledger's folder: {name}")
            return None
        path = self.folder.joinpath(*pure.parts)
        try:
            inside = path.resolve().is_relative_to(self.folder.resolve())
        except OSError:
            inside = False
        if not inside or not path.is_file():
            self.fail(n, f"找不到证据文件：{name}", f"no such evidence file: {name}")
            return None
        return path

    def result(self) -> Planned:
        return Planned(tuple(self.commands), tuple(self.problems), tuple(self.records),
                       self.evidence, self.closed)


def _text(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, datetime | date):
        return value.isoformat()[:10]
    return str(value).strip()


def parse_date(value: Any) -> date | None:
    """A date cell, or text like 2026-11-15, 2026/11/15, 2026年11月15日."""
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    match = _DATE.match(str(value).strip())
    if not match:
        return None
    try:
        return date(*(int(g) for g in match.groups()))
    except ValueError:
        return None


def verdict_code(text: str) -> str | None:
    codes = {code: code for code in VERDICT_LABELS}
    for code, (zh, en) in VERDICT_LABELS.items():
        codes.update({zh: code, en.lower(): code})
    return codes.get(text, codes.get(text.lower()))
