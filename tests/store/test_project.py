import sqlite3
from dataclasses import replace

import pytest

from reviewer.store.errors import (
    InvalidEditError,
    NotAProjectError,
    ProjectExistsError,
    ProjectReadOnlyError,
    UnknownTagError,
)
from reviewer.store.model import Still
from reviewer.store.project import Project


def test_new_project_is_durable_single_file(tmp_path):
    path = tmp_path / "p.shenpian"
    with Project.create(path, reviewer="张三") as project:
        conn = project._conn
        assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
        assert conn.execute("PRAGMA synchronous").fetchone()[0] == 2  # FULL
        assert conn.execute("PRAGMA foreign_keys").fetchone()[0] == 1
        assert project.meta()["format"] == "shenpian-project"
        assert len(project.codebook().categories) == 7
    # Closed cleanly: no -wal/-shm left, the file alone is the project.
    assert not (tmp_path / "p.shenpian-wal").exists()
    with pytest.raises(ProjectExistsError):
        Project.create(path)


def test_add_edit_delete_return_changes_and_persist(project, media_id):
    added = project.add_tag(media_id, 1234, "qing-laji", frame_pts=15795, county_id="deqin",
                            note="垃圾乱堆")
    uuid = added.select
    assert added.tags == {uuid}
    tag = project.tag(uuid)
    assert (tag.start_ms, tag.end_ms, tag.frame_pts, tag.reviewer) == (1234, None, 15795, "张三")
    edited = project.edit_tag(uuid, end_ms=2000, severity=2)
    assert edited.tags == {uuid} and project.tag(uuid).revision == 2
    assert project.edit_tag(uuid, severity=2).empty  # no change, nothing written
    project.delete_tag(uuid)
    gone = project.tag(uuid)
    assert gone.deleted_by == "张三" and gone.deleted_at
    assert project.tags() == []
    assert [t.uuid for t in project.tags(_deleted())] == [uuid]
    actions = [e.action for e in project.audit_log(uuid)]
    assert actions == ["add", "edit", "delete"]


def _deleted():
    from reviewer.store.search import TagFilter

    return TagFilter(deleted=True)


def test_undo_redo_unlimited_and_merged_steps(project, media_id):
    uuid = project.add_tag(media_id, 0, "sao-cesuo").select
    project.edit_tag(uuid, note="脏")
    project.edit_tag(uuid, note="脏乱")  # typing: merged with the add into one step
    second = project.add_tag(media_id, 500, "qin-xishou").select
    project.edit_tag(second, severity=1)
    project.edit_tag(second, status="rectified")
    project.undo()
    assert project.tag(second).status == "pending"
    project.undo()
    project.undo()
    assert project.tag(second).deleted
    project.undo()
    assert project.tag(uuid).deleted and not project.can_undo()
    project.redo()
    assert not project.tag(uuid).deleted and project.tag(uuid).note == "脏乱"
    project.redo()
    project.redo()
    project.redo()
    assert project.tag(second).status == "rectified" and not project.can_redo()
    project.undo()
    project.edit_tag(second, place="保和镇")  # a new edit clears redo
    assert not project.can_redo()


def test_changing_category_rechecks_sub_problem(project, media_id):
    uuid = project.add_tag(media_id, 0, "qing-laji", sub_problem_id="qing-laji.luan-dui").select
    with pytest.raises(InvalidEditError) as err:
        project.edit_tag(uuid, category_id="sao-cesuo")
    assert "具体问题" in err.value.message("zh_CN")
    project.edit_tag(uuid, category_id="sao-cesuo", sub_problem_id="sao-cesuo.fen-wu")


@pytest.mark.parametrize(
    ("fields", "word"),
    [
        ({"category_id": "nope"}, "类别"),
        ({"severity": 4}, "严重程度"),
        ({"status": "done"}, "整改状态"),
        ({"end_ms": 10}, "结束时间"),
        ({"township_id": "weixi.baohe", "county_id": "deqin"}, "乡镇"),
        ({"note": "坏\ud800字"}, "无效字符"),
        ({"colour": "red"}, "未知字段"),
    ],
)
def test_invalid_edits_are_refused_and_not_queued(project, media_id, fields, word):
    fields = {"category_id": "qing-laji", **fields}
    category = fields.pop("category_id")
    with pytest.raises(InvalidEditError) as err:
        project.add_tag(media_id, 100, category, **fields)
    assert word in err.value.message()
    assert project.pending == () and project.tags() == []


def test_awkward_notes_round_trip(project, media_id, tmp_path):
    notes = ["x" * 1_000_000, "a\x00b", "第一行\r\n第二行", "🚮🧻 emoji", "=HYPERLINK(\"x\")"]
    uuids = [project.add_tag(media_id, i, "qing-laji", note=n).select for i, n in enumerate(notes)]
    path = project.path
    project.close()
    with Project.open(path) as again:
        assert [again.tag(u).note for u in uuids] == notes


def test_stills_and_every_field_survive_reopen(project, media_id):
    uuid = project.add_tag(
        media_id, 40, "jing-canguan", end_ms=900, frame_pts=512,
        sub_problem_id="jing-canguan.hou-chu", county_id="xianggelila",
        township_id="xianggelila.jiantang", place="建塘镇", unit_id="shichang", severity=3,
        status="in_progress", note="后厨", stills=(Still(40, 512), Still(500, None))).select
    before = project.tag(uuid)
    path = project.path
    project.close()
    with Project.open(path) as again:
        assert again.tag(uuid) == before
        assert again.missing_fields(before) == ()


def test_unknown_tag_and_foreign_file(project, tmp_path):
    with pytest.raises(UnknownTagError):
        project.edit_tag("00000000-0000-0000-0000-000000000000", note="x")
    other = tmp_path / "other.db"
    sqlite3.connect(other).execute("CREATE TABLE t (x)").connection.commit()
    with pytest.raises(NotAProjectError):
        Project.open(other)
    junk = tmp_path / "junk.shenpian"
    junk.write_bytes(b"\x89PNG not a database at all" * 100)
    with pytest.raises(NotAProjectError) as err:
        Project.open(junk)
    assert "不是审片项目文件" in err.value.message()


def test_second_instance_is_read_only_and_names_the_holder(project, media_id):
    uuid = project.add_tag(media_id, 0, "qing-laji").select
    with Project.open(project.path, reviewer="李四") as second:
        assert second.read_only
        text = second.read_only_reason.message("zh_CN")
        assert "张三" in text and "只读" in text and "起" in text
        assert "in use by 张三" in second.read_only_reason.message("en")
        assert [t.uuid for t in second.tags()] == [uuid]  # it can still read
        with pytest.raises(ProjectReadOnlyError):
            second.add_tag(media_id, 5, "qing-laji")
        project.edit_tag(uuid, note="写入者继续写")
        assert second.tag(uuid).note == "写入者继续写"
    with pytest.raises(ProjectReadOnlyError):
        Project.open(project.path, read_only=True).delete_tag(uuid)


def test_lock_is_released_on_close(tmp_path):
    path = tmp_path / "p.shenpian"
    Project.create(path).close()
    with Project.open(path) as first:
        assert not first.read_only
    with Project.open(path) as again:
        assert not again.read_only


def test_replace_keeps_tags_frozen(project, media_id):
    tag = project.tag(project.add_tag(media_id, 0, "qing-laji").select)
    with pytest.raises(AttributeError):
        tag.note = "x"
    assert replace(tag, note="y").note == "y"
