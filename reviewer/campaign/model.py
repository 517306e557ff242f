"""The campaign's domain objects: rounds (期), rectification records, evidence, re-checks.

A problem is a tag; what happens to it after the meeting (deadline, the unit's measures
and evidence, the re-inspection's verdict, closure 销号) is its rectification record.
Dates the office writes by hand (deadline, the day a unit finished) are calendar dates;
who-did-what stamps are ISO 8601 UTC strings like every other stamp in the store.
"""

from __future__ import annotations

from dataclasses import dataclass, fields, replace
from datetime import date

from reviewer.codebook.model import STATUS_LABELS
from reviewer.store.model import Fingerprint

VERDICTS = ("rectified", "unrectified", "recurred", "partial")
VERDICT_LABELS = {
    "rectified": ("已整改", "Rectified"),
    "unrectified": ("未整改", "Not rectified"),
    "recurred": ("反弹", "Recurred"),
    "partial": ("部分整改", "Partly rectified"),
}
CLOSED_LABEL = ("已销号", "Closed")
OVERDUE_LABEL = ("逾期", "Overdue")
# Every state a problem can show: the unit's reported status, the verdict, closure.
STATE_LABELS = {**STATUS_LABELS, **VERDICT_LABELS, "closed": CLOSED_LABEL}
EVIDENCE_KINDS = {
    "photo": (".jpg", ".jpeg", ".png", ".heic", ".heif", ".webp", ".bmp", ".tif", ".tiff"),
    "video": (".mp4", ".mov", ".avi", ".mkv", ".ts", ".mts", ".m4v", ".3gp"),
    "document": (".pdf", ".doc", ".docx", ".xls", ".xlsx", ".wps", ".txt"),
}


def label(labels: dict[str, tuple[str, str]], key: str, lang: str) -> str:
    zh, en = labels.get(key, (key, key))
    return en if lang.startswith("en") else zh


def evidence_kind(name: str) -> str | None:
    """photo / video / document from the file name, or None for a file we do not take."""
    suffix = "." + name.rsplit(".", 1)[-1].lower() if "." in name else ""
    return next((kind for kind, ends in EVIDENCE_KINDS.items() if suffix in ends), None)


@dataclass(frozen=True)
class Round:
    """One inspection round (期) that ends in a supervision meeting."""

    id: str
    name: str  # 第6期
    position: int  # 1, 2, ... in the order the rounds ran
    start_on: date | None = None
    end_on: date | None = None  # the meeting; deadlines count from here
    teams: str = ""  # inspection teams (暗访组), free text
    created_at: str = ""
    created_by: str = ""

    def as_of(self, today: date) -> date:
        """The day the round is assessed on: its meeting, or today while it has none."""
        return self.end_on or today


@dataclass(frozen=True)
class Rectification:
    """What was done about one problem; a problem without a stored record has this default."""

    tag_uuid: str
    deadline: date | None = None  # set by a person; None: the code book's default
    measures: str = ""  # 整改措施 returned by the unit
    rectified_on: date | None = None  # the day the unit says it finished
    verdict: str | None = None  # the re-inspection's finding, one of VERDICTS
    verified_at: str | None = None
    verified_by: str | None = None
    closed_at: str | None = None  # 销号
    closed_by: str | None = None
    updated_at: str = ""
    updated_by: str = ""

    @property
    def closed(self) -> bool:
        return self.closed_at is not None

    def content(self) -> dict[str, object]:
        """The fields a person sets (not the bookkeeping stamps)."""
        return {f.name: getattr(self, f.name) for f in fields(self)
                if f.name not in ("tag_uuid", "updated_at", "updated_by")}

    def with_(self, **changes: object) -> Rectification:
        return replace(self, **changes)  # type: ignore[arg-type]


RECORD_FIELDS = tuple(f.name for f in fields(Rectification)
                      if f.name not in ("tag_uuid", "updated_at", "updated_by"))


@dataclass(frozen=True)
class Evidence:
    """A photo, video or document a unit returned as proof, recognised by content."""

    id: str
    tag_uuid: str
    name: str
    kind: str
    fingerprint: Fingerprint
    abs_path: str  # last known absolute path on this computer; never exported
    rel_path: str | None  # relative to the project's folder, "/"-separated
    added_at: str = ""
    added_by: str = ""
    removed_at: str | None = None
    removed_by: str | None = None


@dataclass(frozen=True)
class Recheck:
    """A person's decision that ``later_uuid`` re-inspects ``earlier_uuid`` (or does not)."""

    earlier_uuid: str
    later_uuid: str
    status: str  # "confirmed" or "rejected"
    verdict: str | None  # set when confirmed
    decided_at: str = ""
    decided_by: str = ""

    @property
    def confirmed(self) -> bool:
        return self.status == "confirmed"
