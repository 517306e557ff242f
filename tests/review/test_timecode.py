from __future__ import annotations

import pytest

from reviewer.timecode import GotoTarget, format_ms, parse_position


@pytest.mark.parametrize(
    "text,expected",
    [
        ("1:02:03.045", GotoTarget(ms=3_723_045)),
        ("02:03.5", GotoTarget(ms=123_500)),
        ("2：03", GotoTarget(ms=123_000)),  # full-width colon from a Chinese IME
        ("75.25", GotoTarget(ms=75_250)),
        ("#1500", GotoTarget(frame=1500)),
        ("f42", GotoTarget(frame=42)),
        ("", None),
        ("abc", None),
        ("-3", None),
        ("#x", None),
    ],
)
def test_parse_position(text, expected):
    assert parse_position(text) == expected


def test_format_ms_round_trips():
    for ms in (0, 999, 61_001, 3_723_045):
        assert parse_position(format_ms(ms)) == GotoTarget(ms=ms)
