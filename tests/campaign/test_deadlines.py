"""Deadline and overdue rules (reviewer/campaign/deadlines.py), and the rules in the code book."""

from __future__ import annotations

import json
from datetime import date

import pytest

from reviewer.campaign import deadlines
from reviewer.campaign.model import Rectification, Round
from reviewer.codebook import io as codebook_io
from reviewer.codebook.errors import CodeBookError
from tests.campaign.builders import R1, RULES, make_tag

SHIPPED = codebook_io.default_codebook().rules


@pytest.mark.parametrize(("category", "severity", "days"), [
    ("qing-laji", 1, 15), ("qing-laji", 2, 10), ("qing-laji", 3, 7), ("qing-laji", None, 15),
    ("jing-canguan", 3, 3), ("jing-canguan", 1, 7), ("guan-jishi", 2, 7),
])
def test_default_deadline_comes_from_the_code_book(category, severity, days):
    tag = make_tag("t", category, severity=severity)
    assert deadlines.default_deadline(tag, R1, SHIPPED) == date(2026, 11, 10 + days)


def test_a_round_without_a_meeting_counts_from_the_day_of_tagging():
    undated = Round("r0", "第1期", 1)
    tag = make_tag("t", severity=3)  # tagged 2026-11-05 (UTC)
    assert deadlines.default_deadline(tag, undated, RULES) == date(2026, 11, 12)


def test_a_deadline_set_by_a_person_wins():
    tag = make_tag("t", severity=3)
    record = Rectification("t", deadline=date(2027, 1, 31))
    assert deadlines.deadline(tag, R1, record, RULES) == date(2027, 1, 31)


def test_overdue_only_after_the_deadline_day_and_while_unresolved():
    due = date(2026, 11, 20)
    open_ = make_tag("t")
    blank = Rectification("t")
    assert not deadlines.overdue(open_, blank, due, date(2026, 11, 20))  # the deadline day itself
    assert deadlines.overdue(open_, blank, due, date(2026, 11, 21))
    reported = make_tag("t", status="rectified")
    on_time = Rectification("t", rectified_on=date(2026, 11, 18))
    late = Rectification("t", rectified_on=date(2026, 11, 25))
    assert not deadlines.overdue(reported, on_time, due, date(2026, 12, 1))
    assert deadlines.overdue(reported, late, due, date(2026, 11, 22))  # not done yet then
    assert not deadlines.overdue(reported, late, due, date(2026, 12, 1))
    assert not deadlines.overdue(reported, blank, due, date(2026, 12, 1))  # no day: any day
    assert not deadlines.overdue(make_tag("t", status="not_required"), blank, due,
                                 date(2026, 12, 1))


def test_a_verdict_overrides_what_the_unit_reported():
    due, later = date(2026, 11, 20), date(2026, 12, 1)
    reported = make_tag("t", status="rectified")
    for verdict in ("unrectified", "recurred", "partial"):
        record = Rectification("t", verdict=verdict)
        assert deadlines.overdue(reported, record, due, later)
        assert deadlines.state(reported, record) == verdict
        assert not deadlines.may_close(reported, record)
    verified = Rectification("t", verdict="rectified")
    assert not deadlines.overdue(make_tag("t"), verified, due, later)
    assert deadlines.may_close(make_tag("t"), verified)


def test_state_and_closing():
    assert deadlines.state(make_tag("t", status="in_progress"), Rectification("t")) == "in_progress"
    closed = Rectification("t", closed_at="2026-11-30T00:00:00.000Z", closed_by="李四")
    assert deadlines.state(make_tag("t"), closed) == "closed"
    assert not deadlines.overdue(make_tag("t"), closed, date(2026, 11, 20), date(2026, 12, 1))
    assert not deadlines.may_close(make_tag("t"), Rectification("t"))
    assert deadlines.may_close(make_tag("t", status="rectified"), Rectification("t"))


def test_rules_travel_with_the_code_book_and_are_checked(tmp_path):
    book = codebook_io.default_codebook()
    doc = codebook_io.to_dict(book)
    doc["campaign"]["assessment"]["recurring"] = 3
    doc["version"] = 2
    changed = codebook_io.loads(json.dumps(doc))
    assert changed.rules.scoring.recurring == 3.0
    assert changed.rules.deadline("jing-canguan", 3) == 3
    for path, value, where in (
        (("deadline_days", "severity"), [15, 10], "campaign.deadline_days.severity"),
        (("deadline_days", "severity"), [15, 10, 0.5], "campaign.deadline_days.severity"),
        (("assessment", "per_problem"), {"categories": {"nope": [1, 1, 1]}},
         "campaign.assessment.per_problem.categories"),
        (("assessment", "overdue"), -1, "campaign.assessment.overdue"),
        (("assessment", "tie_break"), ["luck"], "campaign.assessment.tie_break"),
    ):
        bad = json.loads(json.dumps(doc))
        bad["campaign"][path[0]][path[1]] = value
        with pytest.raises(CodeBookError) as err:
            codebook_io.loads(json.dumps(bad))
        assert err.value.where == where
    older = dict(doc)
    del older["campaign"]  # a code book written before rules existed: the defaults
    assert codebook_io.loads(json.dumps(older)).rules == codebook_io.rules_io.DEFAULT_RULES


def test_imported_rules_are_kept_by_the_project(tmp_path):
    from reviewer.store.project import Project

    doc = codebook_io.to_dict(codebook_io.default_codebook())
    doc["version"] = 2
    doc["campaign"]["assessment"]["cap_per_round"] = None
    book = codebook_io.loads(json.dumps(doc))
    with Project.create(tmp_path / "p.shenpian") as project:
        project.import_codebook(book)
    with Project.open(tmp_path / "p.shenpian") as project:
        assert project.codebook().rules.scoring.cap_per_round is None
        assert project.codebook() == book
