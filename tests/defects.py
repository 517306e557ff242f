"""The defects real cameras and old encoders put into files, made byte by byte for tests.

Each function turns a healthy generated file into one with exactly one
defect, and checks the defect is really there (a fixture that silently
came out healthy would make its tests pass for nothing).
"""

from __future__ import annotations

import random
import struct
import subprocess
from pathlib import Path

import av
import av.error

from reviewer.media import synth

VOP = b"\x00\x00\x01\xb6"
DIVX_PACKED = b"DivX503b1393p"  # DivX 5 user data; the final "p" means "packed bitstream"
_TIME_BITS = 5  # vop_time_increment bits for a 24 fps time base (resolution 24)


def ffmpeg(*args: str) -> None:
    cmd = [synth.ffmpeg_exe(), "-hide_banner", "-loglevel", "error", "-y", *args]
    subprocess.run(cmd, check=True)


# -- DivX packed B-frames ----------------------------------------------------


def _vop_type(data: bytes) -> str:
    at = data.find(VOP)
    return "IPBS"[data[at + 4] >> 6]


def n_vop() -> bytes:
    """A 7-byte "not coded" P-VOP: the placeholder DivX puts where a packed frame's slot was."""
    fields = [(0b01, 2), (0, 1), (1, 1), (0, _TIME_BITS), (1, 1), (0, 1)]  # P, time, vop_coded=0
    value, bits = 0, 0
    for v, n in fields:
        value, bits = (value << n) | v, bits + n
    stuffing = 16 - bits  # a zero then ones up to the byte boundary
    value = (value << stuffing) | ((1 << (stuffing - 1)) - 1)
    return VOP + value.to_bytes(2, "big") + b"\x7f"


def _packed_chunks(packets: list[bytes]) -> list[tuple[bytes, bool]]:
    """DivX's packing: each reference frame with the first B-frame after it, in one chunk.

    Further B-frames follow one per chunk, then an N-VOP fills the slot the
    reference frame left empty, so every chunk still stands for one frame.
    """
    chunks: list[tuple[bytes, bool]] = []
    i = 0
    while i < len(packets):
        ref, j = packets[i], i + 1
        while j < len(packets) and _vop_type(packets[j]) == "B":
            j += 1
        bs = packets[i + 1 : j]
        key = _vop_type(ref) == "I"
        if bs:
            chunks += [(ref + bs[0], key), *((b, False) for b in bs[1:]), (n_vop(), False)]
        else:
            chunks.append((ref, key))
        i = j
    return chunks


def pack_divx(src: Path, dst: Path) -> Path:
    """An MPEG-4 ASP AVI with B-frames re-muxed the way DivX 5 / Xvid store them."""
    with av.open(str(src)) as ic:
        ist = ic.streams.video[0]
        packets = [bytes(p) for p in ic.demux(ist) if p.size]
        lavc = _user_data(packets[0])
        chunks = _packed_chunks([p.replace(lavc, DIVX_PACKED) for p in packets])
        with av.open(str(dst), "w", format="avi") as oc:
            ost = oc.add_stream_from_template(ist)
            ost.codec_context.extradata = ist.codec_context.extradata.replace(lavc, DIVX_PACKED)
            for n, (data, key) in enumerate(chunks):
                packet = av.Packet(data)
                packet.stream, packet.time_base = ost, ist.time_base
                packet.dts = packet.pts = n
                packet.is_keyframe = key
                oc.mux(packet)
    _check_unpacks_to(dst, packets, lavc)
    return dst


def _user_data(packet: bytes) -> bytes:
    at = packet.find(b"\x00\x00\x01\xb2") + 4
    end = packet.find(b"\x00\x00\x01", at)
    return packet[at:end]


def _check_unpacks_to(packed: Path, original: list[bytes], lavc: bytes) -> None:
    """FFmpeg's mpeg4_unpack_bframes undoes DivX packing: it must give back the original VOPs."""
    unpacked = packed.with_name(packed.stem + ".unpacked.avi")
    ffmpeg("-i", str(packed), "-c", "copy", "-bsf:v", "mpeg4_unpack_bframes", str(unpacked))
    with av.open(str(unpacked)) as c:
        got = [bytes(p) for p in c.demux(c.streams.video[0]) if p.size]
    unpacked.unlink()
    vops = [p[p.find(VOP) :] for p in original]
    if [g[g.find(VOP) :] for g in got] != vops or not _is_packed(packed):
        raise AssertionError(f"{packed.name}: packing is not what mpeg4_unpack_bframes undoes")


def _is_packed(path: Path) -> bool:
    """Some chunks hold two VOPs, some are 7-byte N-VOPs."""
    with av.open(str(path)) as c:
        chunks = [bytes(p) for p in c.demux(c.streams.video[0]) if p.size]
    return any(c.count(VOP) == 2 for c in chunks) and any(len(c) == 7 for c in chunks)


# -- timestamps --------------------------------------------------------------


def pts_from_dts(src: Path, dst: Path) -> Path:
    """H.264 whose packets carry pts == dts although frames are reordered (no composition offsets)."""
    expr = "setts=pts=DTS-STARTDTS:dts=DTS-STARTDTS"
    ffmpeg("-i", str(src), "-map", "0:v:0", "-c", "copy", "-bsf:v", expr, str(dst))
    with av.open(str(dst)) as c:
        pts = [p.pts for p in c.demux(c.streams.video[0]) if p.size]
    if pts != sorted(pts):  # MKV stores no dts: pts in decode order is the defect there
        raise AssertionError(f"{dst.name}: pts are not in decode order")
    return dst


def annex_b(src: Path, dst: Path) -> Path:
    """A raw H.264 elementary stream, as some body cameras write: no timestamps at all."""
    ffmpeg("-i", str(src), "-map", "0:v:0", "-c", "copy", "-bsf:v", "h264_mp4toannexb",
           "-f", "h264", str(dst))
    return dst


def shorten_edit_list(src: Path, dst: Path, frames_kept: int, fps: int) -> Path:
    """An MP4 whose edit list ends before its last frame: the demuxer flags that packet discard."""
    data = bytearray(src.read_bytes())
    mvhd = data.find(b"mvhd")
    version = data[mvhd + 4]
    scale_at = mvhd + (16 if version == 0 else 24)
    timescale = struct.unpack(">I", data[scale_at : scale_at + 4])[0]
    elst = data.find(b"elst")
    duration = frames_kept * timescale // fps
    if data[elst + 4] == 0:
        struct.pack_into(">I", data, elst + 12, duration)
    else:
        struct.pack_into(">Q", data, elst + 12, duration)
    dst.write_bytes(bytes(data))
    with av.open(str(dst)) as c:
        if not any(p.is_discard for p in c.demux(c.streams.video[0]) if p.size):
            raise AssertionError(f"{dst.name}: no packet is flagged discard")
    return dst


# -- damaged data ------------------------------------------------------------


def corrupt_packet(src: Path, dst: Path, n: int, length: int = 48) -> int:
    """Overwrite bytes inside the n-th packet (decode order); return that packet's pts."""
    with av.open(str(src)) as c:
        packets = [p for p in c.demux(c.streams.video[0]) if p.size]
        target = packets[n]
        pos, size, pts = int(target.pos), int(target.size), int(target.pts)
    data = bytearray(src.read_bytes())
    rng = random.Random(n)
    start = pos + size // 3
    for k in range(start, min(start + length, pos + size)):
        data[k] = rng.randrange(256)
    dst.write_bytes(bytes(data))
    return pts


def start_mid_gop(src: Path, dst: Path, drop: int) -> Path:
    """An AVI whose first packets were lost: it opens on P-frames, its first keyframe later.

    The AVI demuxer refuses (EPERM) any seek before that keyframe.
    """
    with av.open(str(src)) as ic:
        ist = ic.streams.video[0]
        packets = [p for p in ic.demux(ist) if p.size][drop:]
        if packets[0].is_keyframe:
            raise AssertionError("drop a number of packets that leaves a P-frame first")
        with av.open(str(dst), "w", format="avi") as oc:
            ost = oc.add_stream_from_template(ist)
            for n, packet in enumerate(packets):
                packet.stream = ost
                packet.dts = packet.pts = n
                oc.mux(packet)
    with av.open(str(dst)) as c:
        try:
            c.seek(0, stream=c.streams.video[0], backward=True)
        except av.error.PermissionError:
            return dst
    raise AssertionError(f"{dst.name}: the demuxer did not refuse a seek to its top")
