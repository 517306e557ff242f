"""A clip's sound for the live show: decoded on the clip's clock, levelled, and fed to a sink
in step with the picture (a sink that plays on a clock of its own stands in for a device)."""

from __future__ import annotations

import numpy as np
import pytest

from reviewer.media import synth
from reviewer.media.index import build_index
from reviewer.present import sound
from reviewer.present.sound import FRAME_BYTES, RATE, Feeder, Track
from tests.flash_footage import onset_ms, write


@pytest.fixture(scope="module")
def flash(tmp_path_factory):
    return write(tmp_path_factory.mktemp("flash") / "flash.mp4")


def test_the_sound_is_on_the_clips_clock(flash):
    index = build_index(flash.path)
    first = 30  # a clip starting one second in
    from_s = int(index.pts[first]) * float(index.time_base)
    track = sound.decode(flash.path, from_s, 3.0, level=False)
    assert len(track.pcm) == 3 * RATE and track.gain_db == 0.0
    expected = flash.flash_ms - int(index.ms[first])  # the flash frame on the clip's clock
    assert onset_ms(track.pcm) == pytest.approx(expected, abs=3)
    assert onset_ms(track.pcm[: int(expected * RATE / 1000) - 48]) is None  # silence before


def sine(amplitude: float, seconds: float = 2.0) -> np.ndarray:
    wave = amplitude * np.sin(2 * np.pi * 1000 * np.arange(int(seconds * RATE)) / RATE)
    return np.repeat((wave * 32767).astype(np.int16)[:, None], 2, axis=1)


def test_levelling_to_the_reels_loudness_with_the_peak_held():
    # Both channels at amplitude a: loudness = 10·log10(2·a²/2) − 0.691 (BS.1770, unweighted).
    quiet, loud = sine(0.05), sine(0.9)
    assert sound.level_gain_db(quiet) == pytest.approx(-16 - (20 * np.log10(0.05) - 0.691), abs=0.2)
    assert sound.level_gain_db(loud) == pytest.approx(-16 - (20 * np.log10(0.9) - 0.691), abs=0.2)
    clicked = quiet.copy()
    clicked[1000] = 32000  # one near-full-scale click: the peak, not the loudness, decides
    gain = sound.level_gain_db(clicked)
    assert gain == pytest.approx(sound.PEAK_DBFS - 20 * np.log10(32000 / 32768), abs=0.05)
    peak = np.abs(sound.apply_gain(clicked, gain).astype(np.int32)).max() / 32768
    assert 20 * np.log10(peak) <= sound.PEAK_DBFS + 0.01


def test_a_levelled_clip_keeps_its_timing(flash):
    plain = sound.decode(flash.path, 0.0, 5.0, level=False)
    levelled = sound.decode(flash.path, 0.0, 5.0)
    assert levelled.gain_db != 0.0
    assert onset_ms(levelled.pcm) == pytest.approx(onset_ms(plain.pcm), abs=1)


def test_silence_is_not_pumped_up_and_a_file_without_sound_is_silent(tmp_path):
    silent = np.zeros((RATE * 2, 2), np.int16)
    assert sound.level_gain_db(silent) == 0.0
    mute = tmp_path / "mute.mp4"
    synth.write(synth.Spec(frames=20), mute)
    assert sound.decode(mute, 0.0, 0.5) is sound.SILENT


class ClockSink:
    """Plays what it is given at 48 kHz on a clock the test moves; holds ``size`` bytes."""

    def __init__(self, size: int = RATE * FRAME_BYTES // 5) -> None:
        self.size, self.now_ms = size, 0.0
        self.queued = 0
        self.played = 0.0  # ms handed on
        self.restarts: list[float] = []
        self.written = bytearray()  # since the last restart
        self.suspended = False

    def advance(self, ms: float) -> None:
        if not self.suspended:
            can = min(ms, 1000 * self.queued / (RATE * FRAME_BYTES))
            self.played += can
            self.queued -= round(can * RATE * FRAME_BYTES / 1000)
        self.now_ms += ms

    def free(self) -> int:
        return self.size - self.queued

    def write(self, data: bytes) -> int:
        taken = min(len(data), self.free())
        self.written += data[:taken]
        self.queued += taken
        return taken

    def played_ms(self) -> float:
        return self.played

    def restart(self) -> None:
        self.restarts.append(self.now_ms)
        self.queued, self.played, self.written = 0, 0.0, bytearray()


def tone_track(seconds: float = 3.0) -> Track:
    """Every sample says its own position, so what was written shows where it came from."""
    n = np.arange(int(seconds * RATE), dtype=np.int64)
    return Track(np.stack([n % 32768, n // 32768], axis=1).astype(np.int16))


def first_sample(written: bytearray) -> int:
    pcm = np.frombuffer(bytes(written[:FRAME_BYTES]), np.int16)
    return int(pcm[0]) + 32768 * int(pcm[1])


def test_the_sound_starts_at_the_pictures_time_and_keeps_with_it():
    sink, track = ClockSink(), tone_track()
    feeder = Feeder(track, sink)
    feeder.feed(250.0)  # a track that arrives 250 ms into the clip starts there
    assert first_sample(sink.written) == 250 * RATE // 1000
    elapsed = 250.0
    worst = 0.0
    for _ in range(500):  # 2 s of 4 ms ticks
        sink.advance(4)
        elapsed += 4
        feeder.feed(elapsed)
        worst = max(worst, abs(feeder.offset_ms(elapsed)))
    assert worst < 5 and feeder.resyncs == 0
    pcm = np.frombuffer(bytes(sink.written), np.int16).reshape(-1, 2).astype(np.int64)
    positions = pcm[:, 0] % 32768 + 32768 * pcm[:, 1]
    assert (np.diff(positions) == 1).all()  # one unbroken run of the track, nothing skipped


def test_a_starved_sink_starts_again_at_the_pictures_time():
    sink, track = ClockSink(), tone_track()
    feeder = Feeder(track, sink)
    feeder.feed(0.0)
    for t in range(4, 404, 4):
        sink.advance(4)
        feeder.feed(float(t))
    sink.advance(600)  # the GUI thread was held: the sink ran dry after 200 ms
    feeder.feed(1000.0)
    assert feeder.resyncs == 1 and sink.restarts[-1] == sink.now_ms
    assert first_sample(sink.written) == RATE  # 1000 ms into the clip, where the picture is
    assert abs(feeder.offset_ms(1000.0)) < 1


def test_nothing_is_written_past_the_clips_end_and_the_end_is_no_resync():
    sink, track = ClockSink(size=RATE * FRAME_BYTES * 10), tone_track(1.0)
    feeder = Feeder(track, sink)
    feeder.feed(0.0)
    assert len(sink.written) == len(track.pcm) * FRAME_BYTES
    sink.advance(1500)
    feeder.feed(1500.0)
    assert feeder.resyncs == 0 and len(sink.written) == len(track.pcm) * FRAME_BYTES
