"""Proposals the scan makes (scene changes, speech): which are still open for a reviewer.

A proposal is never a tag. Accepting one tags the frame on screen through the normal
tagging path; a tag at its frame closes it. Dismissing one (Del) is kept in the project,
so it does not come back when the file is opened again. Proposals are never exported.
"""

from __future__ import annotations

from collections.abc import Iterable

from reviewer.review.skippable import Proposal
from reviewer.store.model import now_iso
from reviewer.store.project import Project

NEAR_MS = 100  # a tag this close to a proposal is the reviewer's answer to it


def dismissed(project: Project, media_id: str) -> set[tuple[str, int]]:
    rows = project.query("SELECT kind, at_ms FROM proposal_dismissed WHERE media_id = ?",
                         (media_id,))
    return {(str(kind), int(at)) for kind, at in rows}


def dismiss(project: Project, media_id: str, proposal: Proposal) -> None:
    with project.write() as conn:
        conn.execute("INSERT INTO proposal_dismissed (media_id, kind, at_ms, by, at) "
                     "VALUES (?, ?, ?, ?, ?) ON CONFLICT DO NOTHING",
                     (media_id, proposal.kind, proposal.at_ms, project.reviewer, now_iso()))


def still_open(proposals: Iterable[Proposal], gone: set[tuple[str, int]],
               tag_starts: Iterable[int]) -> tuple[Proposal, ...]:
    """Proposals neither dismissed nor answered by a tag at their frame."""
    starts = sorted(tag_starts)
    return tuple(p for p in proposals if (p.kind, p.at_ms) not in gone
                 and not any(abs(s - p.at_ms) < NEAR_MS for s in starts))
