import json
import subprocess
import sys
from pathlib import Path

import pytest

from tests.cli.conftest import cli

ROOT = Path(__file__).resolve().parents[2]




def test_demo_has_footage_and_a_dozen_tags(demo, capsys):
    code, out, _ = cli(capsys, "tags", demo, "--json")
    tags = json.loads(out)
    assert code == 0 and len(tags) == 12
    assert len({t["media_id"] for t in tags}) == 3
    assert len({t["category_id"] for t in tags}) >= 6
    assert len({t["county_id"] for t in tags}) == 4
    every = {"uuid", "media_id", "start_ms", "end_ms", "frame_pts", "category_id",
             "sub_problem_id", "county_id", "township_id", "place", "unit_id", "severity",
             "status", "note", "stills", "reviewer", "created_at", "updated_at", "revision",
             "deleted_at", "deleted_by", "labels", "complete", "missing_fields", "media_name"}
    assert every <= set(tags[0])
    assert (demo.parent / "演示_素材" / "德钦县_升平镇_餐馆后厨.mp4").is_file()


@pytest.mark.parametrize(
    ("filters", "count"),
    [
        (["--county", "德钦县"], 4),
        (["--county", "deqin", "--category", "净餐馆"], 3),
        (["--status", "待整改"], 9),
        (["--status", "rectified", "--status", "不需整改"], 2),
        (["--text", "垃圾"], 2),
        (["--text", "公厕"], 2),
        (["--incomplete"], 2),
        (["--unit", "市场监督管理局"], 5),
        (["--severity", "3"], 3),
        (["--media", "维西县_保和镇_公厕.mp4"], 3),
        (["--deleted"], 0),
    ],
)
def test_tag_filters(demo, capsys, filters, count):
    code, out, _ = cli(capsys, "tags", demo, "--json", *filters)
    assert code == 0 and len(json.loads(out)) == count


def test_plain_listing_in_both_languages(demo, capsys):
    _, out, _ = cli(capsys, "tags", demo, "--county", "维西县")
    assert "保和镇汽车站公厕" in out and "共 3 个标记" in out
    _, out, _ = cli(capsys, "--lang", "en", "tags", demo, "--county", "weixi")
    assert "Clean toilets" in out and "3 tag(s)" in out


def test_new_add_media_and_codebook_round_trip(tmp_path, capsys):
    from reviewer.media import synth

    video = tmp_path / "录像 一.mp4"
    synth.write(synth.Spec(width=160, height=120, frames=15), video)
    code, out, _ = cli(capsys, "new", tmp_path / "第5期")
    assert code == 0 and (tmp_path / "第5期.shenpian").is_file()
    project = tmp_path / "第5期.shenpian"
    code, out, _ = cli(capsys, "add-media", project, video)
    assert code == 0 and "录像 一.mp4" in out
    code, _, err = cli(capsys, "add-media", project, video)
    assert code == 2 and "已在项目中" in err and len(err.strip().splitlines()) == 1
    book = tmp_path / "book.json"
    assert cli(capsys, "codebook", "export", project, book)[0] == 0
    doc = json.loads(book.read_text(encoding="utf-8"))
    doc["version"] = 2
    book.write_text(json.dumps(doc, ensure_ascii=False), encoding="utf-8")
    code, out, _ = cli(capsys, "codebook", "import", project, book)
    assert code == 0 and "v2" in out


@pytest.mark.parametrize(
    ("args", "zh", "en"),
    [
        (["tags", "{dir}/missing.shenpian"], "找不到项目文件", "Project file not found"),
        (["tags", "{demo}", "--category", "无此类别"], "未知类别", "Unknown category"),
        (["new", "{demo}"], "已存在", "already exists"),
        (["new", "{dir}/no/such/dir/p.shenpian"], "文件夹不存在", "does not exist"),
        (["codebook", "import", "{demo}", "{dir}/bad.json"], "代码本", "Code book"),
        (["add-media", "{demo}", "{dir}/nothing.mp4"], "找不到文件", "File not found"),
        (["relink", "{demo}", "{dir}/nowhere"], "文件夹不存在", "No such folder"),
    ],
)
def test_user_errors_are_one_line_in_the_chosen_language(demo, tmp_path, capsys, args, zh, en):
    (tmp_path / "bad.json").write_text('{"format": "shenpian-codebook", "categ', encoding="utf-8")
    args = [a.format(dir=tmp_path, demo=demo) for a in args]
    code, _, err = cli(capsys, *args)
    assert code == 2 and zh in err and len(err.strip().splitlines()) == 1
    code, _, err = cli(capsys, "--lang", "en", *args)
    assert code == 2 and en in err and "Traceback" not in err


def test_in_use_project_refuses_writes_with_holder(demo, tmp_path, capsys):
    from reviewer.store.project import Project

    book = tmp_path / "v2.json"
    doc = json.loads((ROOT / "resources/codebooks/default.json").read_text("utf-8"))
    book.write_text(json.dumps(doc | {"version": 2}), encoding="utf-8")
    with Project.open(demo, reviewer="赵六"):
        code, _, err = cli(capsys, "codebook", "import", demo, book)
        assert code == 2 and "赵六" in err and "只读" in err
        code, out, _ = cli(capsys, "tags", demo, "--json")  # reading still works
        assert code == 0 and len(json.loads(out)) == 12


def test_main_py_dispatches_store_commands(tmp_path):
    result = subprocess.run([sys.executable, "main.py", "new", str(tmp_path / "x")], cwd=ROOT,
                            capture_output=True, text=True, timeout=60)
    assert result.returncode == 0, result.stderr
    assert (tmp_path / "x.shenpian").is_file()
