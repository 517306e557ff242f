"""The window never shows a frame that is not the file and position in its readout (issue #10).

A key tags the frame on screen and only that: while a file opens, after it
failed to open, or on a frame that would not decode, keys are refused.
"""

from __future__ import annotations

import dataclasses
import shutil
import threading

import numpy as np
import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QImage
from PySide6.QtTest import QTest

import ui.media.frame_service as frame_service
from reviewer.media.errors import MediaReadError
from reviewer.media.recording import Recording
from reviewer.store.project import Project
from tests.ui.test_player import barcode
from ui.main_window import ReviewWindow
from ui.media.frame_service import FrameService, ShownFrame, Timing
from ui.media.screen import Showing
from ui.project.session import ProjectSession

pytestmark = pytest.mark.usefixtures("chinese")

def corrupt(path, start: float, end: float, seed: int = 1) -> None:
    """Overwrite a share of the file in place (same size: the project still finds it)."""
    data = bytearray(path.read_bytes())
    rng = np.random.default_rng(seed)
    lo, hi = int(len(data) * start), int(len(data) * end)
    data[lo:hi] = rng.integers(0, 256, hi - lo, dtype=np.uint8).tobytes()
    path.write_bytes(bytes(data))


@pytest.fixture
def project_with(demo_project, footage, tmp_path):
    """The demo project plus copies of generated footage that the test may damage."""

    def make(*cases):
        project = Project.open(demo_project, reviewer="张三")
        copies = []
        for k, case in enumerate(cases):
            copy = tmp_path / f"{k}_{case.path.name}"
            shutil.copy(case.path, copy)
            project.add_media(copy)
            copies.append(copy)
        return ProjectSession(project), copies

    return make


def open_window(qtbot, session, synchronous=True):
    window = ReviewWindow(session, synchronous=synchronous)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    return window


def media_named(session, name):
    return next(m for m in session.project.media() if m.name == name)


def tag_count(session):
    return len(session.project.tags())


def press(window, key):
    QTest.keyClick(window.view, key)


# -- the decode thread's answers are checked against the open generation ---------


def test_answers_for_an_earlier_open_are_dropped(qtbot, footage):
    frames = FrameService(synchronous=True)
    got, timings, failures = [], [], []
    frames.frameReady.connect(got.append)
    frames.opened.connect(timings.append)
    frames.failed.connect(failures.append)
    try:
        first = frames.open([footage.small.path])
        second = frames.open([footage.chunk_b.path])
        assert second == first + 1 and len(got) == 2
        late = ShownFrame(5, 200, 40, 0, QImage(4, 4, QImage.Format.Format_RGB888), 0, False, first)
        frames._sentFrame.emit(late)
        frames._sentTiming.emit(Timing(np.arange(3) * 40, 120, first))
        frames._sentFailure.emit(frame_service.Failure(MediaReadError("x.mp4"), first, 3))
        assert got[-1].generation == second and barcode(got[-1].image) == 75
        assert len(got) == 2 and len(timings) == 2 and failures == []
        assert frames.timing.generation == second
    finally:
        frames.close()


def test_a_slow_decode_of_the_old_file_never_arrives_after_the_new_open(qtbot, footage):
    frames = FrameService()
    got = []
    frames.frameReady.connect(got.append)
    try:
        with qtbot.waitSignal(frames.opened, timeout=20000):
            frames.open([footage.cfr1080.path])
        frames.show_index(280)  # far into a 1080p GOP: a long decode on the thread
        arrived_before = len(got)
        second = frames.open([footage.chunk_b.path])  # first barcode 75
        qtbot.waitUntil(lambda: any(f.generation == second for f in got[arrived_before:]), timeout=20000)
        late = [f for f in got[arrived_before:] if f.generation != second]
        assert late == []
        qtbot.wait(300)
        assert all(barcode(f.image) >= 75 for f in got[arrived_before:])
    finally:
        frames.close()


# -- opening --------------------------------------------------------------------


class _SlowRecording(Recording):
    gate = threading.Event()

    def __init__(self, paths, *args, **kwargs):
        if "chunk_b" in str(paths[0]) or "REC_0002" in str(paths[0]):
            assert self.gate.wait(20)
        super().__init__(paths, *args, **kwargs)


def _open_slowly(paths):
    return _SlowRecording(paths)


def test_opening_clears_view_and_readout_and_refuses_keys(qtbot, project_with, footage, monkeypatch):
    session, _ = project_with(footage.small, footage.chunk_b)
    monkeypatch.setattr(frame_service, "open_recording", _open_slowly)
    _SlowRecording.gate.clear()
    window = open_window(qtbot, session, synchronous=False)
    try:
        window.open_media(media_named(session, "0_small.mp4").id)
        qtbot.waitUntil(lambda: window.player.screen.showing is Showing.FRAME, timeout=10000)
        window.player.seek_index(10)
        qtbot.waitUntil(lambda: window.player.current and window.player.current.index == 10)
        assert window.transport.position.text().startswith("00:00.333 · 第 10 帧")
        before = tag_count(session)

        window.open_media(media_named(session, "1_REC_0002.MP4").id)
        assert window.player.screen.showing is Showing.OPENING
        assert window.player.current is None
        assert window.view.image().isNull()  # the previous file's frame is gone at once
        assert "1_REC_0002.MP4" in window.view.message()
        assert window.transport.position.text() == "正在打开…"
        press(window, Qt.Key.Key_3)
        assert tag_count(session) == before
        assert "未标记" in window.statusBar().currentMessage()

        _SlowRecording.gate.set()
        qtbot.waitUntil(lambda: window.player.screen.showing is Showing.FRAME, timeout=10000)
        assert barcode(window.view.image()) == 75
        assert window.transport.position.text().startswith("00:00.000 · 第 0 帧")
        press(window, Qt.Key.Key_3)
        tag = next(t for t in session.project.tags() if t.start_ms == 0 and t.media_id ==
                   media_named(session, "1_REC_0002.MP4").id)
        assert tag_count(session) == before + 1 and tag.frame_pts is not None
    finally:
        _SlowRecording.gate.set()
        window.close()
        session.close()


def test_a_file_that_will_not_open_leaves_an_explicit_empty_state(qtbot, project_with, footage):
    session, (good, bad) = project_with(footage.small, footage.chunk_a)
    corrupt(bad, 0.0, 1.0)  # the whole file: the card was overwritten
    window = open_window(qtbot, session)
    try:
        window.open_media(media_named(session, good.name).id)
        for _ in range(5):
            press(window, Qt.Key.Key_Right)
        before = tag_count(session)
        window.open_media(media_named(session, bad.name).id)
        screen = window.player.screen
        assert screen.showing is Showing.FAILED
        assert window.view.image().isNull() and window.player.current is None
        assert "无法打开" in window.view.message() and bad.name in window.view.message()
        assert window.transport.position.text() == "—"
        assert bad.name in window.banner.text() and window.banner.isVisible()
        for key in (Qt.Key.Key_Right, Qt.Key.Key_3, Qt.Key.Key_I, Qt.Key.Key_S):
            press(window, key)
        assert tag_count(session) == before
        assert "无法打开" in window.statusBar().currentMessage()
        # The banner belongs to the broken file: it goes when another file is opened.
        window.open_media(media_named(session, good.name).id)
        assert not window.banner.isVisible()
        assert window.player.screen.showing is Showing.FRAME
    finally:
        window.close()
        session.close()


def test_missing_footage_is_a_failed_open_not_the_old_file(qtbot, project_with, footage):
    session, (good, gone) = project_with(footage.small, footage.chunk_a)
    window = open_window(qtbot, session)
    try:
        window.open_media(media_named(session, good.name).id)
        gone.rename(gone.with_name("moved.mp4"))
        window.open_media(media_named(session, gone.name).id)
        assert window.player.screen.showing is Showing.FAILED
        assert gone.name in window.view.message() and "不见了" in window.view.message()
        before = tag_count(session)
        press(window, Qt.Key.Key_2)
        assert tag_count(session) == before
        assert window.bin.current == media_named(session, gone.name).id
    finally:
        window.close()
        session.close()


# -- a frame that would not decode, and a damaged one ------------------------------


def _failing_at(bad_index, damaged=False):
    original = Recording.frame

    def frame(self, i):
        if min(max(i, 0), len(self) - 1) == bad_index:
            if not damaged:
                raise MediaReadError(self.sources[0].path, "decode error")
            return dataclasses.replace(original(self, i), damaged=True)
        return original(self, i)

    return frame


def test_a_frame_that_would_not_decode_is_not_on_screen_and_not_tagged(qtbot, win_small, monkeypatch):
    window, session, media = win_small
    monkeypatch.setattr(Recording, "frame", _failing_at(31))
    window.player.seek_index(30)
    before = tag_count(session)
    press(window, Qt.Key.Key_Right)
    screen = window.player.screen
    assert screen.showing is Showing.BROKEN and screen.index == 31
    assert window.view.image().isNull()  # not frame 30 (nor 0) left standing
    assert "第 31 帧" in window.view.message()
    assert "第 31 帧" in window.transport.position.text() and "未解码" in window.transport.position.text()
    press(window, Qt.Key.Key_4)
    assert tag_count(session) == before
    assert "31" in window.statusBar().currentMessage()
    press(window, Qt.Key.Key_Right)  # step on past it
    assert window.player.current.index == 32 and barcode(window.view.image()) == 32
    press(window, Qt.Key.Key_4)
    tag = session.tag(window.editor.uuid)
    assert tag.start_ms == window.controller.timing.times_ms[32]


def test_a_damaged_frame_is_marked_and_tagging_it_warns(qtbot, win_small, monkeypatch):
    window, session, media = win_small
    monkeypatch.setattr(Recording, "frame", _failing_at(20, damaged=True))
    window.player.seek_index(20)
    assert window.player.screen.damaged
    assert window.view.message() == "此帧损坏"
    assert "损坏" in window.transport.position.text()
    press(window, Qt.Key.Key_5)
    tag = session.tag(window.editor.uuid)
    assert tag.start_ms == window.controller.timing.times_ms[20]
    assert "损坏" in window.statusBar().currentMessage()
    press(window, Qt.Key.Key_Right)
    assert not window.player.screen.damaged and window.view.message() == ""


@pytest.fixture
def win_small(qtbot, project_with, footage):
    session, (copy,) = project_with(footage.small)
    window = open_window(qtbot, session)
    media = media_named(session, copy.name)
    window.open_media(media.id)
    yield window, session, media
    window.close()
    session.close()


def test_real_corruption_mid_file_never_tags_an_unseen_frame(qtbot, project_with, footage):
    """Whatever the engine makes of the broken stretch, a tag is only ever the frame shown."""
    session, (copy,) = project_with(footage.small)
    corrupt(copy, 0.45, 0.55)
    window = open_window(qtbot, session)
    try:
        window.open_media(media_named(session, copy.name).id)
        seen = set()
        for _ in range(80):
            press(window, Qt.Key.Key_Right)
            screen = window.player.screen
            before = {t.uuid for t in session.project.tags()}
            press(window, Qt.Key.Key_1)
            new = [t for t in session.project.tags() if t.uuid not in before]
            if screen.taggable:
                assert len(new) == 1 and new[0].start_ms == screen.position_ms
                seen.add("damaged" if screen.damaged else "frame")
            else:
                assert new == [] and screen.showing is Showing.BROKEN
                seen.add("broken")
        # The broken stretch is either refused or shown marked as damaged, never passed off.
        assert "frame" in seen and ({"broken", "damaged"} & seen)
    finally:
        window.close()
        session.close()
