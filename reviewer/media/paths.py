"""Path rules shared by every reader of footage: local files only, caches in the app's folder."""

from __future__ import annotations

import os
import re
from pathlib import Path

import platformdirs

from reviewer.files import kind_of, not_a_file_messages
from reviewer.media.errors import EmptyFileError, MediaError, MediaNotFoundError, NotLocalPathError

APP_NAME = "shenpian"
# A URL or a UNC path would make the laptop talk to a server (and, on Windows,
# send the user's NTLM credentials) before we ever saw a byte.
_REMOTE = re.compile(r"^([a-zA-Z][a-zA-Z0-9+.-]+://|\\\\|//)")


class NotAFileError(MediaError):
    """The path exists (or loops) but is no regular file: say what it is instead."""

    messages = not_a_file_messages("视频文件", "a video file")

    def __init__(self, path: str | Path, kind: str) -> None:
        self.kind = kind
        super().__init__(path)


def check_local_file(path: str | Path) -> Path:
    """Return ``path`` as a Path if it is an existing, non-empty local file."""
    text = os.fspath(path)
    if _REMOTE.match(text):
        raise NotLocalPathError(text)
    p = Path(text)
    kind = kind_of(p)
    if kind == "missing":
        raise MediaNotFoundError(p)
    if kind != "file":
        raise NotAFileError(p, kind)
    if p.stat().st_size == 0:
        raise EmptyFileError(p)
    return p


def cache_dir() -> Path:
    """The app's cache folder (never beside the footage); SHENPIAN_CACHE_DIR overrides it."""
    override = os.environ.get("SHENPIAN_CACHE_DIR")
    base = Path(override) if override else Path(platformdirs.user_cache_dir(APP_NAME, False))
    base.mkdir(parents=True, exist_ok=True)
    return base
