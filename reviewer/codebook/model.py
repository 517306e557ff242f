"""Code book domain objects: what a reviewer can pick when tagging a problem.

Every entry has a stable id so that laptops can rename a label without
breaking tags, merges or exports; labels come in Chinese and English.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TypeVar

from reviewer.codebook.rules import DEFAULT_RULES, CampaignRules

T = TypeVar("T")

# Tag fields a code book may declare mandatory before a tag counts as complete.
REQUIRABLE_FIELDS = (
    "sub_problem_id",
    "county_id",
    "township_id",
    "place",
    "unit_id",
    "severity",
    "note",
)
STATUSES = ("pending", "in_progress", "rectified", "not_required")
STATUS_LABELS = {
    "pending": ("待整改", "To be rectified"),
    "in_progress": ("整改中", "Being rectified"),
    "rectified": ("已整改", "Rectified"),
    "not_required": ("不需整改", "No action needed"),
}
SEVERITIES = (1, 2, 3)
# The words the ledger and the slides print; the UI shows them too, dots only as decoration.
SEVERITY_LABELS = {1: ("一般", "Minor"), 2: ("较重", "Moderate"), 3: ("严重", "Severe")}


def severity_text(severity: int | None, lang: str) -> str:
    """'●● 较重': the word, with as many dots as the level."""
    if severity is None or severity not in SEVERITY_LABELS:
        return ""
    zh, en = SEVERITY_LABELS[severity]
    return "●" * severity + " " + (en if lang.startswith("en") else zh)


@dataclass(frozen=True)
class Label:
    zh: str
    en: str

    def text(self, lang: str) -> str:
        return self.en if lang.startswith("en") and self.en else self.zh


@dataclass(frozen=True)
class SubProblem:
    id: str
    label: Label


@dataclass(frozen=True)
class Category:
    id: str
    label: Label
    colour: str
    hotkey: str
    sub_problems: tuple[SubProblem, ...] = ()


@dataclass(frozen=True)
class Township:
    id: str
    label: Label


@dataclass(frozen=True)
class County:
    id: str
    label: Label
    townships: tuple[Township, ...] = ()


@dataclass(frozen=True)
class Unit:
    id: str
    label: Label


@dataclass(frozen=True)
class CodeBook:
    """One campaign's vocabulary; ``version`` rises with every published change."""

    id: str
    name: Label
    version: int
    categories: tuple[Category, ...]
    counties: tuple[County, ...] = ()
    units: tuple[Unit, ...] = ()
    required_fields: tuple[str, ...] = ("county_id", "place", "unit_id", "severity")
    rules: CampaignRules = DEFAULT_RULES  # deadlines and county scoring (reviewer/campaign)
    _index: dict[str, object] = field(default_factory=dict, compare=False, repr=False)

    def __post_init__(self) -> None:
        # Built once: look-ups run for every tag shown in a table.
        self._index.update(_build_index(self))

    def category(self, category_id: str) -> Category | None:
        return _typed(self._index.get("c:" + category_id), Category)

    def sub_problem(self, sub_id: str) -> SubProblem | None:
        return _typed(self._index.get("s:" + sub_id), SubProblem)

    def county(self, county_id: str) -> County | None:
        return _typed(self._index.get("k:" + county_id), County)

    def township(self, township_id: str) -> Township | None:
        return _typed(self._index.get("t:" + township_id), Township)

    def unit(self, unit_id: str) -> Unit | None:
        return _typed(self._index.get("u:" + unit_id), Unit)

    def parent_category(self, sub_id: str) -> str | None:
        owner = self._index.get("sp:" + sub_id)
        return owner if isinstance(owner, str) else None

    def parent_county(self, township_id: str) -> str | None:
        owner = self._index.get("tp:" + township_id)
        return owner if isinstance(owner, str) else None

    def label_of(self, kind: str, entry_id: str | None, lang: str = "zh_CN") -> str:
        """The label of a category/sub_problem/county/township/unit id, or the id itself."""
        if not entry_id:
            return ""
        entry = self._index.get(_PREFIX[kind] + entry_id)
        label = getattr(entry, "label", None)
        return label.text(lang) if isinstance(label, Label) else entry_id


_PREFIX = {"category": "c:", "sub_problem": "s:", "county": "k:", "township": "t:", "unit": "u:"}


def _typed(value: object, kind: type[T]) -> T | None:
    return value if isinstance(value, kind) else None


def _build_index(book: CodeBook) -> dict[str, object]:
    index: dict[str, object] = {}
    for cat in book.categories:
        index["c:" + cat.id] = cat
        for sub in cat.sub_problems:
            index["s:" + sub.id] = sub
            index["sp:" + sub.id] = cat.id
    for county in book.counties:
        index["k:" + county.id] = county
        for town in county.townships:
            index["t:" + town.id] = town
            index["tp:" + town.id] = county.id
    for unit in book.units:
        index["u:" + unit.id] = unit
    return index
