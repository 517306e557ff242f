"""Reading a returned ledger back into the project: validated, all or nothing.

The file (XLSX, or CSV like our own CSV export) is read by :mod:`ledger_file`, which refuses
anything that is not a readable table. Every row is checked first (known tag, known status,
no tag twice, and the rectification columns: reviewer/campaign/ledger_import.py); one bad
row refuses the whole file. The changes are then committed as one command, so they save in
one transaction and undo as one step.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from pathlib import Path

from reviewer.campaign import ledger_import
from reviewer.codebook.model import STATUS_LABELS
from reviewer.export import ledger_file
from reviewer.export.ledger import HEADERS, ID_COLUMN, STATUS_COLUMN
from reviewer.store.commands import Batch, Command, EditTag
from reviewer.store.errors import UnknownTagError
from reviewer.store.model import Changes, Tag
from reviewer.store.project import Project

_MAX_LISTED = 5


@dataclass(frozen=True)
class ReadBack:
    rows: int  # ledger rows read
    changed: tuple[str, ...]  # UUIDs whose status changed
    changes: Changes
    followups: ledger_import.Planned | None = None  # measures, evidence, verdicts, closures


@dataclass(frozen=True)
class Plan:
    """What a sheet asks for, checked and not yet applied."""

    edits: tuple[EditTag, ...]  # status changes
    followups: ledger_import.Planned  # the rectification columns
    rows: int

    @property
    def commands(self) -> tuple[Command, ...]:
        return (*self.edits, *self.followups.commands)


def _status_codes() -> dict[str, str]:
    codes = {code: code for code in STATUS_LABELS}
    for code, (zh, en) in STATUS_LABELS.items():
        codes.update({zh: code, en.lower(): code})
    return codes


def read_ledger(path: Path) -> ledger_file.Sheet:
    """Read a returned ledger (XLSX or CSV) and check it has the tag id and status columns."""
    sheet = ledger_file.read(path)
    sheet.require(HEADERS["zh"][ID_COLUMN], HEADERS["en"][ID_COLUMN])
    sheet.require(HEADERS["zh"][STATUS_COLUMN], HEADERS["en"][STATUS_COLUMN])
    return sheet


def read_statuses(sheet: ledger_file.Sheet) -> list[tuple[int, str, str]]:
    """(sheet row, tag UUID, status text) for every ledger row that has a tag id."""
    id_col = sheet.require(HEADERS["zh"][ID_COLUMN], HEADERS["en"][ID_COLUMN])
    status_col = sheet.require(HEADERS["zh"][STATUS_COLUMN], HEADERS["en"][STATUS_COLUMN])
    found = []
    for n, values in sheet.rows:
        uuid = values[id_col] if id_col < len(values) else ""
        if uuid:
            found.append((n, uuid, values[status_col] if status_col < len(values) else ""))
    return found


def apply_ledger(project: Project, path: Path) -> ReadBack:
    """Validate every row of ``path``, then commit all its changes at once (or none)."""
    return apply_sheet(project, read_ledger(path))


def apply_sheet(project: Project, sheet: ledger_file.Sheet) -> ReadBack:
    """Validate every row of ``sheet``, then commit all its changes at once (or none)."""
    plan = plan_sheet(project, sheet)
    every = plan.commands
    changes = project.apply(Batch(every)) if every else Changes()
    return ReadBack(plan.rows, tuple(e.uuid for e in plan.edits), changes, plan.followups)


def plan_sheet(project: Project, sheet: ledger_file.Sheet) -> Plan:
    """Everything ``sheet`` asks for; raises on any bad row. Reads only (read-only is fine)."""
    entries = read_statuses(sheet)
    codes, problems, edits, seen = _status_codes(), [], [], set()
    for row, uuid, text in entries:
        code = codes.get(text, codes.get(text.lower()))
        tag = _tag(project, uuid)
        if tag is None:
            problems.append((f"第{row}行：未知标记", f"row {row}: unknown tag"))
        elif uuid in seen:
            problems.append((f"第{row}行：标记重复", f"row {row}: the tag is listed twice"))
        elif code is None:
            problems.append((f"第{row}行：整改状态“{text}”无效", f"row {row}: invalid status '{text}'"))
        elif tag.status != code:
            edits.append(EditTag.between(tag, replace(tag, status=code)))
        seen.add(uuid)
    # Campaign (#14): the rectification columns, checked and applied with the statuses.
    after = {u: codes.get(t, codes.get(t.lower())) or "" for _, u, t in entries}
    id_col = sheet.require(HEADERS["zh"][ID_COLUMN], HEADERS["en"][ID_COLUMN])
    more = ledger_import.plan(project, sheet.path, list(sheet.header), sheet.rows, id_col, after)
    problems += [_split(p) for p in more.problems]
    if problems:
        raise row_errors(sheet.path, problems)
    return Plan(tuple(edits), more, len(entries))


def _split(problem: str) -> tuple[str, str]:
    """ledger_import's "第N行 … / row N: …" as its two languages."""
    zh, _, en = problem.partition(" / ")
    return zh, en or zh


def row_errors(path: Path, problems: list[tuple[str, str]]) -> ledger_file.LedgerError:
    """One error listing the first few bad rows (and how many more there are)."""
    extra = len(problems) - _MAX_LISTED
    zh = "；".join(p[0] for p in problems[:_MAX_LISTED]) + (f"（另有 {extra} 处）" if extra > 0 else "")
    en = "; ".join(p[1] for p in problems[:_MAX_LISTED]) + (f" (+{extra} more)" if extra > 0 else "")
    return ledger_file.LedgerError(path, "rows", zh, en)


def _tag(project: Project, uuid: str) -> Tag | None:
    try:
        tag = project.tag(uuid)
    except UnknownTagError:
        return None
    return None if tag.deleted else tag
