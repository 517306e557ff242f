"""The show's clock: which slide is up, which frame is due, what is decoded ahead.

A precise timer checks the clock every few ms and swaps in the frame whose time has
come; a clip's clock starts when its first frame is painted, so a key press never eats
its beginning. The next and the previous clip are always decoding their first frames
(``feed.PREROLL``), so "next" shows a picture on the following tick. The clip's own sound
(``sound.ShowSound``) is fed on the same clock from the same tick; title cards are silent,
pause and black hold it, leaving stops it at once.
"""

from __future__ import annotations

import queue
import time

from PySide6.QtCore import QObject, Qt, QTimer, Signal

from reviewer.export.common import ExportOptions
from reviewer.present.plan import Slide
from ui.present.feed import Broken, ClipFeed, End, Indexes, Preparer, Shown
from ui.present.sound import ShowSound

TICK_MS = 4


class ShowPlayer(QObject):
    changed = Signal()  # the picture or the state changed: repaint
    slideChanged = Signal(int)  # 0-based slide index
    finished = Signal()

    def __init__(self, slides: tuple[Slide, ...], options: ExportOptions, size: tuple[int, int],
                 parent: QObject | None = None, sound: ShowSound | None = None) -> None:
        super().__init__(parent)
        self.slides, self.options, self.size = slides, options, size
        self.sound = sound or ShowSound()
        self.indexes = Indexes()
        self.feeds: dict[int, ClipFeed] = {}
        self.at = -1
        self.frame: Shown | None = None  # on screen now
        self.error: Exception | None = None  # the clip on screen could not be played
        self.paused = self.black = self.ended = False
        self.pressed_at: float | None = None  # a key press waiting for its first frame
        self.first_frame_ms: list[float] = []  # key press → first frame painted, per press
        self._started: float | None = None  # when the slide's clock started
        self._paused_at: float | None = None
        self._waiting: Shown | End | Broken | None = None
        self._end_ms: int | None = None
        self._timer = QTimer(self)
        self._timer.setTimerType(Qt.TimerType.PreciseTimer)
        self._timer.setInterval(TICK_MS)
        self._timer.timeout.connect(self._tick)

    # -- moving -------------------------------------------------------------------

    def start(self, at: int = 0) -> None:
        self._preparer = Preparer(self.slides, self.options, self.indexes)
        self._preparer.start()
        self.sound.open()
        self.go(at)
        self._timer.start()

    def go(self, at: int) -> None:
        if not self.slides:
            return
        if at >= len(self.slides):
            self._end()
            return
        self.sound.mute()  # a title card is silent; the next clip starts its own
        self.at, self.ended, self.error = max(0, at), False, None
        self.frame, self._waiting, self._end_ms = None, None, None
        self._started = time.perf_counter() if self.current.is_title else None
        self._paused_at = time.perf_counter() if self.paused else None
        self._keep_feeds()
        self.slideChanged.emit(self.at)
        self.changed.emit()

    def step(self, delta: int) -> None:
        """A key (next / previous): its first frame's arrival is measured."""
        self.pressed_at = time.perf_counter()
        self.go(max(0, min(len(self.slides), self.at + delta)))

    @property
    def current(self) -> Slide:
        return self.slides[self.at]

    def _keep_feeds(self) -> None:
        """Decode the slide on screen and its neighbours; stop every other feed."""
        wanted = {k for k in (self.at - 1, self.at, self.at + 1)
                  if 0 <= k < len(self.slides) and not self.slides[k].is_title}
        for k in list(self.feeds):
            if k not in wanted or (self.feeds[k].consumed and k != self.at):
                self.feeds.pop(k).stop()
        if self.at in self.feeds and self.feeds[self.at].consumed:
            self.feeds.pop(self.at).stop()  # played before: from its first frame again
        for k in sorted(wanted - set(self.feeds), key=lambda k: k != self.at):
            feed = ClipFeed(self.slides[k], self.options, self.size, self.indexes)
            self.feeds[k] = feed
            feed.start()

    def toggle_pause(self) -> None:
        now = time.perf_counter()
        if self.paused and self._paused_at is not None and self._started is not None:
            self._started += now - self._paused_at
        self._paused_at = None if self.paused else now
        self.paused = not self.paused
        self.sound.pause() if self.paused else self.sound.resume()
        self.changed.emit()

    def toggle_black(self) -> None:
        self.black = not self.black
        if self.black != self.paused:
            self.toggle_pause()  # black holds the show where it is, as slides do
        self.changed.emit()

    def _end(self) -> None:
        self.sound.mute()
        self.at, self.ended, self.frame = len(self.slides), True, None
        self._keep_feeds_none()
        self.changed.emit()
        self.slideChanged.emit(self.at)

    def _keep_feeds_none(self) -> None:
        for feed in self.feeds.values():
            feed.stop()
        self.feeds.clear()

    # -- the clock ----------------------------------------------------------------

    def elapsed_ms(self) -> float:
        if self._started is None:
            return 0.0
        now = self._paused_at if self._paused_at is not None else time.perf_counter()
        return (now - self._started) * 1000

    def _tick(self) -> None:
        if self.ended or self.paused or self.at < 0:
            return
        slide = self.current
        if slide.is_title:
            self.sound.tick()  # silence
            if self.elapsed_ms() >= slide.duration_ms:
                self.go(self.at + 1)
            return
        feed = self.feeds.get(self.at)
        self._play(feed)
        self._sound(feed)

    def _sound(self, feed: ClipFeed | None) -> None:
        """The clip's sound, from when its clock runs (its first frame is on screen)."""
        if feed is None or self._started is None or self.ended or self.error is not None:
            self.sound.tick()  # silence until the picture's clock runs
        elif self.sound.slide == self.at:
            self.sound.tick(self.elapsed_ms())
        elif feed.track is not None:
            self.sound.play(self.at, feed.track, self.elapsed_ms())
        else:
            self.sound.tick()

    def _play(self, feed: ClipFeed | None) -> None:
        if feed is None:
            return
        shown = None
        while True:
            item = self._waiting or self._pull(feed)
            if item is None:
                break
            if isinstance(item, Broken):
                self.error, self._waiting = item.error, None
                self.changed.emit()
                return
            if isinstance(item, End):
                self._waiting, self._end_ms = item, item.duration_ms
                break
            if self._started is not None and item.due_ms > self.elapsed_ms():
                self._waiting = item  # not yet
                break
            self._waiting, shown = None, item
            if self._started is None:
                self._started = time.perf_counter() - item.due_ms / 1000
        if shown is not None:
            self.frame = shown
            self.changed.emit()
        if self._end_ms is not None and self._started is not None and \
                self.elapsed_ms() >= self._end_ms:
            self.go(self.at + 1)

    def _pull(self, feed: ClipFeed) -> Shown | End | Broken | None:
        try:
            item = feed.frames.get_nowait()
        except queue.Empty:
            return None
        feed.consumed = True
        return item

    def painted(self) -> None:
        """The screen painted ``frame``: close a pending key-press measurement."""
        if self.pressed_at is not None and (self.ended or self.frame is not None
                                            or self.current.is_title):
            self.first_frame_ms.append((time.perf_counter() - self.pressed_at) * 1000)
            self.pressed_at = None

    def stop(self) -> None:
        """Stop the clock and every decoder, and wait for their threads (a face search stops
        at its next frame)."""
        self._timer.stop()
        self.sound.close()
        threads = list(self.feeds.values())
        preparer = getattr(self, "_preparer", None)
        if preparer is not None:
            preparer.stop()
            threads.append(preparer)
        self._keep_feeds_none()
        for thread in threads:
            thread.join(timeout=5)
