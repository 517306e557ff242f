"""Feeds the timeline's filmstrip from the engine's FilmstripJob, one picture at a time."""

from __future__ import annotations

import numpy as np
from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QImage

from reviewer.media.errors import MediaError
from reviewer.media.filmstrip import FilmstripJob, Thumbnail

SLOTS_PER_RECORDING = 60


def _qimage(array: np.ndarray) -> QImage:
    array = np.ascontiguousarray(array)
    h, w = array.shape[:2]
    return QImage(array.data, w, h, array.strides[0], QImage.Format.Format_BGR888).copy()


class FilmstripFeeder(QObject):
    """One job per chunk; thumbnails arrive on worker threads and cross by queued signal."""

    thumbnail = Signal(int, int, object)  # start ms, end ms, QImage
    failed = Signal(object)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._jobs: list[FilmstripJob] = []

    def start(self, paths: list, offsets_ms: list[int], durations_ms: list[int]) -> None:
        self.cancel()
        total = max(1, sum(durations_ms))
        for path, offset, duration in zip(paths, offsets_ms, durations_ms, strict=True):
            count = max(2, round(SLOTS_PER_RECORDING * duration / total))
            self._jobs.append(self._job(path, offset, duration, count).start())

    def _job(self, path, offset: int, duration: int, count: int) -> FilmstripJob:
        slot = duration / count

        def deliver(thumb: Thumbnail) -> None:
            start = offset + int(thumb.slot * slot)
            self.thumbnail.emit(start, offset + int((thumb.slot + 1) * slot), _qimage(thumb.image))

        return FilmstripJob(path, count, width=160, on_thumb=deliver)

    def cancel(self) -> None:
        jobs, self._jobs = self._jobs, []
        for job in jobs:
            job.cancel()
        for job in jobs:
            try:
                job.result(timeout=30)
            except MediaError as exc:
                self.failed.emit(exc)
