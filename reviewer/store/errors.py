"""Typed store errors, each with a one-line message in the UI's language.

A reviewer meets these when a USB disk fills up or a colleague already
has the project open, so each says what happened to their work.
"""

from __future__ import annotations

from pathlib import Path

from reviewer.files import not_a_file_messages
from reviewer.messages import FileError, pick
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
    "read_only_file": ("项目文件被设为只读或不可修改，已以只读方式打开：{name}",
                       "The project file is marked read-only or immutable; opened read-only: {name}"),
    "wal_copy": ("项目在只读位置且上次未正常关闭（留有 -wal 日志），已复制到临时文件夹以只读方式打开，"
                 "全部标记可见：{name}",
                 "The project is on a read-only location and was not closed cleanly (a -wal log is "
                 "left); opened read-only from a temporary copy, every tag included: {name}"),
    "wal_unreadable": ("项目在只读位置且上次未正常关闭（留有 -wal 日志），复制到临时文件夹失败（{detail}）；"
                       "为免只显示部分标记，未打开：{name}",
                       "The project is on a read-only location and was not closed cleanly (a -wal "
                       "log is left), and copying it to a temporary folder failed ({detail}); "
                       "not opened, so as not to show only some of the tags: {name}"),
    "read_only": ("项目以只读方式打开，不能修改（{detail}）：{name}",
                  "The project is open read-only and cannot be changed ({detail}): {name}"),
    "upgraded_copy": ("项目由旧版本创建，已在临时副本中升级后只读打开；文件本身未改动，下次以可编辑方式打开时"
                      "会先备份再升级：{name}",
                      "The project was made by an older version; it was read from an upgraded "
                      "temporary copy. The file itself was not changed: it is backed up and "
                      "upgraded the next time it is opened for editing: {name}"),
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
    # The same failures outside the edit outbox (opening, adding footage): nothing is kept.
    "disk_full_lost": ("磁盘已满，未能保存，项目未改动：{name}",
                       "The disk is full; nothing was saved and the project is unchanged: {name}"),
    "io_error_lost": ("读写磁盘出错（{detail}），未能保存，项目未改动：{name}",
                      "A disk read/write failed ({detail}); nothing was saved: {name}"),
    "vanished_lost": ("项目所在的磁盘已断开或被拔出，未能保存：{name}",
                      "The project's drive was disconnected; nothing was saved: {name}"),
    "busy_lost": ("项目正忙（另一程序正在写入），未能保存：{name}",
                  "The project is busy (another program is writing); nothing was saved: {name}"),
    "storage_lost": ("保存失败（{detail}），项目未改动：{name}",
                     "Saving failed ({detail}); the project is unchanged: {name}"),
    "invalid": ("无法保存：{detail}（{name}）", "Cannot save: {detail} ({name})"),
    "unknown_tag": ("找不到标记 {detail}", "No such tag: {detail}"),
    "unknown_media": ("项目中没有这个视频：{detail}", "No such footage in the project: {detail}"),
    "ambiguous_media": ("项目中有 {detail} 个同名视频，请改用视频编号：{name}",
                        "{detail} footage files in the project have this name; use the id: {name}"),
    "offline": ("视频离线（原位置找不到文件），无法对齐到画面帧；请先重新链接：{name}",
                "The footage is offline (not where it was), so a time cannot be pinned to a "
                "frame; relink it first: {name}"),
    "past_end": ("{detail}：{name}", "{detail}: {name}"),
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
    """A commit failed for a reason that may go away.

    ``kept`` is True when the edit waits in the outbox to be retried; a failure outside
    the outbox (opening, adding footage) says plainly that nothing was saved.
    """

    kind = "storage"
    retryable = True
    kept = False

    def message(self, lang: str = "zh_CN") -> str:
        if self.kept:
            return super().message(lang)
        name = self.path.name or str(self.path)
        return pick(self.messages[self.kind + "_lost"], lang).format(name=name, detail=self.detail)


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
        self.detail = self.en if lang.startswith("en") else self.zh
        return super().message(lang)


class AmbiguousMediaError(StoreError):
    kind = "ambiguous_media"


class FootageOfflineError(StoreError):
    kind = "offline"


class PastEndError(StoreError):
    """A time or frame number beyond the footage; ``zh``/``en`` say by how much."""

    kind = "past_end"

    def __init__(self, path: str | Path, zh: str, en: str) -> None:
        self.zh, self.en = zh, en
        super().__init__(path, en)

    def message(self, lang: str = "zh_CN") -> str:
        self.detail = self.en if lang.startswith("en") else self.zh
        return super().message(lang)


class UnknownTagError(StoreError):
    kind = "unknown_tag"


class UnknownMediaError(StoreError):
    kind = "unknown_media"


class DuplicateMediaError(StoreError):
    kind = "duplicate_media"


class ReadOnlyFileNotice(StoreError):
    """Not raised: the project file itself cannot be written (read-only attribute, immutable)."""

    kind = "read_only_file"


class WalCopyNotice(StoreError):
    """Not raised: a crash-left WAL on read-only media, read from a temporary copy."""

    kind = "wal_copy"


class UpgradedCopyNotice(StoreError):
    """Not raised: a project made by an older version, opened read-only, read from an
    upgraded temporary copy; the file itself is upgraded when next opened for editing."""

    kind = "upgraded_copy"


class WalUnreadableError(StoreError):
    kind = "wal_unreadable"


class ProjectPathError(StoreError):
    """The project path names something that is not a file (a folder, a device, a loop...)."""

    messages = not_a_file_messages("项目文件", "a project file")

    def __init__(self, path: str | Path, kind: str) -> None:
        self.kind = kind
        super().__init__(path)


class NetworkShareWarning(StoreError):
    """Not raised: a warning attached to an opened project."""

    kind = "network"
