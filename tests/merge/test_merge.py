"""Record-level merges between simulated laptops: nothing dropped, nothing overwritten."""

from __future__ import annotations

import itertools
import shutil

import pytest

from reviewer.merge import resolve
from reviewer.merge.engine import merge
from reviewer.merge.model import Choice
from reviewer.store.project import Project
from tests.merge.helpers import dump, logical


def add(office, path, who, at_ms, category="qing-laji", **fields):
    with office.open(path, who) as project:
        media = project.media()[0].id
        return project.add_tag(media, at_ms, category, **fields).select


def edit(office, path, who, uuid, **fields):
    with office.open(path, who) as project:
        project.edit_tag(uuid, **fields)


def delete(office, path, who, uuid):
    with office.open(path, who) as project:
        project.delete_tag(uuid)


def tag(path, uuid):
    with Project.open(path, read_only=True) as project:
        return project.tag(uuid)


def test_two_laptops_add_independently(office):
    a, b = office.laptop("a"), office.laptop("b")
    ta = add(office, a, "李四", 1000, note="甲")
    tb = add(office, b, "王五", 60000, note="乙")
    report = merge(office.master, [office.pack(a, "李四"), office.pack(b, "王五")], reviewer="编辑")
    assert set(report.added) == {ta, tb} and not report.conflicts and not report.duplicates
    assert [s.added for s in report.packages] == [1, 1]
    with Project.open(office.master, read_only=True) as project:
        assert {t.uuid for t in project.tags()} == {ta, tb}
        assert project.tag(ta).reviewer == "李四"
        actions = [e.action for e in project.audit_log()]
        assert actions.count("merge-add") == 2 and actions.count("merge") == 2
        assert set(project.reviewers()) >= {"李四", "王五", "编辑"}


def test_same_package_twice_changes_nothing(office):
    a = office.laptop("a")
    add(office, a, "李四", 1000)
    package = office.pack(a, "李四")
    merge(office.master, [package], reviewer="编辑")
    before = dump(office.master, audit=True)
    again = merge(office.master, [package, package], reviewer="编辑")
    assert not again.changed and again.identical == 1
    assert dump(office.master, audit=True) == before


def _three_laptops(office):
    base = add(office, office.master, "编辑", 5000, note="原始")
    laptops = {name: office.laptop(name) for name in ("a", "b", "c")}
    edit(office, laptops["a"], "李四", base, note="李四改")
    edit(office, laptops["b"], "王五", base, note="王五改")
    delete(office, laptops["c"], "赵六", base)
    for n, (name, path) in enumerate(laptops.items()):
        add(office, path, f"审片{name}", 100_000 * (n + 1), note=name)
    return base, [office.pack(p, name) for name, p in laptops.items()]


def test_three_laptops_any_order_same_result(office, tmp_path):
    base, packages = _three_laptops(office)
    results = []
    for n, order in enumerate(itertools.permutations(packages)):
        master = tmp_path / f"order{n}.shenpian"
        shutil.copy(office.master, master)
        report = merge(master, list(order), reviewer="编辑")
        results.append(dump(master))
        assert len(report.added) == 3 and len(report.conflicts) == 2
    assert all(r == results[0] for r in results[1:])
    kinds = sorted(c[1] for c in results[0]["conflicts"])
    assert kinds == ["edit", "edit_delete"]


def test_sequential_merges_keep_the_same_versions_in_any_order(office, tmp_path):
    base, packages = _three_laptops(office)
    states = []
    for n, order in enumerate([packages, packages[::-1]]):
        master = tmp_path / f"seq{n}.shenpian"
        shutil.copy(office.master, master)
        for package in order:
            merge(master, [package], reviewer="编辑")
        states.append(logical(master))
    assert states[0] == states[1]
    assert states[0][base] == {("李四改", False), ("王五改", False), ("原始", True)}


def test_edit_on_one_side_only(office):
    base = add(office, office.master, "编辑", 5000, note="原始")
    theirs_edit, ours_edit = office.laptop("a"), office.laptop("b")
    edit(office, theirs_edit, "李四", base, note="李四补充", severity=3)
    report = merge(office.master, [office.pack(theirs_edit, "李四")], reviewer="编辑")
    assert report.updated == (base,) and tag(office.master, base).note == "李四补充"
    # Now the master moves on; an older laptop copy must not undo that.
    edit(office, office.master, "编辑", base, note="编辑定稿")
    report = merge(office.master, [office.pack(ours_edit, "王五")], reviewer="编辑")
    assert report.kept_local == 1 and not report.conflicts
    assert tag(office.master, base).note == "编辑定稿"


def test_edited_on_both_sides_is_a_conflict_with_both_kept(office):
    base = add(office, office.master, "编辑", 5000, note="原始")
    a = office.laptop("a")
    edit(office, a, "李四", base, note="李四改")
    edit(office, office.master, "编辑", base, note="编辑改")
    report = merge(office.master, [office.pack(a, "李四")], reviewer="编辑")
    (conflict,) = report.conflicts
    assert conflict.kind == "edit" and conflict.mine.note == "编辑改"
    assert conflict.theirs.note == "李四改"
    assert tag(office.master, base).note == "编辑改"  # nothing silently overwritten


@pytest.mark.parametrize("choice", list(Choice))
def test_resolving_a_conflict(office, choice):
    base = add(office, office.master, "编辑", 5000, note="原始")
    a = office.laptop("a")
    edit(office, a, "李四", base, note="李四改")
    edit(office, office.master, "编辑", base, note="编辑改")
    package = office.pack(a, "李四")
    merge(office.master, [package], reviewer="编辑")
    with office.open(office.master, "编辑") as project:
        (conflict,) = resolve.pending_conflicts(project)
        changes = resolve.resolve_conflict(project, conflict.id, choice)
        notes = sorted(t.note for t in project.tags())
        assert not resolve.pending_conflicts(project)
        assert base in changes.tags
    expected = {Choice.MINE: ["编辑改"], Choice.THEIRS: ["李四改"], Choice.BOTH: ["李四改", "编辑改"]}
    assert notes == expected[choice]
    again = merge(office.master, [package], reviewer="编辑")
    assert not again.changed and not again.conflicts


def test_deleted_on_laptop_edited_here_is_a_conflict(office):
    base = add(office, office.master, "编辑", 5000, note="原始")
    a = office.laptop("a")
    delete(office, a, "李四", base)
    edit(office, office.master, "编辑", base, note="编辑改")
    report = merge(office.master, [office.pack(a, "李四")], reviewer="编辑")
    assert [c.kind for c in report.conflicts] == ["edit_delete"]
    assert not tag(office.master, base).deleted  # never a silent loss


def test_edited_on_laptop_deleted_here_is_not_resurrected(office):
    base = add(office, office.master, "编辑", 5000, note="原始")
    a = office.laptop("a")
    edit(office, a, "李四", base, note="李四改")
    delete(office, office.master, "编辑", base)
    report = merge(office.master, [office.pack(a, "李四")], reviewer="编辑")
    assert [c.kind for c in report.conflicts] == ["edit_delete"]
    assert tag(office.master, base).deleted
    assert report.conflicts[0].theirs.note == "李四改"  # and never a silent loss


def test_deleted_on_laptop_only_is_taken_over(office):
    base = add(office, office.master, "编辑", 5000)
    a = office.laptop("a")
    delete(office, a, "李四", base)
    report = merge(office.master, [office.pack(a, "李四")], reviewer="编辑")
    assert report.updated == (base,) and tag(office.master, base).deleted


def test_clock_skew_does_not_make_an_edit_look_older(office, monkeypatch):
    base = add(office, office.master, "编辑", 5000, note="原始")
    a = office.laptop("a")
    import reviewer.store.project as project_module

    # The laptop's clock is a year behind the editor's.
    monkeypatch.setattr(project_module, "now_iso", lambda: "2025-01-01T00:00:00.000Z")
    edit(office, a, "李四", base, note="李四改")
    monkeypatch.undo()
    report = merge(office.master, [office.pack(a, "李四")], reviewer="编辑")
    assert report.updated == (base,) and tag(office.master, base).note == "李四改"


def test_likely_duplicates_are_proposed_not_merged(office):
    a, b = office.laptop("a"), office.laptop("b")
    ta = add(office, a, "李四", 10_000, end_ms=14_000)
    tb = add(office, b, "王五", 16_000)  # 2 s after the end: the same problem
    add(office, b, "王五", 90_000)  # far away
    add(office, b, "王五", 11_000, category="sao-cesuo")  # another category
    packages = [office.pack(a, "李四"), office.pack(b, "王五")]
    report = merge(office.master, packages, reviewer="编辑")
    assert [(d.a.uuid, d.b.uuid) for d in report.duplicates] == [tuple(sorted((ta, tb)))]
    with office.open(office.master, "编辑") as project:
        assert len(project.tags()) == 4  # proposed only
        resolve.resolve_duplicate(project, ta, tb, keep=None)
        assert not resolve.pending_duplicates(project)
    assert not merge(office.master, packages, reviewer="编辑").duplicates


def test_merging_duplicates_keeps_one_as_tombstone(office):
    a, b = office.laptop("a"), office.laptop("b")
    ta, tb = add(office, a, "李四", 10_000), add(office, b, "王五", 10_500)
    merge(office.master, [office.pack(a, "李四"), office.pack(b, "王五")], reviewer="编辑")
    with office.open(office.master, "编辑") as project:
        resolve.resolve_duplicate(project, ta, tb, keep=ta)
        assert [t.uuid for t in project.tags()] == [ta]
        assert project.tag(tb).deleted


def test_codebook_drift_mapped_by_id_and_new_entries_proposed(office):
    from dataclasses import replace

    from reviewer.codebook.model import Category, Label

    a = office.laptop("a")
    with office.open(a, "李四") as project:
        book = project.codebook()
        renamed = replace(book.categories[0], label=Label("改名后的类别", "Renamed"))
        extra = Category("xin-leibie", Label("新类别", "New category"), "#123456", "")
        project.import_codebook(replace(book, version=book.version + 1,
                                        categories=(renamed, *book.categories[1:], extra)))
        media = project.media()[0].id
        new_tag = project.add_tag(media, 3000, "xin-leibie").select
        old_tag = project.add_tag(media, 30_000, renamed.id).select
    report = merge(office.master, [office.pack(a, "李四")], reviewer="编辑")
    assert set(report.added) == {new_tag, old_tag}
    assert [(p.kind, p.entry_id) for p in report.codebook] == [("category", "xin-leibie")]
    assert [r.entry_id for r in report.renamed] == [renamed.id]
    with office.open(office.master, "编辑") as project:
        assert project.codebook().category("xin-leibie") is None  # not picked silently
        assert project.label("category", "xin-leibie") == "新类别"
        assert project.codebook().category(renamed.id).label.zh != "改名后的类别"
        resolve.resolve_codebook(project, "category", "xin-leibie", accept=True)
        assert project.codebook().category("xin-leibie") is not None
        assert not resolve.codebook_proposals(project)


def test_footage_matched_by_fingerprint_paths_never_overwritten(office, template, tmp_path):
    elsewhere = tmp_path / "E盘" / "第5期"
    shutil.copytree(template.parent / "素材", elsewhere)
    laptop = tmp_path / "own.shenpian"
    with Project.create(laptop, reviewer="李四") as project:
        for file in sorted(elsewhere.iterdir()):
            project.add_media(file)
        media = project.media()[0].id
        own = project.add_tag(media, 2000, "qing-laji").select
    with Project.open(office.master, read_only=True) as project:
        before = {m.id: m.abs_path for m in project.media()}
    report = merge(office.master, [office.pack(laptop, "李四")], reviewer="编辑")
    assert report.media_matched == 2 and not report.media_added
    with Project.open(office.master, read_only=True) as project:
        assert {m.id: m.abs_path for m in project.media()} == before
        assert project.tag(own).media_id in before


def test_a_failed_merge_leaves_the_master_untouched(office, monkeypatch):
    a = office.laptop("a")
    add(office, a, "李四", 1000)
    package = office.pack(a, "李四")
    before = dump(office.master, audit=True)
    import reviewer.merge.engine as engine

    def boom(*args, **kwargs):
        raise OSError("disk pulled")

    monkeypatch.setattr(engine, "propose_duplicates", boom)
    with pytest.raises(OSError):
        merge(office.master, [package], reviewer="编辑")
    assert dump(office.master, audit=True) == before


def test_an_old_package_after_the_editor_edits_changes_nothing(office):
    a = office.laptop("a")
    new = add(office, a, "李四", 1000, note="李四")
    package = office.pack(a, "李四")
    merge(office.master, [package], reviewer="编辑")
    edit(office, office.master, "编辑", new, note="编辑定稿")
    before = dump(office.master, audit=True)
    report = merge(office.master, [package], reviewer="编辑")
    assert report.kept_local == 1 and not report.changed
    assert dump(office.master, audit=True) == before
