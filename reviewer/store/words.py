"""A word index that answers 1- and 2-character Chinese searches from an index, not a scan.

SQLite's trigram tokenizer needs 3+ characters and LIKE scans every row
(600 ms for 垃圾 over 100,000 tags). Here every Han character becomes its
own token (spaces around it before FTS5's unicode61 tokenizer sees the
text), so 垃圾 is the phrase "垃 圾": positions make it exact, any length.
"""

from __future__ import annotations

import re
import sqlite3

FUNCTION = "shenpian_words"
# Han (with extensions and compatibility ideographs), kana and hangul: scripts written
# without spaces, where a word boundary cannot be told from the text.
_CJK = re.compile(
    "([\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uac00-\ud7af\uf900-\ufaff"
    "\U00020000-\U0002fa1f])"
)


def spaced(text: str | None) -> str:
    """``text`` with every CJK character standing alone, ready for a unicode61 tokenizer."""
    return _CJK.sub(r" \1 ", text or "")


def is_cjk(term: str) -> bool:
    return bool(term) and all(_CJK.fullmatch(ch) for ch in term)


def phrase(term: str) -> str:
    """An FTS5 phrase query matching ``term`` as consecutive characters."""
    return '"' + " ".join(spaced(term).split()) + '"'


def register(conn: sqlite3.Connection) -> None:
    """Every connection that writes tags needs this: the index triggers call it."""
    conn.create_function(FUNCTION, 1, spaced, deterministic=True)
