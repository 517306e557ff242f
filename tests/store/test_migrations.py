"""Every earlier schema version is generated here and must upgrade with its data intact."""

import hashlib
import sqlite3

import pytest

from reviewer.codebook.io import default_codebook
from reviewer.store import codebook_rows, schema, words
from reviewer.store.errors import NewerSchemaError
from reviewer.store.project import Project
from reviewer.store.search import TagFilter

STAMP = "2026-11-01T08:00:00.000Z"


def make_fixture(path, version):
    """A project frozen at schema ``version`` with one footage file, a tag and a deleted tag."""
    conn = sqlite3.connect(path, isolation_level=None)
    words.register(conn)  # the search-index triggers of version 5 call it
    stop = schema.STEPS[version][0] if version < schema.SCHEMA_VERSION else None
    schema.upgrade(conn, stop_before=stop)
    conn.execute("BEGIN")
    conn.executemany("INSERT INTO project VALUES (?, ?)",
                     [("format", "shenpian-project"), ("id", "p1"), ("name", "旧项目")])
    codebook_rows.save(conn, default_codebook(), STAMP)
    conn.execute("INSERT INTO reviewers VALUES ('王五', ?)", (STAMP,))
    conn.execute("INSERT INTO media (id, name, size_bytes, head_tail_sha256, abs_path, duration_ms,"
                 " info, position, added_at, added_by) VALUES ('m1', 'a.mp4', 10, 'ab', '/x/a.mp4',"
                 " 1000, '{}', 0, ?, '王五')", (STAMP,))
    conn.execute("INSERT INTO tags (uuid, media_id, start_ms, category_id, note, reviewer, "
                 "created_at, updated_at, updated_by) VALUES ('t1', 'm1', 40, 'qing-laji', "
                 "'旧版本里的垃圾堆放', '王五', ?, ?, '王五')", (STAMP, STAMP))
    conn.execute("INSERT INTO tags (uuid, media_id, start_ms, category_id, note, reviewer, "
                 "created_at, updated_at, updated_by, deleted_at, deleted_by) VALUES ('t2', 'm1', "
                 "80, 'qing-laji', '删掉的垃圾', '王五', ?, ?, '王五', ?, '王五')",
                 (STAMP, STAMP, STAMP))
    conn.execute("COMMIT")
    conn.close()


@pytest.mark.parametrize("version", range(1, schema.SCHEMA_VERSION))
def test_older_versions_upgrade_after_a_backup(tmp_path, version):
    path = tmp_path / "old.shenpian"
    make_fixture(path, version)
    with Project.open(path, reviewer="张三") as project:
        assert project._conn.execute("PRAGMA user_version").fetchone()[0] == schema.SCHEMA_VERSION
        tag = project.tag("t1")
        assert tag.note == "旧版本里的垃圾堆放"
        # The search index built by a later step covers tags written before it.
        assert [t.uuid for t in project.tags(TagFilter(text="垃圾堆放"))] == ["t1"]
        # Tombstones written before step 6 left the search indexes; the counts come from them.
        for term in ("垃圾", "垃", "的垃圾"):
            assert project.count_tags(TagFilter(text=term)) == 1, term
            assert [t.uuid for t in project.tags(TagFilter(text=term), limit=5)] == ["t1"]
            assert [t.uuid for t in project.tags(TagFilter(text=term, deleted=True))] == ["t2"]
        project.edit_tag("t1", severity=2)
        assert project.audit_log("t1")[-1].action == "edit"
        project.delete_tag("t1")  # the upgraded triggers follow deletes and their undo
        assert project.count_tags(TagFilter(text="垃圾")) == 0
        project.undo()
        assert project.count_tags(TagFilter(text="垃圾")) == 1
    backups = list(tmp_path.glob(f"old.v{version}-backup-*.shenpian"))
    assert len(backups) == 1
    kept = sqlite3.connect(backups[0])
    assert kept.execute("PRAGMA user_version").fetchone()[0] == version
    assert kept.execute("SELECT note FROM tags").fetchone()[0] == "旧版本里的垃圾堆放"


def test_current_version_opens_without_backup(tmp_path):
    path = tmp_path / "cur.shenpian"
    make_fixture(path, schema.SCHEMA_VERSION)
    Project.open(path).close()
    assert not list(tmp_path.glob("*backup*"))


@pytest.mark.parametrize("how", ["user_version", "migration_name"])
def test_newer_schema_is_refused_untouched(tmp_path, how):
    path = tmp_path / "new.shenpian"
    Project.create(path).close()
    conn = sqlite3.connect(path, isolation_level=None)
    if how == "user_version":
        conn.execute(f"PRAGMA user_version = {schema.SCHEMA_VERSION + 1}")
    else:
        conn.execute("INSERT INTO _sqlite_migrations (migration_set, name, applied_at) "
                     "VALUES ('shenpian', '9999_future', 'x')")
    conn.close()
    digest = hashlib.sha256(path.read_bytes()).hexdigest()
    with pytest.raises(NewerSchemaError) as err:
        Project.open(path)
    assert "更新版本" in err.value.message() and "newer version" in err.value.message("en")
    assert hashlib.sha256(path.read_bytes()).hexdigest() == digest
    assert not list(tmp_path.glob("*backup*"))


@pytest.mark.parametrize("version", range(1, schema.SCHEMA_VERSION))
def test_older_versions_gain_the_merge_tables(tmp_path, version):
    path = tmp_path / "old.shenpian"
    make_fixture(path, version)
    with Project.open(path, reviewer="张三") as project:
        tables = {r[0] for r in project.query("SELECT name FROM sqlite_master WHERE type = 'table'")}
        assert {"merge_sources", "merge_seen", "merge_conflicts", "merge_duplicates",
                "merge_codebook"} <= tables
        # The tag written by the old version is untouched by the new step.
        assert project.tag("t1").revision == 1
        assert project.query("SELECT COUNT(*) FROM merge_seen") == [(0,)]


@pytest.mark.parametrize("version", range(1, schema.SCHEMA_VERSION))
def test_older_versions_become_one_round(tmp_path, version):
    """Step 0007: every tag (deleted ones too) joins one round; the campaign tables work."""
    path = tmp_path / "old.shenpian"
    make_fixture(path, version)
    conn = sqlite3.connect(path, isolation_level=None)
    conn.execute("DELETE FROM project WHERE key = 'codebook_rules'")  # as older versions saved
    conn.close()
    with Project.open(path, reviewer="张三") as project:
        [only] = project.rounds()
        assert (only.name, only.position, project.current_round().id) == ("第1期", 1, only.id)
        assert project.query("SELECT DISTINCT round_id FROM tags") == [(only.id,)]
        assert [t.uuid for t in project.tags(TagFilter(rounds=(only.id,)))] == ["t1"]
        # The code book saved before rules existed gets the default rules.
        assert project.codebook().rules.scoring.base == 100
        project.set_rectification("t1", measures="已清理")
        assert project.rectification("t1").measures == "已清理"
        project.add_round("第2期")
        added = project.add_tag("m1", 500, "qing-laji").select
        assert project.round_of(added).name == "第2期"
        assert project.round_of("t1").id == only.id


@pytest.mark.parametrize("version", range(1, schema.SCHEMA_VERSION))
def test_a_read_only_older_file_is_read_from_an_upgraded_copy(tmp_path, version):
    """Marked read-only (so the app cannot upgrade it): every tag readable, both reasons told,
    the file and its folder untouched."""
    import os
    import stat

    from reviewer.store.errors import ReadOnlyFileNotice, UpgradedCopyNotice

    path = tmp_path / "old.shenpian"
    make_fixture(path, version)
    digest = hashlib.sha256(path.read_bytes()).hexdigest()
    os.chmod(path, stat.S_IRUSR | stat.S_IRGRP)
    try:
        with Project.open(path, reviewer="张三") as project:
            assert project.read_only and project.tag("t1").note == "旧版本里的垃圾堆放"
            assert [type(n) for n in project.notices] == [ReadOnlyFileNotice, UpgradedCopyNotice]
            scratch = project._scratch
            assert scratch is not None and scratch.is_dir()
        assert not scratch.exists()
    finally:
        os.chmod(path, stat.S_IRUSR | stat.S_IWUSR)
    assert hashlib.sha256(path.read_bytes()).hexdigest() == digest
    assert sorted(p.name for p in tmp_path.iterdir()) == ["old.shenpian"]
