"""Playback and shuttle: Qt Multimedia plays forward with sound; the engine does everything exact.

While paused, what is on screen is always the engine's frame (FrameService).
Forward play (0.25×–8×) uses QMediaPlayer with pitch-compensated audio; on
pause its position is handed back to the engine, which shows the exact
frame there. Reverse shuttle (J) is the engine stepping back on a timer.
"""

from __future__ import annotations

import time
from pathlib import Path

from PySide6.QtCore import QObject, QTimer, QUrl, Signal
from PySide6.QtMultimedia import QAudioOutput, QMediaPlayer, QVideoSink

from ui.media.frame_service import Failure, FrameService, ShownFrame, Timing
from ui.media.screen import Screen, Showing, frame_screen

SHUTTLE_RATES = (1.0, 2.0, 4.0, 8.0)
_LOADED = (
    QMediaPlayer.MediaStatus.LoadedMedia,
    QMediaPlayer.MediaStatus.BufferedMedia,
    QMediaPlayer.MediaStatus.BufferingMedia,
)
_REVERSE_TICK_MS = 33


class Player(QObject):
    """Transport state for one open recording. Emits the position in ms from the first frame."""

    positionChanged = Signal(int)
    frameShown = Signal(object)  # ShownFrame from the engine
    screenChanged = Signal(object)  # Screen: what the video area shows now
    playingChanged = Signal(bool)
    rateChanged = Signal(float)
    previewImage = Signal(object)  # QImage from the media player while playing

    def __init__(
        self, frames: FrameService, with_media_player: bool = True, parent: QObject | None = None
    ):
        super().__init__(parent)
        self.frames = frames
        self._paths: list[Path] = []
        self._chunk_offsets: list[int] = [0]
        self._timing: Timing | None = None
        self._rate = 0.0  # 0 paused, >0 forward play, <0 reverse shuttle
        self._slow = 1.0
        self._current: ShownFrame | None = None
        self._screen = Screen()
        self._name = ""
        self._reverse = QTimer(self)
        self._reverse.setInterval(_REVERSE_TICK_MS)
        self._reverse.timeout.connect(self._reverse_tick)
        self._reverse_origin = (0.0, 0.0)
        self._chunk = 0
        self._pending_start: int | None = None
        self._media = self._make_media_player() if with_media_player else None
        frames.frameReady.connect(self._on_frame)
        frames.opened.connect(self._on_opened)
        frames.failed.connect(self._on_failed)

    def _make_media_player(self) -> QMediaPlayer:
        media = QMediaPlayer(self)
        self._audio = QAudioOutput(self)
        media.setAudioOutput(self._audio)
        self._sink = QVideoSink(self)
        media.setVideoSink(self._sink)
        self._sink.videoFrameChanged.connect(self._on_media_frame)
        media.mediaStatusChanged.connect(self._on_media_status)
        return media

    # -- opening ----------------------------------------------------------

    def open(
        self,
        paths: list[Path],
        chunk_durations_ms: list[int] | None = None,
        name: str = "",
        start_ms: int = 0,
    ) -> None:
        """Clear the screen at once; the file's first frame replaces "opening…" when decoded."""
        self.pause()
        self._paths = list(paths)
        self._name = name or (paths[0].name if paths else "")
        durations = chunk_durations_ms or [0] * len(paths)
        self._chunk_offsets = [sum(durations[:k]) for k in range(len(paths))]
        self._timing, self._current = None, None
        self._set_screen(Screen(Showing.OPENING, self._name))
        self.frames.open(self._paths, start_ms)
        if self._media is not None and self._paths:
            self._load_chunk(0)  # load now so the first play starts at once

    def show_unopenable(self, name: str, error: Exception) -> None:
        """A file that cannot even be handed to the decoder (missing): the old one goes too."""
        self.pause()
        self._paths, self._name, self._timing, self._current = [], name, None, None
        generation = self.frames.unload()
        if self._media is not None:
            self._media.setSource(QUrl())
        self._set_screen(Screen(Showing.FAILED, name, failure=Failure(error, generation)))

    def _on_opened(self, timing: Timing) -> None:
        self._timing = timing

    def _on_failed(self, failure: Failure) -> None:
        self.pause()
        self._current = None
        if failure.during_open:
            self._timing = None
            if self._media is not None:
                self._media.setSource(QUrl())
            self._set_screen(Screen(Showing.FAILED, self._name, failure=failure))
            return
        index = failure.index
        at = int(self._timing.times_ms[index]) if self._timing is not None else None
        self._set_screen(Screen(Showing.BROKEN, self._name, None, failure, index, at))

    # -- state ------------------------------------------------------------

    @property
    def playing(self) -> bool:
        return self._rate != 0.0

    @property
    def rate(self) -> float:
        return self._rate

    @property
    def current(self) -> ShownFrame | None:
        """The engine frame on screen; None while opening, failed, or on a frame that failed."""
        return self._current

    @property
    def screen(self) -> Screen:
        return self._screen

    @property
    def timing(self) -> Timing | None:
        return self._timing

    def position_ms(self) -> int:
        """The readout's time: what is on screen, or where a failed step landed."""
        return self._screen.position_ms or 0

    @property
    def play_speed(self) -> float:
        """The speed Space plays at (the speed box's choice while paused)."""
        return self._slow

    def set_slow_motion(self, factor: float) -> None:
        """0.25–8× for ordinary play (the speed box); J/K/L shuttle overrides it."""
        self._slow = min(max(factor, 0.25), SHUTTLE_RATES[-1])
        if self._rate > 0:
            self._start_forward(self._slow)

    def play_at(self, rate: float) -> None:
        """Any speed from the speed box: negative plays backward at once."""
        if rate > 0:
            self.set_slow_motion(rate)
            if self._rate <= 0:
                self._start_forward(rate)
        elif rate < 0:
            self._start_reverse(-rate)

    # -- transport --------------------------------------------------------

    def toggle(self) -> None:
        if self.playing:
            self.pause()
        else:
            self._start_forward(self._slow)

    def pause(self) -> None:
        was_forward = self._rate > 0
        self._set_rate(0.0)
        self._reverse.stop()
        if self._media is not None and was_forward:
            self._media.pause()
            # The frame the reviewer saw last, not where the decoder has got to since.
            self.frames.show_time(self.position_ms())

    def shuttle_forward(self) -> None:
        """L: play forward; again: 2×, 4×, 8×. From reverse, first slows down."""
        self._start_forward(_next_rate(self._rate) if self._rate > 0 else 1.0)

    def shuttle_reverse(self) -> None:
        """J: play backward; again: 2×, 4×, 8×."""
        self._start_reverse(_next_rate(-self._rate) if self._rate < 0 else 1.0)

    def _start_reverse(self, speed: float) -> None:
        if self._timing is None:
            return
        self.pause()
        self._reverse_origin = (time.monotonic(), float(self.position_ms()))
        self._set_rate(-speed)
        self._reverse.start()

    def step(self, delta: int) -> None:
        self.pause()
        self.frames.step(delta)

    def jump_ms(self, delta_ms: int) -> None:
        self.seek_ms(self.position_ms() + delta_ms)

    def seek_ms(self, t_ms: float) -> None:
        self.pause()
        self.frames.show_time(max(0.0, t_ms))

    def seek_index(self, i: int) -> None:
        self.pause()
        self.frames.show_index(i)

    # -- forward play via Qt Multimedia ------------------------------------

    def _start_forward(self, rate: float) -> None:
        self._reverse.stop()
        if self._media is None or not self._paths or self._timing is None:
            return
        chunk, local_ms = self._locate(self.position_ms())
        # Mid-frame: a position at a frame's exact start can show the frame before.
        mid = self._current.duration_ms // 2 if self._current is not None else 0
        self._pending_start = int(local_ms + mid)
        self._media.setPlaybackRate(rate)
        if hasattr(self._media, "setPitchCompensation"):
            self._media.setPitchCompensation(True)
        self._set_rate(rate)
        if self._load_chunk(chunk):
            self._begin_play()
        # else: _on_media_status starts playing once the file is loaded

    def _begin_play(self) -> None:
        assert self._media is not None
        if self._pending_start is not None:
            self._media.setPosition(self._pending_start)
            self._pending_start = None
        self._media.play()

    def _locate(self, t_ms: int) -> tuple[int, int]:
        chunk = max(k for k, start in enumerate(self._chunk_offsets) if start <= t_ms)
        return chunk, t_ms - self._chunk_offsets[chunk]

    def _load_chunk(self, chunk: int) -> bool:
        """Point the media player at ``chunk``; True if it is already loaded."""
        assert self._media is not None
        url = QUrl.fromLocalFile(str(self._paths[chunk]))
        self._chunk = chunk
        if self._media.source() != url:
            self._media.setSource(url)
        return self._media.mediaStatus() in _LOADED

    def _on_media_frame(self, frame: object) -> None:
        if self._rate <= 0 or self._timing is None or not frame.isValid():  # type: ignore[attr-defined]
            return
        start_us = frame.startTime()  # type: ignore[attr-defined]
        local = start_us // 1000 if start_us >= 0 else self._media.position()  # type: ignore[union-attr]
        # The frame's own timestamp, so the readout names the picture being painted.
        ms = self._chunk_offsets[self._chunk] + int(local)
        index = self._timing.index_at(ms + 1)
        at = int(self._timing.times_ms[index])
        self._set_screen(Screen(Showing.PLAYING, self._name, None, None, index, at))
        self.previewImage.emit(frame.toImage())  # type: ignore[attr-defined]
        self.positionChanged.emit(at)

    def _on_media_status(self, status: QMediaPlayer.MediaStatus) -> None:
        if self._rate <= 0:
            return
        if status in _LOADED and self._pending_start is not None:
            self._begin_play()
        elif status == QMediaPlayer.MediaStatus.EndOfMedia:
            self._next_chunk()

    def _next_chunk(self) -> None:
        next_chunk = self._chunk + 1
        if next_chunk >= len(self._paths):
            self.pause()
            return
        self._pending_start = 0
        if self._load_chunk(next_chunk):
            self._begin_play()

    # -- reverse shuttle via the engine -------------------------------------

    def _reverse_tick(self) -> None:
        started, origin_ms = self._reverse_origin
        t = origin_ms + self._rate * (time.monotonic() - started) * 1000.0
        if t <= 0:
            self.frames.show_time(0)
            self.pause()
            return
        self.frames.show_time(t)

    # -- bookkeeping ------------------------------------------------------

    def _on_frame(self, frame: ShownFrame) -> None:
        self._current = frame
        self._set_screen(frame_screen(self._name, frame))
        self.frameShown.emit(frame)
        self.positionChanged.emit(frame.pts_ms)

    def _set_screen(self, screen: Screen) -> None:
        self._screen = screen
        self.screenChanged.emit(screen)

    def _set_rate(self, rate: float) -> None:
        if rate == self._rate:
            return
        was_playing = self.playing
        self._rate = rate
        self.rateChanged.emit(rate)
        if was_playing != self.playing:
            self.playingChanged.emit(self.playing)

    def close(self) -> None:
        self.pause()
        self._current, self._timing = None, None
        self._set_screen(Screen())
        if self._media is not None:
            self._media.stop()
            self._media.setSource(QUrl())


def _next_rate(current: float) -> float:
    for rate in SHUTTLE_RATES:
        if rate > current + 1e-6:
            return rate
    return SHUTTLE_RATES[-1]
