"""Dumps for comparing project states, and a package rewriter for hostile inputs."""

from __future__ import annotations

import hashlib
import json
import sqlite3
import zipfile
from pathlib import Path

from reviewer.merge.pack import CHECKSUM_MEMBER, DB_MEMBER, MANIFEST_MEMBER
from reviewer.store import words

TABLES = {
    "tags": "SELECT * FROM tags ORDER BY uuid",
    "media": "SELECT * FROM media ORDER BY id",
    "categories": "SELECT * FROM categories ORDER BY id",
    "conflicts": "SELECT tag_uuid, kind, source_id, stamp_at, stamp_by, version, status "
                 "FROM merge_conflicts ORDER BY tag_uuid, stamp_at, stamp_by",
    "duplicates": "SELECT a_uuid, b_uuid, status FROM merge_duplicates ORDER BY 1, 2",
    "codebook": "SELECT kind, entry_id, status FROM merge_codebook ORDER BY 1, 2",
    "seen": "SELECT * FROM merge_seen ORDER BY 1, 2, 3",
}


def dump(path: Path, audit: bool = False) -> dict[str, list]:
    conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    try:
        data = {name: conn.execute(sql).fetchall() for name, sql in TABLES.items()}
        if audit:
            data["audit"] = conn.execute("SELECT * FROM audit ORDER BY id").fetchall()
        return data
    finally:
        conn.close()


def logical(path: Path) -> dict[str, set]:
    """Per tag uuid, every version present (row or pending conflict), ignoring which is which."""
    conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    try:
        found: dict[str, set] = {}
        for uuid, note, deleted in conn.execute("SELECT uuid, note, deleted_at IS NOT NULL FROM tags"):
            found.setdefault(uuid, set()).add((note, deleted))
        for uuid, text in conn.execute("SELECT tag_uuid, version FROM merge_conflicts "
                                       "WHERE status = 'pending'"):
            tag = json.loads(text)
            found.setdefault(uuid, set()).add((tag["note"], tag["deleted_at"] is not None))
        return found
    finally:
        conn.close()


def rewrite(package: Path, out: Path, db=None, manifest=None, fix_checksums: bool = True) -> Path:
    """Copy ``package`` to ``out`` changing its database and/or manifest.

    ``db(conn)`` edits the database; ``manifest(dict)`` edits the manifest. With
    ``fix_checksums`` the forger also recomputes every checksum.
    """
    tmp = out.with_suffix(".db")
    with zipfile.ZipFile(package) as zf:
        tmp.write_bytes(zf.read(DB_MEMBER))
        doc = json.loads(zf.read(MANIFEST_MEMBER))
        old_sum = zf.read(CHECKSUM_MEMBER)
        others = {n: zf.read(n) for n in zf.namelist()
                  if n not in (DB_MEMBER, MANIFEST_MEMBER, CHECKSUM_MEMBER)}
    if db is not None:
        conn = sqlite3.connect(tmp, isolation_level=None)
        words.register(conn)  # tag edits fire the search-index triggers
        db(conn)
        conn.close()
    data = tmp.read_bytes()
    if manifest is not None:
        manifest(doc)
    if fix_checksums:
        for entry in doc["files"]:
            if entry["member"] == DB_MEMBER:
                entry.update(sha256=hashlib.sha256(data).hexdigest(), size=len(data))
    text = json.dumps(doc, ensure_ascii=False).encode("utf-8")
    with zipfile.ZipFile(out, "w") as zf:
        zf.writestr(DB_MEMBER, data)
        zf.writestr(MANIFEST_MEMBER, text)
        zf.writestr(CHECKSUM_MEMBER, hashlib.sha256(text).hexdigest() if fix_checksums else old_sum)
        for name, content in others.items():
            zf.writestr(name, content)
    tmp.unlink()
    return out
