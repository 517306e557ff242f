"""Keys read off the screen and changeable; every action answered on screen (issue #11)."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QSettings, Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QDockWidget

from reviewer.store.project import Project
from ui.keys.keymap import ACTIONS, PRESENT_ACTIONS, KeyMap, descriptions, shown
from ui.keys.sheet import ShortcutSheet, sheet_rows
from ui.main_window import ReviewWindow
from ui.media.screen import Showing
from ui.project.session import ProjectSession

pytestmark = pytest.mark.usefixtures("chinese")


@pytest.fixture
def win(qtbot, demo_project):
    QSettings().remove("categoryKeys")
    session = ProjectSession(Project.open(demo_project, reviewer="张三"))
    window = ReviewWindow(session, synchronous=True)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    window.open_media(session.project.media()[0].id)
    yield window, session
    window.close()
    session.close()
    QSettings().remove("categoryKeys")


def key(window, k, mods=Qt.KeyboardModifier.NoModifier):
    QTest.keyClick(window.view, k, mods)


def category(session, hotkey):
    return next(c for c in session.codebook().categories if c.hotkey == hotkey)


# -- one key map, shown everywhere ---------------------------------------------------


def test_the_shortcut_sheet_is_the_key_map(win):
    window, session = win
    book = session.codebook()
    rows = sheet_rows(window.keymap, book, "zh_CN")
    words = descriptions()
    for action in (*ACTIONS, *PRESENT_ACTIONS):  # every fixed action, with every one of its keys
        row = next(r for r in rows if r[2] == words[action.id])
        for k in action.keys:
            if k != "Shift++":
                assert shown(k) in row[1]
    for c in book.categories:  # every category key, with the category's name
        assert any(r[1] == c.hotkey and c.label.zh in r[2] for r in rows)
    assert len(rows) == len(ACTIONS) + len(PRESENT_ACTIONS) + len(book.categories)
    window.menus.actions["shortcuts"].trigger()  # F1 / Help → 快捷键
    sheet = window.shortcut_sheet
    assert isinstance(sheet, ShortcutSheet) and sheet.isVisible()
    assert sheet.windowTitle() == "快捷键"
    shown_rows = [
        tuple(sheet.table.item(r, c).text() for c in range(3)) for r in range(sheet.table.rowCount())
    ]
    assert shown_rows == rows
    assert window.menus.actions["shortcuts"].shortcut().toString() == "F1"
    sheet.close()


def test_legend_menus_and_drop_downs_show_the_keys(win):
    window, session = win
    book = session.codebook()
    legend = window.legend.entries()
    assert legend == [(c.hotkey, c.label.zh) for c in book.categories]
    assert "F1" in window.legend.text()
    tag_menu = window.menus.menus["tag"]
    tag_menu.aboutToShow.emit()
    texts = [a.text() for a in tag_menu.actions()]
    for c in book.categories:
        assert f"标记为 {c.label.zh}\t{c.hotkey}" in texts
    window.player.seek_index(5)
    key(window, Qt.Key.Key_2)
    combo = window.editor.category
    assert combo.currentText() == f"2 · {category(session, '2').label.zh}"
    filter_items = [window.tags.category.itemText(i) for i in range(window.tags.category.count())]
    assert f"3 · {category(session, '3').label.zh}" in filter_items
    play = [a.text() for a in window.menus.menus["play"].actions()]
    assert "下一帧\t→" in play and "正放；再按：加速（2×、4×、8×）\tL" in play


def test_rebinding_a_category_key_is_per_user_and_refuses_conflicts(win, qtbot):
    window, session = win
    litter = category(session, "1")
    from ui.keys.settings import KeySettings

    dialog = KeySettings(window.keymap, session.codebook(), "zh_CN", window)
    qtbot.addWidget(dialog)
    assert "J" in dialog.set_key(litter.id, "J") and "倒放" in dialog.problem.text()
    assert "2" in dialog.set_key(litter.id, "2")  # another category's key
    assert window.keymap.category_key(litter.id) == "1"  # refused: nothing changed
    assert dialog.set_key(litter.id, "Q") is None
    assert dialog.edits[litter.id].keySequence().toString() == "Q"
    # The screen follows at once, and the key tags.
    assert ("Q", litter.label.zh) in window.legend.entries()
    before = len(session.project.tags())
    key(window, Qt.Key.Key_Q)
    assert session.tag(window.editor.uuid).category_id == litter.id
    key(window, Qt.Key.Key_1)  # the old key no longer tags
    assert len(session.project.tags()) == before + 1
    # Stored for the user, not in the project: another window (another project) has it too.
    assert KeyMap(session.codebook()).category_key(litter.id) == "Q"
    assert "categoryKeys" not in str(session.project.meta())
    dialog.close()


# -- on-screen display and the readout ----------------------------------------------------


def test_osd_says_what_each_key_did(win):
    window, session = win
    view = window.view
    key(window, Qt.Key.Key_Right)
    assert view.osd_text() == "→ 第 1 帧"
    key(window, Qt.Key.Key_Right, Qt.KeyboardModifier.ShiftModifier)
    assert view.osd_text().startswith("+1 秒 → 00:01.040")
    view.set_zoom(2.0)
    assert view.osd_text() == "缩放 200%"
    key(window, Qt.Key.Key_0)
    assert view.zoom == 1.0 and view.osd_text() == "缩放：适应窗口"
    timeline = window.timeline
    start, end = timeline.visible_range
    timeline.zoom_to(start, start + (end - start) // 4)  # what Ctrl+wheel does
    assert view.osd_text().startswith("时间轴缩放 4×")
    key(window, Qt.Key.Key_3)
    name = category(session, "3").label.zh
    assert view.osd_text() == f"已标记：{name} · 00:01.040"
    key(window, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert view.osd_text() == f"已撤销：新标记 {name} · 00:01.040"
    key(window, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    assert view.osd_text() == f"已重做：新标记 {name} · 00:01.040"


def test_speed_box_and_osd_follow_the_shuttle(win):
    window, session = win
    box, view = window.transport.speed, window.view
    key(window, Qt.Key.Key_L)
    key(window, Qt.Key.Key_L)
    assert window.player.rate == 2.0 and box.currentText() == "2×" and view.osd_text() == "▶ 2×"
    key(window, Qt.Key.Key_L)
    assert box.currentText() == "4×" and view.osd_text() == "▶ 4×"
    key(window, Qt.Key.Key_K)
    assert box.currentText() == "1×" and view.osd_text() == "❚❚"
    key(window, Qt.Key.Key_J)
    key(window, Qt.Key.Key_J)
    assert box.currentText() == "−2×" and view.osd_text() == "◀ −2×"


def test_readout_keeps_the_frame_number_after_j_then_k(win, qtbot):
    window, session = win
    window.player.seek_index(60)
    key(window, Qt.Key.Key_J)
    qtbot.waitUntil(lambda: window.player.current.index < 58, timeout=5000)
    key(window, Qt.Key.Key_K)
    shown_frame = window.player.current
    assert not window.player.playing
    text = window.transport.position.text()
    assert f"第 {shown_frame.index} 帧" in text
    assert text.startswith(window.transport.describe(shown_frame.pts_ms, shown_frame.index))


def test_full_screen_keeps_video_legend_and_osd_and_esc_leaves(win):
    window, session = win
    docks = [d for d in window.findChildren(QDockWidget) if d.isVisible()]
    assert docks
    window.view.fullscreenRequested.emit()  # double-click on the video
    assert window.fullscreen.active and window.isFullScreen()
    assert not any(d.isVisible() for d in docks) and not window.menuBar().isVisible()
    assert window.legend.isVisible() and window.view.isVisible() and window.transport.isVisible()
    key(window, Qt.Key.Key_Right)
    assert window.view.osd_text().startswith("→")
    window.leave_action.trigger()  # Esc
    assert not window.fullscreen.active and not window.isFullScreen()
    assert all(d.isVisible() for d in docks) and window.menuBar().isVisible()
    assert not window.banner.isVisible()  # hidden before, hidden after: nothing empty appears
    assert window.menus.actions["fullscreen"].shortcut().toString() == "F11"


def test_previous_and_next_tag_keys(win):
    window, session = win
    media = session.project.media()[0]
    starts = sorted(t.start_ms for t in session.project.tags() if t.media_id == media.id)
    key(window, Qt.Key.Key_BracketRight)
    assert window.player.current.pts_ms == starts[1 if starts[0] == 0 else 0]
    here = window.player.current.pts_ms
    key(window, Qt.Key.Key_BracketRight)
    assert window.player.current.pts_ms == min(s for s in starts if s > here)
    key(window, Qt.Key.Key_BracketLeft)
    assert window.player.current.pts_ms == here
    assert window.player.screen.showing is Showing.FRAME
