"""A clip's sound for the live show: decoded on the clip's clock, levelled, and fed to a sink
in step with the picture (a sink that plays on a clock of its own stands in for a device)."""

from __future__ import annotations

import numpy as np
import pytest

from reviewer.media import synth
from reviewer.media.index import build_index
from reviewer.present import sound
from reviewer.present.sound import FRAME_BYTES, LEAD_MS, RATE, Feeder, Stream, Track
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

    def __init__(self, size: int = RATE * FRAME_BYTES * 2 // 5) -> None:
        self.size = size
        self.queued = 0
        self.played = 0.0  # ms handed on
        self.written = bytearray()

    def advance(self, ms: float) -> None:
        can = min(ms, 1000 * self.queued / (RATE * FRAME_BYTES))
        self.played += can
        self.queued -= round(can * RATE * FRAME_BYTES / 1000)

    def free(self) -> int:
        return self.size - self.queued

    def write(self, data: bytes) -> int:
        taken = min(len(data), self.free())
        self.written += data[:taken]
        self.queued += taken
        return taken

    def played_ms(self) -> float:
        return self.played


def numbered_track(seconds: float = 3.0) -> Track:
    """Every sample says its own position + 1 (0 is silence), so what was written shows
    where it came from."""
    n = np.arange(1, int(seconds * RATE) + 1, dtype=np.int64)
    return Track(np.stack([n % 32768, n // 32768], axis=1).astype(np.int16))


def positions(written: bytes) -> np.ndarray:
    """Track positions of the samples written (-1 where silence was written)."""
    pcm = np.frombuffer(bytes(written), np.int16).reshape(-1, 2).astype(np.int64)
    return pcm[:, 0] % 32768 + 32768 * pcm[:, 1] - 1


def title_card(sink: ClockSink, stream: Stream, ms: int) -> None:
    for _ in range(ms // 4):
        sink.advance(4)
        stream.silence()


def test_a_clip_starts_its_sound_at_the_pictures_time_and_keeps_with_it():
    sink = ClockSink()
    stream = Stream(sink)
    title_card(sink, stream, 600)  # the stream runs before the clip: silence, LEAD_MS ahead
    assert set(positions(sink.written)) == {-1}
    assert stream.queued_ms() == pytest.approx(LEAD_MS, abs=1)
    silence = len(sink.written)
    feeder = Feeder(numbered_track(), stream, 250.0)  # the track arrived 250 ms into the clip
    assert feeder.offset_ms(250.0) == pytest.approx(0, abs=1)
    sink.advance(4)
    feeder.feed(254.0)
    # Its first sample is the one due when it will be heard: after what was queued.
    assert positions(sink.written[silence:])[0] == round((250 + LEAD_MS) * RATE / 1000)
    elapsed, worst = 254.0, 0.0
    for _ in range(500):  # 2 s of 4 ms ticks
        sink.advance(4)
        elapsed += 4
        feeder.feed(elapsed)
        worst = max(worst, abs(feeder.offset_ms(elapsed)))
    assert worst < 5 and feeder.resyncs == 0
    assert (np.diff(positions(sink.written[silence:])) == 1).all()  # nothing skipped
    assert stream.queued_ms() <= LEAD_MS + 1  # a new clip is never behind more than this


def test_a_starved_device_skips_to_the_pictures_time():
    sink = ClockSink()
    stream = Stream(sink)
    title_card(sink, stream, 200)
    feeder = Feeder(numbered_track(), stream, 0.0)
    for t in range(4, 404, 4):
        sink.advance(4)
        feeder.feed(float(t))
    sink.advance(600)  # the GUI thread was held: the device ran dry after LEAD_MS
    before = len(sink.written)
    feeder.feed(1000.0)
    assert feeder.resyncs == 1 and abs(feeder.offset_ms(1000.0)) < 1
    # The queue had run dry: what is written now is heard now, at the picture's 1000 ms.
    assert positions(sink.written[before:])[0] == RATE


def test_the_clip_sound_ends_with_silence_and_the_end_is_no_resync():
    sink = ClockSink()
    stream = Stream(sink)
    feeder = Feeder(numbered_track(0.5), stream, 0.0)
    for t in range(4, 1000, 4):
        sink.advance(4)
        feeder.feed(float(t))
    got = positions(sink.written)
    assert feeder.resyncs == 0 and got.max() == RATE // 2 - 1
    assert (got[got >= 0] == np.arange(RATE // 2)).all() and (got[RATE // 2:] == -1).all()
