"""Feeds the timeline's filmstrip from the engine's FilmstripJob, one picture at a time.

As many pictures as fit the timeline's width (a screenful), their slots
announced at once so the timeline shows placeholders; pictures arrive left
to right as two workers decode keyframes, from the disk cache when seen before.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import numpy as np
from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QImage

from reviewer.media.errors import MediaError

if TYPE_CHECKING:
    from reviewer.media.filmstrip import FilmstripJob, Thumbnail

MIN_SLOTS, MAX_SLOTS = 4, 60


def _qimage(array: np.ndarray) -> QImage:
    array = np.ascontiguousarray(array)
    h, w = array.shape[:2]
    return QImage(array.data, w, h, array.strides[0], QImage.Format.Format_BGR888).copy()


class FilmstripFeeder(QObject):
    """One job per chunk; thumbnails arrive on worker threads and cross by queued signal."""

    thumbnail = Signal(int, int, object)  # start ms, end ms, QImage
    planned = Signal(list)  # [(start ms, end ms)] of every slot, before any picture
    failed = Signal(object)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._jobs: list[FilmstripJob] = []
        self._files: list[tuple] = []
        self._counts: list[int] = []

    def plan(
        self, paths: list, offsets_ms: list[int], durations_ms: list[int], slots: int = 20
    ) -> None:
        """Announce the slots at once (placeholders); pictures follow from :meth:`start`.

        ``slots``: how many pictures fit the timeline side by side.
        """
        self.cancel()
        total = max(1, sum(durations_ms))
        wanted = min(max(slots, MIN_SLOTS), MAX_SLOTS)
        plan, self._counts = [], []
        self._files = list(zip(paths, offsets_ms, durations_ms, strict=True))
        for _path, offset, duration in self._files:
            count = max(2, round(wanted * duration / total))
            slot = duration / count  # the same sums as the thumbnails' keys in _job
            plan += [(offset + int(k * slot), offset + int((k + 1) * slot)) for k in range(count)]
            self._counts.append(count)
        self.planned.emit(plan)

    def start(self, indexes: tuple = ()) -> None:
        """Decode the planned pictures; ``indexes`` (one per file) spares a second scan."""
        for k, ((path, offset, duration), count) in enumerate(zip(self._files, self._counts, strict=True)):
            index = indexes[k] if k < len(indexes) else None
            self._jobs.append(self._job(path, offset, duration, count, index).start())

    def _job(self, path, offset: int, duration: int, count: int, index=None) -> FilmstripJob:
        slot = duration / count

        def deliver(thumb: Thumbnail) -> None:
            start = offset + int(thumb.slot * slot)
            self.thumbnail.emit(start, offset + int((thumb.slot + 1) * slot), _qimage(thumb.image))

        from reviewer.media.filmstrip import FilmstripJob  # PyAV: only once footage is opened

        return FilmstripJob(path, count, width=160, on_thumb=deliver, index=index)

    def cancel(self) -> None:
        jobs, self._jobs = self._jobs, []
        for job in jobs:
            job.cancel()
        for job in jobs:
            try:
                job.result(timeout=30)
            except MediaError as exc:
                self.failed.emit(exc)
