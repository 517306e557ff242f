"""Test footage generated with the bundled ffmpeg, one file per edge case.

Every frame's index is painted as a barcode (reviewer.media.synth), and each
case records the exact time of each frame, so tests check frame identity
and timing against ground truth instead of against the engine itself.
"""

from __future__ import annotations

import struct
import subprocess
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from reviewer.media import synth

H264_BFRAMES = (
    "-c:v",
    "libx264",
    "-preset",
    "ultrafast",
    "-x264-params",
    "bframes=3:keyint=250:min-keyint=250:scenecut=0",
    "-pix_fmt",
    "yuv420p",
)
H264_SHORT_GOP = (
    "-c:v",
    "libx264",
    "-preset",
    "ultrafast",
    "-x264-params",
    "bframes=2:keyint=30:scenecut=0",
    "-pix_fmt",
    "yuv420p",
)
HEVC = (
    "-c:v",
    "libx265",
    "-preset",
    "ultrafast",
    "-x265-params",
    "keyint=40:min-keyint=40:bframes=3:open-gop=1:log-level=error",
    "-pix_fmt",
    "yuv420p",
)
MPEG4_AVI = ("-c:v", "mpeg4", "-q:v", "4", "-g", "24", "-bf", "0")


@dataclass(frozen=True)
class Case:
    """A generated file and the truth about it."""

    path: Path
    times_ms: tuple[int, ...]  # exact start of every frame, from the first frame
    first_index: int = 0

    @property
    def frames(self) -> int:
        return len(self.times_ms)


def cfr_times(frames: int, fps: int) -> tuple[int, ...]:
    return tuple(round(i * 1000 / fps) for i in range(frames))


def _encode(spec: synth.Spec, path: Path) -> Case:
    ticks = synth.write(spec, path)
    first = ticks[0]
    return Case(path, tuple(round((t - first) * 1000 / spec.fps) for t in ticks), spec.first_index)


def truncate(src: Path, dst: Path, share: float) -> Path:
    data = src.read_bytes()
    dst.write_bytes(data[: int(len(data) * share)])
    return dst


def patch_avi_fourcc(src: Path, dst: Path, fourcc: bytes = b"QQQQ") -> Path:
    """An AVI whose video codec tag names no codec FFmpeg knows."""
    data = bytearray(src.read_bytes())
    for tag in (b"FMP4", b"XVID", b"DIVX"):
        data = bytearray(bytes(data).replace(tag, fourcc))
    dst.write_bytes(bytes(data))
    return dst


def remux(src: Path, dst: Path, *args: str) -> Path:
    cmd = [synth.ffmpeg_exe(), "-hide_banner", "-loglevel", "error", "-y", "-i", str(src)]
    subprocess.run([*cmd, "-c", "copy", *args, str(dst)], check=True)
    return dst


def audio_only(dst: Path) -> Path:
    cmd = [synth.ffmpeg_exe(), "-hide_banner", "-loglevel", "error", "-y", "-f", "lavfi"]
    cmd += ["-i", "sine=frequency=440:duration=2", "-c:a", "aac", str(dst)]
    subprocess.run(cmd, check=True)
    return dst


def mp4_boxes(path: Path) -> list[bytes]:
    """Top-level box types, to prove a fixture really has its moov where we think."""
    out, data, at = [], path.read_bytes(), 0
    while at + 8 <= len(data):
        size, kind = struct.unpack(">I4s", data[at : at + 8])
        out.append(kind)
        if size < 8:
            break
        at += size
    return out


class Library:
    """Builds each case on first use; one folder per test session."""

    def __init__(self, root: Path) -> None:
        self.root = root
        self._made: dict[str, Case] = {}

    def get(self, name: str) -> Case:
        if name not in self._made:
            self._made[name] = _RECIPES[name](self.root)
        return self._made[name]

    def __getattr__(self, name: str) -> Case:
        if name.startswith("_") or name not in _RECIPES:
            raise AttributeError(name)
        return self.get(name)


def _cfr1080(root: Path) -> Case:
    spec = synth.Spec(
        width=1920,
        height=1080,
        frames=300,
        video_args=H264_BFRAMES,
        audio=True,
        metadata={"creation_time": "2026-11-03T09:15:00Z"},
    )
    return _encode(spec, root / "cfr1080.mp4")


def _small(root: Path) -> Case:
    return _encode(synth.Spec(frames=120, video_args=H264_SHORT_GOP), root / "small.mp4")


def _vfr(root: Path) -> Case:
    # 3 s at 30 fps, then a low-light drop to 10 fps, plus scattered drops: a phone's rhythm.
    spec = synth.Spec(
        frames=240,
        video_args=H264_SHORT_GOP,
        keep=lambda n: n < 90 and n % 7 != 3 or n >= 90 and n % 3 == 0,
        keep_expr="lt(n,90)*not(eq(mod(n,7),3))+gte(n,90)*not(mod(n,3))",
    )
    return _encode(spec, root / "vfr.mp4")


def _rot90(root: Path) -> Case:
    spec = synth.Spec(
        width=320, height=240, frames=60, video_args=H264_SHORT_GOP, rotate_display=90
    )
    return _encode(spec, root / "rot90.mp4")


def _hevc(root: Path) -> Case:
    return _encode(synth.Spec(frames=100, video_args=HEVC), root / "hevc.mp4")


def _mpeg4_avi(root: Path) -> Case:
    return _encode(synth.Spec(frames=72, fps=24, video_args=MPEG4_AVI), root / "mpeg4.avi")


def _unsupported(root: Path) -> Case:
    src = _encode(synth.Spec(frames=24, fps=24, video_args=MPEG4_AVI), root / "plain.avi")
    return Case(patch_avi_fourcc(src.path, root / "unknown_codec.avi"), src.times_ms)


def _moov_at_end_cut(root: Path) -> Case:
    src = _encode(synth.Spec(frames=150, video_args=H264_SHORT_GOP), root / "whole_moov_end.mp4")
    return Case(truncate(src.path, root / "battery_died.mp4", 0.6), ())


def _faststart_cut(root: Path) -> Case:
    spec = synth.Spec(
        frames=150, video_args=H264_SHORT_GOP, container_args=("-movflags", "+faststart")
    )
    src = _encode(spec, root / "whole_faststart.mp4")
    return Case(truncate(src.path, root / "faststart_cut.mp4", 0.6), src.times_ms)


def _empty(root: Path) -> Case:
    path = root / "empty.mp4"
    path.write_bytes(b"")
    return Case(path, ())


def _text(root: Path) -> Case:
    path = root / "notes.mp4"
    path.write_text("这不是视频 / this is not a video\n" * 20, encoding="utf-8")
    return Case(path, ())


def _audio(root: Path) -> Case:
    return Case(audio_only(root / "audio_only.mp4"), ())


def _chinese(root: Path) -> Case:
    folder = root / "暗访视频 2026年11月"
    return _encode(
        synth.Spec(frames=45, video_args=H264_SHORT_GOP), folder / "第一段 餐馆 后厨.mp4"
    )


def _ts_offset(root: Path) -> Case:
    """MPEG-TS starts its clock at 1.4 s; tag times must still start at 0."""
    src = _encode(synth.Spec(frames=60, video_args=H264_SHORT_GOP), root / "for_ts.mp4")
    return Case(remux(src.path, root / "offset.ts", "-f", "mpegts"), src.times_ms)


def _odd_rows(root: Path) -> Case:
    """270 rows: chroma planes do not fold into whole luma-width rows."""
    return _encode(
        synth.Spec(width=480, height=270, frames=30, video_args=H264_SHORT_GOP), root / "h270.mp4"
    )


def _chunk_a(root: Path) -> Case:
    return _encode(synth.Spec(frames=75, video_args=H264_SHORT_GOP), root / "REC_0001.MP4")


def _chunk_b(root: Path) -> Case:
    spec = synth.Spec(frames=60, video_args=H264_SHORT_GOP, first_index=75)
    return _encode(spec, root / "REC_0002.MP4")


_RECIPES: dict[str, Callable[[Path], Case]] = {
    "cfr1080": _cfr1080,
    "small": _small,
    "vfr": _vfr,
    "rot90": _rot90,
    "hevc": _hevc,
    "mpeg4_avi": _mpeg4_avi,
    "unsupported": _unsupported,
    "moov_at_end_cut": _moov_at_end_cut,
    "faststart_cut": _faststart_cut,
    "empty": _empty,
    "text": _text,
    "audio": _audio,
    "chinese": _chinese,
    "ts_offset": _ts_offset,
    "odd_rows": _odd_rows,
    "chunk_a": _chunk_a,
    "chunk_b": _chunk_b,
}
