"""Presentation mode: the show plan is the reel's plan, and a real full-screen window plays it."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from reviewer.export import plan, snapshot, video
from reviewer.export.common import ExportOptions
from reviewer.export.selection import Selection
from reviewer.present.plan import show
from reviewer.store.project import Project
from tests.ui.test_real_window import xvfb  # noqa: F401 - the X server fixture

ROOT = Path(__file__).resolve().parents[2]
ARTIFACTS = ROOT / "artifacts"


@pytest.fixture
def meeting(demo_project):
    """The demo project, every tag with county and unit as the meeting sees them."""
    return demo_project


def test_the_show_is_the_reels_plan_same_items_order_and_words(meeting):
    options = ExportOptions(handle_before_ms=1000, handle_after_ms=1000, lower_third=True)
    with Project.open(meeting, read_only=True) as project:
        snap = snapshot.take(project, Selection(), "zh_CN")
    reel = plan.reel(snap, options)
    slides = show(snap, options).slides
    assert len(slides) == len(reel) and any(s.is_title for s in slides)
    for slide, segment in zip(slides, reel, strict=True):
        assert (slide.start_ms, slide.duration_ms, slide.title) == \
            (segment.start_ms, segment.duration_ms, segment.title)
        if segment.span is None:
            assert slide.is_title
            continue
        assert slide.item.tag.uuid == segment.span.item.tag.uuid
        assert slide.lower_third == video.lower_third_text(segment.span)  # the reel's burnt text
        assert slide.ends(options) == plan.ends(segment.span.item, options)  # the clip's frames
    grouped = show(snap, ExportOptions(group_by="category", title_cards=False))
    assert not any(s.is_title for s in grouped.slides)


@pytest.mark.xvfb
@pytest.mark.skipif(sys.platform != "linux", reason="Xvfb is the Linux real-window check")
def test_a_screening_in_a_real_full_screen_window(xvfb, meeting, tmp_path):  # noqa: F811
    shots = ARTIFACTS / "present"
    shutil.rmtree(shots, ignore_errors=True)
    env = {**os.environ, "DISPLAY": xvfb, "QT_QPA_PLATFORM": "xcb",
           "XDG_CONFIG_HOME": str(tmp_path / "config")}
    result = subprocess.run([sys.executable, "-m", "tests.ui.present_scenario", str(meeting),
                             str(shots)], cwd=ROOT, env=env, capture_output=True, text=True,
                            encoding="utf-8", timeout=240)
    assert result.returncode == 0, result.stderr[-3000:]
    r = json.loads(result.stdout.strip().splitlines()[-1])
    assert "error" not in r, r.get("trace")
    assert r["platform"] == "xcb" and r["fullscreen"] and r["geometry"] == [1600, 900]
    assert r["first"] == ["title", 0] and r["slides"][0][0] == "title"
    assert r["clip_started"] and r["clip"][0] == 1 and r["clip"][1] is not None
    assert r["after_pagedown"] == 2 and r["after_left"] == 1 and r["after_right"] == 2
    assert r["black"] == [True, True]
    assert len(r["first_frame_ms"]) >= 3 and r["painted_frames"] > 10
    assert r["closed"]
    for name in r["shots"]:  # pictures, except the black screen (one colour packs small)
        size = (shots / name).stat().st_size
        assert size < 2_000 if "black" in name else size > 5_000, name
