"""Clip files and the screening reel: exact frames, order, metadata, offline, cancel, full disk."""

from __future__ import annotations

import os
import stat
import subprocess
from dataclasses import replace
from pathlib import Path

import av
import pytest

from reviewer.export import atomic, clips, ffmpeg, plan, reel, run, video
from reviewer.export.common import ExportError, ExportOptions, Flag
from reviewer.export.fonts import FONT_FILE, filter_path
from reviewer.media import synth
from reviewer.media.source import FrameSource
from reviewer.store.project import Project


def _first_last(path: Path) -> tuple[int | None, int | None, int]:
    with FrameSource(path, prefetch=False) as source:
        return (synth.read_barcode(source.frame(0).to_bgr()),
                synth.read_barcode(source.frame(len(source) - 1).to_bgr()), len(source))


def _metadata(path: Path) -> dict[str, str]:
    with av.open(str(path)) as container:
        found = dict(container.metadata)
        for stream in container.streams:
            found.update(stream.metadata)
    return found


@pytest.fixture(scope="module")
def exact(snap, tmp_path_factory):
    opts = ExportOptions(handle_before_ms=1000, handle_after_ms=600, lower_third=True)
    out = tmp_path_factory.mktemp("clips")
    return run.export(snap, "clips", out / "片段", opts), opts


def test_exact_clips_start_and_end_on_the_right_frames(exact, snap):
    result, opts = exact
    assert len(result.files) == len(snap.items) and not result.skipped
    indexes = clips.Indexes()
    for item, path in zip(snap.items, result.files, strict=True):
        cut = video.cut(indexes.get(item.source), item, opts)
        first, last, count = _first_last(path)
        assert (first, last) == (cut.first, cut.last), path.name
        assert count == cut.last - cut.first + 1


def test_clip_names_follow_the_template(exact):
    result, _ = exact
    names = [p.name for p in result.files]
    assert names[0] == "001_香格里拉市_管集市.mp4" and names[4] == "005_开发区_清垃圾.mp4"
    assert not any(p.name.startswith(".") for p in result.files[0].parent.iterdir())


@pytest.fixture(scope="module")
def gps_project(tmp_path_factory):
    """A file with GPS and owner tags, a tag whose place is full of forbidden characters."""
    root = tmp_path_factory.mktemp("gps")
    clip = root / "素材" / "带定位 的视频.mp4"
    synth.write(synth.Spec(width=320, height=240, fps=25, frames=75, audio=True,
                           metadata={"location": "+27.8269+099.7065/", "artist": "张三"}), clip)
    assert "location" in _metadata(clip)
    project = Project.create(root / "gps.shenpian")
    media_id = project.add_media(clip).select
    project.add_tag(media_id, 400, "qing-laji", end_ms=2000, county_id="deqin",
                    place='路口/东侧\\: 垃圾*点?', unit_id="zhifa", severity=2)
    from reviewer.export import selection, snapshot

    snap = snapshot.take(project, selection.Selection())
    project.close()
    return root, snap


@pytest.mark.parametrize("mode", ["exact", "lossless"])
def test_clips_strip_metadata_and_keep_names_safe(gps_project, mode):
    root, snap = gps_project
    out = root / f"输出: {mode}"
    opts = ExportOptions(clip_mode=mode, name_template="{序号}_{地点}", lower_third=mode == "exact")
    (path,) = run.export(snap, "clips", out, opts).files
    assert path.name == "001_路口_东侧_垃圾_点_.mp4" or "/" not in path.stem
    assert not set(path.stem) & set('/\\:*?"<>|')
    meta = _metadata(path)
    assert "location" not in meta and "artist" not in meta
    with av.open(str(path)) as container:
        assert container.streams.audio  # sound is kept
        seconds = float(container.duration) / 1e6
    assert abs(seconds - 1.6) < (0.1 if mode == "exact" else 3.0)  # lossless snaps to keyframes


def test_filter_paths_with_colons_and_quotes_burn_text(tmp_path):
    folder = tmp_path / "素材: 测试'引号"
    folder.mkdir()
    textfile = folder / "字幕.txt"
    textfile.write_text("类别 · 地点 · 单位 100%", encoding="utf-8")
    out = tmp_path / "t.mp4"
    ffmpeg.run(["-f", "lavfi", "-i", "color=c=black:s=320x240:d=0.2", "-vf",
                video.drawtext(textfile, 24, "10", "10"), str(out)])
    assert out.stat().st_size > 0
    assert filter_path(Path("/a: b/c")) == r"/a\\: b/c"
    assert FONT_FILE.is_file() and (FONT_FILE.parent / "OFL.txt").is_file()


def test_offline_footage_is_skipped_and_reported(snap, tmp_path):
    gone = replace(snap.items[1], source=None)
    partial = replace(snap, items=(snap.items[0], gone, snap.items[2]))
    result = run.export(partial, "clips", tmp_path / "c", ExportOptions(clip_mode="lossless"))
    assert [p.name[:3] for p in result.files] == ["001", "003"]
    assert [(s.number, s.reason) for s in result.skipped] == [(2, "offline")]
    deck = run.export(partial, "xlsx", tmp_path / "l.xlsx", ExportOptions())
    assert [(s.number, s.reason) for s in deck.skipped] == [(2, "no_still")]
    with pytest.raises(ExportError) as info:
        run.export(replace(snap, items=(gone,)), "reel", tmp_path / "r.mp4", ExportOptions())
    assert info.value.kind == "all_offline"


def test_cancel_mid_export_leaves_only_whole_files(snap, tmp_path):
    flag = Flag()

    def progress(done, total):
        if done == 2:
            flag.cancel()

    out = tmp_path / "c"
    with pytest.raises(ExportError) as info:
        clips.export(snap, out, ExportOptions(), flag, progress)
    assert info.value.kind == "cancelled"
    files = sorted(out.iterdir())
    assert [p.name[:3] for p in files] == ["001", "002"]
    assert all(_first_last(p)[0] is not None for p in files)


def test_full_disk_leaves_no_half_file(snap, tmp_path, monkeypatch):
    fake = tmp_path / "ffmpeg"
    fake.write_text('#!/bin/sh\nfor last; do :; done\nhead -c 5000 /dev/zero > "$last"\n'
                    'echo "av_interleaved_write_frame(): No space left on device" >&2\nexit 1\n')
    fake.chmod(fake.stat().st_mode | stat.S_IEXEC)
    monkeypatch.setattr(ffmpeg, "exe", lambda: str(fake))
    out = tmp_path / "c"
    with pytest.raises(ExportError) as info:
        clips.export(snap, out, ExportOptions())
    assert info.value.kind == "disk_full"
    assert list(out.iterdir()) == []


def test_full_disk_while_writing_a_document(snap, tmp_path, monkeypatch):
    def full(path):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(atomic, "_fsync", full)
    for fmt in ("xlsx", "pptx", "otio", "csv"):
        with pytest.raises(ExportError) as info:
            run.export(snap, fmt, tmp_path, ExportOptions())
        assert info.value.kind == "disk_full"
    assert os.listdir(tmp_path) == []


def test_reel_order_titles_audio_and_metadata(snap, tmp_path):
    items = (snap.items[6], snap.items[0], snap.items[10], snap.items[1])  # an editor's order
    chosen = replace(snap, items=items)
    opts = ExportOptions(reel_height=360, handle_before_ms=200, preset="ultrafast")
    result = reel.export(chosen, tmp_path / "放映.mp4", opts)
    segments = plan.reel(chosen, opts)
    titles = [s.title for s in segments if s.span is None]
    assert titles == ["德钦县", "香格里拉市", "维西县"]  # groups in order of first appearance
    order = [s.span.item.number for s in segments if s.span]
    assert order == [7, 1, 2, 11]  # within a group, the editor's order
    indexes = clips.Indexes()
    with FrameSource(result.files[0], prefetch=False) as source:
        expected_ms = segments[-1].start_ms + segments[-1].duration_ms
        assert abs(source.duration_ms - expected_ms) <= 40
        for segment in segments:
            seen = synth.read_barcode(source.frame_at_ms(segment.start_ms + 1).to_bgr())
            if segment.span is None:
                assert seen is None
            else:
                item = segment.span.item
                cut = video.cut(indexes.get(item.source), item, opts)
                assert seen == cut.first
    with av.open(str(result.files[0])) as container:
        assert container.streams.audio and container.streams.video
        assert not {"location", "encoder"} & set(container.metadata)


def test_bundled_ffmpeg_has_what_we_use():
    out = subprocess.run([ffmpeg.exe(), "-hide_banner", "-filters"], capture_output=True,
                         text=True).stdout
    for name in ("drawtext", "trim", "atrim", "loudnorm", "concat"):
        assert f" {name} " in out
