"""A responsible unit typed in by a reviewer joins the project's code book (issue #11)."""

from __future__ import annotations

import pytest

from reviewer.store.commands import AddTag
from reviewer.store.errors import InvalidEditError, ProjectReadOnlyError
from reviewer.store.project import Project


def test_a_new_unit_is_added_audited_and_reused(tmp_path):
    path = tmp_path / "p.shenpian"
    with Project.create(path, reviewer="张三") as project:
        before = len(project.codebook().units)
        changes = project.add_unit("  城管局   二中队 ")
        unit = project.codebook().unit(changes.select)
        assert changes.codebook and unit is not None
        assert unit.label.zh == "城管局 二中队" and len(project.codebook().units) == before + 1
        (entry,) = project.audit_log(unit.id)
        assert (entry.action, entry.entity, entry.reviewer) == ("add", "unit", "张三")
        again = project.add_unit("城管局 二中队")
        assert again.select == unit.id and not again.codebook
        existing = project.codebook().units[0]
        assert project.add_unit(existing.label.zh).select == existing.id
        with pytest.raises(InvalidEditError):
            project.add_unit("   ")
    with Project.open(path) as reopened:  # committed, and last in the list
        assert reopened.codebook().units[-1].label.zh == "城管局 二中队"
    with Project.open(path, read_only=True) as read_only, pytest.raises(ProjectReadOnlyError):
        read_only.add_unit("另一个单位")


def test_the_next_undo_and_redo_are_named(tmp_path, footage):
    with Project.create(tmp_path / "p.shenpian") as project:
        assert project.next_undo() is None and project.next_redo() is None
        media = project.media_by_id(project.add_media(footage).select)
        uuid = project.add_tag(media.id, 0, project.codebook().categories[0].id).select
        command = project.next_undo()
        assert isinstance(command, AddTag) and command.tag.uuid == uuid
        project.undo()
        assert project.next_undo() is None and project.next_redo() == command
