"""``redact detect|status|sign``, ``export --redact/--no-redact``, ``frame --redact``."""

from __future__ import annotations

import json

import av
import cv2

from reviewer.store.project import Project
from tests.cli.conftest import cli
from tests.redact.conftest import make_project

STRICT = 0.3


def _faces_in(path, detector):
    with av.open(str(path)) as container:
        return [len(detector.detect(f.to_ndarray(format="bgr24"), STRICT))
                for f in container.decode(video=0)]


def test_detect_status_sign_and_export(capsys, tmp_path, clip, detector):
    path = tmp_path / "项目.shenpian"
    make_project(path, clip).close()
    code, out, err = cli(capsys, "redact", "status", path)
    assert code == 0 and "未检测" in out and "未检查" in out
    code, out, err = cli(capsys, "export", path, "-f", "clips", "-o", tmp_path / "plain")
    assert code == 0 and "导出时已自动检测打码" in err  # no pass yet: found during the export
    assert _faces_in(next((tmp_path / "plain").glob("*.mp4")), detector) == [0] * clip.frames
    code, out, err = cli(capsys, "redact", "detect", path)
    assert code == 0, err
    assert "检测中 100%" in out and "2 个人脸轨迹" in out
    code, out, err = cli(capsys, "--lang", "en", "redact", "status", path, "--json")
    row = json.loads(out)[0]
    assert (row["faces"], row["detected"], row["state"]) == (2, True, "unchecked")
    code, out, err = cli(capsys, "export", path, "-f", "clips", "-o", tmp_path / "c")
    assert code == 0 and "未经检查" in err and row["uuid"][:8] in err
    clip_file = next((tmp_path / "c").glob("*.mp4"))
    assert _faces_in(clip_file, detector) == [0] * clip.frames  # on by default now
    code, out, err = cli(capsys, "redact", "sign", path, row["uuid"][:8])
    assert code == 0
    code, out, err = cli(capsys, "redact", "status", path)
    assert "已检查" in out and "未检查 0 个" in out
    code, out, err = cli(capsys, "export", path, "-f", "clips", "-o", tmp_path / "c2")
    assert "未经检查" not in err


def test_unredacted_export_needs_the_flag_and_is_marked(capsys, tmp_path, clip, detector):
    path = tmp_path / "p.shenpian"
    with make_project(path, clip) as project:
        from tests.redact.conftest import detect_all

        detect_all(project)
    code, out, err = cli(capsys, "export", path, "-f", "clips", "--no-redact", "-o", tmp_path / "u")
    assert code == 0 and "未打码 · 内部资料" in err
    assert sum(_faces_in(next((tmp_path / "u").glob("*.mp4")), detector)) > 0
    code, out, err = cli(capsys, "export", path, "-f", "clips", "--lossless", "-o", tmp_path / "l")
    assert code == 2 and err.count("\n") == 1 and "无损片段无法打码" in err
    assert not (tmp_path / "l").exists()
    code, out, err = cli(capsys, "--lang", "en", "export", path, "-f", "clips", "--lossless",
                         "--no-redact", "-o", tmp_path / "l")
    assert code == 0 and "file names start with" in err
    names = [f.name for f in (tmp_path / "l").glob("*.mp4")]
    assert names and all(n.startswith("未打码_") for n in names)


def test_pictures_leave_redacted_by_default_even_before_any_detection(capsys, tmp_path, clip,
                                                                      detector):
    path = tmp_path / "p.shenpian"
    make_project(path, clip).close()
    code, out, err = cli(capsys, "export", path, "-f", "clips", "-o", tmp_path / "d")
    assert code == 0 and "导出时已自动检测打码" in err
    clip_out = next((tmp_path / "d").glob("*.mp4"))
    assert not clip_out.name.startswith("未打码_")
    assert sum(_faces_in(clip_out, detector)) == 0


def test_frame_redact(capsys, tmp_path, clip, detector):
    out = tmp_path / "画面.png"
    code, _, err = cli(capsys, "frame", clip.path, "--at", "1.0", "-o", out, "--redact")
    assert code == 0, err
    assert detector.detect(cv2.imread(str(out)), STRICT) == []
    code, _, _ = cli(capsys, "frame", clip.path, "--at", "1.0", "-o", out)
    assert len(detector.detect(cv2.imread(str(out)))) == 2


def test_detect_reports_offline_footage(capsys, tmp_path, clip):
    import shutil

    moved = tmp_path / "moved.mp4"
    shutil.copy(clip.path, moved)
    path = tmp_path / "o.shenpian"
    with Project.create(path) as project:
        media = project.add_media(moved).select
        project.add_tag(media, 0, "qing-laji")
    moved.unlink()
    code, out, err = cli(capsys, "redact", "detect", path)
    assert code == 2 and "视频离线" in err and "moved.mp4" in err
