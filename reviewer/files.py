"""What a path names on disk, so that an error can say the true cause.

``Path.is_file()`` answers False for a missing file, a folder, a device, a pipe and a
symlink loop alike; a user who typed ``/dev/zero`` deserves better than "file not found".
"""

from __future__ import annotations

import errno
import os
import stat
from pathlib import Path
from typing import Literal

Kind = Literal["file", "missing", "folder", "device", "pipe", "socket", "loop", "no_access",
               "name_too_long", "unreadable"]

# errno of os.stat -> what the user should hear
_STAT_ERRORS: dict[int, Kind] = {
    errno.ENOENT: "missing",
    errno.ENOTDIR: "missing",
    errno.ELOOP: "loop",
    errno.EACCES: "no_access",
    errno.EPERM: "no_access",
    errno.ENAMETOOLONG: "name_too_long",
}


def kind_of(path: str | os.PathLike[str]) -> Kind:
    """The kind of thing ``path`` names, following symlinks; never raises for a bad path."""
    try:
        mode = os.stat(path).st_mode
    except OSError as exc:
        return _STAT_ERRORS.get(exc.errno or 0, "unreadable")
    except ValueError:  # an embedded NUL byte
        return "missing"
    if stat.S_ISREG(mode):
        return "file"
    if stat.S_ISDIR(mode):
        return "folder"
    if stat.S_ISFIFO(mode):
        return "pipe"
    if stat.S_ISSOCK(mode):
        return "socket"
    return "device"


NAME_MAX_BYTES = 255  # ext4, NTFS (in UTF-16 units, which is never more), APFS, FAT32 (LFN)


def long_part(path: Path) -> str | None:
    """The first component of ``path`` too long for any common file system, if one is."""
    for part in path.parts:
        if len(part.encode("utf-8", "surrogatepass")) > NAME_MAX_BYTES:
            return part
    return None


_NOT_A_FILE: dict[str, tuple[str, str]] = {
    "missing": ("找不到文件", "File not found"),
    "folder": ("这是一个文件夹，不是{zh}", "This is a folder, not {en}"),
    "device": ("这是一个设备，不是{zh}", "This is a device, not {en}"),
    "pipe": ("这是一个管道（FIFO），不是{zh}", "This is a pipe (FIFO), not {en}"),
    "socket": ("这是一个套接字，不是{zh}", "This is a socket, not {en}"),
    "loop": ("符号链接循环指向自身，找不到实际文件", "The symbolic link loops back on itself; it leads to no file"),
    "no_access": ("没有读取权限", "No permission to read it"),
    "name_too_long": ("文件名过长", "The file name is too long"),
    "unreadable": ("无法读取文件信息", "Cannot read the file's details"),
}


def why_not_a_file(kind: str, zh: str, en: str) -> tuple[str, str]:
    """Why a path of ``kind`` is no ``zh``/``en`` thing (e.g. "这是一个文件夹，不是代码本文件")."""
    z, e = _NOT_A_FILE[kind]
    return z.format(zh=zh), e.format(en=en)


def not_a_file_messages(zh: str, en: str) -> dict[str, tuple[str, str]]:
    """One-line templates (with ``{name}``) for every non-file kind, about a ``zh``/``en`` thing."""
    return {kind: (z + "：{name}", e + ": {name}")
            for kind, (z, e) in ((k, why_not_a_file(k, zh, en)) for k in _NOT_A_FILE)}


_CAUSES: dict[int, tuple[str, str]] = {
    errno.ENOSPC: ("磁盘已满", "the disk is full"),
    errno.EDQUOT: ("超出磁盘配额", "the disk quota is used up"),
    errno.EFBIG: ("文件超出允许的大小", "the file is larger than allowed"),
    errno.EACCES: ("没有权限", "permission denied"),
    errno.EPERM: ("不允许的操作（文件可能被锁定为不可修改）", "not permitted (the file may be immutable)"),
    errno.EROFS: ("位置只读", "the location is read-only"),
    errno.ENAMETOOLONG: ("文件名过长", "the file name is too long"),
    errno.EISDIR: ("这是一个文件夹", "it is a folder"),
    errno.ENOTDIR: ("路径中有一段不是文件夹", "part of the path is not a folder"),
    errno.ENOENT: ("文件或文件夹不存在", "no such file or folder"),
    errno.ELOOP: ("符号链接循环", "a symbolic link loop"),
    errno.EIO: ("磁盘读写错误", "a disk input/output error"),
    errno.EEXIST: ("已存在同名文件", "a file of that name exists"),
}


def os_cause(exc: OSError) -> tuple[str, str]:
    """The cause of an OS error in words, (Chinese, English)."""
    text = exc.strerror or type(exc).__name__
    return _CAUSES.get(exc.errno or 0, (text, text))
