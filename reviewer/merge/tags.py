"""Tags by UUID: add new ones, take over edits made only on a laptop, keep conflicts.

Most tags are simple (new to the project, or the same as ours) and skip
the history look-up; only a tag that differs from ours, or comes in more
than one version, is decided by ancestry (see ``versions``).
"""

from __future__ import annotations

import json
import sqlite3
from collections import Counter, defaultdict
from collections.abc import Iterator
from dataclasses import dataclass, replace
from itertools import groupby
from operator import attrgetter, itemgetter

from reviewer.merge.media_map import MediaMap
from reviewer.merge.model import Conflict, PackageSummary
from reviewer.merge.package import Package
from reviewer.merge.versions import MINE, Decision, Stamp, Version, content_key, decide, version
from reviewer.store import rows, search
from reviewer.store.model import Still, Tag

_CHUNK = 500
_Incoming = tuple[Package, Tag]


@dataclass(frozen=True)
class TagOutcome:
    summaries: tuple[PackageSummary, ...]
    added: tuple[str, ...]
    updated: tuple[str, ...]
    identical: int
    kept_local: int
    conflicts: tuple[Conflict, ...]


def tag_from_json(text: str) -> Tag:
    data = json.loads(text)
    data["stills"] = tuple(Still(s["pts_ms"], s["frame_pts"]) for s in data["stills"])
    return Tag(**data)


class TagMerge:
    def __init__(self, conn: sqlite3.Connection, media: MediaMap, who: str, at: str) -> None:
        self.conn, self.media, self.who, self.at = conn, media, who, at
        self.counts: dict[str, Counter[str]] = defaultdict(Counter)
        self.added: list[str] = []
        self.updated: list[str] = []
        self.conflicts: list[Conflict] = []
        self.seen: list[tuple[str, str, str]] = []
        self.inserts: list[tuple[str, Tag]] = []  # (where it came from, the tag)

    def run(self, packages: list[Package]) -> TagOutcome:
        incoming = self._incoming(packages)
        self._add_reviewers(incoming)
        mine = self._load_mine(list(incoming))
        pending = self._load_pending()
        contested = [u for u in sorted(incoming) if not self._simple(u, incoming[u], mine.get(u),
                                                                     u in pending)]
        histories = self._histories(contested)
        for uuid in contested:
            self._decide(uuid, incoming[uuid], mine.get(uuid), pending.get(uuid, []), histories)
        self._flush_inserts()
        self.conn.executemany("INSERT INTO merge_seen (tag_uuid, updated_at, updated_by) "
                              "VALUES (?, ?, ?) ON CONFLICT DO NOTHING", self.seen)
        return self._outcome(packages)

    # --- reading ---------------------------------------------------------------

    def _incoming(self, packages: list[Package]) -> dict[str, list[_Incoming]]:
        found: dict[str, list[_Incoming]] = defaultdict(list)
        for package in packages:
            # Copies of one master share media ids: only tags on footage we know under
            # another id need a second Tag object (one look-up per footage, not per tag).
            moved = {m.id: ours for m in package.media
                     if (ours := self.media.ours(package, m.id)) != m.id}
            for tag in package.tags:
                ours = replace(tag, media_id=moved[tag.media_id]) if tag.media_id in moved else tag
                found[tag.uuid].append((package, ours))
        return found

    def _add_reviewers(self, incoming: dict[str, list[_Incoming]]) -> None:
        names = sorted({t.reviewer for versions in incoming.values() for _, t in versions})
        self.conn.executemany("INSERT INTO reviewers (name, created_at) VALUES (?, ?) "
                              "ON CONFLICT (name) DO NOTHING", [(n, self.at) for n in names])

    def _load_mine(self, uuids: list[str]) -> dict[str, Tag]:
        found = {}
        for chunk in _chunks(self._held(uuids)):
            sql = rows.TAG_SELECT + f" WHERE t.uuid IN ({', '.join('?' for _ in chunk)})"
            for row in self.conn.execute(sql, chunk):
                tag = rows.tag_from_row(row)
                found[tag.uuid] = tag
        return found

    def _held(self, uuids: list[str]) -> list[str]:
        """The ``uuids`` we may hold. When a merge brings more tags than the project has,
        most are new: one scan of our uuids beats probing with all of theirs."""
        if self.conn.execute("SELECT COUNT(*) FROM tags").fetchone()[0] > len(uuids):
            return uuids
        return sorted({u for (u,) in self.conn.execute("SELECT uuid FROM tags")}.intersection(uuids))

    def _load_pending(self) -> dict[str, list[Version]]:
        found: dict[str, list[Version]] = defaultdict(list)
        for cid, uuid, text in self.conn.execute(
                "SELECT id, tag_uuid, version FROM merge_conflicts WHERE status = 'pending' "
                "ORDER BY id"):
            found[uuid].append(version(tag_from_json(text), f"pending:{cid}", ()))
        return found

    def _histories(self, uuids: list[str]) -> dict[str, set[Stamp]]:
        """Every version our copy of each tag went through: its audit log and earlier merges."""
        found: dict[str, set[Stamp]] = defaultdict(set)
        for chunk in _chunks(uuids):
            marks = ", ".join("?" for _ in chunk)
            for uuid, at, who in self.conn.execute(
                    "SELECT entity_id, at, reviewer FROM audit WHERE entity = 'tag' AND "
                    f"entity_id IN ({marks})", chunk):
                found[uuid].add((at, who))
            for uuid, at, who in self.conn.execute(
                    "SELECT tag_uuid, updated_at, updated_by FROM merge_seen WHERE "
                    f"tag_uuid IN ({marks})", chunk):
                found[uuid].add((at, who))
        return found

    # --- deciding --------------------------------------------------------------

    def _simple(self, uuid: str, versions: list[_Incoming], mine: Tag | None,
                has_pending: bool) -> bool:
        """New to us in one version, or the same as ours: no history needed."""
        if has_pending:
            return False
        if mine is None and len(versions) == 1:  # nine in ten tags of a big merge: no sets
            self._add_only(uuid, versions)
            return True
        stamps = {(t.updated_at, t.updated_by) for _, t in versions}
        if mine is None and len(stamps) == 1 and len({content_key(t) for _, t in versions}) == 1:
            self._add_only(uuid, versions)
            return True
        if mine is not None and {content_key(t) for _, t in versions} == {content_key(mine)}:
            self._count(versions, "identical")
            known = {(mine.updated_at, mine.updated_by), (mine.created_at, mine.reviewer)}
            self.seen.extend((uuid, at, who) for at, who in stamps - known)
            return True
        return False

    def _add_only(self, uuid: str, versions: list[_Incoming]) -> None:
        """A tag new to us, in one version (however many packages carry it)."""
        package, first = versions[0]  # packages come in canonical order
        self._insert(package.source_id, first)
        self._count(versions, "added")
        self.added.append(uuid)
        if first.revision > 1:  # a never-edited tag's stamp is its creation, always known
            self.seen.append((uuid, first.updated_at, first.updated_by))

    def _decide(self, uuid: str, incoming: list[_Incoming], mine: Tag | None,
                pending: list[Version], histories: dict[str, set[Stamp]]) -> None:
        own = None if mine is None else version(mine, MINE, histories.get(uuid, ()))
        theirs = [version(t, p.source_id, p.history.get(uuid, ())) for p, t in incoming]
        decision = decide(own, pending, theirs)
        self._apply(uuid, decision, mine, own.history if own else frozenset())
        self._tally(incoming, decision)

    def _apply(self, uuid: str, d: Decision, mine: Tag | None, known: frozenset[Stamp]) -> None:
        if d.action == "add":
            self._insert(d.winner.origin, d.winner.tag)
            self.added.append(uuid)
        elif d.action == "update" and mine is not None:
            self._update(mine, d.winner.tag)
            self.updated.append(uuid)
        for rival in d.rivals:
            self._conflict(uuid, d.winner.tag, rival)
        self.conn.executemany(
            "UPDATE merge_conflicts SET status = 'superseded', resolved_at = ?, resolved_by = ? "
            "WHERE id = ? AND status = 'pending'", [(self.at, self.who, i) for i in d.superseded])
        # Only stamps our history lacks: a merge that brings nothing new writes nothing.
        new = {v.stamp for v in (*d.settled, d.winner)} - known
        self.seen.extend((uuid, at, who) for at, who in sorted(new))

    def _tally(self, incoming: list[_Incoming], d: Decision) -> None:
        rival_stamps = {r.stamp for r in d.rivals}
        for package, tag in incoming:
            stamp = (tag.updated_at, tag.updated_by)
            if stamp == d.winner.stamp and d.action == "add":
                self.counts[package.checksum]["added"] += 1
            elif stamp == d.winner.stamp and d.action == "update":
                self.counts[package.checksum]["updated"] += 1
            elif stamp in rival_stamps:
                self.counts[package.checksum]["conflicts"] += 1
            elif content_key(tag) == d.winner.key:
                self.counts[package.checksum]["identical"] += 1
            else:
                self.counts[package.checksum]["kept_local"] += 1

    # --- writing ---------------------------------------------------------------

    def _insert(self, source: str, tag: Tag) -> None:
        # Written in one executemany at the end: per-row statements dominate a big merge.
        self.inserts.append((source, tag))

    def _flush_inserts(self) -> None:
        """Insert the new tags, grouped by source, and one ``merge-add`` audit row per tag.

        The audit row names the tag, the editor, the time, the package it came
        from and the version (stamp and revision) taken; the content is the
        tag's own row, and every later edit is audited with before and after.
        A full JSON copy of each tag was 40 MB of audit for 90,000 tags.
        """
        self.inserts.sort(key=lambda item: item[0])  # stable: uuid order within a source
        last = self.conn.execute("SELECT COALESCE(MAX(id), 0) FROM tags").fetchone()[0]
        search.insert_tags_bulk(self.conn, (_row_values(t) for _, t in self.inserts),
                                len(self.inserts))
        # Rows got ids last+1, last+2, ... in this order, so a source's tags are one range.
        for source, group in groupby(self.inserts, key=itemgetter(0)):
            count = sum(1 for _ in group)
            self.conn.execute(_AUDIT_ADDED, (self.at, self.who, source, last + 1, last + count))
            last += count
        self.inserts.clear()

    def _update(self, mine: Tag, theirs: Tag) -> None:
        """Take over the laptop's version, stamps included, so the next merge recognises it."""
        names = ("media_id", *theirs.editable(), "updated_at", "updated_by", "deleted_at",
                 "deleted_by")
        values = [rows.column_value(n, getattr(theirs, n)) for n in names]
        revision = max(theirs.revision, mine.revision + 1)
        self.conn.execute(f"UPDATE tags SET {', '.join(n + ' = ?' for n in names)}, revision = ? "
                          "WHERE uuid = ?", [*values, revision, mine.uuid])
        rows.audit(self.conn, self.who, self.at, "merge-update", "tag", mine.uuid,
                   _visible(mine), _visible(theirs))

    def _conflict(self, uuid: str, current: Tag, rival: Version) -> None:
        kind = "edit_delete" if rival.tag.deleted != current.deleted else "edit"
        cur = self.conn.execute(
            "INSERT INTO merge_conflicts (tag_uuid, kind, source_id, stamp_at, stamp_by, version, "
            "created_at) VALUES (?, ?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING",
            (uuid, kind, rival.origin, rival.stamp[0], rival.stamp[1],
             json.dumps(rival.tag.to_dict(), ensure_ascii=False), self.at))
        if cur.rowcount == 1 and cur.lastrowid is not None:
            self.conflicts.append(Conflict(cur.lastrowid, uuid, kind, current, rival.tag,
                                           rival.origin))
            rows.audit(self.conn, self.who, self.at, "merge-conflict", "tag", uuid, None,
                       {"source": rival.origin, "kind": kind, "version": _visible(rival.tag)})

    def _count(self, versions: list[_Incoming], what: str) -> None:
        for package, _ in versions:
            self.counts[package.checksum][what] += 1

    def _outcome(self, packages: list[Package]) -> TagOutcome:
        summaries = tuple(PackageSummary(
            path=str(p.path), source_id=p.source_id, reviewer=p.manifest.reviewer,
            host=p.manifest.host, checksum=p.checksum, tags=len(p.tags),
            **self.counts[p.checksum]) for p in packages)
        return TagOutcome(summaries, tuple(self.added), tuple(self.updated),
                          sum(s.identical for s in summaries),
                          sum(s.kept_local for s in summaries), tuple(self.conflicts))


_FIELDS = attrgetter(*rows.TAG_COLUMNS)
_STILLS = rows.TAG_COLUMNS.index("stills")
_AUDIT_ADDED = (
    "INSERT INTO audit (at, reviewer, action, entity, entity_id, before, after) "
    "SELECT ?, ?, 'merge-add', 'tag', t.uuid, NULL, json_object('source', ?, "
    "'updated_at', t.updated_at, 'updated_by', t.updated_by, 'revision', t.revision) "
    "FROM tags t WHERE t.id BETWEEN ? AND ? ORDER BY t.id")


def _row_values(tag: Tag) -> tuple[object, ...]:
    values = _FIELDS(tag)
    if not tag.stills:  # most tags: the stills column is the same "[]" for all of them
        return values[:_STILLS] + _NO_STILLS + values[_STILLS + 1:]
    return values[:_STILLS] + (rows.stills_to_json(tag.stills),) + values[_STILLS + 1:]


_NO_STILLS = ("[]",)


def _visible(tag: Tag) -> dict[str, object]:
    data = tag.editable()
    data.update(media_id=tag.media_id, deleted_at=tag.deleted_at, deleted_by=tag.deleted_by)
    return data


def _chunks(items: list[str]) -> Iterator[list[str]]:
    for start in range(0, len(items), _CHUNK):
        yield items[start:start + _CHUNK]


