"""Finding a code book entry, a status or a severity by what a person types or a ledger shows:
an id, the Chinese label, or the English label (in any case)."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Protocol

from reviewer.codebook.model import SEVERITY_LABELS, STATUS_LABELS, Label


class Entry(Protocol):
    @property
    def id(self) -> str: ...

    @property
    def label(self) -> Label: ...


def names(entries: Iterable[Entry]) -> dict[str, str]:
    """Every way to name each entry (id, Chinese, English case-folded) -> its id."""
    found: dict[str, str] = {}
    for entry in entries:
        found.update({entry.id: entry.id, entry.label.zh: entry.id})
        if entry.label.en:
            found[entry.label.en.casefold()] = entry.id
    return found


def status_names() -> dict[str, str]:
    found = {code: code for code in STATUS_LABELS}
    for code, (zh, en) in STATUS_LABELS.items():
        found.update({zh: code, en.casefold(): code})
    return found


def severity_names() -> dict[str, int]:
    found: dict[str, int] = {}
    for level, (zh, en) in SEVERITY_LABELS.items():
        found.update({str(level): level, zh: level, en.casefold(): level})
    return found


def find(table: dict[str, str], text: str) -> str | None:
    """``text`` looked up as typed, then case-folded (for English labels)."""
    text = text.strip()
    return table.get(text, table.get(text.casefold()))
