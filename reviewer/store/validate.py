"""Checks an edit must pass before it is written: a wrong edit is refused, never retried."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from reviewer.codebook.model import SEVERITIES, STATUSES, CodeBook
from reviewer.store.errors import InvalidEditError
from reviewer.store.model import Still, Tag

MAX_NOTE_CHARS = 4_000_000
MAX_PLACE_CHARS = 500


def check_fields(path: Path, tag: Tag, book: CodeBook, names: tuple[str, ...]) -> None:
    """Validate the named fields of ``tag`` against ``book``; raise InvalidEditError."""
    for name in names:
        check = _CHECKS.get(name)
        if check is not None:
            problem = check(tag, book)
            if problem:
                raise InvalidEditError(path, name, *problem)


def _time(tag: Tag, book: CodeBook) -> tuple[str, str] | None:
    if not _is_int(tag.start_ms) or tag.start_ms < 0:
        return ("开始时间无效", "the start time is invalid")
    if tag.end_ms is not None and (not _is_int(tag.end_ms) or tag.end_ms < tag.start_ms):
        return ("结束时间早于开始时间", "the end is before the start")
    return None


def _frame(tag: Tag, book: CodeBook) -> tuple[str, str] | None:
    if tag.frame_pts is not None and not _is_int(tag.frame_pts):
        return ("帧时间戳无效", "the frame pts is invalid")
    return None


def _category(tag: Tag, book: CodeBook) -> tuple[str, str] | None:
    if book.category(tag.category_id) is None:
        return (f"代码本中没有类别 {tag.category_id}", f"no category {tag.category_id} in the code book")
    return None


def _sub_problem(tag: Tag, book: CodeBook) -> tuple[str, str] | None:
    if tag.sub_problem_id is not None and book.parent_category(tag.sub_problem_id) != tag.category_id:
        return ("具体问题不属于所选类别", "the sub-problem does not belong to the category")
    return None


def _county(tag: Tag, book: CodeBook) -> tuple[str, str] | None:
    if tag.county_id is not None and book.county(tag.county_id) is None:
        return (f"代码本中没有县市 {tag.county_id}", f"no county {tag.county_id} in the code book")
    return None


def _township(tag: Tag, book: CodeBook) -> tuple[str, str] | None:
    if tag.township_id is None:
        return None
    owner = book.parent_county(tag.township_id)
    if owner is None or (tag.county_id is not None and owner != tag.county_id):
        return ("乡镇不属于所选县市", "the township does not belong to the county")
    return None


def _unit(tag: Tag, book: CodeBook) -> tuple[str, str] | None:
    if tag.unit_id is not None and book.unit(tag.unit_id) is None:
        return (f"代码本中没有责任单位 {tag.unit_id}", f"no unit {tag.unit_id} in the code book")
    return None


def _severity(tag: Tag, book: CodeBook) -> tuple[str, str] | None:
    if tag.severity is not None and tag.severity not in SEVERITIES:
        return ("严重程度应为 1–3", "severity must be 1-3")
    return None


def _status(tag: Tag, book: CodeBook) -> tuple[str, str] | None:
    if tag.status not in STATUSES:
        return ("整改状态无效", "invalid rectification status")
    return None


def _place(tag: Tag, book: CodeBook) -> tuple[str, str] | None:
    return _text(tag.place, MAX_PLACE_CHARS, "地点", "place")


def _note(tag: Tag, book: CodeBook) -> tuple[str, str] | None:
    return _text(tag.note, MAX_NOTE_CHARS, "备注", "note")


def _stills(tag: Tag, book: CodeBook) -> tuple[str, str] | None:
    if not all(isinstance(s, Still) and _is_int(s.pts_ms) and s.pts_ms >= 0 for s in tag.stills):
        return ("截图时间无效", "invalid still time")
    return None


def _text(value: Any, limit: int, zh: str, en: str) -> tuple[str, str] | None:
    if not isinstance(value, str):
        return (f"{zh}应为文字", f"the {en} must be text")
    if len(value) > limit:
        return (f"{zh}过长（最多 {limit} 字）", f"the {en} is too long (max {limit} characters)")
    try:
        value.encode("utf-8")
    except UnicodeEncodeError:
        # Lone surrogates come from broken copy-paste; they cannot be stored as UTF-8.
        return (f"{zh}含有无效字符", f"the {en} contains invalid characters")
    return None


def _is_int(value: Any) -> bool:
    return isinstance(value, int) and not isinstance(value, bool)


_CHECKS: dict[str, Callable[[Tag, CodeBook], tuple[str, str] | None]] = {
    "start_ms": _time,
    "end_ms": _time,
    "frame_pts": _frame,
    "category_id": _category,
    "sub_problem_id": _sub_problem,
    "county_id": _county,
    "township_id": _township,
    "unit_id": _unit,
    "severity": _severity,
    "status": _status,
    "place": _place,
    "note": _note,
    "stills": _stills,
}
