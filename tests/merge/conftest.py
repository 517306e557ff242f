"""Simulated laptops: copies of one master project, each edited on its own.

The master is built once per session (probing footage is the slow part)
and copied per test; a closed project is one self-contained file.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from reviewer.media import synth
from reviewer.merge.pack import pack
from reviewer.store.project import Project


@pytest.fixture(scope="session")
def template(tmp_path_factory) -> Path:
    folder = tmp_path_factory.mktemp("template")
    files = []
    for label in ("a", "b"):
        path = folder / "素材" / f"市场_{label}.mp4"
        path.parent.mkdir(exist_ok=True)
        synth.write(synth.Spec(width=96, height=64, frames=12, label=label), path)
        files.append(path)
    master = folder / "master.shenpian"
    with Project.create(master, reviewer="编辑") as project:
        for path in files:
            project.add_media(path)
    return master


class Office:
    """The editor's master and any number of reviewers' laptops, in one tmp folder."""

    def __init__(self, root: Path, template: Path) -> None:
        self.root = root
        self.master = root / "master.shenpian"
        shutil.copy(template, self.master)

    def laptop(self, name: str) -> Path:
        """A laptop's copy of the master as handed out (before anyone merged)."""
        path = self.root / f"{name}.shenpian"
        shutil.copy(self.master, path)
        return path

    def open(self, path: Path, who: str) -> Project:
        return Project.open(path, reviewer=who)

    def media_ids(self, path: Path) -> list[str]:
        with Project.open(path, read_only=True) as project:
            return [m.id for m in project.media()]

    def pack(self, path: Path, who: str, name: str | None = None, **kwargs) -> Path:
        out = self.root / (name or f"{path.stem}.shenpian-pack")
        pack(path, out, reviewer=who, **kwargs)
        return out


@pytest.fixture
def office(tmp_path, template) -> Office:
    return Office(tmp_path, template)
