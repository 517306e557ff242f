"""Where a project may live: local disks only, with a warning for network shares.

WAL needs shared memory between processes on one host; over SMB or NFS
locks are unreliable and SQLite files get corrupted.
"""

from __future__ import annotations

import os
import re
import sys
from pathlib import Path

from reviewer.store.errors import NotLocalProjectError

# A URL or UNC path would make the laptop contact a server (and send NTLM credentials).
_REMOTE = re.compile(r"^([a-zA-Z][a-zA-Z0-9+.-]+://|\\\\|//)")
NETWORK_FS = frozenset({"nfs", "nfs4", "cifs", "smbfs", "smb3", "fuse.sshfs", "afs", "9p",
                        "fuse.gvfsd-fuse", "davfs", "fuse.davfs2", "ncpfs"})
_DRIVE_REMOTE = 4


def check_local(path: str | os.PathLike[str]) -> Path:
    text = os.fspath(path)
    if _REMOTE.match(text):
        raise NotLocalProjectError(text)
    return Path(text)


def read_mounts() -> list[tuple[str, str]]:
    """(mount point, file-system type) pairs; a separate function so tests can fake it."""
    try:
        with open("/proc/mounts", encoding="utf-8", errors="replace") as handle:
            rows = [line.split() for line in handle]
    except OSError:
        return []
    return [(r[1].replace("\\040", " "), r[2]) for r in rows if len(r) >= 3]


def network_filesystem(path: Path) -> str | None:
    """The network file-system type holding ``path``, or None for a local disk."""
    if sys.platform == "win32":
        return _windows_remote(path)
    target = str(path.resolve())
    best = ("", "")
    for mount, fstype in read_mounts():
        inside = target == mount or target.startswith(mount.rstrip("/") + "/")
        if inside and len(mount) >= len(best[0]):
            best = (mount, fstype)
    return best[1] if best[1] in NETWORK_FS else None


def _windows_remote(path: Path) -> str | None:
    import ctypes

    drive = path.resolve().drive + "\\"
    kind = ctypes.windll.kernel32.GetDriveTypeW(drive)  # type: ignore[attr-defined]
    return "SMB" if kind == _DRIVE_REMOTE else None
