"""A clip's own sound for the live show, and the logic that keeps it with the picture.

The sound of a clip is decoded by PyAV from the footage, from the clip's first frame's
own start (``Cut.from_s``, where the reel's sound starts too) for the clip's length, as
48 kHz stereo 16-bit PCM laid on the clip's clock: sample ``n`` is due ``n / 48000`` s
after the first frame. Gaps in the footage's sound are silence, so the two never slide.

Levelling: the reel runs ffmpeg's ``loudnorm`` (I=-16, TP=-1.5). Live, each clip gets one
gain instead, measured on its own samples the way EBU R 128 gates loudness (400 ms
blocks, an absolute gate at -70 and a relative one 10 dB under the mean) but without the
K-weighting filter, and held so the peak stays under -1.5 dBFS. Speech measures within a
dB or two of the weighted figure; a clip is not levelled within itself as loudnorm's
dynamic mode would.

:class:`Feeder` keeps one continuous :class:`Stream` fed so that the sample leaving the
device is the one due on the picture's clock. It knows the device only through
:class:`Sink` (bytes free, bytes taken, how much it has played), so its timing is tested
without a sound card.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from pathlib import Path
from typing import Protocol

import av
import numpy as np

RATE = 48_000
CHANNELS = 2
FRAME_BYTES = 2 * CHANNELS  # one 16-bit sample per channel
TARGET_LUFS = -16.0  # as the reel's loudnorm
PEAK_DBFS = -1.5
MAX_GAIN_DB = 20.0  # a near-silent clip is not pumped up into hiss
RESYNC_MS = 45.0  # sound this far from the picture starts again at the picture's time


@dataclass(frozen=True, eq=False)
class Track:
    """A clip's sound on its own clock: ``pcm`` holds interleaved stereo s16 samples."""

    pcm: np.ndarray  # shape (samples, 2), int16
    gain_db: float = 0.0

    @property
    def duration_ms(self) -> float:
        return 1000 * len(self.pcm) / RATE

    def bytes_from(self, ms: float) -> bytes:
        """The PCM from ``ms`` on the clip's clock to its end, as the sink takes it."""
        start = min(len(self.pcm), max(0, round(ms * RATE / 1000)))
        return self.pcm[start:].tobytes()


SILENT = Track(np.zeros((0, CHANNELS), np.int16))


def decode(path: Path, from_s: float, duration_s: float, level: bool = True) -> Track:
    """The sound of ``duration_s`` seconds of ``path`` from stream time ``from_s``; a file
    without sound gives :data:`SILENT`."""
    total = max(0, round(duration_s * RATE))
    with av.open(str(path)) as container:
        if not container.streams.audio:
            return SILENT
        stream = container.streams.audio[0]
        pcm = np.zeros((total, CHANNELS), np.int16)
        _fill(container, stream, pcm, from_s)
    if not level:
        return Track(pcm)
    gain = level_gain_db(pcm)
    return Track(apply_gain(pcm, gain), gain)


def _fill(container: av.container.InputContainer, stream: av.AudioStream, pcm: np.ndarray,
          from_s: float) -> None:
    """Decode into ``pcm`` (sample 0 at ``from_s``), each decoded frame at its own time."""
    container.seek(max(0, int((from_s - 1.0) / stream.time_base)), stream=stream)
    resampler = av.AudioResampler(format="s16", layout="stereo", rate=RATE)
    end_s = from_s + len(pcm) / RATE
    for frame in container.decode(stream):
        if frame.pts is None:
            continue
        at_s = float(frame.pts * frame.time_base)
        if at_s >= end_s:
            break
        at = round((at_s - from_s) * RATE)
        for out in resampler.resample(frame):
            samples = out.to_ndarray().reshape(-1, CHANNELS)
            _place(pcm, at, samples)
            at += len(samples)


def _place(pcm: np.ndarray, at: int, samples: np.ndarray) -> None:
    lo, hi = max(0, at), min(len(pcm), at + len(samples))
    if lo < hi:
        pcm[lo:hi] = samples[lo - at: hi - at]


def level_gain_db(pcm: np.ndarray) -> float:
    """The gain (dB) that brings the clip to :data:`TARGET_LUFS`, its peak held under
    :data:`PEAK_DBFS` (gated loudness without K-weighting; see the module's note)."""
    x = pcm.astype(np.float32) / 32768.0
    block = RATE * 400 // 1000
    blocks = len(x) // block
    if blocks == 0:
        return 0.0
    power = (x[: blocks * block].reshape(blocks, block, CHANNELS) ** 2).mean(axis=1).sum(axis=1)
    power = power[power > 10 ** ((-70 + 0.691) / 10)]
    if power.size == 0:
        return 0.0  # silence stays silence
    power = power[power > power.mean() * 0.1]  # the relative gate: -10 dB
    loudness = -0.691 + 10 * math.log10(float(power.mean()))
    peak = float(np.abs(x).max())
    ceiling = PEAK_DBFS - 20 * math.log10(peak) if peak > 0 else MAX_GAIN_DB
    return min(TARGET_LUFS - loudness, ceiling, MAX_GAIN_DB)


def apply_gain(pcm: np.ndarray, gain_db: float) -> np.ndarray:
    if abs(gain_db) < 0.05:
        return pcm
    scaled = pcm.astype(np.float32) * (10 ** (gain_db / 20))
    return np.clip(np.rint(scaled), -32768, 32767).astype(np.int16)


class Sink(Protocol):
    """What :class:`Stream` needs of an audio output in push mode, once started."""

    def free(self) -> int: ...  # bytes it takes now

    def write(self, data: bytes) -> int: ...  # bytes taken

    def played_ms(self) -> float: ...  # sound handed on to the device since it started


class Stream:
    """One continuous stream for the whole show: clips and the silence between them.

    Restarting a device for every clip costs a start-up delay each time (measured with
    PulseAudio: 0.1–1.9 s before it plays); one stream that never stops has it once, at
    the start of the show. ``queued_ms`` is what was written and has not yet played; it
    is kept near :data:`LEAD_MS`, so a new clip's sound follows the picture within that.
    """

    def __init__(self, sink: Sink) -> None:
        self.sink = sink
        self.written = 0  # bytes since the stream started

    @property
    def written_ms(self) -> float:
        return 1000 * self.written / (RATE * FRAME_BYTES)

    def queued_ms(self) -> float:
        return max(0.0, self.written_ms - self.sink.played_ms())

    def room(self) -> int:
        """Bytes to write now to hold :data:`LEAD_MS` queued (whole samples)."""
        wanted = round((LEAD_MS - self.queued_ms()) * RATE / 1000) * FRAME_BYTES
        free = self.sink.free()
        return max(0, min(wanted, free - free % FRAME_BYTES))

    def write(self, data: bytes | memoryview) -> int:
        taken = self.sink.write(bytes(data)) if len(data) else 0
        self.written += taken
        return taken

    def silence(self) -> None:
        """Between clips (title cards, a clip still decoding): keep the device fed."""
        self.write(bytes(self.room()))


LEAD_MS = 100.0


class Feeder:
    """Feeds one clip's track into the stream in step with the picture's clock.

    A clip starting at picture time ``t`` starts its sound at ``t`` plus what the stream
    still holds, so the first sample is heard at its own time. ``clip_at`` is the clip
    time of the byte at stream position ``stream_at``; the clip time being heard is then
    ``clip_at + played - stream_at``. When that is more than :data:`RESYNC_MS` behind the
    picture (the device starved while the GUI thread was busy, or started late) the
    samples it is late by are skipped; when it is ahead (two clocks drifting over a long
    clip) silence is put in. Either takes effect once the little queued has played: a
    short skip or pause in the sound, never a lasting offset.
    """

    def __init__(self, track: Track, stream: Stream, elapsed_ms: float) -> None:
        self.track, self.stream = track, stream
        self.clip_at = max(0.0, elapsed_ms) + stream.queued_ms()
        self.stream_at = stream.written_ms
        self.pending = memoryview(track.bytes_from(self.clip_at))  # a view: no copy per write
        self.resyncs = 0
        self._write()

    def heard_ms(self) -> float:
        """The clip time of the sound leaving the device now."""
        return self.clip_at + self.stream.sink.played_ms() - self.stream_at

    def offset_ms(self, elapsed_ms: float) -> float:
        """Sound minus picture: positive when the sound is ahead."""
        return self.heard_ms() - elapsed_ms

    def feed(self, elapsed_ms: float) -> None:
        offset = self.offset_ms(elapsed_ms)
        if elapsed_ms < self.track.duration_ms and abs(offset) > RESYNC_MS:
            self._shift(-offset)
        self._write()

    def _shift(self, ms: float) -> None:
        """Skip ``ms`` of what is still to be written (or, negative, put silence first)."""
        self.resyncs += 1
        count = round(abs(ms) * RATE / 1000) * FRAME_BYTES
        if ms > 0:
            count = min(count, len(self.pending))
            self.pending = self.pending[count:]
        else:
            self.pending = memoryview(bytes(count) + bytes(self.pending))
        self.clip_at += count / FRAME_BYTES * 1000 / RATE * (1 if ms > 0 else -1)

    def _write(self) -> None:
        room = self.stream.room()
        if not self.pending:
            self.stream.silence()  # the clip's sound ended before its picture
            return
        if room:
            self.pending = self.pending[self.stream.write(self.pending[:room]):]
