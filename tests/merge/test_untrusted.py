"""Packages from other laptops are untrusted: refused with a reason, or read without running anything."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from reviewer.media import synth
from reviewer.merge import errors
from reviewer.merge.engine import merge
from reviewer.merge.package import open_package
from reviewer.merge.untrusted import open_read_only, set_defensive
from reviewer.store import schema
from reviewer.store.project import Project
from tests.merge.helpers import dump, rewrite


@pytest.fixture
def package(office):
    laptop = office.laptop("a")
    with office.open(laptop, "李四") as project:
        media = project.media()[0].id
        for n in range(3):
            project.add_tag(media, 1000 * n, "qing-laji", note=f"第{n}条")
    return office.pack(laptop, "李四")


def refused(office, path, kind):
    before = dump(office.master, audit=True)
    with pytest.raises(kind) as err:
        merge(office.master, [path], reviewer="编辑")
    assert dump(office.master, audit=True) == before
    zh, en = err.value.message(), err.value.message("en")
    assert path.name in zh and path.name in en and zh != en
    return zh, en


def test_truncated_package(office, package, tmp_path):
    cut = tmp_path / "cut.pkg"
    cut.write_bytes(package.read_bytes()[: package.stat().st_size * 6 // 10])
    zh, en = refused(office, cut, errors.TruncatedPackageError)
    assert "不完整" in zh and "incomplete" in en


def test_not_a_package(office, tmp_path):
    junk = tmp_path / "junk.pkg"
    junk.write_bytes(b"hello" * 100)
    refused(office, junk, errors.NotAPackageError)


def test_tampered_database(office, package, tmp_path):
    def edit(conn):
        conn.execute("UPDATE tags SET note = '改过'")

    forged = rewrite(package, tmp_path / "forged.pkg", db=edit, fix_checksums=False)
    zh, en = refused(office, forged, errors.TamperedPackageError)
    assert "校验" in zh and "checksum" in en


def test_tampered_manifest(office, package, tmp_path):
    def fewer(doc):
        doc["tags"] -= 1

    refused(office, rewrite(package, tmp_path / "m.pkg", manifest=fewer, fix_checksums=False),
            errors.TamperedPackageError)
    # A forger who recomputes the checksums still cannot make the counts disagree.
    refused(office, rewrite(package, tmp_path / "c.pkg", manifest=fewer),
            errors.TamperedPackageError)


def test_newer_schema_in_manifest(office, package, tmp_path):
    def newer(doc):
        doc["schema_version"] = schema.SCHEMA_VERSION + 1

    zh, en = refused(office, rewrite(package, tmp_path / "n.pkg", manifest=newer),
                     errors.NewerPackageError)
    assert "更新版本" in zh and "newer version" in en


def test_newer_schema_in_database(office, package, tmp_path):
    def newer(conn):
        conn.execute("INSERT INTO _sqlite_migrations (migration_set, name, applied_at) "
                     "VALUES ('shenpian', '9999_future', 'x')")

    refused(office, rewrite(package, tmp_path / "n.pkg", db=newer), errors.NewerPackageError)


def test_corrupt_database(office, package, tmp_path):
    def corrupt(conn):
        path = conn.execute("PRAGMA database_list").fetchone()[2]
        conn.close()
        data = bytearray(Path(path).read_bytes())
        page = 4096
        for offset in range(page * 2, len(data) - page, page):
            data[offset + 8: offset + 200] = b"\xff" * 192
        Path(path).write_bytes(bytes(data))

    refused(office, rewrite(package, tmp_path / "bad.pkg", db=corrupt), errors.CorruptPackageError)


@pytest.mark.parametrize("table", ["tags", "audit"])
def test_a_view_posing_as_a_table_we_read_is_refused(office, package, tmp_path, table):
    def view(conn):
        conn.execute(f"ALTER TABLE {table} RENAME TO {table}_real")
        conn.execute(f"CREATE VIEW {table} AS SELECT * FROM {table}_real")

    zh, en = refused(office, rewrite(package, tmp_path / "v.pkg", db=view),
                     errors.HostilePackageError)
    assert table in en and "view" in en


def test_hostile_triggers_views_and_paths_are_never_used(office, package, tmp_path):
    def hostile(conn):
        conn.executescript("""
            CREATE TRIGGER wipe AFTER UPDATE ON tags BEGIN DELETE FROM tags; END;
            CREATE TRIGGER wipe_insert AFTER INSERT ON tags BEGIN DELETE FROM tags; END;
            CREATE TRIGGER wipe_media BEFORE DELETE ON media BEGIN DELETE FROM tags; END;
            CREATE VIEW evil AS SELECT * FROM tags;
            UPDATE media SET name = '..\\..\\x.mp4', abs_path = '\\\\attacker\\share\\x.mp4',
                rel_path = '../../../etc/passwd';
        """)

    forged = rewrite(package, tmp_path / "hostile.pkg", db=hostile)
    loaded = open_package(forged)
    assert all(m.abs_path == "" and m.rel_path is None for m in loaded.media)
    report = merge(office.master, [forged], reviewer="编辑")
    assert len(report.added) == 3
    conn = sqlite3.connect(office.master)
    names = {r[0] for r in conn.execute("SELECT name FROM sqlite_master")}
    paths = conn.execute("SELECT abs_path, rel_path FROM media").fetchall()
    conn.close()
    assert not {"wipe", "wipe_insert", "wipe_media", "evil"} & names
    assert all("attacker" not in a and "passwd" not in (r or "") for a, r in paths)


def test_packed_footage_with_a_traversal_name_lands_in_the_footage_folder(office, tmp_path):
    clip = tmp_path / "新素材.mp4"
    synth.write(synth.Spec(width=96, height=64, frames=8, label="z"), clip)
    laptop = tmp_path / "own.shenpian"
    with Project.create(laptop, reviewer="李四") as project:
        media = project.add_media(clip).select
        project.add_tag(media, 100, "qing-laji")
    conn = sqlite3.connect(laptop)
    conn.execute("UPDATE media SET name = '..\\..\\x.mp4'")
    conn.commit()
    conn.close()
    package = office.pack(laptop, "李四", include_footage=True)
    folder = tmp_path / "footage_out"
    report = merge(office.master, [package], reviewer="编辑", footage_dir=folder)
    assert [p for p in report.footage_extracted] == [str(folder / "x.mp4")]
    assert sorted(p.name for p in tmp_path.rglob("x.mp4")) == ["x.mp4"]
    with Project.open(office.master, read_only=True) as project:
        added = project.media_by_id(report.media_added[0])
        assert added.name == "x.mp4" and project.locate(added) == (folder / "x.mp4").resolve()


def test_new_footage_without_the_file_is_added_offline(office, tmp_path):
    clip = tmp_path / "新素材.mp4"
    synth.write(synth.Spec(width=96, height=64, frames=8, label="y"), clip)
    laptop = tmp_path / "own.shenpian"
    with Project.create(laptop, reviewer="李四") as project:
        project.add_media(clip)
    report = merge(office.master, [office.pack(laptop, "李四")], reviewer="编辑")
    with Project.open(office.master, read_only=True) as project:
        added = project.media_by_id(report.media_added[0])
        assert added.abs_path == "" and not added.online and project.locate(added) is None


def test_database_is_opened_read_only_and_defensive(package, tmp_path):
    import zipfile

    copy = tmp_path / "p.sqlite"
    copy.write_bytes(zipfile.ZipFile(package).read("project.sqlite"))
    conn = open_read_only(copy, package)
    assert conn.execute("PRAGMA trusted_schema").fetchone()[0] == 0
    assert conn.execute("PRAGMA query_only").fetchone()[0] == 1
    assert set_defensive(conn)
    with pytest.raises(sqlite3.OperationalError):
        conn.execute("DELETE FROM tags")
    conn.close()
