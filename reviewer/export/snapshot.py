"""A frozen copy of what an export needs from the project, taken on the caller's thread.

The project's SQLite connection belongs to one thread; the snapshot carries the tags,
their labels and where each footage file is *now*, so workers never touch the store.
Output formats name footage only by its project-relative path or file name (never the
absolute path: it leaks user names and case folders).
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, replace
from datetime import date
from pathlib import Path

from reviewer.campaign import snapshot as campaign_snapshot
from reviewer.campaign.snapshot import CampaignSnapshot, Followup
from reviewer.campaign.view import Campaign
from reviewer.codebook.model import STATUS_LABELS
from reviewer.export.selection import Selection, resolve
from reviewer.redact.model import NO_REGIONS, Regions
from reviewer.store.model import Media, Tag
from reviewer.store.project import Project

DEFAULT_FPS = 25.0


@dataclass(frozen=True)
class Item:
    """One selected tag with everything a format prints about it."""

    number: int  # 序号: 1-based place in the export order
    tag: Tag
    category: str
    sub_problem: str
    county: str
    township: str
    unit: str
    status: str  # the status label in the snapshot's language
    colour: str  # the category colour, "#rrggbb"
    media_id: str
    media_name: str  # file name only
    media_ref: str  # project-relative "/" path, or the file name if there is none
    source: Path | None  # where the footage is now; None when offline. Never written out.
    fps: float
    media_duration_ms: int
    has_audio: bool
    width: int
    height: int
    recorded_at: str | None  # ISO time the camera recorded the footage, if it says
    regions: Regions = NO_REGIONS  # what to redact on this footage (#15)
    followup: Followup | None = None  # round, deadline, measures, verdict (reviewer/campaign)

    @property
    def problem(self) -> str:
        return self.sub_problem or self.category

    @property
    def online(self) -> bool:
        return self.source is not None


@dataclass(frozen=True)
class Category:
    id: str
    label: str
    colour: str


@dataclass(frozen=True)
class Snapshot:
    project_name: str
    project_file: str  # file name only
    created_at: str
    lang: str
    items: tuple[Item, ...]
    categories: tuple[Category, ...]  # code book order
    counties: tuple[str, ...]  # code book order, labels
    campaign: CampaignSnapshot | None = None  # rounds, re-checks, scores (bulletin, assessment)
    coverage: tuple = ()  # reviewer.review.watched.FileCoverage per footage file (#16)

    @property
    def fps(self) -> float:
        """The timeline rate: the most common footage rate (China's broadcast standard if none)."""
        rates = Counter(round(i.fps, 3) for i in self.items if i.fps > 0)
        return rates.most_common(1)[0][0] if rates else DEFAULT_FPS

    @property
    def month(self) -> str:
        """The campaign month (YYYY-MM) for statistics across projects."""
        stamps = sorted(i.recorded_at for i in self.items if i.recorded_at)
        return (stamps[0] if stamps else self.created_at or date.today().isoformat())[:7]


def take(project: Project, selection: Selection, lang: str = "zh_CN") -> Snapshot:
    """Snapshot the selection; offline footage is noted per item (``source`` None)."""
    media = {m.id: m for m in project.media()}
    located = {mid: project.locate(m) for mid, m in media.items()}
    book = project.codebook()

    def item_for(tag: Tag, number: int = 0, campaign: Campaign | None = None) -> Item:
        found = _item(project, number, tag, media[tag.media_id], located[tag.media_id], lang)
        problem = campaign.problem(tag.uuid) if campaign else None
        if problem is None or campaign is None:
            return found
        return replace(found, followup=campaign_snapshot.followup(problem, campaign, lang))

    rounds = selection.filter.rounds if selection.playlist is None else ()
    part = campaign_snapshot.take(project, rounds, lang, item_for)
    items = tuple(item_for(tag, n, part.campaign)
                  for n, tag in enumerate(resolve(project, selection), start=1))
    items = attach_regions(project, items)
    meta = project.meta()
    return Snapshot(
        project_name=meta.get("name") or project.path.stem,
        project_file=project.path.name,
        created_at=meta.get("created_at", ""),
        lang=lang,
        items=items,
        categories=tuple(Category(c.id, c.label.text(lang), c.colour) for c in book.categories),
        counties=tuple(c.label.text(lang) for c in book.counties),
        campaign=part,
        coverage=coverage(project),
    )


def coverage(project: Project) -> tuple:
    from reviewer.review.watched import summary  # the review feature reads its own table

    return tuple(summary(project))


def attach_regions(project: Project, items: tuple[Item, ...]) -> tuple[Item, ...]:
    from reviewer.redact.regions import regions  # the redaction feature reads its own tables

    found: dict[str, Regions] = {}
    return tuple(replace(i, regions=found.setdefault(i.media_id, regions(project, i.media_id)))
                 for i in items)


def _item(project: Project, number: int, tag: Tag, media: Media, source: Path | None,
          lang: str) -> Item:
    info = media.info or {}
    category = project.codebook().category(tag.category_id)
    return Item(
        number=number, tag=tag,
        category=project.label("category", tag.category_id, lang),
        sub_problem=project.label("sub_problem", tag.sub_problem_id, lang),
        county=project.label("county", tag.county_id, lang),
        township=project.label("township", tag.township_id, lang),
        unit=project.label("unit", tag.unit_id, lang),
        status=STATUS_LABELS[tag.status][1 if lang.startswith("en") else 0],
        colour=category.colour if category else "#808080",
        media_id=media.id, media_name=media.name, media_ref=media.rel_path or media.name,
        source=source,
        fps=float(info.get("nominal_fps") or info.get("average_fps") or DEFAULT_FPS),
        media_duration_ms=media.duration_ms,
        has_audio=bool(info.get("has_audio")),
        width=int(info.get("width") or 0), height=int(info.get("height") or 0),
        recorded_at=info.get("recorded_at") if isinstance(info.get("recorded_at"), str) else None,
    )
