"""Reading a returned ledger's status column back into the project: validated, all or nothing.

The file (XLSX, or CSV like our own CSV export) is read by :mod:`ledger_file`, which refuses
anything that is not a readable table. Every row is checked first (known tag, known status,
no tag twice); one bad row refuses the whole file. The changes are then committed as one command, so they save in one transaction
and undo as one step.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from pathlib import Path

from reviewer.codebook.model import STATUS_LABELS
from reviewer.export import ledger_file
from reviewer.export.ledger import HEADERS, ID_COLUMN, STATUS_COLUMN
from reviewer.store.commands import Batch, EditTag
from reviewer.store.errors import UnknownTagError
from reviewer.store.model import Changes, Tag
from reviewer.store.project import Project

_MAX_LISTED = 5


# Status edits of one ledger: one transaction, one undo step.
StatusBatch = Batch


@dataclass(frozen=True)
class ReadBack:
    rows: int  # ledger rows read
    changed: tuple[str, ...]  # UUIDs whose status changed
    changes: Changes


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
    """Validate every row of ``path``, then commit all status changes at once (or none)."""
    return apply_sheet(project, read_ledger(path))


def apply_sheet(project: Project, sheet: ledger_file.Sheet) -> ReadBack:
    """Validate every row of ``sheet``, then commit all status changes at once (or none)."""
    edits, rows = plan_sheet(project, sheet)
    changes = project.apply(StatusBatch(edits)) if edits else Changes()
    return ReadBack(rows, tuple(e.uuid for e in edits), changes)


def plan_sheet(project: Project, sheet: ledger_file.Sheet) -> tuple[tuple[EditTag, ...], int]:
    """The status edits ``sheet`` asks for, and how many rows it has; raises on any bad row.

    Reads only, so it may run on a project opened read-only.
    """
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
    if problems:
        raise row_errors(sheet.path, problems)
    return tuple(edits), len(entries)


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
