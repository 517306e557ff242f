"""Text typed on a machine we do not control, made safe to show.

Reviewer and host names, notes, places, labels and ids in a package are typed on a
laptop we do not control, and reach the master through a merge. A newline or ESC in a
name can forge extra lines or colour codes in a terminal report; U+202E (right-to-left
override) can make ``gpj.exe`` read as ``exe.jpg`` in a table cell. Before any of it is
printed or shown, such characters are replaced by a visible escape (``\\x1b``,
``\\u202e``), so the reader sees that something odd was there. Stored text is unchanged.
"""

from __future__ import annotations

import re

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
