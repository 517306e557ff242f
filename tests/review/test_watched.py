"""What reviewers watched is kept in the project: across close and reopen, and merges."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from reviewer.merge.engine import merge
from reviewer.merge.errors import InvalidPackageError
from reviewer.merge.package import open_package
from reviewer.review import watched
from reviewer.review.coverage import Coverage
from reviewer.store.project import Project
from tests.merge.helpers import rewrite

ROOT = Path(__file__).resolve().parents[2]


def test_coverage_survives_close_and_reopen_and_only_grows(office):
    laptop = office.laptop("李四")
    with office.open(laptop, "李四") as project:
        media = project.media()[0]
        watched.record(project, {(media.id, "watched"): Coverage().add(0, 200)})
        watched.record(project, {(media.id, "watched"): Coverage().add(100, 300),
                                 (media.id, "marked"): Coverage().add(350, 400)})
        undoable = project.can_undo()
    assert not undoable  # a record, not an edit: Ctrl+Z never takes it back
    with Project.open(laptop, read_only=True) as project:
        rows = watched.load(project, media.id)
        assert [(r.reviewer, r.kind, r.coverage.spans) for r in rows] == [
            ("李四", "marked", ((350, 400),)), ("李四", "watched", ((0, 300),))]
        f = watched.summary(project)[0]
    # A gap under a second between looks counts as one look (coverage.JOIN_GAP_MS).
    assert f.covered_ms == 400 and f.marked_ms == 100 and f.by_reviewer == (("李四", 400),)


def test_merge_unites_every_reviewers_coverage_once(office):
    a, b = office.laptop("李四"), office.laptop("王五")
    ids = office.media_ids(office.master)
    with office.open(a, "李四") as project:
        watched.record(project, {(ids[0], "watched"): Coverage().add(0, 100)})
    with office.open(b, "王五") as project:
        watched.record(project, {(ids[0], "watched"): Coverage().add(50, 200),
                                 (ids[1], "marked"): Coverage().add(0, 40)})
    packs = [office.pack(a, "李四"), office.pack(b, "王五")]
    merge(office.master, packs, reviewer="编辑")
    merge(office.master, packs, reviewer="编辑")  # twice is once
    with Project.open(office.master, read_only=True) as project:
        rows = {(r.media_id, r.reviewer, r.kind): r.coverage.spans for r in watched.load(project)}
        first = watched.summary(project)[0]
    assert rows == {(ids[0], "李四", "watched"): ((0, 100),),
                    (ids[0], "王五", "watched"): ((50, 200),),
                    (ids[1], "王五", "marked"): ((0, 40),)}
    assert first.covered_ms == 200 and dict(first.by_reviewer) == {"李四": 100, "王五": 150}


def test_a_package_with_forged_coverage_is_refused_whole(office, tmp_path):
    laptop = office.laptop("李四")
    with office.open(laptop, "李四") as project:
        watched.record(project, {(project.media()[0].id, "watched"): Coverage().add(0, 100)})
    package = office.pack(laptop, "李四")

    def forge(conn):
        conn.execute("UPDATE coverage SET spans = ?", (json.dumps([[5, 1], ["x", 3]]),))

    forged = rewrite(package, tmp_path / "forged.shenpian-pack", db=forge)
    try:
        open_package(forged)
    except InvalidPackageError as exc:
        assert "coverage" in str(exc.message("en"))
        return
    raise AssertionError("forged coverage was accepted")


def test_cli_coverage_reports_each_file_and_reviewer(office):
    laptop = office.laptop("李四")
    with office.open(laptop, "李四") as project:
        media = project.media()[0]
        watched.record(project, {(media.id, "watched"): Coverage().add(0, media.duration_ms)})
    out = subprocess.run([sys.executable, "main.py", "coverage", str(laptop), "--json"], cwd=ROOT,
                         capture_output=True, text=True, encoding="utf-8")
    assert out.returncode == 0, out.stderr
    data = json.loads(out.stdout)
    assert data[0]["share"] == 1.0 and data[0]["reviewers"][0]["reviewer"] == "李四"
    assert data[1]["share"] == 0.0 and data[1]["left_ms"] == data[1]["duration_ms"]
    text = subprocess.run([sys.executable, "main.py", "coverage", str(laptop)], cwd=ROOT,
                          capture_output=True, text=True, encoding="utf-8").stdout
    assert "100.0%" in text and "李四" in text


def test_statistics_and_the_ledger_carry_the_coverage(office, tmp_path):
    import openpyxl

    from reviewer.export import snapshot
    from reviewer.export.common import ExportOptions
    from reviewer.export.run import export
    from reviewer.export.selection import Selection

    laptop = office.laptop("李四")
    with office.open(laptop, "李四") as project:
        media = project.media()[0]
        watched.record(project, {(media.id, "watched"): Coverage().add(0, media.duration_ms)})
        project.add_tag(media.id, 0, project.codebook().categories[0].id)
        snap = snapshot.take(project, Selection())
    export(snap, "stats", tmp_path / "统计.csv", ExportOptions(redact="off"))
    text = (tmp_path / "统计.csv").read_text("utf-8-sig")
    assert "审看覆盖" in text and f"{media.name},00:00.400,00:00.400,100.0%" in text
    export(snap, "xlsx", tmp_path / "台账.xlsx", ExportOptions(redact="off"))
    book = openpyxl.load_workbook(tmp_path / "台账.xlsx")
    assert book.sheetnames == ["整改台账", "审看覆盖"]  # a returned ledger is read from sheet 1
    cells = [[c.value for c in row] for row in book["审看覆盖"].iter_rows()]
    assert cells[1][0] == media.name and cells[1][3] == "100.0%" and "李四" in cells[1][6]
    assert cells[-1][0] == "合计"
