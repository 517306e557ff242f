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
from tests import defects

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
MPEG4_BFRAMES = ("-c:v", "mpeg4", "-q:v", "4", "-g", "24", "-bf", "2")
H264_PYRAMID = (
    "-c:v",
    "libx264",
    "-preset",
    "ultrafast",
    "-x264-params",
    "bframes=3:b-pyramid=normal:b-adapt=0:keyint=30:scenecut=0",
    "-pix_fmt",
    "yuv420p",
)
HEVC_10BIT = (
    "-c:v",
    "libx265",
    "-preset",
    "ultrafast",
    "-x265-params",
    "keyint=30:min-keyint=30:bframes=3:log-level=error",
    "-pix_fmt",
    "yuv420p10le",
    "-tag:v",
    "hvc1",
)
MJPEG_422 = ("-c:v", "mjpeg", "-pix_fmt", "yuvj422p", "-q:v", "5")
MPEG2_INTERLACED = (
    "-vf", "setfield=tff", "-c:v", "mpeg2video", "-q:v", "4", "-g", "15", "-bf", "2",
    "-flags", "+ildct+ilme",
)  # fmt: skip


@dataclass(frozen=True)
class Case:
    """A generated file and the truth about it."""

    path: Path
    times_ms: tuple[int, ...]  # exact start of every frame, from the first frame
    first_index: int = 0
    damaged: tuple[int, ...] = ()  # frames the decoder cannot give whole
    unreadable: tuple[int, ...] = ()  # frames whose barcode decoding errors may have touched

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


def native_format(path: Path) -> str:
    import av

    with av.open(str(path)) as container:
        for packet in container.demux(video=0):
            for video in _decode_quietly(packet):
                return video.format.name
    return ""


def _decode_quietly(packet: object) -> list:
    import av.error

    try:
        return list(packet.decode()) if packet.size else []  # type: ignore[attr-defined]
    except av.error.InvalidDataError:
        return []


def ffmpeg_args(path: Path, threads: int | None = 1) -> list[str]:
    """The ffmpeg CLI decode every engine frame is compared with (docs/adr/0007).

    Every picture the decoder puts out, in its output order, numbered so none is
    dropped or repeated for timing (setpts=N, passthrough), stored pixels
    (no autorotation), as I420: native when the decoder gives 8-bit 4:2:0,
    else converted by ffmpeg's own scaler. One decoder thread: on valid data
    that is the default decode bit for bit, and around a damaged frame it is
    the only decode that gives the same pixels every time.
    """
    convert = [] if native_format(path) in ("yuv420p", "yuvj420p") else ["-pix_fmt", "yuv420p"]
    threading = ["-threads", str(threads)] if threads else []
    return [*threading, "-noautorotate", "-i", str(path), "-map", "0:v:0", "-vf", "setpts=N",
            "-fps_mode", "passthrough", *convert]


def ffmpeg_md5s(path: Path, threads: int | None = 1) -> list[str]:
    """MD5 of every frame of the ffmpeg CLI decode, in output order."""
    cmd = [synth.ffmpeg_exe(), "-hide_banner", "-loglevel", "quiet", *ffmpeg_args(path, threads)]
    out = subprocess.run([*cmd, "-f", "framemd5", "-"], capture_output=True, text=True).stdout
    return [line.rsplit(",", 1)[1].strip() for line in out.splitlines() if line[:1].isdigit()]


def ffmpeg_frame(path: Path, i: int) -> bytes:
    """Frame ``i`` of the ffmpeg CLI decode as raw I420 bytes."""
    args = ffmpeg_args(path)
    at = args.index("setpts=N")
    args[at] = f"select=eq(n\\,{i}),setpts=N"
    cmd = [synth.ffmpeg_exe(), "-hide_banner", "-loglevel", "quiet", *args]
    done = subprocess.run([*cmd, "-frames:v", "1", "-pix_fmt", "yuv420p", "-f", "rawvideo", "-"],
                          capture_output=True, check=True)
    return done.stdout


class Library:
    """Builds each case on first use; one folder per test session."""

    def __init__(self, root: Path) -> None:
        self.root = root
        self._made: dict[str, Case] = {}
        self._refs: dict[str, list[str]] = {}

    def get(self, name: str) -> Case:
        if name not in self._made:
            self._made[name] = _RECIPES[name](self.root)
        return self._made[name]

    def reference(self, name: str) -> list[str]:
        """The ffmpeg CLI's per-frame MD5s for case ``name``, computed once."""
        key = f"md5:{name}"
        if key not in self._refs:
            self._refs[key] = ffmpeg_md5s(self.get(name).path)
        return self._refs[key]

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


# -- the conformance corpus: what real cameras and old encoders write (ADR 0007) --


def _packed_b_avi(root: Path) -> Case:
    """DivX/Xvid AVI: P/B pairs packed in one chunk plus N-VOP placeholders; pts only guessed."""
    src = _encode(synth.Spec(frames=72, fps=24, video_args=MPEG4_BFRAMES), root / "asp_b.avi")
    return Case(defects.pack_divx(src.path, root / "divx_packed.avi"), src.times_ms)


def _pyramid(root: Path) -> Case:
    return _encode(synth.Spec(frames=90, video_args=H264_PYRAMID), root / "pyramid.mp4")


def _pts_eq_dts_mp4(root: Path) -> Case:
    """A phone clip whose muxer wrote pts == dts on a B-pyramid stream."""
    src = _pyramid(root)
    return Case(defects.pts_from_dts(src.path, root / "pts_eq_dts.mp4"), src.times_ms)


def _pts_eq_dts_mkv(root: Path) -> Case:
    src = _pyramid(root)
    return Case(defects.pts_from_dts(src.path, root / "pts_eq_dts.mkv"), src.times_ms)


def _raw_h264(root: Path) -> Case:
    """An elementary stream straight from a body camera: packets without any timestamp."""
    src = _pyramid(root)
    return Case(defects.annex_b(src.path, root / "bodycam.h264"), src.times_ms)


def _zero_size_avi(root: Path) -> Case:
    """MJPEG AVI whose index lists zero-size chunks: 'repeat the previous frame'."""
    spec = synth.Spec(
        frames=60,
        fps=15,
        video_args=("-c:v", "mjpeg", "-q:v", "5"),
        keep=lambda n: n % 5 != 2,
        keep_expr="not(eq(mod(n,5),2))",
    )
    return _encode(spec, root / "repeats.avi")


def _discard_tail(root: Path) -> Case:
    """Complete MP4 whose edit list ends before the last frame (flagged discard by the demuxer)."""
    src = _encode(synth.Spec(frames=60, video_args=H264_SHORT_GOP), root / "for_discard.mp4")
    dst = defects.shorten_edit_list(src.path, root / "discard_tail.mp4", 59, 30)
    return Case(dst, src.times_ms[:59])


def _corrupt_slice(root: Path) -> Case:
    """One P-frame's slice data overwritten in mid-file."""
    src = _encode(synth.Spec(frames=90, video_args=H264_SHORT_GOP), root / "for_corrupt.mp4")
    pts = defects.corrupt_packet(src.path, root / "corrupt_slice.mp4", 40)
    with _open(src.path) as c:
        stream = c.streams.video[0]
        shown = sorted(int(p.pts) for p in c.demux(stream) if p.size).index(pts)
    gop = range(shown // 30 * 30, shown // 30 * 30 + 30)
    return Case(root / "corrupt_slice.mp4", src.times_ms, damaged=(shown,), unreadable=tuple(gop))


def _refused_seek_avi(root: Path) -> Case:
    """AVI that starts on P-frames: the demuxer refuses (EPERM) seeks before its first keyframe."""
    src = _encode(synth.Spec(frames=72, fps=24, video_args=MPEG4_AVI), root / "for_midgop.avi")
    dst = defects.start_mid_gop(src.path, root / "starts_mid_gop.avi", 6)
    times = tuple(t - src.times_ms[6] for t in src.times_ms[6:])
    return Case(dst, times, first_index=6, unreadable=tuple(range(18)))


def _iphone_hevc(root: Path) -> Case:
    """10-bit HEVC, turned 90° by the display matrix, B-frames behind an edit list, AAC sound."""
    spec = synth.Spec(frames=60, video_args=HEVC_10BIT, rotate_display=90, audio=True)
    return _encode(spec, root / "IMG_0420.MOV")


def _button_mjpeg(root: Path) -> Case:
    """A button camera's MJPEG AVI: full-range 4:2:2 JPEG frames and sound."""
    spec = synth.Spec(frames=45, video_args=MJPEG_422, audio=True, audio_args=("-c:a", "pcm_s16le"))
    return _encode(spec, root / "PICT0001.AVI")


def _mpeg2_ts(root: Path) -> Case:
    """Interlaced MPEG-2 in MPEG-TS, as from a DVB recorder or an old camcorder."""
    spec = synth.Spec(width=352, height=288, fps=25, frames=50, video_args=MPEG2_INTERLACED)
    return _encode(spec, root / "camcorder.ts")


def _camera_h264(root: Path) -> Case:
    """A phone's recording, complete: H.264 with B-frames, sound interleaved in the mdat."""
    spec = synth.Spec(frames=150, video_args=H264_SHORT_GOP, audio=True)
    return _encode(spec, root / "camera_whole.mp4")


def _camera_h264_cut(root: Path) -> Case:
    """The same recording when the battery died: moov never written (cut at 60 %)."""
    whole = _camera_h264(root)
    return Case(truncate(whole.path, root / "REC_0042.MP4", 0.6), whole.times_ms)


def _camera_h264_reference(root: Path) -> Case:
    """Another, healthy recording from the same camera and settings."""
    spec = synth.Spec(frames=40, video_args=H264_SHORT_GOP, audio=True, label="ref")
    return _encode(spec, root / "REC_0041.MP4")


def _camera_hevc(root: Path) -> Case:
    return _encode(synth.Spec(frames=90, video_args=HEVC_10BIT), root / "hevc_whole.mov")


def _camera_hevc_cut(root: Path) -> Case:
    whole = _camera_hevc(root)
    return Case(truncate(whole.path, root / "IMG_0500.MOV", 0.6), whole.times_ms)


def _camera_hevc_reference(root: Path) -> Case:
    spec = synth.Spec(frames=30, video_args=HEVC_10BIT, label="ref")
    return _encode(spec, root / "IMG_0499.MOV")


def _other_camera(root: Path) -> Case:
    """A healthy recording from a different camera mode (another size): not a valid reference."""
    spec = synth.Spec(width=480, height=272, frames=30, video_args=H264_SHORT_GOP)
    return _encode(spec, root / "other_camera.mp4")


def _open(path: Path):  # noqa: ANN202 - an av container
    import av

    return av.open(str(path))


# Every file the conformance tests compare with the ffmpeg decode, frame by frame.
CORPUS = (
    "packed_b_avi",
    "pts_eq_dts_mp4",
    "pts_eq_dts_mkv",
    "raw_h264",
    "zero_size_avi",
    "discard_tail",
    "corrupt_slice",
    "refused_seek_avi",
    "iphone_hevc",
    "button_mjpeg",
    "mpeg2_ts",
)

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
    "packed_b_avi": _packed_b_avi,
    "pts_eq_dts_mp4": _pts_eq_dts_mp4,
    "pts_eq_dts_mkv": _pts_eq_dts_mkv,
    "raw_h264": _raw_h264,
    "zero_size_avi": _zero_size_avi,
    "discard_tail": _discard_tail,
    "corrupt_slice": _corrupt_slice,
    "refused_seek_avi": _refused_seek_avi,
    "iphone_hevc": _iphone_hevc,
    "button_mjpeg": _button_mjpeg,
    "mpeg2_ts": _mpeg2_ts,
    "camera_h264": _camera_h264,
    "camera_h264_cut": _camera_h264_cut,
    "camera_h264_reference": _camera_h264_reference,
    "camera_hevc": _camera_hevc,
    "camera_hevc_cut": _camera_hevc_cut,
    "camera_hevc_reference": _camera_hevc_reference,
    "other_camera": _other_camera,
}
