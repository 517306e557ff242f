"""What the documents need of the campaign, frozen on the caller's thread with the export
snapshot: the campaign value, the rounds the export covers, every code book label, the
before/after pairs, and each exported problem's rectification facts.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from typing import TYPE_CHECKING

from reviewer.campaign.model import OVERDUE_LABEL, STATE_LABELS, VERDICT_LABELS, Round, label
from reviewer.campaign.view import Campaign, Problem
from reviewer.store.model import Tag

if TYPE_CHECKING:
    from reviewer.export.snapshot import Item
    from reviewer.store.project import Project

_LABEL_TABLES = {"category": "categories", "sub_problem": "sub_problems", "county": "counties",
                 "township": "townships", "unit": "units"}


@dataclass(frozen=True)
class Followup:
    """One exported problem's rectification, in the export's language."""

    round_name: str
    deadline: date
    overdue: bool  # on the day the export was made
    measures: str
    rectified_on: date | None
    evidence: tuple[str, ...]  # file names only
    verdict: str  # label, "" when not re-inspected
    closed: str  # "YYYY-MM-DD by" when closed, else ""
    state: str  # label of the state (closed, verdict or reported status)
    recheck: bool  # this tag re-checks an earlier problem

    def deadline_text(self, lang: str) -> str:
        late = f"（{label({'x': OVERDUE_LABEL}, 'x', lang)}）" if self.overdue else ""
        return self.deadline.isoformat() + late


@dataclass(frozen=True)
class Labels:
    """Every code book label by (kind, id), retired entries included."""

    names: dict[tuple[str, str], str]

    def of(self, kind: str, entry_id: str | None) -> str:
        if not entry_id:
            return ""
        return self.names.get((kind, entry_id), entry_id)

    def problem(self, tag: Tag) -> str:
        return self.of("sub_problem", tag.sub_problem_id) or self.of("category", tag.category_id)


@dataclass(frozen=True)
class Pair:
    """A problem and the later tag that re-inspected it (整改前 / 复查)."""

    earlier: Item
    later: Item
    verdict: str  # VERDICTS key
    earlier_round: str
    later_round: str


@dataclass(frozen=True)
class CampaignSnapshot:
    campaign: Campaign
    round_ids: tuple[str, ...]  # the rounds the export covers, in running order
    labels: Labels
    pairs: tuple[Pair, ...]  # re-checks made in the covered rounds
    lang: str

    @property
    def round(self) -> Round:
        """The round a bulletin is about: the last one covered."""
        found = self.campaign.round(self.round_ids[-1])
        assert found is not None
        return found

    @property
    def previous(self) -> Round | None:
        return self.campaign.previous(self.round.id)

    def text(self, labels: dict[str, tuple[str, str]], key: str) -> str:
        return label(labels, key, self.lang)


def take(project: Project, round_ids: tuple[str, ...], lang: str,
         item_for: Callable[[Tag, int, Campaign], Item]) -> CampaignSnapshot:
    """``item_for(tag, number, campaign)`` makes the export's Item for a tag."""
    campaign = project.campaign()
    covered = tuple(r.id for r in campaign.span(round_ids)) or (campaign.latest().id,)
    pairs = tuple(Pair(item_for(e.tag, 0, campaign), item_for(later.tag, 0, campaign),
                       link.verdict or "", e.round.name, later.round.name)
                  for e, later, link in campaign.confirmed_in(covered))
    return CampaignSnapshot(campaign, covered, _labels(project, lang), pairs, lang)


def _labels(project: Project, lang: str) -> Labels:
    column = "label_en" if lang.startswith("en") else "label_zh"
    names: dict[tuple[str, str], str] = {}
    for kind, table in _LABEL_TABLES.items():
        for entry_id, zh, text in project.query(f"SELECT id, label_zh, {column} FROM {table}"):
            names[(kind, entry_id)] = text or zh
    return Labels(names)


def followup(problem: Problem, campaign: Campaign, lang: str) -> Followup:
    record = problem.record
    closed = ""
    if record.closed_at:
        closed = f"{record.closed_at[:10]} {record.closed_by or ''}".strip()
    return Followup(
        round_name=problem.round.name, deadline=problem.deadline,
        overdue=problem.overdue(campaign.today), measures=record.measures,
        rectified_on=record.rectified_on, evidence=tuple(e.name for e in problem.evidence),
        verdict=label(VERDICT_LABELS, record.verdict, lang) if record.verdict else "",
        closed=closed, state=label(STATE_LABELS, problem.state, lang),
        recheck=campaign.is_recheck(problem.uuid))

