"""A headless user can do the job: make, edit, delete and import tags; help, version, language."""

from __future__ import annotations

import bisect
import json
import os
import shutil
import subprocess
import sys

import openpyxl
import pytest

from reviewer.cli import build_parser
from reviewer.cli.common import LANG
from reviewer.cli.parsing import default_lang
from reviewer.export import ledger
from reviewer.media.index import build_index
from reviewer.store.project import Project
from tests.cli.conftest import cli
from tests.cli.faults import MAIN, ROOT, main_py, one_line, sha


@pytest.fixture
def vfr_project(tmp_path, footage, capsys):
    """A project holding the variable-frame-rate file (frame times known from its generator)."""
    video = tmp_path / "现场 vfr.mp4"
    shutil.copy(footage.vfr.path, video)
    assert cli(capsys, "new", tmp_path / "第5期", "--reviewer", "张三")[0] == 0
    path = tmp_path / "第5期.shenpian"
    assert cli(capsys, "add-media", path, video, "--reviewer", "张三")[0] == 0
    return path, video, footage.vfr.times_ms


def shown_at(times, ms):
    """The frame on screen at ``ms``: the last one starting at or before it."""
    return bisect.bisect_right(times, ms) - 1


def tags_of(path):
    with Project.open(path, read_only=True) as project:
        return project.tags()


@pytest.mark.parametrize("at", ["1.234", "0:00:01.234", "00:01.234"])
def test_tag_add_pins_the_frame_on_screen_like_the_window(vfr_project, capsys, monkeypatch, at):
    path, video, times = vfr_project
    monkeypatch.chdir(path.parent)  # the project named without its suffix, as typed
    code, out, err = cli(capsys, "tag", "add", "第5期", video.name, "--at", at, "--category",
                         "清垃圾", "--county", "德钦县", "--township", "升平镇", "--place",
                         "农贸市场", "--unit", "市场监督管理局", "--severity", "3", "--status",
                         "整改中", "--note", "垃圾桶满溢", "--sub-problem", "垃圾桶满溢未及时清运",
                         "--reviewer", "张三")
    assert code == 0 and err == ""
    i = shown_at(times, 1234)
    (tag,) = tags_of(path)
    assert tag.start_ms == times[i] and tag.end_ms is None
    assert tag.frame_pts == int(build_index(video).pts[i])
    assert (tag.category_id, tag.sub_problem_id, tag.county_id, tag.township_id) == \
        ("qing-laji", "qing-laji.man-yi", "deqin", "deqin.shengping")
    assert (tag.place, tag.unit_id, tag.severity, tag.status, tag.note, tag.reviewer) == \
        ("农贸市场", "shichang", 3, "in_progress", "垃圾桶满溢", "张三")
    assert tag.uuid in out and f"第 {i} 帧" in out


def test_tag_add_by_frame_number_id_or_path_and_ranges(vfr_project, capsys):
    path, video, times = vfr_project
    media_id = Project.open(path, read_only=True).media()[0].id
    assert cli(capsys, "tag", "add", path, media_id, "--at", "#5", "--category", "qing-laji")[0] == 0
    assert cli(capsys, "tag", "add", path, video, "--at", "0.1", "--to", "2.5",
               "--category", "sao-cesuo")[0] == 0
    by_category = {t.category_id: t for t in tags_of(path)}
    assert by_category["qing-laji"].start_ms == times[5]
    ranged = by_category["sao-cesuo"]
    assert (ranged.start_ms, ranged.end_ms) == (times[shown_at(times, 100)],
                                                 times[shown_at(times, 2500)])


def test_tag_add_accepts_the_end_and_refuses_past_it(vfr_project, capsys):
    path, video, times = vfr_project
    end = build_index(video).total_ms
    assert cli(capsys, "tag", "add", path, video.name, "--at", f"{end / 1000}", "--category",
               "qing-laji")[0] == 0
    assert tags_of(path)[0].start_ms == times[-1]
    before = sha(path)
    code, _, err = cli(capsys, "tag", "add", path, video.name, "--at", f"{end / 1000 + 0.01}",
                       "--category", "qing-laji")
    one_line(code, err, "超出视频长度", video.name)
    code, _, err = cli(capsys, "tag", "add", path, video.name, "--at", f"#{len(times)}",
                       "--category", "qing-laji")
    one_line(code, err, f"没有第 {len(times)} 帧", video.name)
    assert sha(path) == before


@pytest.mark.parametrize(("args", "needle"), [
    (["--category", "无此类别"], "未知类别"),
    (["--category", "qing-laji", "--sub-problem", "公厕无人保洁"], "未知该类别下的问题"),
    (["--category", "qing-laji", "--county", "维西县", "--township", "升平镇"], "未知乡镇"),
    (["--category", "qing-laji", "--status", "差不多"], "未知整改状态"),
])
def test_tag_add_refuses_unknown_code_book_entries(vfr_project, capsys, args, needle):
    path, video, _ = vfr_project
    before = sha(path)
    code, _, err = cli(capsys, "tag", "add", path, video.name, "--at", "1", *args)
    one_line(code, err, needle)
    assert sha(path) == before


def test_tag_add_on_offline_footage_says_so(vfr_project, capsys):
    path, video, _ = vfr_project
    video.rename(video.with_name("moved.mp4"))
    code, _, err = cli(capsys, "tag", "add", path, video.name, "--at", "1", "--category", "qing-laji")
    one_line(code, err, "离线", video.name)


def test_tag_edit_and_delete_print_what_they_did(vfr_project, capsys):
    path, video, times = vfr_project
    cli(capsys, "tag", "add", path, video.name, "--at", "1", "--category", "qing-laji")
    uuid = tags_of(path)[0].uuid
    code, out, _ = cli(capsys, "--lang", "en", "tag", "edit", path, uuid[:8], "--note", "补充",
                       "--severity", "2", "--at", "#3", "--county", "deqin")
    assert code == 0 and "Edited tag" in out and "note" in out and "start_ms" in out
    tag = tags_of(path)[0]
    assert (tag.note, tag.severity, tag.start_ms, tag.county_id) == ("补充", 2, times[3], "deqin")
    code, out, _ = cli(capsys, "tag", "edit", path, uuid, "--note", "补充")
    assert code == 0 and "没有变化" in out
    code, out, _ = cli(capsys, "tag", "edit", path, uuid, "--county", "")
    assert code == 0 and tags_of(path)[0].county_id is None
    code, out, _ = cli(capsys, "tag", "delete", path, uuid)
    assert code == 0 and "已删除标记" in out and tags_of(path) == []
    code, out, _ = cli(capsys, "tag", "delete", path, uuid)
    assert code == 0 and "早已删除" in out
    code, _, err = cli(capsys, "tag", "edit", path, uuid, "--note", "x")
    one_line(code, err, "已删除", path.name)
    code, _, err = cli(capsys, "tag", "delete", path, "0123456789")
    one_line(code, err, "找不到标记")


# --- import of tags made elsewhere ------------------------------------------------------


@pytest.fixture
def twin(tmp_path, demo):
    """The demo project, and an empty project with the same footage (another laptop)."""
    source = tmp_path / "源.shenpian"
    shutil.copy(demo, source)
    target = tmp_path / "目标.shenpian"
    with Project.create(target) as project:
        for media in Project.open(source, read_only=True).media():
            project.add_media(media.abs_path)
    return source, target


def comparable(tag):
    data = tag.to_dict()
    return {k: data[k] for k in ("uuid", "start_ms", "end_ms", "category_id", "sub_problem_id",
                                 "county_id", "township_id", "place", "unit_id", "severity",
                                 "status", "note")}


@pytest.mark.parametrize(("fmt", "lang"), [("xlsx", "zh_CN"), ("csv", "zh_CN"), ("csv", "en")])
def test_our_own_ledger_imports_back_and_again_changes_nothing(twin, tmp_path, capsys, fmt, lang):
    source, target = twin
    ledger_file = tmp_path / f"台账.{fmt}"
    assert cli(capsys, "--lang", lang, "export", source, "-f", fmt, "-o", ledger_file)[0] == 0
    code, out, err = cli(capsys, "import", target, ledger_file)
    assert code == 0 and "新增 12 个标记" in out and err == ""
    imported = {t.uuid: comparable(t) for t in tags_of(target)}
    original = {t.uuid: comparable(t) for t in tags_of(source)}
    for uuid, tag in original.items():
        if tag["place"]:  # the ledger shows the place or, without one, the township
            imported[uuid]["township_id"] = tag["township_id"]
    assert imported == original
    assert all(t.frame_pts is not None for t in tags_of(target))  # pinned through the footage
    before = sha(target)
    code, out, _ = cli(capsys, "import", target, ledger_file)
    assert code == 0 and "没有变化" in out and sha(target) == before


def test_import_updates_what_changed_in_one_undoable_step(twin, tmp_path, capsys):
    source, target = twin
    ledger_file = tmp_path / "台账.xlsx"
    cli(capsys, "export", source, "-f", "xlsx", "-o", ledger_file)
    cli(capsys, "import", target, ledger_file)
    book = openpyxl.load_workbook(ledger_file)
    sheet = book.worksheets[0]
    sheet.cell(2, ledger.HEADERS["zh"].index("备注") + 1).value = "改过的备注"
    sheet.cell(3, ledger.HEADERS["zh"].index("地点") + 1).value = "改过的地点"
    book.save(ledger_file)
    code, out, _ = cli(capsys, "import", target, ledger_file)
    assert code == 0 and "新增 0 个标记，更新 2 个，未变 10 个" in out
    after = {t.uuid: t for t in tags_of(target)}
    assert {"改过的备注", "改过的地点"} <= {t.note for t in after.values()} | \
        {t.place for t in after.values()}


def test_an_import_is_one_undo_step(twin, tmp_path, capsys):
    from reviewer.export import tag_import

    source, target = twin
    ledger_file = tmp_path / "台账.csv"
    cli(capsys, "export", source, "-f", "csv", "-o", ledger_file)
    with Project.open(target) as project:
        result = tag_import.import_sheet(project, tag_import.read(ledger_file))
        assert len(result.added) == 12 and len(project.tags()) == 12
        project.undo()
        assert project.tags() == []
        project.redo()
        assert {t.uuid for t in project.tags()} == set(result.added)


@pytest.mark.parametrize(("cell", "value", "needle"), [
    ("类别", "不存在的类别", "第3行：代码本中没有类别"),
    ("视频/时间码", "nosuch.mp4 00:01.000", "第3行：项目中没有这个视频"),
    ("视频/时间码", "{media} 59:00.000", "超出视频长度"),
    ("视频/时间码", "{media} 半分钟", "应为“视频文件名 时间码”"),
    ("整改状态", "差不多", "整改状态“差不多”无效"),
    ("严重程度", "特别严重", "严重程度“特别严重”无效"),
    ("标记ID", "not-a-uuid", "标记ID“not-a-uuid”无效"),
])
def test_import_is_all_or_nothing(twin, tmp_path, capsys, cell, value, needle):
    source, target = twin
    ledger_file = tmp_path / "台账.xlsx"
    cli(capsys, "export", source, "-f", "xlsx", "-o", ledger_file)
    book = openpyxl.load_workbook(ledger_file)
    sheet = book.worksheets[0]
    media = sheet.cell(3, ledger.HEADERS["zh"].index("视频/时间码") + 1).value.rsplit(" ", 1)[0]
    sheet.cell(3, ledger.HEADERS["zh"].index(cell) + 1).value = value.format(media=media)
    book.save(ledger_file)
    before = sha(target)
    code, _, err = cli(capsys, "import", target, ledger_file)
    one_line(code, err, needle, ledger_file.name)
    assert sha(target) == before


def test_import_of_a_hand_made_table_with_english_headers(twin, tmp_path, capsys):
    _, target = twin
    media = Project.open(target, read_only=True).media()[0].name
    table = tmp_path / "made elsewhere.csv"
    table.write_text("Category,County,Place,Footage/time,Status,Note\n"
                     f"Clear rubbish,Deqin County,升平镇,{media} 00:00.700,,手工录入\n"
                     f"sao-cesuo,,路口,{media} #2 - #4,Rectified,\n", encoding="utf-8")
    code, out, err = cli(capsys, "--lang", "en", "import", target, table)
    assert code == 0 and "2 tag(s) added" in out, err
    made = {t.category_id: t for t in tags_of(target)}
    assert made["qing-laji"].township_id == "deqin.shengping" and made["qing-laji"].place == ""
    assert made["qing-laji"].status == "pending" and made["qing-laji"].note == "手工录入"
    assert made["sao-cesuo"].status == "rectified" and made["sao-cesuo"].end_ms is not None


# --- help, version, language, names ---------------------------------------------------


def _actions(parser):
    for action in parser._actions:
        yield parser, action
        if isinstance(action.choices, dict):
            for sub in action.choices.values():
                yield from _actions(sub)


@pytest.mark.parametrize(("lang", "cjk"), [("zh_CN", True), ("en", False)])
def test_every_command_and_option_has_help_in_the_language(lang, cjk):
    token = LANG.set(lang)
    try:
        parser = build_parser()
    finally:
        LANG.reset(token)
    missing, wrong = [], []
    for owner, action in _actions(parser):
        if action.help in (None, "") :
            missing.append(f"{owner.prog} {action.dest}")
        elif action.dest not in ("command", "action") and \
                any("\u4e00" <= c <= "\u9fff" for c in action.help.replace("内部资料 注意保密", "")
                    .replace("{序号}_{县市}_{类别}", "")) != cjk:
            wrong.append(f"{owner.prog} {action.dest}: {action.help}")
    assert missing == [] and wrong == []


def test_help_lists_every_command_with_a_line_and_needs_no_display():
    env = {k: v for k, v in os.environ.items() if k not in ("DISPLAY", "WAYLAND_DISPLAY",
                                                            "QT_QPA_PLATFORM")}
    probe = ("import sys, main\nfor args in (['--help'], ['--version'], ['tag', 'add', '-h']):\n"
             "    assert main.main(args) == 0\n"
             "print(sorted(m for m in sys.modules if m.startswith(('PySide6', 'cv2', 'av'))))")
    done = subprocess.run([sys.executable, "-c", probe], cwd=ROOT, env=env, capture_output=True,
                          text=True, encoding="utf-8", timeout=60)
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip().splitlines()[-1] == "[]"  # no Qt, not even the decoders
    out = subprocess.run([sys.executable, str(MAIN), "--help"], cwd=ROOT, env=env,
                         capture_output=True, text=True, encoding="utf-8", timeout=60).stdout
    for command, line in (("tag", "添加、修改或删除一个标记"), ("import", "导入别处做的标记"),
                          ("ledger-import", "导入回收台账"), ("probe", "查看视频信息")):
        assert any(command in row and line in row for row in out.splitlines()), out
    assert "main.py [--demo]" in out
    version = main_py("--version")
    assert version.returncode == 0 and version.stdout.startswith("shenpian 0.")


def test_lang_anywhere_and_project_names_without_the_suffix(demo, capsys):
    bare = str(demo)[: -len(".shenpian")]
    for args in (["--lang", "en", "tags", bare], ["tags", bare, "--lang", "en"],
                 ["tags", "--lang=en", bare]):
        code, out, _ = cli(capsys, *args)
        assert code == 0 and "12 tag(s)" in out
    code, _, err = cli(capsys, "tags", bare, "--from", "nan", "--lang", "en")
    one_line(code, err, "--from", "must be a number")


def test_language_follows_the_environment_then_the_locale():
    assert default_lang({"SHENPIAN_LANG": "en"}) == "en"
    assert default_lang({"LANG": "en_US.UTF-8"}) == "en"
    assert default_lang({"LC_ALL": "zh_CN.UTF-8", "LANG": "en_US.UTF-8"}) == "zh_CN"
    assert default_lang({"LANG": "C.UTF-8"}) == "zh_CN"
    assert default_lang({}) == "zh_CN" or sys.platform == "win32"


def test_relink_with_nothing_missing_says_so(demo, tmp_path, capsys):
    code, out, _ = cli(capsys, "relink", demo, tmp_path)
    assert code == 0 and "无需重新链接" in out


def test_usage_mistakes_are_one_line_in_both_languages(demo, capsys):
    code, _, err = cli(capsys, "tags")
    one_line(code, err, "缺少参数", "--help")
    code, _, err = cli(capsys, "--lang", "en", "tags", demo, "--bogus")
    one_line(code, err, "unrecognized arguments: --bogus")
    code, _, err = cli(capsys, "export", demo, "-f", "docx", "-o", "x")
    one_line(code, err, "无效的选项")
    json.dumps(err)  # plain text


def test_a_tag_without_sub_problem_or_place_round_trips(vfr_project, tmp_path, capsys):
    """The ledger shows the category where there is no sub-problem, the township where there
    is no place: neither may come back as a change."""
    path, video, _ = vfr_project
    cli(capsys, "tag", "add", path, video.name, "--at", "1", "--category", "sao-cesuo",
        "--county", "deqin", "--township", "升平镇")
    for fmt in ("csv", "xlsx"):
        table = tmp_path / f"l.{fmt}"
        assert cli(capsys, "export", path, "-f", fmt, "-o", table)[0] == 0
        before = sha(path)
        code, out, _ = cli(capsys, "import", path, table)
        assert code == 0 and "没有变化" in out and sha(path) == before
    code, out, _ = cli(capsys, "tags", path)
    assert f"[{tags_of(path)[0].uuid[:8]}]" in out
