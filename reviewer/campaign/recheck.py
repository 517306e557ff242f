"""Re-inspection (回头看): which later tag re-checks which earlier problem, and what follows.

A tag of a later round is proposed as the re-check of an earlier problem of the same
category in the same county when the place reads alike (the same words, or most of the
same characters) or, with no place on one of them to compare, the unit and township agree. A person
confirms or rejects each proposal; a confirmed verdict becomes the earlier problem's
state. Nothing is linked without a person's word.
"""

from __future__ import annotations

import re
import unicodedata
from collections import defaultdict
from dataclasses import dataclass

from reviewer.campaign import deadlines
from reviewer.campaign.model import Rectification
from reviewer.campaign.view import Campaign, Problem

PLACE_MATCH = 0.6  # character-pair overlap (Dice) at which two places count as one
_NOISE = re.compile(r"[\s\W_]+", re.UNICODE)
REASON_LABELS = {
    "place": ("地点相同", "same place"),
    "similar_place": ("地点相近", "similar place"),
    "unit": ("责任单位相同", "same unit"),
    "township": ("乡镇相同", "same township"),
    "sub_problem": ("具体问题相同", "same problem"),
}


@dataclass(frozen=True)
class Proposal:
    earlier: str  # the earlier problem's tag
    later: str  # the tag that may re-check it
    score: float
    reasons: tuple[str, ...]  # REASON_LABELS keys
    suggested: str  # the verdict a person most likely gives


def normalise(place: str) -> str:
    return _NOISE.sub("", unicodedata.normalize("NFKC", place)).lower()


def place_similarity(a: str, b: str) -> float:
    """1.0 for the same place written the same way; the Dice overlap of character pairs else."""
    x, y = normalise(a), normalise(b)
    if not x or not y:
        return 0.0
    if x == y:
        return 1.0
    pairs_x = [x[i:i + 2] for i in range(max(1, len(x) - 1))]
    pairs_y = [y[i:i + 2] for i in range(max(1, len(y) - 1))]
    common = sum(min(pairs_x.count(p), pairs_y.count(p)) for p in set(pairs_x))
    return 2 * common / (len(pairs_x) + len(pairs_y))


def _match(earlier: Problem, later: Problem) -> tuple[float, tuple[str, ...]] | None:
    a, b = earlier.tag, later.tag
    place = place_similarity(a.place, b.place)
    unit = a.unit_id is not None and a.unit_id == b.unit_id
    township = a.township_id is not None and a.township_id == b.township_id
    # Without a place on one side, the unit and township must say it; two different places
    # of one unit in one township are two problems.
    unplaced = not normalise(a.place) or not normalise(b.place)
    if place < PLACE_MATCH and not (unplaced and unit and township):
        return None
    reasons = ["place" if place == 1.0 else "similar_place"] if place >= PLACE_MATCH else []
    reasons += [name for name, hit in (("unit", unit), ("township", township),
                                       ("sub_problem", a.sub_problem_id is not None and
                                        a.sub_problem_id == b.sub_problem_id)) if hit]
    bonus = {"unit": 0.3, "township": 0.2, "sub_problem": 0.2}
    return place + sum(bonus.get(r, 0.0) for r in reasons), tuple(reasons)


def suggested_verdict(earlier: Problem, later: Problem) -> str:
    """Filmed again and found fine (no action needed): rectified; found again: recurred if it
    had been rectified, else not rectified."""
    if later.tag.status == "not_required":
        return "rectified"
    done, _ = deadlines.resolved_on(earlier.tag, earlier.record)
    return "recurred" if done else "unrectified"


def propose(campaign: Campaign) -> list[Proposal]:
    """Undecided proposals, best first for each later tag; later tags in footage order."""
    decided = {(r.earlier_uuid, r.later_uuid) for r in campaign.rechecks}
    candidates: dict[tuple[str, str | None], list[Problem]] = defaultdict(list)
    for found in campaign.findings():
        candidates[(found.tag.category_id, found.tag.county_id)].append(found)
    proposals: list[Proposal] = []
    for later in campaign.problems:
        if campaign.is_recheck(later.uuid) or campaign.rechecks_of(later.uuid) or \
                later.tag.county_id is None:
            continue
        mine = []
        for earlier in candidates[(later.tag.category_id, later.tag.county_id)]:
            if earlier.round.position >= later.round.position or \
                    (earlier.uuid, later.uuid) in decided:
                continue
            hit = _match(earlier, later)
            if hit is not None:
                mine.append(Proposal(earlier.uuid, later.uuid, round(hit[0], 3), hit[1],
                                     suggested_verdict(earlier, later)))
        proposals += sorted(mine, key=lambda p: -p.score)
    return proposals


def follow_verdict(record: Rectification, verdict: str, who: str, at: str) -> Rectification:
    """The earlier problem's record after a confirmed re-check: verified with the verdict;
    anything but rectified reopens a closed problem (it is there again)."""
    after = record.with_(verdict=verdict, verified_at=at, verified_by=who)
    if verdict != "rectified" and record.closed:
        after = after.with_(closed_at=None, closed_by=None)
    return after
