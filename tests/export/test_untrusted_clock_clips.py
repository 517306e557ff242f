"""Exact clips of footage whose own timestamps cannot be trusted (ADR 0007): packed-B DivX
AVI, a phone MP4 with pts == dts on a B-pyramid stream. ffmpeg's ``trim`` reads those
timestamps, so the engine's frames are piped to it stamped with the index's times; the
clip's first and last frames (by their painted barcodes) are the tag's."""

from __future__ import annotations

import pytest

from reviewer.export import run, selection, snapshot
from reviewer.export.common import ExportOptions
from reviewer.media.index import build_index
from reviewer.store.project import Project
from tests.export.test_vfr_clips import decode


@pytest.mark.parametrize("case", ["packed_b_avi", "pts_eq_dts_mp4"])
@pytest.mark.parametrize("redact", ["none", "off"])
def test_exact_clip_ends_are_the_tags_on_an_untrusted_clock(footage, tmp_path, case, redact):
    film = footage.get(case)
    index = build_index(film.path)
    assert index.built_by == "decoder"  # the point of the case
    first, last = 13, 41  # across B-frames, away from the keyframes
    with Project.create(tmp_path / "p.shenpian") as project:
        media_id = project.add_media(film.path).select
        project.add_tag(media_id, int(index.ms[first]), "qing-laji", end_ms=int(index.ms[last]))
        snap = snapshot.take(project, selection.Selection())
    options = ExportOptions(preset="ultrafast", redact=redact)
    result = run.export(snap, "clips", tmp_path / "c", options)
    assert not result.skipped
    clip = decode(result.files[0])
    assert clip.codes[0] == film.first_index + first, "the clip starts on another frame"
    assert clip.codes[-1] == film.first_index + last, "the clip ends on another frame"
    assert clip.runs() == list(range(film.first_index + first, film.first_index + last + 1))
