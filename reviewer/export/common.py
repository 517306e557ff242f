"""What every export shares: options, progress/cancel hooks, results and two-language errors."""

from __future__ import annotations

import errno
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Literal, Protocol

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
    "format": ("未知导出格式：{detail}", "Unknown export format: {detail}"),
    "ledger": ("台账有误，未导入任何修改：{detail}", "The ledger has errors; nothing was imported: {detail}"),
    "template": ("文件名模板有误：{detail}", "Bad file name template: {detail}"),
    "bulletin_template": ("通报模板有误，未导出：{detail}", "Bad bulletin template; nothing exported: {detail}"),
}


class ExportError(Exception):
    """An export that could not be finished; ``kind`` says why, in words a reviewer can act on."""

    def __init__(self, kind: str, detail: str = "") -> None:
        self.kind, self.detail = kind, detail
        super().__init__(self.message("en"))

    def message(self, lang: str = "zh_CN") -> str:
        zh, en = _MESSAGES[self.kind]
        return (en if lang.startswith("en") else zh).format(detail=self.detail)


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
    level_audio: bool = True
    crf: int = 18
    preset: str = "veryfast"
    stills_per_slide: int = 3
    east_asian_font: str = "微软雅黑"
    issue: str = ""  # 期数 on the deck's cover, e.g. "第5期"
    date: str = ""  # the cover's date; today when empty
    lang: str = "zh_CN"
    bulletin_template: str = ""  # a template file for the bulletin; the shipped one when empty


@dataclass(frozen=True)
class Skipped:
    """A tag left out of (or incomplete in) an export, and why."""

    number: int
    uuid: str
    media_name: str
    reason: str  # "offline", "no_still", "failed"

    def describe(self, lang: str = "zh_CN") -> str:
        zh = {"offline": "视频离线，已跳过", "no_still": "视频离线，无截图", "failed": "处理失败，已跳过"}
        en = {"offline": "footage offline, skipped", "no_still": "footage offline, no still",
              "failed": "failed, skipped"}
        text = (en if lang.startswith("en") else zh).get(self.reason, self.reason)
        return f"#{self.number} {self.media_name}: {text}"


@dataclass(frozen=True)
class ExportResult:
    format: str
    files: tuple[Path, ...]
    skipped: tuple[Skipped, ...] = ()
    exported: int = 0  # tags in the output
