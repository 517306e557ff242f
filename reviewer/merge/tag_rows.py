"""Validate a package's tag rows a column at a time, then build the tags.

A package holds 10,000s of tags. Checking them row by row in Python cost
about 40 µs a row (a third of a 10-package merge), so every column is
checked as a whole with built-ins that loop in C (``set(map(type, ...))``,
``min``/``max``, one regular-expression search over the joined ids). The
rules are exactly those of the row check, which still runs when a column
fails, to name the offending tag in the message.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
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

_COLUMN = {name: i for i, name in enumerate(rows.TAG_COLUMNS)}
_INTS = tuple(_COLUMN[n] for n in ("start_ms", "revision"))
_OPT_INTS = tuple(_COLUMN[n] for n in ("end_ms", "frame_pts", "severity"))
_IDS = tuple(_COLUMN[n] for n in ("uuid", "media_id", "category_id"))
_OPT_IDS = tuple(_COLUMN[n] for n in ("sub_problem_id", "county_id", "township_id", "unit_id"))
_NAMES = tuple(_COLUMN[n] for n in ("reviewer", "updated_by", "created_at", "updated_at",
                                    "status"))
_OPT_NAMES = tuple(_COLUMN[n] for n in ("deleted_at", "deleted_by"))
_LIMITS = ((_COLUMN["place"], 500), (_COLUMN["note"], TEXT_LIMIT))
_STILLS = _COLUMN["stills"]
_START, _END = _COLUMN["start_ms"], _COLUMN["end_ms"]
_REVISION, _SEVERITY, _STATUS = _COLUMN["revision"], _COLUMN["severity"], _COLUMN["status"]
_DELETED_AT, _DELETED_BY = _COLUMN["deleted_at"], _COLUMN["deleted_by"]

# Tags are built positionally from rows (a keyword dict per row is slow), which is
# only right while the dataclass declares its fields in the column order.
if tuple(Tag.__dataclass_fields__) != rows.TAG_COLUMNS:
    raise RuntimeError("Tag fields and rows.TAG_COLUMNS are out of order")


def tags_from_rows(found: Sequence[Row], source: Path) -> tuple[Tag, ...]:
    """Validated tags for ``found`` (rows in ``rows.TAG_COLUMNS`` order), or refuse the package."""
    if found and not columns_valid(list(zip(*found, strict=True))):
        for row in found:  # the slow check names the first bad row
            check_row(row, source)
        raise InvalidPackageError(source, "tags")
    stills = _stills_cache(source)
    return tuple([_tag(row, stills(row[_STILLS], row[0])) for row in found])


_new = object.__new__


def _tag(row: Row, stills: tuple[Still, ...]) -> Tag:
    """``Tag(*row)`` with parsed stills, without the frozen dataclass's 22 ``__setattr__`` calls.

    Tag has no ``__post_init__`` and the values are already validated, so filling
    the instance dict directly gives an equal object in a third of the time. It
    must be the instance's own dict, filled in place: that dict shares its keys
    with every other Tag's, and a fresh dict per tag costs ~0.5 KB more (50 MB
    over a 100,000-tag merge).
    """
    tag = _new(Tag)
    values = tag.__dict__
    values.update(zip(rows.TAG_COLUMNS, row, strict=True))
    values["stills"] = stills  # the row holds the JSON text; no slicing of the row
    return tag


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

def _stills_cache(source: Path) -> Callable[[Any, Any], tuple[Still, ...]]:
    """Parse each distinct stills text once: most tags have none (``[]``)."""
    parsed: dict[Any, tuple[Still, ...]] = {"[]": ()}

    def stills(text: Any, uuid: Any) -> tuple[Still, ...]:
        found = parsed.get(text)
        if found is None:
            found = parsed[text] = _parse_stills(text, f"tag {str(uuid)[:40]}", source)
        return found

    return stills


def _parse_stills(text: Any, where: str, source: Path) -> tuple[Still, ...]:
    try:
        stills = rows.stills_from_json(text)
    except (TypeError, ValueError) as exc:
        raise InvalidPackageError(source, f"{where}: stills") from exc
    if any(s.pts_ms < 0 for s in stills):
        raise InvalidPackageError(source, f"{where}: stills")
    return stills
