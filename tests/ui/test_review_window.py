"""The review window driven by keys and mouse, checked against the store and the pixels."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtTest import QTest

from reviewer.media import synth
from reviewer.media.source import FrameSource
from reviewer.store.project import Project
from ui.main_window import ReviewWindow
from ui.project.session import ProjectSession
from ui.tags.table_model import UUID_ROLE


@pytest.fixture
def win(qtbot, demo_project):
    session = ProjectSession(Project.open(demo_project, reviewer="张三"))
    window = ReviewWindow(session, synchronous=True)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    media = session.project.media()[0]
    window.open_media(media.id)
    yield window, session, media
    window.close()
    session.close()


def key(window, k, mods=Qt.KeyboardModifier.NoModifier):
    QTest.keyClick(window.view, k, mods)


def category_with_key(session, n):
    return next(c for c in session.codebook().categories if c.hotkey == str(n))


def test_key_3_tags_the_exact_frame_on_screen(win):
    window, session, media = win
    for _ in range(37):
        key(window, Qt.Key.Key_Right)
    shown = window.player.current
    assert shown.index == 37
    before = {t.uuid for t in session.project.tags()}
    key(window, Qt.Key.Key_3)
    new = [t for t in session.project.tags() if t.uuid not in before]
    assert len(new) == 1
    tag = new[0]
    assert tag.category_id == category_with_key(session, 3).id
    assert tag.media_id == media.id
    assert tag.start_ms == shown.pts_ms and tag.end_ms is None
    assert tag.frame_pts == shown.pts
    assert tag.reviewer == "张三"
    # The stored time reopens on the same frame, checked by an independent decoder.
    with FrameSource(session.project.locate(media)) as src:
        assert synth.read_barcode(src.frame_at_ms(tag.start_ms).to_bgr()) == 37
    assert window.editor.uuid == tag.uuid  # the editor opened on the new tag


def test_reaction_lag_moves_a_keyboard_tag_back(win):
    window, session, media = win
    window.transport.lag.setValue(-500)
    window.player.seek_index(75)  # 3 s at 25 fps
    before = {t.uuid for t in session.project.tags()}
    key(window, Qt.Key.Key_1)
    tag = next(t for t in session.project.tags() if t.uuid not in before)
    assert tag.start_ms == window.controller.timing.times_ms[75 - 12 - 1] or tag.start_ms == 2480
    assert tag.start_ms <= 2500


def test_in_out_then_category_makes_a_range(win):
    window, session, media = win
    window.player.seek_index(10)
    key(window, Qt.Key.Key_I)
    for _ in range(30):
        key(window, Qt.Key.Key_Right)
    key(window, Qt.Key.Key_O)
    before = {t.uuid for t in session.project.tags()}
    key(window, Qt.Key.Key_2)
    tag = next(t for t in session.project.tags() if t.uuid not in before)
    times = window.controller.timing.times_ms
    assert (tag.start_ms, tag.end_ms) == (times[10], times[40])
    assert tag.category_id == category_with_key(session, 2).id
    assert window.controller.mark_in is None  # marks are consumed by the tag


def test_undo_and_redo_with_keys(win):
    window, session, media = win
    count = len(session.project.tags())
    key(window, Qt.Key.Key_4)
    assert len(session.project.tags()) == count + 1
    key(window, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert len(session.project.tags()) == count
    key(
        window,
        Qt.Key.Key_Z,
        Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier,
    )
    assert len(session.project.tags()) == count + 1


def test_editor_edits_are_saved_and_undoable(win, qtbot):
    window, session, media = win
    key(window, Qt.Key.Key_5)
    uuid = window.editor.uuid
    editor = window.editor
    assert editor.place.property("missing") is True  # mandatory and empty: highlighted
    editor.place.setText("建塘镇 东门 小吃街")
    editor.place.editingFinished.emit()
    assert session.tag(uuid).place == "建塘镇 东门 小吃街"
    assert editor.place.property("missing") is False
    county = editor.county
    county.setCurrentIndex(county.findText("德钦县"))
    county.activated.emit(county.currentIndex())
    assert session.project.label("county", session.tag(uuid).county_id) == "德钦县"
    session.undo()
    assert session.tag(uuid).county_id is None
    assert editor.county.currentData() is None  # the editor follows the store


def test_search_filters_with_two_chinese_characters(win):
    window, session, media = win
    panel = window.tags
    total = panel.model.rowCount()
    panel.search.setText("垃圾")
    rows = panel.model.rowCount()
    assert 0 < rows < total
    for r in range(rows):
        tag = panel.model.tag_at(r)
        assert "垃圾" in tag.note or "垃圾" in tag.place
    panel.search.setText("")
    panel.incomplete.setChecked(True)
    incomplete = [panel.model.tag_at(r) for r in range(panel.model.rowCount())]
    assert incomplete and all(session.project.missing_fields(t) for t in incomplete)


def test_double_click_seeks_to_the_tag(win, qtbot):
    window, session, media = win
    panel = window.tags
    target_row = next(
        r
        for r in range(panel.proxy.rowCount())
        if session.tag(panel.proxy.index(r, 0).data(UUID_ROLE)).start_ms > 4000
    )
    index = panel.proxy.index(target_row, 0)
    tag = session.tag(index.data(UUID_ROLE))
    panel.table.scrollTo(index)
    rect = panel.table.visualRect(index)
    with qtbot.waitSignal(panel.tagActivated, timeout=2000):
        QTest.mouseClick(panel.table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
        QTest.mouseDClick(panel.table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    recording = window.controller.recording
    assert window.player.current.pts_ms == recording.global_ms(tag.media_id, tag.start_ms)


def test_dragging_a_point_on_the_timeline_moves_the_tag_undoably(win, qtbot):
    window, session, media = win
    key(window, Qt.Key.Key_6)
    uuid = window.editor.uuid
    start = session.tag(uuid).start_ms
    window.timeline.markMoved.emit(uuid, start + 2000, None)
    moved = session.tag(uuid).start_ms
    times = window.controller.timing.times_ms
    assert moved in set(times.tolist()) and abs(moved - (start + 2000)) < 50
    session.undo()
    assert session.tag(uuid).start_ms == start


def test_timeline_click_seeks(win, qtbot):
    window, session, media = win
    tl = window.timeline
    qtbot.mouseClick(tl, Qt.MouseButton.LeftButton, pos=QPoint(tl.width() // 2, 5))
    expected = tl.ms_at(tl.width() // 2)
    assert abs(window.player.current.pts_ms - expected) <= 40


def test_full_hashes_are_computed_in_the_background(win):
    window, session, media = win
    # The synchronous runner has already run the job the window started.
    for m in session.project.media():
        assert m.fingerprint.sha256 and len(m.fingerprint.sha256) == 64


def test_relink_scan_finds_moved_footage_and_refuses_impostors(win, tmp_path):
    import shutil

    window, session, media = win
    other = session.project.media()[2]
    path = session.project.locate(other)
    new_home = tmp_path / "新硬盘" / "第5期"
    new_home.mkdir(parents=True)
    moved = new_home / path.name
    shutil.move(path, moved)
    impostor_dir = tmp_path / "新硬盘" / "别的"
    impostor_dir.mkdir()
    (impostor_dir / path.name).write_bytes(b"\0" * 1000)
    try:
        assert session.project.locate(other) is None
        window.footage.relink_folder(tmp_path / "新硬盘")
        assert session.project.locate(session.project.media_by_id(other.id)) == moved.resolve()
        assert "1" in window.statusBar().currentMessage()
    finally:
        shutil.move(moved, path)


def test_go_to_a_typed_time_and_frame(win):
    window, session, media = win
    goto = window.transport.goto
    goto.setText("0:05.030")
    goto.returnPressed.emit()
    assert window.player.current.pts_ms == 5000  # the frame on screen at 5.030 s (25 fps)
    goto.setText("#123")
    goto.returnPressed.emit()
    assert window.player.current.index == 123
    assert (
        "第 123 帧" in window.transport.position.text()
        or "frame 123" in window.transport.position.text()
    )


def test_tag_table_pages_and_sorts_every_row(win, monkeypatch):
    import ui.tags.table_model as tm

    window, session, media = win
    monkeypatch.setattr(tm, "PAGE", 4)
    panel = window.tags
    panel.model.reload()
    total = session.project.count_tags()
    assert panel.model.rowCount() == 4 < total and panel.model.canFetchMore()
    panel.table.sortByColumn(tm.COLUMNS.index("severity"), Qt.SortOrder.DescendingOrder)
    assert panel.proxy.rowCount() == total  # sorting loaded every page first
    first = session.tag(panel.proxy.index(0, 0).data(UUID_ROLE))
    assert first.severity == 3
