"""Saving what can be saved of a damaged recording, into a new file beside it.

The original is never touched. A file that opens is remuxed: every packet
that can be read is copied into ``NAME.repaired.mp4`` (or ``.mkv`` when MP4
cannot hold its codec) with timestamps in display order taken from the
engine's index, so files with missing or decode-order pts come out right
too. An MP4/MOV whose index (moov) was never written is rebuilt the way
``untrunc`` does it: the codec setup and frame timing come from a healthy
recording of the same camera, the frames from the length-prefixed NAL units
in the damaged file's media data (reviewer/media/nal.py). Whatever cannot
be done is said in one line, naming the file and the reason.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from fractions import Fraction
from pathlib import Path

import av
import av.error
import numpy as np

from reviewer.media.container import as_media_error, open_video
from reviewer.media.decode_pass import stamp
from reviewer.media.errors import MediaError, TruncatedNoIndexError
from reviewer.media.index import FrameIndex, build_index
from reviewer.media.mp4box import boxes, is_unfinished_recording
from reviewer.media.nal import Sample, Syntax, samples
from reviewer.media.paths import check_local_file

_MP4_CODECS = {"h264", "hevc", "mpeg4", "av1", "vp9", "mjpeg", "mpeg2video", "aac", "mp3", "ac3",
               "opus", "alac"}  # fmt: skip
_REBUILD_CODECS = {"h264", "hevc"}
_MIN_DECODED_SHARE = 0.9  # of the frames found, this many must decode with the reference's setup

_MESSAGES: dict[str, tuple[str, str]] = {
    "needs_reference": (
        "文件缺少索引，需要同一相机录的一段正常视频作参考才能修复："
        "shenpian repair {name} --reference 正常录像.mp4",
        "The file has no index; repairing it needs a healthy recording from the same camera: "
        "shenpian repair {name} --reference GOOD.mp4",
    ),
    "bad_reference": (
        "参考视频不能用（{detail}）：{name}",
        "The reference recording cannot be used ({detail}): {name}",
    ),
    "codec": (
        "只能用参考视频重建 H.264/H.265 录像的索引，参考视频是 {detail}：{name}",
        "Only H.264/H.265 recordings can be rebuilt from a reference; the reference is {detail}: "
        "{name}",
    ),
    "no_frames": (
        "在文件的媒体数据里找不到 {detail} 画面，无法修复：{name}",
        "No {detail} frames found in the file's media data; it cannot be repaired: {name}",
    ),
    "mismatch": (
        "参考视频的编码设置与这个文件不符（{detail}），请换一段同一相机、同一画质设置录的视频：{name}",
        "The reference's encoder settings do not match this file ({detail}); use a recording "
        "from the same camera and quality setting: {name}",
    ),
    "exists": (
        "修复后的文件已经存在，不会覆盖：{name}",
        "The repaired file already exists and will not be overwritten: {name}",
    ),
    "nothing": (
        "文件里没有能读出的画面，无法修复：{name}",
        "Nothing in the file can be read as video; it cannot be repaired: {name}",
    ),
}


class RepairError(MediaError):
    """A repair that cannot be done; ``kind`` says exactly why."""

    messages = _MESSAGES

    def __init__(self, path: str | Path, kind: str, detail: str = "") -> None:
        self.kind = kind
        super().__init__(path, detail)


@dataclass(frozen=True)
class RepairResult:
    output: Path
    frames: int
    method: str  # "remux": packets copied; "rebuild": index rebuilt from a reference
    audio: bool  # sound was copied too


def default_output(path: Path, suffix: str = ".mp4") -> Path:
    return path.with_name(f"{path.stem}.repaired{suffix}")


def repair(
    path: str | Path,
    reference: str | Path | None = None,
    output: str | Path | None = None,
) -> RepairResult:
    """Repair ``path`` into a new file (``output``, or NAME.repaired.mp4 beside it)."""
    p = check_local_file(path)
    if is_unfinished_recording(p):
        if reference is None:
            raise RepairError(p, "needs_reference")
        return _rebuild(p, check_local_file(reference), _target(p, output, ".mp4"))
    try:
        index = build_index(p)
    except TruncatedNoIndexError:
        raise
    except MediaError as exc:
        raise RepairError(p, "nothing") from exc
    return _remux(p, index, output)


def _target(p: Path, output: str | Path | None, suffix: str) -> Path:
    out = Path(output) if output is not None else default_output(p, suffix)
    if out.exists():
        raise RepairError(out, "exists")
    return out


# -- remux -------------------------------------------------------------------


def _remux(p: Path, index: FrameIndex, output: str | Path | None) -> RepairResult:
    container, video = open_video(p)
    try:
        audio = [s for s in container.streams.audio if s.codec_context is not None][:1]
        names = {video.codec_context.name, *(a.codec_context.name for a in audio)}
        out = _target(p, output, ".mp4" if names <= _MP4_CODECS else ".mkv")
        kept = _readable_video(container, video, index, audio)
    finally:
        container.close()
    frames, audio_packets = kept
    if not frames:
        raise RepairError(p, "nothing")
    shown = [d for _s, d in frames]
    pts, dts = display_timestamps(shown, index.pts[sorted(shown)], _frame_ticks(index))
    _write_file(out, p, [s for s, _d in frames], pts, dts, index.time_base, audio_packets)
    return RepairResult(out, len(frames), "remux", bool(audio_packets))


def _readable_video(container, video, index: FrameIndex, audio) -> tuple[list, list]:  # noqa: ANN001
    """Whole video packets (with the display index of their frame), and the sound packets."""
    frames: list[tuple[Sample, int]] = []
    sound: list[av.Packet] = []
    streams = [video, *audio]
    try:
        for packet in container.demux(streams):
            if not packet.size or packet.is_corrupt:
                continue
            if packet.stream.type == "audio":
                sound.append(packet)
                continue
            shown = index.display_of(stamp(packet, index.ident_field))
            if shown is not None and not packet.is_discard:
                frames.append((Sample(bytes(packet), bool(packet.is_keyframe)), shown))
    except (av.error.EOFError, av.error.InvalidDataError):
        pass  # the rest is unreadable: keep what came before
    return frames, sound


def _frame_ticks(index: FrameIndex) -> int:
    return int(np.median(np.diff(index.pts))) if len(index) > 1 else 1


def display_timestamps(
    shown: Sequence[int], times: np.ndarray, frame_ticks: int
) -> tuple[list[int], list[int]]:
    """pts and dts for frames in decode order, given each one's display rank.

    The k-th frame in display order shows at ``times[k]``; dts run the same
    times shifted back by the stream's reorder depth, so dts <= pts always.
    """
    rank = np.argsort(np.argsort(np.asarray(shown)))
    depth = int(max(0, np.max(np.arange(rank.size) - rank))) if rank.size else 0
    pts = [int(times[r]) for r in rank]
    dts = [
        int(times[k - depth]) if k >= depth else int(times[0]) - (depth - k) * frame_ticks
        for k in range(rank.size)
    ]
    return pts, dts


def _write_file(
    out: Path,
    template_file: Path,
    frames: Sequence[Sample],
    pts: Sequence[int],
    dts: Sequence[int],
    time_base: Fraction,
    sound: Sequence[av.Packet] = (),
) -> None:
    """Write the frames (and sound) to ``out``, next to nothing else: a .part first."""
    tmp = out.with_name(out.stem + ".part" + out.suffix)
    try:
        with av.open(str(template_file)) as source, av.open(str(tmp), "w") as sink:
            video = sink.add_stream_from_template(source.streams.video[0])
            audio = [sink.add_stream_from_template(source.streams.audio[0])] if sound else []
            _mux_all(sink, video, audio, frames, pts, dts, time_base, sound)
        tmp.replace(out)
    except (OSError, av.error.FFmpegError) as exc:
        tmp.unlink(missing_ok=True)
        raise as_media_error(out, exc) from exc


def _mux_all(sink, video, audio, frames, pts, dts, time_base, sound) -> None:  # noqa: ANN001
    """Video and sound interleaved by time, as a camera writes them."""
    pending = sorted(sound, key=lambda a: float(a.dts * a.time_base) if a.dts is not None else 0)
    at = 0
    for sample, p, d in zip(frames, pts, dts, strict=True):
        while at < len(pending) and _seconds(pending[at]) <= float(d * time_base):
            _mux_sound(sink, audio[0], pending[at])
            at += 1
        packet = av.Packet(sample.data)
        packet.stream, packet.time_base = video, time_base
        packet.pts, packet.dts, packet.is_keyframe = p, d, sample.key
        sink.mux(packet)
    for rest in pending[at:]:
        _mux_sound(sink, audio[0], rest)


def _seconds(packet: av.Packet) -> float:
    return float((packet.dts or 0) * packet.time_base)


def _mux_sound(sink, stream, packet: av.Packet) -> None:  # noqa: ANN001
    packet.stream = stream
    sink.mux(packet)


# -- rebuild from a reference (untrunc) ------------------------------------------


@dataclass(frozen=True)
class _Reference:
    path: Path
    codec: str
    syntax: Syntax
    time_base: Fraction
    frame_ticks: int


def _read_reference(p: Path, ref: Path) -> _Reference:
    try:
        index = build_index(ref)
        container, stream = open_video(ref)
    except MediaError as exc:
        raise RepairError(p, "bad_reference", exc.message("en")) from exc
    try:
        codec = stream.codec_context.name
        if codec not in _REBUILD_CODECS:
            raise RepairError(p, "codec", codec)
        extradata = bytes(stream.codec_context.extradata or b"")
        syntax = Syntax(codec, _length_size(codec, extradata))
    finally:
        container.close()
    return _Reference(ref, codec, syntax, index.time_base, _frame_ticks(index))


def _length_size(codec: str, extradata: bytes) -> int:
    """NAL length-prefix size from avcC / hvcC (4 if the reference has none)."""
    if codec == "h264" and len(extradata) > 4 and extradata[0] == 1:
        return (extradata[4] & 3) + 1
    if codec == "hevc" and len(extradata) > 21 and extradata[0] == 1:
        return (extradata[21] & 3) + 1
    return 4


def _rebuild(p: Path, ref: Path, out: Path) -> RepairResult:
    reference = _read_reference(p, ref)
    found = samples(_media_data(p), reference.syntax)
    if not found:
        raise RepairError(p, "no_frames", reference.codec.upper())
    # First with pts = dts (decode order); the engine's decode-built index of that
    # file gives the display order, then the real file is written with true pts.
    ticks = reference.frame_ticks
    serial = [k * ticks for k in range(len(found))]
    draft = out.with_name(out.stem + ".draft.mp4")
    try:
        _write_file(draft, ref, found, serial, serial, reference.time_base)
        shown = _display_order(p, draft, len(found))
    finally:
        draft.unlink(missing_ok=True)
    keep = [k for k, d in enumerate(shown) if d is not None]
    times = np.arange(len(keep), dtype=np.int64) * ticks
    pts, dts = display_timestamps([shown[k] for k in keep], times, ticks)
    _write_file(out, ref, [found[k] for k in keep], pts, dts, reference.time_base)
    return RepairResult(out, len(keep), "rebuild", False)


def _media_data(p: Path) -> bytes:
    mdat = next((b for b in boxes(p) if b.kind == b"mdat"), None)
    if mdat is None:
        raise RepairError(p, "no_frames", "mdat")
    with p.open("rb") as fh:
        fh.seek(mdat.payload)
        return fh.read(mdat.size - mdat.header)


def _display_order(p: Path, draft: Path, count: int) -> list[int | None]:
    """Each found frame's display index, or None for one the reference's setup cannot decode."""
    try:
        index = build_index(draft, mode="decoder")
    except MediaError as exc:
        raise RepairError(p, "mismatch", exc.message("en")) from exc
    with av.open(str(draft)) as container:
        written = [p.pts for p in container.demux(video=0) if p.size]
    shown: list[int | None] = [index.display_of(pts) for pts in written]
    shown += [None] * (count - len(shown))
    decoded = sum(d is not None for d in shown) - sum(b - a + 1 for a, b in index.damaged)
    if decoded < _MIN_DECODED_SHARE * count:
        raise RepairError(p, "mismatch", f"{decoded} of {count} frames decode")
    return shown

