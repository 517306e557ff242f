"""``probe`` and ``frame``: look at a footage file from the command line."""

from __future__ import annotations

import argparse
import json
from pathlib import Path

import cv2

from reviewer.cli.common import CliError, Context
from reviewer.media.info import MediaInfo, probe
from reviewer.media.source import FrameSource

COMMANDS = ("probe", "frame")


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("probe", help="describe a footage file / 查看视频信息")
    p.add_argument("file", type=Path)
    p.add_argument("--json", action="store_true", help="machine-readable output")
    p.set_defaults(handler=cmd_probe)
    f = sub.add_parser("frame", help="write the frame shown at a time / 导出某一时刻的画面")
    f.add_argument("file", type=Path)
    f.add_argument("--at", type=float, required=True, metavar="SECONDS")
    f.add_argument("-o", "--output", type=Path, required=True, metavar="OUT.png")
    f.add_argument("--redact", action="store_true", help="mosaic the faces in it / 人脸打码")
    f.set_defaults(handler=cmd_frame)


def cmd_probe(args: argparse.Namespace, ctx: Context) -> int:
    info = probe(args.file)
    if args.json:
        ctx.say(json.dumps(info.to_dict(), ensure_ascii=False, indent=2))
    else:
        ctx.say(_describe(info, ctx))
    return 0


def _describe(info: MediaInfo, ctx: Context) -> str:
    count = str(info.frame_count) + (
        "" if info.frame_count_exact else ctx.pick("（不完整）", " (incomplete)")
    )
    rows = [
        (ctx.pick("文件", "File"), info.name),
        (ctx.pick("时长", "Duration"), f"{info.duration_ms / 1000:.3f} s"),
        (ctx.pick("帧数", "Frames"), count),
        (ctx.pick("帧率", "Frame rate"), _rate(info, ctx)),
        (ctx.pick("画面", "Picture"), f"{info.width}×{info.height}, {info.video_codec}"),
        (ctx.pick("旋转", "Rotation"), f"{info.rotation}°"),
        (ctx.pick("音频", "Audio"), info.audio_codec or ctx.pick("无", "none")),
        (
            ctx.pick("录制时间", "Recorded"),
            info.recorded_at.isoformat() if info.recorded_at else "-",
        ),
    ]
    if info.truncated:
        rows.append((ctx.pick("注意", "Note"), ctx.pick("文件末尾不完整", "the file is cut short")))
    return "\n".join(f"{k}: {v}" for k, v in rows)


def _rate(info: MediaInfo, ctx: Context) -> str:
    text = f"{info.average_fps:.3f} fps"
    if info.is_vfr:
        text += ctx.pick(
            f"（可变帧率，标称 {info.nominal_fps:g}）", f" (variable, nominal {info.nominal_fps:g})"
        )
    return text


def cmd_frame(args: argparse.Namespace, ctx: Context) -> int:
    if args.at < 0:
        raise CliError("时间不能为负数", "The time cannot be negative")
    with FrameSource(args.file, prefetch=False) as source:
        if args.at * 1000 >= source.duration_ms:
            raise CliError(
                f"{args.at:g} 秒超出视频长度（{source.duration_ms / 1000:.3f} 秒）：{args.file.name}",
                f"{args.at:g} s is past the end ({source.duration_ms / 1000:.3f} s): {args.file.name}",
            )
        frame = source.frame_at_ms(args.at * 1000)
        image = frame.to_bgr()
    if args.redact:
        from reviewer.redact.pictures import faces  # loads the model only when asked
        from reviewer.redact.render import bgr

        image = bgr(image, faces(image))
    ok, data = cv2.imencode(".png", image)
    if not ok:
        raise CliError("无法编码 PNG", "Could not encode the PNG")
    _write_atomic(args.output, data.tobytes())
    ctx.say(
        ctx.pick(
            f"第 {frame.index} 帧（{frame.pts_ms} 毫秒）→ {args.output}",
            f"frame {frame.index} ({frame.pts_ms} ms) → {args.output}",
        )
    )
    return 0


def _write_atomic(path: Path, data: bytes) -> None:
    """cv2.imwrite cannot take Chinese paths on Windows; write the bytes ourselves."""
    tmp = path.with_name(path.name + ".part")
    try:
        tmp.write_bytes(data)
        tmp.replace(path)
    except OSError as exc:
        tmp.unlink(missing_ok=True)
        raise CliError(
            f"无法写入 {path}：{exc.strerror}", f"Cannot write {path}: {exc.strerror}"
        ) from exc
