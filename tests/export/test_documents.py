"""Ledger (XLSX/CSV), deck (PPTX) and statistics, each opened by a real reader."""

from __future__ import annotations

import csv
import shutil
import zipfile
from dataclasses import replace
from pathlib import Path

import openpyxl
import pytest
from pptx import Presentation

from reviewer.codebook.model import STATUS_LABELS
from reviewer.export import ledger, readback, run, stats
from reviewer.export.common import ExportError, ExportOptions
from tests.export.conftest import ARTIFACTS, render_pdf, to_png


@pytest.fixture(scope="module")
def documents(snap, options, tmp_path_factory):
    out = tmp_path_factory.mktemp("documents")
    made = {fmt: run.export(snap, fmt, out, options) for fmt in ("xlsx", "csv", "pptx", "stats")}
    return out, made


@pytest.fixture(scope="module")
def rendered(documents):
    """Deck and ledger through LibreOffice once for the module (it takes seconds each)."""
    out, made = documents
    files = [made["pptx"].files[0], made["xlsx"].files[0]]
    deck_pdf, ledger_pdf = render_pdf(files, out / "render")
    pages = {"deck": to_png(deck_pdf, "deck"), "ledger": to_png(ledger_pdf, "ledger", 80)}
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    for pngs in pages.values():
        for png in pngs[:4]:
            shutil.copy2(png, ARTIFACTS / png.name)
    return pages


def test_ledger_xlsx_reads_back_with_openpyxl(documents, snap):
    _, made = documents
    book = openpyxl.load_workbook(made["xlsx"].files[0])
    sheet = book.worksheets[0]
    header = [c.value for c in sheet[1]]
    assert header[:11] == list(ledger.HEADERS["zh"][:11])
    assert sheet.max_row == len(snap.items) + 1
    assert [sheet.cell(r, 1).value for r in range(2, sheet.max_row + 1)] == list(range(1, 13))
    ids = [sheet.cell(r, ledger.ID_COLUMN + 1).value for r in range(2, sheet.max_row + 1)]
    assert ids == [i.tag.uuid for i in snap.items]
    assert len(sheet._images) == len(snap.items)  # one floating still per row
    validation = sheet.data_validations.dataValidation[0]
    assert validation.type == "list"
    assert all(STATUS_LABELS[s][0] in validation.formula1 for s in STATUS_LABELS)
    assert sheet.freeze_panes == "A2"
    assert sheet.page_setup.orientation == "landscape"
    assert sheet.sheet_properties.pageSetUpPr.fitToPage  # one page wide (width 1 is the default)
    assert sheet.page_setup.fitToHeight == 0
    assert sheet.column_dimensions["E"].width >= 20  # CJK place names count double


def test_ledger_has_no_absolute_path(documents, demo):
    _, made = documents
    for fmt in ("xlsx", "pptx"):
        with zipfile.ZipFile(made[fmt].files[0]) as archive:
            text = b"".join(archive.read(n) for n in archive.namelist()).decode("utf-8", "ignore")
        assert str(demo.parent) not in text


def test_csv_is_utf8_bom_and_guards_formulas(snap, tmp_path, options):
    evil = [replace(i, tag=replace(i.tag, note=n)) for i, n in
            zip(snap.items[:4], ("=HYPERLINK(\"x\")", "+1", "-2+3", "@SUM(A1)"), strict=True)]
    result = run.export(replace(snap, items=tuple(evil)), "csv", tmp_path / "l.csv", options)
    raw = result.files[0].read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")
    rows = list(csv.reader(raw.decode("utf-8-sig").splitlines()))
    notes = [r[10] for r in rows[1:]]
    assert notes == ["'=HYPERLINK(\"x\")", "'+1", "'-2+3", "'@SUM(A1)"]
    assert rows[0][0] == "序号" and rows[1][1] == snap.items[0].category


def test_deck_opens_and_sets_east_asian_font(documents, snap):
    _, made = documents
    path = made["pptx"].files[0]
    deck = Presentation(str(path))
    assert len(deck.slides) == 2 + len(snap.items) + 1  # cover, summary, problems, ranking
    assert deck.slide_width * 9 == deck.slide_height * 16
    summary = deck.slides[1]
    chart = next(s for s in summary.shapes if s.has_chart).chart
    assert list(chart.plots[0].categories) == ["香格里拉市", "德钦县", "维西县", "开发区"]
    assert any(s.has_table for s in summary.shapes)
    pictures = [s for s in deck.slides[3].shapes if s.shape_type == 13]
    assert 1 <= len(pictures) <= 3
    with zipfile.ZipFile(path) as archive:
        slide = archive.read("ppt/slides/slide3.xml").decode("utf-8")
        theme = archive.read("ppt/theme/theme1.xml").decode("utf-8")
        chart_xml = archive.read(next(n for n in archive.namelist() if "charts/chart" in n)).decode()
    assert '<a:ea typeface="微软雅黑"/>' in slide and 'lang="zh-CN"' in slide
    assert '<a:ea typeface="微软雅黑"/>' in theme and 'script="Hans" typeface="微软雅黑"' in theme
    assert '<a:ea typeface="微软雅黑"/>' in chart_xml


def test_deck_and_ledger_render_in_libreoffice(rendered, snap):
    assert len(rendered["deck"]) == 2 + len(snap.items) + 1
    assert rendered["ledger"]  # landscape, fit to width: one page wide
    assert all(p.stat().st_size > 5000 for p in rendered["deck"] + rendered["ledger"])


def test_statistics_csv_and_png(documents):
    _, made = documents
    csv_path, png_path = made["stats"].files
    rows = list(csv.reader(csv_path.read_text("utf-8-sig").splitlines()))
    assert rows[0][0] == "县市" and rows[-1][0] == "合计" and rows[-1][-1] == "12"
    assert png_path.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"


def test_statistics_by_month_across_projects(snap):
    later = replace(snap, items=tuple(replace(i, recorded_at="2026-12-03T10:00:00+08:00")
                                      for i in snap.items[:5]))
    months = stats.by_month([snap, later])
    assert sum(v for (m, _), v in months.items() if m == "2026-12") == 5
    text = stats.csv_text(stats.table(snap), months, "zh_CN")
    assert "月份" in text and "2026-12" in text


def _set_status(path: Path, row: int, value: str) -> None:
    book = openpyxl.load_workbook(path)
    book.worksheets[0].cell(row, ledger.STATUS_COLUMN + 1).value = value
    book.save(path)


def test_ledger_statuses_read_back_all_or_nothing(project_copy, documents, tmp_path):
    from reviewer.store.project import Project

    _, made = documents
    returned = tmp_path / "returned.xlsx"
    shutil.copy2(made["xlsx"].files[0], returned)
    _set_status(returned, 2, "已整改")
    _set_status(returned, 3, "Being rectified")
    with Project.open(project_copy) as project:
        first, second = project.tags()[:2]
        result = readback.apply_ledger(project, returned)
        assert set(result.changed) == {first.uuid, second.uuid}
        assert project.tag(first.uuid).status == "rectified"
        assert project.tag(second.uuid).status == "in_progress"
        project.undo()  # one undo step for the whole ledger
        assert project.tag(first.uuid).status == first.status
        assert project.tag(second.uuid).status == second.status
        _set_status(returned, 4, "大概好了")  # one bad row refuses the whole file
        with pytest.raises(ExportError) as info:
            readback.apply_ledger(project, returned)
        assert "第4行" in info.value.message()
        assert project.tag(first.uuid).status == first.status


def test_ledger_read_back_refuses_unknown_tags(project_copy, documents, tmp_path):
    from reviewer.store.project import Project

    _, made = documents
    returned = tmp_path / "returned.xlsx"
    shutil.copy2(made["xlsx"].files[0], returned)
    book = openpyxl.load_workbook(returned)
    book.worksheets[0].cell(2, ledger.ID_COLUMN + 1).value = "not-a-tag"
    book.worksheets[0].cell(3, ledger.STATUS_COLUMN + 1).value = "已整改"
    book.save(returned)
    with Project.open(project_copy) as project:
        before = [t.status for t in project.tags()]
        with pytest.raises(ExportError):
            readback.apply_ledger(project, returned)
        assert [t.status for t in project.tags()] == before


def test_empty_selection_is_refused_for_every_format(snap, tmp_path):
    from reviewer.export.common import FORMATS

    empty = replace(snap, items=())
    for fmt in FORMATS:
        with pytest.raises(ExportError) as info:
            run.export(empty, fmt, tmp_path, ExportOptions())
        assert info.value.kind == "empty"
    assert list(tmp_path.iterdir()) == []
