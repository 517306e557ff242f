"""One writer, held by an OS lock on the project file itself (ADR 0009); read-only states."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from reviewer.store import lock
from reviewer.store.errors import (
    ProjectReadOnlyError,
    ReadOnlyFileNotice,
    WalCopyNotice,
    WalUnreadableError,
)
from reviewer.store.project import Project

ROOT = Path(__file__).resolve().parents[2]

_HOLDER = textwrap.dedent("""
    import sys
    from reviewer.store.project import Project
    project = Project.open(sys.argv[1], reviewer="王五")
    print("ready", project.read_only, flush=True)
    sys.stdin.readline()
    project.close()
""")


@pytest.fixture
def held(project):
    """The project held open for writing by another process."""
    path = project.path
    project.close()
    child = subprocess.Popen([sys.executable, "-c", _HOLDER, str(path)], cwd=ROOT,
                             stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True)
    try:
        assert child.stdout.readline().split() == ["ready", "False"]
        yield path
    finally:
        child.communicate("\n", timeout=30)


@pytest.mark.skipif(not lock.LOCKS_PROJECT_FILE, reason="macOS/BSD lock PROJECT.lock (ADR 0009)")
def test_a_deleted_lock_file_admits_no_second_writer(held):
    holder_file = lock.lock_path(held)
    assert json.loads(holder_file.read_text("utf-8"))["user"] == "王五"
    holder_file.unlink()
    with Project.open(held, reviewer="张三") as second:
        assert second.read_only and second.read_only_reason.kind == "in_use"
        assert "另一程序" in second.read_only_reason.message()
        with pytest.raises(ProjectReadOnlyError):
            second.add_tag(second.media()[0].id, 0, "qing-laji")
    assert not holder_file.exists()  # the reader never writes one


def test_the_holder_is_named_and_its_file_goes_at_a_clean_close(held):
    with Project.open(held) as second:
        assert "王五" in second.read_only_reason.message()


def test_no_lock_file_after_a_clean_close(tmp_path):
    path = tmp_path / "p.shenpian"
    with Project.create(path) as project:
        assert lock.lock_path(path).is_file()  # names the holder while it is open
        assert not project.read_only
    assert sorted(p.name for p in tmp_path.iterdir()) == ["p.shenpian"]


def test_two_opens_in_one_process_one_writer(project):
    """An open-file-description lock conflicts within a process too, unlike a POSIX lock."""
    with Project.open(project.path, reviewer="李四") as second:
        assert second.read_only
    with Project.open(project.path, read_only=True) as reader:
        reader.tags()
    # Closing other descriptors of the file (the reader above) must not drop the lock.
    with Project.open(project.path, reviewer="李四") as third:
        assert third.read_only


def test_a_folder_in_place_of_the_lock_file_changes_nothing(tmp_path):
    path = tmp_path / "p.shenpian"
    Project.create(path).close()
    lock.lock_path(path).mkdir()
    with Project.open(path, reviewer="张三") as project:
        assert not project.read_only
    assert lock.lock_path(path).is_dir()


def test_the_locked_byte_is_one_sqlite_never_touches():
    pending = 0x40000000
    assert pending + 512 <= lock.LOCK_BYTE < pending + 1024  # past SQLite's locks, in its page


def test_a_read_only_file_opens_read_only_with_a_notice(project, media_id):
    project.add_tag(media_id, 0, "qing-laji")
    path = project.path
    project.close()
    path.chmod(0o444)
    try:
        with Project.open(path) as opened:
            assert opened.read_only and isinstance(opened.read_only_reason, ReadOnlyFileNotice)
            assert opened.notices == (opened.read_only_reason,)
            assert "只读" in opened.notices[0].message() and len(opened.tags()) == 1
    finally:
        path.chmod(0o644)


_READ_ONLY_MEDIA = textwrap.dedent("""
    import json, os, shutil, subprocess, sys, tempfile
    from pathlib import Path
    from reviewer.store.project import Project
    from reviewer.store.errors import StoreError
    mount, left, scratch = Path(sys.argv[1]), Path(sys.argv[2]), Path(sys.argv[3])
    subprocess.run(["mount", "-t", "tmpfs", "none", str(mount)], check=True)
    for f in left.iterdir():
        shutil.copy(f, mount / f.name)
    subprocess.run(["mount", "-o", "remount,ro", str(mount)], check=True)
    with Project.open(mount / "p.shenpian") as project:
        seen = {"tags": len(project.tags()), "kind": project.read_only_reason.kind,
                "copy": str(project._scratch)}
    seen["copy_left"] = Path(seen["copy"]).exists()
    # A temporary folder with no room: refused, never shown partly.
    subprocess.run(["mount", "-t", "tmpfs", "-o", "size=8k", "none", str(scratch)], check=True)
    tempfile.tempdir = str(scratch)
    try:
        Project.open(mount / "p.shenpian", read_only=True)
    except StoreError as exc:
        seen["refused"] = exc.kind
    print(json.dumps(seen))
""")


def test_crash_left_wal_on_read_only_media(project, media_id, tmp_path):
    for i in range(30):
        project.add_tag(media_id, i, "qing-laji", note=f"日志里的第 {i} 个")
    left = tmp_path / "left"
    left.mkdir()
    for name in ("第5期.shenpian", "第5期.shenpian-wal"):
        shutil.copy(project.path.parent / name, left / name.replace("第5期", "p"))
    mount, scratch = tmp_path / "ro", tmp_path / "scratch"
    mount.mkdir()
    scratch.mkdir()
    done = subprocess.run(["unshare", "-rm", sys.executable, "-c", _READ_ONLY_MEDIA, str(mount),
                           str(left), str(scratch)], cwd=ROOT, capture_output=True, text=True,
                          timeout=60)
    if done.returncode and "Operation not permitted" in done.stderr:
        pytest.skip("user namespaces are not allowed here")
    assert done.returncode == 0, done.stderr
    seen = json.loads(done.stdout)
    assert seen["tags"] == 30 and seen["kind"] == WalCopyNotice.kind
    assert not seen["copy_left"]
    assert seen["refused"] == WalUnreadableError.kind
