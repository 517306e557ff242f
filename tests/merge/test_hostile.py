"""Hostile packages through the command line: one line, exit 2, nothing written.

One test per case of docs/package-threat-model.md. Each refusal must leave
the master byte for byte as it was, no file beside it, no private copy in
the temporary folder, and (for the bombs) far less written than the bomb
would expand to.
"""

from __future__ import annotations

import hashlib
import os
import shutil
import sqlite3
import subprocess
import sys
import tempfile
import zipfile
from pathlib import Path

import pytest

from reviewer.cli import run
from reviewer.media import synth
from reviewer.merge import limits, tag_rows
from reviewer.merge.pack import DB_MEMBER
from reviewer.store.project import Project
from tests.merge import hostile
from tests.merge.helpers import rewrite

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture
def private_tmp(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    folder = tmp_path / "private"
    folder.mkdir()
    monkeypatch.setattr(tempfile, "tempdir", str(folder))
    return folder


@pytest.fixture
def package(office) -> Path:
    laptop = office.laptop("a")
    with office.open(laptop, "李四") as project:
        media = project.media()[0].id
        for n in range(3):
            project.add_tag(media, 1000 * n, "qing-laji", note=f"第{n}条")
    return office.pack(laptop, "李四")


def cli(capsys, *args) -> tuple[int, str, str]:
    code = run([str(a) for a in args])
    out, err = capsys.readouterr()
    return code, out, err


def refused(capsys, office, private_tmp, bad: Path, *words: str, lang: str = "en") -> str:
    """Merge ``bad`` into the master: one line naming it, exit 2, nothing written anywhere."""
    master = office.master
    before, beside = master.read_bytes(), sorted(master.parent.iterdir())
    code, out, err = cli(capsys, "--lang", lang, "merge", master, bad)
    assert (code, out) == (2, ""), err
    assert err.count("\n") == 1 and "Traceback" not in err and bad.name in err
    assert all(word in err for word in words), err
    assert master.read_bytes() == before
    assert sorted(master.parent.iterdir()) == beside  # no restore point, footage or lock
    assert list(private_tmp.iterdir()) == []
    return err


def _written() -> int | None:
    try:
        text = Path("/proc/self/io").read_text()
    except OSError:
        return None
    return int(next(line.split()[1] for line in text.splitlines() if line.startswith("wchar")))


# --- zip bombs and oversize members ---------------------------------------------------

def test_a_database_bomb_is_refused_by_its_ratio_before_writing(capsys, office, private_tmp,
                                                                 package, tmp_path):
    bomb = hostile.database_bomb(package, tmp_path / "bomb.pkg", zero_mib=256)
    assert bomb.stat().st_size < 1024 * 1024
    start = _written()
    err = refused(capsys, office, private_tmp, bomb, "safety limit", "project.sqlite",
                  "compressed")
    assert "nothing was written" in err
    if start is not None:
        assert _written() - start < 50 * 1024 * 1024


def test_a_member_larger_than_its_cap_is_refused(capsys, office, private_tmp, package,
                                                 tmp_path, monkeypatch):
    # A member nothing reads, of random (incompressible) bytes: refused by size alone.
    padded = tmp_path / "padded.pkg"
    shutil.copy(package, padded)
    with zipfile.ZipFile(padded, "a") as zf:
        zf.writestr("extra.bin", os.urandom(2 * 1024 * 1024))
    refused(capsys, office, private_tmp, padded, "extra.bin", "2.0 MiB > 1.0 MiB")
    monkeypatch.setattr(limits, "LIMITS", limits.Limits(database_bytes=64 * 1024))
    refused(capsys, office, private_tmp, package, "project.sqlite", "> 0.1 MiB")


def test_more_zip_members_than_allowed_are_refused_before_reading_the_directory(
        capsys, office, private_tmp, package, tmp_path, monkeypatch):
    crowded = tmp_path / "crowded.pkg"
    shutil.copy(package, crowded)
    with zipfile.ZipFile(crowded, "a") as zf:
        for n in range(20):
            zf.writestr(f"junk/{n}", b"x")
    monkeypatch.setattr(limits, "LIMITS", limits.Limits(members=10))
    refused(capsys, office, private_tmp, crowded, "23 members > 10")


# --- rows and text ----------------------------------------------------------------------

def test_too_many_tags_are_refused_from_the_manifest(capsys, office, private_tmp, package,
                                                     monkeypatch):
    monkeypatch.setattr(limits, "LIMITS", limits.Limits(tags=2))
    refused(capsys, office, private_tmp, package, "tags 3 > 2")


def test_a_manifest_understating_the_rows_is_refused_before_any_row_is_read(
        capsys, office, private_tmp, package, tmp_path, monkeypatch):
    def many(conn):
        first = conn.execute("SELECT * FROM tags LIMIT 1").fetchone()
        names = [r[1] for r in conn.execute("PRAGMA table_info(tags)")]
        extra = [dict(zip(names, first, strict=True), id=None, uuid=f"extra-{n:04d}")
                 for n in range(500)]
        conn.execute("BEGIN")
        conn.executemany(f"INSERT INTO tags ({', '.join(names)}) VALUES "
                         f"({', '.join('?' for _ in names)})", [[r[k] for k in names] for r in extra])
        conn.execute("COMMIT")

    forged = rewrite(package, tmp_path / "forged.pkg", db=many)  # manifest still says 3

    def never(*args):
        raise AssertionError("rows were read")

    monkeypatch.setattr(tag_rows, "validate", never)
    refused(capsys, office, private_tmp, forged, "altered (counts)")


def test_a_huge_note_is_refused_naming_the_tag(capsys, office, private_tmp, package, tmp_path):
    def huge(conn):
        conn.execute("UPDATE tags SET note = ? WHERE id = (SELECT MAX(id) FROM tags)",
                     ("长" * (tag_rows.TEXT_LIMIT + 1),))

    forged = rewrite(package, tmp_path / "huge.pkg", db=huge)
    uuid = _last_uuid(forged)
    refused(capsys, office, private_tmp, forged, "invalid data", f"tag {uuid[:40]}")


def test_too_much_text_in_all_is_refused_before_reading_it(capsys, office, private_tmp, package,
                                                          monkeypatch):
    monkeypatch.setattr(limits, "LIMITS", limits.Limits(text_chars=10))
    refused(capsys, office, private_tmp, package, "text characters")


def test_history_beyond_its_cap_is_refused(capsys, office, private_tmp, package, monkeypatch):
    monkeypatch.setattr(limits, "LIMITS", limits.Limits(history_rows=2))
    refused(capsys, office, private_tmp, package, "history rows")


def test_json_nested_thousands_deep_is_refused(capsys, office, private_tmp, package, tmp_path):
    deep = b"[" * 100_000 + b"]" * 100_000
    db, _ = hostile.members_of(package)
    nested = hostile.write_zip(tmp_path / "deep.pkg", [
        hostile.deflated(DB_MEMBER, db), hostile.deflated("manifest.json", deep),
        hostile.stored("manifest.sha256", hashlib.sha256(deep).hexdigest().encode())])
    refused(capsys, office, private_tmp, nested, "Not a reviewer package")

    def stills(conn):
        conn.execute("UPDATE tags SET stills = ?", ("[" * 50_000 + "]" * 50_000,))

    refused(capsys, office, private_tmp, rewrite(package, tmp_path / "stills.pkg", db=stills),
            "invalid data", "stills")


def _last_uuid(package: Path) -> str:
    copy = package.with_suffix(".sqlite")
    copy.write_bytes(zipfile.ZipFile(package).read(DB_MEMBER))
    conn = sqlite3.connect(copy)
    uuid = conn.execute("SELECT uuid FROM tags ORDER BY id DESC LIMIT 1").fetchone()[0]
    conn.close()
    copy.unlink()
    return uuid


# --- footage ------------------------------------------------------------------------------

def test_a_footage_bomb_is_refused_before_a_byte_of_it_is_written(capsys, office, private_tmp,
                                                                  package, tmp_path):
    bomb = hostile.footage_bomb(package, tmp_path / "footage-bomb.pkg", 256,
                                lambda db, entry: hostile.media_row(db, entry, tmp_path))
    start = _written()
    refused(capsys, office, private_tmp, bomb, "footage/0000.mp4", "compressed")
    assert not list(tmp_path.rglob("*.part"))
    if start is not None:
        assert _written() - start < 50 * 1024 * 1024


@pytest.fixture
def with_footage(office, tmp_path) -> Path:
    clip = tmp_path / "新素材.mp4"
    synth.write(synth.Spec(width=96, height=64, frames=8, label="z"), clip)
    laptop = tmp_path / "own.shenpian"
    with Project.create(laptop, reviewer="李四") as project:
        media = project.add_media(clip).select
        project.add_tag(media, 100, "qing-laji")
    return office.pack(laptop, "李四", include_footage=True)


def test_footage_over_its_cap_is_refused(capsys, office, private_tmp, with_footage, monkeypatch):
    monkeypatch.setattr(limits, "LIMITS", limits.Limits(footage_bytes=1024))
    refused(capsys, office, private_tmp, with_footage, "footage/0000.mp4", "> 0.0 MiB")


def test_footage_larger_than_the_free_space_is_refused(capsys, office, private_tmp, with_footage,
                                                       monkeypatch):
    from reviewer.merge import footage

    # As if the disk had a few bytes too few for the clip: it needs this much free besides.
    monkeypatch.setattr(footage, "_SPARE", shutil.disk_usage(office.master.parent).free)
    refused(capsys, office, private_tmp, with_footage, "Not enough space")


# --- text shown from a package ---------------------------------------------------------------

_EVIL_NAME = "李四\x1b[2J\n伪造的一行\u202egpj.exe"
_EVIL_HOST = "host\r\u2066x"


def test_control_and_bidi_characters_are_escaped_in_the_report(capsys, office, tmp_path):
    laptop = office.laptop("evil")
    with office.open(laptop, _EVIL_NAME) as project:
        media = project.media()[0].id
        project.add_tag(media, 10, "qing-laji", note="x")
    package = office.pack(laptop, _EVIL_NAME)
    with_host = rewrite(package, tmp_path / "evil.pkg",
                        manifest=lambda doc: doc.update(host=_EVIL_HOST))
    code, out, err = cli(capsys, "merge", office.master, with_host)
    assert code == 0 and err == ""
    for bad in ("\x1b", "\r", "\u202e", "\u2066"):
        assert bad not in out
    assert "\\x1b[2J\\x0a伪造的一行\\u202egpj.exe" in out and "host\\x0d\\u2066x" in out
    assert not any(line.startswith("伪造") for line in out.splitlines())


def test_control_characters_in_a_refusal_are_escaped(capsys, office, private_tmp, package,
                                                     tmp_path):
    def evil_id(conn):
        conn.execute("PRAGMA foreign_keys = OFF")
        conn.execute("UPDATE tags SET uuid = 'a\x1b[31m\u202eb' WHERE id = "
                     "(SELECT MAX(id) FROM tags)")

    err = refused(capsys, office, private_tmp, rewrite(package, tmp_path / "id.pkg", db=evil_id),
                  "invalid data", "a\\x1b[31m\\u202eb")
    assert "\x1b" not in err and "\u202e" not in err


# --- a full temporary folder -----------------------------------------------------------------

_FULL_TMP = """
import subprocess, sys
folder, lang, *argv = sys.argv[1:]
subprocess.run(["mount", "-t", "tmpfs", "-o", "size=64k", "none", folder], check=True)
done = subprocess.run([sys.executable, "main.py", "--lang", lang, *argv], capture_output=True,
                      text=True, env={"TMPDIR": folder, "PATH": "/usr/bin:/bin",
                                      "QT_QPA_PLATFORM": "offscreen"})
print(done.returncode)
print(done.stdout, end="")
print(done.stderr, end="", file=sys.stderr)
"""


def _with_full_tmp(tmp_path: Path, lang: str, *argv: object) -> tuple[int, str, str]:
    if shutil.which("unshare") is None:
        pytest.skip("needs unshare for a small temporary folder")
    folder = tmp_path / "small-tmp"
    folder.mkdir(exist_ok=True)
    done = subprocess.run(["unshare", "-rm", sys.executable, "-c", _FULL_TMP, str(folder), lang,
                           *map(str, argv)], cwd=ROOT, capture_output=True, text=True,
                          timeout=60)
    if done.returncode and "Operation not permitted" in done.stderr:
        pytest.skip("user namespaces are not allowed here")
    code, _, out = done.stdout.partition("\n")
    return int(code), out, done.stderr


def test_pack_and_merge_with_a_full_temporary_folder(office, package, tmp_path):
    laptop = office.laptop("b")
    with office.open(laptop, "王五") as project:
        project.add_tag(project.media()[0].id, 2000, "qing-laji", note="大" * 100_000)
    out_package = tmp_path / "b.pkg"
    code, out, err = _with_full_tmp(tmp_path, "zh_CN", "pack", laptop, "-o", out_package)
    assert (code, out) == (2, "") and err.count("\n") == 1 and "Traceback" not in err
    assert "临时文件夹空间不足" in err and laptop.name in err and not out_package.exists()
    before = office.master.read_bytes()
    shutil.copy(package, tmp_path / "big.pkg")
    code, out, err = _with_full_tmp(tmp_path, "en", "merge", office.master, tmp_path / "big.pkg")
    assert (code, out) == (2, "") and err.count("\n") == 1 and "Traceback" not in err
    assert "temporary folder is full" in err and "big.pkg" in err
    assert office.master.read_bytes() == before
