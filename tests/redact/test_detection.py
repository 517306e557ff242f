"""The detector on real faces, stride detection against every frame, tracks, the tracker."""

from __future__ import annotations

import pytest

from reviewer.media.index import build_index
from reviewer.redact import manual, tracking
from reviewer.redact.detector import Detector, ModelMissingError
from reviewer.redact.frames import walk
from reviewer.redact.model import Box, Regions, Sample, Track
from tests.redact import faces


def test_the_model_finds_both_real_faces_in_the_source(clip, detector):
    """Without this the "no face left" checks below would prove nothing."""
    counts = [len(detector.detect(faces.render(i, clip.frames, clip.width, clip.height)[0]))
              for i in range(clip.frames)]
    assert counts[0] == 1 and counts[-1] == 2
    assert counts.index(2) in (clip.frames // 3, clip.frames // 3 + 1)


def test_stride_detection_covers_every_face_found_frame_by_frame(clip, detector):
    index = build_index(clip.path)
    every = tracking.Scan(detector, stride=1).run(walk(clip.path, index, 0, len(index) - 1))
    strided = tracking.Scan(detector, stride=8).run(walk(clip.path, index, 0, len(index) - 1))
    assert len(strided) < len(every) / 2  # the model ran on far fewer frames
    reg = Regions("m", tuple(Track(str(n), "t", "m", "face", s)
                             for n, s in enumerate(tracking.link(strided))))
    missed = [(f.t_ms, face.box) for f in every for face in f.faces
              if not any(b.covers(face.box, 0.9) for b in reg.boxes_at(f.t_ms))]
    assert missed == []


def test_a_face_walking_in_is_pinned_to_its_first_frame(clip, detector):
    index = build_index(clip.path)
    found = tracking.Scan(detector, stride=8).run(walk(clip.path, index, 0, len(index) - 1))
    tracks = tracking.link(found)
    assert len(tracks) == 2
    arrival = min(t[0].t_ms for t in tracks)
    assert arrival == 0
    late = max(t[0].t_ms for t in tracks)
    assert late in (clip.times_ms[clip.frames // 3], clip.times_ms[clip.frames // 3 + 1])


def test_interpolation_bridges_a_short_miss_and_ends_after_a_long_one():
    a, b = Box(0.1, 0.1, 0.1, 0.1), Box(0.3, 0.1, 0.1, 0.1)
    track = Track("x", "t", "m", "face", (Sample(0, a), Sample(1000, b), Sample(5000, b)))
    middle = track.box_at(500)
    assert middle is not None and middle.covers(Box(0.2, 0.1, 0.1, 0.1))
    assert track.box_at(3000) is None  # 4 s between detections: not the same appearance
    assert track.box_at(5100) == b and track.box_at(6000) is None


def test_the_tracker_follows_the_plate_from_one_drawn_box(clip):
    key = 20
    samples = manual.follow(clip.path, [Sample(clip.times_ms[key], clip.plates[key], "key")],
                            0, clip.times_ms[-1])
    assert [s.t_ms for s in samples] == clip.times_ms  # back to the start, on to the end
    assert [s.source for s in samples].count("key") == 1
    assert min(clip.plates[i].iou(s.box) for i, s in enumerate(samples)) > 0.5


def test_a_corrected_key_restarts_the_tracker_from_it(clip):
    keys = [Sample(clip.times_ms[5], clip.plates[5], "key"),
            Sample(clip.times_ms[30], clip.plates[30], "key")]
    samples = manual.follow(clip.path, keys, clip.times_ms[0], clip.times_ms[-1])
    by_time = {s.t_ms: s for s in samples}
    assert by_time[clip.times_ms[30]].box == clip.plates[30]
    assert by_time[clip.times_ms[30]].source == "key"


def test_a_damaged_model_file_is_refused_with_its_cause(tmp_path):
    broken = tmp_path / "centerface.onnx"
    broken.write_bytes(b"not a model")
    with pytest.raises(ModelMissingError) as err:
        Detector(broken)
    assert "重新安装" in err.value.message() and "reinstall" in err.value.message("en")
