"""The campaign's rules as data in the code book: rectification deadlines and county scoring.

Prefectures write their own county assessment rules (县级考核细则) and change them by
year, so nothing here is hard-coded in the scoring: the code book carries the numbers,
is versioned with them and travels to every laptop with them. A code book without a
``campaign`` section gets :data:`DEFAULT_RULES`, which is what the shipped one states.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from functools import cached_property
from typing import Any

from reviewer.codebook.errors import CodeBookError

SEVERITY_COUNT = 3
# Ways to order counties with the same score, in the order they are tried.
TIE_BREAKS = ("severe", "recurring", "problems", "codebook_order")
TIE_BREAK_LABELS = {
    "severe": ("严重问题少者在前", "fewer severe problems first"),
    "recurring": ("反弹问题少者在前", "fewer recurring problems first"),
    "problems": ("问题总数少者在前", "fewer problems first"),
    "codebook_order": ("按代码本中县市顺序", "code book order of counties"),
}


@dataclass(frozen=True)
class BySeverity:
    """A number for each severity (1–3), with whole rows replaced for some categories."""

    default: tuple[float, float, float]
    categories: tuple[tuple[str, tuple[float, float, float]], ...] = ()

    def get(self, category_id: str, severity: int) -> float:
        row = self._rows.get(category_id, self.default)
        return row[min(max(severity, 1), SEVERITY_COUNT) - 1]

    @cached_property
    def _rows(self) -> dict[str, tuple[float, float, float]]:
        return dict(self.categories)  # looked up once per problem of a campaign


@dataclass(frozen=True)
class ScoringRules:
    """Deductions from a county's base score, per round (县级考核细则 as numbers)."""

    base: float = 100.0
    per_problem: BySeverity = BySeverity((0.5, 1.0, 2.0))
    overdue: float = 1.0  # a problem past its deadline and not rectified, once
    unrectified: float = 1.0  # re-inspection found it not rectified
    partial: float = 0.5  # re-inspection found it partly rectified
    recurring: float = 2.0  # re-inspection found it back after rectification (反弹)
    cap_per_round: float | None = 20.0  # at most this much off one county in one round
    missing_severity: int = 1  # a problem without a severity is scored as this one
    tie_break: tuple[str, ...] = TIE_BREAKS


@dataclass(frozen=True)
class CampaignRules:
    deadline_days: BySeverity = BySeverity((15.0, 10.0, 7.0))
    scoring: ScoringRules = field(default_factory=ScoringRules)

    def deadline(self, category_id: str, severity: int | None) -> int:
        """Days a unit has to rectify a problem of this category and severity."""
        level = severity or self.scoring.missing_severity
        return int(self.deadline_days.get(category_id, level))


DEFAULT_RULES = CampaignRules()


# --- JSON ---------------------------------------------------------------------------


def to_dict(rules: CampaignRules) -> dict[str, Any]:
    s = rules.scoring
    return {
        "deadline_days": _table_dict(rules.deadline_days),
        "assessment": {
            "base": s.base, "per_problem": _table_dict(s.per_problem), "overdue": s.overdue,
            "unrectified": s.unrectified, "partial": s.partial, "recurring": s.recurring,
            "cap_per_round": s.cap_per_round, "missing_severity": s.missing_severity,
            "tie_break": list(s.tie_break),
        },
    }


def _table_dict(table: BySeverity) -> dict[str, Any]:
    return {"severity": list(table.default),
            "categories": {cid: list(row) for cid, row in table.categories}}


def from_dict(doc: object, category_ids: frozenset[str]) -> CampaignRules:
    """Parse the ``campaign`` section; raise CodeBookError naming the first bad field."""
    root = _obj(doc, "campaign")
    scoring = _obj(root.get("assessment", {}), "campaign.assessment")
    where = "campaign.assessment"
    defaults = ScoringRules()
    return CampaignRules(
        deadline_days=_table(root.get("deadline_days"), "campaign.deadline_days", category_ids,
                             DEFAULT_RULES.deadline_days, whole=True),
        scoring=ScoringRules(
            base=_number(scoring, "base", where, defaults.base, positive=True),
            per_problem=_table(scoring.get("per_problem"), where + ".per_problem", category_ids,
                               defaults.per_problem),
            overdue=_number(scoring, "overdue", where, defaults.overdue),
            unrectified=_number(scoring, "unrectified", where, defaults.unrectified),
            partial=_number(scoring, "partial", where, defaults.partial),
            recurring=_number(scoring, "recurring", where, defaults.recurring),
            cap_per_round=_cap(scoring, where, defaults.cap_per_round),
            missing_severity=_severity(scoring, where, defaults.missing_severity),
            tie_break=_tie_break(scoring.get("tie_break"), where + ".tie_break", defaults),
        ),
    )


def _obj(value: object, where: str) -> Mapping[str, Any]:
    if not isinstance(value, dict):
        raise CodeBookError(where, "应为对象", "must be an object")
    return value


def _is_number(value: object) -> bool:
    return isinstance(value, int | float) and not isinstance(value, bool) and value == value


def _number(obj: Mapping[str, Any], key: str, where: str, default: float,
            positive: bool = False) -> float:
    value = obj.get(key, default)
    if not _is_number(value) or value < 0 or (positive and value == 0) or value > 10_000:
        raise CodeBookError(f"{where}.{key}", "应为 0–10000 之间的数", "must be a number 0-10000")
    return float(value)


def _cap(obj: Mapping[str, Any], where: str, default: float | None) -> float | None:
    if obj.get("cap_per_round", default) is None:
        return None
    return _number(obj, "cap_per_round", where, default or 0.0)


def _severity(obj: Mapping[str, Any], where: str, default: int) -> int:
    value = obj.get("missing_severity", default)
    if not isinstance(value, int) or isinstance(value, bool) or not 1 <= value <= SEVERITY_COUNT:
        raise CodeBookError(where + ".missing_severity", "应为 1–3", "must be 1-3")
    return value


def _row(value: object, where: str, whole: bool) -> tuple[float, float, float]:
    if not isinstance(value, list) or len(value) != SEVERITY_COUNT or \
            not all(_is_number(v) and 0 <= v <= 10_000 for v in value):
        raise CodeBookError(where, "应为三个数（严重程度 1–3）", "must be three numbers (severity 1-3)")
    if whole and not all(float(v).is_integer() and v >= 1 for v in value):
        raise CodeBookError(where, "期限应为正整数天", "deadlines must be whole days (>= 1)")
    return (float(value[0]), float(value[1]), float(value[2]))


def _table(value: object, where: str, category_ids: frozenset[str], default: BySeverity,
           whole: bool = False) -> BySeverity:
    if value is None:
        return default
    obj = _obj(value, where)
    row = _row(obj.get("severity", list(default.default)), where + ".severity", whole)
    overrides = _obj(obj.get("categories", {}), where + ".categories")
    unknown = sorted(set(overrides) - category_ids)
    if unknown:
        raise CodeBookError(where + ".categories", f"没有类别 {unknown[0]}",
                            f"no category {unknown[0]}")
    return BySeverity(row, tuple((cid, _row(v, f"{where}.categories.{cid}", whole))
                                 for cid, v in overrides.items()))


def _tie_break(value: object, where: str, defaults: ScoringRules) -> tuple[str, ...]:
    if value is None:
        return defaults.tie_break
    if not isinstance(value, list) or not value or any(v not in TIE_BREAKS for v in value):
        raise CodeBookError(where, f"应为列表，取自 {', '.join(TIE_BREAKS)}",
                            f"must be a list drawn from {', '.join(TIE_BREAKS)}")
    ordered = tuple(dict.fromkeys(value))
    # The code book order always decides last, so a ranking is never left to chance.
    return ordered if "codebook_order" in ordered else (*ordered, "codebook_order")
