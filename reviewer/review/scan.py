"""The background pass over one footage file: what the picture and the sound do, sample by sample.

Measured once per file (and cached by fingerprint, ``scan_cache``); what counts as dark,
frozen or speech is decided afterwards from these numbers (``skippable``), so changing a
threshold never decodes the file again.

Speed (ADR 0016): the decoder skips frames nothing references (``skip_frame=NONREF``)
and uses both cores (``thread_type=AUTO``); the picture is measured on every 16th pixel
of the luma plane as decoded, without a conversion: a swscale pass to 64x36 cost 4 ms
a 1080p frame, more than decoding it, and holds the GIL.
"""

from __future__ import annotations

import contextlib
import os
import sys
import threading
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

import av
import av.error
import numpy as np

from reviewer.media.container import as_media_error
from reviewer.media.index import FrameIndex, build_index

SAMPLE_PX = 64  # the picture is measured about this many pixels across
AUDIO_RATE = 16_000
WINDOW_MS = 50  # one sound measurement per this many ms
VOICE_BAND = (300.0, 3400.0)  # Hz: where speech carries its energy
_PLANES_8BIT = {"yuv420p", "yuvj420p", "yuv422p", "yuvj422p", "yuv444p", "yuvj444p", "nv12",
                "nv21", "gray"}
_FLOOR_DB = -120.0

Progress = Callable[[int, int], None]


class Cancelled(Exception):
    """The scan was stopped (the file was closed, the app quits)."""


@dataclass(frozen=True, eq=False)
class Signals:
    """Per analysed frame: start time, mean luminance (0–255), mean change from the frame
    before (0–255); per sound window: loudness and voice-band loudness in dBFS."""

    duration_ms: int
    times_ms: np.ndarray = field(repr=False)
    luma: np.ndarray = field(repr=False)
    change: np.ndarray = field(repr=False)
    audio_start_ms: int = 0  # where the first sound window starts (ms from the first frame)
    loud_db: np.ndarray = field(default_factory=lambda: np.zeros(0, np.float32), repr=False)
    voice_db: np.ndarray = field(default_factory=lambda: np.zeros(0, np.float32), repr=False)

    @property
    def has_audio(self) -> bool:
        return self.loud_db.size > 0

    def window_times(self) -> np.ndarray:
        return self.audio_start_ms + np.arange(self.loud_db.size, dtype=np.int64) * WINDOW_MS


def measure(path: Path, cancelled: Callable[[], bool] = lambda: False,
            progress: Progress = lambda done, total: None) -> Signals:
    """Decode ``path`` once (picture, then sound) and measure it; raises MediaError."""
    with _background_priority():
        index = build_index(path)
        times, luma, change = _picture(path, index, cancelled, progress)
        start, loud, voice = _sound(path, index, cancelled)
    progress(index.total_ms, index.total_ms)
    return Signals(index.total_ms, times, luma, change, start, loud, voice)


@contextlib.contextmanager
def _background_priority():  # noqa: ANN202 - a context manager
    """Lower this thread (and the decoder threads it starts) below the GUI and playback.

    Linux keeps a nice value per thread; elsewhere the scan simply runs at normal priority.
    """
    tid = threading.get_native_id()
    before = None
    if sys.platform.startswith("linux"):
        with contextlib.suppress(OSError):
            before = os.getpriority(os.PRIO_PROCESS, tid)
            os.setpriority(os.PRIO_PROCESS, tid, min(19, before + 10))
    try:
        yield
    finally:
        if before is not None:
            with contextlib.suppress(OSError):  # raising it back needs no privilege only on some
                os.setpriority(os.PRIO_PROCESS, tid, before)


def _picture(path: Path, index: FrameIndex, cancelled: Callable[[], bool],
             progress: Progress) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    times: list[int] = []
    luma: list[float] = []
    change: list[float] = []
    previous: np.ndarray | None = None
    try:
        with av.open(str(path)) as container:
            stream = container.streams.video[0]
            stream.thread_type = "AUTO"
            stream.codec_context.skip_frame = "NONREF"
            for frame in container.decode(stream):
                at = _time_of(frame, index)
                if at is None:
                    continue
                small = _small_luma(frame)
                times.append(at)
                luma.append(float(small.mean()))
                same_size = previous is not None and previous.shape == small.shape
                change.append(float(np.abs(small - previous).mean()) if same_size else 0.0)
                previous = small
                if len(times) % 64 == 0:
                    if cancelled():
                        raise Cancelled()
                    progress(at, index.total_ms)
    except (OSError, av.error.FFmpegError) as exc:
        if not times:
            raise as_media_error(path, exc) from exc  # a damaged tail keeps what was read
    order = np.argsort(np.asarray(times, np.int64), kind="stable")
    return (np.asarray(times, np.int64)[order], np.asarray(luma, np.float32)[order],
            np.asarray(change, np.float32)[order])


def _time_of(frame: av.VideoFrame, index: FrameIndex) -> int | None:
    stamp = frame.pts if frame.pts is not None else frame.dts
    if stamp is None:
        return None
    i = index.index_of_pts(int(stamp))
    return None if i is None else int(index.ms[i])


def _small_luma(frame: av.VideoFrame) -> np.ndarray:
    """About SAMPLE_PX pixels across of the luma plane, as float32 (no colour conversion)."""
    step = max(1, frame.width // SAMPLE_PX)
    if frame.format.name in _PLANES_8BIT:
        plane = frame.planes[0]
        rows = np.frombuffer(plane, np.uint8).reshape(-1, plane.line_size)
        return rows[: frame.height: step, : frame.width: step].astype(np.float32)
    width = max(2, frame.width // step)
    height = max(2, frame.height // step)
    return frame.reformat(width=width, height=height, format="gray").to_ndarray().astype(np.float32)


def _sound(path: Path, index: FrameIndex,
           cancelled: Callable[[], bool]) -> tuple[int, np.ndarray, np.ndarray]:
    """Loudness per window; nothing when the file has no sound (or it cannot be decoded)."""
    empty = np.zeros(0, np.float32)
    try:
        with av.open(str(path)) as container:
            if not container.streams.audio:
                return 0, empty, empty
            stream = container.streams.audio[0]
            windows = _Windows()
            resampler = av.AudioResampler(format="flt", layout="mono", rate=AUDIO_RATE)
            start_s: float | None = None
            for frame in container.decode(stream):
                if start_s is None and frame.pts is not None:
                    start_s = float(frame.pts * frame.time_base)
                for out in resampler.resample(frame):
                    windows.feed(out.to_ndarray().reshape(-1))
                if cancelled():
                    raise Cancelled()
    except (OSError, av.error.FFmpegError):
        return 0, empty, empty  # sound is the second signal: the picture's findings stand
    first_s = int(index.pts[0]) * float(index.time_base) if len(index) else 0.0
    loud, voice = windows.result()
    return round(((start_s or 0.0) - first_s) * 1000), loud, voice


class _Windows:
    """Cuts a sound stream into WINDOW_MS windows and measures each as it completes."""

    def __init__(self) -> None:
        self.size = AUDIO_RATE * WINDOW_MS // 1000
        self.pending = np.zeros(0, np.float32)
        self.loud: list[np.ndarray] = []
        self.voice: list[np.ndarray] = []
        freqs = np.fft.rfftfreq(self.size, 1 / AUDIO_RATE)
        self.band = (freqs >= VOICE_BAND[0]) & (freqs <= VOICE_BAND[1])

    def feed(self, samples: np.ndarray) -> None:
        self.pending = np.concatenate([self.pending, samples.astype(np.float32)])
        whole = self.pending.size // self.size
        if whole < 40:  # measure in blocks of 2 s: one FFT call, not one per window
            return
        block = self.pending[: whole * self.size].reshape(whole, self.size)
        self.pending = self.pending[whole * self.size:]
        self._measure(block)

    def _measure(self, block: np.ndarray) -> None:
        power = np.abs(np.fft.rfft(block * np.hanning(self.size), axis=1)) ** 2
        total = power.sum(axis=1) + 1e-20
        self.loud.append(_db(np.sqrt((block ** 2).mean(axis=1))))
        self.voice.append(_db(np.sqrt((block ** 2).mean(axis=1) * power[:, self.band].sum(axis=1)
                                      / total)))

    def result(self) -> tuple[np.ndarray, np.ndarray]:
        whole = self.pending.size // self.size
        if whole:
            self._measure(self.pending[: whole * self.size].reshape(whole, self.size))
        if not self.loud:
            return np.zeros(0, np.float32), np.zeros(0, np.float32)
        return np.concatenate(self.loud), np.concatenate(self.voice)


def _db(rms: np.ndarray) -> np.ndarray:
    return np.maximum(_FLOOR_DB, 20 * np.log10(np.maximum(rms, 1e-9))).astype(np.float32)
