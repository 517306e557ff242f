"""Footage whose picture and sound mark the same instant: one white flash frame and a tone
burst starting with it, over dark frames and near silence (A/V sync tests, benchmarks).

Every frame carries its index as a barcode (``synth.draw_barcode``).
"""

from __future__ import annotations

import subprocess
import wave
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from reviewer.media import synth

RATE = 48_000


@dataclass(frozen=True)
class Flash:
    path: Path
    fps: int
    flash_frame: int
    tone_ms: tuple[int, int]  # from the first frame

    @property
    def flash_ms(self) -> int:
        return round(self.flash_frame * 1000 / self.fps)


def picture(n: int, flash: int, width: int, height: int) -> np.ndarray:
    image = np.full((height, width, 3), 255 if n == flash else 30, np.uint8)
    synth.draw_barcode(image, n)
    return image


def sound(seconds: float, tone: tuple[float, float], level: float) -> np.ndarray:
    rng = np.random.default_rng(7)
    samples = rng.normal(0, 0.0005, int(seconds * RATE))
    a, b = (int(s * RATE) for s in tone)
    samples[a:b] += level * np.sin(2 * np.pi * 1000 * np.arange(b - a) / RATE)
    return (np.clip(samples, -1, 1) * 32767).astype(np.int16)


def write(out: Path, seconds: float = 6.0, fps: int = 30, flash_frame: int = 75,
          tone_s: float = 0.3, level: float = 0.25, width: int = 320, height: int = 240) -> Flash:
    """H.264 + AAC in MP4; the tone starts at the flash frame's time and lasts ``tone_s``."""
    out.parent.mkdir(parents=True, exist_ok=True)
    start = flash_frame / fps
    wav = out.with_suffix(".wav")
    with wave.open(str(wav), "wb") as w:
        w.setnchannels(1)
        w.setsampwidth(2)
        w.setframerate(RATE)
        w.writeframes(sound(seconds, (start, start + tone_s), level).tobytes())
    cmd = [synth.ffmpeg_exe(), "-hide_banner", "-loglevel", "error", "-y", "-f", "rawvideo",
           "-pix_fmt", "bgr24", "-s", f"{width}x{height}", "-framerate", str(fps), "-i", "-",
           "-i", str(wav), "-c:v", "libx264", "-preset", "ultrafast", "-pix_fmt", "yuv420p",
           "-c:a", "aac", "-b:a", "128k", "-shortest", str(out)]
    proc = subprocess.Popen(cmd, stdin=subprocess.PIPE)
    assert proc.stdin is not None
    for n in range(round(seconds * fps)):
        proc.stdin.write(picture(n, flash_frame, width, height).tobytes())
    proc.stdin.close()
    if proc.wait() != 0:
        raise RuntimeError(f"ffmpeg failed writing {out.name}")
    wav.unlink()
    return Flash(out, fps, flash_frame, (round(start * 1000), round((start + tone_s) * 1000)))


def onset_ms(pcm: np.ndarray, threshold: float = 0.05) -> float | None:
    """When the tone starts in ``pcm`` (int16, (n, 2) at 48 kHz): the first sample above
    ``threshold`` of full scale."""
    loud = np.flatnonzero(np.abs(pcm.astype(np.int32)).max(axis=1) > threshold * 32768)
    return None if loud.size == 0 else 1000 * float(loud[0]) / RATE


def make_project(root: Path, width: int = 320, height: int = 240) -> tuple[Flash, Path]:
    """A project with the flash footage and one tag (2.0–3.5 s, the flash at 2.5 s) in a
    county, so the show has a title card and then the clip."""
    from reviewer.store.project import Project

    flash = write(root / "闪光.mp4", width=width, height=height)
    path = root / "放映.shenpian"
    with Project.create(path, reviewer="编辑") as project:
        media = project.add_media(flash.path).select
        book = project.codebook()
        project.add_tag(media, 2000, book.categories[0].id, end_ms=3500,
                        county_id=book.counties[0].id)
    return flash, path
