"""The background scan of the open recording and what the reviewer does with its findings.

Each file is scanned on a worker (or read from the cache) when it is opened; the
findings are classified with the reviewer's thresholds and drawn on the timeline's
lanes. Skippable stretches can be skimmed at 8x while playing, or marked reviewed all at
once; proposals are visited with P / Shift+P, accepted with a category key (the normal
tagging path) and dismissed with Del.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from pathlib import Path

from PySide6.QtCore import QObject, QSettings, Signal
from PySide6.QtGui import QColor

from reviewer.review import proposals, scan_cache, skippable
from reviewer.review.scan import Signals
from reviewer.review.skippable import Findings, Proposal, Stretch, Thresholds
from reviewer.store.model import Media
from ui.media.player import Player
from ui.project.session import ProjectSession
from ui.review.controller import OpenRecording, ReviewController
from ui.timeline.bands import Bands
from ui.workers import TaskRunner

SKIM_RATE = 8.0
SETTINGS = "scan"
COLOURS = {"dark": QColor(20, 20, 20), "frozen": QColor(70, 110, 170),
           "static": QColor(110, 130, 160), "scene": QColor(240, 200, 60),
           "speech": QColor(230, 120, 200)}


def thresholds() -> Thresholds:
    settings = QSettings()
    settings.beginGroup(SETTINGS)
    values = {k: settings.value(k) for k in settings.childKeys()}
    settings.endGroup()
    return Thresholds.from_mapping(values)


def save_thresholds(t: Thresholds) -> None:
    settings = QSettings()
    for name, value in t.__dict__.items():
        settings.setValue(f"{SETTINGS}/{name}", float(value))


@dataclass(frozen=True)
class Found:
    """One file's scan, placed on the recording's timeline."""

    media: Media
    offset_ms: int
    signals: Signals


class ScanKeeper(QObject):
    scanProgress = Signal(str, int, int)  # file name, done, total
    findingsChanged = Signal()
    notice = Signal(str)

    def __init__(self, session: ProjectSession, controller: ReviewController, player: Player,
                 tasks: TaskRunner, bands: Bands, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.session, self.controller, self.player = session, controller, player
        self.tasks, self.bands = tasks, bands
        self.thresholds = thresholds()
        self.found: dict[str, Found] = {}
        self.stretches: tuple[Stretch, ...] = ()  # on the recording's timeline
        self.proposals: tuple[Proposal, ...] = ()
        self.current: Proposal | None = None  # the proposal just visited with P
        self.skimming = False
        self._skim_from: float | None = None  # the speed to return to after a stretch
        self._jobs: list[int] = []
        self._names: dict[int, str] = {}
        self.closed = False
        tasks.progress.connect(self._progress)
        controller.recordingOpened.connect(self._opened)
        player.positionChanged.connect(self._skim)
        session.changed.connect(lambda changes: self.refresh() if changes.tags else None)

    # -- scanning -----------------------------------------------------------------

    def _opened(self, recording: OpenRecording) -> None:
        for job in self._jobs:
            self.tasks.cancel(job)
        self._jobs, self.found, self.current = [], {}, None
        self.refresh()
        for media, offset in zip(recording.media, recording.offsets_ms, strict=True):
            path = self.session.project.locate(media)
            if path is not None:
                self._submit(media, offset, path)

    def _submit(self, media: Media, offset: int, path: Path) -> None:
        def work(token, progress):  # noqa: ANN001, ANN202 - the TaskRunner's job shape
            return scan_cache.signals(path, media.fingerprint, lambda: token.cancelled,
                                      lambda d, t: progress(d, t))

        job = self.tasks.submit(work, on_done=lambda s: self._scanned(Found(media, offset, s)),
                                on_error=lambda exc: None)  # a file that will not scan: no lanes
        self._jobs.append(job)
        self._names[job] = media.name

    def _progress(self, job: int, done: int, total: int) -> None:
        if job in self._jobs:
            self.scanProgress.emit(self._names.get(job, ""), done, total)

    def close(self) -> None:
        """The window goes: a scan finishing later must not touch the closed project."""
        self.closed = True
        for job in self._jobs:
            self.tasks.cancel(job)

    def _scanned(self, found: Found) -> None:
        recording = self.controller.recording
        if self.closed or recording is None or found.media.id not in {m.id for m in recording.media}:
            return  # a scan of a file closed meanwhile
        self.found[found.media.id] = found
        self.refresh()

    def set_thresholds(self, t: Thresholds) -> None:
        self.thresholds = t
        save_thresholds(t)
        self.refresh()

    # -- findings -----------------------------------------------------------------

    def refresh(self) -> None:
        if self.closed:
            return
        stretches: list[Stretch] = []
        open_: list[Proposal] = []
        for f in self.found.values():
            findings = skippable.classify(f.signals, self.thresholds)
            stretches += [_shift(s, f.offset_ms) for s in findings.stretches]
            open_ += [_shift(p, f.offset_ms) for p in self._still_open(f, findings)]
        self.stretches = tuple(sorted(stretches, key=lambda s: s.start_ms))
        self.proposals = tuple(sorted(open_, key=lambda p: p.at_ms))
        self.bands.set_bands("skippable", [(s.start_ms, s.end_ms, COLOURS[s.kind])
                                           for s in self.stretches])
        self.bands.set_bands("proposals", [(p.at_ms, p.end_ms if p.kind == "speech" else p.at_ms,
                                            COLOURS[p.kind]) for p in self.proposals])
        self.findingsChanged.emit()

    def _still_open(self, f: Found, findings: Findings) -> tuple[Proposal, ...]:
        project = self.session.project
        starts = [t.start_ms for t in project.tags() if t.media_id == f.media.id]
        return proposals.still_open(findings.proposals, proposals.dismissed(project, f.media.id),
                                    starts)

    # -- skimming -----------------------------------------------------------------

    def toggle_skim(self) -> bool:
        self.skimming = not self.skimming
        if not self.skimming and self._skim_from is not None:
            self.player.play_at(self._skim_from)
            self._skim_from = None
        return self.skimming

    def _skim(self, ms: int) -> None:
        if not self.skimming or not self.player.playing or self.player.rate <= 0:
            return
        inside = any(s.start_ms <= ms < s.end_ms for s in self.stretches)
        if inside and self._skim_from is None:
            self._skim_from = self.player.rate
            self.player.play_at(SKIM_RATE)
        elif not inside and self._skim_from is not None:
            rate, self._skim_from = self._skim_from, None
            self.player.play_at(rate)

    # -- proposals ----------------------------------------------------------------

    def visit(self, direction: int) -> Proposal | None:
        """Go to the next (or previous) open proposal; it is then the one Del dismisses."""
        here = self.player.position_ms()
        ahead = [p for p in self.proposals if (p.at_ms > here if direction > 0 else p.at_ms < here)]
        if not ahead:
            return None
        self.current = ahead[0] if direction > 0 else ahead[-1]
        self.player.seek_ms(self.current.at_ms)
        return self.current

    def dismiss_current(self) -> bool:
        """Del on a visited proposal dismisses it (False: Del is the tag table's)."""
        recording, proposal = self.controller.recording, self.current
        if recording is None or proposal is None or proposal not in self.proposals:
            return False
        if abs(self.player.position_ms() - proposal.at_ms) > 1000:
            self.current = None  # the reviewer moved on: Del means the selected tag again
            return False
        media, local = recording.locate(proposal.at_ms)
        offset = recording.global_ms(media.id, 0) or 0
        proposals.dismiss(self.session.project, media.id,
                          replace(proposal, at_ms=local, end_ms=proposal.end_ms - offset))
        self.current = None
        self.refresh()
        return True


def _shift(x, offset: int):  # noqa: ANN001, ANN202 - a Stretch or a Proposal
    if isinstance(x, Stretch):
        return replace(x, start_ms=x.start_ms + offset, end_ms=x.end_ms + offset)
    return replace(x, at_ms=x.at_ms + offset, end_ms=x.end_ms + offset)
