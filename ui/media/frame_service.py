"""Exact frames for the view, decoded on a dedicated thread.

The GUI asks for a frame index (or a time, or a step); the decode thread
always serves the newest request, so a held arrow key never queues up
stale work. Frames come back as ready-to-paint QImages.
"""

from __future__ import annotations

import threading
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

import numpy as np
from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QImage

from reviewer.media.errors import MediaError
from reviewer.media.frame import Frame
from reviewer.media.recording import Recording


@dataclass(frozen=True, eq=False)
class ShownFrame:
    """What the view paints: the engine's frame identity plus its pixels."""

    index: int
    pts_ms: int
    duration_ms: int
    chunk: int
    image: QImage
    pts: int = 0  # the stream timestamp, kept with tags as proof of the exact frame


@dataclass(frozen=True, eq=False)
class Timing:
    """Frame start times (ms) of the open recording, for time ↔ frame maths on the GUI thread."""

    times_ms: np.ndarray
    duration_ms: int

    def __len__(self) -> int:
        return int(self.times_ms.size)

    def index_at(self, t_ms: float) -> int:
        i = int(np.searchsorted(self.times_ms, t_ms, side="right")) - 1
        return min(max(i, 0), len(self) - 1)


def to_qimage(frame: Frame, max_width: int | None = None) -> QImage:
    bgr = np.ascontiguousarray(frame.to_bgr(max_width))
    h, w = bgr.shape[:2]
    # copy(): the QImage must own its pixels once the numpy buffer is gone.
    return QImage(bgr.data, w, h, bgr.strides[0], QImage.Format.Format_BGR888).copy()


class FrameService(QObject):
    """Owns the open recording; all decoding happens on its thread."""

    opened = Signal(object)  # Timing
    frameReady = Signal(object)  # ShownFrame
    failed = Signal(object)  # MediaError
    closed = Signal()

    def __init__(self, synchronous: bool = False, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._synchronous = synchronous
        self._cond = threading.Condition()
        self._request: tuple[str, object] | None = None
        self._recording: Recording | None = None
        self._timing: Timing | None = None
        self._target = 0
        self._thread: threading.Thread | None = None
        self._stop = False
        self._display_width: int | None = None

    # -- GUI-thread API ---------------------------------------------------

    @property
    def timing(self) -> Timing | None:
        return self._timing

    @property
    def target(self) -> int:
        """The frame most recently asked for (what a further step starts from)."""
        return self._target

    def open(self, paths: Sequence[Path]) -> None:
        self._post(("open", list(paths)))

    def show_index(self, i: int) -> None:
        if self._timing is not None:
            self._target = min(max(i, 0), len(self._timing) - 1)
        self._post(("index", self._target))

    def show_time(self, t_ms: float) -> None:
        if self._timing is not None:
            self.show_index(self._timing.index_at(t_ms))

    def step(self, delta: int) -> None:
        self.show_index(self._target + delta)

    def set_display_width(self, width: int | None) -> None:
        """Scale frames to the view (None: full resolution, for zooming in on a detail).

        A display-sized copy is what makes a 1080p step paint within a frame
        period on a laptop; the engine's frame and its time are unchanged.
        """
        if width == self._display_width:
            return
        sharper = width is None or (self._display_width is not None and width > self._display_width)
        self._display_width = width
        if sharper and self._timing is not None:
            self._post(("index", self._target))

    def close(self) -> None:
        """Stop the decode thread and release the files; safe to call twice."""
        with self._cond:
            self._stop = True
            self._cond.notify()
        if self._thread is not None:
            self._thread.join(timeout=30)
            self._thread = None
        self._release()

    # -- the decode thread ------------------------------------------------

    def _post(self, request: tuple[str, object]) -> None:
        if self._synchronous:
            self._handle(request)
            return
        with self._cond:
            # An open must not be overwritten by a frame request that follows it.
            if self._request is None or self._request[0] != "open" or request[0] == "open":
                self._request = request
            self._cond.notify()
        if self._thread is None:
            self._stop = False
            self._thread = threading.Thread(target=self._loop, name="frame-service", daemon=True)
            self._thread.start()

    def _loop(self) -> None:
        while True:
            with self._cond:
                while self._request is None and not self._stop:
                    self._cond.wait()
                if self._stop:
                    return
                request, self._request = self._request, None
            self._handle(request)

    def _handle(self, request: tuple[str, object]) -> None:
        kind, arg = request
        try:
            if kind == "open":
                self._open(arg)  # type: ignore[arg-type]
            elif self._recording is not None:
                frame = self._recording.frame(int(arg))  # type: ignore[call-overload]
                self.frameReady.emit(_shown(frame, self._display_width))
        except MediaError as exc:
            self.failed.emit(exc)

    def _open(self, paths: list[Path]) -> None:
        self._release()
        recording = Recording(paths)
        times = recording.frame_times_ms()
        self._recording, self._target = recording, 0
        self._timing = Timing(times, recording.duration_ms)
        self.opened.emit(self._timing)
        self.frameReady.emit(_shown(recording.frame(0), self._display_width))

    def _release(self) -> None:
        if self._recording is not None:
            self._recording.close()
            self._recording = None


def _shown(frame: Frame, max_width: int | None = None) -> ShownFrame:
    image = to_qimage(frame, max_width)
    return ShownFrame(frame.index, frame.pts_ms, frame.duration_ms, frame.chunk, image, frame.pts)
