"""The fault and hostile-input suite (issue #13): every expected failure is ONE line naming
the file and the cause, exit 2, no traceback, and the project afterwards is byte-identical
(when the command must not write it) or intact (same tags and footage).

Each test says which case of the issue it covers.
"""

from __future__ import annotations

import json
import os
import shutil
import signal
import subprocess
import sys
from pathlib import Path

import cv2
import numpy as np
import pytest

from reviewer.media import synth
from reviewer.store.project import Project
from tests.cli.conftest import cli
from tests.cli.faults import MAIN, ROOT, main_py, on_small_disk, one_line, sha

LONG = "长" * 30 + "a" * 250  # 340 bytes in UTF-8: longer than any file system allows


@pytest.fixture
def project(tmp_path, demo):
    path = tmp_path / "第5期.shenpian"
    shutil.copy(demo, path)
    return path


@pytest.fixture(scope="module")
def video(demo):
    return sorted((demo.parent / "演示_素材").glob("*.mp4"))[0]


@pytest.fixture
def out(tmp_path):
    folder = tmp_path / "out"
    folder.mkdir()
    return folder


def state(path):
    """What "intact" means: the same tags (every field) and the same footage."""
    with Project.open(path, read_only=True) as opened:
        return [t.to_dict() for t in opened.tags()], [m.name for m in opened.media()]


def jpeg(path):
    ok, data = cv2.imencode(".jpg", np.full((32, 32, 3), 200, np.uint8))
    path.write_bytes(data.tobytes())
    return path


# --- read-only and immutable project files --------------------------------------------


def test_read_only_project_file_refuses_writes_reads_fine(project, video, capsys):
    """Case: a read-only project file (exit 70 before)."""
    project.chmod(0o444)
    before = sha(project)
    code, _, err = cli(capsys, "tag", "add", project, video.name, "--at", "1", "--category",
                       "qing-laji")
    one_line(code, err, "只读", project.name)
    code, out, err = cli(capsys, "tags", project)
    assert code == 0 and "共 12 个标记" in out and err == ""
    assert sha(project) == before
    assert not project.with_name(project.name + ".lock").exists()


@pytest.fixture
def immutable(project):
    if shutil.which("chattr") is None:
        pytest.skip("needs chattr")
    if subprocess.run(["chattr", "+i", str(project)], capture_output=True).returncode:
        pytest.skip("cannot make a file immutable here (needs root on ext4/xfs)")
    yield project
    subprocess.run(["chattr", "-i", str(project)], check=True)


def test_immutable_project_file_refuses_writes_reads_fine(immutable, video, capsys):
    """Case: an immutable project file (chattr +i; exit 70 before)."""
    before = sha(immutable)
    code, _, err = cli(capsys, "add-media", immutable, video)
    one_line(code, err, "不可修改", immutable.name)
    book = immutable.parent / "v2.json"
    doc = json.loads((ROOT / "resources/codebooks/default.json").read_text("utf-8"))
    book.write_text(json.dumps(doc | {"version": 2}), encoding="utf-8")
    code, _, err = cli(capsys, "--lang", "en", "codebook", "import", immutable, book)
    one_line(code, err, "read-only or immutable", immutable.name)
    code, out, _ = cli(capsys, "tags", immutable, "--json")
    assert code == 0 and len(json.loads(out)) == 12
    assert sha(immutable) == before


# --- not a project: a JPEG, a truncated file ------------------------------------------

COMMANDS = {
    "tags": ["tags", "{p}"],
    "export": ["export", "{p}", "-f", "csv", "-o", "{out}"],
    "pack": ["pack", "{p}", "-o", "{out}/p.pkg"],
    "codebook export": ["codebook", "export", "{p}", "{out}/book.json"],
}


@pytest.mark.parametrize("command", COMMANDS)
@pytest.mark.parametrize(("damage", "needle"), [("jpeg", "不是审片项目文件"), ("truncated", "已损坏")])
def test_commands_on_a_jpeg_or_truncated_project(project, out, capsys, command, damage, needle):
    """Case: tags/export/pack/codebook export on a JPEG or a truncated project."""
    if damage == "jpeg":
        jpeg(project)
    else:
        data = project.read_bytes()
        project.write_bytes(data[: len(data) // 2])
    before = sha(project)
    args = [a.format(p=project, out=out) for a in COMMANDS[command]]
    code, _, err = cli(capsys, *args)
    one_line(code, err, needle, project.name)
    assert sha(project) == before and list(out.iterdir()) == []


# --- full disks ---------------------------------------------------------------------


def test_xlsx_export_to_a_full_disk_leaves_nothing(tmp_path, demo):
    """Case: xlsx export to a full disk (exit 70, a stray traceback, leftover tmpXXXX files)."""
    result = on_small_disk(tmp_path, """
        fill(leave=24 * 1024)
        done = cli("export", args["project"], "-f", "xlsx", "-o", disk / "台账.xlsx")
        print(json.dumps(done | {"files": listing()}))
    """, size="128k", project=demo)
    one_line(result["code"], result["err"], "磁盘已满", "台账.xlsx")
    assert result["files"] == ["fill"]


def test_xlsx_export_past_the_file_size_limit_leaves_nothing(demo, out):
    """Case: the same through RLIMIT_FSIZE (runs where namespaces are not allowed)."""
    resource = pytest.importorskip("resource")

    def limit():
        signal.signal(signal.SIGXFSZ, signal.SIG_IGN)
        resource.setrlimit(resource.RLIMIT_FSIZE, (16 * 1024, 16 * 1024))

    done = subprocess.run([sys.executable, str(MAIN), "export", str(demo), "-f", "xlsx", "-o",
                           str(out / "台账.xlsx")], capture_output=True, text=True,
                          encoding="utf-8", timeout=120, preexec_fn=limit)
    one_line(done.returncode, done.stderr, "台账.xlsx")
    assert list(out.iterdir()) == []


def test_add_media_on_a_full_disk(tmp_path, demo, video):
    """Case: add-media on a full disk (exit 70 before); the project stays intact."""
    result = on_small_disk(tmp_path, """
        shutil.copy(args["project"], disk / "p.shenpian")
        fill()
        done = cli("add-media", disk / "p.shenpian", args["video"])
        tags = cli("tags", disk / "p.shenpian", "--json")
        print(json.dumps(done | {"tags": len(json.loads(tags["out"])), "files": listing()}))
    """, size="1m", project=demo, video=synth_video(tmp_path))
    one_line(result["code"], result["err"], "磁盘已满", "p.shenpian")
    assert result["tags"] == 12
    assert result["files"] == ["fill", "p.shenpian"]  # no lock file, no journal left


def synth_video(tmp_path):
    path = tmp_path / "新视频.mp4"
    synth.write(synth.Spec(width=160, height=120, frames=10, label="n"), path)
    return path


# --- ledger-import ----------------------------------------------------------------


def _ledger(kind, tmp_path, demo_copy):
    path = tmp_path / {"jpeg": "台账.jpg", "empty": "台账.xlsx", "truncated": "台账.xlsx",
                       "csv_without_ids": "台账.csv", "renamed_jpeg": "台账.csv"}[kind]
    if kind in ("jpeg", "renamed_jpeg"):
        return jpeg(path)
    if kind == "empty":
        path.write_bytes(b"")
    elif kind == "truncated":
        assert run_cli("export", demo_copy, "-f", "xlsx", "-o", tmp_path / "full.xlsx") == 0
        path.write_bytes((tmp_path / "full.xlsx").read_bytes()[:5000])
    else:
        path.write_text("序号,类别\n1,清垃圾\n", encoding="utf-8")
    return path


def run_cli(*args):
    from reviewer.cli import run

    return run([str(a) for a in args])


@pytest.mark.parametrize(("kind", "needle"), [
    ("jpeg", "不是台账文件"),
    ("renamed_jpeg", "不是台账文件"),
    ("empty", "空的"),
    ("truncated", "不完整"),
    ("csv_without_ids", "缺少“标记ID”列"),
])
def test_ledger_import_refuses_what_is_no_ledger(project, tmp_path, capsys, kind, needle):
    """Case: ledger-import of a JPEG, an empty or a truncated file (exit 70 before)."""
    ledger = _ledger(kind, tmp_path, project)
    capsys.readouterr()
    before = sha(project)
    code, _, err = cli(capsys, "ledger-import", project, ledger)
    one_line(code, err, needle, ledger.name)
    assert sha(project) == before


def test_ledger_import_reads_our_own_csv_export(project, tmp_path, capsys):
    """Case: ledger-import of the tool's own CSV export (exit 70 before): it now works."""
    ledger = tmp_path / "台账.csv"
    assert cli(capsys, "export", project, "-f", "csv", "-o", ledger)[0] == 0
    text = ledger.read_text("utf-8-sig").replace("待整改", "已整改", 1)
    ledger.write_text(text, encoding="utf-8-sig")
    code, out, _ = cli(capsys, "ledger-import", project, ledger)
    assert code == 0 and "更新整改状态 1 个" in out
    code, out, _ = cli(capsys, "ledger-import", project, ledger)
    assert code == 0 and "没有变化" in out


# --- hostile code books ---------------------------------------------------------


@pytest.mark.parametrize(("content", "needle"), [
    ("version=1e30", "version"),
    ("version=10**30", "version"),
    ("deep", "嵌套"),
])
def test_hostile_code_books(project, tmp_path, capsys, content, needle):
    """Case: a code book with version 1e30 or 100,000-deep JSON (exit 70 before)."""
    book = tmp_path / "代码本.json"
    if content == "deep":
        book.write_text("[" * 100_000 + "]" * 100_000, encoding="utf-8")
    else:
        doc = json.loads((ROOT / "resources/codebooks/default.json").read_text("utf-8"))
        doc["version"] = 1e30 if content.endswith("1e30") else 10**30
        book.write_text(json.dumps(doc), encoding="utf-8")
    before = sha(project)
    code, _, err = cli(capsys, "codebook", "import", project, book)
    one_line(code, err, needle, book.name)
    assert sha(project) == before


# --- numbers at the argument parser -----------------------------------------------


@pytest.mark.parametrize("args", [
    ["tags", "{p}", "--from", "nan"],
    ["tags", "{p}", "--to", "inf"],
    ["tags", "{p}", "--severity", "9"],
    ["export", "{p}", "-f", "clips", "--handles", "1e308", "-o", "{out}"],
    ["export", "{p}", "-f", "reel", "--height", "99999", "-o", "{out}"],
    ["demo", "{out}/演示", "--seconds", "inf"],
    ["frame", "{v}", "--at", "nan", "-o", "{out}/f.png"],
    ["frame", "{v}", "--at", "1e308", "-o", "{out}/f.png"],
    ["tag", "add", "{p}", "{v.name}", "--at", "-inf", "--category", "qing-laji"],
])
def test_numbers_are_checked_at_the_parser(project, video, out, capsys, args):
    """Case: --from nan, --handles 1e308, --seconds inf (and their kin)."""
    before = sha(project)
    args = [a.format(p=project, v=video, out=out) for a in args]
    flag = next(a for a in args if a.startswith("--"))
    code, _, err = cli(capsys, *args)
    one_line(code, err, flag)
    assert sha(project) == before and list(out.iterdir()) == []


@pytest.mark.parametrize("args", [
    ["export", "{p}", "-f", "csv", "-o", "{out}/{long}.csv"],
    ["frame", "{v}", "--at", "1", "-o", "{out}/{long}.png"],
    ["codebook", "export", "{p}", "{out}/{long}.json"],
])
def test_a_300_character_output_name(project, video, out, capsys, args):
    """Case: a 300-character output name (exit 70 before)."""
    args = [a.format(p=project, v=video, out=out, long=LONG) for a in args]
    code, _, err = cli(capsys, *args)
    one_line(code, err, "过长")
    assert list(out.iterdir()) == []


# --- locking --------------------------------------------------------------------


def test_a_lock_path_that_is_a_directory(project, video, capsys):
    """Case: a lock path that is a directory (exit 70 before): the lock is on the project
    file, so the command simply works and the folder is left alone."""
    (project.parent / (project.name + ".lock")).mkdir()
    code, out, err = cli(capsys, "tag", "add", project, video.name, "--at", "0.5", "--category",
                         "qing-laji")
    assert code == 0 and "已添加标记" in out and err == ""
    assert len(state(project)[0]) == 13
    assert (project.parent / (project.name + ".lock")).is_dir()


def test_no_lock_file_stays_after_any_command(tmp_path, video, capsys):
    """Case: a 0-byte .lock stayed after every command."""
    path = tmp_path / "p.shenpian"
    assert cli(capsys, "new", tmp_path / "p")[0] == 0
    assert cli(capsys, "add-media", "--reviewer", "张三", path, video)[0] == 0
    assert cli(capsys, "tag", "add", path, video.name, "--at", "1", "--category", "qing-laji")[0] == 0
    assert cli(capsys, "tags", path)[0] == 0
    assert cli(capsys, "export", path, "-f", "csv", "-o", tmp_path / "l.csv")[0] == 0
    assert sorted(p.name for p in tmp_path.iterdir()) == ["l.csv", "p.shenpian"]


# --- output ---------------------------------------------------------------------


def test_tags_json_into_a_closed_pipe(project):
    """Case: tags --json | head (BrokenPipeError, exit 70 before)."""
    child = subprocess.Popen([sys.executable, str(MAIN), "tags", str(project), "--json"],
                             stdout=subprocess.PIPE, stderr=subprocess.PIPE, cwd=ROOT)
    child.stdout.close()  # the reader is gone before the first byte is written
    err = child.stderr.read().decode("utf-8")
    one_line(child.wait(timeout=60), err, "管道")


def test_frame_at_nan_is_refused_and_the_end_time_is_accepted(footage, out):
    """Cases: frame --at nan wrote the last frame with exit 0; frame refused the end time
    that probe reports."""
    case = footage.small
    info = json.loads(main_py("probe", case.path, "--json").stdout)
    result = main_py("frame", case.path, "--at", "nan", "-o", out / "nan.png")
    one_line(result.returncode, result.stderr, "--at", "nan")
    end = info["duration_ms"] / 1000
    result = main_py("frame", case.path, "--at", f"{end:.3f}", "-o", out / "end.png")
    assert result.returncode == 0, result.stderr
    image = cv2.imread(str(out / "end.png"))
    assert synth.read_barcode(image) == case.frames - 1
    result = main_py("frame", case.path, "--at", f"{end + 0.001:.3f}", "-o", out / "past.png")
    one_line(result.returncode, result.stderr, "超出视频长度", case.path.name)
    assert sorted(p.name for p in out.iterdir()) == ["end.png"]


@pytest.mark.parametrize(("name", "magic"), [("画面.jpg", b"\xff\xd8\xff"), ("画面.JPEG", b"\xff\xd8\xff"),
                                             ("画面.png", b"\x89PNG")])
def test_frame_writes_the_format_its_name_says(footage, out, name, magic):
    """Case: -o x.jpg wrote PNG data."""
    result = main_py("frame", footage.small.path, "--at", "#3", "-o", out / name)
    assert result.returncode == 0, result.stderr
    assert (out / name).read_bytes().startswith(magic)
    image = cv2.imdecode(np.frombuffer((out / name).read_bytes(), np.uint8), cv2.IMREAD_COLOR)
    assert synth.read_barcode(image) == 3


def test_frame_refuses_an_unknown_picture_suffix(footage, out, capsys):
    code, _, err = cli(capsys, "frame", footage.small.path, "--at", "0", "-o", out / "画面.bmp")
    one_line(code, err, ".bmp", "画面.bmp")
    assert list(out.iterdir()) == []


def test_stats_output_name_decides_or_is_refused(project, out, capsys):
    """Case: export --format stats -o stats.xlsx silently wrote stats.csv + stats.png."""
    code, _, err = cli(capsys, "export", project, "-f", "stats", "-o", out / "stats.xlsx")
    one_line(code, err, ".csv", "stats.xlsx")
    assert list(out.iterdir()) == []
    code, stdout, _ = cli(capsys, "export", project, "-f", "stats", "-o", out / "统计.csv")
    assert code == 0 and "统计.csv" in stdout and "统计.png" not in stdout  # the table only
    assert [p.name for p in out.iterdir()] == ["统计.csv"]
    code, _, err = cli(capsys, "export", project, "-f", "xlsx", "-o", out / "台账.csv")
    one_line(code, err, "xlsx", "台账.csv")


# --- footage paths that are no file ---------------------------------------------


@pytest.fixture(params=["device", "pipe", "folder", "loop"])
def not_a_file(request, tmp_path):
    if request.param == "device":
        return Path("/dev/zero"), "设备"
    path = tmp_path / f"{request.param}.mp4"
    if request.param == "pipe":
        os.mkfifo(path)
        return path, "管道"
    if request.param == "folder":
        path.mkdir()
        return path, "文件夹"
    path.symlink_to(path)
    return path, "循环"


def test_probe_and_add_media_say_what_the_path_really_is(not_a_file, project, capsys):
    """Case: probe/add-media on /dev/zero, a FIFO, a directory or a symlink loop said
    "file not found"."""
    path, word = not_a_file
    code, _, err = cli(capsys, "probe", path)
    assert "找不到文件" not in one_line(code, err, word, path.name)
    before = state(project)
    code, _, err = cli(capsys, "add-media", project, path)
    one_line(code, err, word, path.name)
    assert state(project) == before


# --- crash-left WAL on read-only media --------------------------------------------


def test_crash_left_wal_on_read_only_media_shows_every_tag(tmp_path, demo):
    """Case: a crash-left WAL on read-only media showed 1,080 of 1,110 tags with exit 0."""
    source = tmp_path / "src" / "p.shenpian"
    source.parent.mkdir()
    shutil.copy(demo, source)
    left = tmp_path / "left"
    left.mkdir()
    writer = Project.open(source, reviewer="张三")
    media = writer.media()[0].id
    for i in range(40):
        writer.add_tag(media, i * 20, "qing-laji", note=f"只在日志里 {i}")
    for name in ("p.shenpian", "p.shenpian-wal"):  # what a crash leaves: the file and its log
        shutil.copy(source.parent / name, left / name)
    writer.close()
    result = on_small_disk(tmp_path, """
        for f in Path(args["left"]).iterdir():
            shutil.copy(f, disk / f.name)
        subprocess.run(["mount", "-o", "remount,ro", str(disk)], check=True)
        tags = cli("tags", disk / "p.shenpian", "--json")
        media = json.loads(tags["out"])[0]["media_name"]
        write = cli("tag", "add", disk / "p.shenpian", media, "--at", "0", "--category", "qing-laji")
        print(json.dumps({"tags": tags, "write": write, "files": listing()}))
    """, size="4m", left=left)
    tags = result["tags"]
    assert tags["code"] == 0 and len(json.loads(tags["out"])) == 52
    assert len(tags["err"].strip().splitlines()) == 1 and "临时文件夹" in tags["err"]
    one_line(result["write"]["code"], result["write"]["err"], "只读", "p.shenpian")
    assert result["files"] == ["p.shenpian", "p.shenpian-wal"]


# --- a real bug: exit 70, traceback in the log only --------------------------------


def test_a_bug_exits_70_with_the_traceback_in_the_log(project, capsys, monkeypatch, tmp_path):
    from reviewer.cli import store_commands

    def broken(args, ctx):
        return 1 // 0

    monkeypatch.setattr(store_commands, "cmd_tags", broken)
    monkeypatch.setenv("SHENPIAN_LOG_DIR", str(tmp_path / "日志"))
    code, _, err = cli(capsys, "tags", project)
    line = err.strip()
    assert code == 70 and len(err.strip().splitlines()) == 1 and "Traceback" not in err
    assert "内部错误" in line and "ZeroDivisionError" in line
    log = tmp_path / "日志" / "cli-errors.log"
    assert str(log) in line
    text = log.read_text("utf-8")
    assert "Traceback" in text and "1 // 0" in text and "tags" in text


def test_errors_python_would_print_itself_go_to_the_log(project, capsys, monkeypatch, tmp_path):
    """An exception in a destructor or a thread during a command never reaches the screen."""
    import threading

    from reviewer.cli import store_commands

    real = store_commands.cmd_tags

    class Dropped:
        def __del__(self):
            raise OSError(28, "No space left on device")

    def noisy(args, ctx):
        Dropped()
        worker = threading.Thread(target=lambda: 1 // 0)
        worker.start()
        worker.join()
        return real(args, ctx)

    monkeypatch.setattr(store_commands, "cmd_tags", noisy)
    monkeypatch.setenv("SHENPIAN_LOG_DIR", str(tmp_path))
    code, _, err = cli(capsys, "tags", project)
    assert code == 0 and err == ""
    text = (tmp_path / "cli-errors.log").read_text("utf-8")
    assert "No space left" in text and "ZeroDivisionError" in text
