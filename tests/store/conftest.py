"""Shared store fixtures: real project files in tmp_path, one small generated video."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from reviewer.media import synth
from reviewer.store.project import Project


@pytest.fixture(scope="session")
def footage_master(tmp_path_factory) -> Path:
    path = tmp_path_factory.mktemp("footage") / "香格里拉_市场.mp4"
    synth.write(synth.Spec(width=160, height=120, frames=30, label="a"), path)
    return path


@pytest.fixture
def footage(tmp_path, footage_master) -> Path:
    target = tmp_path / "素材" / footage_master.name
    target.parent.mkdir()
    shutil.copy(footage_master, target)
    return target


@pytest.fixture
def project(tmp_path, footage):
    with Project.create(tmp_path / "第5期.shenpian", reviewer="张三") as opened:
        opened.add_media(footage)
        yield opened


@pytest.fixture
def media_id(project) -> str:
    return project.media()[0].id
