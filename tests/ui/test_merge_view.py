"""The merge dialog: packages in, report shown, conflicts/duplicates/code book settled."""

from __future__ import annotations

import shutil
from dataclasses import replace
from pathlib import Path

import pytest
from PySide6.QtCore import Qt

from reviewer.codebook.model import Category, Label
from reviewer.media import synth
from reviewer.merge.pack import pack
from reviewer.store.project import Project
from ui.merge.view import MergeDialog
from ui.project.session import ProjectSession
from ui.workers import TaskRunner


@pytest.fixture
def office(tmp_path):
    clip = tmp_path / "素材" / "a.mp4"
    clip.parent.mkdir()
    synth.write(synth.Spec(width=96, height=64, frames=8, label="a"), clip)
    master = tmp_path / "master.shenpian"
    with Project.create(master, reviewer="编辑") as project:
        media = project.add_media(clip).select
        base = project.add_tag(media, 5000, "qing-laji", note="原始").select
    laptop = tmp_path / "laptop.shenpian"
    shutil.copy(master, laptop)
    with Project.open(laptop, reviewer="李四") as project:
        project.edit_tag(base, note="李四改")
        book = project.codebook()
        extra = Category("xin-leibie", Label("新类别", "New"), "#123456", "")
        project.import_codebook(
            replace(book, version=book.version + 1, categories=(*book.categories, extra))
        )
        project.add_tag(media, 20_000, "xin-leibie", note="新")
        project.add_tag(media, 40_000, "qing-laji", note="李四的")
    with Project.open(master, reviewer="编辑") as project:
        project.edit_tag(base, note="编辑改")
        project.add_tag(media, 41_000, "qing-laji", note="编辑的")
    package = pack(laptop, tmp_path / "李四.shenpian-pack", reviewer="李四").path
    return master, base, package


@pytest.fixture
def dialog(qtbot, office):
    master, base, package = office
    session = ProjectSession(Project.open(master, reviewer="编辑"), lang="en")
    runner = TaskRunner(synchronous=True)
    view = MergeDialog(session, runner)
    qtbot.addWidget(view)
    yield view, session, base, package
    view.close()
    session.close()


def test_merge_shows_added_conflicts_duplicates_and_codebook(qtbot, dialog):
    view, session, base, package = dialog
    view.add_packages([package, package])
    assert view.package_paths() == [str(package)]
    with qtbot.waitSignal(session.changed) as changed:
        qtbot.mouseClick(view.merge_button, Qt.MouseButton.LeftButton)
    assert view.report is not None and len(view.report.added) == 2
    assert base in changed.args[0].tags
    assert "Added 2" in view.status.text()
    assert view.added.count() == 2
    assert view.conflict_list.count() == 1 and view.duplicate_list.count() == 1
    assert view.codebook_list.count() == 1
    mine = view.conflict_table.item(12, 0).text()
    theirs = view.conflict_table.item(12, 1).text()
    assert (mine, theirs) == ("编辑改", "李四改")
    assert view.conflict_table.item(12, 0).font().bold()


def test_choose_theirs_keep_both_and_accept(qtbot, dialog):
    view, session, base, package = dialog
    view.add_packages([package])
    view.start_merge()
    with qtbot.waitSignal(session.changed):
        qtbot.mouseClick(view.theirs_button, Qt.MouseButton.LeftButton)
    assert session.project.tag(base).note == "李四改"
    assert view.conflict_list.count() == 0 and not view.theirs_button.isEnabled()
    qtbot.mouseClick(view.keep_both_dup_button, Qt.MouseButton.LeftButton)
    assert view.duplicate_list.count() == 0
    qtbot.mouseClick(view.accept_button, Qt.MouseButton.LeftButton)
    assert session.project.codebook().category("xin-leibie") is not None
    assert "(0)" in view.tabs.tabText(3)


def test_a_bad_package_shows_why_and_changes_nothing(qtbot, dialog, tmp_path):
    view, session, _, package = dialog
    cut = tmp_path / "cut.shenpian-pack"
    cut.write_bytes(Path(package).read_bytes()[:1500])
    before = len(session.project.tags())
    view.add_packages([cut])
    view.start_merge()
    assert "Nothing was merged" in view.status.text() and "incomplete" in view.status.text()
    assert len(session.project.tags()) == before and view.merge_button.isEnabled()
