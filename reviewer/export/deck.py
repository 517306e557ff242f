"""The meeting deck (PPTX, 16:9) via python-pptx: cover, summary with a native chart and a
table, then one slide per problem with its stills and facts.

python-pptx's ``font.name`` writes only ``<a:latin>``; PowerPoint then sets Chinese in the
theme's East-Asian font (宋体) and WPS ignores the name. Every run here also gets ``<a:ea>``
and ``<a:cs>`` with the chosen font and ``lang="zh-CN"``, and the theme's major/minor fonts
are patched the same way, so text typed later in PowerPoint matches too.
"""

from __future__ import annotations

import io
from collections import Counter
from datetime import date
from pathlib import Path
from typing import Any

from lxml import etree
from pptx import Presentation
from pptx.chart.data import CategoryChartData
from pptx.dml.color import RGBColor
from pptx.enum.chart import XL_CHART_TYPE, XL_LEGEND_POSITION
from pptx.enum.text import PP_ALIGN
from pptx.opc.constants import RELATIONSHIP_TYPE as RT
from pptx.oxml.ns import qn
from pptx.util import Emu, Inches, Pt

from reviewer.export import atomic, deck_campaign
from reviewer.export.common import (
    CancelFlag,
    ExportOptions,
    ExportResult,
    Progress,
    Skipped,
    check,
    no_progress,
)
from reviewer.export.ledger import SEVERITY, found_at
from reviewer.export.snapshot import Item, Snapshot
from reviewer.export.stills import Grabber, Stills
from reviewer.timecode import format_ms

WIDTH, HEIGHT = Emu(12192000), Emu(6858000)  # 16:9, PowerPoint's own widescreen size
_NAVY, _GREY, _WHITE = RGBColor(0x1D, 0x2A, 0x3A), RGBColor(0x55, 0x5F, 0x6B), RGBColor(255, 255, 255)
_BLANK = 6
_NS_A = "http://schemas.openxmlformats.org/drawingml/2006/main"


class _Deck:
    def __init__(self, options: ExportOptions) -> None:
        self.font = options.east_asian_font
        self.en = options.lang.startswith("en")
        self.prs = Presentation()
        self.prs.slide_width, self.prs.slide_height = WIDTH, HEIGHT
        _patch_theme(self.prs, self.font)

    def t(self, zh: str, en: str) -> str:
        return en if self.en else zh

    def slide(self, title: str | None = None) -> Any:  # a pptx Slide
        slide = self.prs.slides.add_slide(self.prs.slide_layouts[_BLANK])
        if title is not None:
            band = slide.shapes.add_shape(1, 0, 0, WIDTH, Inches(0.9))
            band.fill.solid()
            band.fill.fore_color.rgb = _NAVY
            band.line.fill.background()
            self.text(slide, Inches(0.5), Inches(0.12), Inches(12.3), Inches(0.7), title, 26,
                      bold=True, colour=_WHITE)
        return slide

    def text(self, slide, x: Emu, y: Emu, w: Emu, h: Emu, text: str, size: int,  # noqa: ANN001
             bold: bool = False, colour: RGBColor = _NAVY, align: PP_ALIGN = PP_ALIGN.LEFT) -> None:
        frame = slide.shapes.add_textbox(x, y, w, h).text_frame
        frame.word_wrap = True
        for n, line in enumerate(text.split("\n")):
            paragraph = frame.paragraphs[0] if n == 0 else frame.add_paragraph()
            paragraph.alignment = align
            run = paragraph.add_run()
            run.text = line
            self.style(run.font, size, bold, colour)

    def style(self, font, size: int, bold: bool = False, colour: RGBColor = _NAVY) -> None:  # noqa: ANN001
        font.size, font.bold = Pt(size), bold
        font.color.rgb = colour
        font.name = self.font
        east_asian(font._rPr, self.font)


def east_asian(rpr: etree._Element, typeface: str) -> None:
    """Give a run (or a default run style) the East-Asian and complex-script typeface too."""
    rpr.set("lang", "zh-CN")
    latin = rpr.find(qn("a:latin"))
    if latin is None:
        latin = etree.SubElement(rpr, qn("a:latin"))
        latin.set("typeface", typeface)
    for tag in ("a:ea", "a:cs"):
        old = rpr.find(qn(tag))
        if old is not None:
            rpr.remove(old)
    ea = etree.Element(qn("a:ea"), typeface=typeface)
    cs = etree.Element(qn("a:cs"), typeface=typeface)
    latin.addnext(ea)
    ea.addnext(cs)


def _patch_theme(prs: Presentation, typeface: str) -> None:
    """The theme's fonts: East-Asian and the Simplified-Chinese script font become ours."""
    part = prs.slide_master.part.part_related_by(RT.THEME)
    root = etree.fromstring(part.blob)
    for kind in ("majorFont", "minorFont"):
        font = root.find(f".//{{{_NS_A}}}{kind}")
        if font is None:
            continue
        font.find(f"{{{_NS_A}}}ea").set("typeface", typeface)
        for script in font.findall(f"{{{_NS_A}}}font"):
            if script.get("script") == "Hans":
                script.set("typeface", typeface)
    part._blob = etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True)


def export(snapshot: Snapshot, target: Path, options: ExportOptions,
           flag: CancelFlag | None = None, progress: Progress = no_progress) -> ExportResult:
    deck = _Deck(options)
    _cover(deck, snapshot, options)
    _summary(deck, snapshot)
    skipped: list[Skipped] = []
    with Grabber(max_width=960, options=options) as grabber:
        for n, item in enumerate(snapshot.items):
            check(flag)
            progress(n, len(snapshot.items))
            stills = grabber.for_item(item, options.stills_per_slide, flag)
            skipped.extend(stills.problems)
            _problem(deck, item, stills)
        deck_campaign.add(deck, snapshot.campaign, grabber, skipped, flag)
    check(flag)
    buffer = io.BytesIO()
    deck.prs.save(buffer)
    atomic.write_bytes(target, buffer.getvalue())
    progress(len(snapshot.items), len(snapshot.items))
    return ExportResult("pptx", (target,), tuple(skipped), exported=len(snapshot.items))


def _cover(deck: _Deck, snapshot: Snapshot, options: ExportOptions) -> None:
    slide = deck.slide()
    band = slide.shapes.add_shape(1, 0, Inches(2.2), WIDTH, Inches(2.6))
    band.fill.solid()
    band.fill.fore_color.rgb = _NAVY
    band.line.fill.background()
    deck.text(slide, Inches(0.8), Inches(2.45), Inches(11.7), Inches(1.1),
              deck.t("暗访问题情况通报", "Undercover inspection findings"), 40, bold=True,
              colour=_WHITE, align=PP_ALIGN.CENTER)
    deck.text(slide, Inches(0.8), Inches(3.6), Inches(11.7), Inches(0.9), snapshot.project_name,
              22, colour=_WHITE, align=PP_ALIGN.CENTER)
    day = options.date or (date.today().strftime("%Y年%m月%d日") if not deck.en
                           else date.today().isoformat())
    issue = options.issue or ""
    line = "　".join(x for x in (issue, day) if x)
    deck.text(slide, Inches(0.8), Inches(5.3), Inches(11.7), Inches(0.7), line, 20,
              colour=_GREY, align=PP_ALIGN.CENTER)
    deck.text(slide, Inches(0.8), Inches(6.4), Inches(11.7), Inches(0.5),
              deck.t("内部资料 注意保密", "Internal — confidential"), 14, colour=_GREY,
              align=PP_ALIGN.CENTER)


def counts(snapshot: Snapshot) -> tuple[list[str], list[str], Counter[tuple[str, str]]]:
    """(counties, categories, count per (county, category)) in code book order, used ones only."""
    table = Counter((i.county or "—", i.category) for i in snapshot.items)
    used_counties = {c for c, _ in table}
    used_categories = {k for _, k in table}
    counties = [c for c in snapshot.counties if c in used_counties]
    counties += sorted(used_counties - set(counties))
    categories = [c.label for c in snapshot.categories if c.label in used_categories]
    categories += sorted(used_categories - set(categories))
    return counties, categories, table


def _summary(deck: _Deck, snapshot: Snapshot) -> None:
    total = len(snapshot.items)
    slide = deck.slide(deck.t(f"总体情况：共发现问题 {total} 个", f"Overview: {total} problems found"))
    counties, categories, table = counts(snapshot)
    if not counties:
        return
    data = CategoryChartData()
    data.categories = counties
    colours = {c.label: c.colour for c in snapshot.categories}
    for category in categories:
        data.add_series(category, [table[(county, category)] for county in counties])
    frame = slide.shapes.add_chart(XL_CHART_TYPE.COLUMN_STACKED, Inches(0.4), Inches(1.1),
                                   Inches(6.6), Inches(6.1), data)
    chart = frame.chart
    chart.has_legend = True
    chart.legend.position = XL_LEGEND_POSITION.BOTTOM
    chart.legend.include_in_layout = False
    deck.style(chart.font, 12)
    axis = chart.value_axis
    axis.major_unit = 1  # counts of problems: whole numbers only
    axis.tick_labels.number_format, axis.tick_labels.number_format_is_linked = "0", False
    for series, category in zip(chart.series, categories, strict=True):
        series.format.fill.solid()
        series.format.fill.fore_color.rgb = RGBColor.from_string(colours.get(category, "#808080")[1:])
    _table(deck, slide, counties, categories, table)


def _table(deck: _Deck, slide, counties: list[str], categories: list[str],  # noqa: ANN001
           table: Counter[tuple[str, str]]) -> None:
    total = deck.t("合计", "Total")
    rows, cols = len(counties) + 2, len(categories) + 2
    height = min(Inches(0.42) * rows, Inches(6.1))
    shape = slide.shapes.add_table(rows, cols, Inches(7.2), Inches(1.1), Inches(5.8), height)
    grid = shape.table
    first = Inches(1.3)
    grid.columns[0].width = first
    for c in range(1, cols):
        grid.columns[c].width = (Inches(5.8) - first) // (cols - 1)
    size = 12 if cols <= 7 else 10
    header = [deck.t("县市", "County"), *categories, total]
    body = [[county, *[table[(county, c)] for c in categories],
             sum(table[(county, c)] for c in categories)] for county in counties]
    footer = [total, *[sum(table[(k, c)] for k in counties) for c in categories],
              sum(table.values())]
    for r, values in enumerate([header, *body, footer]):
        for c, value in enumerate(values):
            cell = grid.cell(r, c)
            cell.text = str(value)
            for paragraph in cell.text_frame.paragraphs:
                paragraph.alignment = PP_ALIGN.CENTER
                for run in paragraph.runs:
                    deck.style(run.font, size, bold=r in (0, rows - 1),
                               colour=_WHITE if r == 0 else _NAVY)


def _problem(deck: _Deck, item: Item, stills: Stills) -> None:
    title = f"{item.number:03d}　{item.category} · {item.problem}"
    slide = deck.slide(title)
    _pictures(deck, slide, stills)
    tag = item.tag
    span = format_ms(tag.start_ms) + ("" if tag.end_ms is None else "–" + format_ms(tag.end_ms))
    lang = "en" if deck.en else "zh"
    facts = [
        (deck.t("类别", "Category"), f"{item.category} / {item.problem}"),
        (deck.t("县市", "County"), " ".join(x for x in (item.county, item.township) if x)),
        (deck.t("地点", "Place"), tag.place),
        (deck.t("责任单位", "Unit"), item.unit),
        (deck.t("严重程度", "Severity"), SEVERITY[lang].get(tag.severity or 0, "")),
        (deck.t("拍摄时间", "Filmed"), found_at(item)),
        (deck.t("视频", "Footage"), f"{item.media_name}  {span}"),
        (deck.t("整改状态", "Status"), item.status),
        (deck.t("问题描述", "Note"), tag.note),
    ]
    text = "\n".join(f"{k}：{v}" if not deck.en else f"{k}: {v}" for k, v in facts if v)
    deck.text(slide, Inches(8.05), Inches(1.15), Inches(4.95), Inches(6.0), text, 16)


def _pictures(deck: _Deck, slide, stills: Stills) -> None:  # noqa: ANN001
    left, top, width = Inches(0.4), Inches(1.15), Inches(7.4)
    if not stills.images:
        deck.text(slide, left, Inches(3.5), width, Inches(1.0),
                  stills.placeholder("en" if deck.en else "zh"), 18, colour=_GREY,
                  align=PP_ALIGN.CENTER)
        return
    first = slide.shapes.add_picture(io.BytesIO(stills.images[0]), left, top, width=width)
    rest = stills.images[1:]
    if not rest:
        return
    # The main still on top, up to two smaller ones side by side below it, all inside the slide.
    room = HEIGHT - Inches(0.25) - top
    small_w = (width - Inches(0.15)) // 2
    small_h = first.height * small_w // first.width
    main_h = room - small_h - Inches(0.12)
    if first.height > main_h:
        first.width = first.width * main_h // first.height
        first.height = main_h
    for n, data in enumerate(rest):
        slide.shapes.add_picture(io.BytesIO(data), left + n * (small_w + Inches(0.15)),
                                 top + first.height + Inches(0.12), width=small_w)
