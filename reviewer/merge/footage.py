"""Footage carried inside a package, written beside the project under names we choose.

Names and member paths come from another laptop: a name like
``..\\..\\x`` or ``C:\\Windows\\x`` is reduced to a plain file name, the
member is only looked up in the zip, never joined to a path, and every
written file is checked against its declared hash and fingerprint.
"""

from __future__ import annotations

import contextlib
import errno
import os
import re
import shutil
import zipfile
import zlib
from pathlib import Path

from reviewer.merge import limits, stream
from reviewer.merge.errors import (
    FootageNoSpaceError,
    FootageUnwritableError,
    TamperedPackageError,
    TruncatedPackageError,
)
from reviewer.merge.model import FootageEntry
from reviewer.merge.pack import FOOTAGE_PREFIX
from reviewer.merge.package import Package
from reviewer.store import fingerprint

FingerprintKey = tuple[int, str]
_UNSAFE = re.compile(r'[\x00-\x1f<>:"/\\|?*]')
_RESERVED = re.compile(r"^(con|prn|aux|nul|com\d|lpt\d)(\..*)?$", re.IGNORECASE)


def safe_name(name: str, fallback: str) -> str:
    """A bare file name: no folders, no drive, no ``..``, nothing Windows refuses."""
    base = re.split(r"[\\/]", name)[-1]
    base = _UNSAFE.sub("_", base).strip(" .")
    if not base or _RESERVED.match(base):
        return fallback
    return base[:180]


def extract(packages: list[Package], known: set[FingerprintKey], folder: Path) -> dict[FingerprintKey, Path]:
    """Write packed footage the project lacks into ``folder``; returns what was written.

    Every member is checked against its declared size and the caps, and the
    folder's free space against their total, before the first byte is written.
    """
    wanted = [(package, entry) for package in packages for entry in _wanted(package, known)]
    if not wanted:
        return {}
    check_space(packages, known, folder)
    written: dict[FingerprintKey, Path] = {}
    try:
        for package in packages:
            entries = [e for p, e in wanted if p is package
                       and (e.size, e.head_tail) not in written]
            if entries:
                _extract_package(package, entries, folder, written)
    except BaseException:
        remove(written.values())
        raise
    return written


def _wanted(package: Package, known: set[FingerprintKey]) -> list[FootageEntry]:
    """Packed footage the project lacks, first package carrying a file first."""
    return [e for e in package.manifest.media if e.member and (e.size, e.head_tail) not in known]


# Left free after extracting, for the project's own writes (a merge's transaction).
_SPARE = 64 * 1024 * 1024


def check_space(packages: list[Package], known: set[FingerprintKey], folder: Path) -> None:
    """Refuse before writing when the footage the project lacks cannot fit in ``folder``."""
    entries = [entry for package in packages for entry in _wanted(package, known)]
    if not entries:
        return
    need = sum({(e.size, e.head_tail): e.size for e in entries}.values()) + _SPARE
    existing = next((p for p in (folder, *folder.parents) if p.exists()), folder)
    free = shutil.disk_usage(existing).free
    if free < need:
        raise FootageNoSpaceError(packages[0].path, f"{folder.name}: {_gb(need)} > {_gb(free)}")


def _gb(size: int) -> str:
    return f"{size / 1024**3:.2f} GB"


def _extract_package(package: Package, entries: list[FootageEntry], folder: Path,
                     written: dict[FingerprintKey, Path]) -> None:
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise _write_error(package.path, folder, exc) from exc
    with package.path.open("rb") as handle:
        limits.check_end_record(handle, package.path)
        with zipfile.ZipFile(handle) as zf:
            _check_members(zf, package, entries)
            for entry in entries:
                if (entry.size, entry.head_tail) in written:
                    continue
                target = _free_path(folder, _target_name(entry))
                _copy_verified(zf, entry, target, package)
                written[(entry.size, entry.head_tail)] = target


def _check_members(zf: zipfile.ZipFile, package: Package, entries: list[FootageEntry]) -> None:
    """The zip says what it holds before anything is written: sizes as declared, within caps."""
    caps = limits.LIMITS
    limits.check_members(zf, {FOOTAGE_PREFIX: caps.footage_bytes}, package.path)
    for entry in entries:
        declared = package.manifest.file(entry.member or "")
        try:
            info = zf.getinfo(entry.member or "")
        except KeyError as exc:
            raise TruncatedPackageError(package.path) from exc
        if declared is None or declared.size != entry.size or info.file_size != entry.size:
            raise TamperedPackageError(package.path, entry.member or "")


def _target_name(entry: FootageEntry) -> str:
    suffix = Path(safe_name(entry.name, "x.mp4")).suffix or ".mp4"
    return safe_name(entry.name, entry.media_id[:12] + suffix)


def _free_path(folder: Path, name: str) -> Path:
    target = folder / name
    stem, suffix, n = target.stem, target.suffix, 1
    while target.exists() or target.with_name(target.name + ".part").exists():
        n += 1
        target = folder / f"{stem} ({n}){suffix}"
    # The name has no separators, but check anyway: nothing lands outside the folder.
    if target.resolve().parent != folder.resolve():
        raise TamperedPackageError(folder, name)
    return target


def _copy_verified(zf: zipfile.ZipFile, entry: FootageEntry, target: Path,
                   package: Package) -> None:
    """Stream the member to ``target.part``, check its hash and fingerprint, then rename."""
    member = entry.member or ""
    declared = package.manifest.file(member)
    part = target.with_name(target.name + ".part")
    try:
        with zf.open(member) as src, part.open("wb", buffering=0) as dst:
            digest = stream.copy_capped(src, dst, entry.size)
        got = fingerprint.quick(part)
        if declared is None or digest != declared.sha256 \
                or (got.size, got.head_tail) != (entry.size, entry.head_tail):
            raise TamperedPackageError(package.path, member)
        os.replace(part, target)
    except stream.TooLong as exc:  # never more than declared, whatever the stream holds
        raise TamperedPackageError(package.path, member) from exc
    except (zipfile.BadZipFile, EOFError, zlib.error, stream.ReadFailed) as exc:
        raise TruncatedPackageError(package.path) from exc
    except stream.WriteFailed as exc:
        raise _write_error(package.path, target.parent, exc.error) from exc
    except OSError as exc:  # creating the part file
        raise _write_error(package.path, target.parent, exc) from exc
    finally:
        with contextlib.suppress(OSError):
            part.unlink(missing_ok=True)


def _write_error(label: Path, folder: Path, exc: OSError) -> Exception:
    if exc.errno in (errno.ENOSPC, errno.EDQUOT):
        return FootageNoSpaceError(label, folder.name)
    return FootageUnwritableError(label, f"{folder.name}: {exc.strerror or exc}")


def remove(paths: object) -> None:
    for path in list(paths):  # type: ignore[call-overload]
        with contextlib.suppress(OSError):
            Path(path).unlink(missing_ok=True)
