"""Scan numbers kept in the app's cache folder, keyed by the footage's fingerprint.

A file is measured once on this laptop, wherever it moves; the numbers are derived data
(the footage can always be measured again), so they live in the cache, never in the
project, and a damaged cache file is simply measured again.
"""

from __future__ import annotations

import contextlib
import os
import tempfile
import zipfile
from collections.abc import Callable
from pathlib import Path

import numpy as np

from reviewer.media.paths import cache_dir
from reviewer.review import scan
from reviewer.review.scan import Signals
from reviewer.store.model import Fingerprint

VERSION = 1  # bump when what ``scan.measure`` measures changes


def path_for(fingerprint: Fingerprint) -> Path:
    folder = cache_dir() / "scan"
    folder.mkdir(parents=True, exist_ok=True)
    return folder / f"v{VERSION}-{fingerprint.size}-{fingerprint.head_tail[:40]}.npz"


def load(fingerprint: Fingerprint) -> Signals | None:
    target = path_for(fingerprint)
    if not target.is_file():
        return None
    try:
        with np.load(target, allow_pickle=False) as data:
            meta = data["meta"]
            return Signals(int(meta[0]), data["times"], data["luma"], data["change"],
                           int(meta[1]), data["loud"], data["voice"])
    except (OSError, ValueError, KeyError, IndexError, zipfile.BadZipFile):
        return None


def save(fingerprint: Fingerprint, signals: Signals) -> None:
    """Atomically (a half-written cache file is never read); a full disk just skips it."""
    target = path_for(fingerprint)
    with contextlib.suppress(OSError):
        fd, name = tempfile.mkstemp(dir=target.parent, suffix=".part")
        with os.fdopen(fd, "wb") as out:
            np.savez_compressed(out, meta=np.array([signals.duration_ms, signals.audio_start_ms]),
                                times=signals.times_ms, luma=signals.luma, change=signals.change,
                                loud=signals.loud_db, voice=signals.voice_db)
        os.replace(name, target)


def signals(path: Path, fingerprint: Fingerprint, cancelled: Callable[[], bool] = lambda: False,
            progress: scan.Progress = lambda done, total: None) -> Signals:
    """The cached numbers, or a scan of ``path`` (then cached)."""
    found = load(fingerprint)
    if found is not None:
        progress(1, 1)
        return found
    measured = scan.measure(path, cancelled, progress)
    save(fingerprint, measured)
    return measured
