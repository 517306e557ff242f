"""Which versions of one tag are current: ancestry by stamps, never by clocks.

A version is named by its stamp (updated_at, updated_by): the edit that
produced it. Version v is an ancestor of w when w's history (the stamps
its copy went through, from the audit log and earlier merges) contains
v's stamp. Laptop clocks may be wrong by a year; stamps are only compared
for equality, so clock skew cannot make an edit look "older" and lose it.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from operator import attrgetter
from typing import Literal

from reviewer.store.model import EDITABLE_FIELDS, Tag

Stamp = tuple[str, str]
MINE = "mine"


def stamp(tag: Tag) -> Stamp:
    return (tag.updated_at, tag.updated_by)


def creation(tag: Tag) -> Stamp:
    return (tag.created_at, tag.reviewer)


_CONTENT = attrgetter("media_id", *EDITABLE_FIELDS, "deleted_at")


def content_key(tag: Tag) -> str:
    """What the editor would see; bookkeeping (revision, stamps) is left out.

    ``repr`` of plain values is stable across runs (unlike ``hash``), so ties
    broken by this key come out the same on every machine.
    """
    values = _CONTENT(tag)
    text = repr((*values[:-1], values[-1] is not None))
    return hashlib.blake2b(text.encode("utf-8"), digest_size=16).hexdigest()


@dataclass(frozen=True)
class Version:
    tag: Tag
    origin: str  # MINE, a package's source id, or "pending:<conflict id>"
    history: frozenset[Stamp]
    # content_key(tag), hashed once: a decision compares keys many times over.
    key: str = field(compare=False)

    @property
    def stamp(self) -> Stamp:
        return stamp(self.tag)

    def descends_from(self, other: Version) -> bool:
        return other.stamp != self.stamp and other.stamp in self.history


def version(tag: Tag, origin: str, history: Iterable[Stamp], key: str | None = None) -> Version:
    """``key``, if given, is ``content_key(tag)`` already computed."""
    return Version(tag, origin, frozenset(history) | {stamp(tag), creation(tag)},
                   content_key(tag) if key is None else key)


@dataclass(frozen=True)
class Decision:
    """What the merge does with one tag uuid."""

    action: Literal["keep", "add", "update"]
    winner: Version  # what the project's row holds afterwards
    rivals: tuple[Version, ...]  # other current versions: conflicts for the editor
    settled: tuple[Version, ...]  # versions the winner includes (recorded as seen)
    superseded: tuple[int, ...]  # pending conflicts replaced by a later version


def decide(mine: Version | None, pending: Sequence[Version],
           theirs: Sequence[Version]) -> Decision:
    candidates = _unique_stamps(([mine] if mine else []) + list(pending) + _ordered(theirs))
    heads = _dedupe_content(_heads(candidates))
    winner = _winner(heads, mine)
    rivals = tuple(h for h in heads if h is not winner and not (h.tag.deleted and winner.tag.deleted))
    settled = tuple(c for c in candidates if c not in rivals and not c.origin.startswith("pending:"))
    superseded = tuple(int(c.origin.split(":")[1]) for c in candidates
                       if c.origin.startswith("pending:") and c not in rivals)
    if mine is None:
        action: Literal["keep", "add", "update"] = "add"
    else:
        action = "keep" if winner.key == mine.key else "update"
    return Decision(action, winner, rivals, settled, superseded)


def _ordered(theirs: Sequence[Version]) -> list[Version]:
    # Any package order gives the same candidates in the same order.
    return sorted(theirs, key=lambda v: (v.stamp, v.origin, v.key))


def _unique_stamps(candidates: list[Version]) -> list[Version]:
    """One entry per stamp, with every history that copy of it was seen with."""
    by_stamp: dict[Stamp, Version] = {}
    for c in candidates:
        seen = by_stamp.get(c.stamp)
        if seen is None:
            by_stamp[c.stamp] = c
        else:
            by_stamp[c.stamp] = Version(seen.tag, seen.origin, seen.history | c.history, seen.key)
    return list(by_stamp.values())


def _heads(candidates: list[Version]) -> list[Version]:
    return [c for c in candidates if not any(o.descends_from(c) for o in candidates if o is not c)]


def _dedupe_content(heads: list[Version]) -> list[Version]:
    """Two people making the same change is not a conflict; the first kept wins."""
    by_key: dict[str, Version] = {}
    for h in heads:
        by_key.setdefault(h.key, h)
    return list(by_key.values())


def _winner(heads: list[Version], mine: Version | None) -> Version:
    """The project's own version if still current; else the one that carries on from it.

    Among equals, a live version beats a tombstone (nothing disappears while a
    conflict is open) and the content key breaks ties, not the clock.
    """
    if mine is not None:
        for h in heads:
            if h.origin == MINE:
                return h

    def rank(v: Version) -> tuple[bool, bool, str]:
        from_mine = mine is not None and v.descends_from(mine)
        return (not from_mine, v.tag.deleted, v.key)

    return min(heads, key=rank)
