"""A project made by an older version: read commands read an upgraded temporary copy and
say so once; the file is not changed until a command writes to it (after its backup)."""

from __future__ import annotations

import hashlib
import sqlite3
import tempfile
from pathlib import Path

import pytest

from reviewer.store import schema
from tests.cli.conftest import cli
from tests.store.test_migrations import make_fixture

OLDER = range(1, schema.SCHEMA_VERSION)


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def leftovers() -> set[str]:
    return {p.name for p in Path(tempfile.gettempdir()).glob("shenpian-upgraded-*")}


@pytest.fixture(params=OLDER, ids=[f"v{v}" for v in OLDER])
def old(request, tmp_path):
    path = tmp_path / "旧项目.shenpian"
    make_fixture(path, request.param)
    return path, request.param


@pytest.mark.parametrize("command", [["tags"], ["export", "-f", "csv", "-o", "{out}"],
                                     ["coverage"], ["redact", "status"], ["assess"]],
                         ids=["tags", "export", "coverage", "redact-status", "assess"])
def test_read_commands_read_an_upgraded_copy_and_leave_the_file(old, tmp_path, capsys, command):
    path, _version = old
    before, temps = digest(path), leftovers()
    args = [a.replace("{out}", str(tmp_path / "out.csv")) for a in command]
    verb = 2 if args[0] == "redact" else 1
    code, out, err = cli(capsys, *args[:verb], path, *args[verb:])
    assert code == 0, err
    assert err.count("\n") == 1 and "旧版本" in err and "文件本身未改动" in err and path.name in err
    assert digest(path) == before and not list(tmp_path.glob("*backup*"))
    assert leftovers() == temps  # the copy is gone once the command is done
    if args[0] == "tags":
        assert "旧版本里的垃圾堆放" in out
    if args[0] == "export":
        assert "旧版本里的垃圾堆放" in (tmp_path / "out.csv").read_text("utf-8-sig")


def test_the_notice_in_english(old, capsys):
    path, _ = old
    code, _, err = cli(capsys, "--lang", "en", "tags", path)
    assert code == 0 and err.count("\n") == 1
    assert "older version" in err and "The file itself was not changed" in err


def test_a_writing_command_upgrades_in_place_after_a_backup(old, capsys):
    path, version = old
    code, out, err = cli(capsys, "round", "add", path, "新的一期")
    assert code == 0 and err == "", err
    conn = sqlite3.connect(path)
    assert conn.execute("PRAGMA user_version").fetchone()[0] == schema.SCHEMA_VERSION
    conn.close()
    [backup] = path.parent.glob(f"旧项目.v{version}-backup-*.shenpian")
    kept = sqlite3.connect(backup)
    assert kept.execute("SELECT note FROM tags WHERE uuid = 't1'").fetchone()[0] == "旧版本里的垃圾堆放"
    kept.close()
    code, out, err = cli(capsys, "round", "list", path)  # now current: read directly, quietly
    assert code == 0 and err == "" and "新的一期" in out
