"""Hostile packages as an attacker would build them: zip bombs, oversize and lying members.

A bomb is a real package whose database (or footage) member is followed by
gigabytes of zeros, with a manifest whose sizes and hashes are right, so
without caps it would be extracted and merged. The zip is written by hand:
the deflate stream of the zeros is one block computed once and repeated
(after a full flush, compressing the same bytes gives the same output),
so a 2 GiB bomb takes about a second to build. Shared with
benchmarks/merge_bench.py.
"""

from __future__ import annotations

import hashlib
import json
import struct
import zipfile
import zlib
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

from reviewer.media.fingerprint import CHUNK
from reviewer.merge.pack import CHECKSUM_MEMBER, DB_MEMBER, MANIFEST_MEMBER

MIB = 1024 * 1024
_ZEROS = bytes(MIB)


@dataclass(frozen=True)
class Member:
    name: str
    data: Callable[[], Iterator[bytes]]  # what the zip stores (deflated or not)
    deflated: bool
    crc: int
    size: int  # uncompressed
    stored_size: int


def stored(name: str, data: bytes) -> Member:
    return Member(name, lambda: iter([data]), False, zlib.crc32(data), len(data), len(data))


def deflated(name: str, data: bytes) -> Member:
    c = zlib.compressobj(9, zlib.DEFLATED, -15)
    packed = c.compress(data) + c.flush()
    return Member(name, lambda: iter([packed]), True, zlib.crc32(data), len(data), len(packed))


def zero_padded(name: str, head: bytes, zero_mib: int) -> tuple[Member, str]:
    """``head`` then ``zero_mib`` MiB of zeros, deflated; and the content's SHA-256."""
    c = zlib.compressobj(9, zlib.DEFLATED, -15)
    first = c.compress(head) + c.flush(zlib.Z_FULL_FLUSH)
    block = c.compress(_ZEROS) + c.flush(zlib.Z_FULL_FLUSH)
    end = c.flush(zlib.Z_FINISH)
    crc, digest = zlib.crc32(head), hashlib.sha256(head)
    for _ in range(zero_mib):
        crc = zlib.crc32(_ZEROS, crc)
        digest.update(_ZEROS)

    def data() -> Iterator[bytes]:
        yield first
        for _ in range(zero_mib):
            yield block
        yield end

    size = len(head) + zero_mib * MIB
    packed = len(first) + zero_mib * len(block) + len(end)
    return Member(name, data, True, crc, size, packed), digest.hexdigest()


def write_zip(path: Path, members: list[Member]) -> Path:
    """A plain zip (no Zip64: members below 4 GiB) with exactly these members."""
    central = []
    with path.open("wb") as out:
        for m in members:
            offset, name = out.tell(), m.name.encode("utf-8")
            method = 8 if m.deflated else 0
            out.write(struct.pack("<IHHHHHIIIHH", 0x04034B50, 20, 0x800, method, 0, 0x21, m.crc,
                                  m.stored_size, m.size, len(name), 0) + name)
            for chunk in m.data():
                out.write(chunk)
            central.append(struct.pack("<IHHHHHHIIIHHHHHII", 0x02014B50, 20, 20, 0x800, method,
                                       0, 0x21, m.crc, m.stored_size, m.size, len(name), 0, 0,
                                       0, 0, 0, offset) + name)
        start = out.tell()
        for entry in central:
            out.write(entry)
        out.write(struct.pack("<IHHHHIIH", 0x06054B50, 0, 0, len(members), len(members),
                              out.tell() - start, start, 0))
    return path


def members_of(package: Path) -> tuple[bytes, dict]:
    with zipfile.ZipFile(package) as zf:
        return zf.read(DB_MEMBER), json.loads(zf.read(MANIFEST_MEMBER))


def with_manifest(doc: dict, members: list[Member]) -> list[Member]:
    text = json.dumps(doc, ensure_ascii=False).encode("utf-8")
    return [*members, stored(MANIFEST_MEMBER, text),
            stored(CHECKSUM_MEMBER, hashlib.sha256(text).hexdigest().encode("ascii"))]


def database_bomb(package: Path, out: Path, zero_mib: int) -> Path:
    """``package`` with its database followed by ``zero_mib`` MiB of zeros, declared honestly.

    SQLite reads the pages its header counts and ignores the rest, so the
    database is still valid: without caps, this is extracted and merged.
    """
    db, doc = members_of(package)
    member, sha = zero_padded(DB_MEMBER, db, zero_mib)
    _declare(doc, DB_MEMBER, member.size, sha)
    return write_zip(out, with_manifest(doc, [member]))


def footage_bomb(package: Path, out: Path, zero_mib: int, edit_db: Callable[[bytes, dict], bytes]
                 ) -> Path:
    """A package carrying a "footage" file of ``zero_mib`` MiB of zeros, consistently declared.

    ``edit_db(db, entry)`` returns the database with the footage row made to
    match ``entry`` (id, size, head/tail hash): the manifest and the
    database agree, as a careful attacker would make them.
    """
    db, doc = members_of(package)
    member, sha = zero_padded("footage/0000.mp4", b"", zero_mib)
    size = member.size
    head_tail = hashlib.sha256(size.to_bytes(8, "little") + bytes(CHUNK) + bytes(CHUNK))
    entry = doc["media"][0]
    entry.update(size=size, head_tail=head_tail.hexdigest(), sha256=sha, member=member.name)
    db = edit_db(db, entry)
    doc["files"].append({"member": member.name, "sha256": sha, "size": size})
    db_member = deflated(DB_MEMBER, db)
    _declare(doc, DB_MEMBER, len(db), hashlib.sha256(db).hexdigest())
    return write_zip(out, with_manifest(doc, [db_member, member]))


def _declare(doc: dict, member: str, size: int, sha: str) -> None:
    for entry in doc["files"]:
        if entry["member"] == member:
            entry.update(size=size, sha256=sha)


def media_row(db: bytes, entry: dict, folder: Path) -> bytes:
    """``db`` with the footage row ``entry["media_id"]`` given the entry's size and hash."""
    import sqlite3

    path = folder / "edit.sqlite"
    path.write_bytes(db)
    conn = sqlite3.connect(path)
    conn.execute("UPDATE media SET size_bytes = ?, head_tail_sha256 = ?, full_sha256 = ? "
                 "WHERE id = ?", (entry["size"], entry["head_tail"], entry["sha256"],
                                  entry["media_id"]))
    conn.commit()
    conn.close()
    data = path.read_bytes()
    path.unlink()
    return data
