"""Regions in the project file: reopen, audit, undo, sign-off, re-detection, upgrades, merges."""

from __future__ import annotations

import shutil
import sqlite3

import pytest

from reviewer.merge.engine import merge
from reviewer.merge.errors import InvalidPackageError
from reviewer.merge.pack import pack
from reviewer.redact import detect, regions
from reviewer.redact.model import Box
from reviewer.store import schema
from reviewer.store.project import Project
from tests.merge.helpers import rewrite
from tests.redact.conftest import detect_all, make_project
from tests.store.test_migrations import make_fixture


def test_regions_survive_reopening(redacted_project, clip):
    with Project.open(redacted_project, read_only=True) as project:
        found = regions.tracks(project)
        assert sorted(t.kind for t in found) == ["face", "face", "manual"]
        plate = next(t for t in found if t.kind == "manual")
        assert [s.t_ms for s in plate.samples] == clip.times_ms
        assert plate.keys[0].box.iou(clip.plates[20]) > 0.999  # kept to 5 decimals
        reg = regions.regions(project, plate.media_id)
        assert reg.covered(0, clip.times_ms[-1])
        assert len(reg.boxes_at(clip.times_ms[30])) == 3


@pytest.fixture
def project(redacted_project, tmp_path):
    path = tmp_path / "copy.shenpian"
    shutil.copy(redacted_project, path)
    with Project.open(path, reviewer="李四") as opened:
        yield opened


def test_deleting_a_false_detection_is_audited_and_undoable(project, clip):
    face = next(t for t in regions.tracks(project) if t.kind == "face")
    regions.delete(project, face.id)
    assert face.id not in {t.id for t in regions.tracks(project)}
    assert regions.track(project, face.id).deleted_by == "李四"
    entry = project.audit_log(face.id)[-1]
    assert (entry.action, entry.entity, entry.reviewer) == ("delete", "region", "李四")
    project.undo()
    assert face.id in {t.id for t in regions.tracks(project)}
    project.redo()
    assert regions.track(project, face.id).deleted


def test_keep_visible_leaves_a_box_unredacted(project, clip):
    plate = next(t for t in regions.tracks(project) if t.kind == "manual")
    t = clip.times_ms[10]
    before = len(regions.regions(project, plate.media_id).boxes_at(t))
    regions.set_keep(project, plate.id, True)
    assert len(regions.regions(project, plate.media_id).boxes_at(t)) == before - 1
    assert project.audit_log(plate.id)[-1].action == "keep"


def test_a_corrected_key_replaces_the_tracked_boxes_after_it(project, clip):
    plate = next(t for t in regions.tracks(project) if t.kind == "manual")
    moved = Box(0.1, 0.1, 0.2, 0.1)
    regions.set_key(project, plate.id, clip.times_ms[30], moved)
    samples = regions.track(project, plate.id).samples
    assert [s.t_ms for s in samples if s.source == "key"] == [clip.times_ms[20], clip.times_ms[30]]
    assert all(s.t_ms <= clip.times_ms[30] for s in samples)  # the tracker refills the rest
    assert regions.track(project, plate.id).box_at(clip.times_ms[30]) == moved


def test_sign_off_records_who_and_when(project):
    tag = project.tags()[0]
    assert regions.unchecked(project, [tag]) == [tag]
    regions.sign(project, tag.uuid, True)
    state = regions.signoff(project, tag.uuid)
    assert (state.state, state.by) == ("checked", "李四") and state.at
    assert regions.unchecked(project, [tag]) == []
    assert project.audit_log(tag.uuid)[-1].action == "signoff"
    project.undo()
    assert regions.signoff(project, tag.uuid).state == "unchecked"


def test_detecting_again_does_not_bring_back_a_deleted_face(project):
    face = next(t for t in regions.tracks(project) if t.kind == "face")
    regions.delete(project, face.id)
    jobs, _ = detect.plan(project, project.tags(), again=True)
    detect.save(project, detect.run(jobs))
    live = [t for t in regions.tracks(project) if t.kind == "face"]
    assert len(live) == 2  # the other face twice (old and new pass), never the deleted one
    assert not any(detect._same_face(t.samples, face) for t in live)


def test_a_second_pass_looks_only_where_no_pass_looked(project):
    jobs, _ = detect.plan(project, project.tags())
    assert jobs == []


@pytest.mark.parametrize("version", range(1, schema.SCHEMA_VERSION))
def test_older_projects_gain_the_redaction_tables(tmp_path, version):
    path = tmp_path / "old.shenpian"
    make_fixture(path, version)
    with Project.open(path, reviewer="张三") as project:
        assert not regions.in_use(project)
        tag = project.tag("t1")
        regions.add_manual(project, tag, 40, Box(0.1, 0.1, 0.2, 0.2))
        assert regions.in_use(project)
        regions.sign(project, "t1", True)


def _laptop(tmp_path, clip):
    master = tmp_path / "master.shenpian"
    make_project(master, clip, reviewer="编辑").close()
    laptop = tmp_path / "laptop.shenpian"
    shutil.copy(master, laptop)
    return master, laptop


def test_regions_and_sign_off_merge_like_tags(tmp_path, clip):
    master, laptop = _laptop(tmp_path, clip)
    with Project.open(laptop, reviewer="王五") as project:
        detect_all(project)
        face = regions.tracks(project)[0]
        regions.delete(project, face.id)
        regions.sign(project, project.tags()[0].uuid, True)
    package = tmp_path / "王五.shenpian-pack"
    pack(laptop, package, reviewer="王五")
    merge(master, [package], reviewer="编辑")
    merge(master, [package], reviewer="编辑")  # again: nothing changes
    with Project.open(master, read_only=True) as project:
        every = regions.tracks(project, deleted=True)
        assert len(every) == 2 and [t.id for t in every if t.deleted] == [face.id]
        assert regions.regions(project, face.media_id).covered(0, clip.times_ms[-1])
        state = regions.signoff(project, project.tags()[0].uuid)
        assert (state.state, state.by) == ("checked", "王五")
        merges = [e for e in project.audit_log() if e.entity == "region"]
        assert len(merges) == 2


def test_a_later_edit_in_the_master_wins_over_an_older_package(tmp_path, clip):
    master, laptop = _laptop(tmp_path, clip)
    with Project.open(laptop, reviewer="王五") as project:
        detect_all(project)
    package = tmp_path / "p.shenpian-pack"
    pack(laptop, package, reviewer="王五")
    merge(master, [package], reviewer="编辑")
    with Project.open(master, reviewer="编辑") as project:
        kept = regions.tracks(project)[0]
        regions.set_keep(project, kept.id, True)
    merge(master, [package], reviewer="编辑")
    with Project.open(master, read_only=True) as project:
        assert regions.track(project, kept.id).keep


def test_a_package_with_broken_region_boxes_is_refused_whole(tmp_path, clip):
    master, laptop = _laptop(tmp_path, clip)
    with Project.open(laptop, reviewer="王五") as project:
        regions.add_manual(project, project.tags()[0], 0, Box(0.1, 0.1, 0.2, 0.2))
    package = tmp_path / "p.shenpian-pack"
    pack(laptop, package, reviewer="王五")
    bad = rewrite(package, tmp_path / "bad.shenpian-pack",
                  db=lambda conn: conn.execute("UPDATE redact_tracks SET samples = '[[0,9,9,9,9,\"k\"]]'"))
    before = sqlite3.connect(master).execute("SELECT COUNT(*) FROM tags").fetchone()
    with pytest.raises(InvalidPackageError):
        merge(master, [bad], reviewer="编辑")
    assert sqlite3.connect(master).execute("SELECT COUNT(*) FROM tags").fetchone() == before
