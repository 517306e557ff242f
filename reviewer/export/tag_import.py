"""Tags made elsewhere, from a table shaped like our ledger (XLSX or CSV): validated, all or nothing.

The ledger's own columns are the format, so an exported ledger (XLSX or CSV, Chinese or
English headers) imports back unchanged. A row whose 标记ID is already in the project updates
what differs; a row with a new id, or none, is added. Times are pinned to the frame on screen
through the footage's frame index, as the window does (kept as written when the footage is
offline). Every row is checked before anything is written; one bad row refuses the file, and
the rest commit as one transaction, one undo step.
"""

from __future__ import annotations

import re
import uuid as uuids
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

from reviewer.codebook import lookup
from reviewer.codebook.model import CodeBook
from reviewer.export import ledger_file
from reviewer.export.ledger import HEADERS, ID_COLUMN, STATUS_COLUMN
from reviewer.export.readback import row_errors
from reviewer.store.commands import AddTag, Batch, EditTag
from reviewer.store.errors import InvalidEditError, StoreError
from reviewer.store.frames import FrameTimes
from reviewer.store.model import EDITABLE_FIELDS, Changes, Media, Tag, new_tag
from reviewer.store.project import Project
from reviewer.store.validate import check_fields
from reviewer.timecode import GotoTarget, format_ms, parse_position

# Ledger column (HEADERS index) of each thing a row says; found by header name, so the
# rectification columns (#14) between them change nothing.
_COLUMNS = {"category": 1, "sub_problem": 2, "county": 3, "place": 4, "unit": 5, "severity": 6,
            "footage": 8, "status": STATUS_COLUMN, "note": 10, "id": ID_COLUMN}
_TIME = r"(?:#\d+|\d+(?::\d{1,2}){0,2}(?:\.\d+)?)"
# "footage name  start[–end]", as the ledger writes it ("a.mp4 01:02.345–01:05.000").
_FOOTAGE_TIME = re.compile(rf"^(?P<name>.+?)\s+(?P<start>{_TIME})(?:\s*[-–~—]\s*(?P<end>{_TIME}))?$")


@dataclass(frozen=True)
class Plan:
    """What importing a sheet would do; nothing is written yet."""

    rows: int
    commands: tuple[AddTag | EditTag, ...]
    unpinned: int  # rows whose footage is offline: times kept as written, not pinned to frames

    @property
    def added(self) -> tuple[str, ...]:
        return tuple(c.tag.uuid for c in self.commands if isinstance(c, AddTag))

    @property
    def updated(self) -> tuple[str, ...]:
        return tuple(c.uuid for c in self.commands if isinstance(c, EditTag))

    @property
    def unchanged(self) -> int:
        return self.rows - len(self.commands)


@dataclass(frozen=True)
class ImportResult(Plan):
    changes: Changes = Changes()


class RowProblem(Exception):
    def __init__(self, zh: str, en: str) -> None:
        super().__init__(en)
        self.zh, self.en = zh, en


def read(path: Path) -> ledger_file.Sheet:
    """Read ``path`` and check it has the columns a tag needs (category, footage and time)."""
    sheet = ledger_file.read(path)
    for name in ("category", "footage"):
        col = _COLUMNS[name]
        sheet.require(HEADERS["zh"][col], HEADERS["en"][col])
    return sheet


def plan(project: Project, sheet: ledger_file.Sheet,
         frames: dict[str, FrameTimes | None] | None = None) -> Plan:
    """Check every row of ``sheet`` against ``project`` (which may be open read-only)."""
    rows = _Rows(project, sheet, {} if frames is None else frames)
    commands: list[AddTag | EditTag] = []
    problems: list[tuple[str, str]] = []
    for n, values in sheet.rows:
        try:
            command = rows.read(values)
        except RowProblem as problem:
            problems.append((f"第{n}行：{problem.zh}", f"row {n}: {problem.en}"))
            continue
        if command is not None:
            commands.append(command)
    if problems:
        raise row_errors(sheet.path, problems)
    return Plan(len(sheet.rows), tuple(commands), rows.unpinned)


def import_sheet(project: Project, sheet: ledger_file.Sheet,
                 frames: dict[str, FrameTimes | None] | None = None) -> ImportResult:
    """Check every row, then add and update the tags in one transaction (one undo step)."""
    checked = plan(project, sheet, frames)
    changes = project.apply(Batch(checked.commands)) if checked.commands else Changes()
    return ImportResult(checked.rows, checked.commands, checked.unpinned, changes)


class _Rows:
    """Turns ledger rows into commands against one project."""

    def __init__(self, project: Project, sheet: ledger_file.Sheet,
                 frames: dict[str, FrameTimes | None]) -> None:
        self.project, self.book = project, project.codebook()
        self.columns = {name: sheet.column(HEADERS["zh"][i], HEADERS["en"][i])
                        for name, i in _COLUMNS.items()}
        self.frames = frames
        self.seen: set[str] = set()
        self.unpinned = 0
        self._values: tuple[str, ...] = ()

    def cell(self, name: str) -> str:
        col = self.columns[name]
        return self._values[col] if col is not None and col < len(self._values) else ""

    def read(self, values: tuple[str, ...]) -> AddTag | EditTag | None:
        self._values = values
        tag_id = self._tag_id()
        existing = self._existing(tag_id) if tag_id else None
        media, times = self._times(existing)
        fields = self._fields(existing) | times
        try:
            if existing is None:
                return self._add(media, tag_id, fields)
            return self._edit(existing, media, fields)
        except InvalidEditError as exc:
            raise RowProblem(exc.zh, exc.en) from exc

    def _add(self, media: Media, tag_id: str, fields: dict[str, Any]) -> AddTag:
        tag = new_tag(media.id, fields.pop("start_ms"), fields.pop("category_id"),
                      self.project.reviewer, **fields)
        tag = replace(tag, uuid=tag_id or tag.uuid)  # a tag made elsewhere keeps its identity
        check_fields(self.project.path, tag, self.book, EDITABLE_FIELDS)
        return AddTag(tag)

    def _edit(self, existing: Tag, media: Media, fields: dict[str, Any]) -> EditTag | None:
        if media.id != existing.media_id:
            raise RowProblem("视频与项目中该标记的视频不同", "the footage differs from the tag's")
        new = replace(existing, **fields)
        check_fields(self.project.path, new, self.book, EDITABLE_FIELDS)
        edit = EditTag.between(existing, new)
        return edit if edit.after else None

    def _tag_id(self) -> str:
        """The row's tag id in its canonical form, "" when the row has none."""
        text = self.cell("id")
        if not text:
            return ""
        try:
            tag_id = str(uuids.UUID(text))
        except ValueError:
            raise RowProblem(f"标记ID“{text}”无效", f"invalid tag id '{text}'") from None
        if tag_id in self.seen:
            raise RowProblem("同一标记出现了两次", "the tag is listed twice")
        self.seen.add(tag_id)
        return tag_id

    def _existing(self, tag_id: str) -> Tag | None:
        found = self.project.query("SELECT deleted_at FROM tags WHERE uuid = ?", (tag_id,))
        if not found:
            return None
        if found[0][0] is not None:
            raise RowProblem("该标记在本项目中已删除", "the tag was deleted in this project")
        return self.project.tag(tag_id)

    # --- footage and times ----------------------------------------------------------

    def _times(self, existing: Tag | None) -> tuple[Media, dict[str, Any]]:
        text = self.cell("footage")
        match = _FOOTAGE_TIME.match(text)
        if match is None:
            raise RowProblem(f"“{text}”应为“视频文件名 时间码”（时间码为 h:mm:ss.mmm、秒数或 #帧号）",
                             f"'{text}' should be 'footage time' (h:mm:ss.mmm, seconds or #frame)")
        media = self._media(match["name"])
        start = parse_position(match["start"])
        end = parse_position(match["end"]) if match["end"] else None
        if start is None or (match["end"] and end is None):
            raise RowProblem(f"时间码“{text}”无效", f"invalid time '{text}'")
        if existing is not None and (start.ms, end and end.ms) == (existing.start_ms, existing.end_ms):
            return media, {}  # as exported: nothing to pin again
        return media, self._pinned(media, start, end)

    def _media(self, name: str) -> Media:
        try:
            return self.project.find_media(name)
        except StoreError as exc:
            raise RowProblem(exc.message("zh_CN"), exc.message("en")) from exc

    def _pinned(self, media: Media, start: GotoTarget, end: GotoTarget | None) -> dict[str, Any]:
        frames = self._frames_of(media)
        if frames is None:
            return self._as_written(media, start, end)
        try:
            first = frames.pin(start)
            last = frames.pin(end) if end is not None else None
        except StoreError as exc:
            raise RowProblem(exc.message("zh_CN"), exc.message("en")) from exc
        # The start is pinned to its frame (and its pts kept); a range's end is a time, kept as
        # written so a ledger round-trips, unless it names a frame.
        end_ms = None if end is None or last is None else \
            (last.start_ms if end.ms is None else end.ms)
        if end_ms is not None and end_ms < first.start_ms:
            raise RowProblem("结束时间早于开始时间", "the end is before the start")
        return {"start_ms": first.start_ms, "end_ms": end_ms, "frame_pts": first.pts}

    def _as_written(self, media: Media, start: GotoTarget, end: GotoTarget | None) -> dict[str, Any]:
        """Offline footage: a time cannot be pinned, but it must still lie on the footage."""
        if start.ms is None or (end is not None and end.ms is None):
            raise RowProblem("视频离线，不能按帧号定位", "the footage is offline: a frame number "
                             "cannot be placed")
        for mark in (start, end):
            if mark is not None and mark.ms is not None and mark.ms > media.duration_ms:
                raise RowProblem(f"{format_ms(mark.ms)} 超出视频长度（{format_ms(media.duration_ms)}）",
                                 f"{format_ms(mark.ms)} is past the end "
                                 f"({format_ms(media.duration_ms)})")
        self.unpinned += 1
        return {"start_ms": start.ms, "end_ms": None if end is None else end.ms, "frame_pts": None}

    def _frames_of(self, media: Media) -> FrameTimes | None:
        if media.id not in self.frames:
            self.frames[media.id] = (FrameTimes.of(self.project, media)
                                     if self.project.locate(media) is not None else None)
        return self.frames[media.id]

    # --- code book fields -------------------------------------------------------------

    def _fields(self, existing: Tag | None) -> dict[str, Any]:
        category = self._entry("category", lookup.names(self.book.categories), "类别", "category",
                               required=True)
        county = self._entry("county", lookup.names(self.book.counties), "县市", "county")
        fields: dict[str, Any] = {
            "category_id": category,
            "sub_problem_id": self._sub_problem(category),
            "county_id": county,
            "unit_id": self._entry("unit", lookup.names(self.book.units), "责任单位", "unit"),
            "severity": self._severity(),
            "status": self._status(existing),
            "note": self.cell("note"),
        }
        return fields | self._place(county, existing)

    def _entry(self, column: str, table: dict[str, str], zh: str, en: str,
               required: bool = False) -> str | None:
        text = self.cell(column)
        if not text:
            if required:
                raise RowProblem(f"缺少{zh}", f"no {en}")
            return None
        found = lookup.find(table, text)
        if found is None:
            raise RowProblem(f"代码本中没有{zh}“{text}”", f"no {en} '{text}' in the code book")
        return found

    def _sub_problem(self, category_id: str | None) -> str | None:
        cat = self.book.category(category_id or "")
        if cat and lookup.find(lookup.names([cat]), self.cell("sub_problem")):
            return None  # the ledger shows the category where a tag has no sub-problem
        subs = lookup.names(cat.sub_problems) if cat else {}
        return self._entry("sub_problem", subs, "该类别下的问题", "problem under that category")

    def _severity(self) -> int | None:
        text = self.cell("severity")
        if not text:
            return None
        found = lookup.severity_names().get(text, lookup.severity_names().get(text.casefold()))
        if found is None:
            raise RowProblem(f"严重程度“{text}”无效", f"invalid severity '{text}'")
        return found

    def _status(self, existing: Tag | None) -> str:
        text = self.cell("status")
        if not text:
            return existing.status if existing else "pending"
        found = lookup.find(lookup.status_names(), text)
        if found is None:
            raise RowProblem(f"整改状态“{text}”无效", f"invalid status '{text}'")
        return found

    def _place(self, county_id: str | None, existing: Tag | None) -> dict[str, Any]:
        """The ledger's 地点 shows the place, or the township when no place was typed."""
        text = self.cell("place")
        if existing is not None and _shows(self.book, existing, text):
            return {}
        county = self.book.county(county_id or "")
        town = lookup.find(lookup.names(county.townships), text) if county and text else None
        return {"township_id": town, "place": ""} if town else {"township_id": None, "place": text}


def _shows(book: CodeBook, tag: Tag, text: str) -> bool:
    """Whether ``text`` is what the ledger showed for this tag's place (so: unchanged)."""
    if tag.place:
        return text == tag.place
    return text == book.label_of("township", tag.township_id) or \
        text == book.label_of("township", tag.township_id, "en")
