"""Footage with known skippable stretches and proposals, for the background scan (#16).

A body camera's day in miniature: walking (moving picture), the camera in a pocket
(dark, with sensor noise), the camera set down (frozen), a cut to another place, and
someone speaking (a tone burst in the voice band) over near silence. Every frame still
carries its index as a barcode, so the truth is known to the frame.
"""

from __future__ import annotations

import subprocess
import wave
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from reviewer.media import synth

FPS = 30
RATE = 48_000


@dataclass(frozen=True)
class Truth:
    """Where each thing is, in ms from the first frame."""

    path: Path
    duration_ms: int
    dark: tuple[int, int]
    frozen: tuple[int, int]
    cut_ms: int
    tone: tuple[int, int]


@dataclass(frozen=True)
class Plan:
    seconds: float = 18.0
    dark: tuple[float, float] = (4.0, 8.0)
    frozen: tuple[float, float] = (10.0, 14.0)
    cut: float = 14.0
    tone: tuple[float, float] = (15.5, 17.0)
    width: int = 320
    height: int = 240
    video_args: tuple[str, ...] = ("-c:v", "libx264", "-preset", "ultrafast", "-x264-params",
                                   "keyint=60:bframes=2", "-pix_fmt", "yuv420p")


def _walking(n: int, plan: Plan, rng: np.random.Generator) -> np.ndarray:
    """A street going past: a moving bar over textured ground, with sensor noise."""
    h, w = plan.height, plan.width
    image = np.full((h, w, 3), 110, np.uint8)
    image[h // 2:, :] = (60, 120, 90)
    x = (n * 9) % w
    image[h // 4:, x: x + max(4, w // 10)] = (40, 160, 220)
    noise = rng.integers(-6, 7, (h, w, 1), dtype=np.int16)
    return np.clip(image.astype(np.int16) + noise, 0, 255).astype(np.uint8)


def _elsewhere(n: int, plan: Plan, rng: np.random.Generator) -> np.ndarray:
    """Another place after the cut: a bright shop front, other colours and layout."""
    h, w = plan.height, plan.width
    image = np.full((h, w, 3), (200, 190, 40), np.uint8)
    image[: h // 3, :] = (30, 30, 180)
    y = (n * 5) % h
    image[y: y + 12, w // 3: 2 * w // 3] = (250, 250, 250)
    noise = rng.integers(-6, 7, (h, w, 1), dtype=np.int16)
    return np.clip(image.astype(np.int16) + noise, 0, 255).astype(np.uint8)


def _dark(plan: Plan, rng: np.random.Generator) -> np.ndarray:
    """Inside a pocket: almost black, with the grain a sensor shows in the dark."""
    grain = rng.integers(0, 14, (plan.height, plan.width, 1), dtype=np.uint8)
    return np.repeat(grain, 3, axis=2)


def frame(n: int, plan: Plan, rng: np.random.Generator, held: dict[str, np.ndarray]) -> np.ndarray:
    """Frame ``n``; the barcode only where a real camera would show something changing
    (a code that changes every frame is neither dark nor frozen)."""
    t = n / FPS
    if plan.dark[0] <= t < plan.dark[1]:
        return _dark(plan, rng)
    if plan.frozen[0] <= t < plan.frozen[1]:
        return held.setdefault("frozen", _walking(n, plan, rng)).copy()
    image = _elsewhere(n, plan, rng) if t >= plan.cut else _walking(n, plan, rng)
    synth.draw_barcode(image, n)
    return image


def sound(plan: Plan, rng: np.random.Generator) -> np.ndarray:
    """Near silence (room noise at about -60 dBFS) with a 700 Hz + 1.4 kHz voice-band burst."""
    total = int(plan.seconds * RATE)
    samples = rng.normal(0, 0.001, total)
    a, b = (int(s * RATE) for s in plan.tone)
    t = np.arange(b - a) / RATE
    samples[a:b] += 0.25 * np.sin(2 * np.pi * 700 * t) + 0.12 * np.sin(2 * np.pi * 1400 * t)
    return (np.clip(samples, -1, 1) * 32767).astype(np.int16)


def write(plan: Plan, out: Path) -> Truth:
    """Encode the plan to ``out`` (H.264 + AAC MP4)."""
    out.parent.mkdir(parents=True, exist_ok=True)
    rng = np.random.default_rng(16)
    wav = out.with_suffix(".wav")
    with wave.open(str(wav), "wb") as w:
        w.setnchannels(1)
        w.setsampwidth(2)
        w.setframerate(RATE)
        w.writeframes(sound(plan, rng).tobytes())
    cmd = [synth.ffmpeg_exe(), "-hide_banner", "-loglevel", "error", "-y", "-f", "rawvideo",
           "-pix_fmt", "bgr24", "-s", f"{plan.width}x{plan.height}", "-framerate", str(FPS),
           "-i", "-", "-i", str(wav), *plan.video_args, "-c:a", "aac", "-b:a", "96k",
           "-shortest", str(out)]
    proc = subprocess.Popen(cmd, stdin=subprocess.PIPE)
    assert proc.stdin is not None
    held: dict[str, np.ndarray] = {}
    for n in range(round(plan.seconds * FPS)):
        proc.stdin.write(frame(n, plan, rng, held).tobytes())
    proc.stdin.close()
    if proc.wait() != 0:
        raise RuntimeError(f"ffmpeg failed writing {out.name}")
    wav.unlink()
    ms = lambda s: round(s * 1000)  # noqa: E731
    return Truth(out, ms(plan.seconds), (ms(plan.dark[0]), ms(plan.dark[1])),
                 (ms(plan.frozen[0]), ms(plan.frozen[1])), ms(plan.cut),
                 (ms(plan.tone[0]), ms(plan.tone[1])))
