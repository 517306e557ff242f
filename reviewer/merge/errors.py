"""Why a package was refused or a merge could not run, in the reviewer's language.

A package arrives on a USB stick from another laptop: it may be cut short,
altered or made by a newer build. Each case gets its own message so the
editor knows whether to ask for a new package or to upgrade.
"""

from __future__ import annotations

import errno
from pathlib import Path

from reviewer.messages import FileError, pick
from reviewer.text import shown

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
    "too_big": ("审片包超出安全上限（{detail}），已拒绝，未写入任何内容：{name}",
                "The package exceeds a safety limit ({detail}); refused, nothing was written: "
                "{name}"),
    "temp_full": ("临时文件夹空间不足（{detail}），未做任何改动：{name}",
                  "The temporary folder is full ({detail}); nothing was changed: {name}"),
    "temp_unwritable": ("无法写入临时文件夹（{detail}），未做任何改动：{name}",
                        "Cannot write to the temporary folder ({detail}); nothing was changed: "
                        "{name}"),
    "footage_no_space": ("素材文件夹空间不足（{detail}），未合并：{name}",
                         "Not enough space for the packed footage ({detail}); nothing was "
                         "merged: {name}"),
    "footage_unwritable": ("无法写入素材文件夹（{detail}），未合并：{name}",
                           "Cannot write the packed footage ({detail}); nothing was merged: "
                           "{name}"),
    "restore_failed": ("无法保存合并前的还原点（{detail}），未合并：{name}",
                       "Cannot save the restore point taken before a merge ({detail}); nothing "
                       "was merged: {name}"),
    "nothing_to_undo": ("没有可撤销的合并（只保留最近一次合并的还原点）：{name}",
                        "No merge to undo (only the latest merge keeps a restore point): {name}"),
    "restore_missing": ("合并前的还原点不见了或已改动（{detail}），无法撤销合并：{name}",
                        "The restore point taken before the merge is missing or altered "
                        "({detail}); the merge cannot be undone: {name}"),
    "changed_since": ("合并之后项目又有 {detail} 处改动，撤销合并会丢掉这些改动，已拒绝"
                      "（确要丢掉，请加 --discard-later-changes）：{name}",
                      "The project changed {detail} time(s) after the merge; undoing the merge "
                      "would lose that, so it was refused (add --discard-later-changes to lose "
                      "it): {name}"),
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

    def message(self, lang: str = "zh_CN") -> str:
        """One line; a detail or name taken from a package is shown escaped (``shown``)."""
        name = self.path.name or str(self.path)
        return pick(self.messages[self.kind], lang).format(name=shown(name),
                                                           detail=shown(self.detail))


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


class TooBigPackageError(MergeError):
    kind = "too_big"


class TempFullError(MergeError):
    kind = "temp_full"


class TempUnwritableError(MergeError):
    kind = "temp_unwritable"


class FootageNoSpaceError(MergeError):
    kind = "footage_no_space"


class FootageUnwritableError(MergeError):
    kind = "footage_unwritable"


class RestoreFailedError(MergeError):
    kind = "restore_failed"


class NothingToUndoError(MergeError):
    kind = "nothing_to_undo"


class RestorePointMissingError(MergeError):
    kind = "restore_missing"


class ChangedSinceMergeError(MergeError):
    kind = "changed_since"


def temp_folder_error(source: str | Path, exc: OSError, folder: str) -> MergeError:
    """A temporary copy could not be written: full, or not writable at all."""
    full = exc.errno in (errno.ENOSPC, errno.EDQUOT)
    detail = folder if full else f"{folder}: {exc.strerror or exc}"
    return (TempFullError if full else TempUnwritableError)(source, detail)


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
