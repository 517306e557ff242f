"""The package manifest as JSON: written by ``pack``, parsed field by field on merge.

The manifest is read before the database is touched, so a newer format or
schema is refused without opening anything else, and its counts and
fingerprints are later checked against the database they describe.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from reviewer.merge.errors import (
    InvalidPackageError,
    NewerPackageError,
    NotAPackageError,
)
from reviewer.merge.model import (
    PACKAGE_FORMAT,
    PACKAGE_FORMAT_VERSION,
    FootageEntry,
    Manifest,
    PackedFile,
)
from reviewer.store import schema

MAX_TEXT = 500


def to_json(manifest: Manifest) -> bytes:
    return json.dumps(manifest.to_dict(), ensure_ascii=False, indent=1).encode("utf-8")


def parse(data: bytes, path: Path) -> Manifest:
    """A validated manifest; refuses newer formats and schemas first, with their own message."""
    try:
        doc = json.loads(data.decode("utf-8"))
    except (UnicodeDecodeError, ValueError, RecursionError) as exc:  # nested thousands deep
        raise NotAPackageError(path, "manifest.json") from exc
    if not isinstance(doc, dict) or doc.get("format") != PACKAGE_FORMAT:
        raise NotAPackageError(path, "format")
    fmt, version = _int(doc, "format_version", path), _int(doc, "schema_version", path)
    if fmt > PACKAGE_FORMAT_VERSION:
        raise NewerPackageError(path, f"format {fmt}")
    if version > schema.SCHEMA_VERSION:
        raise NewerPackageError(path, str(version))
    return Manifest(
        created_at=_str(doc, "created_at", path), reviewer=_str(doc, "reviewer", path),
        host=_str(doc, "host", path), project_id=_str(doc, "project_id", path),
        project_name=_str(doc, "project_name", path), schema_version=version,
        codebook_id=_str(doc, "codebook_id", path),
        codebook_version=_int(doc, "codebook_version", path), tags=_int(doc, "tags", path),
        live_tags=_int(doc, "live_tags", path), deleted_tags=_int(doc, "deleted_tags", path),
        media=tuple(_footage(item, path) for item in _list(doc, "media", path)),
        files=tuple(_file(item, path) for item in _list(doc, "files", path)),
        authors=tuple(_plain_str(a, "authors", path) for a in _list(doc, "authors", path)),
    )


def _footage(item: Any, path: Path) -> FootageEntry:
    doc = _dict(item, "media", path)
    sha = doc.get("sha256")
    member = doc.get("member")
    return FootageEntry(
        media_id=_str(doc, "media_id", path), name=_str(doc, "name", path),
        size=_int(doc, "size", path), head_tail=_str(doc, "head_tail", path),
        sha256=None if sha is None else _plain_str(sha, "sha256", path),
        member=None if member is None else _plain_str(member, "member", path))


def _file(item: Any, path: Path) -> PackedFile:
    doc = _dict(item, "files", path)
    return PackedFile(_str(doc, "member", path), _str(doc, "sha256", path), _int(doc, "size", path))


def _dict(value: Any, field: str, path: Path) -> dict[str, Any]:
    if not isinstance(value, dict):
        raise InvalidPackageError(path, f"manifest: {field}")
    return value


def _list(doc: dict[str, Any], field: str, path: Path) -> list[Any]:
    value = doc.get(field, [])
    if not isinstance(value, list):
        raise InvalidPackageError(path, f"manifest: {field}")
    return value


def _str(doc: dict[str, Any], field: str, path: Path) -> str:
    return _plain_str(doc.get(field), field, path)


def _plain_str(value: Any, field: str, path: Path) -> str:
    if not isinstance(value, str) or len(value) > MAX_TEXT:
        raise InvalidPackageError(path, f"manifest: {field}")
    return value


def _int(doc: dict[str, Any], field: str, path: Path) -> int:
    value = doc.get(field)
    if not isinstance(value, int) or isinstance(value, bool) or value < 0:
        raise InvalidPackageError(path, f"manifest: {field}")
    return value
