"""A returned ledger fills measures, dates, evidence, verdicts and closures: all or nothing."""

from __future__ import annotations

import shutil
from datetime import date, timedelta

import openpyxl
import pytest

from reviewer.cli import run as cli_run
from reviewer.export import readback, run, selection, snapshot
from reviewer.export.common import ExportError
from reviewer.store.project import Project
from reviewer.store.search import TagFilter


@pytest.fixture(scope="module")
def demo_master(tmp_path_factory):
    from reviewer.store.demo import create_demo

    return create_demo(tmp_path_factory.mktemp("ledger") / "演示.shenpian", total_seconds=6.0)


@pytest.fixture
def returned(demo_master, tmp_path):
    """A copy of the demo and the first round's ledger, as a unit sends it back (a folder)."""
    project = tmp_path / "项目.shenpian"
    shutil.copy2(demo_master, project)
    folder = tmp_path / "回函"
    with Project.open(project, read_only=True) as opened:
        first = opened.rounds()[0].id
        snap = snapshot.take(opened, selection.Selection(TagFilter(rounds=(first,))))
    path = run.export(snap, "xlsx", folder / "台账.xlsx").files[0]
    (folder / "照片").mkdir()
    (folder / "照片" / "公厕整改后.jpg").write_bytes(b"\xff\xd8" + b"toilet" * 500)
    (folder / "照片" / "公厕整改后2.jpg").write_bytes(b"\xff\xd8" + b"again!" * 500)
    return project, path


def _rows(path):
    book = openpyxl.load_workbook(path)
    sheet = book.worksheets[0]
    header = [c.value for c in sheet[1]]
    return book, sheet, {name: header.index(name) + 1 for name in header}


def _row_of(sheet, col, place):
    return next(r for r in range(2, sheet.max_row + 1) if sheet.cell(r, col["地点"]).value == place)


def test_returned_ledger_fills_and_closes_in_one_undoable_step(returned):
    project_path, path = returned
    book, sheet, col = _rows(path)
    row = _row_of(sheet, col, "保和镇汽车站公厕")
    sheet.cell(row, col["整改状态"]).value = "已整改"
    sheet.cell(row, col["整改措施"]).value = "全面清洗公厕，增设排风扇，落实专人保洁"
    sheet.cell(row, col["完成时间"]).value = "2026年11月20日"
    sheet.cell(row, col["整改证据"]).value = "照片/公厕整改后.jpg；照片/公厕整改后2.jpg"
    sheet.cell(row, col["销号"]).value = "是"
    uuid = sheet.cell(row, col["标记ID"]).value
    book.save(path)
    with Project.open(project_path, reviewer="王五") as project:
        result = readback.apply_ledger(project, path)
        assert result.changed == (uuid,)
        assert result.followups.records == (uuid,) and result.followups.evidence == 2
        record = project.rectification(uuid)
        assert (record.measures, record.rectified_on) == \
            ("全面清洗公厕，增设排风扇，落实专人保洁", date(2026, 11, 20))
        assert record.closed and record.closed_by == "王五"
        assert [e.name for e in project.evidence(uuid)] == ["公厕整改后.jpg", "公厕整改后2.jpg"]
        assert project.tag(uuid).status == "rectified"
        assert project.audit_log(uuid)[-1].action == "import"
        project.undo()  # status, record and evidence together
        assert project.tag(uuid).status == "pending"
        assert project.evidence(uuid) == [] and not project.rectification(uuid).closed
        project.redo()
        again = readback.apply_ledger(project, path)  # the same ledger twice changes nothing
        assert again.changed == () and again.followups.records == () and \
            again.followups.evidence == 0


def test_a_status_reported_without_a_day_is_dated_today(returned):
    project_path, path = returned
    book, sheet, col = _rows(path)
    row = _row_of(sheet, col, "保和镇汽车站公厕")
    sheet.cell(row, col["整改状态"]).value = "已整改"
    uuid = sheet.cell(row, col["标记ID"]).value
    book.save(path)
    with Project.open(project_path) as project:
        readback.apply_ledger(project, path)
        assert project.rectification(uuid).rectified_on == date.today()


@pytest.mark.parametrize(("column", "value", "said"), [
    ("整改证据", "../项目.shenpian", "台账所在文件夹"),
    ("整改证据", "/etc/passwd", "台账所在文件夹"),
    ("整改证据", "C:\\Windows\\win.ini", "台账所在文件夹"),
    ("整改证据", "照片/没有这张.jpg", "找不到证据文件"),
    ("完成时间", "下周", "完成时间"),
    ("完成时间", (date.today() + timedelta(days=30)).isoformat(), "完成时间"),
    ("复查结果", "差不多", "复查结果"),
    ("销号", "是", "不能销号"),  # still pending: cannot be closed
])
def test_one_bad_cell_refuses_the_whole_ledger(returned, column, value, said):
    project_path, path = returned
    book, sheet, col = _rows(path)
    good = _row_of(sheet, col, "建塘镇农贸市场活禽区")
    sheet.cell(good, col["整改措施"]).value = "这一行本身没有问题"
    bad = _row_of(sheet, col, "保和镇汽车站公厕")
    sheet.cell(bad, col[column]).value = value
    book.save(path)
    with Project.open(project_path) as project:
        before = len(project.audit_log())
        with pytest.raises(ExportError) as err:
            readback.apply_ledger(project, path)
        assert said in err.value.message() and f"第{bad}行" in err.value.message()
        assert len(project.audit_log()) == before  # nothing at all was written
        assert not any(e.name == "项目.shenpian" for e in project.evidence())


def test_a_confirmed_verdict_in_the_ledger_allows_closing(returned):
    project_path, path = returned
    book, sheet, col = _rows(path)
    row = _row_of(sheet, col, "升平镇某餐馆后厨")  # re-inspection found it not rectified
    assert sheet.cell(row, col["复查结果"]).value == "未整改"
    sheet.cell(row, col["销号"]).value = "已销号"
    book.save(path)
    with Project.open(project_path) as project, pytest.raises(ExportError):
        readback.apply_ledger(project, path)
    book, sheet, col = _rows(path)  # openpyxl saves a loaded book's pictures only once
    sheet.cell(row, col["复查结果"]).value = "已整改"
    uuid = sheet.cell(row, col["标记ID"]).value
    book.save(path)
    with Project.open(project_path) as project:
        readback.apply_ledger(project, path)
        record = project.rectification(uuid)
        assert record.verdict == "rectified" and record.closed


def test_cli_ledger_import_reports_records_and_evidence(returned, capsys):
    project_path, path = returned
    book, sheet, col = _rows(path)
    row = _row_of(sheet, col, "保和镇汽车站公厕")
    sheet.cell(row, col["整改措施"]).value = "已清洗"
    sheet.cell(row, col["整改证据"]).value = "照片/公厕整改后.jpg"
    book.save(path)
    assert cli_run(["ledger-import", str(project_path), str(path)]) == 0
    assert "更新整改记录 1 个，添加证据 1 份" in capsys.readouterr().out
    book, sheet, col = _rows(path)
    sheet.cell(row, col["整改证据"]).value = "../../etc/passwd"
    book.save(path)
    assert cli_run(["ledger-import", str(project_path), str(path)]) == 2
    err = capsys.readouterr().err.strip().splitlines()
    assert len(err) == 1 and "台账有误，未导入任何修改" in err[0]
