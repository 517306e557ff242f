"""The rectification ledger (整改台账): XLSX for responsible units, CSV for other tools.

XLSX via xlsxwriter: one row per problem with a floating still (in-cell images show
#VALUE! outside Excel 365), a status drop-down, CJK-aware widths, landscape fit-to-width
and a frozen header. A hidden last column keeps each tag's UUID, so a returned ledger's
status column can be read back (see :mod:`reviewer.export.readback`).
"""

from __future__ import annotations

import csv
import io
import unicodedata
from datetime import datetime, timedelta
from pathlib import Path

import cv2
import numpy as np
import xlsxwriter

from reviewer.campaign.model import VERDICT_LABELS, VERDICTS, label
from reviewer.codebook.model import STATUS_LABELS, STATUSES
from reviewer.export import atomic, coverage_sheet
from reviewer.export.common import (
    CancelFlag,
    ExportOptions,
    ExportResult,
    Progress,
    Skipped,
    check,
    from_os_error,
    no_progress,
)
from reviewer.export.snapshot import Item, Snapshot
from reviewer.export.stills import Grabber
from reviewer.timecode import format_ms

# The rectification columns (期次 … 销号) come back filled in a returned ledger: see
# reviewer/campaign/ledger_import.py, which finds them by these header names.
HEADERS = {
    "zh": ("序号", "类别", "问题", "县市", "地点", "责任单位", "严重程度", "发现时间", "视频/时间码",
           "整改状态", "备注", "期次", "整改时限", "整改措施", "完成时间", "整改证据", "复查结果",
           "销号", "截图", "标记ID"),
    "en": ("No.", "Category", "Problem", "County", "Place", "Responsible unit", "Severity",
           "Found at", "Footage/time", "Status", "Note", "Round", "Deadline", "Measures",
           "Rectified on", "Evidence", "Verification", "Closed", "Still", "Tag ID"),
}
STATUS_COLUMN, DEADLINE_COLUMN, VERDICT_COLUMN = 9, 12, 16
STILL_COLUMN, ID_COLUMN = len(HEADERS["zh"]) - 2, len(HEADERS["zh"]) - 1
SEVERITY = {"zh": {1: "一般", 2: "较重", 3: "严重"}, "en": {1: "Minor", 2: "Moderate", 3: "Severe"}}
_ROW_HEIGHT_PT = 78
_STILL_HEIGHT_PX = 96
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
_FONT = "微软雅黑"


def _lang(options: ExportOptions) -> str:
    return "en" if options.lang.startswith("en") else "zh"


def found_at(item: Item) -> str:
    """When the problem was filmed: camera time plus the offset, else when it was tagged."""
    stamp = item.recorded_at or item.tag.created_at
    try:
        when = datetime.fromisoformat(stamp.replace("Z", "+00:00"))
    except (AttributeError, ValueError):
        return ""
    if item.recorded_at:
        when += timedelta(milliseconds=item.tag.start_ms)
    return when.astimezone().strftime("%Y-%m-%d %H:%M")


def row(item: Item, lang: str) -> list[str | int]:
    tag = item.tag
    span = format_ms(tag.start_ms) + ("" if tag.end_ms is None else "–" + format_ms(tag.end_ms))
    return [item.number, item.category, item.problem, item.county, tag.place or item.township,
            item.unit, SEVERITY[lang].get(tag.severity or 0, ""), found_at(item),
            f"{item.media_name} {span}", item.status, tag.note, *_rectification(item, lang)]


def _rectification(item: Item, lang: str) -> list[str]:
    """期次, 整改时限 (flagged when overdue), 整改措施, 完成时间, 整改证据, 复查结果, 销号."""
    done = item.followup
    if done is None:
        return [""] * (STILL_COLUMN - STATUS_COLUMN - 2)
    return [done.round_name, done.deadline_text(lang), done.measures,
            done.rectified_on.isoformat() if done.rectified_on else "", "；".join(done.evidence),
            done.verdict, done.closed]


def display_width(text: str) -> int:
    """Column units: a CJK (wide) character takes two, as Excel and WPS draw it."""
    return sum(2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in str(text))


# --- CSV ---------------------------------------------------------------------------------

def guard(value: object) -> object:
    """Make a cell that a spreadsheet would run as a formula plain text (OWASP CSV injection)."""
    if isinstance(value, str) and value.startswith(_FORMULA_START):
        return "'" + value
    return value


def write_csv(snapshot: Snapshot, target: Path, options: ExportOptions) -> ExportResult:
    lang = _lang(options)
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    headers = HEADERS[lang]
    writer.writerow(headers[:STILL_COLUMN] + headers[ID_COLUMN:])
    for item in snapshot.items:
        writer.writerow([guard(v) for v in row(item, lang)] + [item.tag.uuid])
    # The BOM is how Excel on Chinese Windows knows the file is UTF-8, not GBK.
    atomic.write_text(target, "\ufeff" + buffer.getvalue())
    return ExportResult("csv", (target,), exported=len(snapshot.items))


# --- XLSX --------------------------------------------------------------------------------

def write_xlsx(snapshot: Snapshot, target: Path, options: ExportOptions,
               flag: CancelFlag | None = None, progress: Progress = no_progress) -> ExportResult:
    lang = _lang(options)
    skipped: list[Skipped] = []
    with atomic.atomic_path(target) as tmp:
        book = xlsxwriter.Workbook(str(tmp), {"in_memory": False, "tmpdir": str(tmp.parent)})
        try:
            _fill(book, snapshot, lang, skipped, flag, progress, options)
        finally:
            try:
                book.close()
            except OSError as exc:
                raise from_os_error(exc, target.name) from exc
    return ExportResult("xlsx", (target,), tuple(skipped), exported=len(snapshot.items))


def _fill(book: xlsxwriter.Workbook, snapshot: Snapshot, lang: str, skipped: list[Skipped],
          flag: CancelFlag | None, progress: Progress, options: ExportOptions) -> None:
    sheet = book.add_worksheet("整改台账" if lang == "zh" else "Ledger")
    head = book.add_format({"bold": True, "font_name": _FONT, "bg_color": "#DDE6F0",
                            "border": 1, "align": "center", "valign": "vcenter", "text_wrap": True})
    cell = book.add_format({"font_name": _FONT, "border": 1, "valign": "vcenter", "text_wrap": True})
    late = book.add_format({"font_name": _FONT, "border": 1, "valign": "vcenter", "text_wrap": True,
                            "font_color": "#B00020", "bg_color": "#FDECEA", "bold": True})
    headers = HEADERS[lang]
    sheet.write_row(0, 0, headers, head)
    rows = [row(item, lang) for item in snapshot.items]
    with Grabber(max_width=480, options=options) as grabber:
        for n, (item, values) in enumerate(zip(snapshot.items, rows, strict=True), start=1):
            check(flag)
            progress(n - 1, len(rows))
            sheet.set_row(n, _ROW_HEIGHT_PT)
            sheet.write_row(n, 0, [guard(v) for v in values], cell)
            if item.followup and item.followup.overdue:
                sheet.write(n, DEADLINE_COLUMN, values[DEADLINE_COLUMN], late)
            sheet.write(n, STILL_COLUMN, "", cell)
            sheet.write(n, ID_COLUMN, item.tag.uuid)
            _still(sheet, grabber, item, n, skipped, flag, cell, lang)
    progress(len(rows), len(rows))
    _layout(sheet, headers, rows, lang)
    coverage_sheet.add_sheet(book, snapshot.coverage, lang)  # #16: what reviewers watched


def _still(sheet: xlsxwriter.worksheet.Worksheet, grabber: Grabber, item: Item, n: int,
           skipped: list[Skipped], flag: CancelFlag | None, cell: xlsxwriter.format.Format,
           lang: str) -> None:
    stills = grabber.for_item(item, 1, flag)
    skipped.extend(stills.problems)
    if not stills.images:
        sheet.write(n, STILL_COLUMN, stills.placeholder(lang), cell)
        return
    scale = _scale(stills.images[0])
    sheet.insert_image(n, STILL_COLUMN, f"still{n}.jpg", {
        "image_data": io.BytesIO(stills.images[0]), "x_scale": scale, "y_scale": scale,
        "x_offset": 4, "y_offset": 4, "object_position": 1})


def _scale(jpeg: bytes) -> float:
    """Scale a still to the row height (xlsxwriter reads the JPEG's own size)."""
    image = cv2.imdecode(np.frombuffer(jpeg, np.uint8), cv2.IMREAD_GRAYSCALE)
    height = image.shape[0] if image is not None else _STILL_HEIGHT_PX
    return _STILL_HEIGHT_PX / max(height, 1)


def _layout(sheet: xlsxwriter.worksheet.Worksheet, headers: tuple[str, ...],
            rows: list[list[str | int]], lang: str) -> None:
    caps = {0: 6, 2: 30, 4: 26, 8: 30, 10: 40, 13: 36, 15: 24}
    for col, name in enumerate(headers[:STILL_COLUMN]):
        longest = max([display_width(name)] + [display_width(r[col]) for r in rows])
        sheet.set_column(col, col, min(longest + 2, caps.get(col, 18)))
    sheet.set_column(STILL_COLUMN, STILL_COLUMN, 24)
    sheet.set_column(ID_COLUMN, ID_COLUMN, 38, None, {"hidden": True})
    labels = [STATUS_LABELS[s][1 if lang == "en" else 0] for s in STATUSES]
    sheet.data_validation(1, STATUS_COLUMN, max(1, len(rows)), STATUS_COLUMN,
                          {"validate": "list", "source": labels,
                           "error_title": "整改状态" if lang == "zh" else "Status",
                           "error_message": "/".join(labels)})
    verdicts = [label(VERDICT_LABELS, v, lang) for v in VERDICTS]
    sheet.data_validation(1, VERDICT_COLUMN, max(1, len(rows)), VERDICT_COLUMN,
                          {"validate": "list", "source": verdicts, "ignore_blank": True})
    sheet.freeze_panes(1, 0)
    sheet.repeat_rows(0)
    sheet.set_landscape()
    sheet.set_paper(9)  # A4
    sheet.fit_to_pages(1, 0)
    sheet.set_margins(left=0.4, right=0.4, top=0.5, bottom=0.5)
    sheet.print_area(0, 0, max(1, len(rows)), STILL_COLUMN)
    if rows:
        sheet.autofilter(0, 0, len(rows), STILL_COLUMN - 1)
