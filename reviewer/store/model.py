"""Store domain objects: tags, footage, what an operation changed.

Times on the footage are integer milliseconds from the first frame (the
engine's ``Frame.pts_ms``); wall-clock times are ISO 8601 UTC strings so
they sort as text and survive JSON and merges unchanged.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any

# Fields an edit may change; identity, authorship and bookkeeping are the store's.
EDITABLE_FIELDS = (
    "start_ms",
    "end_ms",
    "frame_pts",
    "category_id",
    "sub_problem_id",
    "county_id",
    "township_id",
    "place",
    "unit_id",
    "severity",
    "status",
    "note",
    "stills",
)


def now_iso() -> str:
    return datetime.now(UTC).isoformat(timespec="milliseconds").replace("+00:00", "Z")


def new_uuid() -> str:
    return str(uuid.uuid4())


@dataclass(frozen=True)
class Still:
    """A frame kept as evidence; the picture is grabbed again from the footage when needed."""

    pts_ms: int
    frame_pts: int | None = None


@dataclass(frozen=True)
class Tag:
    uuid: str
    media_id: str
    start_ms: int
    end_ms: int | None  # None: a point tag
    frame_pts: int | None  # stream pts of the frame on screen when the tag was set
    category_id: str
    sub_problem_id: str | None = None
    county_id: str | None = None
    township_id: str | None = None
    place: str = ""
    unit_id: str | None = None
    severity: int | None = None
    status: str = "pending"
    note: str = ""
    stills: tuple[Still, ...] = ()
    reviewer: str = ""
    created_at: str = ""
    updated_at: str = ""
    updated_by: str = ""
    revision: int = 1  # rises with every committed change, for merges
    deleted_at: str | None = None
    deleted_by: str | None = None

    @property
    def deleted(self) -> bool:
        return self.deleted_at is not None

    def editable(self) -> dict[str, Any]:
        return {name: getattr(self, name) for name in EDITABLE_FIELDS}

    def to_dict(self) -> dict[str, Any]:
        data = {name: getattr(self, name) for name in self.__dataclass_fields__}
        data["stills"] = [{"pts_ms": s.pts_ms, "frame_pts": s.frame_pts} for s in self.stills]
        return data


def new_tag(media_id: str, start_ms: int, category_id: str, reviewer: str = "",
            **fields: Any) -> Tag:
    """A fresh tag with its own UUID, not yet stored."""
    stamp = now_iso()
    fields.setdefault("end_ms", None)
    fields.setdefault("frame_pts", None)
    return Tag(uuid=new_uuid(), media_id=media_id, start_ms=start_ms, category_id=category_id,
               reviewer=reviewer, created_at=stamp, updated_at=stamp, updated_by=reviewer,
               **fields)


def missing_fields(tag: Tag, required: tuple[str, ...]) -> tuple[str, ...]:
    """The code book's mandatory fields this tag has not filled yet."""
    return tuple(name for name in required if getattr(tag, name) in (None, "") or
                 (isinstance(getattr(tag, name), str) and not getattr(tag, name).strip()))


@dataclass(frozen=True)
class Fingerprint:
    """Enough to recognise a file after it moved: size and a hash of its head and tail."""

    size: int
    head_tail: str
    sha256: str | None = None  # the whole file, filled in later by a background job

    def matches(self, other: Fingerprint) -> bool:
        same = self.size == other.size and self.head_tail == other.head_tail
        if self.sha256 and other.sha256:
            return same and self.sha256 == other.sha256
        return same


@dataclass(frozen=True)
class Media:
    id: str
    name: str
    fingerprint: Fingerprint
    abs_path: str  # last known absolute path on this computer
    rel_path: str | None  # relative to the project's folder, "/"-separated
    duration_ms: int
    info: dict[str, Any] = field(compare=False, hash=False)
    online: bool = True
    recording_id: str | None = None  # chunks of one recording (4 GB splits) share this
    chunk_index: int = 0
    position: int = 0
    added_at: str = ""
    added_by: str = ""

    def to_dict(self) -> dict[str, Any]:
        data = {name: getattr(self, name) for name in self.__dataclass_fields__}
        data["fingerprint"] = {"size": self.fingerprint.size,
                               "head_tail": self.fingerprint.head_tail,
                               "sha256": self.fingerprint.sha256}
        return data


@dataclass(frozen=True)
class Changes:
    """What an operation changed, so each view redraws only what it must."""

    tags: frozenset[str] = frozenset()
    media: frozenset[str] = frozenset()
    codebook: bool = False
    select: str | None = None  # a view hint: the tag, media or round to select afterwards
    campaign: bool = False  # rounds, rectification records or re-checks (reviewer/campaign)

    def __or__(self, other: Changes) -> Changes:
        return Changes(self.tags | other.tags, self.media | other.media,
                       self.codebook or other.codebook, other.select or self.select,
                       self.campaign or other.campaign)

    @property
    def empty(self) -> bool:
        return not (self.tags or self.media or self.codebook or self.campaign)


@dataclass(frozen=True)
class LockInfo:
    """Who holds a project open for writing."""

    user: str
    host: str
    pid: int
    since: str

    def describe(self, lang: str = "zh_CN") -> str:
        since = _local_minute(self.since)
        if lang.startswith("en"):
            return f"{self.user} on {self.host} (process {self.pid}) since {since}"
        return f"{self.user}（电脑 {self.host}，进程 {self.pid}，自 {since} 起）"


def _local_minute(stamp: str) -> str:
    try:
        return datetime.fromisoformat(stamp.replace("Z", "+00:00")).astimezone().strftime(
            "%Y-%m-%d %H:%M")
    except ValueError:
        return stamp
