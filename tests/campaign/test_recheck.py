"""Re-check proposals (same place / unit / category) and what a confirmed verdict does."""

from __future__ import annotations

from datetime import date

import pytest

from reviewer.campaign.model import Recheck, Rectification
from reviewer.campaign.recheck import place_similarity, propose
from reviewer.store.errors import InvalidEditError
from tests.campaign.builders import R1, R2, build, confirmed, make_tag
from tests.campaign.conftest import second_round, tag

MARKET = "建塘镇农贸市场东门"


def test_similar_places_read_alike():
    assert place_similarity(MARKET, "建塘镇 农贸市场东门。") == 1.0
    assert place_similarity(MARKET, "建塘镇农贸市场东侧门口") >= 0.6
    assert place_similarity(MARKET, "保和镇汽车站公厕") < 0.2
    assert place_similarity("", MARKET) == 0.0


def test_proposals_need_same_category_county_and_place_or_unit():
    tags = [
        (R1, make_tag("e1", place=MARKET, unit="shichang"), None),
        (R1, make_tag("e2", place="保和镇汽车站公厕", county="weixi"), None),
        (R1, make_tag("e3", place="", unit="zhifa", township="xianggelila.jiantang"), None),
        (R2, make_tag("l1", place="建塘镇农贸市场东门口", unit="shichang"), None),
        (R2, make_tag("l2", "sao-cesuo", place=MARKET), None),  # another category
        (R2, make_tag("l3", county="deqin", place=MARKET), None),  # another county
        (R2, make_tag("l4", place="", unit="zhifa", township="xianggelila.jiantang"), None),
        (R2, make_tag("l5", place="维西县城", county="weixi"), None),
    ]
    found = {(p.earlier, p.later): p for p in propose(build(tags))}
    assert set(found) == {("e1", "l1"), ("e3", "l4")}
    assert found[("e1", "l1")].reasons == ("similar_place", "unit")
    assert found[("e3", "l4")].reasons == ("unit", "township")
    assert found[("e1", "l1")].suggested == "unrectified"


def test_only_earlier_rounds_and_undecided_pairs_are_proposed():
    tags = [(R1, make_tag("e1", place=MARKET), None), (R1, make_tag("s1", place=MARKET), None),
            (R2, make_tag("l1", place=MARKET), None), (R2, make_tag("l2", place=MARKET), None)]
    assert {(p.earlier, p.later) for p in propose(build(tags))} == \
        {("e1", "l1"), ("s1", "l1"), ("e1", "l2"), ("s1", "l2")}  # never within one round
    rejected = (Recheck("e1", "l1", "rejected", None),)
    assert ("e1", "l1") not in {(p.earlier, p.later) for p in propose(build(tags, rejected))}
    linked = (confirmed("e1", "l1", "unrectified"),)
    left = {(p.earlier, p.later) for p in propose(build(tags, linked))}
    # l1 is taken; a re-check tag is never proposed as a problem of its own.
    assert left == {("e1", "l2"), ("s1", "l2")}


def test_the_suggested_verdict_reads_the_earlier_state_and_the_later_tag():
    earlier_done = make_tag("e1", place=MARKET, status="rectified")
    tags = [(R1, earlier_done, None), (R2, make_tag("l1", place=MARKET), None),
            (R2, make_tag("l2", place=MARKET, status="not_required"), None)]
    found = {p.later: p.suggested for p in propose(build(tags))}
    assert found == {"l1": "recurred", "l2": "rectified"}


def test_best_match_first_for_each_later_tag():
    tags = [(R1, make_tag("far", place="建塘镇农贸市场东门外", unit=None), None),
            (R1, make_tag("near", place=MARKET, unit="shichang",
                          sub_problem="qing-laji.man-yi"), None),
            (R2, make_tag("l1", place=MARKET, unit="shichang", sub_problem="qing-laji.man-yi"),
             None)]
    assert [p.earlier for p in propose(build(tags))] == ["near", "far"]


# --- in a project ----------------------------------------------------------------------


def test_confirming_a_recurrence_reopens_the_closed_problem_and_undo_restores(project, media_id):
    earlier = tag(project, media_id, 0, place=MARKET, status="rectified")
    project.set_rectification(earlier, rectified_on=date(2026, 11, 15))
    project.close_problem(earlier)
    second_round(project)
    later = tag(project, media_id, 40, place=MARKET)
    [proposal] = project.recheck_proposals()
    assert (proposal.earlier, proposal.later, proposal.suggested) == (earlier, later, "recurred")
    changes = project.confirm_recheck(earlier, later, "recurred")
    assert changes.tags == {earlier, later} and changes.campaign
    record = project.rectification(earlier)
    assert (record.verdict, record.verified_by, record.closed) == ("recurred", "张三", False)
    campaign = project.campaign()
    assert campaign.is_recheck(later) and campaign.recurrences(earlier) == 1
    assert campaign.problem(earlier).state == "recurred"
    assert project.recheck_proposals() == []
    assert [e.action for e in project.audit_log(f"{earlier}>{later}")] == ["decide"]
    project.undo()  # one step: the link and the earlier problem's record together
    assert project.rechecks() == []
    record = project.rectification(earlier)
    assert (record.verdict, record.closed) == (None, True)
    assert len(project.recheck_proposals()) == 1


def test_rejected_proposals_stay_rejected(project, media_id):
    earlier = tag(project, media_id, 0)
    second_round(project)
    later = tag(project, media_id, 40)
    project.reject_recheck(earlier, later)
    assert project.recheck_proposals() == []
    assert project.rechecks()[0].status == "rejected"
    project.confirm_recheck(earlier, later, "rectified")  # a person may change their mind
    assert project.rechecks()[0].status == "confirmed"
    with pytest.raises(InvalidEditError):
        project.reject_recheck(earlier, later)


def test_recheck_links_are_checked(project, media_id):
    a = tag(project, media_id, 0)
    b = tag(project, media_id, 10)
    with pytest.raises(InvalidEditError):
        project.confirm_recheck(a, b, "rectified")  # same round
    second_round(project)
    c = tag(project, media_id, 40)
    with pytest.raises(InvalidEditError):
        project.confirm_recheck(c, a, "rectified")  # later round first
    with pytest.raises(InvalidEditError):
        project.confirm_recheck(a, c, "fixed")
    project.confirm_recheck(a, c, "unrectified")
    with pytest.raises(InvalidEditError):
        project.confirm_recheck(b, c, "unrectified")  # c already re-checks a
    assert project.rectification(b) == Rectification(b)


def test_a_filter_tells_problems_from_rechecks(project, media_id):
    from reviewer.store.search import TagFilter

    earlier = tag(project, media_id, 0, place=MARKET)
    second_round(project)
    later = tag(project, media_id, 40, place=MARKET)
    other = tag(project, media_id, 60, place="别处")
    project.confirm_recheck(earlier, later, "unrectified")
    assert [t.uuid for t in project.tags(TagFilter(rechecks=False))] == [earlier, other]
    assert [t.uuid for t in project.tags(TagFilter(rechecks=True))] == [later]
    assert project.count_tags(TagFilter(rechecks=False)) == 2
