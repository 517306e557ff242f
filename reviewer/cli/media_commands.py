"""``probe``, ``frame`` and ``repair``: look at (and save) a footage file from the command line."""

from __future__ import annotations

import argparse
import json
from pathlib import Path

import cv2

from reviewer.cli.common import CliError, Context
from reviewer.media.info import MediaInfo, probe
from reviewer.media.repair import RepairResult, repair
from reviewer.media.source import FrameSource

COMMANDS = ("probe", "frame", "repair")


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("probe", help="describe a footage file / 查看视频信息")
    p.add_argument("file", type=Path)
    p.add_argument("--json", action="store_true", help="machine-readable output")
    p.add_argument(
        "--check", action="store_true", help="decode every frame to count damaged ones / 逐帧检查"
    )
    p.set_defaults(handler=cmd_probe)
    f = sub.add_parser("frame", help="write the frame shown at a time / 导出某一时刻的画面")
    f.add_argument("file", type=Path)
    f.add_argument("--at", type=float, required=True, metavar="SECONDS")
    f.add_argument("-o", "--output", type=Path, required=True, metavar="OUT.png")
    f.set_defaults(handler=cmd_frame)
    r = sub.add_parser(
        "repair", help="save what can be read into a new file / 修复损坏的视频（另存新文件）"
    )
    r.add_argument("file", type=Path)
    r.add_argument("--reference", type=Path, metavar="GOOD.mp4",
                   help="a healthy recording from the same camera (for files without an index)")
    r.add_argument("-o", "--output", type=Path, metavar="OUT", help="default: NAME.repaired.mp4")
    r.set_defaults(handler=cmd_repair)


def cmd_probe(args: argparse.Namespace, ctx: Context) -> int:
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
    ok, data = cv2.imencode(".png", image)
    if not ok:
        raise CliError("无法编码 PNG", "Could not encode the PNG")
    _write_atomic(args.output, data.tobytes())
    ctx.say(
        ctx.pick(
            f"第 {frame.index} 帧（{frame.pts_ms} 毫秒）→ {args.output}",
            f"frame {frame.index} ({frame.pts_ms} ms) → {args.output}",
        )
        + (ctx.pick("（此帧损坏，输出为灰色占位图）", " (damaged frame: grey placeholder)")
           if frame.damaged else "")
    )
    return 0


def cmd_repair(args: argparse.Namespace, ctx: Context) -> int:
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
