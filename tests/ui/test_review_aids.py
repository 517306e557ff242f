"""Coverage, skippable stretches and proposals in the review window, driven by keys."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication

from reviewer.review import proposals, watched
from reviewer.store.project import Project
from tests import review_footage
from ui.main_window import ReviewWindow
from ui.project.session import ProjectSession


@pytest.fixture(scope="module")
def day(tmp_path_factory):
    return review_footage.write(review_footage.Plan(), tmp_path_factory.mktemp("day") / "day.mp4")


@pytest.fixture
def project_path(day, tmp_path):
    path = tmp_path / "审片.shenpian"
    with Project.create(path, reviewer="张三") as project:
        project.add_media(day.path)
    return path


def open_window(qtbot, path):
    session = ProjectSession(Project.open(path, reviewer="张三"))
    window = ReviewWindow(session, synchronous=True)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    window.activateWindow()  # keys act in the active window only (the earlier one is closed)
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)
    window.open_media(session.project.media()[0].id)
    return window, session


def close(window, session):
    window.close()
    session.close()


def key(window, k, mods=Qt.KeyboardModifier.NoModifier):
    QTest.keyClick(window.view, k, mods)


def test_watched_frames_survive_closing_and_show_in_the_bin(qtbot, project_path):
    window, session = open_window(qtbot, project_path)
    for _ in range(45):  # 1.5 s stepped through, frame by frame
        key(window, Qt.Key.Key_Right)
    assert window.aids.coverage.pending  # collected, not yet written: no write per frame
    close(window, session)  # closing writes it
    with Project.open(project_path, read_only=True) as project:
        f = watched.summary(project)[0]
    assert 1500 <= f.covered_ms <= 1600 and f.by_reviewer[0][0] == "张三"
    window, session = open_window(qtbot, project_path)
    assert window.controller.coverage.seen_ms() >= 1500  # on the timeline again
    assert f"{round(100 * f.share)}% watched" in window.bin.list.item(0).text()
    close(window, session)


def test_skippable_stretches_are_drawn_and_marked_reviewed_in_one_action(qtbot, project_path, day):
    window, session = open_window(qtbot, project_path)
    lanes = window.timeline.bands.bands("skippable")
    assert [(round(a / 1000), round(b / 1000)) for a, b, _c in lanes] == [(4, 8), (10, 14)]
    key(window, Qt.Key.Key_U, Qt.KeyboardModifier.ControlModifier)
    assert "2" in window.view.osd_text()
    close(window, session)
    with Project.open(project_path, read_only=True) as project:
        rows = watched.load(project)
    marked = [r for r in rows if r.kind == "marked"][0].coverage.spans
    assert len(marked) == 2 and abs(marked[0][0] - day.dark[0]) <= 500
    assert abs(marked[1][1] - day.frozen[1]) <= 500


def test_u_goes_to_the_next_stretch_nobody_watched(qtbot, project_path):
    window, session = open_window(qtbot, project_path)
    key(window, Qt.Key.Key_U, Qt.KeyboardModifier.ControlModifier)  # dark and frozen: reviewed
    key(window, Qt.Key.Key_U)  # from the first frame: the next gap starts after the dark
    assert 7500 <= window.player.position_ms() <= 8500
    window.player.seek_ms(9000)
    key(window, Qt.Key.Key_U)
    assert 13500 <= window.player.position_ms() <= 14500  # after the frozen stretch
    close(window, session)


def test_a_proposal_becomes_a_tag_by_a_category_key_or_goes_with_del(qtbot, project_path, day):
    window, session = open_window(qtbot, project_path)
    assert {p.kind for p in window.aids.scan.proposals} == {"scene", "speech"}
    key(window, Qt.Key.Key_P)
    assert abs(window.player.position_ms() - day.cut_ms) <= 500
    shown = window.player.current.pts_ms
    key(window, Qt.Key.Key_3)
    tags = session.project.tags()
    assert len(tags) == 1 and tags[0].start_ms == shown  # the frame on screen, as any tag
    assert [p.kind for p in window.aids.scan.proposals] == ["speech"]  # answered: closed
    key(window, Qt.Key.Key_P)
    key(window, Qt.Key.Key_Delete)
    assert window.aids.scan.proposals == ()
    assert len(session.project.tags()) == 1  # Del dismissed the proposal, not the tag
    media_id = session.project.media()[0].id
    assert [k for k, _ in proposals.dismissed(session.project, media_id)] == ["speech"]
    close(window, session)
    window, session = open_window(qtbot, project_path)
    assert window.aids.scan.proposals == ()  # dismissed stays dismissed
    close(window, session)
