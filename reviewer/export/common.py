"""What every export shares: options, progress/cancel hooks, results and two-language errors."""

from __future__ import annotations

import errno
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Literal, Protocol

from reviewer.messages import pick
from reviewer.timecode import format_ms

FORMATS = ("xlsx", "csv", "otio", "xmeml", "edl", "markers-edl", "srt", "ass", "clips", "reel",
           "pptx", "stats", "bulletin", "assessment")
# Formats that read the footage itself; the rest only need what the project knows about it.
NEEDS_FOOTAGE = frozenset({"clips", "reel"})

Progress = Callable[[int, int], None]


class CancelFlag(Protocol):
    """Anything with a ``cancelled`` property: the UI's CancelToken, or :class:`Flag`."""

    @property
    def cancelled(self) -> bool: ...


class Flag:
    """A cancel flag for callers without one (the CLI, tests)."""

    def __init__(self) -> None:
        self.cancelled = False

    def cancel(self) -> None:
        self.cancelled = True


def no_progress(done: int, total: int) -> None:
    """The default progress hook: report nothing."""


_MESSAGES: dict[str, tuple[str, str]] = {
    "empty": ("没有可导出的标记（选择为空）", "Nothing to export: the selection is empty"),
    "cancelled": ("导出已取消", "Export cancelled"),
    "disk_full": ("磁盘已满，导出未完成，未留下不完整的文件：{detail}",
                  "The disk is full; the export stopped and left no partial file: {detail}"),
    "io": ("写入失败（{detail}），未留下不完整的文件", "Writing failed ({detail}); no partial file was left"),
    "ffmpeg": ("视频处理失败：{detail}", "Video processing failed: {detail}"),
    "all_offline": ("所选标记的视频全部离线，无法导出视频", "The footage of every selected tag is offline"),
    "no_usable_footage": ("所选标记的视频都离线或无法读取，无法导出放映片：{detail}",
                          "The footage of every selected tag is offline or unreadable: {detail}"),
    "format": ("未知导出格式：{detail}", "Unknown export format: {detail}"),
    "name_too_long": ("名称过长（{detail}），未导出", "The name is too long ({detail}); nothing exported"),
    "ledger": ("台账有误，未导入任何修改：{detail}", "The ledger has errors; nothing was imported: {detail}"),
    "template": ("文件名模板有误：{detail}", "Bad file name template: {detail}"),
    "bulletin_template": ("通报模板有误，未导出：{detail}", "Bad bulletin template; nothing exported: {detail}"),
}


class ExportError(Exception):
    """An export that could not be finished; ``kind`` says why, in words a reviewer can act on."""

    def __init__(self, kind: str, detail: str | tuple[str, str] = "") -> None:
        self.kind, self.detail = kind, detail  # a (zh, en) pair when the detail is words
        super().__init__(self.message("en"))

    def message(self, lang: str = "zh_CN") -> str:
        detail = self.detail if isinstance(self.detail, str) else pick(self.detail, lang)
        return pick(_MESSAGES[self.kind], lang).format(detail=detail)


class Cancelled(ExportError):
    def __init__(self) -> None:
        super().__init__("cancelled")


def from_os_error(exc: OSError, name: str) -> ExportError:
    """ENOSPC/EDQUOT become "disk full"; other OS errors keep their text (never a full path)."""
    if exc.errno in (errno.ENOSPC, errno.EDQUOT):
        return ExportError("disk_full", name)
    return ExportError("io", f"{name}: {exc.strerror or exc}")


def check(flag: CancelFlag | None) -> None:
    if flag is not None and flag.cancelled:
        raise Cancelled()


GroupBy = Literal["county", "category", "none"]
ClipMode = Literal["exact", "lossless"]
CaptionTime = Literal["reel", "clip"]


@dataclass(frozen=True)
class ExportOptions:
    """Choices shared by the formats; each format reads the ones it needs."""

    handle_before_ms: int = 0
    handle_after_ms: int = 0
    point_tag_ms: int = 4000  # how long a point tag's clip runs from its mark
    clip_mode: ClipMode = "exact"
    lower_third: bool = False
    name_template: str = "{序号}_{县市}_{类别}"
    caption_time: CaptionTime = "reel"
    group_by: GroupBy = "county"
    title_cards: bool = True
    title_card_ms: int = 3000
    watermark: bool = False
    watermark_text: str = "内部资料 注意保密"
    reel_height: int = 720
    vfr: bool = False  # exact clips keep the footage's own frame timing (else constant rate)
    level_audio: bool = True
    crf: int = 18
    preset: str = "veryfast"
    stills_per_slide: int = 3
    east_asian_font: str = "微软雅黑"
    issue: str = ""  # 期数 on the deck's cover, e.g. "第5期"
    date: str = ""  # the cover's date; today when empty
    lang: str = "zh_CN"
    # Privacy (#15): "on" redacts every picture, "off" is an explicit unredacted export
    # (marked 未打码 · 内部资料), "none" a project that has no redaction data at all.
    redact: str = "none"
    redact_style: str = "mosaic"
    bulletin_template: str = ""  # a template file for the bulletin; the shipped one when empty


_SKIPPED: dict[str, tuple[str, str]] = {
    "offline": ("视频离线，已跳过", "footage offline, skipped"),
    "no_still": ("视频离线，无截图", "footage offline, no still"),
    "unreadable": ("视频文件在，但无法读取，已跳过", "footage present but unreadable, skipped"),
    "still_unreadable": ("{at} 的画面无法读取，缺此截图", "the frame at {at} could not be read, no still"),
    "failed": ("处理失败，已跳过", "failed, skipped"),
}
_NOTES: dict[str, tuple[str, str]] = {
    "keyframe_start": (
        "无损片段是直接复制，从每个标记之前最近的关键帧开始，开头可能早几秒，不是逐帧精确；"
        "需要逐帧精确请选“精确”",
        "Lossless clips are stream copies: each starts at the keyframe before its mark, possibly "
        "seconds early, so they are not frame-exact; choose exact clips for that"),
    "constant_rate": (
        "可变帧率素材的片段已转为恒定帧率：重复画面补足时间，首尾帧与标记一致；"
        "需要原始帧时间请选“保留可变帧率”",
        "Clips of variable-frame-rate footage were made constant-rate: frames repeat to keep "
        "time, the first and last frames are the tag's; choose keep variable frame rate for "
        "the original timing"),
}


@dataclass(frozen=True)
class Skipped:
    """A tag left out of (or incomplete in) an export, and why.

    "offline" and "no_still" mean the footage file is not there; a file that is there but
    cannot be read is "unreadable" (a clip) or "still_unreadable" (one still), with
    ``cause`` naming what went wrong, so an online file is never called offline.
    """

    number: int
    uuid: str
    media_name: str
    reason: str  # a key of _SKIPPED
    cause: tuple[str, str] = ("", "")  # (zh, en)
    at_ms: int | None = None  # the still that could not be made

    def describe(self, lang: str = "zh_CN") -> str:
        en = lang.startswith("en")
        at = format_ms(self.at_ms or 0)
        text = pick(_SKIPPED.get(self.reason, (self.reason, self.reason)), lang).format(at=at)
        why = pick(self.cause, lang)
        if why:
            text += (": " if en else "：") + why
        return f"#{self.number} {self.media_name}: {text}"


@dataclass(frozen=True)
class ExportResult:
    format: str
    files: tuple[Path, ...]
    skipped: tuple[Skipped, ...] = ()
    exported: int = 0  # tags in the output
    notes: tuple[str, ...] = ()  # keys of _NOTES: what the user should know about the output

    def note_lines(self, lang: str = "zh_CN") -> list[str]:
        return [pick(_NOTES[key], lang) for key in self.notes]
