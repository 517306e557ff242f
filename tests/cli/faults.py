"""Helpers for the fault suite: the error contract as an assertion, and a real small disk.

A full disk is a real one: a tiny tmpfs mounted in a private user and mount namespace
(``unshare -rm``), so ENOSPC comes from the kernel, not from a monkeypatch. Where the
machine forbids user namespaces those tests skip; ``RLIMIT_FSIZE`` tests run everywhere.
"""

from __future__ import annotations

import hashlib
import json
import shutil
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
MAIN = ROOT / "main.py"


def one_line(code: int, err: str, *needles: str) -> str:
    """The contract: exit 2, exactly one line on stderr naming the cause, no traceback."""
    lines = err.strip().splitlines()
    assert code == 2, err
    assert len(lines) == 1, err
    assert "Traceback" not in err
    for needle in needles:
        assert needle in lines[0], lines[0]
    return lines[0]


def sha(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def main_py(*args: object, **kwargs: object) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, str(MAIN), *map(str, args)], capture_output=True,
                          text=True, encoding="utf-8", timeout=120, cwd=ROOT, **kwargs)


# Runs inside the namespace: mount a tmpfs of argv[2] bytes at argv[1], then the test's body.
_PRELUDE = textwrap.dedent("""
    import json, os, shutil, subprocess, sys
    from pathlib import Path
    disk = Path(sys.argv[1])
    subprocess.run(["mount", "-t", "tmpfs", "-o", f"size={sys.argv[2]}", "none", str(disk)],
                   check=True)
    args = json.loads(sys.argv[3])

    def cli(*argv):
        done = subprocess.run([sys.executable, MAIN, *map(str, argv)], capture_output=True,
                              text=True, encoding="utf-8")
        return {"code": done.returncode, "out": done.stdout, "err": done.stderr}

    def fill(leave=0):
        # Fill the disk, then give leave bytes back.
        with open(disk / "fill", "wb", buffering=0) as handle:
            try:
                while True:
                    handle.write(b"\\0" * 4096)
            except OSError:
                pass
        os.truncate(disk / "fill", max(0, (disk / "fill").stat().st_size - leave))

    def listing():
        return sorted(p.name for p in disk.iterdir())
""")


def on_small_disk(tmp_path: Path, body: str, size: str = "1m", **args: object) -> dict:
    """Run ``body`` (Python) with a fresh tmpfs of ``size`` at ``disk``; return what it prints
    as JSON. ``args`` arrive as the dict ``args``; ``cli(...)`` runs main.py."""
    if shutil.which("unshare") is None:
        pytest.skip("needs unshare for a small disk")
    disk = tmp_path / "disk"
    disk.mkdir()
    code = f"MAIN = {str(MAIN)!r}\n" + _PRELUDE + textwrap.dedent(body)
    done = subprocess.run(["unshare", "-rm", sys.executable, "-c", code, str(disk), size,
                           json.dumps(args, default=str)], capture_output=True, text=True,
                          encoding="utf-8", timeout=180, cwd=ROOT)
    if done.returncode and "Operation not permitted" in done.stderr:
        pytest.skip("user namespaces are not allowed here")
    assert done.returncode == 0, done.stderr
    return json.loads(done.stdout.strip().splitlines()[-1])
