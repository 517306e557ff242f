"""Redaction failures a reviewer can act on, each one line in Chinese or English."""

from __future__ import annotations

from reviewer.export.common import ExportError

_MESSAGES: dict[str, tuple[str, str]] = {
    "lossless": ("无损片段无法打码（流复制不改动画面）：请改用精确模式，或明确选择不打码导出"
                 "（文件名将以“未打码_”开头）",
                 "Lossless clips cannot be redacted (a stream copy cannot change pixels): use "
                 "exact mode, or choose an unredacted export explicitly (file names then start "
                 "with “未打码_”)"),
    "cancelled": ("打码检测已取消", "Redaction detection cancelled"),
}


class RedactError(ExportError):
    """Raised by exports and detection passes; ``kind`` is a key of ``_MESSAGES``."""

    def message(self, lang: str = "zh_CN") -> str:
        zh, en = _MESSAGES[self.kind]
        return (en if lang.startswith("en") else zh).format(detail=self.detail)

    def __init__(self, kind: str, detail: str = "") -> None:
        self.kind, self.detail = kind, detail
        Exception.__init__(self, self.message("en"))
