"""The show's sound: each clip's own track through one QAudioSink in push mode.

Which sample plays when is the core's :class:`reviewer.present.sound.Feeder`; this module
only owns the device. A computer without a sound output shows the picture alone (the
presenter view says so). Title cards are silent, B (black) holds the sound with the
picture, and stopping drops whatever the device still had queued.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Protocol

from PySide6.QtCore import QIODevice
from PySide6.QtMultimedia import QAudio, QAudioFormat, QAudioSink, QMediaDevices

from reviewer.present.sound import CHANNELS, FRAME_BYTES, RATE, Feeder, Sink, Track

BUFFER_MS = 200  # the device keeps playing through a GUI stall this long


class Output(Sink, Protocol):
    def suspend(self) -> None: ...

    def resume(self) -> None: ...

    def stop(self) -> None: ...


class QtSink:
    """:class:`Sink` over a QAudioSink (48 kHz stereo 16-bit)."""

    def __init__(self, audio: QAudioSink) -> None:
        self.audio = audio
        self.audio.setBufferSize(RATE * FRAME_BYTES * BUFFER_MS // 1000)
        self.io: QIODevice | None = None

    def restart(self) -> None:
        self.stop()
        self.io = self.audio.start()

    def free(self) -> int:
        return int(self.audio.bytesFree()) if self.io is not None else 0

    def write(self, data: bytes) -> int:
        return max(0, int(self.io.write(data))) if self.io is not None else 0

    def played_ms(self) -> float:
        return self.audio.processedUSecs() / 1000 if self.io is not None else 0.0

    def suspend(self) -> None:
        if self.io is not None:
            self.audio.suspend()

    def resume(self) -> None:
        if self.io is not None and self.audio.state() == QAudio.State.SuspendedState:
            self.audio.resume()

    def stop(self) -> None:
        """At once: what the device still had queued is dropped."""
        if self.io is not None:
            self.audio.reset()
            self.audio.stop()
            self.io = None


def default_output() -> QtSink | None:
    """The system's default sound output, or None when there is none that takes our PCM."""
    device = QMediaDevices.defaultAudioOutput()
    if device.isNull():
        return None
    wanted = QAudioFormat()
    wanted.setSampleRate(RATE)
    wanted.setChannelCount(CHANNELS)
    wanted.setSampleFormat(QAudioFormat.SampleFormat.Int16)
    if not device.isFormatSupported(wanted):
        return None
    return QtSink(QAudioSink(device, wanted))


class ShowSound:
    """The sound of the slide on screen: one track at a time, fed on the show's clock."""

    def __init__(self, make_output: Callable[[], Output | None] = default_output) -> None:
        self._make_output = make_output
        self._output: Output | None = None
        self._tried = False
        self.feeder: Feeder | None = None
        self.slide = -1  # the slide whose track is playing

    @property
    def available(self) -> bool:
        """False once it is known that this computer has no sound output."""
        return self._output is not None or not self._tried

    def play(self, slide: int, track: Track, elapsed_ms: float) -> None:
        output = self._open()
        if output is None:
            return
        self.slide = slide
        self.feeder = Feeder(track, output)
        self.feeder.start(elapsed_ms)

    def tick(self, elapsed_ms: float) -> None:
        if self.feeder is not None:
            self.feeder.feed(elapsed_ms)

    def pause(self) -> None:
        if self._output is not None and self.feeder is not None:
            self._output.suspend()

    def resume(self) -> None:
        if self._output is not None and self.feeder is not None:
            self._output.resume()

    def stop(self) -> None:
        self.feeder, self.slide = None, -1
        if self._output is not None:
            self._output.stop()

    def _open(self) -> Output | None:
        if not self._tried:
            self._tried = True
            self._output = self._make_output()
        return self._output
