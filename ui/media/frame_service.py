"""Exact frames for the view, decoded on a dedicated thread.

The GUI asks for a frame index (or a time, or a step); the decode thread
always serves the newest request, so a held arrow key never queues up
stale work. Frames come back as ready-to-paint QImages.

Every open starts a new *generation*. Requests carry the generation they
were made in, and whatever the thread sends back (timing, frames,
failures) is dropped on the GUI thread unless it belongs to the file open
now: a slow decode of the previous file can never paint over the new one.
"""

from __future__ import annotations

import threading
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

import numpy as np
from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QImage

from reviewer.media.errors import MediaError

if TYPE_CHECKING:
    from reviewer.media.frame import Frame
    from reviewer.media.recording import Recording


def open_recording(paths: list[Path]) -> Recording:
    """Imported here, on the decode thread: PyAV and OpenCV stay off the first paint's path."""
    from reviewer.media.recording import Recording

    return Recording(paths)


@dataclass(frozen=True, eq=False)
class ShownFrame:
    """What the view paints: the engine's frame identity plus its pixels."""

    index: int
    pts_ms: int
    duration_ms: int
    chunk: int
    image: QImage
    pts: int = 0  # the stream timestamp, kept with tags as proof of the exact frame
    damaged: bool = False  # a grey placeholder at the right index/time: the file is broken here
    generation: int = 0  # which open of the service it belongs to


@dataclass(frozen=True, eq=False)
class Timing:
    """Frame start times (ms) of the open recording, for time ↔ frame maths on the GUI thread."""

    times_ms: np.ndarray
    duration_ms: int
    generation: int = 0
    indexes: tuple = ()  # each file's FrameIndex (read-only), so nothing scans a file twice

    def __len__(self) -> int:
        return int(self.times_ms.size)

    def index_at(self, t_ms: float) -> int:
        i = int(np.searchsorted(self.times_ms, t_ms, side="right")) - 1
        return min(max(i, 0), len(self) - 1)


@dataclass(frozen=True, eq=False)
class Failure:
    """A file that would not open, or a frame that would not decode (``index`` set)."""

    error: Exception
    generation: int
    index: int | None = None

    @property
    def during_open(self) -> bool:
        return self.index is None

    def message(self, lang: str) -> str:
        if isinstance(self.error, MediaError):
            return self.error.message(lang)
        return str(self.error) or type(self.error).__name__


def to_qimage(frame: Frame, max_width: int | None = None) -> QImage:
    bgr = np.ascontiguousarray(frame.to_bgr(max_width))
    h, w = bgr.shape[:2]
    # copy(): the QImage must own its pixels once the numpy buffer is gone.
    return QImage(bgr.data, w, h, bgr.strides[0], QImage.Format.Format_BGR888).copy()


class FrameService(QObject):
    """Owns the open recording; all decoding happens on its thread."""

    opened = Signal(object)  # Timing of the file open now
    frameReady = Signal(object)  # ShownFrame of the file open now
    failed = Signal(object)  # Failure of the file open now
    # What the decode thread sends; checked against the generation on the GUI thread.
    _sentTiming = Signal(object)
    _sentFrame = Signal(object)
    _sentFailure = Signal(object)

    def __init__(self, synchronous: bool = False, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._synchronous = synchronous
        self._cond = threading.Condition()
        self._request: tuple[str, object, int] | None = None
        self._recording: Recording | None = None  # decode thread only
        self._timing: Timing | None = None
        self._generation = 0
        self._target = 0
        self._start_ms = 0
        self._thread: threading.Thread | None = None
        self._stop = False
        self._display_width: int | None = None
        self._sentTiming.connect(self._accept_timing)
        self._sentFrame.connect(self._accept_frame)
        self._sentFailure.connect(self._accept_failure)

    # -- GUI-thread API ---------------------------------------------------

    @property
    def timing(self) -> Timing | None:
        """Frame times of the file open now; None while it opens or after it failed."""
        return self._timing

    @property
    def generation(self) -> int:
        return self._generation

    @property
    def target(self) -> int:
        """The frame most recently asked for (what a further step starts from)."""
        return self._target

    def open(self, paths: Sequence[Path], start_ms: int = 0) -> int:
        """Start opening ``paths`` at ``start_ms``; returns the new generation.

        Nothing older is shown after this.
        """
        self._generation += 1
        self._timing, self._target, self._start_ms = None, 0, start_ms
        self._post("open", (list(paths), start_ms))
        return self._generation

    def unload(self) -> int:
        """Let the open file go (it was replaced by one that cannot be opened); a new generation."""
        self._generation += 1
        self._timing, self._target = None, 0
        self._post("close", None)
        return self._generation

    def show_index(self, i: int) -> None:
        if self._timing is None:
            return  # nothing open yet: a step has no frame to go to
        self._target = min(max(i, 0), len(self._timing) - 1)
        self._post("index", self._target)

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
            self._post("index", self._target)

    def close(self) -> None:
        """Stop the decode thread and release the files; safe to call twice."""
        self._generation += 1
        self._timing = None
        with self._cond:
            self._stop = True
            self._cond.notify()
        if self._thread is not None:
            self._thread.join(timeout=30)
            self._thread = None
        self._release()

    # -- arrivals, on the GUI thread ----------------------------------------

    def _accept_timing(self, timing: Timing) -> None:
        if timing.generation == self._generation:
            self._timing = timing
            self._target = timing.index_at(self._start_ms)
            self.opened.emit(timing)

    def _accept_frame(self, frame: ShownFrame) -> None:
        if frame.generation == self._generation and self._timing is not None:
            self.frameReady.emit(frame)

    def _accept_failure(self, failure: Failure) -> None:
        if failure.generation == self._generation:
            if failure.during_open:
                self._timing = None
            self.failed.emit(failure)

    # -- the decode thread ------------------------------------------------

    def _post(self, kind: str, arg: object) -> None:
        request = (kind, arg, self._generation)
        if self._synchronous:
            self._handle(request)
            return
        with self._cond:
            # An open must not be overwritten by a frame request that follows it.
            pending = self._request
            if pending is None or pending[0] not in ("open", "close") or kind in ("open", "close"):
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

    def _handle(self, request: tuple[str, object, int]) -> None:
        kind, arg, generation = request
        if kind == "close":
            self._release()
            return
        if kind == "open":
            paths, start_ms = arg  # type: ignore[misc]
            try:
                timing = self._open(paths, generation)
            except Exception as exc:  # noqa: BLE001 - any failure is shown as the file's state
                self._release()
                self._sentFailure.emit(Failure(exc, generation))
                return
            arg = timing.index_at(start_ms)
        if self._recording is None:
            return
        index = int(arg)  # type: ignore[call-overload]
        try:
            frame = self._recording.frame(index)
        except Exception as exc:  # noqa: BLE001 - a frame that fails is shown as such, not skipped
            self._sentFailure.emit(Failure(exc, generation, index))
            return
        self._sentFrame.emit(_shown(frame, self._display_width, generation))

    def _open(self, paths: list[Path], generation: int) -> Timing:
        self._release()
        recording = open_recording(paths)
        self._recording = recording
        indexes = tuple(source.index for source in recording.sources)
        timing = Timing(recording.frame_times_ms(), recording.duration_ms, generation, indexes)
        self._sentTiming.emit(timing)
        return timing

    def _release(self) -> None:
        if self._recording is not None:
            self._recording.close()
            self._recording = None


def _shown(frame: Frame, max_width: int | None, generation: int) -> ShownFrame:
    image = to_qimage(frame, max_width)
    return ShownFrame(
        frame.index,
        frame.pts_ms,
        frame.duration_ms,
        frame.chunk,
        image,
        frame.pts,
        frame.damaged,
        generation,
    )
