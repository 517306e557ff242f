"""Read failures name their true cause: never "drive removed" for a file that is still there."""

from __future__ import annotations

import errno
import os
import shutil
from pathlib import Path

import av.error
import pytest

from reviewer.media import synth
from reviewer.media.container import as_media_error
from reviewer.media.errors import (
    CutShortError,
    FileGoneError,
    MediaDecodeError,
    MediaNotFoundError,
    MediaReadError,
    PermissionDeniedError,
)
from reviewer.media.info import probe
from reviewer.media.source import FrameSource

REMOVED = "拔出"  # "the drive or card was removed": only for files that really vanished


def _cut(path: Path, share: float) -> None:
    with open(path, "r+b") as fh:
        fh.truncate(int(os.path.getsize(path) * share))


@pytest.fixture
def live_copy(footage, tmp_path):
    dst = tmp_path / "card" / "REC_0007.MP4"
    dst.parent.mkdir()
    shutil.copy(footage.small.path, dst)
    return dst


def test_file_cut_while_open_is_cut_short_not_a_removed_drive(live_copy):
    with FrameSource(live_copy) as src:
        assert synth.read_barcode(src.frame(3).to_bgr()) == 3
        _cut(live_copy, 0.2)
        with pytest.raises(CutShortError) as err:
            src.frame(110)
    message = err.value.message("zh_CN")
    assert "REC_0007.MP4" in message and REMOVED not in message
    assert "repair" in message and not err.value.offline


def test_stepping_forward_into_lost_data_stops_with_cut_short(live_copy):
    with FrameSource(live_copy) as src:
        src.frame(0)
        _cut(live_copy, 0.3)
        with pytest.raises(CutShortError):
            for _ in range(119):
                frame = src.step(+1)
                assert synth.read_barcode(frame.to_bgr()) == frame.index  # never a wrong frame


def test_file_deleted_while_open_is_gone(live_copy):
    with FrameSource(live_copy, prefetch=False) as src:
        src.frame(100)
        live_copy.unlink()  # the open descriptor still reads; reaching the top means reopening
        with pytest.raises(FileGoneError) as err:
            src.frame(2)
    assert REMOVED in err.value.message("zh_CN") and err.value.offline
    assert "REC_0007.MP4" in err.value.message("en")


def test_file_deleted_before_open(live_copy):
    live_copy.unlink()
    with pytest.raises(MediaNotFoundError):
        FrameSource(live_copy)


@pytest.mark.parametrize(
    "code,kind,offline",
    [(errno.EIO, "io_error", False), (errno.ENODEV, "gone", True), (errno.ENXIO, "gone", True)],
)
def test_os_errors_are_classified_by_errno(live_copy, code, kind, offline):
    error = as_media_error(live_copy, OSError(code, os.strerror(code)))
    assert isinstance(error, MediaReadError)
    assert (error.kind, error.offline) == (kind, offline)
    assert "REC_0007.MP4" in error.message("zh_CN")


def test_a_refused_seek_is_never_a_disk_problem(live_copy):
    """AVI answers a seek it cannot do with EPERM; that once read as "card removed"."""
    refusal = av.error.PermissionError(errno.EPERM, "Operation not permitted")
    error = as_media_error(live_copy, refusal)
    assert isinstance(error, MediaDecodeError)
    assert REMOVED not in error.message("zh_CN") and "权限" not in error.message("zh_CN")


def test_a_vanished_file_is_gone_whatever_ffmpeg_said(live_copy):
    live_copy.unlink()
    error = as_media_error(live_copy, av.error.InvalidDataError(errno.EINVAL, "bad data"))
    assert isinstance(error, FileGoneError)


def test_unreadable_file_is_a_permission_problem(live_copy, monkeypatch):
    real_open = Path.open

    def refuse(self, *args, **kwargs):
        if self == live_copy:
            raise PermissionError(errno.EACCES, "Permission denied")
        return real_open(self, *args, **kwargs)

    monkeypatch.setattr(Path, "open", refuse)
    error = as_media_error(live_copy, OSError(errno.EACCES, "Permission denied"))
    assert isinstance(error, PermissionDeniedError)
    assert "权限" in error.message("zh_CN") and REMOVED not in error.message("zh_CN")


@pytest.mark.skipif(os.name != "posix" or os.geteuid() == 0, reason="root reads any file")
def test_unreadable_file_really_refused(live_copy):
    live_copy.chmod(0)
    with pytest.raises(PermissionDeniedError):
        probe(live_copy)
