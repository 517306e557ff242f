"""Footage with real faces moving across the frame, and a licence plate to mark by hand.

Two public-domain photographs (tests/data/faces/README.md) are pasted into a textured
background: one face crosses the whole clip, the other walks in a third of the way
through. A "plate" (a high-contrast pattern no detector knows) moves along the bottom, growing as
it comes closer;
its true box on every frame is returned so tests can check a manual region covers it.
Every frame carries its index as a barcode (reviewer.media.synth).
"""

from __future__ import annotations

import subprocess
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import cv2
import numpy as np

from reviewer.media import synth
from reviewer.redact.model import Box

FACES = Path(__file__).resolve().parents[1] / "data" / "faces"
# Head-and-shoulders crops (x0, y0, x1, y1 as shares): the detector needs some context.
_CROPS = {"astronaut.jpg": (0.22, 0.0, 0.66, 0.5), "grace_hopper.jpg": (0.18, 0.05, 0.86, 0.75)}


@dataclass(frozen=True)
class Truth:
    path: Path
    width: int
    height: int
    fps: int
    frames: int
    plates: tuple[Box, ...]  # the plate's box on each frame

    @property
    def times_ms(self) -> list[int]:
        return [round(i * 1000 / self.fps) for i in range(self.frames)]


@lru_cache(maxsize=8)
def _photo(name: str, height: int) -> np.ndarray:
    image = cv2.imread(str(FACES / name))
    h, w = image.shape[:2]
    x0, y0, x1, y1 = _CROPS[name]
    crop = image[int(y0 * h): int(y1 * h), int(x0 * w): int(x1 * w)]
    scale = height / crop.shape[0]
    return cv2.resize(crop, (max(2, round(crop.shape[1] * scale)), height),
                      interpolation=cv2.INTER_AREA)


def _background(width: int, height: int) -> np.ndarray:
    rng = np.random.default_rng(7)
    x = np.linspace(0, 1, width, dtype=np.float32)[None, :]
    y = np.linspace(0, 1, height, dtype=np.float32)[:, None]
    base = (70 + 60 * x + 30 * y)[..., None] * np.array([0.9, 1.0, 1.1], np.float32)
    noise = rng.normal(0, 6, (height, width, 1)).astype(np.float32)
    return np.clip(base + noise, 0, 255).astype(np.uint8)


def _plate(width: int, height: int) -> np.ndarray:
    cells = np.random.default_rng(11).integers(0, 2, (7, 24), dtype=np.uint8) * 255
    plate = cv2.resize(cells, (width, height), interpolation=cv2.INTER_NEAREST)
    return cv2.cvtColor(plate, cv2.COLOR_GRAY2BGR)


def _paste(frame: np.ndarray, picture: np.ndarray, x: int, y: int) -> None:
    h, w = picture.shape[:2]
    fh, fw = frame.shape[:2]
    x0, y0, x1, y1 = max(0, x), max(0, y), min(fw, x + w), min(fh, y + h)
    if x1 > x0 and y1 > y0:
        frame[y0:y1, x0:x1] = picture[y0 - y: y1 - y, x0 - x: x1 - x]


def render(i: int, frames: int, width: int, height: int) -> tuple[np.ndarray, Box]:
    frame = _background(width, height).copy()
    f = i / max(1, frames - 1)
    a = _photo("astronaut.jpg", round(height * 0.5))
    _paste(frame, a, round(width * (0.02 + 0.33 * f)), round(height * (0.2 + 0.08 * np.sin(6 * f))))
    if i >= frames // 3:
        g = _photo("grace_hopper.jpg", round(height * 0.45))
        g_f = (i - frames // 3) / max(1, frames - frames // 3)
        _paste(frame, g, round(width * (0.95 - 0.2 * g_f)) - g.shape[1] // 2, round(height * 0.18))
    pw, ph = round(width * 0.2 * (1 + 0.3 * f)), round(height * 0.1 * (1 + 0.3 * f))
    px, py = round(width * (0.05 + 0.6 * f)), round(height * 0.85) - ph
    _paste(frame, _plate(pw, ph), px, py)
    synth.draw_barcode(frame, i)
    return frame, Box(px / width, py / height, pw / width, ph / height)


def write(out: Path, width: int = 480, height: int = 270, fps: int = 25, frames: int = 40,
          audio: bool = True, rotate_display: int = 0) -> Truth:
    """``rotate_display``: store the pixels turned, with a display matrix that turns them
    back (a phone filming upright); ``width``/``height`` are then the displayed size."""
    out.parent.mkdir(parents=True, exist_ok=True)
    stored = (height, width) if rotate_display in (90, 270) else (width, height)
    cmd = [synth.ffmpeg_exe(), "-hide_banner", "-loglevel", "error", "-y", "-f", "rawvideo",
           "-pix_fmt", "bgr24", "-s", f"{stored[0]}x{stored[1]}", "-framerate", str(fps), "-i", "-"]
    if audio:
        cmd += ["-f", "lavfi", "-i", f"sine=frequency=330:duration={frames / fps}"]
    cmd += ["-c:v", "libx264", "-preset", "veryfast", "-crf", "18", "-pix_fmt", "yuv420p",
            "-x264-params", "keyint=25:scenecut=0"]
    if audio:
        cmd += ["-c:a", "aac", "-b:a", "64k", "-shortest"]
    cmd += ["-metadata", "location=+27.8269+099.7065/", "-metadata", "artist=张三", str(out)]
    proc = subprocess.Popen(cmd, stdin=subprocess.PIPE)
    assert proc.stdin is not None
    plates = []
    for i in range(frames):
        frame, plate = render(i, frames, width, height)
        plates.append(plate)
        proc.stdin.write(synth._store_orientation(frame, rotate_display).tobytes())
    proc.stdin.close()
    if proc.wait() != 0:
        raise RuntimeError(f"ffmpeg failed writing {out.name}")
    if rotate_display:
        synth._set_display_rotation(out, rotate_display)
    return Truth(out, width, height, fps, frames, tuple(plates))
