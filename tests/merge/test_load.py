"""Reading several packages: one thread checks ahead while another reads rows.

A refusal or a cancel must still raise the first problem in the order given,
leave the master untouched and leave no private copy behind.
"""

from __future__ import annotations

import tempfile
from pathlib import Path

import pytest

from reviewer.merge import errors
from reviewer.merge.engine import merge
from tests.merge.helpers import dump


@pytest.fixture
def private_tmp(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Where the merge's private copies go, so the test can see what is left."""
    folder = tmp_path / "private"
    folder.mkdir()
    monkeypatch.setattr(tempfile, "tempdir", str(folder))
    return folder


def _packages(office, count: int) -> list[Path]:
    found = []
    for n in range(count):
        laptop = office.laptop(f"l{n}")
        with office.open(laptop, f"审{n}") as project:
            project.add_tag(project.media()[0].id, 1000 * n, "qing-laji", note=f"第{n}条")
        found.append(office.pack(laptop, f"审{n}"))
    return found


def test_first_refusal_in_the_order_given_and_no_copy_left(office, tmp_path, private_tmp):
    good = _packages(office, 4)
    junk = tmp_path / "junk.pkg"
    junk.write_bytes(b"hello" * 100)
    cut = tmp_path / "cut.pkg"
    cut.write_bytes(good[0].read_bytes()[: good[0].stat().st_size * 6 // 10])
    before = dump(office.master, audit=True)
    with pytest.raises(errors.NotAPackageError):
        merge(office.master, [good[0], good[1], junk, cut, good[2], good[3]], reviewer="编辑")
    with pytest.raises(errors.TruncatedPackageError):
        merge(office.master, [good[0], cut, junk, good[1]], reviewer="编辑")
    assert dump(office.master, audit=True) == before
    assert list(private_tmp.iterdir()) == []


def test_cancel_while_reading_leaves_no_copy(office, private_tmp):
    packages = _packages(office, 5)
    before = dump(office.master, audit=True)
    seen: list[int] = []
    with pytest.raises(errors.MergeCancelledError):
        merge(office.master, packages, reviewer="编辑", progress=lambda done, _: seen.append(done),
              cancelled=lambda: len(seen) >= 2)
    assert dump(office.master, audit=True) == before
    assert list(private_tmp.iterdir()) == []


def test_all_packages_read_in_order(office, private_tmp):
    packages = _packages(office, 5)
    report = merge(office.master, packages, reviewer="编辑")
    assert len(report.added) == 5
    assert sorted(s.path for s in report.packages) == sorted(str(p) for p in packages)
    assert list(private_tmp.iterdir()) == []
