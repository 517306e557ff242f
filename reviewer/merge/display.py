"""What the editor is shown of a package's tags: safe text, and frame numbers for times.

Text from another laptop is made safe to show: no control or
direction-changing characters.

Reviewer and host names, notes, labels and ids in a package are typed on a
machine we do not control. A newline or ESC in a name can forge extra lines
or colour codes in a terminal report; U+202E (right-to-left override) can
make ``gpj.exe`` read as ``exe.jpg``. Before any of it is printed or shown,
such characters are replaced by a visible escape (``\\x1b``, ``\\u202e``),
so the editor sees that something odd was there. Stored text is unchanged.
"""

from __future__ import annotations

import re
from collections.abc import Mapping

# C0/C1 controls and DEL, line and paragraph separators, and every Unicode
# format character (category Cf, as of Unicode 15): bidi embeddings,
# overrides, isolates and marks (U+202A-202E, U+2066-2069, U+200E/200F,
# U+061C), zero-width characters, the BOM and tag characters.
_FORMAT = ("\xad\u0600-\u0605\u061c\u06dd\u070f\u0890\u0891\u08e2\u180e\u200b-\u200f"
           "\u202a-\u202e\u2060-\u2064\u2066-\u206f\ufeff\ufff9-\ufffb\U000110bd"
           "\U000110cd\U00013430-\U0001343f\U0001bca0-\U0001bca3\U0001d173-\U0001d17a"
           "\U000e0001\U000e0020-\U000e007f")
_UNSAFE = re.compile("[\x00-\x1f\x7f-\x9f\u2028\u2029" + _FORMAT + "]")
_UNSAFE_BUT_NEWLINE = re.compile("[\x00-\x09\x0b-\x1f\x7f-\x9f\u2028\u2029" + _FORMAT + "]")


def shown(text: object, keep_newlines: bool = False) -> str:
    """``text`` with every unsafe character escaped; ``keep_newlines`` for multi-line cells."""
    value = "" if text is None else str(text)
    return (_UNSAFE_BUT_NEWLINE if keep_newlines else _UNSAFE).sub(_escape, value)


def _escape(match: re.Match[str]) -> str:
    code = ord(match.group())
    return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}" if code < 0x10000 \
        else f"\\U{code:08x}"


def frame_index(ms: int, info: Mapping[str, object]) -> tuple[int, bool] | None:
    """The display index of the frame at ``ms`` (from the first frame), and whether it is exact.

    Tags hold times from decoded timestamps, never frame numbers; this is
    only for showing them. Constant-rate footage has frame ``round(ms * fps)``
    exactly (a tag's time is the start of a frame); for variable-rate
    footage the average rate gives an approximation, marked as such. None
    when the footage's rate is unknown (footage never probed here).
    """
    fps = info.get("average_fps") or info.get("nominal_fps")
    if not isinstance(fps, int | float) or isinstance(fps, bool) or not 0 < fps < 10_000:
        return None
    return round(ms * fps / 1000), not info.get("is_vfr", False)
