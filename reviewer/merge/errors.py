"""Why a package was refused or a merge could not run, in the reviewer's language.

A package arrives on a USB stick from another laptop: it may be cut short,
altered or made by a newer build. Each case gets its own message so the
editor knows whether to ask for a new package or to upgrade.
"""

from __future__ import annotations

from reviewer.messages import FileError

_MESSAGES: dict[str, tuple[str, str]] = {
    "not_found": ("找不到审片包：{name}", "Package not found: {name}"),
    "not_package": ("不是审片包（{detail}）：{name}", "Not a reviewer package ({detail}): {name}"),
    "truncated": ("审片包不完整或已损坏（可能未拷贝完）：{name}",
                  "The package is incomplete or damaged (perhaps not fully copied): {name}"),
    "tampered": ("审片包校验失败，内容被改动过（{detail}），已拒绝：{name}",
                 "The package failed its checksum; its content was altered ({detail}). "
                 "Refused: {name}"),
    "newer": ("审片包由更新版本的软件制作（结构版本 {detail}），请先升级软件：{name}",
              "The package was made by a newer version (schema {detail}); upgrade first: {name}"),
    "corrupt": ("审片包中的数据库已损坏（{detail}），已拒绝：{name}",
                "The database in the package is damaged ({detail}). Refused: {name}"),
    "hostile": ("审片包结构异常（{detail}），为安全起见已拒绝：{name}",
                "The package has an unexpected structure ({detail}); refused for safety: {name}"),
    "invalid": ("审片包中的数据无效（{detail}），已拒绝：{name}",
                "The package holds invalid data ({detail}). Refused: {name}"),
    "cannot_write": ("无法写入审片包（{detail}）：{name}", "Cannot write the package ({detail}): {name}"),
    "no_packages": ("没有指定审片包", "No package was given"),
    "cancelled": ("合并已取消，项目未改动：{name}", "The merge was cancelled; the project is unchanged: {name}"),
    "unknown_conflict": ("找不到待处理的冲突 {detail}", "No pending conflict {detail}"),
    "unknown_proposal": ("找不到待处理的建议 {detail}", "No pending proposal {detail}"),
    "cannot_keep_both": ("删除与修改冲突时不能“两者都保留”，请选择其一：{detail}",
                         "\u201cKeep both\u201d is not possible when one side deleted the tag; "
                         "choose one: {detail}"),
}


class MergeError(FileError):
    """A package refused or a merge not run; ``kind`` says why, the project is unchanged."""

    messages = _MESSAGES
    kind = "invalid"



class PackageNotFoundError(MergeError):
    kind = "not_found"


class NotAPackageError(MergeError):
    kind = "not_package"


class TruncatedPackageError(MergeError):
    kind = "truncated"


class TamperedPackageError(MergeError):
    kind = "tampered"


class NewerPackageError(MergeError):
    kind = "newer"


class CorruptPackageError(MergeError):
    kind = "corrupt"


class HostilePackageError(MergeError):
    kind = "hostile"


class InvalidPackageError(MergeError):
    kind = "invalid"


class CannotWritePackageError(MergeError):
    kind = "cannot_write"


class NoPackagesError(MergeError):
    kind = "no_packages"


class MergeCancelledError(MergeError):
    kind = "cancelled"


class UnknownConflictError(MergeError):
    kind = "unknown_conflict"


class UnknownProposalError(MergeError):
    kind = "unknown_proposal"


class CannotKeepBothError(MergeError):
    kind = "cannot_keep_both"
