"""What a scan's numbers mean: stretches a reviewer may skip, and points worth a look.

Pure functions of ``scan.Signals`` and ``Thresholds``: cheap enough to run again on every
change of a setting. Skippable stretches are dark (camera in a pocket), frozen (camera set
down: nothing but sensor noise changes) or near-static and silent. Proposals are scene
changes and stretches with sound in the voice band; they are never tags by themselves.
"""

from __future__ import annotations

from dataclasses import dataclass, fields

import numpy as np

from reviewer.review.scan import WINDOW_MS, Signals

STRETCH_KINDS = ("dark", "frozen", "static")
PROPOSAL_KINDS = ("scene", "speech")


@dataclass(frozen=True)
class Thresholds:
    """The settings (per user); the defaults suit phone and body-camera footage."""

    dark_luma: float = 28.0  # mean luminance (0–255) below this is dark
    frozen_change: float = 0.8  # mean change below this is frozen (sensor noise only)
    static_change: float = 2.5  # below this, and silent, is near-static
    min_skip_s: float = 3.0  # shorter stretches are not worth skipping
    scene_change: float = 25.0  # a jump this big between frames is a cut
    silence_db: float = -45.0  # quieter than this is silence
    voice_db: float = -35.0  # voice-band sound louder than this is speech
    min_voice_s: float = 0.4

    @classmethod
    def from_mapping(cls, values: dict[str, object]) -> Thresholds:
        """From settings; a missing or unreadable value keeps its default."""
        kept = {}
        for f in fields(cls):
            try:
                kept[f.name] = float(values[f.name])  # type: ignore[arg-type]
            except (KeyError, TypeError, ValueError):
                continue
        return cls(**kept)


@dataclass(frozen=True)
class Stretch:
    """[start_ms, end_ms) a reviewer may skip; ``silent`` when the sound agrees."""

    kind: str
    start_ms: int
    end_ms: int
    silent: bool = False

    @property
    def duration_ms(self) -> int:
        return self.end_ms - self.start_ms


@dataclass(frozen=True)
class Proposal:
    """A point worth a look: a scene change (``end_ms`` == ``at_ms``) or sound in the voice band."""

    kind: str
    at_ms: int
    end_ms: int


@dataclass(frozen=True)
class Findings:
    stretches: tuple[Stretch, ...]
    proposals: tuple[Proposal, ...]

    def skippable_ms(self) -> int:
        return sum(s.duration_ms for s in self.stretches)


def classify(signals: Signals, t: Thresholds = Thresholds()) -> Findings:
    return Findings(stretches(signals, t), scene_changes(signals, t) + speech(signals, t))


# --- skippable stretches -------------------------------------------------------------------

def stretches(signals: Signals, t: Thresholds) -> tuple[Stretch, ...]:
    """Dark first, then frozen, then near-static and silent; never overlapping."""
    if signals.times_ms.size == 0:
        return ()
    ends = _sample_ends(signals)
    quiet = silent_mask(signals, t)
    dark = signals.luma < t.dark_luma
    frozen = (signals.change < t.frozen_change) & ~dark
    static = (signals.change < t.static_change) & ~dark & ~frozen & quiet
    found: list[Stretch] = []
    taken = np.zeros(signals.times_ms.size, bool)
    for kind, mask in (("dark", dark), ("frozen", frozen), ("static", static)):
        for lo, hi in _runs(_closed(mask & ~taken, 2)):
            if kind != "dark" and lo > 0 and not taken[lo - 1]:
                lo -= 1  # a small change means this frame shows what the one before showed
            start, end = int(signals.times_ms[lo]), int(ends[hi - 1])
            if end - start >= t.min_skip_s * 1000:
                taken[lo:hi] = True
                found.append(Stretch(kind, start, end, bool(quiet[lo:hi].mean() >= 0.9)))
    return tuple(sorted(found, key=lambda s: s.start_ms))


def _sample_ends(signals: Signals) -> np.ndarray:
    """Where each analysed frame's stretch ends: the next analysed frame, or the file's end."""
    return np.append(signals.times_ms[1:], signals.duration_ms)


def silent_mask(signals: Signals, t: Thresholds) -> np.ndarray:
    """Per analysed frame: is the sound around it silence? (True when there is no sound.)"""
    if not signals.has_audio:
        return np.ones(signals.times_ms.size, bool)
    slot = (signals.times_ms - signals.audio_start_ms) // WINDOW_MS
    inside = (slot >= 0) & (slot < signals.loud_db.size)
    out = np.ones(signals.times_ms.size, bool)
    out[inside] = signals.loud_db[slot[inside]] < t.silence_db
    return out


def _closed(mask: np.ndarray, gap: int) -> np.ndarray:
    """Fill holes of up to ``gap`` samples inside runs (one noisy frame does not split one)."""
    out = mask.copy()
    for lo, hi in _runs(~mask):
        if lo > 0 and hi < mask.size and hi - lo <= gap:
            out[lo:hi] = True
    return out


def _runs(mask: np.ndarray) -> list[tuple[int, int]]:
    """[start, end) index pairs of each run of True."""
    edges = np.diff(np.concatenate(([0], mask.astype(np.int8), [0])))
    return list(zip(np.flatnonzero(edges == 1).tolist(), np.flatnonzero(edges == -1).tolist(),
                    strict=True))


# --- proposals ----------------------------------------------------------------------------

def scene_changes(signals: Signals, t: Thresholds) -> tuple[Proposal, ...]:
    """Frames that differ from the one before far more than their neighbours do."""
    change, times = signals.change, signals.times_ms
    out = []
    for i in np.flatnonzero(change >= t.scene_change).tolist():
        near = np.concatenate([change[max(0, i - 15): i], change[i + 1: i + 16]])
        usual = float(np.median(near)) if near.size else 0.0
        dark = signals.luma[i] < t.dark_luma or (i > 0 and signals.luma[i - 1] < t.dark_luma)
        if change[i] >= 3 * max(usual, 1.0) and not dark:
            out.append(Proposal("scene", int(times[i]), int(times[i])))
    return tuple(out)


def speech(signals: Signals, t: Thresholds) -> tuple[Proposal, ...]:
    """Stretches where the voice band is loud, joined across pauses of up to 0.3 s."""
    if not signals.has_audio:
        return ()
    voiced = _closed(signals.voice_db >= t.voice_db, 300 // WINDOW_MS)
    starts = signals.window_times()
    out = []
    for lo, hi in _runs(voiced):
        start, end = int(starts[lo]), int(starts[hi - 1]) + WINDOW_MS
        if end - start >= t.min_voice_s * 1000 and end > 0:
            out.append(Proposal("speech", max(0, start), min(end, signals.duration_ms)))
    return tuple(out)
