"""A word index that answers 1- and 2-character Chinese searches from an index, not a scan.

SQLite's trigram tokenizer needs 3+ characters and LIKE scans every row
(count of 垃圾 over 100,000 tags: 120 ms). Here every CJK character and
every pair of neighbouring CJK characters becomes a token of its own
(written out space-separated for FTS5's ascii tokenizer, which splits at
ASCII spaces and keeps every other character), so 厕 and 垃圾 are each one
token: a single lookup, whatever the length of the notes.
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

    Runs once per text field of every tag written (a merge: 180,000 calls). The
    same runs of characters recur from tag to tag (a place, a reviewer's usual
    phrases), so each run's tokens are computed once and looked up after that.
    """
    if not text:
        return ""
    return " ".join([_RUN_TOKENS.get(run) or _run_tokens(run) for run in _RUN.findall(text)])


# Run -> its tokens. Bounded (cleared when full, short runs only) so a long session
# cannot grow it without limit: 20,000 runs of up to 32 characters are a few MB. A
# long run (a pasted paragraph) is unlikely to recur and would cost ~3x its length.
_RUN_TOKENS: dict[str, str] = {}
_RUN_CACHE_LIMIT = 20_000
_RUN_CACHE_LONGEST = 32


def _run_tokens(run: str) -> str:
    """The characters of one CJK run, then its neighbouring pairs; loops left to C."""
    found = " ".join(run)
    if len(run) > 1:
        found += " " + " ".join(map(str.__add__, run, run[1:]))
    if len(run) <= _RUN_CACHE_LONGEST:
        if len(_RUN_TOKENS) >= _RUN_CACHE_LIMIT:
            _RUN_TOKENS.clear()
        _RUN_TOKENS[run] = found
    return found


def is_short_cjk(term: str) -> bool:
    """A term the word index answers: one or two CJK characters."""
    return 1 <= len(term) <= 2 and all(_CJK.fullmatch(ch) for ch in term)


def query(term: str) -> str:
    """The FTS5 query for a short CJK term: the token itself, quoted."""
    return '"' + term + '"'


def register(conn: sqlite3.Connection) -> None:
    """Every connection that writes tags needs this: the index triggers call it."""
    conn.create_function(FUNCTION, 1, tokens, deterministic=True)
