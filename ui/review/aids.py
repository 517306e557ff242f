"""Wires what helps a reviewer get through hours of footage into the review window (#16):
coverage kept in the project (timeline, media bin), the background scan's lanes, and the
keys U (next unwatched), Ctrl+U (mark skippable reviewed), Shift+U (skim them at 8x),
P / Shift+P (proposals; Del dismisses one). The window calls ``install(self)`` once.
"""

from __future__ import annotations

from PySide6.QtCore import QObject

from reviewer.timecode import format_ms
from ui.review.coverage_keeper import CoverageKeeper
from ui.review.scan_keeper import ScanKeeper
from ui.workers import TaskRunner

ACTIONS = ("next_unwatched", "mark_skippable", "skim_skippable", "next_proposal",
           "previous_proposal")


class ReviewAids(QObject):
    def __init__(self, window) -> None:  # noqa: ANN001 - the ReviewWindow
        super().__init__(window)
        self.window = window
        self.coverage = CoverageKeeper(window.session, window.controller, self)
        # Its own worker: scanning an hour of footage must not hold up exports or hashing.
        self.tasks = TaskRunner(1, getattr(window.tasks, "_synchronous", False), self)
        self.scan = ScanKeeper(window.session, window.controller, window.player, self.tasks,
                               window.timeline.bands, self)
        self.coverage.sharesChanged.connect(window.bin.set_shares)
        self.scan.scanProgress.connect(self._progress)
        window.bin.set_shares(self.coverage.shares())
        self.actions = {"next_unwatched": self.next_unwatched,
                        "mark_skippable": self.mark_skippable,
                        "skim_skippable": self.skim,
                        "next_proposal": lambda: self.visit(+1),
                        "previous_proposal": lambda: self.visit(-1)}

    def _say(self, text: str) -> None:
        self.window.statusBar().showMessage(text, 6000)
        self.window.view.show_osd(text)

    def _progress(self, name: str, done: int, total: int) -> None:
        if done < total:
            share = 100 * done // max(1, total)
            self.window.statusBar().showMessage(
                self.tr("Scanning %1 for dark and frozen stretches: %2%").replace("%1", name)
                .replace("%2", str(share)), 3000)

    def next_unwatched(self) -> None:
        c = self.window.controller
        timing = c.timing
        if c.recording is None or timing is None:
            return
        gaps = [g for g in c.coverage.gaps(timing.duration_ms) if g[1] - g[0] >= 200]
        here = self.window.player.position_ms()
        ahead = [g for g in gaps if g[0] > here + 50] or gaps
        if not ahead:
            self._say(self.tr("Everything in this file has been watched"))
            return
        self.window.player.seek_ms(ahead[0][0])
        left = sum(e - s for s, e in gaps)
        self._say(self.tr("Next unwatched stretch: %1 (%2 left to watch)")
                  .replace("%1", format_ms(ahead[0][0])).replace("%2", format_ms(left)))

    def mark_skippable(self) -> None:
        stretches = self.scan.stretches
        if not stretches:
            self._say(self.tr("No dark or frozen stretches found in this file (yet)"))
            return
        done = self.coverage.mark([(s.start_ms, s.end_ms) for s in stretches])
        self._say(self.tr("Marked %1 dark or frozen stretch(es) reviewed (%2)")
                  .replace("%1", str(len(stretches))).replace("%2", format_ms(done)))

    def skim(self) -> None:
        on = self.scan.toggle_skim()
        self._say(self.tr("Dark and frozen stretches play at 8×") if on
                  else self.tr("Dark and frozen stretches play at normal speed"))

    def visit(self, direction: int) -> None:
        found = self.scan.visit(direction)
        if found is None:
            self._say(self.tr("No more proposals in this direction"))
            return
        what = self.tr("scene change") if found.kind == "scene" else self.tr("speech")
        self._say(self.tr("Proposal: %1 — a category key tags this frame, Del dismisses it")
                  .replace("%1", what))

    def dismiss(self) -> bool:
        if self.scan.dismiss_current():
            self._say(self.tr("Proposal dismissed"))
            return True
        return False

    def shutdown(self) -> None:
        self.scan.close()
        self.tasks.shutdown()
        self.coverage.flush()


def install(window) -> ReviewAids:  # noqa: ANN001
    return ReviewAids(window)
