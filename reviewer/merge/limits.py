"""How much a package may hold and make us do: checked before the work, never after.

A package is a zip from someone else's laptop. Every number it declares or
holds is compared with these caps at the earliest point it is known: the
zip's end record (entries), its central directory (each member's size and
compression ratio), the manifest (counts), SQL counts on the extracted
copy (rows, text) before a row is fetched into Python, and the total over
one merge. Extraction is streamed and stops at the declared size, so a
member that lies about its size is cut off too. docs/package-threat-model.md
lists what each cap stops; the caps sit well above real use (a month's
package holds ~10,000 tags in ~10 MB).

Read at call time from ``LIMITS``: tests set smaller caps with monkeypatch.
"""

from __future__ import annotations

import zipfile
from dataclasses import dataclass
from pathlib import Path
from typing import IO

from reviewer.merge.errors import HostilePackageError, TooBigPackageError

KIB, MIB, GIB = 1024, 1024**2, 1024**3


@dataclass(frozen=True)
class Limits:
    members: int = 10_003  # zip entries: manifest, checksum, database, footage files
    central_directory_bytes: int = 8 * MIB
    manifest_bytes: int = 4 * MIB
    checksum_bytes: int = 1 * KIB
    database_bytes: int = 1 * GIB  # project.sqlite uncompressed (10,000 tags: ~10 MB)
    footage_bytes: int = 64 * GIB  # one packed footage file
    other_bytes: int = 1 * MIB  # a member we never read
    ratio: int = 100  # uncompressed / compressed; deflate's own maximum is ~1,032
    ratio_floor: int = 1 * MIB  # small members may compress better: they cannot flood a disk
    tags: int = 200_000  # per package
    text_chars: int = 64_000_000  # place, note and stills of all tags of a package
    stills_chars: int = 200_000  # one tag's stills list
    media: int = 10_000
    codebook_entries: int = 10_000
    history_rows: int = 2_000_000  # audit and merge_seen rows of a package
    total_tags: int = 1_000_000  # over all packages of one merge
    total_database_bytes: int = 4 * GIB


LIMITS = Limits()


def check_end_record(handle: IO[bytes], source: Path) -> None:
    """The entry count and central directory size, before ``ZipFile`` reads the directory.

    ``ZipFile`` builds an object per entry as it opens: millions of entries in
    a crafted directory would exhaust memory before any check of ours ran.
    """
    find = getattr(zipfile, "_EndRecData", None)  # CPython's reader of the end record
    if find is None:
        return
    record = find(handle)
    handle.seek(0)
    if not record:
        return  # not a zip: ZipFile says so, with its own error
    limits = LIMITS
    entries, size = record[zipfile._ECD_ENTRIES_TOTAL], record[zipfile._ECD_SIZE]
    if entries > limits.members:
        raise TooBigPackageError(source, f"{entries} members > {limits.members}")
    if size > limits.central_directory_bytes:
        raise TooBigPackageError(source, f"central directory {_mib(size)} > "
                                         f"{_mib(limits.central_directory_bytes)}")


def check_members(zf: zipfile.ZipFile, caps: dict[str, int], source: Path) -> None:
    """Every member's declared size and compression ratio, before a byte is extracted.

    ``caps`` maps a member name, or a prefix ending in "/", to its largest
    size; other members get ``other_bytes``. ``ZipFile`` never yields more
    than a member's declared size (and then checks its CRC), so these
    numbers bound what extraction can write.
    """
    limits = LIMITS
    infos = zf.infolist()
    if len(infos) > limits.members:
        raise TooBigPackageError(source, f"{len(infos)} members > {limits.members}")
    names = [info.filename for info in infos]
    if len(set(names)) != len(names):
        raise HostilePackageError(source, "a member name appears twice")
    for info in infos:
        cap = _cap(info.filename, caps, limits)
        if info.file_size > cap:
            raise TooBigPackageError(source, f"{_short(info.filename)} {_mib(info.file_size)} "
                                             f"> {_mib(cap)}")
        if info.file_size > limits.ratio_floor and \
                info.file_size > limits.ratio * max(info.compress_size, 1):
            ratio = info.file_size // max(info.compress_size, 1)
            raise TooBigPackageError(source, f"{_short(info.filename)} compressed {ratio}:1 > "
                                             f"{limits.ratio}:1")


def check_count(what: str, count: int, cap: int, source: Path) -> None:
    if count > cap:
        raise TooBigPackageError(source, f"{what} {count} > {cap}")


def _cap(name: str, caps: dict[str, int], limits: Limits) -> int:
    if name in caps:
        return caps[name]
    prefix = next((p for p in caps if p.endswith("/") and name.startswith(p)), None)
    return caps[prefix] if prefix is not None else limits.other_bytes


def _short(name: str) -> str:
    return name[:60]


def _mib(size: int) -> str:
    return f"{size / MIB:.1f} MiB" if size < GIB else f"{size / GIB:.2f} GiB"
