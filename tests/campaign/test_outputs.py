"""From the two-round demo: the bulletin (python-docx and LibreOffice), the assessment
workbook (openpyxl), the deck's before/after slides and ranking chart, the ledger's
rectification columns, the reel's before/after plan and the statistics by round."""

from __future__ import annotations

import csv
import re
import shutil
import subprocess
import zipfile
from pathlib import Path

import openpyxl
import pytest
from docx import Document
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml.ns import qn
from pptx import Presentation

from reviewer.campaign.scoring import assess
from reviewer.export import ledger, plan, run, selection, snapshot
from reviewer.export.common import ExportOptions
from reviewer.store.project import Project
from reviewer.store.search import TagFilter
from tests.campaign.render import ARTIFACTS, pages_text, render

OPTIONS = ExportOptions(handle_before_ms=200, handle_after_ms=200, date="2026年12月1日")


@pytest.fixture(scope="module")
def demo(tmp_path_factory) -> Path:
    from reviewer.store.demo import create_demo

    return create_demo(tmp_path_factory.mktemp("campaign") / "演示.shenpian", total_seconds=8.0)


@pytest.fixture(scope="module")
def second(demo) -> snapshot.Snapshot:
    """The second round (第6期), as an editor exports it for the meeting."""
    with Project.open(demo, read_only=True) as project:
        rounds = project.rounds()
        return snapshot.take(project, selection.Selection(TagFilter(rounds=(rounds[1].id,))))


@pytest.fixture(scope="module")
def made(second, tmp_path_factory) -> dict[str, Path]:
    out = tmp_path_factory.mktemp("out")
    return {fmt: run.export(second, fmt, out, OPTIONS).files[0]
            for fmt in ("bulletin", "assessment", "pptx", "xlsx")}


def test_the_demo_has_two_rounds_and_every_kind_of_recheck(second):
    part = second.campaign
    assert [r.name for r in part.campaign.rounds] == ["第5期", "第6期"]
    assert part.round.name == "第6期" and part.previous.name == "第5期"
    assert sorted(p.verdict for p in part.pairs) == ["rectified", "recurred", "unrectified"]
    today = part.campaign.today
    assert any(p.overdue(today) for p in part.campaign.findings([part.campaign.rounds[0].id]))
    returned = [p for p in part.campaign.problems if p.record.measures]
    assert len(returned) >= 6 and any(p.evidence for p in returned)


# --- bulletin --------------------------------------------------------------------------

def test_bulletin_layout_is_gb_t_9704(made):
    doc = Document(str(made["bulletin"]))
    section = doc.sections[0]
    assert (round(section.page_width.mm), round(section.page_height.mm)) == (210, 297)
    assert round(section.top_margin.mm) == 37 and round(section.left_margin.mm) == 28
    assert round(section.right_margin.mm) == 26 and round(section.bottom_margin.mm) == 35
    # 22 lines of body text fill the 225 mm type area.
    assert 22 * doc.styles["Normal"].paragraph_format.line_spacing.mm == pytest.approx(225, abs=0.5)
    assert doc.styles["Normal"].font.size.pt == 16 and doc.styles["Title"].font.size.pt == 22


def _east_asian(rpr) -> str | None:
    fonts = rpr.find(qn("w:rFonts")) if rpr is not None else None
    return None if fonts is None else fonts.get(qn("w:eastAsia"))


def test_bulletin_fonts_name_the_east_asian_face(made):
    doc = Document(str(made["bulletin"]))
    faces = {name: _east_asian(doc.styles[name].element.rPr)
             for name in ("Normal", "Title", "Heading 1", "Heading 2")}
    assert faces == {"Normal": "仿宋", "Title": "方正小标宋简体", "Heading 1": "黑体",
                     "Heading 2": "楷体"}
    runs = [r for p in doc.paragraphs for r in p.runs if r.text.strip()]
    runs += [r for t in doc.tables for c in t._cells for p in c.paragraphs for r in p.runs]
    assert runs and all(_east_asian(r._r.rPr) for r in runs)
    with zipfile.ZipFile(made["bulletin"]) as archive:
        table = archive.read("word/fontTable.xml").decode("utf-8")
    assert 'w:name="仿宋"><w:altName w:val="Noto Serif CJK SC"/>' in table


def test_bulletin_structure_and_tables(made, second):
    doc = Document(str(made["bulletin"]))
    title = [p.text for p in doc.paragraphs if p.style.name == "Title"]
    assert "".join(title) == "关于第6期爱国卫生“7个专项行动”暗访发现问题的通报"
    headings = [p.text for p in doc.paragraphs if p.style.name == "Heading 1"]
    assert headings == ["一、基本情况", "二、发现的主要问题", "三、上期问题整改情况", "四、考核排名",
                        "五、下步要求"]
    counties = [p.text for p in doc.paragraphs if p.style.name == "Heading 2"]
    assert counties and all(c.startswith("（") and c.endswith("个）") for c in counties)
    text = "\n".join(p.text for p in doc.paragraphs)
    assert "复查3个，其中已整改1个、部分整改0个、未整改1个、反弹1个" in text
    assert "迪庆州爱国卫生运动委员会办公室" in text and "2026年12月1日" in text
    assert "（此处可补充本期的其他要求。）" in text  # the place for next-step requirements
    headers = [[c.text for c in t.rows[0].cells] for t in doc.tables]
    assert ["排名", "县（市）", "得分", "扣分", "新发现问题", "逾期", "未整改", "反弹"] in headers
    ranking = next(t for t in doc.tables if t.rows[0].cells[0].text == "排名")
    expected = assess(second.campaign.campaign, [second.campaign.round.id]).rounds[0].scores
    names = second.campaign.labels
    assert [[c.text for c in row.cells][:3] for row in ranking.rows[1:]] == \
        [[str(s.rank), names.of("county", s.county_id), f"{s.score:g}"] for s in expected]
    rechecks = next(t for t in doc.tables if t.rows[0].cells[-1].text == "复查结果")
    assert sorted(r.cells[-1].text for r in rechecks.rows[1:]) == ["反弹", "已整改", "未整改"]


def test_bulletin_page_numbers_alternate_sides(made):
    doc = Document(str(made["bulletin"]))
    assert doc.settings.odd_and_even_pages_header_footer
    odd, even = doc.sections[0].footer.paragraphs[0], doc.sections[0].even_page_footer.paragraphs[0]
    assert odd.alignment == WD_ALIGN_PARAGRAPH.RIGHT and even.alignment == WD_ALIGN_PARAGRAPH.LEFT
    for footer in (odd, even):
        assert footer.text == "— 1 —"  # the PAGE field's cached value between em dashes
        assert "PAGE" in footer._p.xml and _east_asian(footer.runs[0]._r.rPr) == "宋体"
        assert footer.runs[0].font.size.pt == 14


def test_bulletin_keeps_no_personal_data(made, demo):
    doc = Document(str(made["bulletin"]))
    assert doc.core_properties.author == "" and doc.core_properties.last_modified_by == ""
    with zipfile.ZipFile(made["bulletin"]) as archive:
        names = archive.namelist()
        body = b"".join(archive.read(n) for n in names).decode("utf-8", "ignore")
    assert str(demo.parent) not in body and not any("thumbnail" in n for n in names)


def test_bulletin_renders_with_page_numbers_on_every_page(made):
    pdf, pngs = render(made["bulletin"], "bulletin", dpi=60)
    texts = pages_text(pdf)
    assert len(pngs) == len(texts) >= 3
    indents = []
    for n, text in enumerate(texts, start=1):
        assert re.search(rf"—\s*{n}\s*—\s*$", text), f"page {n}"  # its own number, at the foot
        last = text.rstrip().splitlines()[-1]
        indents.append(len(last) - len(last.lstrip()))
    # Odd pages carry the number on the right, even pages on the left.
    assert min(indents[0::2]) > 3 * max(indents[1::2])
    assert "关于第6期" in re.sub(r"\s", "", texts[0]) and "抄送" in texts[-1]
    out = subprocess.run(["pdfinfo", str(pdf)], capture_output=True, text=True).stdout
    assert "pts (A4)" in out


def test_a_template_changes_the_fixed_text_and_a_bad_one_is_refused(second, tmp_path):
    custom = tmp_path / "模板.toml"
    custom.write_text('[document]\nissuer = "测试县爱卫办"\n[text]\nrequirements = ["（一）限期整改。"]\n',
                      encoding="utf-8")
    out = run.export(second, "bulletin", tmp_path / "a.docx",
                     ExportOptions(bulletin_template=str(custom))).files[0]
    text = "\n".join(p.text for p in Document(str(out)).paragraphs)
    assert "测试县爱卫办" in text and "（一）限期整改。" in text and "（二）举一反三" not in text
    custom.write_text('[text]\nopening = "{nonsense}"\n', encoding="utf-8")
    from reviewer.export.common import ExportError

    with pytest.raises(ExportError) as err:
        run.export(second, "bulletin", tmp_path / "b.docx",
                   ExportOptions(bulletin_template=str(custom)))
    assert "{nonsense}" in err.value.message() and not (tmp_path / "b.docx").exists()


# --- assessment ------------------------------------------------------------------------

def test_assessment_workbook_one_sheet_per_round_and_cumulative(demo, tmp_path):
    with Project.open(demo, read_only=True) as project:
        whole = snapshot.take(project, selection.Selection())
        tags = {t.uuid for t in project.tags()}
    target = run.export(whole, "assessment", tmp_path / "考核.xlsx", OPTIONS).files[0]
    book = openpyxl.load_workbook(target)
    assert book.sheetnames == ["第5期", "第6期", "累计"]
    result = assess(whole.campaign.campaign)
    names = whole.campaign.labels
    for sheet, scores in zip(book.worksheets[:2], result.rounds, strict=True):
        rows = list(sheet.iter_rows(min_row=5, max_row=4 + len(scores.scores), values_only=True))
        assert [(r[0], r[1], r[2]) for r in rows] == \
            [(s.rank, names.of("county", s.county_id), s.score) for s in scores.scores]
        details = _details(sheet)
        assert details and {d[8] for d in details if d[1] != "单期扣分封顶"} <= tags
        for s in scores.scores:  # every point traced: the lines add up to what was taken off
            mine = sum(d[2] for d in details if d[0] == names.of("county", s.county_id))
            assert mine == pytest.approx(s.deducted)
    cumulative = list(book["累计"].iter_rows(min_row=4, values_only=True))
    assert [(r[0], r[1], round(r[2], 4)) for r in cumulative] == \
        [(s.rank, names.of("county", s.county_id), round(s.score, 4)) for s in result.cumulative]


def _details(sheet) -> list[tuple]:
    rows = list(sheet.iter_rows(values_only=True))
    start = next(n for n, r in enumerate(rows) if r[1] == "扣分原因")
    return [r for r in rows[start + 1:] if r[0]]


# --- deck ------------------------------------------------------------------------------

def _titles(prs) -> list[str]:
    return [next((s.text_frame.text for s in slide.shapes if s.has_text_frame and s.text_frame.text),
                 "") for slide in prs.slides]


def test_deck_has_before_after_pairs_and_the_ranking_chart(made, second):
    prs = Presentation(str(made["pptx"]))
    titles = _titles(prs)
    pairs = [n for n, t in enumerate(titles) if t.startswith("整改前后")]
    assert len(pairs) == len(second.campaign.pairs) == 3
    assert titles[pairs[0] - 1] == "上期问题整改情况"
    for n in pairs:
        slide = prs.slides[n]
        pictures = [s for s in slide.shapes if s.shape_type == 13]
        assert len(pictures) == 2 and pictures[0].left < pictures[1].left  # before | after
        words = " ".join(s.text_frame.text for s in slide.shapes if s.has_text_frame)
        assert "整改前 · 第5期" in words and "复查 · 第6期" in words
    ranking = prs.slides[titles.index("考核排名：第6期")]
    chart = next(s.chart for s in ranking.shapes if s.has_chart)
    scores = assess(second.campaign.campaign, [second.campaign.round.id]).rounds[0].scores
    assert list(chart.plots[0].series[0].values) == [s.score for s in reversed(scores)]


def test_deck_pairs_render(made):
    _, pngs = render(made["pptx"], "deck", dpi=40)
    assert len(pngs) == len(Presentation(str(made["pptx"])).slides)


# --- ledger, reel, statistics -------------------------------------------------------------

def test_ledger_flags_overdue_and_carries_the_rectification(made, second):
    sheet = openpyxl.load_workbook(made["xlsx"]).worksheets[0]
    header = [c.value for c in sheet[1]]
    assert header[11:18] == ["期次", "整改时限", "整改措施", "完成时间", "整改证据", "复查结果", "销号"]
    rows = list(sheet.iter_rows(min_row=2, values_only=True))
    assert {r[11] for r in rows} == {"第6期"}
    flagged = [sheet.cell(n, ledger.DEADLINE_COLUMN + 1) for n in range(2, sheet.max_row + 1)]
    late = [c for c in flagged if c.value.endswith("（逾期）")]
    assert all(c.font.color.rgb.endswith("B00020") for c in late)
    on_time = [c for c in flagged if not c.value.endswith("（逾期）")]
    assert on_time and not any(c.font.bold for c in on_time)


def test_reel_plan_ends_with_before_and_after(second):
    options = ExportOptions(title_card_ms=2000)
    main = plan.reel(second, options)
    extra = plan.before_after(second, options, sum(s.duration_ms for s in main))
    assert extra[0].title == "上期问题整改情况" and extra[0].start_ms == main[-1].start_ms + \
        main[-1].duration_ms
    cards = [n for n, s in enumerate(extra) if s.span is None][1:]
    assert len(cards) == 3
    for n in cards:
        before, after = extra[n + 1].span, extra[n + 2].span
        pair = next(p for p in second.campaign.pairs if p.earlier.tag.uuid == before.item.tag.uuid)
        assert after.item.tag.uuid == pair.later.tag.uuid
        assert extra[n].title.startswith(pair.earlier.tag.place)


def test_statistics_export_has_the_trend_by_round(demo, tmp_path):
    with Project.open(demo, read_only=True) as project:
        whole = snapshot.take(project, selection.Selection())
    files = run.export(whole, "stats", tmp_path / "s", OPTIONS).files
    rows = list(csv.reader(files[0].read_text("utf-8-sig").splitlines()))
    at = next(n for n, r in enumerate(rows) if r and r[0] == "期次")
    assert [r[0] for r in rows[at + 1:]] == ["第5期", "第6期"]
    assert [int(r[-1]) for r in rows[at + 1:]] == [12, 4]  # re-check tags are not new problems


def test_artifacts_are_kept(made):
    assert ARTIFACTS.is_dir()
    shutil.copy2(made["bulletin"], ARTIFACTS / made["bulletin"].name)


_PPR_ORDER = ("pStyle", "keepNext", "keepLines", "pageBreakBefore", "framePr", "widowControl",
              "numPr", "suppressLineNumbers", "pBdr", "shd", "tabs", "suppressAutoHyphens",
              "kinsoku", "wordWrap", "overflowPunct", "topLinePunct", "autoSpaceDE",
              "autoSpaceDN", "bidi", "adjustRightInd", "snapToGrid", "spacing", "ind",
              "contextualSpacing", "mirrorIndents", "suppressOverlap", "jc", "textDirection",
              "textAlignment", "textboxTightWrap", "outlineLvl", "divId", "cnfStyle", "rPr",
              "sectPr", "pPrChange")


def test_paragraph_properties_keep_the_schema_order(made):
    """Word refuses (as "unreadable content") properties out of ECMA-376's order."""
    from lxml import etree

    with zipfile.ZipFile(made["bulletin"]) as archive:
        parts = [n for n in archive.namelist() if n.startswith("word/") and n.endswith(".xml")]
        for name in parts:
            root = etree.fromstring(archive.read(name))
            for ppr in root.iter(qn("w:pPr")):
                seq = [etree.QName(c).localname for c in ppr]
                ranks = [_PPR_ORDER.index(t) for t in seq]
                assert ranks == sorted(ranks), (name, seq)
