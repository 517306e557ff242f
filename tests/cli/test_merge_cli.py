"""``pack`` and ``merge`` from the command line: readable report, JSON, one-line errors."""

import json
import shutil

import pytest

from reviewer.store.project import Project
from tests.cli.conftest import cli


@pytest.fixture
def office(tmp_path, demo):
    master = tmp_path / "master.shenpian"
    laptop = tmp_path / "laptop.shenpian"
    shutil.copy(demo, master)
    shutil.copy(demo, laptop)
    with Project.open(laptop, reviewer="李四") as project:
        media = project.media()[0].id
        project.add_tag(media, 500, "qing-laji", note="笔记本新增")
        first = project.tags()[0].uuid
        project.edit_tag(first, note="李四补充")
    return master, laptop


def test_pack_then_merge_prints_a_report(office, tmp_path, capsys):
    master, laptop = office
    package = tmp_path / "李四.pkg"
    code, out, _ = cli(capsys, "--lang", "en", "pack", laptop, "-o", package, "--reviewer", "李四")
    assert code == 0 and "13 tag(s)" in out and package.is_file()
    code, out, _ = cli(capsys, "merge", master, package, "--reviewer", "编辑")
    assert code == 0 and "新增 1" in out and "更新 1" in out
    code, out, _ = cli(capsys, "--lang", "en", "merge", master, package)
    assert code == 0 and "Nothing new" in out


def test_merge_json(office, tmp_path, capsys):
    master, laptop = office
    package = tmp_path / "p.pkg"
    cli(capsys, "pack", laptop, "-o", package)
    code, out, _ = cli(capsys, "merge", master, package, "--json")
    report = json.loads(out)
    assert code == 0 and len(report["added"]) == 1 and len(report["updated"]) == 1
    assert report["changed"] and report["packages"][0]["tags"] == 13


@pytest.mark.parametrize("lang", ["zh_CN", "en"])
def test_a_bad_package_is_one_line_exit_2(office, tmp_path, capsys, lang):
    master, laptop = office
    package = tmp_path / "p.pkg"
    cli(capsys, "pack", laptop, "-o", package)
    package.write_bytes(package.read_bytes()[:2000])
    code, out, err = cli(capsys, "--lang", lang, "merge", master, package)
    assert code == 2 and err.count("\n") == 1 and "Traceback" not in err
    assert ("incomplete" in err) if lang == "en" else ("不完整" in err)


def test_missing_package(office, tmp_path, capsys):
    master, _ = office
    code, _, err = cli(capsys, "merge", master, tmp_path / "nope.pkg")
    assert code == 2 and "找不到审片包" in err


def test_dry_run_then_merge_then_undo(office, tmp_path, capsys):
    master, laptop = office
    package = tmp_path / "p.pkg"
    cli(capsys, "pack", laptop, "-o", package)
    before = master.read_bytes()
    code, out, _ = cli(capsys, "--lang", "en", "merge", master, package, "--dry-run")
    assert code == 0 and out.startswith("Dry run, the project is unchanged")
    assert "added 1, updated 1" in out and "undo" not in out
    code, dry, _ = cli(capsys, "merge", master, package, "--dry-run", "--json")
    assert json.loads(dry)["dry_run"] and len(json.loads(dry)["added"]) == 1
    code, out, _ = cli(capsys, "--lang", "en", "merge", master, package)
    assert code == 0 and "added 1, updated 1" in out and f"merge --undo {master}" in out
    code, out, _ = cli(capsys, "merge", "--undo", master)
    assert code == 0 and "已撤销" in out and "lp.pkg" not in out and "p.pkg" in out
    with Project.open(master, read_only=True) as project:
        assert [e.action for e in project.audit_log()][-1] == "merge-undo"
    code, _, err = cli(capsys, "--lang", "en", "merge", "--undo", master)
    assert code == 2 and err.count("\n") == 1 and "No merge to undo" in err
    assert before != master.read_bytes()  # the undo is audited, so not byte-identical


def test_undo_after_later_edits_needs_consent(office, tmp_path, capsys):
    master, laptop = office
    package = tmp_path / "p.pkg"
    cli(capsys, "pack", laptop, "-o", package)
    cli(capsys, "merge", master, package)
    with Project.open(master, reviewer="编辑") as project:
        project.add_tag(project.media()[0].id, 900, "qing-laji")
    code, _, err = cli(capsys, "--lang", "en", "merge", "--undo", master)
    assert code == 2 and err.count("\n") == 1 and "changed 1 time(s) after the merge" in err
    code, out, _ = cli(capsys, "--lang", "en", "merge", "--undo", master,
                       "--discard-later-changes")
    assert code == 0 and "The 1 change(s) made after the merge were undone too" in out


@pytest.mark.parametrize("args", [["x.pkg", "--undo"], ["x.pkg", "--discard-later-changes"],
                                  [], ["--undo", "--dry-run"]])
def test_merge_option_mistakes_are_one_line(office, capsys, args):
    master, _ = office
    code, out, err = cli(capsys, "--lang", "en", "merge", master, *args)
    assert (code, out) == (2, "") and err.count("\n") == 1 and "Traceback" not in err


@pytest.mark.parametrize("args", [["--undo", "x.pkg"], ["--undo", "x.pkg", "y.pkg"],
                                  ["x.pkg", "--undo"]])
def test_a_package_anywhere_with_undo_names_the_problem(office, capsys, args):
    """Packages after an option are still packages: the line says --undo takes none."""
    master, _ = office
    code, out, err = cli(capsys, "--lang", "en", "merge", master, *args)
    assert (code, out) == (2, "") and err.count("\n") == 1
    assert "--undo takes the master only, no package" in err


def test_other_stray_words_are_still_refused(office, capsys):
    master, _ = office
    code, _, err = cli(capsys, "--lang", "en", "tags", master, "extra")
    assert code == 2 and err.count("\n") == 1 and "unrecognized arguments: extra" in err
