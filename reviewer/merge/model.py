"""What a package declares and what a merge did, as frozen values (no Qt, no SQL).

The report is the editor's answer to "what did the three laptops bring?":
what was added, what conflicts, what looks duplicated, what the code book
lacks. Conflicts and proposals wait in the project until someone decides.
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass
from enum import StrEnum
from typing import Any

from reviewer.codebook.model import Label
from reviewer.store.model import Changes, Tag

PACKAGE_FORMAT = "shenpian-package"
PACKAGE_FORMAT_VERSION = 1
CODEBOOK_KINDS = ("category", "sub_problem", "county", "township", "unit")


@dataclass(frozen=True)
class FootageEntry:
    """One footage file of the packed project, by fingerprint; its path stays on that laptop."""

    media_id: str
    name: str
    size: int
    head_tail: str
    sha256: str | None
    member: str | None  # the zip member holding the file when packed --with-footage


@dataclass(frozen=True)
class PackedFile:
    member: str
    sha256: str
    size: int


@dataclass(frozen=True)
class Manifest:
    created_at: str
    reviewer: str
    host: str
    project_id: str
    project_name: str
    schema_version: int
    codebook_id: str
    codebook_version: int
    tags: int
    live_tags: int
    deleted_tags: int
    media: tuple[FootageEntry, ...]
    files: tuple[PackedFile, ...]
    authors: tuple[str, ...] = ()
    format: str = PACKAGE_FORMAT
    format_version: int = PACKAGE_FORMAT_VERSION

    @property
    def source_id(self) -> str:
        """Which laptop copy this came from; copies of one project differ by reviewer and host."""
        return f"{self.project_id}/{self.reviewer}@{self.host}"

    def file(self, member: str) -> PackedFile | None:
        return next((f for f in self.files if f.member == member), None)

    def to_dict(self) -> dict[str, Any]:
        return dataclasses.asdict(self)


@dataclass(frozen=True)
class CodebookEntry:
    kind: str  # one of CODEBOOK_KINDS
    id: str
    label: Label
    parent_id: str | None = None  # the category of a sub-problem, the county of a township
    colour: str = ""
    retired: bool = False


@dataclass(frozen=True)
class PackResult:
    path: str
    checksum: str  # SHA-256 of the package file
    manifest: Manifest
    footage_missing: tuple[str, ...] = ()  # names that could not be found to pack


class Choice(StrEnum):
    """How the editor settles a conflict."""

    MINE = "mine"
    THEIRS = "theirs"
    BOTH = "both"


@dataclass(frozen=True)
class Conflict:
    """One incoming version of a tag that clashes with the project's; both are kept."""

    id: int
    tag_uuid: str
    kind: str  # "edit": edited on both sides; "edit_delete": edited on one, deleted on the other
    mine: Tag | None
    theirs: Tag
    source_id: str


@dataclass(frozen=True)
class DuplicateProposal:
    """Two reviewers seem to have tagged the same problem; never merged automatically."""

    a: Tag
    b: Tag


@dataclass(frozen=True)
class ExactDuplicate:
    """A tag not added: a live tag here (``kept``) has exactly its content (``exact``)."""

    uuid: str
    kept: str
    source_id: str
    reviewer: str


@dataclass(frozen=True)
class CodebookProposal:
    """An entry a laptop's code book has and the project's lacks (kept retired until accepted)."""

    kind: str
    entry_id: str
    label: Label
    parent_id: str | None
    source_id: str


@dataclass(frozen=True)
class LabelDrift:
    """An entry renamed on a laptop: its tags are matched by id, the project's label is kept."""

    kind: str
    entry_id: str
    ours: Label
    theirs: Label
    source_id: str


@dataclass(frozen=True)
class PackageSummary:
    path: str
    source_id: str
    reviewer: str
    host: str
    checksum: str
    tags: int
    added: int = 0
    updated: int = 0
    identical: int = 0
    kept_local: int = 0
    conflicts: int = 0
    exact_duplicates: int = 0


@dataclass(frozen=True)
class MergeReport:
    packages: tuple[PackageSummary, ...]
    added: tuple[str, ...] = ()  # tag uuids new to the project
    updated: tuple[str, ...] = ()  # edited (or deleted) only on a laptop: taken over
    identical: int = 0
    kept_local: int = 0  # the laptop had an older version of the project's tag
    conflicts: tuple[Conflict, ...] = ()
    duplicates: tuple[DuplicateProposal, ...] = ()
    exact_duplicates: tuple[ExactDuplicate, ...] = ()  # not added: the same tag is here
    codebook: tuple[CodebookProposal, ...] = ()
    renamed: tuple[LabelDrift, ...] = ()
    media_added: tuple[str, ...] = ()  # media ids new to the project (offline until relinked)
    media_matched: int = 0
    footage_extracted: tuple[str, ...] = ()  # paths written beside the project
    pending_conflicts: int = 0  # all conflicts still waiting in the project
    dry_run: bool = False  # counted in a transaction that was rolled back: nothing changed
    restore_point: str | None = None  # the copy that undoes this merge (restore.undo)

    @property
    def changed(self) -> bool:
        return bool(self.added or self.updated or self.conflicts or self.duplicates
                    or self.exact_duplicates or self.codebook or self.media_added)

    @property
    def changes(self) -> Changes:
        touched = set(self.added) | set(self.updated) | {c.tag_uuid for c in self.conflicts}
        return Changes(tags=frozenset(touched), media=frozenset(self.media_added),
                       codebook=bool(self.codebook))

    def to_dict(self) -> dict[str, Any]:
        data = dataclasses.asdict(self)
        data["changed"] = self.changed
        return data
