"""Redaction where pictures leave: clips, reel, deck and ledger stills, the frame command."""

from __future__ import annotations

import zipfile
from pathlib import Path

import av
import cv2
import numpy as np
import pytest
from pptx import Presentation

from reviewer.export import run, selection, snapshot
from reviewer.export.common import ExportOptions
from reviewer.media import synth
from reviewer.redact.errors import RedactError
from reviewer.store.project import Project
from tests.redact import faces
from tests.redact.conftest import make_project

STRICT = 0.3  # below the detection threshold (0.4): a face half-hidden still counts


def decoded(path: Path) -> list[np.ndarray]:
    with av.open(str(path)) as container:
        return [f.to_ndarray(format="bgr24") for f in container.decode(video=0)]


def detail_kept(source: np.ndarray, out: np.ndarray, box) -> float:
    """Correlation of the fine detail (high-pass) inside ``box``: ~1 kept, ~0 destroyed."""
    h, w = source.shape[:2]
    x0, y0, x1, y1 = box.pixels(w, h)
    a, b = (cv2.cvtColor(x[y0:y1, x0:x1], cv2.COLOR_BGR2GRAY).astype(np.float32)
            for x in (source, out))
    ha, hb = (x - cv2.GaussianBlur(x, (5, 5), 0) for x in (a, b))
    return float(np.corrcoef(ha.ravel(), hb.ravel())[0, 1])


def snap_of(path: Path):
    with Project.open(path, read_only=True) as project:
        return snapshot.take(project, selection.Selection())


@pytest.fixture(scope="module")
def exported(redacted_project, tmp_path_factory):
    out = tmp_path_factory.mktemp("out")
    snap = snap_of(redacted_project)
    return {mode: run.export(snap, "clips", out / mode, ExportOptions(redact=mode)).files[0]
            for mode in ("on", "off")}


def test_no_frame_of_a_redacted_clip_shows_a_face(exported, clip, detector):
    frames = decoded(exported["on"])
    assert [synth.read_barcode(f) for f in frames] == list(range(clip.frames))
    assert [len(detector.detect(f, STRICT)) for f in frames] == [0] * clip.frames


def test_the_hand_marked_plate_is_mosaicked_on_every_frame(exported, clip):
    for n, out in enumerate(decoded(exported["on"])):
        source, plate = faces.render(n, clip.frames, clip.width, clip.height)
        assert detail_kept(source, out, plate) < 0.35, n
    # The same measure on the unredacted clip: the plate's detail is all there.
    kept = [detail_kept(faces.render(n, clip.frames, clip.width, clip.height)[0], out,
                        clip.plates[n]) for n, out in enumerate(decoded(exported["off"]))]
    assert min(kept) > 0.8


def test_an_unredacted_clip_is_marked_on_every_frame_and_keeps_the_faces(exported, clip,
                                                                       detector):
    frames = decoded(exported["off"])
    assert len(frames) == clip.frames
    for n, out in enumerate(frames):
        source = faces.render(n, clip.frames, clip.width, clip.height)[0]
        assert marked(source, out), n
    assert sum(len(detector.detect(f)) for f in frames) >= clip.frames


def marked(source: np.ndarray, out: np.ndarray) -> bool:
    """The 未打码 mark: the middle band changed, the rest of the picture did not."""
    h, w = source.shape[:2]
    diff = cv2.absdiff(source, out).mean(axis=2)
    middle = diff[int(h * 0.44): int(h * 0.56), int(w * 0.3): int(w * 0.7)]
    top = diff[int(h * 0.2): int(h * 0.3)]
    return bool(middle.mean() > 20 and top.mean() < 8)


def test_redacted_clips_carry_no_metadata(exported):
    for path in exported.values():
        with av.open(str(path)) as container:
            tags = dict(container.metadata)
            for stream in container.streams:
                tags.update(stream.metadata)
        assert not {"location", "artist", "com.apple.quicktime.location.ISO6709"} & set(tags)
        assert [s.type for s in av.open(str(path)).streams] == ["video", "audio"]


def test_lossless_clips_are_refused_when_pictures_must_change(redacted_project, tmp_path):
    opts = ExportOptions(redact="on", clip_mode="lossless")
    with pytest.raises(RedactError) as err:
        run.export(snap_of(redacted_project), "clips", tmp_path / "c", opts)
    assert err.value.kind == "lossless"
    assert "无损" in err.value.message() and "ossless" in err.value.message("en")
    assert not (tmp_path / "c").exists()


def test_unredacted_lossless_clips_say_so_in_their_names(redacted_project, tmp_path, detector):
    opts = ExportOptions(redact="off", clip_mode="lossless")
    files = run.export(snap_of(redacted_project), "clips", tmp_path / "c", opts).files
    assert files and all(f.name.startswith("未打码_") for f in files)
    exact = run.export(snap_of(redacted_project), "clips", tmp_path / "e",
                       ExportOptions(redact="off")).files
    assert exact and all(f.name.startswith("未打码_") for f in exact)


def test_the_reel_is_redacted(redacted_project, tmp_path, clip, detector):
    opts = ExportOptions(redact="on", reel_height=270, title_cards=False)
    reel = run.export(snap_of(redacted_project), "reel", tmp_path / "reel.mp4", opts).files[0]
    frames = decoded(reel)
    assert len(frames) >= clip.frames - 1
    assert [len(detector.detect(f, STRICT)) for f in frames] == [0] * len(frames)


def test_an_unredacted_reel_marks_its_title_cards_too(redacted_project, tmp_path):
    opts = ExportOptions(redact="off", reel_height=270, title_card_ms=400)
    reel = run.export(snap_of(redacted_project), "reel", tmp_path / "reel.mp4", opts).files[0]
    title = decoded(reel)[2]
    h, w = title.shape[:2]
    band = title[int(h * 0.44): int(h * 0.56), int(w * 0.35): int(w * 0.65)]
    assert (band.max(axis=2) > 200).mean() > 0.02  # white text drawn on the plain card


def _deck_pictures(path: Path) -> list[np.ndarray]:
    found = []
    for slide in Presentation(str(path)).slides:
        for shape in slide.shapes:
            if shape.shape_type == 13:  # picture
                data = np.frombuffer(shape.image.blob, np.uint8)
                found.append(cv2.imdecode(data, cv2.IMREAD_COLOR))
    return found


def _ledger_pictures(path: Path) -> list[np.ndarray]:
    with zipfile.ZipFile(path) as zf:
        return [cv2.imdecode(np.frombuffer(zf.read(n), np.uint8), cv2.IMREAD_COLOR)
                for n in zf.namelist() if n.startswith("xl/media/")]


@pytest.mark.parametrize("fmt, name, pictures", [("pptx", "deck.pptx", _deck_pictures),
                                                 ("xlsx", "ledger.xlsx", _ledger_pictures)])
def test_deck_and_ledger_stills_are_redacted_or_marked(redacted_project, tmp_path, detector,
                                                       fmt, name, pictures):
    snap = snap_of(redacted_project)
    on = pictures(run.export(snap, fmt, tmp_path / "on" / name, ExportOptions(redact="on")).files[0])
    off = pictures(run.export(snap, fmt, tmp_path / "off" / name,
                              ExportOptions(redact="off")).files[0])
    assert on and len(on) == len(off)
    assert [len(detector.detect(p, STRICT)) for p in on] == [0] * len(on)
    assert all(len(detector.detect(p)) >= 1 for p in off)
    for a, b in zip(on, off, strict=True):  # the mark is in the middle of the unredacted one
        h, w = b.shape[:2]
        band = cv2.absdiff(a, b)[int(h * 0.45): int(h * 0.55), int(w * 0.35): int(w * 0.65)]
        assert band.mean() > 20


def test_without_a_detection_pass_the_export_looks_for_faces_itself(clip, tmp_path, detector):
    project = make_project(tmp_path / "raw.shenpian", clip)
    snap = snapshot.take(project, selection.Selection())
    project.close()
    out = run.export(snap, "clips", tmp_path / "c", ExportOptions(redact="on")).files[0]
    assert [len(detector.detect(f, STRICT)) for f in decoded(out)] == [0] * clip.frames
    still = run.export(snap, "pptx", tmp_path / "d.pptx", ExportOptions(redact="on")).files[0]
    assert [len(detector.detect(p, STRICT)) for p in _deck_pictures(still)] == [0, 0, 0]


def test_footage_filmed_upright_is_redacted_the_way_it_is_shown(rotated, tmp_path, detector):
    """A phone's display matrix: detection, regions and the redacted clip are all upright."""
    project = make_project(tmp_path / "rot.shenpian", rotated)
    from tests.redact.conftest import detect_all

    detect_all(project)
    snap = snapshot.take(project, selection.Selection())
    project.close()
    plain = run.export(snap, "clips", tmp_path / "plain", ExportOptions(redact="off")).files[0]
    out = run.export(snap, "clips", tmp_path / "red", ExportOptions(redact="on")).files[0]
    shown = decoded(plain)
    assert shown[0].shape[:2] == (480, 270)
    assert min(len(detector.detect(f)) for f in shown) >= 1  # upright faces, as a player shows
    frames = decoded(out)
    assert frames[0].shape[:2] == (480, 270) and len(frames) == rotated.frames
    assert [synth.read_barcode(f) for f in frames] == list(range(rotated.frames))
    assert [len(detector.detect(f, STRICT)) for f in frames] == [0] * rotated.frames
