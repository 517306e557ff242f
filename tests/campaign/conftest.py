"""A project with real (generated) footage and two rounds, for the campaign's store tests."""

from __future__ import annotations

import shutil
from datetime import date
from pathlib import Path

import pytest

from reviewer.media import synth
from reviewer.store.project import Project


@pytest.fixture(scope="session")
def footage_master(tmp_path_factory) -> Path:
    path = tmp_path_factory.mktemp("footage") / "第5期_建塘镇.mp4"
    synth.write(synth.Spec(width=160, height=120, frames=30, label="a"), path)
    return path


@pytest.fixture
def project(tmp_path, footage_master):
    target = tmp_path / "素材" / footage_master.name
    target.parent.mkdir()
    shutil.copy(footage_master, target)
    with Project.create(tmp_path / "督查.shenpian", reviewer="张三") as opened:
        first = opened.rounds()[0].id
        opened.edit_round(first, name="第5期", start_on=date(2026, 11, 1),
                          end_on=date(2026, 11, 10))
        opened.add_media(target)
        yield opened


@pytest.fixture
def media_id(project) -> str:
    return project.media()[0].id


def tag(project, media_id, at=0, category="qing-laji", county="xianggelila", place="建塘镇农贸市场东门",
        unit="shichang", severity=2, **fields) -> str:
    return project.add_tag(media_id, at, category, county_id=county, place=place, unit_id=unit,
                           severity=severity, **fields).select


def second_round(project, name="第6期", start=date(2026, 12, 1), end=date(2026, 12, 10)) -> str:
    return project.add_round(name, start, end).select
