"""One clip of the show, decoded ahead on its own thread: exact frames, redacted, screen-sized.

The frames are the ones an exact clip export keeps (``export.video.cut`` on the frame
index); faces no detection pass covered are found first, as an export does
(``redacted_video.complete_regions``), and every frame is mosaicked with the exports'
renderer before it is queued. The queue holds a short pre-roll, so a clip that is next
has its first frames ready before anyone presses a key. Once the pre-roll is queued the
same thread decodes the clip's sound (``present.sound``), so the sound never delays the
first picture; a clip whose sound is not ready when it starts gets it a moment later, at
the picture's time.
"""

from __future__ import annotations

import queue
import threading
from dataclasses import dataclass

import cv2
import numpy as np
from PySide6.QtGui import QImage

from reviewer.export import redacted_video, video
from reviewer.export.common import ExportOptions
from reviewer.media.index import FrameIndex, build_index
from reviewer.present import sound
from reviewer.present.plan import Slide
from reviewer.redact import render
from reviewer.redact.frames import walk
from reviewer.redact.model import NO_REGIONS, Regions

PREROLL = 8  # frames decoded ahead: a quarter of a second at 30 fps


@dataclass(frozen=True, eq=False)
class Shown:
    """A frame ready to paint: when it is due (ms from the clip's first frame) and its picture."""

    index: int  # the footage's frame number
    due_ms: int
    image: QImage
    pixels: np.ndarray  # keeps the QImage's memory alive


@dataclass(frozen=True)
class End:
    duration_ms: int  # the clip's length: its last frame stays up until then


@dataclass(frozen=True)
class Broken:
    error: Exception


class Indexes:
    """Frame indexes and completed regions shared by every feed of one show: a clip shown
    again (←) is not indexed or searched for faces again."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._built: dict[str, FrameIndex] = {}
        self._regions: dict[int, Regions] = {}  # per slide number
        self._sounds: dict[int, sound.Track] = {}  # per slide number
        self._finding: dict[int, threading.Lock] = {}  # one search for faces per slide

    def regions(self, slide: Slide, options: ExportOptions, flag: object) -> Regions:
        """The slide's regions, completed once (by whichever feed or preparer asks first)."""
        with self._lock:
            lock = self._finding.setdefault(slide.number, threading.Lock())
        with lock:
            found = self._regions.get(slide.number)
            if found is None:
                item = slide.item
                assert item is not None and item.source is not None
                index = self.get(str(item.source))
                found = redacted_video.complete_regions(item, index, video.cut(index, item, options),
                                                        flag)  # type: ignore[arg-type]
                self._regions[slide.number] = found
            return found

    def sound(self, slide: Slide, cut: video.Cut, options: ExportOptions) -> sound.Track:
        """The slide's sound, decoded once; silence when the footage has none or its sound
        cannot be decoded (the picture goes on)."""
        with self._lock:
            found = self._sounds.get(slide.number)
        if found is None:
            item = slide.item
            assert item is not None and item.source is not None
            try:
                found = sound.decode(item.source, cut.from_s, cut.duration_s,
                                     options.level_audio) if item.has_audio else sound.SILENT
            except Exception:  # noqa: BLE001 - a damaged sound track: the picture still plays
                found = sound.SILENT
            with self._lock:
                self._sounds[slide.number] = found
        return found

    def get(self, path: str) -> FrameIndex:
        with self._lock:
            found = self._built.get(path)
        if found is None:
            found = build_index(path)
            with self._lock:
                self._built[path] = found
        return found


class ClipFeed(threading.Thread):
    def __init__(self, slide: Slide, options: ExportOptions, size: tuple[int, int],
                 indexes: Indexes) -> None:
        super().__init__(name=f"show-clip-{slide.number}", daemon=True)
        self.slide, self.options, self.size, self.indexes = slide, options, size, indexes
        self.frames: queue.Queue[Shown | End | Broken] = queue.Queue(PREROLL)
        self.first: Shown | None = None  # the clip's first picture, for the presenter's "next"
        self.track: sound.Track | None = None  # the clip's sound, once decoded
        self.consumed = False  # its frames have started to play: a replay needs a new feed
        self._halt = threading.Event()

    @property
    def cancelled(self) -> bool:
        return self._halt.is_set()

    def stop(self) -> None:
        self._halt.set()
        while True:  # free a producer blocked on a full queue
            try:
                self.frames.get_nowait()
            except queue.Empty:
                break

    def run(self) -> None:
        try:
            self._produce()
        except Exception as exc:  # noqa: BLE001 - shown on the presenter's screen, the show goes on
            self._put(Broken(exc))

    def _produce(self) -> None:
        item = self.slide.item
        assert item is not None and item.source is not None
        index = self.indexes.get(str(item.source))
        cut = video.cut(index, item, self.options)
        regions = self._regions()
        origin = int(index.ms[cut.first])
        for queued, ref in enumerate(walk(item.source, index, cut.first, cut.last), start=1):
            if self.cancelled:
                return
            shown = self._picture(ref, regions, ref.t_ms - origin)
            if self.first is None:
                self.first = shown
            self._put(shown)
            if queued == PREROLL:
                self.track = self.indexes.sound(self.slide, cut, self.options)
        if self.track is None:
            self.track = self.indexes.sound(self.slide, cut, self.options)
        self._put(End(round(cut.duration_s * 1000)))

    def _regions(self) -> Regions:
        if not redacted_video.active(self.options):
            return NO_REGIONS
        return self.indexes.regions(self.slide, self.options, self)

    def _picture(self, ref, regions: Regions, due_ms: int) -> Shown:  # noqa: ANN001 - FrameRef
        image = fit(ref.picture().to_bgr(), self.size)  # OpenCV: releases the GIL
        if regions is not NO_REGIONS:
            render.bgr(image, regions.boxes_at(ref.t_ms), self.options.redact_style)  # type: ignore[arg-type]
        h, w = image.shape[:2]
        return Shown(ref.index, due_ms, QImage(image.data, w, h, w * 3, QImage.Format.Format_BGR888),
                     image)

    def _put(self, value: Shown | End | Broken) -> None:
        while not self.cancelled:
            try:
                self.frames.put(value, timeout=0.05)
                return
            except queue.Full:
                continue


class Preparer(threading.Thread):
    """Before and during the show: every clip's index and faces, in show order, so a clip's
    feed finds them ready (face detection never sits between a key and a picture)."""

    def __init__(self, slides: tuple[Slide, ...], options: ExportOptions, indexes: Indexes) -> None:
        super().__init__(name="show-prepare", daemon=True)
        self.slides, self.options, self.indexes = slides, options, indexes
        self._halt = threading.Event()

    @property
    def cancelled(self) -> bool:
        return self._halt.is_set()

    def stop(self) -> None:
        self._halt.set()

    def run(self) -> None:
        for slide in self.slides:
            if self.cancelled:
                return
            if slide.item is None or slide.item.source is None:
                continue
            try:
                self.indexes.get(str(slide.item.source))
                if redacted_video.active(self.options):
                    self.indexes.regions(slide, self.options, self)
            except Exception:  # noqa: BLE001, S112 - the clip's own feed reports its failure
                continue


def fit(image: np.ndarray, size: tuple[int, int]) -> np.ndarray:
    """Scaled to fit ``size`` (w, h) keeping its shape; the screen letterboxes it."""
    h, w = image.shape[:2]
    scale = min(size[0] / w, size[1] / h)
    if abs(scale - 1.0) < 1e-3:
        return np.ascontiguousarray(image)
    target = (max(2, round(w * scale)), max(2, round(h * scale)))
    method = cv2.INTER_AREA if scale < 1 else cv2.INTER_LINEAR
    return cv2.resize(image, target, interpolation=method)
