"""A reviewer's first day without help, offscreen: projects, footage, the editor (issue #11)."""

from __future__ import annotations

import shutil

import pytest
from PySide6.QtCore import QSettings, Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QPushButton

from reviewer.store.project import Project
from reviewer.store.search import TagFilter
from tests.ui.test_window_trust import corrupt
from ui.app import Shell
from ui.main_window import ReviewWindow
from ui.media.screen import Showing
from ui.project.adding import RefusedFiles
from ui.project.start_page import StartPage


@pytest.fixture
def shell(qapp):
    shell = Shell(qapp, "zh_CN", synchronous=True)
    yield shell
    shell.shutdown()


def key(window, k, mods=Qt.KeyboardModifier.NoModifier):
    QTest.keyClick(window.view, k, mods)


# -- projects from the UI ---------------------------------------------------------------


def test_new_project_close_back_to_start_and_resume_where_left(shell, tmp_path, footage):
    QSettings().remove("recent")
    shell.show_start()
    assert "还没有" in shell.window.recent.item(0).text()  # the empty list says what it is for
    assert shell.window.findChild(QPushButton, "newProject").text() == "新建项目…"
    path = tmp_path / "十一月 第5期.shenpian"
    shell.create_project(path)
    window = shell.window
    assert isinstance(window, ReviewWindow) and path.exists()
    # Every empty part of the window says what to do next.
    assert "还没有视频" in window.view.message()
    assert "添加视频" in window.bin.list.hint and window.bin.list.count() == 0
    assert "按下该类别的键" in window.tags.table.hint
    window.footage.add_files([footage.small.path])
    assert window.player.screen.showing is Showing.FRAME  # the first file opens by itself
    window.player.seek_index(42)
    window.menus.actions["close_project"].trigger()
    assert isinstance(shell.window, StartPage) and shell.session is None
    assert str(path) in [shell.window.recent.item(i).data(Qt.ItemDataRole.UserRole + 20)
                         for i in range(shell.window.recent.count())]  # fmt: skip
    shell.open_project(path)
    assert shell.window.player.current.index == 42  # resumed: same file, same frame
    assert shell.window.bin.current == shell.session.project.media()[0].id


def test_save_a_copy_keeps_every_tag(shell, demo_project, tmp_path):
    shell.open_project(demo_project, first_media=True)
    copy = tmp_path / "副本" / "备份.shenpian"
    copy.parent.mkdir()
    shell.window.footage.save_copy_to(copy)
    assert "副本已保存" in shell.window.statusBar().currentMessage()
    with Project.open(copy, read_only=True) as other:
        assert len(other.tags()) == len(shell.session.project.tags())


def test_language_switch_keeps_file_position_selection_and_filters(shell, demo_project):
    shell.open_project(demo_project, first_media=True)
    window = shell.window
    second = shell.session.project.media()[1]
    window.open_media(second.id)
    window.player.seek_index(57)
    county = window.tags.county
    county.setCurrentIndex(county.findText("德钦县"))
    county.activated.emit(county.currentIndex())
    window.tags.search.setText("后厨")
    uuid = window.tags.model.tag_at(0).uuid
    window.tags.select(uuid)
    shell.switch_language("en")
    window = shell.window
    assert window.menuBar().actions()[0].text() == "&File"
    assert window.media_id == second.id and window.player.current.index == 57
    assert window.controller.selected == uuid and window.editor.uuid == uuid
    assert window.tags.model.filter.counties == ("deqin",) and window.tags.search.text() == "后厨"
    assert window.tags.county.currentText() == "Deqin County"
    assert "frame 57" in window.transport.position.text()
    shell.switch_language("zh_CN")
    assert shell.window.player.current.index == 57


def test_demo_is_made_on_a_worker_with_progress(shell, tmp_path, monkeypatch):
    import ui.app as app_module

    target = tmp_path / "demo" / "演示项目.shenpian"
    monkeypatch.setattr(app_module, "demo_path", lambda: target)
    shell.demo_seconds = 9
    seen = []
    original = StartPage.show_progress
    monkeypatch.setattr(StartPage, "show_progress",
                        lambda self, text, done, total: (seen.append((done, total)), original(self, text, done, total)))  # fmt: skip
    shell.open_demo()
    assert seen[0] == (0, 1) and seen[-1][0] == seen[-1][1] == 5  # four footage files + the project
    assert isinstance(shell.window, ReviewWindow) and target.exists()
    assert not (tmp_path / "demo.part").exists()
    assert shell.window.player.screen.showing is Showing.FRAME


# -- adding footage -------------------------------------------------------------------------


def test_every_refused_file_is_listed_with_its_reason(shell, demo_project, footage, tmp_path):
    shell.open_project(demo_project, first_media=True)
    window = shell.window
    broken = tmp_path / "坏的.mp4"
    shutil.copy(footage.small.path, broken)
    corrupt(broken, 0.0, 1.0)
    existing = shell.session.project.locate(shell.session.project.media()[0])
    files = [footage.vfr.path, footage.moov_at_end_cut.path, broken, footage.text.path,
             existing, footage.hevc.path]  # fmt: skip
    window.footage.add_files(files)
    report = window.footage.last_add
    assert len(report.added) == 2
    refused = dict(report.refused)
    assert list(refused) == ["battery_died.mp4", "坏的.mp4", "notes.mp4", existing.name]
    assert "不完整" in refused["battery_died.mp4"] and "battery_died.mp4" in refused["battery_died.mp4"]
    assert "不是视频" in refused["notes.mp4"]
    assert existing.name in refused[existing.name]
    dialog = window.footage.refused_dialog
    assert isinstance(dialog, RefusedFiles) and dialog.isVisible()
    assert dialog.table.rowCount() == 4
    assert [dialog.table.item(r, 0).text() for r in range(4)] == list(refused)
    assert "已添加 2 个文件（共 6 个）" in window.statusBar().currentMessage()
    dialog.close()


# -- the editor ---------------------------------------------------------------------------------


@pytest.fixture
def win(shell, demo_project):
    shell.open_project(demo_project, first_media=True)
    return shell.window, shell.session


def test_undo_shows_the_restored_state_in_the_editor(win):
    window, session = win
    editor = window.editor
    window.player.seek_index(30)
    key(window, Qt.Key.Key_5)
    uuid = editor.uuid
    assert editor.unit.property("missing") is True
    other = editor.category.findData(next(c.id for c in session.codebook().categories if c.hotkey == "2"))
    editor.category.setCurrentIndex(other)
    editor.category.activated.emit(other)
    assert session.tag(uuid).category_id != window.keymap.category_for("5")
    key(window, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert editor.category.currentData() == window.keymap.category_for("5")
    assert editor.category.currentText().startswith("5 · ")
    assert editor.unit.property("missing") is True
    key(window, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)  # the tag itself goes
    assert session.tag(uuid).deleted
    assert editor.category.count() == 0 and editor.place.text() == ""
    assert editor.unit.property("missing") is False
    assert "撤销可以恢复" in editor.heading.text()


def test_a_new_responsible_unit_typed_in_joins_the_code_book(win):
    window, session = win
    key(window, Qt.Key.Key_4)
    uuid = window.editor.uuid
    unit = window.editor.unit
    unit.setFocus()
    unit.lineEdit().setText("香格里拉市城管局 二中队")
    unit.lineEdit().returnPressed.emit()
    tag = session.tag(uuid)
    added = session.codebook().unit(tag.unit_id)
    assert added is not None and added.label.zh == "香格里拉市城管局 二中队"
    assert any(e.action == "add" and e.entity == "unit" for e in session.project.audit_log(added.id))
    assert "加入问题分类表" in window.statusBar().currentMessage()
    assert unit.currentText() == "香格里拉市城管局 二中队"
    # Typed again on another tag: the same unit, not a second one.
    key(window, Qt.Key.Key_Right)
    key(window, Qt.Key.Key_4)
    window.editor.unit.lineEdit().setText("香格里拉市城管局 二中队")
    window.editor.unit.lineEdit().returnPressed.emit()
    assert session.tag(window.editor.uuid).unit_id == added.id
    assert len([u for u in session.codebook().units if u.label.zh == added.label.zh]) == 1


def test_severity_in_words_with_dots_as_decoration(win):
    window, session = win
    texts = [window.editor.severity.itemText(i) for i in range(window.editor.severity.count())]
    key(window, Qt.Key.Key_1)
    texts = [window.editor.severity.itemText(i) for i in range(window.editor.severity.count())]
    assert texts == ["—", "● 一般", "●● 较重", "●●● 严重"]
    model = window.tags.model
    severities = {model.data(model.index(r, 7)) for r in range(model.rowCount())}
    assert {"●●● 严重", "●● 较重"} <= severities


def test_a_still_outside_the_tag_asks_first_and_shows_as_a_thumbnail(win, qtbot):
    window, session = win
    window.player.seek_index(10)
    key(window, Qt.Key.Key_3)
    uuid = window.editor.uuid
    key(window, Qt.Key.Key_S)  # on the tag's own frame: no question
    assert len(session.tag(uuid).stills) == 1
    for _ in range(20):
        key(window, Qt.Key.Key_Right)
    key(window, Qt.Key.Key_S)
    box = window.still_question
    assert box.isVisible() and "00:01.200" in box.text() and "00:00.400" in box.text()
    assert len(session.tag(uuid).stills) == 1  # nothing attached before the answer
    box.button(box.StandardButton.Yes).click()
    stills = session.tag(uuid).stills
    assert [s.pts_ms for s in stills] == [400, 1200]
    assert stills[0].frame_pts is not None
    strip = window.editor.stills
    assert len(strip.buttons) == 2 and not strip.buttons[0].icon().isNull()
    strip.buttons[1].click()
    viewer = window.editor.still_viewer
    assert viewer.isVisible()
    from tests.ui.test_player import barcode

    assert barcode(viewer.findChild(type(viewer.layout().itemAt(0).widget().widget())).pixmap().toImage()) == 30
    viewer.close()


def test_filter_can_be_set_back(win):
    window, session = win
    window.tags.set_filter(TagFilter(statuses=("rectified",), complete=False))
    assert window.tags.status.currentData() == "rectified" and window.tags.incomplete.isChecked()


def test_open_another_project_from_the_menu_closes_the_first(shell, demo_project, tmp_path):
    other = tmp_path / "另一个.shenpian"
    Project.create(other).close()
    shell.open_project(demo_project, first_media=True)
    shell.window.openProjectRequested.emit(str(other))
    assert shell.session.project.path == other.resolve() or shell.session.project.path == other
    with Project.open(demo_project) as again:  # nobody holds it any more
        assert not again.read_only
    recent = shell.window.menus.menus["file"].findChild(type(shell.window.menus.menus["file"]), "menu_recent")
    recent.aboutToShow.emit()
    assert str(demo_project) in [a.text() for a in recent.actions()]
