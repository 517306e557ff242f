"""What reviewers watched, in the statistics and the ledger (#16): one table per file.

The ledger gets it as a sheet after the ledger itself (a returned ledger is read from its
first sheet), the statistics as a section after the counts. Kept apart from both writers
so neither changes shape when it is present or not. A project where nobody's watching was
recorded (made before #16, or tagged from the command line) gets neither.
"""

from __future__ import annotations

from typing import Any

from reviewer.review.watched import FileCoverage
from reviewer.timecode import format_ms

HEADERS = {"zh": ("视频", "时长", "已看", "已看比例", "其中标为已审", "未看", "审片人"),
           "en": ("Footage", "Length", "Watched", "Share", "Marked reviewed", "Left", "Reviewers")}


def rows(files: tuple[FileCoverage, ...], lang: str) -> list[list[str]]:
    sep = ", " if lang == "en" else "、"
    out = []
    for f in files:
        people = sep.join(f"{r} {100 * ms / f.duration_ms:.0f}%" for r, ms in f.by_reviewer
                          if f.duration_ms)
        out.append([f.name, format_ms(f.duration_ms), format_ms(f.covered_ms),
                    f"{100 * f.share:.1f}%", format_ms(f.marked_ms), format_ms(f.left_ms), people])
    return out


def total(files: tuple[FileCoverage, ...], lang: str) -> list[str]:
    length = sum(f.duration_ms for f in files)
    seen = sum(f.covered_ms for f in files)
    share = f"{100 * seen / length:.1f}%" if length else "0.0%"
    return ["Total" if lang == "en" else "合计", format_ms(length), format_ms(seen), share,
            format_ms(sum(f.marked_ms for f in files)), format_ms(length - seen), ""]


def recorded(files: tuple[FileCoverage, ...]) -> bool:
    return any(f.covered_ms for f in files)


def csv_section(files: tuple[FileCoverage, ...], lang: str) -> list[list[str]]:
    """Rows to append to the statistics CSV (a blank line and a title first)."""
    if not recorded(files):
        return []
    title = "Coverage: what reviewers watched" if lang == "en" else "审看覆盖：审片人已看的部分"
    return [[], [title], list(HEADERS[lang]), *rows(files, lang), total(files, lang)]


def add_sheet(book: Any, files: tuple[FileCoverage, ...], lang: str) -> None:
    """A worksheet in an xlsxwriter workbook, after the ledger."""
    if not recorded(files):
        return
    sheet = book.add_worksheet("Coverage" if lang == "en" else "审看覆盖")
    head = book.add_format({"bold": True, "bg_color": "#DDE6F0", "border": 1})
    cell = book.add_format({"border": 1})
    sheet.write_row(0, 0, HEADERS[lang], head)
    body = [*rows(files, lang), total(files, lang)]
    for n, values in enumerate(body, start=1):
        sheet.write_row(n, 0, values, cell)
    sheet.set_column(0, 0, 36)
    sheet.set_column(1, 5, 14)
    sheet.set_column(6, 6, 30)
