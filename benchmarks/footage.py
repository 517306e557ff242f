"""Benchmark footage: camera-like frames (panning texture + sensor noise) with a barcode.

``reviewer.media.synth`` paints flat frames that cost almost nothing to
decode, which would flatter every decode-bound figure. Here each frame is a
panning, textured picture plus temporal noise (so I-frames and P-frames cost
what real footage costs), with the *output* frame index painted by
``synth.draw_barcode`` so any decoder's answer can be checked with
``synth.read_barcode``.

Variable frame rate: every source tick is piped to ffmpeg and a short
``select`` expression drops some of them, keeping their original timestamps
(``-fps_mode passthrough``). The barcode carries the index among *kept*
frames, and :func:`vfr_ticks` says which tick (hence which time) each has.
"""

from __future__ import annotations

import json
import subprocess
import time
from collections.abc import Callable
from dataclasses import asdict, dataclass
from pathlib import Path

import cv2
import numpy as np

from reviewer.media import synth

# Ticks dropped in the VFR file: n%7==3 or n%11==5 (~23.4 fps out of 30).
VFR_EXPR = "not(eq(mod(n,7),3)+eq(mod(n,11),5))"


def vfr_keep(n: int) -> bool:
    return not (n % 7 == 3 or n % 11 == 5)


@dataclass(frozen=True)
class Footage:
    name: str
    width: int
    height: int
    fps: int
    seconds: int
    vfr: bool = False
    gop: int = 250
    bitrate: str = "12M"
    audio: bool = True
    codec: str = "h264"  # or "hevc10": 10-bit HEVC as 4K phones record it

    @property
    def ticks(self) -> int:
        return self.fps * self.seconds

    def video_args(self) -> list[str]:
        return self.x265_args() if self.codec == "hevc10" else self.x264_args()

    def x265_args(self) -> list[str]:
        params = f"keyint={self.gop}:min-keyint={self.gop}:scenecut=0:bframes=3:log-level=error"
        return [
            "-c:v", "libx265", "-preset", "ultrafast", "-pix_fmt", "yuv420p10le",
            "-tag:v", "hvc1", "-x265-params", params,
            "-b:v", self.bitrate, "-maxrate", self.bitrate, "-bufsize", self.bitrate,
        ]  # fmt: skip

    def x264_args(self) -> list[str]:
        # Fixed 250-frame GOPs (scene cuts off): the worst case for back-steps and seeks
        # on every GOP, instead of a content-dependent mix of GOP lengths.
        return [
            "-c:v", "libx264", "-preset", "veryfast", "-pix_fmt", "yuv420p",
            "-bf", "3", "-g", str(self.gop), "-keyint_min", str(self.gop),
            "-x264-params", "scenecut=0",
            "-b:v", self.bitrate, "-maxrate", self.bitrate, "-bufsize", self.bitrate,
        ]  # fmt: skip

    def describe(self) -> str:
        kind = "VFR (ticks n%7==3 or n%11==5 dropped)" if self.vfr else "CFR"
        if self.codec == "hevc10":
            return (
                f"{self.width}x{self.height} {self.fps} fps {kind}, {self.seconds} s, HEVC Main10 "
                f"(x265 ultrafast) {self.bitrate}b/s, -bf 3, GOP {self.gop} (scenecut=0)"
            )
        return (
            f"{self.width}x{self.height} {self.fps} fps {kind}, {self.seconds} s, H.264 High "
            f"veryfast {self.bitrate}b/s, -bf 3, GOP {self.gop} (scenecut=0)"
            + (", AAC 64k" if self.audio else "")
        )


def vfr_ticks(footage: Footage) -> list[int]:
    """Source tick of every output frame (all ticks for CFR)."""
    if not footage.vfr:
        return list(range(footage.ticks))
    return [n for n in range(footage.ticks) if vfr_keep(n)]


class _Painter:
    """Camera-like pictures: a textured scene panning slowly, plus per-frame grain."""

    def __init__(self, width: int, height: int, seed: int = 7) -> None:
        rng = np.random.default_rng(seed)
        self.width, self.height = width, height
        pan_w = width + 1024
        small = rng.integers(0, 255, (height // 24 + 1, pan_w // 24 + 1, 3), dtype=np.uint8)
        scene = cv2.resize(small, (pan_w, height), interpolation=cv2.INTER_CUBIC)
        detail = rng.normal(0, 18, (height, pan_w, 3))
        self.scene = np.clip(scene.astype(np.float32) * 0.6 + 50 + detail, 0, 255).astype(np.uint8)
        for k in range(40):  # hard edges: stall fronts, signs
            x, y = int(rng.integers(0, pan_w - 200)), int(rng.integers(0, height - 150))
            color = tuple(int(c) for c in rng.integers(0, 255, 3))
            cv2.rectangle(self.scene, (x, y), (x + 60 + 3 * k, y + 40 + k), color, -1)
        self.grain = [rng.normal(0, 5, (height, width, 3)).astype(np.int16) for _ in range(13)]

    def paint(self, tick: int, index: int) -> np.ndarray:
        x = (tick * 3) % 1024
        view = self.scene[:, x : x + self.width].astype(np.int16)
        view += self.grain[tick % len(self.grain)]
        image = np.clip(view, 0, 255).astype(np.uint8)
        bar = (tick * 11) % self.width
        image[self.height // 3 :, bar : bar + self.width // 30] = (40, 160, 220)
        cv2.putText(
            image, str(index), (20, self.height - 30), cv2.FONT_HERSHEY_SIMPLEX,
            self.height / 300, (255, 255, 255), 3,
        )  # fmt: skip
        synth.draw_barcode(image, index)
        return image


def _command(footage: Footage, out: Path) -> list[str]:
    cmd = [synth.ffmpeg_exe(), "-hide_banner", "-loglevel", "error", "-y"]
    cmd += ["-f", "rawvideo", "-pix_fmt", "bgr24", "-s", f"{footage.width}x{footage.height}"]
    cmd += ["-framerate", str(footage.fps), "-i", "-"]
    if footage.audio:
        cmd += ["-f", "lavfi", "-i", f"sine=frequency=440:duration={footage.seconds}"]
    cmd += ["-map", "0:v"] + (["-map", "1:a"] if footage.audio else [])
    if footage.vfr:
        cmd += ["-vf", f"select='{VFR_EXPR}'", "-fps_mode", "passthrough"]
    cmd += footage.video_args()
    if footage.audio:
        cmd += ["-c:a", "aac", "-b:a", "64k"]
    cmd += ["-movflags", "+faststart", str(out)]
    return cmd


def ensure(footage: Footage, folder: Path, log: Callable[[str], None] = print) -> Path:
    """The file for ``footage`` in ``folder``, generated once and reused afterwards."""
    folder.mkdir(parents=True, exist_ok=True)
    out = folder / f"{footage.name}.mp4"
    stamp = out.with_suffix(".json")
    want = asdict(footage)
    if out.exists() and stamp.exists() and json.loads(stamp.read_text()) == want:
        return out
    log(f"  generating {out.name}: {footage.describe()} (one-off, cached) ...")
    started = time.perf_counter()
    tmp = out.with_name(out.stem + ".part.mp4")
    painter = _Painter(footage.width, footage.height)
    proc = subprocess.Popen(_command(footage, tmp), stdin=subprocess.PIPE)
    assert proc.stdin is not None
    index = 0
    blank = np.zeros((footage.height, footage.width, 3), np.uint8)
    try:
        for tick in range(footage.ticks):
            if footage.vfr and not vfr_keep(tick):
                proc.stdin.write(blank.tobytes())  # dropped by the select filter
                continue
            proc.stdin.write(painter.paint(tick, index).tobytes())
            index += 1
    finally:
        proc.stdin.close()
    if proc.wait() != 0:
        raise RuntimeError(f"ffmpeg failed writing {tmp}")
    tmp.replace(out)
    stamp.write_text(json.dumps(want))
    log(f"  ... {out.name} done in {time.perf_counter() - started:.0f} s")
    return out
