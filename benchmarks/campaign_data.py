"""A campaign project for the benchmarks: the demo's footage, 12 rounds × 300 problems.

Each round's tags go in through the merge path (``Project.batch`` + ``insert_tags_bulk``)
while that round is current, so they join it as merged tags do. Half the problems get a
returned record (measures, a day, some closed); from the second round on, 30 tags of each
round are confirmed re-checks of problems of the round before (a third recurred, a third
not rectified, a third rectified).
"""

from __future__ import annotations

import random
import uuid
from datetime import date, timedelta
from pathlib import Path

from reviewer.campaign import rows as campaign_rows
from reviewer.campaign.model import Recheck, Rectification
from reviewer.store import rows, search
from reviewer.store.demo import create_demo
from reviewer.store.model import Tag
from reviewer.store.project import Project

ROUNDS, PER_ROUND, RECHECKS = 12, 300, 30
STAMP = "2026-01-05T02:00:00.000Z"


def build(folder: Path, rounds: int = ROUNDS, per_round: int = PER_ROUND,
          seconds: float = 60.0) -> Path:
    path = create_demo(folder / "campaign.shenpian", total_seconds=seconds, rounds=1,
                       reviewer="基准")
    rng = random.Random(14)
    with Project.open(path, reviewer="基准") as project:
        book = project.codebook()
        media = project.media()
        first = project.rounds()[0]
        start = date(2026, 1, 1)
        project.edit_round(first.id, name="第1期", start_on=start, end_on=start + timedelta(days=5))
        previous: list[Tag] = []
        for n in range(1, rounds + 1):
            if n > 1:
                day = start + timedelta(days=30 * (n - 1))
                project.add_round(f"第{n}期", day, day + timedelta(days=5))
            made = [_tag(rng, book, media) for _ in range(per_round)]
            _insert(project, made, previous, rng)
            previous = made
    return path


def _tag(rng: random.Random, book, media) -> Tag:  # noqa: ANN001 - CodeBook, list[Media]
    category = rng.choice(book.categories)
    county = rng.choice(book.counties)
    footage = rng.choice(media)
    town = rng.choice(county.townships).id if county.townships else None
    place = f"{county.label.zh}第{rng.randrange(60)}号点位"
    return Tag(uuid=str(uuid.UUID(int=rng.getrandbits(128), version=4)), media_id=footage.id,
               start_ms=rng.randrange(0, max(1, footage.duration_ms - 4000)), end_ms=None,
               frame_pts=None, category_id=category.id,
               sub_problem_id=rng.choice(category.sub_problems).id, county_id=county.id,
               township_id=town, place=place, unit_id=rng.choice(book.units).id,
               severity=rng.choice((1, 1, 2, 2, 3)),
               status=rng.choice(("pending", "in_progress", "rectified", "rectified")),
               note="基准测试问题描述", reviewer="基准", created_at=STAMP, updated_at=STAMP,
               updated_by="基准")


def _insert(project: Project, made: list[Tag], previous: list[Tag], rng: random.Random) -> None:
    values = [tuple(rows.column_value(c, getattr(t, c)) for c in rows.TAG_COLUMNS) for t in made]
    with project.batch() as conn:
        search.insert_tags_bulk(conn, values)
        for tag in made[::2]:
            record = Rectification(tag.uuid, measures="已整改，现场清理完毕",
                                   rectified_on=date(2026, 1, 10),
                                   closed_at=STAMP if tag.status == "rectified" and
                                   rng.random() < 0.3 else None,
                                   updated_at=STAMP, updated_by="基准")
            campaign_rows.save_record(conn, record, tag.uuid)
        for k, (earlier, later) in enumerate(zip(previous[:RECHECKS], made[-RECHECKS:],
                                                 strict=False)):
            verdict = ("recurred", "unrectified", "rectified")[k % 3]
            campaign_rows.save_recheck(conn, Recheck(earlier.uuid, later.uuid, "confirmed",
                                                     verdict, STAMP, "基准"))
