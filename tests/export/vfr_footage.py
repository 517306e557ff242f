"""Variable-frame-rate footage as phones write it, with every frame's true start time.

A phone films about 30 fps in good light and drops to 10-15 fps in the dark, and every
frame lands a few ms off the beat. ffmpeg's CLI can only drop frames from a fixed grid,
so these files are encoded with PyAV at exact, uneven timestamps. Every frame carries its
index as a barcode (reviewer.media.synth), so a test knows which frame it decoded.
"""

from __future__ import annotations

import random
import subprocess
from dataclasses import dataclass
from fractions import Fraction
from pathlib import Path

import av
import cv2
import numpy as np

from reviewer.media import synth

TICKS_PER_MS = 90  # MP4/TS 90 kHz clock: every whole ms is a whole tick


@dataclass(frozen=True)
class Footage:
    """A generated file and the truth about it: frame ``i`` starts at ``times_ms[i]``."""

    path: Path
    times_ms: tuple[int, ...]
    first_index: int = 0  # the barcode of frame 0 (an edit list can hide earlier frames)

    @property
    def frames(self) -> int:
        return len(self.times_ms)

    def on_screen(self, t_ms: float) -> int:
        """The frame showing at ``t_ms``: the last one starting at or before it."""
        return max(0, sum(1 for t in self.times_ms if t <= t_ms) - 1)

    def end_ms(self, i: int) -> int:
        """When frame ``i`` stops showing (the next frame's start)."""
        if i + 1 < self.frames:
            return self.times_ms[i + 1]
        return self.times_ms[i] + self.times_ms[i] - self.times_ms[i - 1]


def phone_times(fast_s: float = 2.0, slow_s: float = 2.5, seed: int = 10) -> tuple[int, ...]:
    """~30 fps with ±4 ms jitter, then 10-15 fps (the light dropped), then 30 fps again."""
    rng = random.Random(seed)
    times, t = [], 0.0
    for stretch_s, low, high in ((fast_s, 29, 38), (slow_s, 66, 100), (fast_s / 2, 29, 38)):
        end = t + stretch_s * 1000
        while t < end:
            times.append(round(t))
            t += rng.uniform(low, high)
    return tuple(times)


def render(index: int, width: int, height: int, rotate: int = 0) -> np.ndarray:
    """A BGR picture with ``index`` as barcode and text, stored as a camera rotated by
    ``rotate`` degrees would store it (the display matrix turns it upright)."""
    w, h = (height, width) if rotate in (90, 270) else (width, height)
    image = np.full((h, w, 3), 90, np.uint8)
    x = (index * 11) % w
    image[h // 3 :, x : x + max(2, w // 20)] = (40, 160, 220)
    cv2.putText(image, str(index), (8, h - 12), cv2.FONT_HERSHEY_SIMPLEX, max(0.6, h / 240),
                (255, 255, 255), 2)
    synth.draw_barcode(image, index)
    turns = {90: cv2.ROTATE_90_CLOCKWISE, 180: cv2.ROTATE_180, 270: cv2.ROTATE_90_COUNTERCLOCKWISE}
    return cv2.rotate(image, turns[rotate]) if rotate in turns else image


def encode(path: Path, times_ms: tuple[int, ...], width: int = 320, height: int = 240,
           bframes: int = 0, gop: int = 30, audio: bool = False, rotate: int = 0) -> Footage:
    """Encode one frame per entry of ``times_ms`` at exactly that time (H.264, yuv420p)."""
    path.parent.mkdir(parents=True, exist_ok=True)
    tb = Fraction(1, 1000 * TICKS_PER_MS)
    stored_w, stored_h = (height, width) if rotate in (90, 270) else (width, height)
    with av.open(str(path), "w") as out:
        video = out.add_stream("libx264", rate=30)
        video.width, video.height, video.pix_fmt = stored_w, stored_h, "yuv420p"
        video.codec_context.time_base = tb
        video.time_base = tb
        video.codec_context.options = {
            "preset": "ultrafast",
            "x264-params": f"bframes={bframes}:keyint={gop}:min-keyint={gop}:scenecut=0",
        }
        sound = _add_audio(out) if audio else None
        for i, t in enumerate(times_ms):
            picture = render(i, stored_w, stored_h, rotate)
            frame = av.VideoFrame.from_ndarray(picture, format="bgr24").reformat(format="yuv420p")
            frame.pts, frame.time_base = t * TICKS_PER_MS, tb
            out.mux(video.encode(frame))
        out.mux(video.encode(None))
        if sound is not None:
            _write_tone(out, sound, (times_ms[-1] + 100) / 1000)
    if rotate:
        _set_rotation(path, rotate)
    return Footage(path, tuple(times_ms))


def _add_audio(out: av.container.OutputContainer) -> av.audio.stream.AudioStream:
    stream = out.add_stream("aac", rate=48000)
    stream.layout = "mono"
    return stream


def _write_tone(out: av.container.OutputContainer, stream: av.audio.stream.AudioStream,
                seconds: float) -> None:
    samples, at = 1024, 0
    while at < seconds * 48000:
        t = (np.arange(samples) + at) / 48000
        tone = (0.2 * np.sin(2 * np.pi * 440 * t)).astype(np.float32)[None, :]
        frame = av.AudioFrame.from_ndarray(tone, format="fltp", layout="mono")
        frame.sample_rate, frame.pts = 48000, at
        out.mux(stream.encode(frame))
        at += samples
    out.mux(stream.encode(None))


def _set_rotation(path: Path, degrees: int) -> None:
    """Remux with a display matrix (given at encode time, ffmpeg would turn the pixels)."""
    tmp = path.with_name(path.stem + ".norot" + path.suffix)
    path.rename(tmp)
    _ffmpeg("-display_rotation", str(degrees), "-i", str(tmp), "-c", "copy", str(path))
    tmp.unlink()


def _ffmpeg(*args: str) -> None:
    cmd = [synth.ffmpeg_exe(), "-hide_banner", "-loglevel", "error", "-y", *args]
    subprocess.run(cmd, check=True)


def to_ts(src: Footage, dst: Path) -> Footage:
    """The same frames in MPEG-TS, whose clock starts at 1.4 s."""
    _ffmpeg("-i", str(src.path), "-c", "copy", "-f", "mpegts", str(dst))
    return Footage(dst, src.times_ms)


def trimmed_start(src: Footage, dst: Path, first: int) -> Footage:
    """An MP4 whose edit list starts mid-GOP at frame ``first`` (as a phone's "trim" leaves
    it): the frames before it are in the file, decoded, but never shown."""
    _ffmpeg("-ss", f"{src.times_ms[first] / 1000:.3f}", "-i", str(src.path), "-c", "copy",
            str(dst))
    start = src.times_ms[first]
    return Footage(dst, tuple(t - start for t in src.times_ms[first:]), first)
