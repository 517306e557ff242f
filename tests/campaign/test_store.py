"""Rounds, rectification records and evidence in a real project file: saved, audited, undoable."""

from __future__ import annotations

import sqlite3
from datetime import date

import pytest

from reviewer.media import synth
from reviewer.store.errors import InvalidEditError
from reviewer.store.project import Project
from reviewer.store.search import TagFilter
from tests.campaign.conftest import second_round, tag


def test_new_tags_join_the_current_round_and_filters_take_rounds(project, media_id):
    first = project.current_round()
    a = tag(project, media_id, 0)
    second = second_round(project)
    assert project.current_round().id == second  # a new round becomes the current one
    b = tag(project, media_id, 40)
    assert (project.round_of(a).id, project.round_of(b).id) == (first.id, second)
    assert [t.uuid for t in project.tags(TagFilter(rounds=(first.id,)))] == [a]
    assert [t.uuid for t in project.tags(TagFilter(rounds=(first.id, second)))] == [a, b]
    assert project.count_tags(TagFilter(rounds=(second,))) == 1
    project.set_current_round(first.id)
    c = tag(project, media_id, 80)
    assert project.round_of(c).id == first.id
    audit = [e.action for e in project.audit_log(second)]
    assert audit == ["add", "current"]


def test_a_tag_moves_to_another_round_and_back_with_undo(project, media_id):
    a = tag(project, media_id)
    first = project.round_of(a).id
    second = second_round(project)
    changes = project.move_to_round(a, second)
    assert changes.tags == {a} and changes.campaign
    assert project.round_of(a).id == second
    project.undo()
    assert project.round_of(a).id == first
    assert [e.action for e in project.audit_log(a)][-2:] == ["round", "round"]


def test_round_names_and_dates_are_checked(project):
    first = project.rounds()[0]
    with pytest.raises(InvalidEditError) as err:
        project.add_round(first.name)
    assert "已有期次" in err.value.message()
    with pytest.raises(InvalidEditError):
        project.add_round("第6期", date(2026, 12, 10), date(2026, 12, 1))
    with pytest.raises(InvalidEditError):
        project.edit_round(first.id, name=" ")
    assert project.edit_round(first.id, teams="第一暗访组").campaign
    assert project.round(first.id).teams == "第一暗访组"
    assert project.edit_round(first.id, teams="第一暗访组").empty


def test_rectification_record_saved_audited_and_undone(project, media_id):
    a = tag(project, media_id)
    assert project.rectification(a).measures == ""  # the default record, nothing stored
    project.set_rectification(a, measures="已清理积水，增设排水沟", rectified_on=date(2026, 11, 15))
    project.set_rectification(a, deadline=date(2026, 11, 30))
    record = project.rectification(a)
    assert (record.measures, record.deadline, record.updated_by) == \
        ("已清理积水，增设排水沟", date(2026, 11, 30), "张三")
    entries = [e for e in project.audit_log(a) if e.entity == "rectification"]
    assert [e.action for e in entries] == ["edit", "edit"]
    assert '"deadline": "2026-11-30"' in entries[-1].after
    project.undo()
    assert project.rectification(a).deadline is None
    project.undo()
    assert project.query("SELECT COUNT(*) FROM rectifications") == [(0,)]
    project.redo()
    assert project.rectification(a).measures.startswith("已清理")


def test_closing_needs_a_rectified_problem_and_is_stamped(project, media_id):
    a = tag(project, media_id)
    with pytest.raises(InvalidEditError) as err:
        project.close_problem(a)
    assert "不能销号" in err.value.message() and "cannot be closed" in err.value.message("en")
    project.edit_tag(a, status="rectified")
    project.close_problem(a)
    record = project.rectification(a)
    assert record.closed and record.closed_by == "张三"
    project.reopen_problem(a)
    assert not project.rectification(a).closed
    # A verdict other than rectified refuses closing even if the unit reported it done.
    project.set_rectification(a, verdict="partial")
    assert project.rectification(a).verified_by == "张三"
    with pytest.raises(InvalidEditError):
        project.close_problem(a)
    actions = [e.action for e in project.audit_log(a) if e.entity == "rectification"]
    assert actions == ["close", "reopen", "edit"]


def test_bad_record_values_are_refused(project, media_id):
    a = tag(project, media_id)
    for fields in ({"deadline": "2026-11-30"}, {"verdict": "done"}, {"measures": "x" * 5000},
                   {"closed_at": "now"}):
        with pytest.raises(InvalidEditError):
            project.set_rectification(a, **fields)
    assert project.query("SELECT COUNT(*) FROM rectifications") == [(0,)]


def test_evidence_is_fingerprinted_and_removal_leaves_a_tombstone(project, media_id, tmp_path):
    a = tag(project, media_id)
    photo = tmp_path / "整改后.jpg"
    photo.write_bytes(b"\xff\xd8" + bytes(range(256)) * 40)
    project.add_evidence(a, photo)
    [item] = project.evidence(a)
    assert (item.name, item.kind, item.fingerprint.size) == ("整改后.jpg", "photo", photo.stat().st_size)
    assert item.rel_path == "整改后.jpg"  # beside the project: it travels with it
    with pytest.raises(InvalidEditError):
        project.add_evidence(a, photo)  # the same content twice
    renamed = tmp_path / "复制.jpg"
    renamed.write_bytes(photo.read_bytes())
    with pytest.raises(InvalidEditError):
        project.add_evidence(a, renamed)  # found by content, not by name
    for bad in (tmp_path / "missing.jpg", tmp_path / "notes.exe"):
        if bad.suffix == ".exe":
            bad.write_bytes(b"MZ")
        with pytest.raises(InvalidEditError):
            project.add_evidence(a, bad)
    project.remove_evidence(item.id)
    assert project.evidence(a) == []
    project.undo()
    assert [e.id for e in project.evidence(a)] == [item.id]
    project.undo()  # the add itself
    assert project.evidence(a) == []
    project.redo()
    assert [e.id for e in project.evidence(a)] == [item.id]
    assert [e.action for e in project.audit_log(item.id)] == ["add", "delete", "restore",
                                                               "delete", "restore"]


def test_evidence_video_is_taken(project, media_id, tmp_path):
    a = tag(project, media_id)
    clip = tmp_path / "整改视频.mp4"
    synth.write(synth.Spec(width=64, height=48, frames=5, label="e"), clip)
    project.add_evidence(a, clip)
    assert project.evidence(a)[0].kind == "video"


def test_the_campaign_value_holds_every_problem_with_its_round(project, media_id):
    a = tag(project, media_id, severity=3, category="jing-canguan")
    second_round(project)
    b = tag(project, media_id, 40)
    campaign = project.campaign(today=date(2026, 12, 20))
    assert [p.uuid for p in campaign.problems] == [a, b]
    first = campaign.problem(a)
    # The shipped code book gives 净餐馆 problems of severity 3 three days from the meeting.
    assert first.deadline == date(2026, 11, 13) and first.default_deadline
    assert first.overdue(date(2026, 12, 20)) and not first.overdue(date(2026, 11, 13))
    assert campaign.problem(b).round.name == "第6期"


def test_merged_tags_join_the_current_round(project, media_id):
    """A merge inserts rows in bulk (no per-row trigger): they still get the current round."""
    from reviewer.store import rows, search
    from reviewer.store.model import new_tag

    second = second_round(project)
    fresh = new_tag(media_id, 10, "qing-laji", "李四")
    with project.batch() as conn:
        conn.execute("INSERT INTO reviewers VALUES ('李四', 'x') ON CONFLICT DO NOTHING")
        values = [rows.column_value(c, getattr(fresh, c)) for c in rows.TAG_COLUMNS]
        search.insert_tags_bulk(conn, [values], 1)
    assert project.round_of(fresh.uuid).id == second
    trigger = project.query("SELECT name FROM sqlite_master WHERE name = 'tags_round_insert'")
    assert trigger == [("tags_round_insert",)]  # put back after the bulk insert


def test_rounds_survive_reopening(tmp_path, project, media_id):
    a = tag(project, media_id)
    second = second_round(project)
    project.set_rectification(a, measures="已整改")
    path = project.path
    project.close()
    with Project.open(path, reviewer="李四") as again:
        assert [r.name for r in again.rounds()] == ["第5期", "第6期"]
        assert again.current_round().id == second
        assert again.rectification(a).measures == "已整改"
    conn = sqlite3.connect(path)
    assert conn.execute("SELECT COUNT(*) FROM tags WHERE round_id IS NULL").fetchone() == (0,)


def test_project_overrides_none_of_the_campaign_methods():
    """Project mixes CampaignStore in; a method of the same name would silently replace one."""
    from reviewer.campaign.store import CampaignStore

    mine = {n for n in vars(CampaignStore) if not n.startswith("__")}
    assert mine & set(vars(Project)) == set()


def test_a_filter_can_ask_for_tags_without_a_county(project, media_id):
    from reviewer.store.search import NOT_FILLED

    a = tag(project, media_id, 0, county=None)
    b = tag(project, media_id, 10, county="deqin")
    tag(project, media_id, 20, county="weixi")
    assert [t.uuid for t in project.tags(TagFilter(counties=(NOT_FILLED,)))] == [a]
    assert [t.uuid for t in project.tags(TagFilter(counties=(NOT_FILLED, "deqin")))] == [a, b]
    assert project.count_tags(TagFilter(counties=(NOT_FILLED,))) == 1


def test_objects_built_in_place_have_no_post_init():
    """rows.record_from_row and view.problem skip the frozen dataclass's __init__."""
    from reviewer.campaign.model import Rectification
    from reviewer.campaign.view import Problem

    assert not hasattr(Rectification, "__post_init__") and not hasattr(Problem, "__post_init__")
    assert list(Problem.__dataclass_fields__) == ["tag", "round", "record", "deadline", "evidence"]
