"""The cyclic collector runs on the GUI thread only (ui/gc_guard.py)."""

from __future__ import annotations

import gc
import threading
import weakref

from PySide6.QtWidgets import QWidget

from ui import gc_guard


class _Holder:
    def __init__(self) -> None:
        self.me = self  # a cycle: only the collector frees it
        self.widget = QWidget()


def test_automatic_collection_is_off_and_the_timer_collects(qapp):
    guard = gc_guard.install(qapp)
    assert gc_guard.install(qapp) is guard and not gc.isenabled()
    holder = _Holder()
    gone = weakref.ref(holder)
    widget_gone = threading.Event()
    holder.widget.destroyed.connect(widget_gone.set)
    del holder
    threshold = gc.get_threshold()
    try:
        gc.set_threshold(1, 10, 10)
        junk = [[] for _ in range(50)]  # enough allocations to pass the threshold
        del junk
        guard.tick()
    finally:
        gc.set_threshold(*threshold)
    assert gone() is None and widget_gone.is_set()
