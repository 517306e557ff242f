from __future__ import annotations

import shutil

import pytest

from reviewer.export import selection
from reviewer.store.demo import create_demo
from reviewer.store.project import Project
from ui.export.dialog import ExportDialog
from ui.project.session import ProjectSession
from ui.workers import TaskRunner


@pytest.fixture(scope="module")
def demo_file(tmp_path_factory):
    return create_demo(tmp_path_factory.mktemp("dlg") / "demo.shenpian", total_seconds=8.0, rounds=1)


@pytest.fixture
def dialog(qtbot, demo_file, tmp_path):
    path = tmp_path / "demo.shenpian"
    shutil.copy2(demo_file, path)
    session = ProjectSession(Project.open(path))
    runner = TaskRunner(synchronous=True)
    dlg = ExportDialog(session, runner)
    qtbot.addWidget(dlg)
    yield dlg
    session.close()


def test_exports_chosen_formats_and_summarises(dialog, tmp_path):
    for fmt, box in dialog.format_boxes.items():
        box.setChecked(fmt in ("csv", "otio", "clips"))
    dialog.clip_mode.setCurrentIndex(1)  # lossless: only as an explicitly unredacted export
    dialog.redaction.unredacted.setChecked(True)
    dialog.folder.setText(str(tmp_path / "out"))
    dialog.export_button.click()
    assert [fmt for fmt, _ in dialog.results] == ["csv", "otio", "clips"]
    assert (tmp_path / "out" / "demo_整改台账.csv").is_file()
    assert len(list((tmp_path / "out" / "demo_片段").glob("*.mp4"))) == 12
    text = dialog.summary.toPlainText()
    assert "✓ csv" in text and "demo_时间线.otio" in text
    assert dialog.progress.value() == dialog.progress.maximum()
    assert dialog.export_button.isEnabled() and not dialog.cancel_button.isEnabled()


def test_the_dialog_is_idle_once_the_export_has_finished(dialog, tmp_path):
    """The runner answers inside ``submit`` here: the dialog must not stay busy after it."""
    for fmt, box in dialog.format_boxes.items():
        box.setChecked(fmt == "csv")
    dialog.folder.setText(str(tmp_path / "out"))
    dialog.show()
    dialog.export_button.click()
    assert "✓ csv" in dialog.summary.toPlainText()
    assert dialog.close_button.isEnabled() and not dialog.cancel_button.isEnabled()
    dialog.close_button.click()  # closing waits only for a running export
    assert not dialog.isVisible()


def test_playlist_and_empty_selection(dialog, tmp_path):
    tags = dialog.session.project.tags()
    selection.save_playlist(dialog.session.project, [tags[3].uuid, tags[0].uuid])
    dlg = ExportDialog(dialog.session, dialog.runner)
    assert dlg.use_playlist.isEnabled() and dlg.use_playlist.isChecked()
    for fmt, box in dlg.format_boxes.items():
        box.setChecked(fmt == "csv")
    dlg.folder.setText(str(tmp_path))
    dlg.export_button.click()
    rows = (tmp_path / "demo_整改台账.csv").read_text("utf-8-sig").splitlines()
    assert len(rows) == 3 and tags[3].note in rows[1] and tags[0].note in rows[2]
    dlg.use_filter.setChecked(True)
    dlg.tag_filter = dlg.tag_filter.__class__(text="没有这种问题")
    dlg.export_button.click()
    assert "✗ csv" in dlg.summary.toPlainText()
    dlg.deleteLater()


def test_lower_third_needs_a_re_encode(dialog):
    dialog.format_boxes["clips"].setChecked(True)
    dialog.clip_mode.setCurrentIndex(1)
    assert not dialog.lower_third.isEnabled()
    dialog.clip_mode.setCurrentIndex(0)
    assert dialog.lower_third.isEnabled()


def test_vfr_option_and_the_lossless_warning(dialog, tmp_path):
    for fmt, box in dialog.format_boxes.items():
        box.setChecked(fmt == "clips")
    assert dialog.vfr.isEnabled() and not dialog.options().vfr
    dialog.vfr.setChecked(True)
    assert dialog.options().vfr and dialog.options().clip_mode == "exact"
    dialog.clip_mode.setCurrentIndex(1)
    assert not dialog.vfr.isEnabled()
    assert "keyframe" in dialog.clip_mode.currentText()
    dialog.redaction.unredacted.setChecked(True)
    dialog.folder.setText(str(tmp_path / "out"))
    dialog.session.lang = "en"
    dialog.export_button.click()
    assert "not frame-exact" in dialog.summary.toPlainText()


def test_a_name_too_long_for_the_disk_is_one_line_per_format(dialog, tmp_path):
    """A folder name past 255 bytes typed into the dialog: each format says so in one line."""
    for fmt, box in dialog.format_boxes.items():
        box.setChecked(fmt in ("csv", "stats"))
    dialog.folder.setText(str(tmp_path / ("很长的文件夹名称" * 11)))  # 264 bytes
    dialog.export_button.click()
    lines = dialog.summary.toPlainText().splitlines()
    assert len(lines) == 2 and all(line.startswith("✗") for line in lines), lines
    assert all("名称过长" in line and "264" in line and str(tmp_path) not in line
               for line in lines), lines
    assert not [p for p in tmp_path.iterdir() if p.is_dir()]  # nothing was made
