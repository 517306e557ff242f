"""Keeps what the reviewer watched in the project, without a write per frame.

New spans collect in memory and are written together every few seconds (one short
transaction on the GUI thread, like every edit), when another file is opened, and when
the window closes. A crash loses at most the last ``FLUSH_MS`` of *coverage*; tags are
committed the moment they are made, as always (ADR 0016).
"""

from __future__ import annotations

from PySide6.QtCore import QObject, QTimer, Signal

from reviewer.review import watched
from reviewer.review.coverage import Coverage
from reviewer.store.errors import StoreError
from ui.project.session import ProjectSession
from ui.review.controller import OpenRecording, ReviewController

FLUSH_MS = 5000


class CoverageKeeper(QObject):
    sharesChanged = Signal(object)  # {media id: covered share 0–1}, for the media bin

    def __init__(self, session: ProjectSession, controller: ReviewController,
                 parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.session, self.controller = session, controller
        self.recording: OpenRecording | None = None
        self.pending: dict[tuple[str, str], Coverage] = {}
        self.writes = 0  # transactions written (tests and the benchmark read it)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(FLUSH_MS)
        self._timer.timeout.connect(self.flush)
        controller.recordingOpened.connect(self._opened)
        controller.watched.connect(lambda a, b: self.add(a, b, "watched"))

    # -- in -----------------------------------------------------------------------

    def _opened(self, recording: OpenRecording) -> None:
        self.flush()
        self.recording = recording
        stored = Coverage()
        for media, offset in zip(recording.media, recording.offsets_ms, strict=True):
            mine = watched.union(watched.load(self.session.project, media.id))
            stored = watched.merged(stored, _shifted(mine, offset))
        self.controller.seed(stored)
        self.sharesChanged.emit(self.shares())

    def add(self, start_ms: int, end_ms: int, kind: str) -> None:
        """A stretch of the open recording's timeline (ms), split over its files."""
        if self.recording is None or end_ms <= start_ms:
            return
        for media, offset in zip(self.recording.media, self.recording.offsets_ms, strict=True):
            lo, hi = max(start_ms, offset), min(end_ms, offset + media.duration_ms)
            if lo < hi or (lo == hi and media.duration_ms == 0):
                key = (media.id, kind)
                self.pending[key] = self.pending.get(key, Coverage()).add(lo - offset, hi - offset)
        if not self._timer.isActive():
            self._timer.start()

    def mark(self, spans: list[tuple[int, int]]) -> int:
        """Stretches reviewed without watching (dark, frozen): covered at once, kept as such."""
        done = 0
        for start, end in spans:
            self.add(start, end, "marked")
            self.controller.seed(Coverage().add(start, end))
            done += end - start
        self.flush()
        return done

    # -- out ----------------------------------------------------------------------

    def flush(self) -> None:
        """Write what collected; a failed write keeps it for the next try (nothing is dropped)."""
        self._timer.stop()
        if self.session.busy:  # a merge is being undone: written once it is done
            self._timer.start()
            return
        if not self.pending or self.session.read_only:
            return
        try:
            watched.record(self.session.project, self.pending)
        except StoreError:
            self._timer.start()  # the disk is full or gone: the save banner says so for edits
            return
        self.pending = {}
        self.writes += 1
        self.sharesChanged.emit(self.shares())

    def shares(self) -> dict[str, float]:
        return watched.shares(self.session.project)


def _shifted(coverage: Coverage, offset: int) -> Coverage:
    return Coverage(tuple((s + offset, e + offset) for s, e in coverage.spans))
