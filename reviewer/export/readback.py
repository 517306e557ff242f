"""Reading a returned ledger back into the project: validated, all or nothing.

Every row is checked first (known tag, known status, no tag twice, and the rectification
columns: reviewer/campaign/ledger_import.py); one bad row refuses the whole file. The
changes are then committed as one command, so they save in one transaction and undo as
one step.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

import openpyxl

from reviewer.campaign import ledger_import
from reviewer.campaign.commands import Batch
from reviewer.codebook.model import STATUS_LABELS
from reviewer.export.common import ExportError
from reviewer.export.ledger import HEADERS
from reviewer.store.commands import EditTag
from reviewer.store.model import Changes
from reviewer.store.project import Project

_MAX_LISTED = 5


@dataclass(frozen=True)
class ReadBack:
    rows: int  # ledger rows read
    changed: tuple[str, ...]  # UUIDs whose status changed
    changes: Changes
    followups: ledger_import.Planned | None = None  # measures, evidence, verdicts, closures


def _status_codes() -> dict[str, str]:
    codes = {code: code for code in STATUS_LABELS}
    for code, (zh, en) in STATUS_LABELS.items():
        codes.update({zh: code, en.lower(): code})
    return codes


def sheet_rows(path: Path) -> tuple[list[str], list[tuple[Any, ...]]]:
    """The first sheet's header (stripped text) and the rows under it."""
    try:
        book = openpyxl.load_workbook(path, read_only=True, data_only=True)
    except (OSError, ValueError, KeyError) as exc:
        raise ExportError("ledger", f"{path.name}: {exc}") from exc
    try:
        rows = list(book.worksheets[0].iter_rows(values_only=True))
    finally:
        book.close()
    if not rows:
        raise ExportError("ledger", path.name)
    return [str(h or "").strip() for h in rows[0]], rows[1:]


def read_statuses(path: Path) -> list[tuple[int, str, str]]:
    """(sheet row, tag UUID, status text) for every ledger row that has a tag id."""
    header, rows = sheet_rows(path)
    return _statuses(header, rows, path)


def _statuses(header: list[str], rows: list[tuple[Any, ...]],
              path: Path) -> list[tuple[int, str, str]]:
    id_col = _id_column(header, path)
    status_col = _column(header, "整改状态", "Status", path)
    found = []
    for n, values in enumerate(rows, start=2):
        uuid = str(values[id_col] or "").strip() if id_col < len(values) else ""
        if uuid:
            status = values[status_col] if status_col < len(values) else None
            found.append((n, uuid, str(status or "").strip()))
    return found


def _id_column(header: list[str], path: Path) -> int:
    return _column(header, HEADERS["zh"][-1], HEADERS["en"][-1], path)


def _column(header: list[str], zh: str, en: str, path: Path) -> int:
    for name in (zh, en):
        if name in header:
            return header.index(name)
    raise ExportError("ledger", f"{path.name}: no column {zh} / {en}")


def apply_ledger(project: Project, path: Path) -> ReadBack:
    """Validate every row of ``path``, then commit all status changes at once (or none);
    with them the rectification columns (measures, evidence, verdict, closure)."""
    header, sheet = sheet_rows(path)
    entries = _statuses(header, sheet, path)
    codes, problems, edits, seen = _status_codes(), [], [], set()
    for row, uuid, text in entries:
        code = codes.get(text, codes.get(text.lower()))
        tag = _tag(project, uuid)
        if tag is None:
            problems.append(f"第{row}行 未知标记 / row {row}: unknown tag")
        elif uuid in seen:
            problems.append(f"第{row}行 重复 / row {row}: duplicate tag")
        elif code is None:
            problems.append(f"第{row}行 状态“{text}”无效 / row {row}: invalid status")
        elif tag.status != code:
            edits.append(EditTag.between(tag, replace(tag, status=code)))
        seen.add(uuid)
    # Campaign (#14): the rectification columns, checked and applied with the statuses.
    after = {u: codes.get(t, codes.get(t.lower())) or "" for _, u, t in entries}
    more = ledger_import.plan(project, path, header, sheet, _id_column(header, path), after)
    problems += list(more.problems)
    if problems:
        extra = f" (+{len(problems) - _MAX_LISTED})" if len(problems) > _MAX_LISTED else ""
        raise ExportError("ledger", "; ".join(problems[:_MAX_LISTED]) + extra)
    every = (*edits, *more.commands)
    changes = project.apply(Batch(every)) if every else Changes()
    return ReadBack(len(entries), tuple(e.uuid for e in edits), changes, more)


def _tag(project: Project, uuid: str):  # noqa: ANN202 - Tag | None
    from reviewer.store.errors import UnknownTagError

    try:
        tag = project.tag(uuid)
    except UnknownTagError:
        return None
    return None if tag.deleted else tag
