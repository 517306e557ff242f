"""Faults a reviewer's laptop meets: full disks, read-only media, crashes, damage, shares."""

import os
import random
import shutil
import signal
import subprocess
import sys
import textwrap
import time
from collections import deque
from pathlib import Path

import pytest

from reviewer.store import location
from reviewer.store.errors import CorruptProjectError, DiskFullError, NotAProjectError
from reviewer.store.project import Project

ROOT = Path(__file__).resolve().parents[2]
KILL_RUNS = int(os.environ.get("SHENPIAN_KILL_RUNS", "50"))
_KILL_PREFETCH = 3  # writers started ahead, waiting to open the project


def test_disk_full_keeps_edits_in_outbox_and_retries(project, media_id):
    conn = project._conn
    pages = conn.execute("PRAGMA page_count").fetchone()[0]
    conn.execute(f"PRAGMA max_page_count = {pages + 3}")
    saved, failure = [], None
    for i in range(50):
        try:
            saved.append(project.add_tag(media_id, i, "qing-laji", note="满" * 4000).select)
        except DiskFullError as exc:
            failure = exc
            break
    assert failure is not None and "磁盘已满" in failure.message()
    assert len(project.pending) == 1
    # A later edit queues behind the failed one, in order; nothing is dropped.
    with pytest.raises(DiskFullError):
        project.add_tag(media_id, 999, "sao-cesuo", note="第二个")
    assert len(project.pending) == 2
    assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    conn.execute("PRAGMA max_page_count = 1073741823")
    changes = project.retry_pending()
    assert len(changes.tags) == 2 and project.pending == ()
    assert len(project.tags()) == len(saved) + 2


def test_close_refuses_to_drop_pending_edits(project, media_id):
    conn = project._conn
    conn.execute(f"PRAGMA max_page_count = {conn.execute('PRAGMA page_count').fetchone()[0]}")
    with pytest.raises(DiskFullError):
        project.add_tag(media_id, 0, "qing-laji", note="x" * 20000)
    with pytest.raises(DiskFullError):
        project.close()
    conn.execute("PRAGMA max_page_count = 1073741823")
    project.close()
    with Project.open(project.path) as again:
        assert len(again.tags()) == 1


def test_corrupted_project_is_refused(project, media_id):
    for i in range(200):
        project.add_tag(media_id, i, "qing-laji", note=f"第{i}条" * 20)
    path = project.path
    project.close()
    data = bytearray(path.read_bytes())
    page = 4096
    data[page * 3: page * 3 + 2000] = os.urandom(2000)
    path.write_bytes(bytes(data))
    with pytest.raises((CorruptProjectError, NotAProjectError)) as err:
        Project.open(path)
    assert err.value.message("en")


def test_network_share_gives_a_warning(tmp_path, monkeypatch):
    path = tmp_path / "p.shenpian"
    Project.create(path).close()
    monkeypatch.setattr(location, "read_mounts", lambda: [("/", "ext4"), (str(tmp_path), "cifs")])
    with Project.open(path) as project:
        assert [w.kind for w in project.warnings] == ["network"]
        assert "网络共享" in project.warnings[0].message()
    monkeypatch.setattr(location, "read_mounts", lambda: [("/", "ext4")])
    with Project.open(path) as project:
        assert project.warnings == ()


def test_url_and_unc_paths_are_refused_before_any_access():
    from reviewer.store.errors import NotLocalProjectError

    for bad in ("http://127.0.0.1:1/p.shenpian", r"\\host\share\p.shenpian", "//host/p.shenpian"):
        with pytest.raises(NotLocalProjectError):
            Project.open(bad)


_WRITER = textwrap.dedent("""
    import sys
    from reviewer.store.project import Project
    sys.stdin.readline()  # started ahead of its turn: open only once the last writer is dead
    project = Project.open(sys.argv[1], reviewer="进程")
    media = project.media()[0].id
    print("ready", flush=True)
    i = 0
    while True:
        uuid = project.add_tag(media, i, "qing-laji", note="第%d条 垃圾" % i).select
        print(uuid, flush=True)  # acknowledged only after the commit returned
        i += 1
""")


def test_kill_9_never_loses_an_acknowledged_tag(project):
    path = project.path
    project.close()
    acknowledged: list[str] = []
    rng = random.Random(1234)

    def spawn() -> subprocess.Popen:
        return subprocess.Popen([sys.executable, "-c", _WRITER, str(path)], cwd=ROOT,
                                stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True)

    # Starting Python and importing the store takes ~0.4 s, longer than a run's
    # writing, so the next few writers start and import while this one writes. Each
    # opens the project only when told, after the previous writer was killed: what
    # a run checks is unchanged, only the waiting for interpreters overlaps.
    queue = deque(spawn() for _ in range(min(_KILL_PREFETCH, KILL_RUNS)))
    started = len(queue)
    try:
        for _ in range(KILL_RUNS):
            child = queue[0]
            child.stdin.write("go\n")
            child.stdin.flush()
            assert child.stdout.readline().strip() == "ready"
            if started < KILL_RUNS:
                queue.append(spawn())
                started += 1
            time.sleep(rng.uniform(0.0, 0.15))
            child.send_signal(signal.SIGKILL)
            out, _ = child.communicate(timeout=10)
            queue.popleft()
            acknowledged += [line for line in out.split("\n") if len(line) == 36]
    finally:
        for leftover in queue:  # only after a failure
            if leftover.poll() is None:
                leftover.kill()
            leftover.communicate(timeout=10)
    with Project.open(path) as after:
        assert not after.read_only  # the lock died with its holder
        assert after._conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        stored = {t.uuid for t in after.tags()}
    missing = [u for u in acknowledged if u not in stored]
    print(f"kill -9 runs: {KILL_RUNS}, acknowledged tags: {len(acknowledged)}, lost: {len(missing)}")
    assert acknowledged and not missing


_HOLDER = textwrap.dedent("""
    import sys
    from reviewer.store.project import Project
    project = Project.open(sys.argv[1], reviewer="王五")
    project.add_tag(project.media()[0].id, 7, "sao-cesuo", note="另一进程写的")
    print("ready", flush=True)
    sys.stdin.readline()
    project.close()
""")


def test_two_processes_one_writer(project):
    path = project.path
    project.close()
    child = subprocess.Popen([sys.executable, "-c", _HOLDER, str(path)], cwd=ROOT,
                             stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True)
    try:
        assert child.stdout.readline().strip() == "ready"
        with Project.open(path, reviewer="张三") as second:
            assert second.read_only
            assert second.read_only_reason.holder.pid == child.pid
            assert "王五" in second.read_only_reason.message()
            assert [t.note for t in second.tags()] == ["另一进程写的"]
    finally:
        child.communicate("\n", timeout=10)
    with Project.open(path) as again:
        assert not again.read_only


_READ_ONLY = textwrap.dedent("""
    import shutil, subprocess, sys
    from pathlib import Path
    from reviewer.store.project import Project
    from reviewer.store.errors import ProjectReadOnlyError
    mount, source = Path(sys.argv[1]), Path(sys.argv[2])
    subprocess.run(["mount", "-t", "tmpfs", "none", str(mount)], check=True)
    shutil.copy(source, mount / source.name)
    subprocess.run(["mount", "-o", "remount,ro", str(mount)], check=True)
    with Project.open(mount / source.name) as project:
        assert project.read_only, "should be read-only"
        print(project.read_only_reason.kind, len(project.tags()))
        try:
            project.add_tag(project.media()[0].id, 0, "qing-laji")
        except ProjectReadOnlyError as exc:
            print(exc.message())
""")


@pytest.mark.skipif(shutil.which("unshare") is None, reason="needs unshare for a read-only mount")
def test_read_only_location_opens_read_only(project, media_id, tmp_path):
    project.add_tag(media_id, 0, "qing-laji", note="只读介质上的标记")
    project.close()
    mount = tmp_path / "ro"
    mount.mkdir()
    result = subprocess.run(["unshare", "-rm", sys.executable, "-c", _READ_ONLY, str(mount),
                             str(project.path)], cwd=ROOT, capture_output=True, text=True,
                            timeout=30)
    if "Operation not permitted" in result.stderr and result.returncode:
        pytest.skip("user namespaces are not allowed here")
    assert result.returncode == 0, result.stderr
    lines = result.stdout.splitlines()
    assert lines[0] == "read_only_location 1"
    assert "只读" in lines[1]
