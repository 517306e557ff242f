from __future__ import annotations

import pytest

from reviewer.redact import detect, manual
from reviewer.redact.detector import shared
from reviewer.redact.model import Sample
from reviewer.store.project import Project
from tests.redact import faces


@pytest.fixture(scope="session")
def detector():
    """The model, loaded once for the whole session."""
    return shared()


@pytest.fixture(scope="session")
def clip(tmp_path_factory):
    """40 frames at 25 fps: two real faces moving, a plate along the bottom, with sound."""
    return faces.write(tmp_path_factory.mktemp("faces") / "暗访 人脸.mp4")


@pytest.fixture(scope="session")
def rotated(tmp_path_factory):
    """The same kind of clip stored sideways, with a display matrix (a phone held upright)."""
    root = tmp_path_factory.mktemp("faces_rot")
    return faces.write(root / "upright.mp4", width=270, height=480, frames=20, audio=False,
                       rotate_display=90)


def make_project(path, clip, reviewer="张三"):
    """A project with the clip and one range tag over all of it (detection not run)."""
    project = Project.create(path, reviewer=reviewer)
    media_id = project.add_media(clip.path).select
    project.add_tag(media_id, 0, "qing-laji", end_ms=clip.frames * 1000 // clip.fps, county_id="deqin",
                    place="路口", unit_id="zhifa", severity=2, note="人脸测试")
    return project


def detect_all(project):
    jobs, offline = detect.plan(project, project.tags())
    assert not offline
    return detect.save(project, detect.run(jobs))


def add_plate_region(project, clip, frame=20):
    """A manual region on the plate, drawn on one frame and followed by the tracker."""
    from reviewer.redact import regions

    tag = project.tags()[0]
    _, track_id = regions.add_manual(project, tag, clip.times_ms[frame], clip.plates[frame])
    samples = manual.follow(clip.path, [Sample(clip.times_ms[frame], clip.plates[frame], "key")],
                            0, clip.times_ms[-1])
    regions.set_samples(project, track_id, samples)
    return track_id


@pytest.fixture(scope="module")
def redacted_project(tmp_path_factory, clip):
    """Detection run and the plate marked by hand; closed, so tests reopen it."""
    path = tmp_path_factory.mktemp("proj") / "打码.shenpian"
    project = make_project(path, clip)
    detect_all(project)
    add_plate_region(project, clip)
    project.close()
    return path
