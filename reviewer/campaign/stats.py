"""Counts for the statistics panel and exports: county × category × round, the trend across
rounds, and how many problems are overdue or recurred.

Counted are the problems found in the rounds (re-check tags are the earlier problem's
follow-up, not new problems). Overdue is as of a given day (today in the app); recurring
counts the re-checks made in the rounds that found a problem back (反弹).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date

from reviewer.campaign.model import Round
from reviewer.campaign.view import Campaign

NO_COUNTY = ""  # the key of problems whose county is not filled in yet


@dataclass(frozen=True)
class Statistics:
    rounds: tuple[Round, ...]  # the range, in running order
    counties: tuple[str, ...]  # county ids with problems, code book order first
    categories: tuple[str, ...]  # category ids with problems, code book order first
    counts: Counter[tuple[str, str, str]]  # (county, category, round id) -> problems
    overdue: Counter[str]  # county -> problems overdue on ``as_of``
    recurring: Counter[str]  # county -> re-checks that found the problem back
    as_of: date

    def total(self, county: str | None = None, category: str | None = None,
              round_id: str | None = None) -> int:
        return sum(n for (k, c, r), n in self.counts.items()
                   if (county is None or k == county) and (category is None or c == category)
                   and (round_id is None or r == round_id))

    def trend(self, category: str | None = None, county: str | None = None) -> list[int]:
        """Problems per round of the range, in running order."""
        return [self.total(county, category, r.id) for r in self.rounds]


def statistics(campaign: Campaign, round_ids: Iterable[str] = (), as_of: date | None = None,
               category_order: tuple[str, ...] = ()) -> Statistics:
    rounds = campaign.span(round_ids)
    wanted = [r.id for r in rounds]
    day = as_of or campaign.today
    counts: Counter[tuple[str, str, str]] = Counter()
    overdue: Counter[str] = Counter()
    for found in campaign.findings(wanted):
        county = found.tag.county_id or NO_COUNTY
        counts[(county, found.tag.category_id, found.round.id)] += 1
        if found.overdue(day):
            overdue[county] += 1
    recurring: Counter[str] = Counter(
        earlier.tag.county_id or NO_COUNTY
        for earlier, _later, link in campaign.confirmed_in(wanted) if link.verdict == "recurred")
    return Statistics(rounds, _ordered({k for k, _, _ in counts}, campaign.county_order),
                      _ordered({c for _, c, _ in counts}, category_order), counts, overdue,
                      recurring, day)


def _ordered(used: set[str], order: tuple[str, ...]) -> tuple[str, ...]:
    return tuple(x for x in order if x in used) + tuple(sorted(used - set(order)))
