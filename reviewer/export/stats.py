"""Statistics: problems by county × category (and by month across several projects),
as CSV and as a PNG chart drawn with Pillow and the bundled CJK font.
"""

from __future__ import annotations

import csv
import io
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

from PIL import Image, ImageDraw, ImageFont

from reviewer.export import atomic, coverage_sheet
from reviewer.export.common import ExportOptions, ExportResult
from reviewer.export.deck import counts
from reviewer.export.fonts import FONT_FILE
from reviewer.export.snapshot import Snapshot


@dataclass(frozen=True)
class Table:
    rows: tuple[str, ...]  # counties
    columns: tuple[str, ...]  # categories
    cells: dict[tuple[str, str], int]
    colours: dict[str, str]

    def total(self, row: str | None = None, column: str | None = None) -> int:
        return sum(v for (r, c), v in self.cells.items()
                   if (row is None or r == row) and (column is None or c == column))


def table(snapshot: Snapshot) -> Table:
    counties, categories, cells = counts(snapshot)
    return Table(tuple(counties), tuple(categories), dict(cells),
                 {c.label: c.colour for c in snapshot.categories})


def by_month(snapshots: list[Snapshot]) -> Counter[tuple[str, str]]:
    """(month, category) counts over several projects (one project per month as a rule)."""
    found: Counter[tuple[str, str]] = Counter()
    for snap in snapshots:
        for item in snap.items:
            found[(snap.month, item.category)] += 1
    return found


def by_round(snapshot: Snapshot) -> list[tuple[str, Counter[str]]]:
    """Per round (running order): problems found by category; re-check tags are not counted."""
    found: dict[str, Counter[str]] = {}
    for item in snapshot.items:
        done = item.followup
        if done is not None and not done.recheck:
            found.setdefault(done.round_name, Counter())[item.category] += 1
    order = [r.name for r in snapshot.campaign.campaign.rounds] if snapshot.campaign else []
    return sorted(found.items(), key=lambda kv: order.index(kv[0]) if kv[0] in order else 0)


def _round_rows(rounds: list[tuple[str, Counter[str]]], columns: tuple[str, ...],
                en: bool) -> list[list[object]]:
    """The CSV's "by round" section: the trend across rounds (#14)."""
    if len(rounds) < 2:
        return []
    head = ["Round" if en else "期次", *columns, "Total" if en else "合计"]
    return [[], head, *[[name, *[c[k] for k in columns], sum(c.values())] for name, c in rounds]]


def csv_text(tab: Table, months: Counter[tuple[str, str]], lang: str,
             rounds: list[tuple[str, Counter[str]]] | None = None) -> str:
    en = lang.startswith("en")
    buffer = io.StringIO()
    out = csv.writer(buffer, lineterminator="\r\n")
    total = "Total" if en else "合计"
    out.writerow(["County" if en else "县市", *tab.columns, total])
    for row in tab.rows:
        out.writerow([row, *[tab.cells.get((row, c), 0) for c in tab.columns], tab.total(row)])
    out.writerow([total, *[tab.total(column=c) for c in tab.columns], tab.total()])
    if len({m for m, _ in months}) > 1:
        cats = sorted({c for _, c in months})
        out.writerow([])
        out.writerow(["Month" if en else "月份", *cats, total])
        for month in sorted({m for m, _ in months}):
            values = [months.get((month, c), 0) for c in cats]
            out.writerow([month, *values, sum(values)])
    out.writerows(_round_rows(rounds or [], tab.columns, en))
    return "\ufeff" + buffer.getvalue()


def png_bytes(tab: Table, title: str) -> bytes:
    """A stacked bar chart, counties along x, one colour per category, with a legend."""
    width, height, margin = 1600, 900, 90
    image = Image.new("RGB", (width, height), "white")
    draw = ImageDraw.Draw(image)
    font = ImageFont.truetype(str(FONT_FILE), 28)
    small = ImageFont.truetype(str(FONT_FILE), 22)
    draw.text((margin, 24), title, fill="#1d2a3a", font=font)
    legend_w = 300
    plot = (margin, 100, width - legend_w - margin // 2, height - margin)
    peak = max([tab.total(r) for r in tab.rows] + [1])
    draw.line([(plot[0], plot[3]), (plot[2], plot[3])], fill="#555", width=2)
    slot = (plot[2] - plot[0]) / max(1, len(tab.rows))
    for n, row in enumerate(tab.rows):
        x0 = plot[0] + n * slot + slot * 0.2
        x1 = x0 + slot * 0.6
        y = plot[3]
        for column in tab.columns:
            value = tab.cells.get((row, column), 0)
            h = (plot[3] - plot[1] - 40) * value / peak
            if value:
                draw.rectangle([x0, y - h, x1, y], fill=tab.colours.get(column, "#888"))
            y -= h
        draw.text(((x0 + x1) / 2, y - 6), str(tab.total(row)), fill="#1d2a3a", font=small,
                  anchor="mb")
        draw.text(((x0 + x1) / 2, plot[3] + 10), row, fill="#1d2a3a", font=small, anchor="ma")
    for n, column in enumerate(tab.columns):
        y = plot[1] + n * 40
        draw.rectangle([plot[2] + 40, y, plot[2] + 68, y + 28], fill=tab.colours.get(column, "#888"))
        draw.text((plot[2] + 80, y), f"{column}  {tab.total(column=column)}", fill="#1d2a3a",
                  font=small)
    buffer = io.BytesIO()
    image.save(buffer, "PNG")  # Pillow writes no text chunks unless asked: nothing personal
    return buffer.getvalue()


def export(snapshots: list[Snapshot], target: Path, options: ExportOptions) -> ExportResult:
    """The name's suffix decides: ``.csv`` the table, ``.png`` the chart; any other name
    both, as ``name.csv`` and ``name.png``."""
    first = snapshots[0]
    tab = table(first) if len(snapshots) == 1 else table(_merged(snapshots))
    csv_path, png_path = outputs(target)
    if csv_path is not None:
        text = csv_text(tab, by_month(snapshots), options.lang, by_round(first))
        text += _rows_text(coverage_sheet.csv_section(first.coverage, _short(options.lang)))
        atomic.write_text(csv_path, text)
    if png_path is not None:
        title = ("Problems by county and category" if options.lang.startswith("en")
                 else f"问题统计（县市 × 类别）：共 {tab.total()} 个")
        atomic.write_bytes(png_path, png_bytes(tab, title))
    files = tuple(p for p in (csv_path, png_path) if p is not None)
    return ExportResult("stats", files, exported=sum(len(s.items) for s in snapshots))


def outputs(target: Path) -> tuple[Path | None, Path | None]:
    """(table, chart) that ``target`` asks for."""
    suffix = target.suffix.lower()
    if suffix == ".csv":
        return target, None
    if suffix == ".png":
        return None, target
    return target.with_name(target.name + ".csv"), target.with_name(target.name + ".png")


def _short(lang: str) -> str:
    return "en" if lang.startswith("en") else "zh"


def _rows_text(rows: list[list[str]]) -> str:
    buffer = io.StringIO()
    csv.writer(buffer, lineterminator="\r\n").writerows(rows)
    return buffer.getvalue()


def _merged(snapshots: list[Snapshot]) -> Snapshot:
    from dataclasses import replace

    items = tuple(i for s in snapshots for i in s.items)
    return replace(snapshots[0], items=items)
