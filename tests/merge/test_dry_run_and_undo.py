"""A merge you can trust: counted first without changing anything, undone exactly afterwards."""

from __future__ import annotations

import shutil
import sqlite3

import pytest

from reviewer.merge import engine, errors, restore
from reviewer.merge.engine import merge
from reviewer.store.project import Project
from tests.merge.helpers import dump


def _laptops(office):
    """Two laptops: new tags, an edit, a deletion, a conflict with the master, a likely duplicate."""
    with office.open(office.master, "编辑") as project:
        media = project.media()[0].id
        base = [project.add_tag(media, 10_000 * n, "qing-laji", note=f"原始{n}").select
                for n in range(4)]
    a, b = office.laptop("a"), office.laptop("b")
    with office.open(a, "李四") as project:
        project.add_tag(media, 100_000, "qing-laji", note="李四新增")
        project.edit_tag(base[0], note="李四改")
        project.delete_tag(base[1])
    with office.open(b, "王五") as project:
        project.add_tag(media, 101_000, "qing-laji", note="王五新增")
        project.edit_tag(base[2], note="王五改")
    with office.open(office.master, "编辑") as project:
        project.edit_tag(base[2], note="编辑改")
    return [office.pack(a, "李四"), office.pack(b, "王五")]


def _counts(report):
    return (len(report.added), len(report.updated), len(report.conflicts),
            len(report.duplicates), len(report.exact_duplicates), report.identical,
            report.kept_local, len(report.media_added), len(report.codebook))


def test_dry_run_counts_what_the_merge_then_does_and_changes_nothing(office):
    packages = _laptops(office)
    before = dump(office.master, audit=True)
    preview = merge(office.master, packages, reviewer="编辑", dry_run=True)
    assert preview.dry_run and preview.restore_point is None
    assert dump(office.master, audit=True) == before
    assert not restore.path_for(office.master).exists()
    applied = merge(office.master, packages, reviewer="编辑")
    assert not applied.dry_run
    assert _counts(preview) == _counts(applied)
    assert _counts(applied)[:5] == (2, 2, 1, 1, 0)  # added, updated, conflict, likely dup.
    assert [s.__dict__ for s in preview.packages] == [s.__dict__ for s in applied.packages]


def test_a_dry_run_keeps_the_editors_undo_history(office):
    packages = _laptops(office)
    with Project.open(office.master, reviewer="编辑") as project:
        project.add_tag(project.media()[0].id, 500_000, "qing-laji")
        engine.merge_into(project, packages, dry_run=True)
        assert project.can_undo()


def test_undo_puts_the_master_back_exactly(office):
    packages = _laptops(office)
    before = dump(office.master, audit=True)
    report = merge(office.master, packages, reviewer="编辑")
    assert report.restore_point == str(restore.path_for(office.master))
    assert dump(office.master) != {k: v for k, v in before.items() if k != "audit"}
    with Project.open(office.master, reviewer="编辑") as project:
        assert restore.pending(project).packages == tuple(p.name for p in sorted(
            packages, key=lambda p: "王五" in p.name))
        changes = restore.undo(project)
    after = dump(office.master, audit=True)
    audit = after.pop("audit")
    assert after == {k: v for k, v in before.items() if k != "audit"}
    assert audit[:-1] == before["audit"] and audit[-1][3] == "merge-undo"
    assert set(report.added) <= changes.tags and set(report.updated) <= changes.tags
    assert not restore.path_for(office.master).exists()
    with Project.open(office.master, reviewer="编辑") as project, \
            pytest.raises(errors.NothingToUndoError):
        restore.undo(project)
    # The packages merge again exactly as the first time.
    assert _counts(merge(office.master, packages, reviewer="编辑")) == _counts(report)


def test_undo_is_refused_after_later_changes_unless_they_may_go(office):
    packages = _laptops(office)
    report = merge(office.master, packages, reviewer="编辑")
    with Project.open(office.master, reviewer="编辑") as project:
        project.edit_tag(report.added[0], note="合并后又改")
        with pytest.raises(errors.ChangedSinceMergeError) as refused:
            restore.undo(project)
        assert "1" in refused.value.message("en")
        assert project.tag(report.added[0]).note == "合并后又改"
        restore.undo(project, discard_later=True)
        assert report.added[0] not in {t.uuid for t in project.tags()}


def test_the_restore_point_is_kept_until_the_next_merge(office):
    a, b = office.laptop("a"), office.laptop("b")
    with office.open(a, "李四") as project:
        first = project.add_tag(project.media()[0].id, 1000, "qing-laji").select
    merge(office.master, [office.pack(a, "李四")], reviewer="编辑")
    after_first = dump(office.master)
    kept = restore.path_for(office.master).read_bytes()
    assert not merge(office.master, [office.pack(a, "李四", "again.pkg")], reviewer="编辑").changed
    assert restore.path_for(office.master).read_bytes() == kept  # a no-op keeps the last point
    with office.open(b, "王五") as project:
        second = project.add_tag(project.media()[0].id, 90_000, "qing-laji").select
    merge(office.master, [office.pack(b, "王五")], reviewer="编辑")
    assert restore.path_for(office.master).read_bytes() != kept
    with Project.open(office.master, reviewer="编辑") as project:
        restore.undo(project)
        assert {t.uuid for t in project.tags()} == {first}
    assert dump(office.master) == after_first and second


def test_a_failed_merge_leaves_no_restore_point_and_keeps_the_last(office, monkeypatch):
    packages = _laptops(office)
    merge(office.master, packages[:1], reviewer="编辑")
    kept = restore.path_for(office.master).read_bytes()

    def boom(*args, **kwargs):
        raise RuntimeError("disk on fire")

    monkeypatch.setattr(engine, "propose_duplicates", boom)
    with pytest.raises(RuntimeError):
        merge(office.master, packages[1:], reviewer="编辑")
    assert restore.path_for(office.master).read_bytes() == kept
    assert sorted(p.name for p in office.master.parent.glob("*.part")) == []


def test_a_missing_or_altered_restore_point_is_named(office):
    packages = _laptops(office)
    merge(office.master, packages, reviewer="编辑")
    point = restore.path_for(office.master)
    conn = sqlite3.connect(point)
    conn.execute("UPDATE project SET value = '改过' WHERE key = 'name'")
    conn.commit()
    conn.close()
    before = dump(office.master, audit=True)
    with Project.open(office.master, reviewer="编辑") as project, \
            pytest.raises(errors.RestorePointMissingError) as missing:
        restore.undo(project)
    assert point.name in missing.value.message("en")
    point.unlink()
    with Project.open(office.master, reviewer="编辑") as project, \
            pytest.raises(errors.RestorePointMissingError):
        restore.undo(project)
    assert dump(office.master, audit=True) == before


def test_a_point_left_before_its_rename_is_still_found(office):
    """A crash between the merge's commit and the rename leaves the point as ``.part``."""
    packages = _laptops(office)
    before = dump(office.master)
    merge(office.master, packages, reviewer="编辑")
    point = restore.path_for(office.master)
    shutil.move(point, point.with_name(point.name + ".part"))
    with Project.open(office.master, reviewer="编辑") as project:
        restore.undo(project)
    assert dump(office.master) == before


def test_no_room_for_the_restore_point_refuses_before_writing(office, monkeypatch):
    packages = _laptops(office)
    before = office.master.read_bytes()
    usage = shutil.disk_usage(office.master.parent)._replace(free=10)
    monkeypatch.setattr(restore.shutil, "disk_usage", lambda path: usage)
    with pytest.raises(errors.RestoreFailedError) as refused:
        merge(office.master, packages, reviewer="编辑")
    assert "No space" in refused.value.message("en") and office.master.read_bytes() == before
