"""Clip ends are the tag's ends on every file: phone VFR, B-frames, MPEG-TS starting at
1.4 s, a rotated phone, an edit list that starts mid-GOP, the end of a file.

Ground truth is the generator's own list of frame times and the barcode painted into every
frame (tests/export/vfr_footage.py), never the engine's index; clips are decoded with
plain PyAV. Lossless-quality encodes (crf 0) also compare the I420 planes bit for bit.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, replace
from fractions import Fraction
from pathlib import Path

import av
import numpy as np
import pytest

from reviewer.export import plan, run, selection, snapshot, timeline
from reviewer.export.common import ExportOptions
from reviewer.media import synth
from reviewer.store.project import Project
from tests.export import vfr_footage as vf

CATEGORY = "qing-laji"


@dataclass(frozen=True)
class Decoded:
    """A file as plain PyAV decodes it: barcode, start (ms from its first frame), I420 md5."""

    codes: tuple[int | None, ...]
    times_ms: tuple[float, ...]
    md5: tuple[str, ...]
    duration_ms: float
    rate: Fraction | None

    def runs(self) -> list[int | None]:
        """The barcodes with repeats collapsed: the frames in the order they are shown."""
        return [c for n, c in enumerate(self.codes) if n == 0 or c != self.codes[n - 1]]


def decode(path: Path, aspect: float | None = None) -> Decoded:
    """``aspect``: the picture's own aspect inside a letterboxed frame (the reel pads)."""
    codes, times, sums = [], [], []
    with av.open(str(path)) as container:
        stream = container.streams.video[0]
        for frame in container.decode(stream):
            image = frame.to_ndarray(format="bgr24")
            if aspect is not None:
                width = round(image.shape[0] * aspect)
                left = (image.shape[1] - width) // 2
                image = image[:, left : left + width]
            codes.append(synth.read_barcode(image))
            times.append(float(frame.pts * frame.time_base) * 1000)
            sums.append(i420_md5(frame))
        duration = float(container.duration or 0) / 1000
        rate = stream.average_rate
    first = times[0]
    return Decoded(tuple(codes), tuple(t - first for t in times), tuple(sums), duration, rate)


def i420_md5(frame: av.VideoFrame) -> str:
    planes = frame.reformat(format="yuv420p").to_ndarray()
    return hashlib.md5(np.ascontiguousarray(planes).tobytes()).hexdigest()


def source_md5(path: Path, positions: set[int]) -> dict[int, str]:
    """I420 md5 of the source's frames at these display positions (decode order sorted)."""
    found = {}
    with av.open(str(path)) as container:
        frames = sorted(container.decode(container.streams.video[0]), key=lambda f: f.pts)
        for n, frame in enumerate(frames):
            if n in positions:
                found[n] = i420_md5(frame)
    return found


@pytest.fixture(scope="module")
def films(tmp_path_factory) -> dict[str, vf.Footage]:
    root = tmp_path_factory.mktemp("vfr")
    times = vf.phone_times()
    phone = vf.encode(root / "手机 可变帧率.mp4", times, audio=True)
    bframes = vf.encode(root / "bframes.mp4", times, bframes=3, gop=24)
    return {
        "phone": phone,
        "bframes": bframes,
        "ts": vf.to_ts(bframes, root / "camera.ts"),
        "rotated": vf.encode(root / "portrait.mp4", times, rotate=90),
        "edit_list": vf.trimmed_start(bframes, root / "trimmed.mp4", 31),
        "cfr": vf.encode(root / "cfr25.mp4", tuple(i * 40 for i in range(100)), gop=25),
    }


def project_with(root: Path, footage: vf.Footage, tags: list[tuple[int, int | None]]
                 ) -> snapshot.Snapshot:
    """A project holding ``footage`` with a tag per (start_ms, end_ms), snapshotted."""
    project = Project.create(root / f"{footage.path.stem}.shenpian")
    media_id = project.add_media(footage.path).select
    for start, end in tags:
        project.add_tag(media_id, start, CATEGORY, end_ms=end)
    snap = snapshot.take(project, selection.Selection())
    project.close()
    return snap


def expected(footage: vf.Footage, start_ms: int, end_ms: int, before: int = 0,
             after: int = 0) -> tuple[int, int]:
    """Display positions of the frames on screen at the tag's ends, widened by the handles."""
    return footage.on_screen(start_ms - before), footage.on_screen(end_ms + after)


def export_one(snap: snapshot.Snapshot, out: Path, **options) -> Decoded:
    result = run.export(snap, "clips", out, ExportOptions(preset="ultrafast", **options))
    assert not result.skipped
    (path,) = result.files
    return decode(path)


def assert_ends(clip: Decoded, footage: vf.Footage, first: int, last: int) -> None:
    base = footage.first_index
    assert clip.codes[0] == base + first, "the clip starts on another frame than the tag"
    assert clip.codes[-1] == base + last, "the clip ends on another frame than the tag"
    assert clip.runs() == list(range(base + first, base + last + 1)), "a frame is missing"


def assert_keeps_time(clip: Decoded, footage: vf.Footage, first: int, last: int,
                      slack_ms: float, end_slack_ms: float | None = None) -> None:
    span = footage.end_ms(last) - footage.times_ms[first]
    assert abs(clip.duration_ms - span) <= (end_slack_ms or slack_ms), "the clip's length"
    shown = {}
    for code, t in zip(clip.codes, clip.times_ms, strict=True):
        shown.setdefault(code, t)  # when each frame first appears
    for i in range(first, last + 1):
        truth = footage.times_ms[i] - footage.times_ms[first]
        assert abs(shown[footage.first_index + i] - truth) <= slack_ms, f"frame {i} off time"


# Tags across the phone's drop from ~30 fps to 10-15 fps and back, marked as the review
# window marks them (at a frame's start) and mid-frame, with and without handles.
CASES = [
    # (film, start frame, end frame, ms into the start frame, handle before/after ms)
    ("phone", 45, 81, 0, 0),
    ("phone", 45, 81, 9, 300),
    ("bframes", 20, 90, 0, 500),
    ("ts", 57, 70, 4, 0),
    ("rotated", 50, 66, 0, 250),
    ("edit_list", 0, 30, 0, 0),  # the first shown frame is not a keyframe
    ("edit_list", 12, 50, 0, 200),
    ("cfr", 10, 46, 0, 400),
]


@pytest.mark.parametrize(("film", "a", "b", "into", "handle"), CASES)
def test_constant_rate_clip_starts_and_ends_on_the_tag(films, tmp_path, film, a, b, into,
                                                       handle):
    footage = films[film]
    start, end = footage.times_ms[a] + into, footage.times_ms[b]
    snap = project_with(tmp_path, footage, [(start, end)])
    clip = export_one(snap, tmp_path / "out", handle_before_ms=handle, handle_after_ms=handle)
    first, last = expected(footage, start, end, handle, handle)
    assert_ends(clip, footage, first, last)
    steps = np.diff(np.asarray(clip.times_ms))
    assert np.ptp(steps) < 1.0, "the clip is not constant-rate"
    rate = 1000 / float(np.mean(steps))
    assert min(abs(rate - r) for r in (25, 30000 / 1001, 30)) < 0.05
    assert_keeps_time(clip, footage, first, last, slack_ms=1.0 * 1000 / rate)


@pytest.mark.parametrize(("film", "a", "b", "into", "handle"), CASES)
def test_vfr_clip_keeps_every_frame_at_its_own_time(films, tmp_path, film, a, b, into, handle):
    footage = films[film]
    start, end = footage.times_ms[a] + into, footage.times_ms[b]
    snap = project_with(tmp_path, footage, [(start, end)])
    clip = export_one(snap, tmp_path / "out", handle_before_ms=handle, handle_after_ms=handle,
                      vfr=True)
    first, last = expected(footage, start, end, handle, handle)
    assert_ends(clip, footage, first, last)
    assert len(clip.codes) == last - first + 1  # each frame once, none repeated
    assert_keeps_time(clip, footage, first, last, slack_ms=1.5)


@pytest.mark.parametrize("film", ["bframes", "ts", "edit_list"])
def test_clip_frames_are_the_source_frames_bit_for_bit(films, tmp_path, film):
    footage = films[film]
    a, b = 14, 40
    snap = project_with(tmp_path, footage, [(footage.times_ms[a], footage.times_ms[b])])
    for vfr in (False, True):
        clip = export_one(snap, tmp_path / f"out{vfr}", crf=0, vfr=vfr)
        truth = source_md5(footage.path, {a, b})
        assert (clip.md5[0], clip.md5[-1]) == (truth[a], truth[b])


def test_point_tag_and_the_end_of_the_file(films, tmp_path):
    """A point tag runs point_tag_ms; a clip reaching past the file stops on its last frame."""
    footage = films["phone"]
    near_end = footage.times_ms[-8]
    snap = project_with(tmp_path, footage, [(footage.times_ms[30], None), (near_end, None)])
    opts = ExportOptions(preset="ultrafast", point_tag_ms=1000, handle_after_ms=2000)
    result = run.export(snap, "clips", tmp_path / "out", opts)
    point, tail = (decode(p) for p in result.files)
    assert_ends(point, footage, 30, footage.on_screen(footage.times_ms[30] + 2999))
    assert_ends(tail, footage, footage.frames - 8, footage.frames - 1)


def test_clips_keep_sound_for_their_whole_length(films, tmp_path):
    footage = films["phone"]
    snap = project_with(tmp_path, footage, [(footage.times_ms[45], footage.times_ms[81])])
    for vfr in (False, True):
        result = run.export(snap, "clips", tmp_path / f"o{vfr}", ExportOptions(vfr=vfr))
        with av.open(str(result.files[0])) as container:
            video, audio = container.streams.video[0], container.streams.audio[0]
            seconds = [float(s.duration * s.time_base) for s in (video, audio)]
        assert abs(seconds[0] - seconds[1]) < 0.05


def test_vfr_footage_gets_a_note_and_lossless_says_keyframe(films, tmp_path):
    snap = project_with(tmp_path, films["phone"], [(1000, 2000)])
    notes = {}
    for name, opts in (("cfr", ExportOptions()), ("vfr", ExportOptions(vfr=True)),
                       ("lossless", ExportOptions(clip_mode="lossless"))):
        notes[name] = run.export(snap, "clips", tmp_path / name, opts).notes
    assert notes == {"cfr": ("constant_rate",), "vfr": (), "lossless": ("keyframe_start",)}
    cfr_snap = project_with(tmp_path, films["cfr"], [(1000, 2000)])
    assert run.export(cfr_snap, "clips", tmp_path / "c", ExportOptions()).notes == ()


def test_reel_segments_start_and_end_on_the_tags(films, tmp_path):
    """The reel keeps the plan's lengths (captions are timed by it), so on VFR footage a frame
    may repeat or, where the footage is faster than the reel, drop in the middle; never at
    either end."""
    footage = films["phone"]
    tags = [(footage.times_ms[45], footage.times_ms[81]), (footage.times_ms[100], None)]
    snap = project_with(tmp_path, footage, tags)
    opts = ExportOptions(reel_height=240, preset="ultrafast", point_tag_ms=500,
                         title_cards=False)
    result = run.export(snap, "reel", tmp_path / "reel.mp4", opts)
    reel = decode(result.files[0], aspect=4 / 3)
    assert abs(reel.rate - Fraction(30000, 1001)) < 0.01
    shown = reel.runs()
    cut_at = shown.index(100)
    segments = (shown[:cut_at], shown[cut_at:])
    ends = ((45, 81), (100, footage.on_screen(footage.times_ms[100] + 499)))
    for seen, (first, last) in zip(segments, ends, strict=True):
        assert (seen[0], seen[-1]) == (first, last)
        assert seen == sorted(seen) and len(set(range(first, last + 1)) - set(seen)) <= 1
    segment_ms = [plan.span(item, opts).duration_ms for item in snap.items]
    assert abs(reel.duration_ms - sum(segment_ms)) <= 34


def test_snapshot_rate_of_a_vfr_phone_is_a_standard_rate(films, tmp_path):
    snap = project_with(tmp_path, films["phone"], [(1000, 2000)])
    assert snap.items[0].fps != pytest.approx(30000 / 1001, abs=0.01)  # the header's guess
    assert plan.rate(snap.fps) == Fraction(30000, 1001)
    assert replace(snap, items=()).fps == 25.0


def test_the_editor_hand_off_holds_the_tags_last_frame_too(films, tmp_path):
    """EDL/XML/OTIO events and the clip agree: a range ends after the frame on screen at
    its end, so 10..46 at 25 fps is 37 frames everywhere."""
    footage = films["cfr"]
    snap = project_with(tmp_path, footage, [(footage.times_ms[10], footage.times_ms[46])])
    span = plan.span(snap.items[0], ExportOptions())
    assert (span.in_ms, span.out_ms) == (footage.times_ms[10], footage.times_ms[47])
    (event,) = timeline.layout(snap, ExportOptions()).events
    assert event.src_out - event.src_in == 37
    clip = export_one(snap, tmp_path / "c")
    assert len(clip.codes) == 37


def test_faster_footage_in_a_slower_reel_keeps_its_ends(films, tmp_path):
    """Two 25 fps tags make a 25 fps reel; the 30 fps phone's tag in it loses frames in
    the middle (there is no slot for them), never its first or last."""
    cfr, phone = films["cfr"], films["phone"]
    project = Project.create(tmp_path / "mixed.shenpian")
    ids = [project.add_media(f.path).select for f in (cfr, phone)]
    project.add_tag(ids[0], cfr.times_ms[5], CATEGORY, end_ms=cfr.times_ms[20])
    project.add_tag(ids[0], cfr.times_ms[60], CATEGORY, end_ms=cfr.times_ms[70])
    project.add_tag(ids[1], phone.times_ms[10], CATEGORY, end_ms=phone.times_ms[40])
    snap = snapshot.take(project, selection.Selection())
    project.close()
    opts = ExportOptions(reel_height=240, preset="ultrafast", title_cards=False)
    reel = decode(run.export(snap, "reel", tmp_path / "r.mp4", opts).files[0], aspect=4 / 3)
    assert reel.rate == 25
    shown = reel.runs()
    phone_part = shown[shown.index(70) + 1:]
    assert (phone_part[0], phone_part[-1]) == (10, 40)
    assert phone_part == sorted(phone_part) and len(phone_part) < 31
