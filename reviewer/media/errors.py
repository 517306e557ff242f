"""Typed media errors, each with a one-line message in the UI's language.

A reviewer meets these on footage straight off a phone or a body camera,
so each says which file and what to do, never a decoder's jargon.
"""

from __future__ import annotations

from reviewer.messages import FileError

# The core stays Qt-free, so it carries its own two-language messages;
# the UI picks the language, the CLI follows the user's locale.
_MESSAGES: dict[str, tuple[str, str]] = {
    "not_found": ("找不到文件：{name}", "File not found: {name}"),
    "not_local": (
        "只能打开本机上的文件，不能打开网络地址：{name}",
        "Only local files can be opened, not network locations: {name}",
    ),
    "empty": ("文件是空的（0 字节）：{name}", "The file is empty (0 bytes): {name}"),
    "not_video": (
        "不是视频文件，或格式无法识别：{name}",
        "Not a video file, or the format is not recognised: {name}",
    ),
    "audio_only": (
        "文件只有音频，没有画面：{name}",
        "The file has audio but no picture: {name}",
    ),
    "truncated": (
        "视频文件不完整（录制中断，缺少索引），需要修复后才能播放：{name}",
        "The recording was cut off and has no index; it needs repair before it can play: {name}",
    ),
    "unsupported_codec": (
        "不支持的视频编码（{detail}）：{name}",
        "Unsupported video codec ({detail}): {name}",
    ),
    "read_failed": (
        "读取视频时出错（磁盘或存储卡可能已拔出）：{name}",
        "Reading the video failed (the drive or card may have been removed): {name}",
    ),
}


class MediaError(FileError):
    """A footage file that cannot be used as asked; ``kind`` says why."""

    messages = _MESSAGES
    kind = "not_video"


class MediaNotFoundError(MediaError):
    kind = "not_found"


class NotLocalPathError(MediaError):
    kind = "not_local"


class EmptyFileError(MediaError):
    kind = "empty"


class NotAVideoError(MediaError):
    kind = "not_video"


class AudioOnlyError(NotAVideoError):
    kind = "audio_only"


class TruncatedNoIndexError(MediaError):
    """An MP4/MOV whose moov (index) was never written: recoverable only by repair."""

    kind = "truncated"


class UnsupportedCodecError(MediaError):
    kind = "unsupported_codec"


class MediaReadError(MediaError):
    """I/O failed mid-file; never to be mistaken for the end of the video."""

    kind = "read_failed"
