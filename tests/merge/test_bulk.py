"""The fast paths of a big merge give exactly what the plain ones gave (issue #6 timing work)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from reviewer.merge import tag_rows
from reviewer.merge.engine import merge
from reviewer.merge.errors import InvalidPackageError
from reviewer.store import rows, search
from reviewer.store.model import Still, Tag
from reviewer.store.project import Project

ROW = ("u1", "m1", 5, 9, 77, "c", "s", None, "tw", '地方 "q"\n', None, 2, "pending", "记录\\x",
       "[[5, null], [7, 123]]", "李四", "2026-01-01T00:00:00.000Z", "2026-01-02T00:00:00.000Z",
       "李四", 3, None, None)


def test_tags_from_rows_equal_to_the_dataclass():
    tag, = tag_rows.tags_from_rows([ROW], Path("p"))
    expected = Tag(*ROW[:14], (Still(5, None), Still(7, 123)), *ROW[15:])
    assert tag == expected and hash(tag) == hash(expected) and repr(tag) == repr(expected)


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
        tag_rows.tags_from_rows([good, tuple(bad)], Path("p"))
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
