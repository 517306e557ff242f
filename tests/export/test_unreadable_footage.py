"""Exports never call an online file offline.

"视频离线" is only said of a file that is not there. A file that is there but fails to
read (a damaged stretch, a refused read, not a video after all) is reported as
unreadable with its cause, per clip and per still, and its readable stills are kept.
"""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import openpyxl
import pytest
from pptx import Presentation

from reviewer.cli import run as cli
from reviewer.export import run, selection, snapshot, stills
from reviewer.export.common import ExportError, ExportOptions
from reviewer.export.ledger import STILL_COLUMN
from reviewer.media.errors import MediaReadError
from reviewer.store.project import Project
from tests.export import vfr_footage as vf

CATEGORY = "qing-laji"
OFFLINE_WORDS = ("离线", "offline", "拔出", "removed")


def corrupt_middle(path: Path, start: float = 0.45, end: float = 0.55) -> None:
    """Zero a stretch of the file in place (same size, so the project still finds it)."""
    data = bytearray(path.read_bytes())
    a, b = int(len(data) * start), int(len(data) * end)
    data[a:b] = bytes(b - a)
    path.write_bytes(bytes(data))


@pytest.fixture(scope="module")
def library(tmp_path_factory):
    """good, damaged (zeroed middle), gone (deleted), not_video (text where a video was)."""
    root = tmp_path_factory.mktemp("unreadable")
    project = Project.create(root / "p.shenpian")
    ids = {}
    for n, name in enumerate(("good", "damaged", "gone", "not_video")):
        footage = vf.encode(root / f"{name}.mp4", tuple(i * 40 for i in range(100 + n)), gop=25)
        ids[name] = project.add_media(footage.path).select
    project.add_tag(ids["good"], 1000, CATEGORY, end_ms=2000)
    project.add_tag(ids["damaged"], 1000, CATEGORY, end_ms=3000)  # middle still at 2000 ms
    project.add_tag(ids["gone"], 1000, CATEGORY)
    project.add_tag(ids["not_video"], 1000, CATEGORY)
    project.close()
    corrupt_middle(root / "damaged.mp4")
    (root / "gone.mp4").unlink()
    size = (root / "not_video.mp4").stat().st_size
    (root / "not_video.mp4").write_bytes(b"not a video at all\n" * (size // 19) + b"x" * (size % 19))
    with Project.open(root / "p.shenpian", read_only=True) as opened:
        snap = snapshot.take(opened, selection.Selection())
    assert [i.online for i in snap.items] == [True, True, False, True]
    return root, snap


def reasons(result) -> list[tuple[int, str]]:
    return [(s.number, s.reason) for s in result.skipped]


def assert_not_offline(result, numbers: set[int]) -> None:
    for s in result.skipped:
        if s.number in numbers:
            for lang in ("zh_CN", "en"):
                text = s.describe(lang)
                assert not any(w in text for w in OFFLINE_WORDS), text


def test_ledger_tells_offline_from_unreadable(library, tmp_path):
    _, snap = library
    result = run.export(snap, "xlsx", tmp_path / "l.xlsx", ExportOptions())
    assert reasons(result) == [(3, "no_still"), (4, "still_unreadable")]  # one still a row
    gone, not_video = result.skipped
    assert not_video.at_ms == 1000
    assert "不是视频文件" in not_video.describe("zh_CN") and "Not a video" in not_video.describe("en")
    assert "视频离线" in gone.describe("zh_CN")
    assert_not_offline(result, {2, 4})
    sheet = openpyxl.load_workbook(result.files[0]).worksheets[0]
    cells = [sheet.cell(r, STILL_COLUMN + 1).value for r in range(2, 6)]
    assert cells[2] == "（视频离线，无截图）" and cells[3] == "（画面无法读取，无截图）"
    assert len(sheet._images) == 2  # good, and the damaged file's mark (before the damage)


def test_deck_keeps_the_readable_stills_and_says_why_one_is_missing(library, tmp_path):
    _, snap = library
    result = run.export(snap, "pptx", tmp_path / "d.pptx", ExportOptions(lang="en"))
    damaged = [s for s in result.skipped if s.number == 2]
    assert [s.reason for s in damaged] == ["still_unreadable"]
    assert damaged[0].at_ms == 2000  # the middle still, in the zeroed stretch
    assert "00:02.000" in damaged[0].describe("en")
    assert_not_offline(result, {2, 4})
    slides = Presentation(str(result.files[0])).slides
    problems = list(slides)[2:6]  # after the cover and the overview; the ranking chart follows

    def pictures(slide) -> int:
        return sum(1 for shape in slide.shapes if shape.shape_type == 13)

    def text(slide) -> str:
        return " ".join(s.text_frame.text for s in slide.shapes if s.has_text_frame)

    assert [pictures(s) for s in problems] == [3, 2, 0, 0]
    assert "(footage offline: no still)" in text(problems[2])
    assert "(the frame could not be read: no still)" in text(problems[3])


def test_a_refused_read_is_named_as_such(library, tmp_path, monkeypatch):
    """A read error on a present file (a refused seek surfaces as PermissionError) is not a
    removed drive: the still is reported with that cause, the others are kept."""
    root, snap = library

    class Refusing(stills.FrameSource):
        def frame_at_ms(self, t_ms: int):
            if t_ms == 1500:
                raise MediaReadError(self.path, "[Errno 13] Permission denied")
            return super().frame_at_ms(t_ms)

    monkeypatch.setattr(stills, "FrameSource", Refusing)
    good = replace(snap, items=(snap.items[0],))
    result = run.export(good, "pptx", tmp_path / "d.pptx", ExportOptions())
    (problem,) = result.skipped
    assert (problem.reason, problem.at_ms) == ("still_unreadable", 1500)
    assert "Permission denied" in problem.describe("zh_CN")
    assert_not_offline(result, {1})


def test_clips_skip_unreadable_files_with_their_cause(library, tmp_path):
    _, snap = library
    result = run.export(snap, "clips", tmp_path / "c", ExportOptions(preset="ultrafast"))
    assert [p.name[:3] for p in result.files] == ["001", "002"]  # a damaged stretch still cuts
    assert reasons(result) == [(3, "offline"), (4, "unreadable")]
    assert "不是视频文件" in result.skipped[1].describe("zh_CN")
    assert_not_offline(result, {4})


def test_reel_without_usable_footage_names_the_cause(library, tmp_path):
    _, snap = library
    with pytest.raises(ExportError) as info:
        run.export(replace(snap, items=snap.items[2:]), "reel", tmp_path / "r.mp4",
                   ExportOptions())
    assert info.value.kind == "no_usable_footage"
    assert "not_video.mp4" in info.value.message() and "不是视频文件" in info.value.message()
    assert "Not a video" in info.value.message("en")
    with pytest.raises(ExportError) as info:
        run.export(replace(snap, items=snap.items[2:3]), "reel", tmp_path / "r.mp4",
                   ExportOptions())
    assert info.value.kind == "all_offline"


def test_a_file_that_vanished_after_the_snapshot_is_offline(library, tmp_path):
    root, snap = library
    moved = tmp_path / "good.mp4"
    moved.write_bytes((root / "good.mp4").read_bytes())
    item = replace(snap.items[0], source=moved)
    vanished = replace(snap, items=(item,))
    moved.unlink()
    clips = run.export(vanished, "clips", tmp_path / "c", ExportOptions())
    ledger = run.export(vanished, "xlsx", tmp_path / "l.xlsx", ExportOptions())
    assert reasons(clips) == [(1, "offline")] and reasons(ledger) == [(1, "no_still")]


def test_cli_prints_one_line_per_problem(library, tmp_path, capsys):
    root, _ = library
    code = cli(["--lang", "en", "export", str(root / "p.shenpian"), "-f", "clips", "-o",
                str(tmp_path / "c")])
    out, err = capsys.readouterr()
    assert code == 0 and "Traceback" not in err
    lines = [line for line in err.strip().splitlines() if line.startswith("#")]  # not the notes
    assert lines[0] == "#3 gone.mp4: footage offline, skipped"
    assert lines[1].startswith("#4 not_video.mp4: footage present but unreadable, skipped: ")
    assert len(lines) == 2
