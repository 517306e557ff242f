"""Validate a package's tag rows a column at a time; build tags only where needed.

A package holds 10,000s of tags. Checking them row by row in Python cost
about 40 µs a row (a third of a 10-package merge), so every column is
checked as a whole with built-ins that loop in C (``set(map(type, ...))``,
``min``/``max``, one regular-expression search over the joined ids). The
rules are exactly those of the row check, which still runs when a column
fails, to name the offending tag in the message.

Validated rows stay tuples: most tags of a big merge are new to the project
and go straight into the insert, so a ``Tag`` is built (``tag``) only for
the few the merge has to decide about.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from operator import itemgetter
from pathlib import Path
from typing import Any

from reviewer.codebook.model import SEVERITIES, STATUSES
from reviewer.merge.errors import InvalidPackageError
from reviewer.store import rows
from reviewer.store.model import Still, Tag

Row = tuple[Any, ...]
TEXT_LIMIT = 4_000_000
ID_LIMIT = 200
NAME_LIMIT = 200
_MAX_INT = 2**53
CONTROL = re.compile(r"[\x00-\x1f]")

COLUMN = {name: i for i, name in enumerate(rows.TAG_COLUMNS)}
_INTS = tuple(COLUMN[n] for n in ("start_ms", "revision"))
_OPT_INTS = tuple(COLUMN[n] for n in ("end_ms", "frame_pts", "severity"))
_IDS = tuple(COLUMN[n] for n in ("uuid", "media_id", "category_id"))
_OPT_IDS = tuple(COLUMN[n] for n in ("sub_problem_id", "county_id", "township_id", "unit_id"))
_NAMES = tuple(COLUMN[n] for n in ("reviewer", "updated_by", "created_at", "updated_at",
                                   "status"))
_OPT_NAMES = tuple(COLUMN[n] for n in ("deleted_at", "deleted_by"))
_LIMITS = ((COLUMN["place"], 500), (COLUMN["note"], TEXT_LIMIT))
_STILLS = COLUMN["stills"]
_START, _END = COLUMN["start_ms"], COLUMN["end_ms"]
_REVISION, _SEVERITY, _STATUS = COLUMN["revision"], COLUMN["severity"], COLUMN["status"]
_DELETED_AT, _DELETED_BY = COLUMN["deleted_at"], COLUMN["deleted_by"]

# Tags are built positionally from rows (a keyword dict per row is slow), which is
# only right while the dataclass declares its fields in the column order.
if tuple(Tag.__dataclass_fields__) != rows.TAG_COLUMNS:
    raise RuntimeError("Tag fields and rows.TAG_COLUMNS are out of order")


Stills = Mapping[str, tuple[Still, ...]]  # a row's stills text -> the stills it holds
_UUID = itemgetter(0)


def validate(found: Sequence[Row], source: Path) -> tuple[list[Row], Stills]:
    """``found`` (rows in ``rows.TAG_COLUMNS`` order) checked, or the package refused.

    Returns the rows sorted by uuid, with every stills text in the form
    ``rows.stills_to_json`` writes (the form that gets inserted), and each
    distinct stills text parsed once (most tags have none: ``[]``).
    """
    if found and not columns_valid(list(zip(*found, strict=True))):
        for row in found:  # the slow check names the first bad row
            check_row(row, source)
        raise InvalidPackageError(source, "tags")
    parsed = _parse_all_stills(found, source)
    restate = {text: written for text, value in parsed.items()
               if (written := rows.stills_to_json(value)) != text}
    checked = [_restated(row, restate) for row in found] if restate else list(found)
    checked.sort(key=_UUID)  # SQL's order follows the column's declared collation; ours is fixed
    return checked, {rows.stills_to_json(value): value for value in parsed.values()}


_new = object.__new__


def tag(row: Row, stills: Stills) -> Tag:
    """``Tag(*row)`` with parsed stills, without the frozen dataclass's 22 ``__setattr__`` calls.

    ``row`` has been validated. Tag has no ``__post_init__``, so filling the
    instance dict directly gives an equal object in a third of the time. It
    must be the instance's own dict, filled in place: that dict shares its keys
    with every other Tag's, and a fresh dict per tag costs ~0.5 KB more.
    """
    built = _new(Tag)
    values = built.__dict__
    values.update(zip(rows.TAG_COLUMNS, row, strict=True))
    values["stills"] = stills[row[_STILLS]]  # the row holds the JSON text
    return built


# --- whole columns -------------------------------------------------------------

def columns_valid(cols: list[tuple[Any, ...]]) -> bool:
    return (all(_ints(cols[i]) for i in _INTS)
            and all(_ints(_present(cols[i])) for i in _OPT_INTS)
            and all(_idents(cols[i]) for i in _IDS)
            and all(_idents(_present(cols[i])) for i in _OPT_IDS)
            and all(_texts(cols[i], NAME_LIMIT) for i in _NAMES)
            and all(_texts(_present(cols[i]), NAME_LIMIT) for i in _OPT_NAMES)
            and all(_texts(cols[i], limit) for i, limit in _LIMITS)
            and _values_valid(cols))


def _present(col: tuple[Any, ...]) -> list[Any]:
    return [v for v in col if v is not None]


def _only(col: Sequence[Any], kind: type) -> bool:
    # ``type(v) is int`` per value, as the row check: a bool or float is refused.
    return set(map(type, col)) <= {kind}


def _ints(col: Sequence[Any]) -> bool:
    return _only(col, int) and (not col or (min(col) >= 0 and max(col) <= _MAX_INT))


def _texts(col: Sequence[Any], limit: int) -> bool:
    return _only(col, str) and max(map(len, col), default=0) <= limit


def _idents(col: Sequence[Any]) -> bool:
    # Control characters are single characters, so joining cannot create or hide one.
    return _texts(col, ID_LIMIT) and min(map(len, col), default=1) > 0 \
        and not CONTROL.search("".join(col))


def _values_valid(cols: list[tuple[Any, ...]]) -> bool:
    return (all(e is None or e >= s for s, e in zip(cols[_START], cols[_END], strict=True))
            and min(cols[_REVISION]) >= 1
            and set(cols[_SEVERITY]) <= {None, *SEVERITIES}
            and set(cols[_STATUS]) <= set(STATUSES)
            and [v is None for v in cols[_DELETED_AT]] == [v is None for v in cols[_DELETED_BY]])


# --- one row (only to name the offending tag) -------------------------------

def check_row(row: Row, source: Path) -> None:
    where = f"tag {str(row[0])[:40]}"
    ok = all(type(row[i]) is int and 0 <= row[i] <= _MAX_INT for i in _INTS) \
        and all(row[i] is None or (type(row[i]) is int and 0 <= row[i] <= _MAX_INT)
                for i in _OPT_INTS) \
        and all(is_ident(row[i]) for i in _IDS) \
        and all(row[i] is None or is_ident(row[i]) for i in _OPT_IDS) \
        and all(type(row[i]) is str and len(row[i]) <= NAME_LIMIT for i in _NAMES) \
        and all(row[i] is None or (type(row[i]) is str and len(row[i]) <= NAME_LIMIT)
                for i in _OPT_NAMES) \
        and all(type(row[i]) is str and len(row[i]) <= limit for i, limit in _LIMITS) \
        and _row_values_valid(row)
    if not ok:
        raise InvalidPackageError(source, where)


def _row_values_valid(row: Row) -> bool:
    return not ((row[_END] is not None and row[_END] < row[_START]) or row[_REVISION] < 1
                or (row[_SEVERITY] is not None and row[_SEVERITY] not in SEVERITIES)
                or row[_STATUS] not in STATUSES
                or (row[_DELETED_AT] is None) != (row[_DELETED_BY] is None))


def is_ident(value: Any) -> bool:
    return type(value) is str and 0 < len(value) <= ID_LIMIT and not CONTROL.search(value)


# --- stills ------------------------------------------------------------------

def _parse_all_stills(found: Sequence[Row], source: Path) -> dict[Any, tuple[Still, ...]]:
    """Each distinct stills text parsed once, in row order so that the first bad one is named."""
    parsed: dict[Any, tuple[Still, ...]] = {"[]": ()}
    for text in dict.fromkeys(map(itemgetter(_STILLS), found)):  # distinct, first seen first
        if text not in parsed:
            parsed[text] = _parse_stills(text, found, source)
    return parsed


def _restated(row: Row, restate: dict[Any, str]) -> Row:
    """``row`` with its stills as ``rows.stills_to_json`` writes them (``[[1,null]]``: ``[[1, null]]``)."""
    text = restate.get(row[_STILLS])
    return row if text is None else (*row[:_STILLS], text, *row[_STILLS + 1:])


def _parse_stills(text: Any, found: Sequence[Row], source: Path) -> tuple[Still, ...]:
    try:
        stills = rows.stills_from_json(text)
    except (TypeError, ValueError, RecursionError) as exc:  # nested thousands deep
        raise InvalidPackageError(source, _naming(text, found)) from exc
    if any(s.pts_ms < 0 for s in stills):
        raise InvalidPackageError(source, _naming(text, found))
    return stills


def _naming(text: Any, found: Sequence[Row]) -> str:
    uuid = next(row[0] for row in found if row[_STILLS] == text)  # the first row holding it
    return f"tag {str(uuid)[:40]}: stills"
