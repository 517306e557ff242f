"""The CJK font shipped with the app, and quoting paths for ffmpeg filter options.

ffmpeg's drawtext has no glyph fallback: a missing font gives boxes, and static Windows
builds often have no fontconfig at all. So every filter that draws text names our own
OFL font file explicitly.
"""

from __future__ import annotations

import re
from pathlib import Path

FONT_DIR = Path(__file__).resolve().parents[2] / "resources" / "fonts"
FONT_FILE = FONT_DIR / "NotoSansCJKsc-Regular.otf"
FONT_FAMILY = "Noto Sans CJK SC"


def filter_path(path: Path) -> str:
    """A path as a filter option value inside ``-vf``/``-filter_complex``.

    Two levels of escaping (ffmpeg-filters "Notes on filtergraph escaping"): first the
    option parser's ``\\ ' :``, then the graph parser's ``\\ ' [ ] , ;``. Quoting with
    '...' alone breaks on a ``'`` in a folder name; this works for 素材: 测试'引号 too.
    """
    text = path.as_posix()
    option = re.sub(r"([\\':])", r"\\\1", text)
    return re.sub(r"([\\'\[\],;])", r"\\\1", option)
