"""Python's cyclic garbage collector runs on the GUI thread only.

The collector runs in whichever thread happens to allocate when a threshold is crossed.
The app has decode, prefetch, scan and worker threads; if the collector runs in one of
them and frees a cycle that holds a Qt widget, the widget's C++ destructor runs off the
GUI thread while the GUI thread may be walking the widget list: a crash (seen in the test
suite as a segfault inside ``QApplication.topLevelWidgets``). Anki met the same and runs
the collector from a GUI-thread timer; so do we.
"""

from __future__ import annotations

import gc

from PySide6.QtCore import QObject, QTimer
from PySide6.QtWidgets import QApplication

_INTERVAL_MS = 500


class GuiThreadCollector(QObject):
    """Disables automatic collection and collects, by the usual thresholds, from a timer."""

    def __init__(self, app: QApplication) -> None:
        super().__init__(app)
        gc.disable()
        self._timer = QTimer(self)
        self._timer.timeout.connect(self.tick)
        self._timer.start(_INTERVAL_MS)

    def tick(self) -> None:
        counts, limits = gc.get_count(), gc.get_threshold()
        if counts[0] < limits[0]:
            return
        generation = 2 if counts[2] >= limits[2] else 1 if counts[1] >= limits[1] else 0
        gc.collect(generation)


def install(app: QApplication) -> GuiThreadCollector:
    """Once per application; later calls return the one already installed."""
    found = app.findChild(GuiThreadCollector)
    return found if found is not None else GuiThreadCollector(app)
