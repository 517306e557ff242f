"""``probe``, ``frame`` and ``repair``: look at (and save) a footage file from the command line."""

from __future__ import annotations

import argparse
import json
from pathlib import Path
from typing import TYPE_CHECKING

from reviewer.cli.common import CliError, Context, output_path, position

if TYPE_CHECKING:
    from reviewer.media.info import MediaInfo
    from reviewer.media.repair import RepairResult

COMMANDS = ("probe", "frame", "repair")
# The picture format follows the output name; anything else is refused before decoding.
IMAGE_SUFFIXES = {".png": ".png", ".jpg": ".jpg", ".jpeg": ".jpg"}


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("probe", help="describe a footage file / 查看视频信息")
    p.add_argument("file", type=Path, help="the footage file / 视频文件")
    p.add_argument("--json", action="store_true", help="machine-readable output / 以 JSON 输出")
    p.add_argument("--check", action="store_true",
                   help="decode every frame to count damaged ones / 逐帧解码，统计损坏的帧")
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
    r = sub.add_parser("repair", help="save what can be read into a new file / 修复损坏的视频（另存新文件）")
    r.add_argument("file", type=Path, help="the damaged footage file / 损坏的视频文件")
    r.add_argument("--reference", type=Path, metavar="GOOD.mp4",
                   help="a healthy recording from the same camera, for files without an index / "
                        "同一台设备录制的完好视频（用于缺少索引的文件）")
    r.add_argument("-o", "--output", type=output_path, metavar="OUT",
                   help="the new file (default: NAME.repaired.mp4 beside it) / "
                        "新文件（默认：同目录下的 名称.repaired.mp4）")
    r.set_defaults(handler=cmd_repair)


def cmd_probe(args: argparse.Namespace, ctx: Context) -> int:
    from reviewer.media.info import probe  # PyAV only when a command needs it

    info = probe(args.file, check=args.check)
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
    rows.append((ctx.pick("损坏", "Damaged"), _damage(info, ctx)))
    if info.truncated:
        rows.append((ctx.pick("注意", "Note"), ctx.pick(
            f"文件末尾不完整（数据缺失），可用 shenpian repair {info.name} 抢救",
            f"the file is cut short (data missing); shenpian repair {info.name} saves the rest")))
    if info.indexed_by == "decoder":
        rows.append((ctx.pick("索引", "Index"), ctx.pick(
            "按解码输出建立（文件自带的时间戳不可信）",
            "built from the decoder's output (the file's own timestamps cannot be trusted)")))
    return "\n".join(f"{k}: {v}" for k, v in rows)


def _damage(info: MediaInfo, ctx: Context) -> str:
    if info.damaged_frames:
        return ctx.pick(
            f"{info.damaged_frames} 帧无法解码（{info.damaged_stretches} 段）",
            f"{info.damaged_frames} frame(s) cannot be decoded, in {info.damaged_stretches} "
            "stretch(es)",
        )
    if info.damage_checked:
        return ctx.pick("无（已逐帧解码检查）", "none (every frame decoded)")
    return ctx.pick("未逐帧检查（--check）", "not checked frame by frame (--check)")


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
                     f"frame {frame.index} ({frame.pts_ms} ms) → {args.output}")
            + (ctx.pick("（此帧损坏，输出为灰色占位图）", " (damaged frame: grey placeholder)")
               if frame.damaged else ""))
    return 0


def cmd_repair(args: argparse.Namespace, ctx: Context) -> int:
    from reviewer.media.repair import repair

    result = repair(args.file, reference=args.reference, output=args.output)
    ctx.say(_repaired(result, ctx))
    return 0


def _repaired(result: RepairResult, ctx: Context) -> str:
    how = {
        "remux": ctx.pick("重新封装可读的数据", "remuxed what could be read"),
        "rebuild": ctx.pick("按参考视频重建索引", "index rebuilt from the reference"),
    }[result.method]
    sound = "" if result.audio else ctx.pick("，无声音", ", no sound")
    return ctx.pick(
        f"已修复：{result.frames} 帧（{how}{sound}）→ {result.output}",
        f"repaired: {result.frames} frames ({how}{sound}) → {result.output}",
    )


def _image_suffix(output: Path) -> str:
    suffix = IMAGE_SUFFIXES.get(output.suffix.lower())
    if suffix is None:
        raise CliError(f"只能写 .png 或 .jpg 图片，输出名的后缀“{output.suffix}”不支持：{output.name}",
                       f"Only .png or .jpg pictures can be written, not '{output.suffix}': {output.name}")
    return suffix
