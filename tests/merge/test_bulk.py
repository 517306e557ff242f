"""The fast paths of a big merge give exactly what the plain ones gave (issue #6 timing work)."""

from __future__ import annotations

import gc
import json
import shutil
import sqlite3
import zipfile
from pathlib import Path

import pytest

from reviewer.merge import engine, tag_rows, tags
from reviewer.merge import pack as pack_module
from reviewer.merge.engine import merge
from reviewer.merge.errors import InvalidPackageError
from reviewer.store import rows, search
from reviewer.store.model import Still, Tag
from reviewer.store.project import Project
from tests.merge.helpers import dump

ROW = ("u1", "m1", 5, 9, 77, "c", "s", None, "tw", '地方 "q"\n', None, 2, "pending", "记录\\x",
       "[[5, null], [7, 123]]", "李四", "2026-01-01T00:00:00.000Z", "2026-01-02T00:00:00.000Z",
       "李四", 3, None, None)


def test_a_tag_built_from_a_row_equals_the_dataclass():
    (row,), stills = tag_rows.validate([ROW], Path("p"))
    tag = tag_rows.tag(row, stills)
    expected = Tag(*ROW[:14], (Still(5, None), Still(7, 123)), *ROW[15:])
    assert tag == expected and hash(tag) == hash(expected) and repr(tag) == repr(expected)


def test_validated_rows_are_sorted_with_stills_as_the_store_writes_them():
    loose = ROW[:0] + ("u0",) + ROW[1:14] + ("[[5,null] , [7,123]]",) + ROW[15:]
    plain = ("u2",) + ROW[1:14] + ("[]",) + ROW[15:]
    checked, stills = tag_rows.validate([plain, ROW, loose], Path("p"))
    assert [row[0] for row in checked] == ["u0", "u1", "u2"]
    written = rows.stills_to_json((Still(5, None), Still(7, 123)))
    assert [row[14] for row in checked] == [written, written, "[]"]
    assert checked[0][:14] == loose[:14] and checked[0][15:] == loose[15:]
    assert stills == {written: (Still(5, None), Still(7, 123)), "[]": ()}


@pytest.mark.parametrize(("column", "value"), [
    ("start_ms", -1), ("start_ms", 1.5), ("revision", 0), ("end_ms", 4), ("severity", 7),
    ("status", "done"), ("uuid", "a\x00b"), ("uuid", ""), ("media_id", 3), ("county_id", "x\n"),
    ("reviewer", "x" * 201), ("deleted_at", "2026"), ("stills", "[[-1, null]]"),
    ("stills", "{"), ("note", None),
])
def test_a_bad_value_in_any_row_refuses_the_package_naming_the_tag(column, value):
    good = ROW[:0] + ("u0",) + ROW[1:]
    bad = list(ROW)
    bad[rows.TAG_COLUMNS.index(column)] = value
    with pytest.raises(InvalidPackageError) as caught:
        tag_rows.validate([good, tuple(bad)], Path("p"))
    message = str(caught.value)
    assert "u0" not in message and (column == "uuid" or "u1" in message)


def test_each_added_tag_has_its_own_audit_row_naming_its_source(office):
    laptop, other = office.laptop("a"), office.laptop("b")
    with office.open(laptop, "李四") as project:
        media = project.media()[0].id
        uuid = project.add_tag(media, 1000, "qing-laji", note="甲", place="某镇").select
        project.edit_tag(uuid, note="乙")
    with office.open(other, "王五") as project:
        theirs = project.add_tag(project.media()[0].id, 9000, "qing-laji").select
    merge(office.master, [office.pack(other, "王五"), office.pack(laptop, "李四")],
          reviewer="编辑")
    with Project.open(office.master, read_only=True) as project:
        for tag_uuid, who in ((uuid, "李四"), (theirs, "王五")):
            entry, = [e for e in project.audit_log(tag_uuid) if e.action == "merge-add"]
            tag = project.tag(tag_uuid)
            assert entry.reviewer == "编辑" and entry.entity == "tag"
            after = json.loads(entry.after)
            assert f"/{who}@" in after.pop("source")
            assert after == {"updated_at": tag.updated_at, "updated_by": tag.updated_by,
                             "revision": tag.revision}


def test_bulk_insert_rebuilds_the_same_indexes_and_search(office):
    with office.open(office.master, "编辑") as project:
        media = project.media()[0].id
        project.add_tag(media, 1, "qing-laji", note="已有的记录")
        schema = project.query("SELECT type, name, sql FROM sqlite_master ORDER BY name")
        values = [(f"u{n}", media, n, None, None, "qing-laji", None, None, None, "", None, None,
                   "pending", f"批量记录{n}", "[]", "编辑", "t", "t", "编辑", 1, None, None)
                  for n in range(50)]
        with project.batch() as conn:
            search.insert_tags_bulk(conn, values, len(values))
        assert project.query("SELECT type, name, sql FROM sqlite_master ORDER BY name") == schema
        assert len(project.tags(search.TagFilter(text="批量记录"))) == 50
        assert len(project.tags(search.TagFilter(text="已有的"))) == 1
        assert project.query("PRAGMA integrity_check") == [("ok",)]


def test_a_failed_bulk_insert_keeps_every_index(office):
    with office.open(office.master, "编辑") as project:
        schema = project.query("SELECT type, name, sql FROM sqlite_master ORDER BY name")
        bad = [("u1", "no-such-media", 1, None, None, "qing-laji", None, None, None, "", None,
                None, "pending", "", "[]", "编辑", "t", "t", "编辑", 1, None, None)]
        with pytest.raises(Exception), project.batch() as conn:  # noqa: B017 - any store error
            search.insert_tags_bulk(conn, bad, 1)
        assert project.query("SELECT type, name, sql FROM sqlite_master ORDER BY name") == schema


FULL = dict(end_ms=900, frame_pts=512, sub_problem_id="jing-canguan.hou-chu",
            county_id="xianggelila", township_id="xianggelila.jiantang", place="建塘镇",
            unit_id="shichang", severity=3, status="in_progress", note="后厨",
            stills=(Still(40, 512), Still(500, None)))


def _stored(path: Path, uuid: str) -> tuple:
    conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    try:
        return conn.execute(rows.TAG_SELECT + " WHERE t.uuid = ?", (uuid,)).fetchone()
    finally:
        conn.close()


def test_a_new_tag_is_stored_as_packed_from_one_package_or_several(office, tmp_path):
    laptop = office.laptop("a")
    with office.open(laptop, "李四") as project:
        uuid = project.add_tag(project.media()[0].id, 40, "jing-canguan", **FULL).select
    copy = tmp_path / "copy.shenpian"  # a second laptop that got the first one's file
    shutil.copy(laptop, copy)
    packed = _stored(laptop, uuid)
    for n, packages in enumerate([[laptop], [laptop, copy]]):
        master = tmp_path / f"m{n}.shenpian"
        shutil.copy(office.master, master)
        report = merge(master, [office.pack(p, "李四", f"{n}{p.stem}.pkg") for p in packages],
                       reviewer="编辑")
        assert report.added == (uuid,) and [s.added for s in report.packages] == [1] * (n + 1)
        assert _stored(master, uuid) == packed


def test_take_overs_written_a_few_at_a_time_reach_the_search_index(office, monkeypatch):
    monkeypatch.setattr(tags, "_UPDATES_PER_STATEMENT", 2)
    with office.open(office.master, "编辑") as project:
        media = project.media()[0].id
        base = [project.add_tag(media, 1000 * n, "qing-laji", note=f"原始记录{n}").select
                for n in range(5)]
    laptop = office.laptop("a")
    with office.open(laptop, "李四") as project:
        for n, uuid in enumerate(base):
            project.edit_tag(uuid, note=f"李四补充{n}", severity=2)
        project.delete_tag(base[4])
    report = merge(office.master, [office.pack(laptop, "李四")], reviewer="编辑")
    assert sorted(report.updated) == sorted(base)
    with Project.open(office.master, read_only=True) as project:
        assert [project.tag(u).note for u in base] == [f"李四补充{n}" for n in range(5)]
        assert all(project.tag(u).revision == 2 for u in base[:4]) and project.tag(base[4]).deleted
        found = {t.uuid for t in project.tags(search.TagFilter(text="李四补充"))}
        assert found == set(base[:4])  # the tombstone left the index with its note
        assert not project.tags(search.TagFilter(text="原始记录"))
        assert [e.action for e in project.audit_log()].count("merge-update") == 5


def test_duplicates_with_tags_already_here_and_not_with_tombstones(office):
    here = add_tag(office.master, "编辑", 10_000)
    a, b = office.laptop("a"), office.laptop("b")
    near_here = add_tag(a, "李四", 11_000)
    gone = add_tag(a, "李四", 50_000)
    with office.open(a, "李四") as project:
        project.delete_tag(gone)
    add_tag(b, "王五", 50_500)  # near a tag that arrives deleted: nothing to propose
    report = merge(office.master, [office.pack(a, "李四"), office.pack(b, "王五")],
                   reviewer="编辑")
    assert [(d.a.uuid, d.b.uuid) for d in report.duplicates] == [tuple(sorted((here, near_here)))]
    pair = report.duplicates[0]
    assert {pair.a.reviewer, pair.b.reviewer} == {"编辑", "李四"}


def add_tag(path: Path, who: str, at_ms: int) -> str:
    with Project.open(path, reviewer=who) as project:
        return project.add_tag(project.media()[0].id, at_ms, "qing-laji").select


def test_a_merge_leaves_the_collector_and_sqlite_adapters_as_it_found_them(office, monkeypatch):
    laptop = office.laptop("a")
    add_tag(laptop, "李四", 1000)
    package = office.pack(laptop, "李四")
    adapters = dict(sqlite3.adapters)
    assert gc.isenabled()
    merge(office.master, [package], reviewer="编辑")
    assert gc.isenabled() and sqlite3.adapters == adapters

    def boom(*args, **kwargs):
        raise OSError("disk pulled")

    monkeypatch.setattr(engine, "propose_duplicates", boom)
    with pytest.raises(OSError):
        merge(office.master, [package], reviewer="编辑")
    assert gc.isenabled() and sqlite3.adapters == adapters


def test_a_none_adapter_registered_elsewhere_is_kept(office, monkeypatch):
    key = (type(None), sqlite3.PrepareProtocol)
    mine = {}.get
    monkeypatch.setitem(sqlite3.adapters, key, mine)
    laptop = office.laptop("a")
    uuid = add_tag(laptop, "李四", 1000)
    merge(office.master, [office.pack(laptop, "李四")], reviewer="编辑")
    assert sqlite3.adapters[key] is mine
    assert _stored(office.master, uuid)[3] is None  # end_ms: NULL either way


def test_a_package_carries_every_row_and_nothing_derived(office, tmp_path):
    laptop = office.laptop("a")
    uuid = add_tag(laptop, "李四", 1000)
    with zipfile.ZipFile(office.pack(laptop, "李四")) as zf:
        (tmp_path / "p.sqlite").write_bytes(zf.read("project.sqlite"))
    packed = sqlite3.connect(tmp_path / "p.sqlite")
    original = sqlite3.connect(f"file:{laptop}?mode=ro", uri=True)
    try:
        kinds = {kind for (kind,) in packed.execute(
            "SELECT type FROM sqlite_master WHERE sql IS NOT NULL AND sql NOT LIKE 'CREATE TABLE%'")}
        assert kinds == set()  # no trigger, explicit index or search index
        tables = [n for (n,) in original.execute(
            "SELECT name FROM sqlite_master WHERE type = 'table' AND sql LIKE 'CREATE TABLE%' "
            "AND name NOT LIKE 'tags_fts%' AND name NOT LIKE 'tags_words%' "
            "AND name NOT LIKE 'sqlite_%' ORDER BY name")]  # statistics are derived too
        for table in tables:
            sql = f"SELECT * FROM {table} ORDER BY 1, 2"
            assert packed.execute(sql).fetchall() == original.execute(sql).fetchall(), table
        assert packed.execute("SELECT uuid FROM tags").fetchall() == [(uuid,)]
        assert packed.execute("PRAGMA user_version").fetchone() == \
            original.execute("PRAGMA user_version").fetchone()
    finally:
        packed.close()
        original.close()


def test_a_package_with_derived_data_merges_the_same(office, tmp_path, monkeypatch):
    """Packages made before the copy was stripped are read exactly as before."""
    laptop = office.laptop("a")
    for n in range(3):
        add_tag(laptop, "李四", 1000 * n)
    results = []
    for n, strip in enumerate([True, False]):
        if not strip:
            monkeypatch.setattr(pack_module, "_for_merging", _as_packed_before)
        master = tmp_path / f"m{n}.shenpian"
        shutil.copy(office.master, master)
        package = office.pack(laptop, "李四", f"p{n}.pkg")
        with zipfile.ZipFile(package) as zf:
            size = zf.getinfo("project.sqlite").file_size
        report = merge(master, [package], reviewer="编辑")
        assert len(report.added) == 3
        results.append((dump(master), size))
    (stripped, small), (full, big) = results
    assert stripped == full and small < big


def _as_packed_before(copy: Path) -> None:
    conn = sqlite3.connect(copy, isolation_level=None)
    conn.execute("PRAGMA journal_mode = DELETE")
    conn.close()
