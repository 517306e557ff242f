"""round, rectify, recheck, assess, and --round/--rounds on tags and exports."""

from __future__ import annotations

import json
import shutil

import openpyxl
import pytest
from docx import Document

from reviewer.cli import run
from tests.cli.conftest import cli


@pytest.fixture(scope="module")
def demo(tmp_path_factory):
    """The demo as ``demo`` makes it by default: two rounds."""
    path = tmp_path_factory.mktemp("demo") / "演示.shenpian"
    assert run(["demo", str(path), "--seconds", "3"]) == 0
    return path


@pytest.fixture
def copy(demo, tmp_path):
    target = tmp_path / "副本.shenpian"
    shutil.copy2(demo, target)
    return target


def test_rounds_filter_tags(capsys, demo):
    code, out, _ = cli(capsys, "round", "list", demo)
    assert code == 0 and "第5期" in out and "* " + " 2  第6期" in out  # the current one starred
    _, first, _ = cli(capsys, "tags", demo, "--json", "--round", "第5期")
    _, second, _ = cli(capsys, "tags", demo, "--json", "--round", "2")
    _, both, _ = cli(capsys, "tags", demo, "--json", "--rounds", "第5期..第6期")
    assert (len(json.loads(first)), len(json.loads(second))) == (12, 7)
    assert len(json.loads(both)) == 19


def test_unknown_round_is_one_line_exit_2(capsys, demo):
    code, out, err = cli(capsys, "tags", demo, "--round", "第9期")
    assert code == 2 and err.strip() == "未知期次：第9期"
    code, _, err = cli(capsys, "--lang", "en", "export", demo, "-f", "bulletin", "--rounds", "1-2",
                       "-o", "x.docx")
    assert code == 2 and err.strip() == "A range of rounds is FIRST..LAST: 1-2"


def test_round_add_edit_current(capsys, copy):
    code, out, _ = cli(capsys, "round", "add", copy, "第7期", "--start", "2026-12-20",
                       "--end", "2026-12-28", "--teams", "第三暗访组")
    assert code == 0 and "*  3  第7期  2026-12-20–2026-12-28  第三暗访组" in out
    code, out, _ = cli(capsys, "round", "current", copy, "第6期")
    assert code == 0 and "*  2  第6期" in out
    code, out, _ = cli(capsys, "round", "edit", copy, "3", "--name", "第7期（补）")
    assert code == 0 and "第7期（补）" in out
    code, _, err = cli(capsys, "round", "add", copy, "第5期")
    assert code == 2 and "已有期次“第5期”" in err


def test_rectify_recheck_and_assess(capsys, copy, tmp_path):
    _, out, _ = cli(capsys, "tags", copy, "--json", "--round", "第6期", "--text", "公厕")
    later = json.loads(out)[0]["uuid"]
    _, out, _ = cli(capsys, "recheck", copy)
    assert "共 1 条待确认的复查" in out and later[:8] in out
    earlier = out.split()[0]
    code, out, _ = cli(capsys, "recheck", copy, "--confirm", earlier, later[:8],
                       "--verdict", "unrectified")
    assert code == 0
    photo = tmp_path / "整改后.jpg"
    photo.write_bytes(b"\xff\xd8" + b"x" * 4000)
    code, out, _ = cli(capsys, "rectify", copy, earlier, "--measures", "重新保洁", "--done",
                       "2026-11-20", "--evidence", photo)
    assert code == 0 and "整改措施：重新保洁" in out and "证据：整改后.jpg" in out
    code, _, err = cli(capsys, "rectify", copy, earlier, "--close")
    assert code == 2 and "不能销号" in err  # re-inspection found it not rectified
    code, out, _ = cli(capsys, "assess", copy, "--round", "第6期", "--details")
    assert code == 0 and "复查未整改" in out and "== 累计 ==" in out
    code, _, err = cli(capsys, "rectify", copy, "abc", "--close")
    assert code == 2 and "至少写 8 位" in err


def test_export_bulletin_and_assessment_for_a_round(capsys, demo, tmp_path):
    code, out, _ = cli(capsys, "export", demo, "--format", "bulletin", "--round", "第6期",
                       "-o", tmp_path / "通报.docx")
    assert code == 0 and "已写入" in out
    titles = [p.text for p in Document(str(tmp_path / "通报.docx")).paragraphs
              if p.style.name == "Title"]
    assert "第6期" in "".join(titles)
    code, _, _ = cli(capsys, "--lang", "en", "export", demo, "-f", "assessment", "--rounds",
                     "1..2", "-o", tmp_path / "a.xlsx")
    assert code == 0
    assert openpyxl.load_workbook(tmp_path / "a.xlsx").sheetnames == ["第5期", "第6期", "Cumulative"]
