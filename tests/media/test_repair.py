"""Repair: what can be read goes into a new file beside the original, which is never touched."""

from __future__ import annotations

import hashlib
import subprocess
import sys
from pathlib import Path

import pytest

from reviewer.cli import run
from reviewer.media import synth
from reviewer.media.index import build_index
from reviewer.media.repair import RepairError, repair
from reviewer.media.source import FrameSource
from tests.footage import ffmpeg_md5s, mp4_boxes

ROOT = Path(__file__).resolve().parents[2]


def _digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def _barcodes(path: Path) -> list[int | None]:
    with FrameSource(path) as src:
        return [synth.read_barcode(src.frame(i).to_bgr()) for i in range(len(src))]


@pytest.fixture
def cut_copy(footage, tmp_path):
    """A private copy of a recording whose moov was never written, and its reference."""

    def make(name: str) -> tuple[Path, Path, Path]:
        cut = footage.get(f"{name}_cut").path
        dst = tmp_path / cut.name
        dst.write_bytes(cut.read_bytes())
        return dst, footage.get(f"{name}_reference").path, footage.get(name).path

    return make


@pytest.mark.parametrize("name", ["camera_h264", "camera_hevc"])
def test_rebuilt_index_gives_the_frames_present_bit_exact(cut_copy, name):
    cut, reference, whole = cut_copy(name)
    assert b"moov" not in mp4_boxes(cut)
    before = _digest(cut)
    result = repair(cut, reference=reference)
    assert _digest(cut) == before  # the original is never touched
    assert result.output == cut.with_name(cut.stem + ".repaired.mp4")
    assert result.method == "rebuild"
    truth = ffmpeg_md5s(whole)
    repaired = ffmpeg_md5s(result.output)
    shown = _barcodes(result.output)
    assert result.frames == len(repaired) == len(shown) > 0.5 * len(truth)
    # Every frame present decodes exactly as in the recording before it was cut...
    assert [truth[b] for b in shown] == repaired
    # ...in display order, and all of them up to the last few B-frames the cut took.
    assert shown == sorted(shown) and shown[: len(shown) - 2] == list(range(len(shown) - 2))
    index = build_index(result.output)
    assert index.built_by == "packets" and index.complete


def test_sound_between_the_frames_is_skipped(cut_copy):
    """The H.264 recording has AAC chunks between frames: the frame walk must step over them."""
    cut, reference, whole = cut_copy("camera_h264")
    result = repair(cut, reference=reference, output=cut.with_name("saved.mp4"))
    assert result.output.name == "saved.mp4" and not result.audio
    assert len(ffmpeg_md5s(result.output)) >= 0.55 * len(ffmpeg_md5s(whole)) - 3


def test_without_a_reference_it_says_what_is_needed(cut_copy):
    cut, _reference, _whole = cut_copy("camera_h264")
    with pytest.raises(RepairError) as err:
        repair(cut)
    assert err.value.kind == "needs_reference"
    assert cut.name in err.value.message("zh_CN") and "--reference" in err.value.message("en")


def test_a_reference_from_another_camera_mode_is_refused(cut_copy, footage):
    cut, _reference, _whole = cut_copy("camera_h264")
    with pytest.raises(RepairError) as err:
        repair(cut, reference=footage.other_camera.path)
    assert err.value.kind == "mismatch" and cut.name in err.value.message("zh_CN")
    assert not cut.with_name(cut.stem + ".repaired.mp4").exists()


def test_a_reference_in_another_codec_is_refused(cut_copy, footage):
    cut, _reference, _whole = cut_copy("camera_h264")
    with pytest.raises(RepairError) as err:
        repair(cut, reference=footage.mpeg4_avi.path)
    assert err.value.kind == "codec" and "mpeg4" in err.value.message("en")


def test_an_existing_output_is_never_overwritten(cut_copy):
    cut, reference, _whole = cut_copy("camera_h264")
    taken = cut.with_name(cut.stem + ".repaired.mp4")
    taken.write_bytes(b"someone's file")
    with pytest.raises(RepairError) as err:
        repair(cut, reference=reference)
    assert err.value.kind == "exists" and taken.read_bytes() == b"someone's file"


@pytest.mark.parametrize(
    "name", ["pts_eq_dts_mp4", "packed_b_avi", "raw_h264", "faststart_cut", "button_mjpeg"]
)
def test_remux_keeps_every_readable_frame_with_true_timestamps(footage, tmp_path, name):
    source = footage.get(name).path
    copy = tmp_path / source.name
    copy.write_bytes(source.read_bytes())
    result = repair(copy)
    assert result.method == "remux" and result.output.parent == tmp_path
    assert ffmpeg_md5s(result.output) == footage.reference(name)
    index = build_index(result.output)
    assert index.built_by == "packets"  # its own pts now say display order
    assert index.ms.tolist() == build_index(copy).ms.tolist()


def test_cli_repair_prints_the_new_file(cut_copy, capsys):
    cut, reference, _whole = cut_copy("camera_h264")
    assert run(["--lang", "en", "repair", str(cut), "--reference", str(reference)]) == 0
    out = capsys.readouterr().out
    assert "repaired:" in out and "REC_0042.repaired.mp4" in out


def test_cli_repair_failure_is_one_line_exit_2(cut_copy):
    cut, _reference, _whole = cut_copy("camera_h264")
    result = subprocess.run(
        [sys.executable, str(ROOT / "main.py"), "repair", str(cut)],
        capture_output=True, text=True, encoding="utf-8", timeout=120,
    )
    assert result.returncode == 2
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and cut.name in lines[0] and "--reference" in lines[0]
