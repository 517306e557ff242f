"""Running the bundled ffmpeg with cancel: one process at a time, killed on request.

Stderr goes to a temporary file, not a pipe, so a chatty encode can never fill a pipe
buffer and hang; only its tail is kept for the error message.
"""

from __future__ import annotations

import subprocess
import tempfile
import time
from collections.abc import Sequence
from pathlib import Path

from reviewer.export.common import CancelFlag, Cancelled, ExportError, check
from reviewer.media import synth
from reviewer.processes import NO_CONSOLE

_POLL_S = 0.05
# Every file we write is scrubbed of container/stream metadata (GPS, phone model, owner)
# and chapters; the bitexact flags keep ffmpeg from stamping its own version string.
STRIP = ("-map_metadata", "-1", "-map_chapters", "-1", "-fflags", "+bitexact")


def exe() -> str:
    return synth.ffmpeg_exe()


def run(args: Sequence[str], flag: CancelFlag | None = None, cwd: Path | None = None) -> None:
    """Run ``ffmpeg args``; raise Cancelled (process killed) or ExportError on failure."""
    check(flag)
    cmd = [exe(), "-hide_banner", "-nostdin", "-loglevel", "error", "-y", *args]
    with tempfile.TemporaryFile() as log:
        proc = subprocess.Popen(cmd, stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL,
                                stderr=log, cwd=cwd, **NO_CONSOLE)
        try:
            while proc.poll() is None:
                if flag is not None and flag.cancelled:
                    proc.kill()
                    proc.wait()
                    raise Cancelled()
                time.sleep(_POLL_S)
        except BaseException:
            if proc.poll() is None:
                proc.kill()
                proc.wait()
            raise
        if proc.returncode != 0:
            log.seek(0)
            raise _failure(log.read().decode("utf-8", "replace"))


def _failure(stderr: str) -> ExportError:
    if "No space left" in stderr:
        return ExportError("disk_full", "ffmpeg")
    lines = [line for line in stderr.strip().splitlines() if line.strip()]
    return ExportError("ffmpeg", lines[-1][:300] if lines else "unknown error")
