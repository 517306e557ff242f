"""Likely duplicates from an index (linear in tags), and exact duplicates kept once."""

from __future__ import annotations

import random
import shutil

import pytest

from reviewer.merge.duplicates import NEAR_MS, _near_pairs
from reviewer.merge.engine import merge
from reviewer.store import rows
from reviewer.store.model import new_tag
from reviewer.store.project import Project
from tests.merge.helpers import dump


def _crowd(office, name: str, count: int) -> tuple:
    """A laptop with ``count`` tags by two alternating reviewers, all within 3 s of each other."""
    laptop = office.laptop(name)
    with Project.open(laptop, reviewer="甲") as project, project.batch() as conn:
        media = project.media()[0].id
        conn.execute("INSERT INTO reviewers (name, created_at) VALUES ('乙', 'x') "
                     "ON CONFLICT DO NOTHING")
        for n in range(count):
            rows.insert_tag(conn, new_tag(media, n * 2999 // count, "qing-laji",
                                          "甲" if n % 2 else "乙", note=f"{n}"))
    return laptop


@pytest.mark.parametrize("count", [150, 300])
def test_proposals_are_at_most_two_per_tag_however_close_they_lie(office, count):
    # Every cross-reviewer pair lies within reach: pairing them all was count²/4 proposals.
    report = merge(office.master, [office.pack(_crowd(office, "crowd", count), "甲")],
                   reviewer="编辑")
    assert len(report.added) == count
    assert count // 2 <= len(report.duplicates) <= 2 * count
    assert all(d.a.reviewer != d.b.reviewer for d in report.duplicates)
    touched = {u for d in report.duplicates for u in (d.a.uuid, d.b.uuid)}
    assert touched == set(report.added)  # every tag has its nearest neighbour proposed


def _group(rng: random.Random, size: int) -> list[tuple]:
    found = []
    for n in range(size):
        start = rng.randrange(0, 60_000)
        end = None if rng.random() < 0.5 else start + rng.randrange(0, 20_000)
        found.append((f"u{n:03d}", "m", "c", start, end, rng.choice("ABC")))
    found.sort(key=lambda r: r[0])
    found.sort(key=lambda r: r[3])
    return found


def _gap(a, b) -> int:
    end = lambda r: r[4] if r[4] is not None else r[3]  # noqa: E731
    return max(0, a[3] - end(b), b[3] - end(a))


@pytest.mark.parametrize("seed", range(20))
def test_each_touched_tag_gets_its_nearest_tag_by_someone_else(seed):
    """Against brute force: the nearest other reviewer's tag within reach is always proposed."""
    rng = random.Random(seed)
    group = _group(rng, 80)
    touched = {r[0] for r in group if rng.random() < 0.6}
    pairs = set(_near_pairs(group, touched))
    by_uuid = {r[0]: r for r in group}
    for a, b in pairs:
        assert by_uuid[a][5] != by_uuid[b][5] and _gap(by_uuid[a], by_uuid[b]) <= NEAR_MS
        assert a in touched or b in touched
    for a in group:
        if a[0] not in touched:
            continue
        others = [_gap(a, b) for b in group if b[5] != a[5]]
        best = min(others, default=None)
        mine = [_gap(a, by_uuid[y if x == a[0] else x]) for x, y in pairs if a[0] in (x, y)]
        if best is not None and best <= NEAR_MS:
            assert best in mine
    assert len(pairs) <= 2 * len(touched)


# --- exact duplicates ------------------------------------------------------------------------

def _tag(office, path, who, at_ms=5000, note="同一处问题", **fields):
    with office.open(path, who) as project:
        media = project.media()[0].id
        return project.add_tag(media, at_ms, "qing-laji", note=note, place="某路",
                               **fields).select


def test_the_same_tag_from_two_packages_is_added_once(office):
    a, b = office.laptop("a"), office.laptop("b")
    kept = _tag(office, a, "李四")
    dropped = _tag(office, b, "王五")
    packages = [office.pack(a, "李四"), office.pack(b, "王五")]
    # Given in either order, the packages are read in source-id order: 李四's first.
    report = merge(office.master, packages[::-1], reviewer="编辑")
    assert report.added == (kept,) and not report.duplicates
    assert [(d.uuid, d.kept, d.reviewer) for d in report.exact_duplicates] == \
        [(dropped, kept, "王五")]
    assert [s.exact_duplicates for s in report.packages] == [0, 1]
    with Project.open(office.master, read_only=True) as project:
        assert [t.uuid for t in project.tags()] == [kept]
        log = [e for e in project.audit_log() if e.action == "merge-duplicate"]
        assert len(log) == 1 and log[0].entity_id == kept and dropped in log[0].after
    before = dump(office.master, audit=True)
    again = merge(office.master, packages, reviewer="编辑")
    assert not again.changed and dump(office.master, audit=True) == before


def test_a_tag_identical_to_one_here_is_not_added(office):
    here = _tag(office, office.master, "编辑")
    laptop = office.laptop("a")  # a copy: the editor's tag is there under its own uuid too
    twin = _tag(office, laptop, "李四")
    report = merge(office.master, [office.pack(laptop, "李四")], reviewer="编辑")
    assert not report.added and [(d.uuid, d.kept) for d in report.exact_duplicates] == \
        [(twin, here)]


def test_any_difference_is_not_an_exact_duplicate(office):
    a, b, c = office.laptop("a"), office.laptop("b"), office.laptop("c")
    _tag(office, a, "李四")
    _tag(office, b, "王五", at_ms=5001)  # another frame
    _tag(office, c, "赵六", note="同一处问题。")
    report = merge(office.master, [office.pack(p, w) for p, w in
                                   ((a, "李四"), (b, "王五"), (c, "赵六"))], reviewer="编辑")
    assert len(report.added) == 3 and not report.exact_duplicates
    assert len(report.duplicates) >= 2  # close together by different people: proposed


def test_identical_tags_within_one_package_are_both_kept(office):
    a = office.laptop("a")
    _tag(office, a, "李四")
    _tag(office, a, "李四")
    report = merge(office.master, [office.pack(a, "李四")], reviewer="编辑")
    assert len(report.added) == 2 and not report.exact_duplicates


def test_an_absorbed_tag_edited_later_on_its_laptop_arrives(office):
    a, b = office.laptop("a"), office.laptop("b")
    _tag(office, a, "李四")
    twin = _tag(office, b, "王五")
    merge(office.master, [office.pack(a, "李四"), office.pack(b, "王五")], reviewer="编辑")
    with office.open(b, "王五") as project:
        project.edit_tag(twin, note="王五补充了细节")
    report = merge(office.master, [office.pack(b, "王五")], reviewer="编辑")
    assert report.added == (twin,)  # an edit is never lost


def test_the_demo_made_twice_merges_as_one(tmp_path):
    """Two laptops each made the same tags on the same footage (the report's 12 duplicates)."""
    from reviewer.cli import run

    a, b = tmp_path / "a.shenpian", tmp_path / "b.shenpian"
    assert run(["demo", str(a), "--seconds", "3"]) == 0
    assert run(["demo", str(b), "--seconds", "3"]) == 0
    master = tmp_path / "master.shenpian"
    shutil.copy(a, master)
    from reviewer.merge.pack import pack

    pack(b, tmp_path / "b.pkg", reviewer="王五")
    report = merge(master, [tmp_path / "b.pkg"], reviewer="编辑")
    with Project.open(master, read_only=True) as project:
        count = len(project.tags())
    with Project.open(a, read_only=True) as project:
        assert count == len(project.tags())
    assert not report.added and len(report.exact_duplicates) == count
