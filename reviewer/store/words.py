"""A word index that answers 1- and 2-character Chinese searches from an index, not a scan.

SQLite's trigram tokenizer needs 3+ characters and LIKE scans every row
(count of 垃圾 over 100,000 tags: 120 ms). Here every CJK character and
every pair of neighbouring CJK characters becomes a token of its own
(written out space-separated for FTS5's unicode61 tokenizer), so 厕 and
垃圾 are each one token: a single lookup, whatever the length of the notes.
Longer terms use the trigram index.
"""

from __future__ import annotations

import re
import sqlite3

FUNCTION = "shenpian_words"
# Han (with extensions and compatibility ideographs), kana and hangul: scripts written
# without spaces, where a word boundary cannot be told from the text.
_CJK_CLASS = (
    "[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uac00-\ud7af\uf900-\ufaff"
    "\U00020000-\U0002fa1f]"
)
_CJK = re.compile(_CJK_CLASS)
_RUN = re.compile(_CJK_CLASS + "+")


def tokens(text: str | None) -> str:
    """Every CJK character and CJK character pair of ``text``, space-separated.

    Runs once per text field of every tag written (a merge: 180,000 calls), so
    the loops are left to C: ``join`` over the characters, ``map`` over the pairs.
    """
    if not text:
        return ""
    parts = []
    for run in _RUN.findall(text):
        parts.append(" ".join(run))
        if len(run) > 1:
            parts.append(" ".join(map(str.__add__, run, run[1:])))
    return " ".join(parts)


def is_short_cjk(term: str) -> bool:
    """A term the word index answers: one or two CJK characters."""
    return 1 <= len(term) <= 2 and all(_CJK.fullmatch(ch) for ch in term)


def query(term: str) -> str:
    """The FTS5 query for a short CJK term: the token itself, quoted."""
    return '"' + term + '"'


def register(conn: sqlite3.Connection) -> None:
    """Every connection that writes tags needs this: the index triggers call it."""
    conn.create_function(FUNCTION, 1, tokens, deterministic=True)
