"""OTIO, FCP7 XML and both EDLs, read back by opentimelineio and checked clip by clip."""

from __future__ import annotations

import re
from dataclasses import replace
from fractions import Fraction

import opentimelineio as otio
import pysubs2
import pytest

from reviewer.export import plan, run, selection
from reviewer.export.common import ExportOptions
from reviewer.export.timeline import layout, timecode
from reviewer.store.project import Project


@pytest.fixture(scope="module")
def handoff(snap, options, tmp_path_factory):
    out = tmp_path_factory.mktemp("handoff")
    files = {fmt: run.export(snap, fmt, out, options).files[0]
             for fmt in ("otio", "xmeml", "edl", "markers-edl", "srt", "ass")}
    return files, layout(snap, options)


def _check_clips(timeline, lay, names_from_file: bool = False):
    clips = list(timeline.find_clips())
    assert len(clips) == len(lay.events)
    for clip, event in zip(clips, lay.events, strict=True):
        assert clip.source_range.start_time.to_frames() == event.src_in
        assert clip.source_range.duration.to_frames() == event.length
        expected = event.item.media_name if names_from_file else f"{event.item.number:03d} {event.item.problem}"
        assert clip.name == expected
    return clips


def test_otio_round_trip(handoff, demo):
    files, lay = handoff
    text = files["otio"].read_text("utf-8")
    assert str(demo.parent) not in text
    timeline = otio.adapters.read_from_file(str(files["otio"]))
    assert timeline.global_start_time.to_timecode() == "01:00:00:00"
    clips = _check_clips(timeline, lay)
    for clip, event in zip(clips, lay.events, strict=True):
        assert clip.media_reference.target_url == event.item.media_ref
        (marker,) = clip.markers
        assert marker.name == event.item.category
        assert marker.marked_range.start_time.to_frames() == event.mark_in
        assert marker.metadata["shenpian"]["uuid"] == event.item.tag.uuid
        if event.item.tag.note:
            assert event.item.tag.note in marker.comment
    colours = {c.markers[0].color for c in clips}
    assert len(colours) >= 3  # category colours survive, not one default


def test_fcp7_xml_read_back(handoff):
    files, lay = handoff
    timeline = otio.adapters.read_from_file(str(files["xmeml"]), adapter_name="fcp_xml")
    assert timeline.global_start_time.to_timecode() == "01:00:00:00"
    clips = _check_clips(timeline, lay)
    assert all(len(c.markers) == 1 for c in clips)
    text = files["xmeml"].read_text("utf-8")
    assert text.count("<comment>") == 2 * len(lay.events)  # clip and sequence markers
    assert "市场入口地面积水" in text


def test_cmx3600_edl_read_back(handoff):
    files, lay = handoff
    text = files["edl"].read_text("utf-8")
    assert text.splitlines()[1] == "FCM: NON-DROP FRAME"
    events = [line.split() for line in text.splitlines() if re.match(r"^\d{3}  ", line)]
    assert all(e[1].isascii() and len(e[1]) <= 8 for e in events)
    assert events[0][6] == "01:00:00:00"
    timeline = otio.adapters.read_from_file(str(files["edl"]), adapter_name="cmx_3600", rate=25)
    _check_clips(timeline, lay, names_from_file=True)


def test_resolve_marker_edl(handoff):
    files, lay = handoff
    text = files["markers-edl"].read_text("utf-8")
    markers = re.findall(r"^(.*) \|C:(ResolveColor\w+) \|M:(.*) \|D:(\d+)$", text, re.M)
    assert len(markers) == len(lay.events)
    assert markers[0][2] == f"001 {lay.events[0].item.category}"
    events = re.findall(r"^\d{3}  001\s+V\s+C\s+(\S+)", text, re.M)
    first = lay.events[0]
    assert events[0] == timecode(lay.start + first.mark_in - first.src_in, 25)
    # OTIO reads the events (and silently drops the marker lines, hence our own parse).
    timeline = otio.adapters.read_from_file(str(files["markers-edl"]), adapter_name="cmx_3600", rate=25)
    assert len(list(timeline.find_clips())) == len(lay.events)


@pytest.mark.parametrize(("fps", "rate"), [(29.97, Fraction(30000, 1001)), (30.0, Fraction(30))])
def test_edl_at_29_97_and_30(snap, tmp_path, fps, rate):
    items = tuple(replace(i, fps=fps) for i in snap.items)
    fast = replace(snap, items=items)
    path = run.export(fast, "edl", tmp_path / "t.edl", ExportOptions()).files[0]
    lay = layout(fast, ExportOptions())
    assert lay.rate == rate and lay.start == 3600 * 30
    text = path.read_text("utf-8")
    assert "FCM: NON-DROP FRAME" in text and " 01:00:00:00 " in text
    assert all(int(tc[-2:]) < 30 for tc in re.findall(r"\d\d:\d\d:\d\d:\d\d", text))
    timeline = otio.adapters.read_from_file(str(path), adapter_name="cmx_3600", rate=float(rate))
    _check_clips(timeline, lay, names_from_file=True)


def test_captions_follow_the_reel_plan(handoff, snap, options):
    files, _ = handoff
    segments = [s for s in plan.reel(snap, options, online_only=False) if s.span]
    for fmt in ("srt", "ass"):
        subs = pysubs2.load(str(files[fmt]))
        assert len(subs) == len(snap.items)
        for event, segment in zip(subs, segments, strict=True):
            assert event.start == segment.start_ms + segment.span.mark_ms - segment.span.in_ms
            assert segment.span.item.category in event.plaintext
    assert "Noto Sans CJK SC" in files["ass"].read_text("utf-8")


def test_captions_per_clip(snap, tmp_path):
    opts = ExportOptions(caption_time="clip", handle_before_ms=1000)
    result = run.export(snap, "srt", tmp_path / "subs", opts)
    assert len(result.files) == len(snap.items)
    assert result.files[0].name.startswith("001_香格里拉市_")
    first = pysubs2.load(str(result.files[0]))[0]
    assert first.start == plan.span(snap.items[0], opts).mark_ms - plan.span(snap.items[0], opts).in_ms


def test_playlist_order_is_kept(project_copy):
    with Project.open(project_copy) as project:
        tags = project.tags()
        picked = [tags[5].uuid, tags[0].uuid, tags[5].uuid, "gone", tags[9].uuid]
        selection.save_playlist(project, picked)
        assert selection.load_playlist(project) == (tags[5].uuid, tags[0].uuid, "gone", tags[9].uuid)
        project.delete_tag(tags[9].uuid)
        chosen = selection.resolve(project, selection.Selection.of_playlist(selection.load_playlist(project)))
        assert [t.uuid for t in chosen] == [tags[5].uuid, tags[0].uuid]
        selection.save_playlist(project, [])
        assert selection.load_playlist(project) == ()
