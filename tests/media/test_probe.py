from __future__ import annotations

from datetime import UTC, datetime

import pytest

from reviewer.media.errors import (
    AudioOnlyError,
    EmptyFileError,
    MediaNotFoundError,
    NotAVideoError,
    NotLocalPathError,
    TruncatedNoIndexError,
    UnsupportedCodecError,
)
from reviewer.media.info import probe
from tests.footage import mp4_boxes


def test_cfr_1080_with_bframes_and_audio(footage):
    case = footage.cfr1080
    info = probe(case.path)
    assert (info.width, info.height, info.rotation) == (1920, 1080, 0)
    assert info.frame_count == 300 and info.frame_count_exact
    assert info.duration_ms == 10_000
    assert info.nominal_fps == pytest.approx(30) and info.average_fps == pytest.approx(30)
    assert not info.is_vfr
    assert (info.video_codec, info.has_audio, info.audio_codec) == ("h264", True, "aac")
    assert info.recorded_at == datetime(2026, 11, 3, 9, 15, tzinfo=UTC)
    assert not info.truncated


def test_vfr_is_flagged_and_counted_from_packets(footage):
    case = footage.vfr
    info = probe(case.path)
    assert info.is_vfr
    assert info.frame_count == case.frames
    assert info.frame_count_exact
    # Average is what the clock says, not the nominal 30 the header claims.
    expected_avg = (case.frames - 1) / (case.times_ms[-1] / 1000)
    assert info.average_fps == pytest.approx(expected_avg, rel=0.01)
    assert info.average_fps < 25


def test_rotation_swaps_display_size(footage):
    info = probe(footage.rot90.path)
    assert info.rotation == 90
    assert (info.coded_width, info.coded_height) == (320, 240)
    assert (info.width, info.height) == (240, 320)


@pytest.mark.parametrize("name,codec", [("hevc", "hevc"), ("mpeg4_avi", "mpeg4")])
def test_other_codecs(footage, name, codec):
    case = footage.get(name)
    info = probe(case.path)
    assert info.video_codec == codec
    assert info.frame_count == case.frames


def test_chinese_path_with_spaces(footage):
    case = footage.chinese
    info = probe(case.path)
    assert info.name == "第一段 餐馆 后厨.mp4"
    assert info.frame_count == case.frames


def test_faststart_cut_short_counts_only_what_is_on_disk(footage):
    case = footage.faststart_cut
    info = probe(case.path)
    assert info.truncated and not info.frame_count_exact
    # The header still lists 150 frames; fewer are on disk.
    assert 30 < info.frame_count < case.frames


def test_moov_at_end_cut_needs_repair(footage):
    case = footage.moov_at_end_cut
    assert b"moov" not in mp4_boxes(case.path)
    with pytest.raises(TruncatedNoIndexError) as err:
        probe(case.path)
    assert "需要修复" in err.value.message("zh_CN")
    assert "battery_died.mp4" in err.value.message("zh_CN")
    assert "repair" in err.value.message("en")


@pytest.mark.parametrize(
    "name,error",
    [
        ("empty", EmptyFileError),
        ("text", NotAVideoError),
        ("audio", AudioOnlyError),
        ("unsupported", UnsupportedCodecError),
    ],
)
def test_bad_files_raise_specific_errors(footage, name, error):
    case = footage.get(name)
    with pytest.raises(error) as err:
        probe(case.path)
    assert type(err.value) is error
    assert case.path.name in err.value.message("zh_CN")


def test_missing_file(tmp_path):
    with pytest.raises(MediaNotFoundError) as err:
        probe(tmp_path / "没有.mp4")
    assert err.value.message("zh_CN") == "找不到文件：没有.mp4"


@pytest.mark.parametrize(
    "url", ["http://127.0.0.1:9/x.mp4", "\\\\server\\share\\x.mp4", "//host/x.mp4"]
)
def test_network_locations_are_refused_before_any_access(url):
    with pytest.raises(NotLocalPathError):
        probe(url)


def test_transport_stream_times_start_at_zero(footage):
    info = probe(footage.ts_offset.path)
    assert info.container == "mpegts"
    assert info.duration_ms == 2000


@pytest.mark.parametrize("name", ["zero_size_avi", "discard_tail", "packed_b_avi", "mpeg2_ts"])
def test_complete_files_are_not_called_cut_short(footage, name):
    """Zero-size repeat entries and a discard-flagged last packet count in headers, not on screen."""
    case = footage.get(name)
    info = probe(case.path)
    assert not info.truncated and info.frame_count_exact
    assert info.frame_count == case.frames
    assert info.duration_ms >= case.times_ms[-1]


def test_header_counts_more_frames_than_are_shown(footage):
    import av

    with av.open(str(footage.zero_size_avi.path)) as container:
        listed = container.streams.video[0].frames
    assert listed > footage.zero_size_avi.frames  # the zero-size entries: not missing data


def test_damaged_frames_are_counted_when_checked(footage):
    case = footage.corrupt_slice
    quick = probe(case.path)
    assert (quick.damaged_frames, quick.damage_checked, quick.truncated) == (0, False, False)
    full = probe(case.path, check=True)
    assert (full.damaged_frames, full.damaged_stretches, full.damage_checked) == (1, 1, True)


def test_decoder_built_index_is_said(footage):
    info = probe(footage.pts_eq_dts_mp4.path)
    assert info.indexed_by == "decoder" and info.damage_checked and info.damaged_frames == 0
    assert info.frame_count == footage.pts_eq_dts_mp4.frames and not info.is_vfr


def test_iphone_hevc(footage):
    info = probe(footage.iphone_hevc.path)
    assert (info.video_codec, info.pixel_format, info.rotation) == ("hevc", "yuv420p10le", 90)
    assert (info.width, info.height) == (240, 320) and info.has_audio
    assert info.frame_count == 60 and info.duration_ms == 2000 and not info.truncated


def test_button_camera(footage):
    info = probe(footage.button_mjpeg.path)
    assert (info.video_codec, info.pixel_format, info.audio_codec) == (
        "mjpeg",
        "yuvj422p",
        "pcm_s16le",
    )
    assert info.frame_count == 45 and not info.truncated
