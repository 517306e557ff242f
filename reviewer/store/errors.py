"""Typed store errors, each with a one-line message in the UI's language.

A reviewer meets these when a USB disk fills up or a colleague already
has the project open, so each says what happened to their work.
"""

from __future__ import annotations

from pathlib import Path

from reviewer.messages import FileError
from reviewer.store.model import LockInfo

_MESSAGES: dict[str, tuple[str, str]] = {
    "not_found": ("找不到项目文件：{name}", "Project file not found: {name}"),
    "no_folder": ("文件夹不存在：{name}", "The folder does not exist: {name}"),
    "cannot_create": ("无法在此位置创建项目（{detail}）：{name}",
                      "Cannot create a project here ({detail}): {name}"),
    "older_codebook": ("导入的代码本版本（{detail}）比项目中的旧，未导入：{name}",
                       "The code book being imported ({detail}) is older than the project's; "
                       "nothing was imported: {name}"),
    "exists": ("项目文件已存在：{name}", "A project file already exists: {name}"),
    "not_local": ("项目只能保存在本机磁盘上，不能用网络地址：{name}",
                  "A project must be on a local disk, not a network location: {name}"),
    "not_project": ("不是审片项目文件：{name}", "Not a review project file: {name}"),
    "corrupt": ("项目文件已损坏（{detail}），请用备份恢复：{name}",
                "The project file is damaged ({detail}); restore it from a backup: {name}"),
    "newer": ("项目由更新版本的软件创建（结构版本 {detail}），请先升级软件；文件未改动：{name}",
              "The project was made by a newer version (schema {detail}); upgrade first. "
              "The file was not changed: {name}"),
    "in_use": ("项目正在被使用：{detail}，已以只读方式打开：{name}",
               "The project is in use by {detail}; opened read-only: {name}"),
    "read_only_location": ("项目所在位置只读，已以只读方式打开：{name}",
                           "The project is on a read-only location; opened read-only: {name}"),
    "read_only": ("项目以只读方式打开，不能修改（{detail}）：{name}",
                  "The project is open read-only and cannot be changed ({detail}): {name}"),
    "needs_upgrade": ("项目需要升级结构，但当前只能只读打开：{name}",
                      "The project needs a schema upgrade but can only be opened read-only: {name}"),
    "disk_full": ("磁盘已满，修改未能保存（已保留，腾出空间后会重试）：{name}",
                  "The disk is full; the change was not saved (kept, it will be retried "
                  "once there is space): {name}"),
    "io_error": ("读写磁盘出错（{detail}），修改已保留，将重试：{name}",
                 "A disk read/write failed ({detail}); the change is kept and will be retried: {name}"),
    "vanished": ("项目所在的磁盘已断开或被拔出，修改已保留，将重试：{name}",
                 "The project's drive was disconnected; the change is kept and will be retried: {name}"),
    "busy": ("项目正忙（另一程序正在写入），修改已保留，将重试：{name}",
             "The project is busy (another program is writing); the change is kept and will be "
             "retried: {name}"),
    "storage": ("保存失败（{detail}），修改已保留，将重试：{name}",
                "Saving failed ({detail}); the change is kept and will be retried: {name}"),
    "invalid": ("无法保存：{detail}", "Cannot save: {detail}"),
    "unknown_tag": ("找不到标记 {detail}", "No such tag: {detail}"),
    "unknown_media": ("项目中没有这个视频：{detail}", "No such footage in the project: {detail}"),
    "duplicate_media": ("视频已在项目中（与“{detail}”相同）：{name}",
                        "This footage is already in the project (same as \u201c{detail}\u201d): {name}"),
    "pending": ("还有 {detail} 项修改未保存，请先重试保存：{name}",
                "{detail} change(s) are not saved yet; retry saving first: {name}"),
    "network": ("项目位于网络共享（{detail}）上，SQLite 在网络磁盘上可能损坏，请复制到本机磁盘：{name}",
                "The project is on a network share ({detail}); SQLite can corrupt it there. "
                "Copy it to a local disk: {name}"),
}


class StoreError(FileError):
    """A project that cannot be opened or changed as asked; ``kind`` says why."""

    messages = _MESSAGES
    kind = "storage"
    # Errors of a retryable kind keep the edit in the outbox.
    retryable = False



class ProjectNotFoundError(StoreError):
    kind = "not_found"


class FolderNotFoundError(StoreError):
    kind = "no_folder"


class CannotCreateError(StoreError):
    kind = "cannot_create"


class OlderCodeBookError(StoreError):
    kind = "older_codebook"


class ProjectExistsError(StoreError):
    kind = "exists"


class NotLocalProjectError(StoreError):
    kind = "not_local"


class NotAProjectError(StoreError):
    kind = "not_project"


class CorruptProjectError(StoreError):
    kind = "corrupt"


class NewerSchemaError(StoreError):
    kind = "newer"


class ProjectInUseNotice(StoreError):
    """Not raised: why a project was opened read-only (another instance holds it)."""

    kind = "in_use"

    def __init__(self, path: str | Path, holder: LockInfo | None) -> None:
        self.holder = holder
        super().__init__(path, holder.describe("en") if holder else "another program")

    def message(self, lang: str = "zh_CN") -> str:
        unknown = "another program" if lang.startswith("en") else "另一程序"
        self.detail = self.holder.describe(lang) if self.holder else unknown
        return super().message(lang)


class ReadOnlyLocationNotice(StoreError):
    kind = "read_only_location"


class ProjectReadOnlyError(StoreError):
    kind = "read_only"

    def __init__(self, path: str | Path, reason: StoreError | None) -> None:
        self.reason = reason
        super().__init__(path)

    def message(self, lang: str = "zh_CN") -> str:
        if self.reason is None:
            return "项目以只读方式打开，不能修改" if not lang.startswith("en") else \
                "The project is open read-only and cannot be changed"
        prefix = "Cannot change the project: " if lang.startswith("en") else "不能修改项目："
        return prefix + self.reason.message(lang)


class NeedsUpgradeError(StoreError):
    kind = "needs_upgrade"


class SaveError(StoreError):
    """A commit failed for a reason that may go away; the edit stays in the outbox."""

    kind = "storage"
    retryable = True


class DiskFullError(SaveError):
    kind = "disk_full"


class StorageIOError(SaveError):
    kind = "io_error"


class DriveVanishedError(SaveError):
    kind = "vanished"


class ProjectBusyError(SaveError):
    kind = "busy"


class PendingEditsError(StoreError):
    kind = "pending"


class InvalidEditError(StoreError):
    """The edit itself is wrong (unknown category, end before start...); never retried."""

    kind = "invalid"

    def __init__(self, path: str | Path, field: str, zh: str, en: str) -> None:
        self.field, self.zh, self.en = field, zh, en
        super().__init__(path, en)

    def message(self, lang: str = "zh_CN") -> str:
        text = self.en if lang.startswith("en") else self.zh
        return _MESSAGES["invalid"][1 if lang.startswith("en") else 0].format(detail=text)


class UnknownTagError(StoreError):
    kind = "unknown_tag"


class UnknownMediaError(StoreError):
    kind = "unknown_media"


class DuplicateMediaError(StoreError):
    kind = "duplicate_media"


class NetworkShareWarning(StoreError):
    """Not raised: a warning attached to an opened project."""

    kind = "network"
