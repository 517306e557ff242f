"""County assessment: a score and rank per county per round and over a range of rounds.

The numbers come from the code book's rules (reviewer/codebook/rules.py). For a round:

- every problem found in it costs its category/severity deduction (problems needing no
  action and problems without a county cost nothing; re-check tags are not new problems);
- every re-check made in it costs its verdict's deduction (not rectified, partly rectified,
  recurred) to the earlier problem's county;
- every problem found in it or before that is overdue on the round's assessment day costs
  the overdue deduction, once: in the first round on whose day it is overdue;
- the total is capped per county and round; the cap is a deduction line of its own, so
  the lines always add up to what was taken off.

Score = base − deductions. Over several rounds a county's score is the mean of its round
scores. Ties are broken by the rules' ``tie_break`` list, the code book order last.
Every deduction names the tag it comes from, so each point can be traced back.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, replace

from reviewer.campaign.view import Campaign, Problem
from reviewer.codebook.rules import ScoringRules

REASON_LABELS = {
    "problem": ("发现问题", "problem found"),
    "overdue": ("逾期未整改", "overdue"),
    "unrectified": ("复查未整改", "re-check: not rectified"),
    "partial": ("复查部分整改", "re-check: partly rectified"),
    "recurring": ("复查反弹", "re-check: recurred"),
    "cap": ("单期扣分封顶", "cap per round"),
}
_VERDICT_REASON = {"unrectified": "unrectified", "partial": "partial", "recurred": "recurring"}


@dataclass(frozen=True)
class Deduction:
    county_id: str
    round_id: str
    reason: str  # a REASON_LABELS key
    points: float  # taken off; the cap line is negative
    tag_uuid: str = ""  # the problem it is about ("" for the cap)
    via: str = ""  # the re-check tag, for a verdict


@dataclass(frozen=True)
class CountyScore:
    county_id: str
    score: float
    deducted: float  # after the cap
    problems: int
    severe: int  # severity 3 (a missing severity counts as the rules say)
    overdue: int
    unrectified: int
    partial: int
    recurring: int
    deductions: tuple[Deduction, ...]
    rank: int = 0

    def count(self, reason: str) -> int:
        return sum(1 for d in self.deductions if d.reason == reason)


@dataclass(frozen=True)
class RoundScores:
    round_id: str
    scores: tuple[CountyScore, ...]  # in rank order


@dataclass(frozen=True)
class Assessment:
    rounds: tuple[RoundScores, ...]  # in running order
    cumulative: tuple[CountyScore, ...]  # in rank order, mean of the round scores
    rules: ScoringRules

    def of(self, round_id: str) -> RoundScores | None:
        return next((r for r in self.rounds if r.round_id == round_id), None)


def assess(campaign: Campaign, round_ids: Iterable[str] = ()) -> Assessment:
    """Scores for the named rounds (all when none) and over them together."""
    rules = campaign.rules.scoring
    counties = _counties(campaign)
    per_round = []
    for round_ in campaign.span(round_ids):
        lines = deductions(campaign, round_.id)
        scores = [_county_score(campaign, rules, county, round_.id,
                                [d for d in lines if d.county_id == county]) for county in counties]
        per_round.append(RoundScores(round_.id, rank(scores, rules, counties)))
    return Assessment(tuple(per_round), rank(_cumulative(per_round, counties, rules), rules,
                                             counties), rules)


def _counties(campaign: Campaign) -> list[str]:
    found = {p.tag.county_id for p in campaign.problems if p.tag.county_id}
    return list(campaign.county_order) + sorted(found - set(campaign.county_order))


def scored(problem: Problem) -> bool:
    return problem.tag.county_id is not None and problem.tag.status != "not_required"


def deductions(campaign: Campaign, round_id: str) -> list[Deduction]:
    """Every line taken off any county in this round, before the cap."""
    rules = campaign.rules.scoring
    found = [_problem_line(rules, p, round_id) for p in campaign.findings([round_id]) if scored(p)]
    verdicts = [Deduction(earlier.tag.county_id, round_id, _VERDICT_REASON[link.verdict],
                          getattr(rules, _VERDICT_REASON[link.verdict]), earlier.uuid, later.uuid)
                for earlier, later, link in campaign.confirmed_in([round_id])
                if link.verdict in _VERDICT_REASON and earlier.tag.county_id]
    return found + verdicts + _overdue_lines(campaign, rules, round_id)


def _problem_line(rules: ScoringRules, problem: Problem, round_id: str) -> Deduction:
    tag = problem.tag
    points = rules.per_problem.get(tag.category_id, tag.severity or rules.missing_severity)
    return Deduction(tag.county_id or "", round_id, "problem", points, tag.uuid)


def _overdue_lines(campaign: Campaign, rules: ScoringRules, round_id: str) -> list[Deduction]:
    round_ = campaign.round(round_id)
    assert round_ is not None
    day = round_.as_of(campaign.today)
    before = campaign.previous(round_id)
    earlier_day = before.as_of(campaign.today) if before else None
    lines = []
    for problem in campaign.findings():
        if problem.round.position > round_.position or not scored(problem):
            continue
        if problem.overdue(day) and not (earlier_day and problem.overdue(earlier_day)):
            lines.append(Deduction(problem.tag.county_id or "", round_id, "overdue",
                                   rules.overdue, problem.uuid))
    return lines


def _county_score(campaign: Campaign, rules: ScoringRules, county: str, round_id: str,
                  lines: list[Deduction]) -> CountyScore:
    raw = sum(d.points for d in lines)
    if rules.cap_per_round is not None and raw > rules.cap_per_round:
        lines = [*lines, Deduction(county, round_id, "cap", rules.cap_per_round - raw)]
    deducted = sum(d.points for d in lines)
    problems = [p for p in campaign.findings([round_id]) if p.tag.county_id == county]
    return CountyScore(
        county_id=county, score=rules.base - deducted, deducted=deducted,
        problems=len(problems),
        severe=sum(1 for p in problems if (p.tag.severity or rules.missing_severity) == 3),
        overdue=_count(lines, "overdue"), unrectified=_count(lines, "unrectified"),
        partial=_count(lines, "partial"), recurring=_count(lines, "recurring"),
        deductions=tuple(lines))


def _count(lines: list[Deduction], reason: str) -> int:
    return sum(1 for d in lines if d.reason == reason)


def _cumulative(per_round: list[RoundScores], counties: list[str],
                rules: ScoringRules) -> list[CountyScore]:
    totals = []
    for county in counties:
        mine = [s for r in per_round for s in r.scores if s.county_id == county]
        if not mine:
            continue
        totals.append(CountyScore(
            county_id=county, score=sum(s.score for s in mine) / len(mine),
            deducted=sum(s.deducted for s in mine),
            **{k: sum(getattr(s, k) for s in mine) for k in
               ("problems", "severe", "overdue", "unrectified", "partial", "recurring")},
            deductions=tuple(d for s in mine for d in s.deductions)))
    return totals


def rank(scores: list[CountyScore], rules: ScoringRules,
         counties: list[str]) -> tuple[CountyScore, ...]:
    """Highest score first; equal scores ordered by the rules' tie-break list."""
    order = {c: n for n, c in enumerate(counties)}

    def key(s: CountyScore) -> tuple[float, ...]:
        ties = {"severe": s.severe, "recurring": s.recurring, "problems": s.problems,
                "codebook_order": order.get(s.county_id, len(order))}
        # Scores are sums of code book numbers such as 0.5: compare them rounded.
        return (-round(s.score, 6), *(ties[name] for name in rules.tie_break))

    return tuple(replace(s, rank=n) for n, s in enumerate(sorted(scores, key=key), start=1))
