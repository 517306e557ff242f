"""The merge dialog: packages in, report shown, conflicts/duplicates/code book settled."""

from __future__ import annotations

import shutil
from dataclasses import replace
from pathlib import Path

import pytest
from PySide6.QtCore import Qt

from reviewer.codebook.model import Category, Label
from reviewer.media import synth
from reviewer.merge.pack import pack
from reviewer.store.project import Project
from ui.merge.view import MergeDialog
from ui.project.session import ProjectSession
from ui.workers import TaskRunner


@pytest.fixture
def office(tmp_path):
    clip = tmp_path / "素材" / "a.mp4"
    clip.parent.mkdir()
    synth.write(synth.Spec(width=96, height=64, frames=8, label="a"), clip)
    master = tmp_path / "master.shenpian"
    with Project.create(master, reviewer="编辑") as project:
        media = project.add_media(clip).select
        base = project.add_tag(media, 5000, "qing-laji", note="原始").select
    laptop = tmp_path / "laptop.shenpian"
    shutil.copy(master, laptop)
    with Project.open(laptop, reviewer="李四") as project:
        project.edit_tag(base, note="李四改")
        book = project.codebook()
        extra = Category("xin-leibie", Label("新类别", "New"), "#123456", "")
        project.import_codebook(
            replace(book, version=book.version + 1, categories=(*book.categories, extra))
        )
        project.add_tag(media, 20_000, "xin-leibie", note="新")
        project.add_tag(media, 40_000, "qing-laji", note="李四的")
    with Project.open(master, reviewer="编辑") as project:
        project.edit_tag(base, note="编辑改")
        project.add_tag(media, 41_000, "qing-laji", note="编辑的")
    package = pack(laptop, tmp_path / "李四.shenpian-pack", reviewer="李四").path
    return master, base, package


@pytest.fixture
def dialog(qtbot, office):
    master, base, package = office
    session = ProjectSession(Project.open(master, reviewer="编辑"), lang="en")
    runner = TaskRunner(synchronous=True)
    view = MergeDialog(session, runner)
    qtbot.addWidget(view)
    yield view, session, base, package
    view.close()
    session.close()


def _preview_then_apply(qtbot, view, session):
    before = len(session.project.tags())
    qtbot.mouseClick(view.merge_button, Qt.MouseButton.LeftButton)
    assert view.preview is not None and view.preview.dry_run and view.report is None
    assert len(session.project.tags()) == before  # a preview changes nothing
    assert view.apply_button.isEnabled()
    with qtbot.waitSignal(session.changed) as changed:
        qtbot.mouseClick(view.apply_button, Qt.MouseButton.LeftButton)
    assert not view.apply_button.isEnabled()
    return changed.args[0]


def test_merge_previews_then_shows_added_conflicts_duplicates_and_codebook(qtbot, dialog):
    view, session, base, package = dialog
    view.add_packages([package, package])
    assert view.package_paths() == [str(package)]
    with qtbot.assertNotEmitted(session.changed):
        qtbot.mouseClick(view.merge_button, Qt.MouseButton.LeftButton)
    assert "Preview" in view.status.text() and "add 2" in view.status.text()
    preview = view.preview
    with qtbot.waitSignal(session.changed) as changed:
        qtbot.mouseClick(view.apply_button, Qt.MouseButton.LeftButton)
    report = view.report
    assert report is not None and len(report.added) == 2
    assert [len(x) for x in (preview.added, preview.updated, preview.conflicts,
                             preview.duplicates, preview.codebook)] == \
        [len(x) for x in (report.added, report.updated, report.conflicts, report.duplicates,
                          report.codebook)]
    assert base in changed.args[0].tags
    assert "Added 2" in view.status.text()
    assert view.added.count() == 2
    assert view.conflict_list.count() == 1 and view.duplicate_list.count() == 1
    assert view.codebook_list.count() == 1
    mine = view.conflict_table.item(12, 0).text()
    theirs = view.conflict_table.item(12, 1).text()
    assert (mine, theirs) == ("编辑改", "李四改")
    assert view.conflict_table.item(12, 0).font().bold()
    # The frame row shows the frame number at the tag's start (30 fps, 5 s: frame 150).
    assert view.conflict_table.item(3, 0).text() == "frame 150"
    assert "frame 150" in view.conflict_list.item(0).text()


def test_choose_theirs_keep_both_and_accept(qtbot, dialog):
    view, session, base, package = dialog
    view.add_packages([package])
    _preview_then_apply(qtbot, view, session)
    with qtbot.waitSignal(session.changed):
        qtbot.mouseClick(view.theirs_button, Qt.MouseButton.LeftButton)
    assert session.project.tag(base).note == "李四改"
    assert view.conflict_list.count() == 0 and not view.theirs_button.isEnabled()
    qtbot.mouseClick(view.keep_both_dup_button, Qt.MouseButton.LeftButton)
    assert view.duplicate_list.count() == 0
    qtbot.mouseClick(view.accept_button, Qt.MouseButton.LeftButton)
    assert session.project.codebook().category("xin-leibie") is not None
    assert "(0)" in view.tabs.tabText(3)


def _state(project):
    tags = sorted((t.uuid, t.note, t.deleted_at, t.revision) for t in project.tags())
    return tags, [(a.action, a.entity_id) for a in project.audit_log()]


def test_preview_apply_then_undo_through_the_window_undo(qtbot, dialog):
    view, session, base, package = dialog
    before_tags, before_audit = _state(session.project)
    view.add_packages([package])
    states = []
    session.undoStateChanged.connect(lambda can_undo, can_redo: states.append(can_undo))
    _preview_then_apply(qtbot, view, session)
    assert states[-1] and session.can_undo() and view.undo_button.isEnabled()
    qtbot.mouseClick(view.theirs_button, Qt.MouseButton.LeftButton)  # a decision, undone with it
    assert session.can_undo_merge()
    with qtbot.waitSignal(session.changed) as changed:
        session.undo()  # what Edit > Undo calls
    assert not states[-1] and not session.can_undo()
    assert base in changed.args[0].tags and changed.args[0].codebook
    tags, audit = _state(session.project)
    assert tags == before_tags
    assert audit[:-1] == before_audit and audit[-1][0] == "merge-undo"
    assert session.project.codebook().category("xin-leibie") is None
    view.refresh()
    assert view.conflict_list.count() == 0 and not view.undo_button.isEnabled()


def test_edits_after_the_merge_are_undone_first(qtbot, dialog):
    view, session, base, package = dialog
    view.add_packages([package])
    _preview_then_apply(qtbot, view, session)
    added = view.report.added[0]
    session.edit_tag(added, note="合并后改")
    assert session.can_undo() and not session.can_undo_merge()
    session.undo()
    assert session.project.tag(added).note != "合并后改" and session.can_undo_merge()
    session.undo()
    assert added not in {t.uuid for t in session.project.tags()}


def test_the_undo_merge_button_and_a_new_package_list(qtbot, dialog):
    view, session, base, package = dialog
    view.add_packages([package])
    qtbot.mouseClick(view.merge_button, Qt.MouseButton.LeftButton)
    view.add_packages([package + ".other"])
    assert not view.apply_button.isEnabled()  # the preview was of another list
    view.apply_merge()
    assert view.report is None
    view.packages.item(1).setSelected(True)
    qtbot.mouseClick(view.remove_button, Qt.MouseButton.LeftButton)
    qtbot.mouseClick(view.merge_button, Qt.MouseButton.LeftButton)
    qtbot.mouseClick(view.apply_button, Qt.MouseButton.LeftButton)
    before = len(session.project.tags())
    with qtbot.waitSignal(session.changed):
        qtbot.mouseClick(view.undo_button, Qt.MouseButton.LeftButton)
    assert len(session.project.tags()) == before - 2
    assert "undone" in view.status.text() and not view.undo_button.isEnabled()


def test_a_bad_package_shows_why_and_changes_nothing(qtbot, dialog, tmp_path):
    view, session, _, package = dialog
    cut = tmp_path / "cut.shenpian-pack"
    cut.write_bytes(Path(package).read_bytes()[:1500])
    before = len(session.project.tags())
    view.add_packages([cut])
    view.start_merge()
    assert "Nothing was merged" in view.status.text() and "incomplete" in view.status.text()
    assert len(session.project.tags()) == before and view.merge_button.isEnabled()
    assert not view.apply_button.isEnabled()


def test_a_lost_restore_point_is_shown_in_the_dialog(qtbot, dialog):
    from reviewer.merge import restore

    view, session, base, package = dialog
    view.add_packages([package])
    _preview_then_apply(qtbot, view, session)
    restore.path_for(session.project.path).unlink()
    added = len(session.project.tags())
    qtbot.mouseClick(view.undo_button, Qt.MouseButton.LeftButton)
    assert "could not be undone" in view.status.text() and "missing" in view.status.text()
    assert len(session.project.tags()) == added and not view.undo_button.isEnabled()
    assert not session.can_undo()


def test_undoing_a_merge_runs_on_the_runner_with_edits_locked_out(qtbot, office):
    """A real pool: undo() returns at once, the session refuses edits (one line why) until
    the restore is done, then the changes are announced."""
    master, base, package = office
    session = ProjectSession(Project.open(master, reviewer="编辑"), lang="en")
    pool = TaskRunner(workers=1)
    session.runner = pool
    view = MergeDialog(session, TaskRunner(synchronous=True))
    qtbot.addWidget(view)
    try:
        view.add_packages([package])
        _preview_then_apply(qtbot, view, session)
        merged, added = len(session.project.tags()), set(view.report.added)
        refused, busy, changed = [], [], []
        session.editRefused.connect(refused.append)
        session.busyChanged.connect(busy.append)
        session.changed.connect(changed.append)
        with qtbot.waitSignal(session.mergeUndoFinished, timeout=20_000) as finished:
            assert session.undo()
            # The answer comes by signal, on the GUI thread: the call has returned before it.
            assert session.busy and busy == ["Undoing the merge…"] and not changed
            assert session.edit_tag(base, note="趁机改") is False
            assert session.add_tag(session.project.media()[0].id, 1000, "qing-laji") is None
            assert session.undo() is False
            assert len(refused) == 3
            assert all(r.message("en") == "Not changed: wait until this is done: Undoing the "
                       "merge…" for r in refused)
        assert finished.args == [None] and busy == ["Undoing the merge…", ""] and not session.busy
        assert changed and added <= changed[-1].tags
        assert len(session.project.tags()) == merged - len(added)
        assert session.project.tag(base).note == "编辑改"  # as before the merge, not "趁机改"
        assert session.edit_tag(base, note="之后改")  # free again
    finally:
        view.close()
        pool.shutdown()
        session.close()


def test_the_window_shows_a_modal_progress_dialog_while_a_merge_is_undone(qtbot, office):
    from ui.main_window import ReviewWindow

    master, base, package = office
    session = ProjectSession(Project.open(master, reviewer="编辑"), lang="en")
    window = ReviewWindow(session, synchronous=True)
    qtbot.addWidget(window)
    window.show()
    try:
        view = MergeDialog(session, window.tasks, window)
        view.add_packages([package])
        _preview_then_apply(qtbot, view, session)
        seen = []

        def watch(text: str) -> None:
            dialog = window.busy.dialog
            seen.append((text, dialog is not None and dialog.isVisible()
                         and dialog.isModal() and dialog.labelText()))

        session.busyChanged.connect(watch)
        view.undo_merge()  # the dialog's button: through the window's runner
        assert seen == [("Undoing the merge…", "Undoing the merge…"), ("", False)]
        assert "undone" in view.status.text() and not session.can_undo_merge()
        assert window.busy.dialog is None
        view.close()
    finally:
        window.close()
        session.close()
