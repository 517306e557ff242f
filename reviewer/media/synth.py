"""Generated footage whose pixels say which frame they are.

Tests, benchmarks and the demo project use this: every frame carries its
index as a block barcode in the top band, so whoever decodes a frame can
check it got the one it asked for, whatever the seek or cache path.
"""

from __future__ import annotations

import subprocess
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path

import cv2
import imageio_ffmpeg
import numpy as np

from reviewer.processes import NO_CONSOLE

BITS = 16
_BAND_ROWS = 2  # row 0: the bits; row 1: their complement, so garbage never reads as a frame


def ffmpeg_exe() -> str:
    """The ffmpeg binary bundled with imageio-ffmpeg (no ffprobe ships with it)."""
    return imageio_ffmpeg.get_ffmpeg_exe()


def _cells(width: int, height: int) -> Iterator[tuple[int, int, int, int, int, int]]:
    """Yield (row, bit, x0, y0, x1, y1) for every barcode cell."""
    cell_w = width // BITS
    cell_h = max(4, min(cell_w, height // 12))
    for row in range(_BAND_ROWS):
        for bit in range(BITS):
            x0, y0 = bit * cell_w, row * cell_h
            yield row, bit, x0, y0, x0 + cell_w, y0 + cell_h


def draw_barcode(image: np.ndarray, index: int) -> None:
    """Paint ``index`` into the top band of a BGR image, in place."""
    height, width = image.shape[:2]
    for row, bit, x0, y0, x1, y1 in _cells(width, height):
        on = (index >> bit) & 1
        if row == 1:
            on ^= 1
        image[y0:y1, x0:x1] = 235 if on else 20


def read_barcode(image: np.ndarray) -> int | None:
    """The frame index painted by :func:`draw_barcode`, or None if unreadable."""
    gray = image if image.ndim == 2 else cv2.cvtColor(image, cv2.COLOR_BGR2GRAY)
    height, width = gray.shape[:2]
    bits = [[0] * BITS for _ in range(_BAND_ROWS)]
    for row, bit, x0, y0, x1, y1 in _cells(width, height):
        mx, my = max(1, (x1 - x0) // 4), max(1, (y1 - y0) // 4)
        patch = gray[y0 + my : y1 - my, x0 + mx : x1 - mx]
        bits[row][bit] = int(patch.mean() > 128)
    if any(a == b for a, b in zip(bits[0], bits[1], strict=True)):
        return None
    return sum(b << i for i, b in enumerate(bits[0]))


@dataclass(frozen=True)
class Spec:
    """How to encode one synthetic file."""

    width: int = 320
    height: int = 240
    fps: int = 30
    frames: int = 90
    video_args: tuple[str, ...] = ("-c:v", "libx264", "-preset", "veryfast", "-pix_fmt", "yuv420p")
    container_args: tuple[str, ...] = ()
    audio: bool = False
    audio_args: tuple[str, ...] = ("-c:a", "aac", "-b:a", "64k")
    # Frame ticks to keep (None keeps all): dropping ticks while keeping their
    # original timestamps is how the variable-frame-rate fixtures are made.
    keep: Callable[[int], bool] | None = None
    keep_expr: str = ""  # the same predicate as an ffmpeg expression of n
    rotate_display: int = 0
    metadata: dict[str, str] = field(default_factory=dict)
    label: str = ""
    first_index: int = 0  # chunk files of one recording continue the numbering


def kept_ticks(spec: Spec) -> list[int]:
    """Source ticks that survive into the file, in display order."""
    return [n for n in range(spec.frames) if spec.keep is None or spec.keep(n)]


def _render(spec: Spec, tick: int, index: int) -> np.ndarray:
    index += spec.first_index
    tick += spec.first_index
    width, height = spec.width, spec.height
    if spec.rotate_display in (90, 270):
        width, height = height, width
    image = np.full((height, width, 3), 96, np.uint8)
    # A moving bar and noise give the encoder real work and make frames differ.
    x = (tick * 7) % width
    image[height // 3 :, x : x + max(2, width // 20)] = (40, 160, 220)
    scale = max(0.6, height / 240)
    text = f"{index} {spec.label}".strip()
    cv2.putText(image, text, (8, height - 12), cv2.FONT_HERSHEY_SIMPLEX, scale, (255, 255, 255), 2)
    draw_barcode(image, index)
    return _store_orientation(image, spec.rotate_display)


def _store_orientation(display: np.ndarray, rotation: int) -> np.ndarray:
    """Pixels as stored in a file whose display matrix rotates by ``rotation`` degrees.

    The displayed picture is ``display``; a player rotates stored pixels
    counter-clockwise by ``rotation`` (ffmpeg's display_rotation sign).
    """
    if rotation == 90:
        return cv2.rotate(display, cv2.ROTATE_90_CLOCKWISE)
    if rotation == 270:
        return cv2.rotate(display, cv2.ROTATE_90_COUNTERCLOCKWISE)
    if rotation == 180:
        return cv2.rotate(display, cv2.ROTATE_180)
    return display


def _ffmpeg_command(spec: Spec, out: Path) -> list[str]:
    stored_w, stored_h = spec.width, spec.height
    cmd = [ffmpeg_exe(), "-hide_banner", "-loglevel", "error", "-y"]
    cmd += ["-f", "rawvideo", "-pix_fmt", "bgr24", "-s", f"{stored_w}x{stored_h}"]
    cmd += ["-framerate", str(spec.fps), "-i", "-"]
    if spec.audio:
        seconds = spec.frames / spec.fps
        cmd += ["-f", "lavfi", "-i", f"sine=frequency=440:duration={seconds}"]
    if spec.keep is not None:
        cmd += ["-fps_mode", "passthrough"]
    cmd += list(spec.video_args)
    if spec.audio:
        cmd += [*spec.audio_args, "-shortest"]
    for key, value in spec.metadata.items():
        cmd += ["-metadata", f"{key}={value}"]
    cmd += list(spec.container_args)
    cmd.append(str(out))
    return cmd


def write(spec: Spec, out: Path) -> list[int]:
    """Encode ``spec`` to ``out``; return the source tick of every frame in display order.

    With ``keep`` set, frames are dropped by sending only the kept ticks
    with an explicit timestamp list, which gives irregular frame durations.
    """
    out.parent.mkdir(parents=True, exist_ok=True)
    ticks = kept_ticks(spec)
    if spec.keep is not None:
        return _write_vfr(spec, out, ticks)
    proc = subprocess.Popen(_ffmpeg_command(spec, out), stdin=subprocess.PIPE, **NO_CONSOLE)
    assert proc.stdin is not None
    for index, tick in enumerate(ticks):
        proc.stdin.write(_render(spec, tick, index).tobytes())
    proc.stdin.close()
    if proc.wait() != 0:
        raise RuntimeError(f"ffmpeg failed writing {out.name}")
    if spec.rotate_display:
        _set_display_rotation(out, spec.rotate_display)
    return ticks


def _set_display_rotation(path: Path, degrees: int) -> None:
    """Remux with a display matrix; given at encode time ffmpeg rotates the pixels instead."""
    tmp = path.with_name(path.stem + ".norot" + path.suffix)
    path.rename(tmp)
    cmd = [ffmpeg_exe(), "-hide_banner", "-loglevel", "error", "-y"]
    cmd += ["-display_rotation", str(degrees), "-i", str(tmp), "-c", "copy", str(path)]
    subprocess.run(cmd, check=True, **NO_CONSOLE)
    tmp.unlink()


def _write_vfr(spec: Spec, out: Path, ticks: Sequence[int]) -> list[int]:
    """Encode only the kept ticks, each at its own original timestamp.

    ffmpeg's select filter on a CFR source keeps timestamps; we feed every
    tick (dropped ones blank) and let the same predicate, as an ffmpeg
    expression, drop them.
    """
    if not spec.keep_expr:
        raise ValueError("a VFR spec needs keep_expr matching keep")
    kept = set(ticks)
    stored = spec
    cmd = _ffmpeg_command(stored, out)
    at = cmd.index("-fps_mode")
    cmd[at:at] = ["-vf", f"select='{spec.keep_expr}'"]
    proc = subprocess.Popen(cmd, stdin=subprocess.PIPE, **NO_CONSOLE)
    assert proc.stdin is not None
    index = 0
    blank = np.zeros((stored.height, stored.width, 3), np.uint8)
    for tick in range(spec.frames):
        if tick in kept:
            proc.stdin.write(_render(spec, tick, index).tobytes())
            index += 1
        else:
            proc.stdin.write(blank.tobytes())
    proc.stdin.close()
    if proc.wait() != 0:
        raise RuntimeError(f"ffmpeg failed writing {out.name}")
    return list(ticks)
