"""Presentation mode: the show plan is the reel's plan, and a real full-screen window plays it."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from PySide6.QtCore import Qt

from reviewer.export import plan, snapshot, video
from reviewer.export.common import ExportOptions
from reviewer.export.selection import Selection
from reviewer.present.plan import show
from reviewer.present.sound import FRAME_BYTES, RATE
from reviewer.store.project import Project
from tests.ui.test_real_window import xvfb  # noqa: F401 - the X server fixture

ROOT = Path(__file__).resolve().parents[2]
ARTIFACTS = ROOT / "artifacts"


@pytest.fixture
def meeting(demo_project):
    """The demo project, every tag with county and unit as the meeting sees them."""
    return demo_project


def test_the_show_is_the_reels_plan_same_items_order_and_words(meeting):
    options = ExportOptions(handle_before_ms=1000, handle_after_ms=1000, lower_third=True)
    with Project.open(meeting, read_only=True) as project:
        snap = snapshot.take(project, Selection(), "zh_CN")
    reel = plan.reel(snap, options)
    slides = show(snap, options).slides
    assert len(slides) == len(reel) and any(s.is_title for s in slides)
    for slide, segment in zip(slides, reel, strict=True):
        assert (slide.start_ms, slide.duration_ms, slide.title) == \
            (segment.start_ms, segment.duration_ms, segment.title)
        if segment.span is None:
            assert slide.is_title
            continue
        assert slide.item.tag.uuid == segment.span.item.tag.uuid
        assert slide.lower_third == video.lower_third_text(segment.span)  # the reel's burnt text
        assert slide.ends(options) == plan.ends(segment.span.item, options)  # the clip's frames
    grouped = show(snap, ExportOptions(group_by="category", title_cards=False))
    assert not any(s.is_title for s in grouped.slides)


@pytest.mark.xvfb
@pytest.mark.skipif(sys.platform != "linux", reason="Xvfb is the Linux real-window check")
def test_a_screening_in_a_real_full_screen_window(xvfb, meeting, tmp_path):  # noqa: F811
    shots = ARTIFACTS / "present"
    shutil.rmtree(shots, ignore_errors=True)
    env = {**os.environ, "DISPLAY": xvfb, "QT_QPA_PLATFORM": "xcb",
           "XDG_CONFIG_HOME": str(tmp_path / "config")}
    result = subprocess.run([sys.executable, "-m", "tests.ui.present_scenario", str(meeting),
                             str(shots)], cwd=ROOT, env=env, capture_output=True, text=True,
                            encoding="utf-8", timeout=240)
    assert result.returncode == 0, result.stderr[-3000:]
    r = json.loads(result.stdout.strip().splitlines()[-1])
    assert "error" not in r, r.get("trace")
    assert r["platform"] == "xcb" and r["fullscreen"] and r["geometry"] == [1600, 900]
    assert r["first"] == ["title", 0] and r["slides"][0][0] == "title"
    assert r["clip_started"] and r["clip"][0] == 1 and r["clip"][1] is not None
    assert r["after_pagedown"] == 2 and r["after_left"] == 1 and r["after_right"] == 2
    assert r["black"] == [True, True]
    assert len(r["first_frame_ms"]) >= 3 and r["painted_frames"] > 10
    assert r["closed"]
    for name in r["shots"]:  # pictures, except the black screen (one colour packs small)
        size = (shots / name).stat().st_size
        assert size < 2_000 if "black" in name else size > 5_000, name


# --- sound ----------------------------------------------------------------------------------


class WallSink:
    """An audio output without a device: plays what it is given at 48 kHz of wall time,
    and keeps a log of what the show asked of it."""

    def __init__(self) -> None:
        import time

        self.clock = time.perf_counter
        self.log: list[tuple[str, float]] = []
        self.writes: list[tuple[float, bytes]] = []
        self._since: float | None = None  # playing since (None: stopped or suspended)
        self._played = 0.0
        self.queued = 0

    def _settle(self) -> None:
        if self._since is not None:
            now = self.clock()
            can = min((now - self._since) * 1000, 1000 * self.queued / (RATE * FRAME_BYTES))
            self._played += can
            self.queued -= round(can * RATE * FRAME_BYTES / 1000)
            self._since = now

    def free(self) -> int:
        self._settle()
        return RATE * FRAME_BYTES * 2 // 5 - self.queued

    def write(self, data: bytes) -> int:
        taken = min(len(data), self.free())
        if taken:
            self.writes.append((self.clock(), bytes(data[:taken])))
        self.queued += taken
        return taken

    def played_ms(self) -> float:
        self._settle()
        return self._played

    def start(self) -> None:
        self.log.append(("start", self.clock()))
        self._since = self.clock()

    def suspend(self) -> None:
        self._settle()
        self.log.append(("suspend", self.clock()))
        self._since = None

    def resume(self) -> None:
        self.log.append(("resume", self.clock()))
        self._since = self.clock()

    def stop(self) -> None:
        self.log.append(("stop", self.clock()))
        self._since, self.queued = None, 0

    def pcm(self, since: float = 0.0):  # noqa: ANN201
        import numpy as np

        data = b"".join(d for t, d in self.writes if t >= since)
        return np.frombuffer(data, np.int16).reshape(-1, 2)


@pytest.fixture(scope="module")
def flash_show(tmp_path_factory):
    """A project with one tag around the flash frame, in a county: a title card, then the clip."""
    from tests.flash_footage import make_project

    flash, path = make_project(tmp_path_factory.mktemp("flash-show"))
    options = ExportOptions(handle_before_ms=0, handle_after_ms=0, lower_third=True,
                            title_card_ms=600, redact="off")
    with Project.open(path, read_only=True) as project:
        plan = show(snapshot.take(project, Selection()), options)
    return flash, plan, options


def spin(qtbot, until, seconds: float = 10.0) -> None:
    qtbot.waitUntil(lambda: bool(until()), timeout=int(seconds * 1000))


def test_each_clip_plays_its_own_sound_on_the_pictures_clock(qtbot, flash_show):
    from tests.flash_footage import onset_ms
    from ui.present.player import ShowPlayer
    from ui.present.screen import ShowScreen
    from ui.present.sound import ShowSound

    flash, plan, options = flash_show
    assert [s.is_title for s in plan.slides] == [True, False]
    sink = WallSink()
    player = ShowPlayer(plan.slides, options, (320, 240), sound=ShowSound(lambda: sink))
    screen = ShowScreen(player)
    qtbot.addWidget(screen)
    screen.show()
    player.start()
    try:
        assert [e for e, _t in sink.log] == ["start"]  # one stream for the whole show
        spin(qtbot, lambda: player.sound.feeder is not None)
        feeder, started = player.sound.feeder, player._started
        assert started is not None and not player.current.is_title
        spin(qtbot, lambda: player.elapsed_ms() > 900)
        whole = sink.pcm()
        # The tone's first sample sits in the stream where the flash frame is on the clip's
        # clock: the sound carries the picture's timing.
        tone_in_stream = onset_ms(whole)
        on_clip = feeder.clip_at + tone_in_stream - feeder.stream_at
        assert on_clip == pytest.approx(flash.flash_ms - 2000, abs=3), (on_clip, feeder.resyncs)
        assert feeder.clip_at < 250  # its sound begins with the clip, after the queued lead
        title = whole[: int(feeder.stream_at * RATE / 1000)]
        assert len(title) and not title.any()  # the title card: silence, nothing else
    finally:
        player.stop()
    assert sink.log[-1][0] == "stop"


def test_black_holds_the_sound_and_leaving_stops_it_at_once(qtbot, flash_show):
    from ui.present.presentation import Presentation
    from ui.present.sound import ShowSound

    flash, plan, options = flash_show
    sink = WallSink()
    pres = Presentation(plan, options, "zh_CN")
    pres.player.sound = ShowSound(lambda: sink)
    pres.start()
    try:
        spin(qtbot, lambda: pres.player.sound.feeder is not None)
        qtbot.keyClick(pres.screen, Qt.Key.Key_B)
        assert pres.player.black and sink.log[-1][0] == "suspend"
        written = len(sink.writes)
        qtbot.wait(200)
        assert len(sink.writes) == written  # nothing is fed while black
        qtbot.keyClick(pres.screen, Qt.Key.Key_B)
        assert sink.log[-1][0] == "resume"
        spin(qtbot, lambda: len(sink.writes) > written + 1)
        qtbot.keyClick(pres.screen, Qt.Key.Key_Escape)
        assert pres.closed and sink.log[-1][0] == "stop"  # dropped at once
        after = len(sink.writes)
        qtbot.wait(100)
        assert len(sink.writes) == after
    finally:
        pres.close()


def test_leaving_a_clip_silences_it_and_a_title_card_is_silent(qtbot, flash_show):
    from ui.present.player import ShowPlayer
    from ui.present.sound import ShowSound

    flash, plan, options = flash_show
    sink = WallSink()
    player = ShowPlayer(plan.slides, options, (320, 240), sound=ShowSound(lambda: sink))
    player.start(at=1)
    try:
        spin(qtbot, lambda: player.sound.feeder is not None and player.elapsed_ms() > 300)
        assert sink.pcm().any()  # the clip's sound (its room noise and more)
        player.step(-1)  # back to the title card
        assert player.current.is_title and player.sound.feeder is None
        since = sink.clock()
        qtbot.wait(300)
        assert len(sink.pcm(since)) and not sink.pcm(since).any()
    finally:
        player.stop()


@pytest.fixture(scope="module")
def pulse(tmp_path_factory):
    from tests.pulse import null_sink

    with null_sink(tmp_path_factory.mktemp("pulse")) as env:
        if env is None:
            pytest.skip("no PulseAudio here: the device path is tested where it is installed")
        yield env


@pytest.mark.xvfb
@pytest.mark.skipif(sys.platform != "linux", reason="Xvfb and PulseAudio are the Linux check")
def test_the_sound_plays_on_a_real_output_device(xvfb, pulse, tmp_path):  # noqa: F811
    """Full screen under Xvfb, sound to a PulseAudio null sink: the stream runs from the
    title card, plays the clip (its tone reaches the device after the flash frame is
    painted), is suspended by B, resumes, and is stopped by Esc."""
    from tests.flash_footage import make_project

    flash, project = make_project(tmp_path)
    shots = ARTIFACTS / "present"
    shots.mkdir(parents=True, exist_ok=True)
    env = {**os.environ, **pulse, "DISPLAY": xvfb, "QT_QPA_PLATFORM": "xcb",
           "XDG_CONFIG_HOME": str(tmp_path / "config")}
    result = subprocess.run([sys.executable, "-m", "tests.ui.present_sound_scenario", str(project),
                             str(flash.flash_ms), str(shots)], cwd=ROOT, env=env,
                            capture_output=True, text=True, encoding="utf-8", timeout=240)
    assert result.returncode == 0, result.stderr[-3000:]
    r = json.loads(result.stdout.strip().splitlines()[-1])
    assert "error" not in r, r.get("trace")
    assert r["device"] and r["title_state"] == "ActiveState"  # one stream from the start
    assert r["playing_state"] == "ActiveState" and r["black_state"] == "SuspendedState"
    assert r["unblack_state"] in ("ActiveState", "IdleState")  # running again
    assert r["esc_state"] == "StoppedState" and r["closed"]
    assert r["flash_painted"] and r["tone_played"] and "av_offset_ms" in r


def test_without_a_sound_output_the_show_goes_on_and_the_presenter_is_told(qtbot, flash_show):
    from ui.present.player import ShowPlayer
    from ui.present.presenter import PresenterView
    from ui.present.sound import ShowSound

    flash, plan, options = flash_show
    player = ShowPlayer(plan.slides, options, (320, 240), sound=ShowSound(lambda: None))
    view = PresenterView(player, "en")
    qtbot.addWidget(view)
    view.show()
    assert not view.silent.isVisible()  # not known yet
    player.start(at=1)
    try:
        spin(qtbot, lambda: player.frame is not None and player.elapsed_ms() > 200)
        view.refresh()
        assert view.silent.isVisible() and "No sound output" in view.silent.text()
        assert player.sound.feeder is None and not player.sound.available
    finally:
        player.stop()
