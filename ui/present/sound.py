"""The show's sound: each clip's own track through one QAudioSink in push mode.

Which sample plays when is the core's :class:`reviewer.present.sound.Feeder`; this module
only owns the device. A computer without a sound output shows the picture alone (the
presenter view says so). Title cards are silent, B (black) holds the sound with the
picture, and leaving drops whatever the device still had queued.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Protocol

from PySide6.QtCore import QIODevice
from PySide6.QtMultimedia import QAudioFormat, QAudioSink, QMediaDevices

from reviewer.present.sound import CHANNELS, FRAME_BYTES, RATE, Feeder, Sink, Stream, Track

BUFFER_MS = 400  # room for the lead and for a GUI stall; the lead is what is kept queued


class Output(Sink, Protocol):
    def start(self) -> None: ...

    def suspend(self) -> None: ...

    def resume(self) -> None: ...

    def stop(self) -> None: ...


class QtSink:
    """:class:`Sink` over a QAudioSink (48 kHz stereo 16-bit)."""

    def __init__(self, audio: QAudioSink) -> None:
        self.audio = audio
        self.audio.setBufferSize(RATE * FRAME_BYTES * BUFFER_MS // 1000)
        self.io: QIODevice | None = None

    def start(self) -> None:
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
        if self.io is not None:
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
    """The show's one stream: opened when the show starts (the device's start-up delay is
    spent on the first title card or pre-roll), the slide's track or silence fed on every
    tick, held by pause and black, dropped at once when the show stops."""

    def __init__(self, make_output: Callable[[], Output | None] = default_output) -> None:
        self._make_output = make_output
        self.output: Output | None = None
        self.stream: Stream | None = None
        self.feeder: Feeder | None = None
        self.slide = -1  # the slide whose track is playing
        self.opened = False

    @property
    def available(self) -> bool:
        """False once it is known that this computer has no sound output."""
        return self.stream is not None or not self.opened

    def open(self) -> None:
        if self.opened:
            return
        self.opened = True
        self.output = self._make_output()
        if self.output is not None:
            self.output.start()
            self.stream = Stream(self.output)

    def play(self, slide: int, track: Track, elapsed_ms: float) -> None:
        """Slide ``slide``'s track from the picture's time ``elapsed_ms``."""
        if self.stream is None:
            return
        self.slide = slide
        self.feeder = Feeder(track, self.stream, elapsed_ms)

    def tick(self, elapsed_ms: float | None = None) -> None:
        """The clip's sound (``elapsed_ms``: its picture's time), or silence."""
        if self.feeder is not None and elapsed_ms is not None:
            self.feeder.feed(elapsed_ms)
        elif self.stream is not None:
            self.stream.silence()

    def mute(self) -> None:
        """The clip's sound ends here (another slide); the stream goes on with silence."""
        self.feeder, self.slide = None, -1

    def pause(self) -> None:
        if self.output is not None:
            self.output.suspend()

    def resume(self) -> None:
        if self.output is not None:
            self.output.resume()

    def close(self) -> None:
        self.mute()
        if self.output is not None:
            self.output.stop()
        self.stream = None
