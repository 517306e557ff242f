from __future__ import annotations

import threading

import pytest


@pytest.fixture(autouse=True)
def _no_leaked_windows_or_threads(qapp):
    """Fail a test that leaves a top-level window or a worker thread behind."""
    before_widgets = set(qapp.topLevelWidgets())
    before_threads = set(threading.enumerate())
    yield
    qapp.processEvents()
    leaked = [w for w in qapp.topLevelWidgets() if w not in before_widgets and w.isVisible()]
    assert not leaked, f"leaked windows: {leaked}"
    alive = [t for t in threading.enumerate() if t not in before_threads and t.is_alive()]
    for t in alive:
        t.join(timeout=5)
    assert not [t for t in alive if t.is_alive()], f"leaked threads: {alive}"
