"""Typed media errors, each with a one-line message in the UI's language.

A reviewer meets these on footage straight off a phone or a body camera,
so each says which file and what really went wrong, never a decoder's
jargon and never a guessed cause: "the drive or card was removed" only when
the file or its volume has really vanished (container.classify decides).
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
        "视频文件不完整（录制中断，缺少索引），需要修复后才能播放："
        "shenpian repair {name} --reference 同一相机的正常录像",
        "The recording was cut off and has no index; it needs repair before it can play: "
        "shenpian repair {name} --reference GOOD_RECORDING_FROM_THE_SAME_CAMERA",
    ),
    "cut_short": (
        "视频文件在读取时变短了（数据缺失，第 {detail} 帧之后读不到），可用 shenpian repair 抢救：{name}",
        "The file got shorter while being read (data missing after frame {detail}); "
        "shenpian repair can save what is left: {name}",
    ),
    "unsupported_codec": (
        "不支持的视频编码（{detail}）：{name}",
        "Unsupported video codec ({detail}): {name}",
    ),
    "decode_error": (
        "视频数据损坏，无法解码（{detail}）：{name}",
        "The video data is damaged and cannot be decoded ({detail}): {name}",
    ),
    "permission": (
        "没有读取这个文件的权限：{name}",
        "No permission to read the file: {name}",
    ),
    "gone": (
        "文件已不在原处（被移走或删除，或磁盘、存储卡已拔出）：{name}",
        "The file is no longer there (moved or deleted, or the drive or card was removed): {name}",
    ),
    "io_error": (
        "读取磁盘或存储卡时出错（硬件读错误）：{name}",
        "Read error on the disk or card (a hardware read error): {name}",
    ),
}


class MediaError(FileError):
    """A footage file that cannot be used as asked; ``kind`` says why."""

    messages = _MESSAGES
    kind = "not_video"

    @property
    def offline(self) -> bool:
        """True only when the file is really not there: show it as offline, relink it."""
        return False


class MediaNotFoundError(MediaError):
    kind = "not_found"

    @property
    def offline(self) -> bool:
        return True


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


class CutShortError(MediaError):
    """Data the index lists is no longer in the file (it shrank while open); ``detail``: frame."""

    kind = "cut_short"


class UnsupportedCodecError(MediaError):
    kind = "unsupported_codec"


class MediaDecodeError(MediaError):
    """The bytes are there but are not decodable video (no frame at all decodes)."""

    kind = "decode_error"


class MediaReadError(MediaError):
    """The operating system failed to read bytes that should be there (EIO and kin)."""

    kind = "io_error"


class PermissionDeniedError(MediaReadError):
    kind = "permission"


class FileGoneError(MediaReadError):
    """The file, or the volume it was on, vanished while in use."""

    kind = "gone"

    @property
    def offline(self) -> bool:
        return True
