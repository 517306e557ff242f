"""``probe`` and ``frame``: look at a footage file from the command line."""

from __future__ import annotations

import argparse
import json
from pathlib import Path
from typing import TYPE_CHECKING

from reviewer.cli.common import CliError, Context, output_path, position

if TYPE_CHECKING:
    from reviewer.media.info import MediaInfo

COMMANDS = ("probe", "frame")
# The picture format follows the output name; anything else is refused before decoding.
IMAGE_SUFFIXES = {".png": ".png", ".jpg": ".jpg", ".jpeg": ".jpg"}


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("probe", help="describe a footage file / 查看视频信息")
    p.add_argument("file", type=Path, help="the footage file / 视频文件")
    p.add_argument("--json", action="store_true", help="machine-readable output / 以 JSON 输出")
    p.set_defaults(handler=cmd_probe)
    f = sub.add_parser("frame", help="write the frame shown at a time / 导出某一时刻的画面")
    f.add_argument("file", type=Path, help="the footage file / 视频文件")
    f.add_argument("--at", type=position, required=True, metavar="TIME",
                   help="from 0 to the end time probe reports: seconds, h:mm:ss.mmm or #frame / "
                        "从 0 到 probe 报告的结束时间：秒数、h:mm:ss.mmm 或 #帧号")
    f.add_argument("-o", "--output", type=output_path, required=True, metavar="OUT.png|OUT.jpg",
                   help="the picture to write; .png or .jpg decides the format / "
                        "输出图片，后缀 .png 或 .jpg 决定格式")
    f.add_argument("--redact", action="store_true", help="mosaic the faces in it / 人脸打码")
    f.set_defaults(handler=cmd_frame)


def cmd_probe(args: argparse.Namespace, ctx: Context) -> int:
    from reviewer.media.info import probe  # PyAV only when a command needs it

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
    import cv2

    from reviewer.export import atomic
    from reviewer.media.source import FrameSource
    from reviewer.store.frames import FrameTimes

    encoding = _image_suffix(args.output)
    with FrameSource(args.file, prefetch=False) as source:
        # Every time from 0 to the end probe reports shows a frame; the window pins the same way.
        frame = source.frame(FrameTimes(args.file.name, source.index).pin(args.at).index)
        image = frame.to_bgr()
    if args.redact:
        from reviewer.redact.pictures import faces  # loads the model only when asked
        from reviewer.redact.render import bgr

        image = bgr(image, faces(image))
    ok, data = cv2.imencode(encoding, image)
    if not ok:
        raise CliError(f"无法编码图片：{args.output.name}", f"Could not encode the picture: {args.output.name}")
    atomic.write_bytes(args.output, data.tobytes())  # cv2.imwrite cannot take Chinese paths on Windows
    ctx.say(ctx.pick(f"第 {frame.index} 帧（{frame.pts_ms} 毫秒）→ {args.output}",
                     f"frame {frame.index} ({frame.pts_ms} ms) → {args.output}"))
    return 0


def _image_suffix(output: Path) -> str:
    suffix = IMAGE_SUFFIXES.get(output.suffix.lower())
    if suffix is None:
        raise CliError(f"只能写 .png 或 .jpg 图片，输出名的后缀“{output.suffix}”不支持：{output.name}",
                       f"Only .png or .jpg pictures can be written, not '{output.suffix}': {output.name}")
    return suffix
