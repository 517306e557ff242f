"""County assessment against a worked example computed by hand.

Rules (tests/campaign/builders.RULES): base 100; per problem 0.5 / 1 / 2 by severity (净餐馆
1 / 1.5 / 3); overdue 1, not rectified 1, partly 0.5, recurred 2; at most 5 off a county a
round; a missing severity counts as 1; deadlines 15 / 10 / 7 days from the meeting.

Round 1 (第5期, meeting 11-10):
  p1 香格里拉 清垃圾 sev2 pending                 1.0  (deadline 11-20)
  p2 香格里拉 净餐馆 sev3 rectified on 11-12        3.0  (deadline 11-17)
  p3 德钦     扫厕所 no severity, rectified         0.5
  p4 德钦     清垃圾 sev1 "no action needed"        0
  p5 维西     清垃圾 sev3 pending                   2.0  (deadline 11-17)
  p6 no county                                      0
  -> 香格里拉 96, 德钦 99.5, 维西 98, 开发区 100; nothing is overdue on 11-10.
  Rank: 开发区, 德钦, 维西, 香格里拉.

Round 2 (第6期, meeting 12-10):
  q1 香格里拉 净餐馆 sev2 1.5, q7 清垃圾 sev1 0.5; re-check of p2: recurred 2; overdue on
     12-10: p1 1 (p2 came back, so it has a new deadline, 12-17, from this round's meeting)
                                                                  = 5   -> 95 (at the cap)
  q2, q3 德钦 清垃圾 sev3 2 + 2; re-check of p3: rectified 0      = 4   -> 96
  q4, q5 维西 清垃圾 sev2 1 + 1, q6 扫厕所 sev3 2; re-check of p5: partly 0.5; p5 overdue 1
                                                                  = 5.5 -> cap 5 -> 95
  开发区 100.
  香格里拉 and 维西 tie at 95: 香格里拉 found no severe problem this round, 维西 one (q6),
  so 香格里拉 ranks first. Rank: 开发区, 德钦, 香格里拉, 维西.

Cumulative (mean): 开发区 100, 德钦 97.75, 维西 96.5, 香格里拉 95.5.
"""

from __future__ import annotations

from datetime import date

import pytest

from reviewer.campaign.model import Rectification
from reviewer.campaign.scoring import assess, deductions
from tests.campaign.builders import R1, R2, build, confirmed, make_tag

XG, DQ, WX, KF = "xianggelila", "deqin", "weixi", "kaifaqu"


@pytest.fixture(scope="module")
def campaign():
    done = Rectification("p2", rectified_on=date(2026, 11, 12))
    tags = [
        (R1, make_tag("p1", county=XG, severity=2), None),
        (R1, make_tag("p2", "jing-canguan", XG, 3, "rectified"), done),
        (R1, make_tag("p3", "sao-cesuo", DQ, None, "rectified"), None),
        (R1, make_tag("p4", county=DQ, severity=1, status="not_required"), None),
        (R1, make_tag("p5", county=WX, severity=3), None),
        (R1, make_tag("p6", county=None, severity=3), None),
        (R2, make_tag("q1", "jing-canguan", XG, 2), None),
        (R2, make_tag("q7", county=XG, severity=1), None),
        (R2, make_tag("q2", county=DQ, severity=3), None),
        (R2, make_tag("q3", county=DQ, severity=3), None),
        (R2, make_tag("q4", county=WX, severity=2), None),
        (R2, make_tag("q5", county=WX, severity=2), None),
        (R2, make_tag("q6", "sao-cesuo", WX, 3), None),
        (R2, make_tag("c2", "jing-canguan", XG, 3), Rectification("c2")),
        (R2, make_tag("c3", "sao-cesuo", DQ, 1, "not_required"), None),
        (R2, make_tag("c5", county=WX, severity=3), None),
    ]
    links = (confirmed("p2", "c2", "recurred"), confirmed("p3", "c3", "rectified"),
             confirmed("p5", "c5", "partial"))
    # The earlier problems' records follow the verdicts, as confirming a re-check does.
    follow = {"p2": "recurred", "p3": "rectified", "p5": "partial"}
    verified = [(r, t, (rec or Rectification(t.uuid)).with_(
        verdict=follow[t.uuid], verified_at="2026-12-05T01:00:00.000Z")
        if t.uuid in follow else rec) for r, t, rec in tags]
    return build(verified, links, today=date(2026, 12, 20))


def _table(scores):
    return [(s.county_id, s.score, s.rank) for s in scores]


def test_round_one_by_hand(campaign):
    first = assess(campaign).of("r1")
    assert _table(first.scores) == [(KF, 100.0, 1), (DQ, 99.5, 2), (WX, 98.0, 3), (XG, 96.0, 4)]
    assert all(d.reason == "problem" for s in first.scores for d in s.deductions)


def test_round_two_by_hand_with_cap_and_tie(campaign):
    second = assess(campaign).of("r2")
    assert _table(second.scores) == [(KF, 100.0, 1), (DQ, 96.0, 2), (XG, 95.0, 3), (WX, 95.0, 4)]
    by = {s.county_id: s for s in second.scores}
    xg = sorted((d.reason, d.tag_uuid, d.points) for d in by[XG].deductions)
    assert xg == [("overdue", "p1", 1.0), ("problem", "q1", 1.5), ("problem", "q7", 0.5),
                  ("recurring", "p2", 2.0)]
    wx = sorted((d.reason, d.tag_uuid, d.points) for d in by[WX].deductions)
    assert wx == [("cap", "", -0.5), ("overdue", "p5", 1.0), ("partial", "p5", 0.5),
                  ("problem", "q4", 1.0), ("problem", "q5", 1.0), ("problem", "q6", 2.0)]
    assert [(d.reason, d.via) for d in by[XG].deductions if d.reason == "recurring"] == \
        [("recurring", "c2")]  # traced to the re-check tag too
    assert (by[XG].severe, by[WX].severe, by[XG].recurring, by[WX].partial) == (0, 1, 1, 1)
    assert by[DQ].problems == 2  # the re-check tag c3 is not a new problem


def test_a_recurring_problem_gets_a_new_deadline_a_late_one_keeps_its_own(campaign):
    assert campaign.problem("p2").deadline == date(2026, 12, 17)  # 第6期 meeting + 7 days
    assert campaign.problem("p5").deadline == date(2026, 11, 17)  # partly: still the first one


def test_cumulative_is_the_mean_of_round_scores(campaign):
    total = assess(campaign).cumulative
    assert _table(total) == [(KF, 100.0, 1), (DQ, 97.75, 2), (WX, 96.5, 3), (XG, 95.5, 4)]
    assert {s.county_id: s.deducted for s in total} == {KF: 0, DQ: 4.5, WX: 7.0, XG: 9.0}


def test_every_point_traces_to_a_tag(campaign):
    result = assess(campaign)
    for scores in (*(r.scores for r in result.rounds), result.cumulative):
        for s in scores:
            assert sum(d.points for d in s.deductions) == pytest.approx(s.deducted)
            assert all(campaign.problem(d.tag_uuid) for d in s.deductions if d.reason != "cap")


def test_overdue_is_counted_once_in_the_first_round_it_is_overdue(campaign):
    lines = [d for r in ("r1", "r2") for d in deductions(campaign, r) if d.reason == "overdue"]
    assert sorted((d.round_id, d.tag_uuid) for d in lines) == [("r2", "p1"), ("r2", "p5")]


def test_a_range_of_rounds_scores_only_those(campaign):
    only = assess(campaign, ["r2"])
    assert [r.round_id for r in only.rounds] == ["r2"]
    assert _table(only.cumulative)[2:] == [(XG, 95.0, 3), (WX, 95.0, 4)]


def test_equal_counties_follow_the_code_book_order():
    quiet = build([(R1, make_tag("a", county="weixi", severity=1), None),
                   (R1, make_tag("b", county="deqin", severity=1), None)])
    ranks = [s.county_id for s in assess(quiet).of("r1").scores]
    # 100 each for 香格里拉 and 开发区, 99.5 each for 德钦 and 维西: code book order decides.
    assert ranks == [XG, KF, DQ, WX]
