"""Atomic output on a failing disk: one ExportError, no half file, no writer's scratch files,
and no "Exception ignored" traceback from a writer's file object closing later."""

from __future__ import annotations

import os
import subprocess
import sys
import textwrap

from reviewer.export import atomic, run
from reviewer.export.common import ExportOptions
from tests.export.conftest import ROOT

_FULL = textwrap.dedent("""
    import gc, resource, signal, sys
    from pathlib import Path
    from reviewer.export import run, selection, snapshot
    from reviewer.export.common import ExportError
    from reviewer.store.project import Project
    signal.signal(signal.SIGXFSZ, signal.SIG_IGN)
    with Project.open(sys.argv[1], read_only=True) as p:
        snap = snapshot.take(p, selection.Selection(), "zh_CN")
    resource.setrlimit(resource.RLIMIT_FSIZE, (16384, 16384))  # every write past 16 KiB fails
    out = Path(sys.argv[2])
    try:
        run.export(snap, sys.argv[3], out / ("x." + sys.argv[3]))
    except ExportError as exc:
        print(exc.message("en"))
    gc.collect()
    print(sorted(p.name for p in out.iterdir()))
""")


def test_a_writer_failing_mid_file_leaves_nothing_and_prints_no_traceback(demo, tmp_path):
    for fmt in ("xlsx", "pptx"):
        out = tmp_path / fmt
        out.mkdir()
        done = subprocess.run([sys.executable, "-c", _FULL, str(demo), str(out), fmt], cwd=ROOT,
                              capture_output=True, text=True, encoding="utf-8", timeout=120,
                              env={**os.environ, "PYTHONPATH": str(ROOT)})
        assert done.returncode == 0 and done.stderr == "", done.stderr
        refused, listing = done.stdout.strip().splitlines()
        assert refused.startswith("Writing failed") and f"x.{fmt}" in refused
        assert listing == "[]"


def test_a_long_target_name_still_gets_a_temporary_name(snap, tmp_path):
    target = tmp_path / ("长" * 80 + ".csv")  # 244 bytes: fits, its temporary sibling must too
    assert len(atomic.temp_name(target).name.encode()) <= 255
    result = run.export(snap, "csv", target, ExportOptions())
    assert result.files == (target,) and [p.name for p in tmp_path.iterdir()] == [target.name]
