"""Campaign values built by hand (no project file), for the pure rules' tests."""

from __future__ import annotations

from datetime import date

from reviewer.campaign.model import Recheck, Rectification, Round
from reviewer.campaign.view import Campaign, problem, recurred_in
from reviewer.codebook.rules import BySeverity, CampaignRules, ScoringRules
from reviewer.store.model import Tag

R1 = Round("r1", "第5期", 1, date(2026, 11, 1), date(2026, 11, 10))
R2 = Round("r2", "第6期", 2, date(2026, 12, 1), date(2026, 12, 10))
COUNTIES = ("xianggelila", "deqin", "weixi", "kaifaqu")
RULES = CampaignRules(
    deadline_days=BySeverity((15.0, 10.0, 7.0)),
    scoring=ScoringRules(base=100.0, per_problem=BySeverity((0.5, 1.0, 2.0),
                                                           (("jing-canguan", (1.0, 1.5, 3.0)),)),
                         overdue=1.0, unrectified=1.0, partial=0.5, recurring=2.0,
                         cap_per_round=5.0, missing_severity=1),
)


def make_tag(uuid: str, category: str = "qing-laji", county: str | None = "xianggelila",
             severity: int | None = 2, status: str = "pending", place: str = "",
             unit: str | None = None, township: str | None = None,
             sub_problem: str | None = None) -> Tag:
    return Tag(uuid=uuid, media_id="m", start_ms=0, end_ms=None, frame_pts=None,
               category_id=category, sub_problem_id=sub_problem, county_id=county,
               township_id=township, place=place, unit_id=unit, severity=severity, status=status,
               reviewer="张三", created_at="2026-11-05T02:00:00.000Z")


def build(tags: list[tuple[Round, Tag, Rectification | None]], rechecks: tuple[Recheck, ...] = (),
          today: date = date(2026, 12, 20), rules: CampaignRules = RULES) -> Campaign:
    rounds = tuple(sorted({r for r, _, _ in tags} | {R1}, key=lambda r: r.position))
    since = recurred_in(rechecks, {t.uuid: r for r, t, _ in tags})
    problems = tuple(problem(t, r, rec, rules, since=since.get(t.uuid)) for r, t, rec in tags)
    return Campaign(rounds, problems, rechecks, rules, COUNTIES, today)


def confirmed(earlier: str, later: str, verdict: str) -> Recheck:
    return Recheck(earlier, later, "confirmed", verdict, "2026-12-05T01:00:00.000Z", "李四")
