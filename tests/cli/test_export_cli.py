from __future__ import annotations

import csv
import shutil

import openpyxl
import pytest

from reviewer.cli import run
from reviewer.export import ledger
from reviewer.store.demo import create_demo


@pytest.fixture(scope="module")
def demo(tmp_path_factory):
    return create_demo(tmp_path_factory.mktemp("cli") / "demo.shenpian", total_seconds=8.0, rounds=1)


def test_export_csv_with_a_filter(demo, tmp_path, capsys):
    assert run(["export", str(demo), "--format", "csv", "--county", "德钦县", "-o", str(tmp_path)]) == 0
    rows = list(csv.reader((tmp_path / "demo_整改台账.csv").read_text("utf-8-sig").splitlines()))
    assert len(rows) == 5 and {r[3] for r in rows[1:]} == {"德钦县"}
    assert "共导出 4 个问题" in capsys.readouterr().out


@pytest.mark.parametrize("fmt", ["otio", "edl", "markers-edl", "srt", "stats", "xmeml"])
def test_every_quick_format(demo, tmp_path, fmt):
    assert run(["--lang", "en", "export", str(demo), "-f", fmt, "-o", str(tmp_path)]) == 0
    assert [p for p in tmp_path.iterdir() if p.is_file()]


@pytest.mark.parametrize(("name", "written"), [("s.csv", ["s.csv"]), ("s.png", ["s.png"]),
                                               ("s", ["s/demo_统计.csv", "s/demo_统计.png"])])
def test_the_statistics_name_decides_what_is_written(demo, tmp_path, name, written):
    """A .csv name writes the table, a .png name the chart; no suffix is a folder for both."""
    out = tmp_path / "out"
    out.mkdir()
    assert run(["export", str(demo), "-f", "stats", "-o", str(out / name)]) == 0
    made = sorted(p.relative_to(out).as_posix() for p in out.rglob("*") if p.is_file())
    assert made == written


def test_empty_selection_is_one_line_exit_2(demo, tmp_path, capsys):
    code = run(["export", str(demo), "--format", "xlsx", "--text", "没有这种问题", "-o", str(tmp_path)])
    err = capsys.readouterr().err
    assert code == 2 and err.strip() == "没有可导出的标记（选择为空）"
    assert list(tmp_path.iterdir()) == []


def test_unknown_project_and_english(tmp_path, capsys):
    code = run(["--lang", "en", "export", str(tmp_path / "nope.shenpian"), "-f", "csv", "-o", str(tmp_path)])
    err = capsys.readouterr().err
    assert code == 2 and "Traceback" not in err and len(err.strip().splitlines()) == 1


def test_ledger_import_round_trip(demo, tmp_path, capsys):
    project = tmp_path / "p.shenpian"
    shutil.copy2(demo, project)
    assert run(["export", str(project), "-f", "xlsx", "-o", str(tmp_path / "l.xlsx")]) == 0
    book = openpyxl.load_workbook(tmp_path / "l.xlsx")
    book.worksheets[0].cell(2, ledger.STATUS_COLUMN + 1).value = "已整改"
    book.save(tmp_path / "l.xlsx")
    capsys.readouterr()
    assert run(["ledger-import", str(project), str(tmp_path / "l.xlsx")]) == 0
    assert "更新整改状态 1 个" in capsys.readouterr().out
    book = openpyxl.load_workbook(tmp_path / "l.xlsx")  # openpyxl closes image streams on save
    book.worksheets[0].cell(3, ledger.STATUS_COLUMN + 1).value = "???"
    book.save(tmp_path / "l.xlsx")
    assert run(["ledger-import", str(project), str(tmp_path / "l.xlsx")]) == 2
    assert "第3行" in capsys.readouterr().err


def test_clips_and_playlist(demo, tmp_path):
    assert run(["export", str(demo), "-f", "clips", "--lossless", "--no-redact", "--media",
                "维西县_保和镇_公厕.mp4", "-o", str(tmp_path / "c")]) == 0
    assert len(list((tmp_path / "c").glob("*.mp4"))) == 3
    code = run(["export", str(demo), "-f", "csv", "--playlist", "-o", str(tmp_path / "p.csv")])
    assert code == 2  # no playlist saved: an empty selection


def test_clip_flags_and_notes(demo, tmp_path, capsys):
    assert run(["--lang", "en", "export", str(demo), "-f", "clips", "--lossless", "--no-redact",
                "--media",
                "维西县_保和镇_公厕.mp4", "-o", str(tmp_path / "c")]) == 0
    assert "starts at the keyframe before its mark" in capsys.readouterr().out
    assert run(["export", str(demo), "-f", "clips", "--vfr", "--media",
                "维西县_保和镇_公厕.mp4", "-o", str(tmp_path / "v")]) == 0
    assert len(list((tmp_path / "v").glob("*.mp4"))) == 3
