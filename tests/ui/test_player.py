from __future__ import annotations

import numpy as np
import pytest
from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QImage, QKeyEvent
from PySide6.QtWidgets import QWidget

from reviewer.codebook.io import default_codebook
from reviewer.media import synth
from ui.keys.handler import ReviewKeys
from ui.keys.keymap import KeyMap
from ui.media.frame_service import FrameService
from ui.media.player import Player


def barcode(image: QImage) -> int | None:
    img = image.convertToFormat(QImage.Format.Format_BGR888)
    buf = np.frombuffer(img.constBits(), np.uint8, count=img.bytesPerLine() * img.height())
    arr = buf.reshape(img.height(), img.bytesPerLine())[:, : img.width() * 3]
    return synth.read_barcode(arr.reshape(img.height(), img.width(), 3))


@pytest.fixture
def rig(qtbot, footage):
    frames = FrameService(synchronous=True)
    player = Player(frames, with_media_player=False)
    scope = QWidget()
    qtbot.addWidget(scope)
    keys = ReviewKeys(player, KeyMap(default_codebook(), scope), scope)
    shown = []
    player.frameShown.connect(shown.append)
    player.open([footage.vfr.path])
    yield frames, player, keys, shown
    player.close()
    frames.close()


def press(keys, key, mods=Qt.KeyboardModifier.NoModifier, repeat=False):
    return keys.handle(QKeyEvent(QEvent.Type.KeyPress, key, mods, "", repeat))


def test_arrows_step_exactly(rig, footage):
    frames, player, keys, shown = rig
    assert barcode(shown[-1].image) == 0
    for _ in range(5):
        press(keys, Qt.Key.Key_Right)
    assert shown[-1].index == 5 and barcode(shown[-1].image) == 5
    assert shown[-1].pts_ms == footage.vfr.times_ms[5]
    press(keys, Qt.Key.Key_Left, repeat=True)
    assert barcode(shown[-1].image) == 4


def test_shift_and_ctrl_jump_by_time(rig, footage):
    frames, player, keys, shown = rig
    press(keys, Qt.Key.Key_Right, Qt.KeyboardModifier.ShiftModifier)
    times = footage.vfr.times_ms
    expected = max(i for i, t in enumerate(times) if t <= 1000)
    assert shown[-1].index == expected
    press(keys, Qt.Key.Key_Right, Qt.KeyboardModifier.ControlModifier)
    assert shown[-1].index == len(times) - 1  # clamped at the end (file is < 10 s)


def test_k_held_with_l_and_j_steps(rig):
    frames, player, keys, shown = rig
    press(keys, Qt.Key.Key_K)
    press(keys, Qt.Key.Key_L)
    press(keys, Qt.Key.Key_L)
    assert shown[-1].index == 2
    press(keys, Qt.Key.Key_J)
    assert shown[-1].index == 1


def test_digit_emits_the_category_of_that_key(rig, qtbot):
    frames, player, keys, shown = rig
    book = default_codebook()
    with qtbot.waitSignal(keys.categoryKey) as sig:
        press(keys, Qt.Key.Key_3)
    assert sig.args == [next(c.id for c in book.categories if c.hotkey == "3")]
    with qtbot.waitSignal(keys.categoryKey) as sig:  # a keypad digit is the same key
        press(keys, Qt.Key.Key_3, Qt.KeyboardModifier.KeypadModifier)
    assert sig.args == [next(c.id for c in book.categories if c.hotkey == "3")]


def test_j_shuttles_backward_through_the_engine(rig, qtbot):
    frames, player, keys, shown = rig
    player.seek_index(60)
    press(keys, Qt.Key.Key_J)
    assert player.rate == -1.0
    press(keys, Qt.Key.Key_J)
    assert player.rate == -2.0
    qtbot.waitUntil(lambda: shown[-1].index < 50, timeout=5000)
    assert barcode(shown[-1].image) == shown[-1].index
    press(keys, Qt.Key.Key_K)
    assert not player.playing


def test_threaded_service_serves_the_newest_request(qtbot, footage):
    frames = FrameService()
    got = []
    frames.frameReady.connect(got.append)
    try:
        with qtbot.waitSignal(frames.opened, timeout=10000):
            frames.open([footage.cfr1080.path])
        for _ in range(40):
            frames.step(+1)
        qtbot.waitUntil(lambda: bool(got) and got[-1].index == 40, timeout=20000)
        assert barcode(got[-1].image) == 40
        assert len(got) <= 41  # stale requests were dropped, not queued
    finally:
        frames.close()


def test_play_then_pause_shows_the_engines_exact_frame(qtbot, footage):
    frames = FrameService(synchronous=True)
    player = Player(frames)
    shown = []
    player.frameShown.connect(shown.append)
    try:
        player.open([footage.small.path])
        player.seek_index(10)
        previews = []
        player.previewImage.connect(previews.append)
        player.toggle()
        assert player.playing
        qtbot.waitUntil(lambda: len(previews) >= 10, timeout=15000)
        player.toggle()
        assert not player.playing
        frame = shown[-1]
        assert frame.index > 10
        assert barcode(frame.image) == frame.index  # the engine's frame, not the player's
    finally:
        player.close()
        frames.close()
