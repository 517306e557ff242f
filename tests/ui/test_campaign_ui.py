"""The campaign in the review window: statistics (click a cell → the tag table filters),
the rectification editor, re-check confirmation, rounds, overdue flags."""

from __future__ import annotations

import shutil
from datetime import date

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest

from reviewer.campaign.stats import NO_COUNTY
from reviewer.store.project import Project
from ui.campaign.table_flags import overdue_word
from ui.main_window import ReviewWindow
from ui.project.session import ProjectSession
from ui.tags.table_model import COLUMNS, UUID_ROLE


@pytest.fixture(scope="module")
def two_rounds(tmp_path_factory):
    from reviewer.store.demo import create_demo

    return create_demo(tmp_path_factory.mktemp("campaign") / "演示.shenpian", total_seconds=8.0)


@pytest.fixture
def win(qtbot, two_rounds, tmp_path):
    path = tmp_path / "副本.shenpian"
    shutil.copy2(two_rounds, path)
    session = ProjectSession(Project.open(path, reviewer="张三"))
    window = ReviewWindow(session, synchronous=True)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    yield window, session
    window.close()
    session.close()


def _cell(panel, county, category):
    table = panel.table
    for r in range(table.rowCount()):
        for c in range(table.columnCount()):
            item = table.item(r, c)
            if item is not None and item.data(Qt.ItemDataRole.UserRole + 1) == (county, category):
                return r, c, int(item.text())
    raise AssertionError((county, category))


def test_clicking_a_statistics_cell_filters_the_tag_table(win, qtbot):
    window, session = win
    panel = window.campaign.statistics
    window.campaign.statistics_dock.raise_()
    qtbot.waitUntil(lambda: panel.stats is not None and not panel.visibleRegion().isEmpty())
    stats = panel.stats
    assert [r.name for r in stats.rounds] == ["第5期", "第6期"]
    assert stats.total() == 16  # 12 + 4 new; the three re-check tags are not new problems
    row, col, count = _cell(panel, "deqin", "jing-canguan")
    assert count == 3
    rect = panel.table.visualItemRect(panel.table.item(row, col))
    QTest.mouseClick(panel.table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    model = window.tags.model
    shown = [model.tag_at(r) for r in range(model.rowCount())]
    assert len(shown) == 3 and {(t.county_id, t.category_id) for t in shown} == \
        {("deqin", "jing-canguan")}
    assert window.tags.county.currentData() == "deqin"
    assert window.tags.category.currentData() == "jing-canguan"
    # The tag table's tab comes to the front of the statistics' (tabified docks).
    qtbot.waitUntil(lambda: panel.visibleRegion().isEmpty() and
                    not window.tags.visibleRegion().isEmpty())


def test_a_range_of_rounds_and_the_overdue_column(win, qtbot):
    window, session = win
    panel = window.campaign.statistics
    window.campaign.statistics_dock.raise_()
    qtbot.waitUntil(lambda: panel.isVisible())
    second = session.project.rounds()[1].id
    panel.set_range(second, second)
    assert panel.stats.total() == 4 and panel.trend.bars == [("第6期", 4)]
    assert sum(panel.stats.recurring.values()) == 1  # 开发区's white rubbish came back
    late = panel.stats.overdue
    assert panel.table.horizontalHeaderItem(panel.table.columnCount() - 2).text() == "Overdue"
    assert all(v >= 0 for v in late.values())
    first = session.project.rounds()[0].id
    panel.set_range(first, first)
    assert panel.stats.total() == 12 and sum(panel.stats.overdue.values()) >= 2
    row, col, _ = _cell(panel, "weixi", None)  # the county's total: county filter only
    panel.table.cellClicked.emit(row, col)
    shown = [window.tags.model.tag_at(r) for r in range(window.tags.model.rowCount())]
    assert shown and all(t.county_id == "weixi" for t in shown)
    assert all(session.project.round_of(t.uuid).id == first for t in shown)
    assert NO_COUNTY == ""


def test_overdue_tags_are_flagged_in_the_table_and_on_the_timeline(win):
    window, session = win
    model = window.tags.model
    status, round_col = COLUMNS.index("status"), COLUMNS.index("round")
    today = date.today()
    campaign = session.project.campaign()
    for r in range(model.rowCount()):
        tag = model.tag_at(r)
        text = model.index(r, status).data()
        assert (overdue_word() in text) == campaign.problem(tag.uuid).overdue(today)
        assert model.index(r, round_col).data() == campaign.problem(tag.uuid).round.name
    late = next(t for t in session.project.tags() if campaign.problem(t.uuid).overdue(today))
    window.open_media(late.media_id)
    marks = {m.key: m for m in window.timeline._marks}
    assert marks[late.uuid].overdue
    assert not any(m.overdue for k, m in marks.items()
                   if not campaign.problem(k).overdue(today))


def test_rectification_editor_edits_are_saved_and_undoable(win, qtbot, tmp_path):
    window, session = win
    model = window.tags.model
    status = COLUMNS.index("status")
    row = next(r for r in range(model.rowCount()) if overdue_word() in model.index(r, status).data())
    uuid = model.index(row, 0).data(UUID_ROLE)
    window._select_tag(uuid)
    editor = window.campaign.rectification
    assert editor.uuid == uuid and "逾期" in editor.heading.text()
    editor.measures.setFocus()
    editor.measures.insertPlainText("已安排整改")  # (QTest types Latin keys only)
    window.view.setFocus()  # focus leaves: one commit
    qtbot.waitUntil(lambda: session.project.rectification(uuid).measures == "已安排整改")
    photo = tmp_path / "整改后.jpg"
    photo.write_bytes(b"\xff\xd8" + b"p" * 3000)
    editor.add_evidence(str(photo))
    assert editor.evidence.count() == 1 and session.project.evidence(uuid)[0].name == "整改后.jpg"
    editor.close_button.click()  # not rectified: refused, said in the status bar
    assert not session.project.rectification(uuid).closed
    assert "不能销号" in window.statusBar().currentMessage()
    editor.verdict.setCurrentIndex(editor.verdict.findData("rectified"))
    editor.verdict.activated.emit(editor.verdict.currentIndex())
    editor.close_button.click()
    record = session.project.rectification(uuid)
    assert record.closed and record.closed_by == "张三" and editor.closed.text().endswith("张三")
    assert "已销号" in editor.heading.text()
    session.undo()
    assert not session.project.rectification(uuid).closed


def test_recheck_dialog_confirms_the_waiting_proposal(win, qtbot):
    window, session = win
    window.campaign.open_rechecks()
    dialog = window.campaign.recheck_dialog
    assert dialog.table.rowCount() == 1 and "保和镇汽车站公厕" in dialog.table.item(0, 1).text()
    combo = dialog.table.cellWidget(0, 4)
    assert combo.currentData() == "unrectified"
    dialog.table.selectRow(0)
    dialog.confirm()
    assert dialog.table.rowCount() == 0 and "0" in dialog.count.text()
    links = [r for r in session.project.rechecks() if r.confirmed]
    assert len(links) == 4
    dialog.close()


def test_rounds_dialog_adds_a_round_new_tags_join(win, qtbot):
    window, session = win
    window.campaign.open_rounds()
    dialog = window.campaign.rounds_dialog
    assert dialog.table.rowCount() == 2
    dialog.name.setText("第7期")
    dialog.teams.setText("第三暗访组")
    dialog.end.set_value(date(2026, 12, 28))
    dialog.add()
    assert dialog.table.rowCount() == 3 and dialog.table.item(2, 5).text() == "●"
    assert session.project.current_round().name == "第7期"
    assert window.tags.round.findText("第7期") >= 0  # the filter bar knows it at once
    media = session.project.media()[0]
    uuid = session.add_tag(media.id, 0, "qing-laji")
    assert session.project.round_of(uuid).name == "第7期"
    dialog.table.selectRow(0)
    dialog.make_current()
    assert session.project.current_round().name == "第5期"
    dialog.close()
