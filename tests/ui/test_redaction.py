"""The redaction panel, region editor and preview in the review window, on real faces."""

from __future__ import annotations

import numpy as np
import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QImage
from PySide6.QtTest import QTest

from reviewer.redact import regions
from reviewer.redact.detector import shared
from reviewer.store.project import Project
from tests.redact import faces
from tests.redact.conftest import detect_all, make_project
from ui.main_window import ReviewWindow
from ui.project.session import ProjectSession


@pytest.fixture(scope="module")
def face_clip(tmp_path_factory):
    return faces.write(tmp_path_factory.mktemp("ui_faces") / "faces.mp4", audio=False)


def _window(qtbot, path):
    session = ProjectSession(Project.open(path, reviewer="张三"))
    window = ReviewWindow(session, synchronous=True)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    window.open_media(session.project.media()[0].id)
    tag = session.project.tags()[0]
    window.seek_to_tag(tag.uuid)
    return window, session, tag


@pytest.fixture
def win(qtbot, tmp_path, face_clip):
    path = tmp_path / "窗口.shenpian"
    with make_project(path, face_clip) as project:
        detect_all(project)
    window, session, tag = _window(qtbot, path)
    yield window, session, tag
    window.close()
    session.close()


def pixels(image: QImage) -> np.ndarray:
    image = image.convertToFormat(QImage.Format.Format_BGR888)
    w, h, stride = image.width(), image.height(), image.bytesPerLine()
    buf = np.frombuffer(image.constBits(), np.uint8, count=stride * h).reshape(h, stride)
    return buf[:, : w * 3].reshape(h, w, 3).copy()


def test_the_preview_mosaics_the_faces_on_screen(win):
    window, session, tag = win
    window.player.seek_ms(1000)
    ui = window.redaction
    assert len(shared().detect(pixels(window.view._shown))) == 2
    ui.panel.preview.setChecked(True)
    assert shared().detect(pixels(window.view._shown), 0.3) == []
    assert len(shared().detect(pixels(window.view.image()))) == 2  # the frame itself is untouched
    ui.panel.preview.setChecked(False)
    assert len(shared().detect(pixels(window.view._shown))) == 2


def test_the_panel_lists_the_tags_regions_on_its_timeline(win):
    window, session, tag = win
    panel = window.redaction.panel
    assert window.redaction.controller.tag_uuid == tag.uuid
    assert panel.list.count() == 2 and panel.state.text() == "Not checked"
    assert len(panel.strip._tracks) == 2


def test_deleting_a_false_detection_and_keeping_one_visible(win):
    window, session, tag = win
    panel = window.redaction.panel
    panel.list.setCurrentRow(0)
    first = window.redaction.controller.track_id
    QTest.mouseClick(panel.keep, Qt.MouseButton.LeftButton)
    assert regions.track(session.project, first).keep
    panel.list.setCurrentRow(1)
    QTest.mouseClick(panel.delete, Qt.MouseButton.LeftButton)
    assert panel.list.count() == 1
    session.undo()
    assert panel.list.count() == 2


def test_sign_off_shows_who_and_when(win):
    window, session, tag = win
    panel = window.redaction.panel
    QTest.mouseClick(panel.check, Qt.MouseButton.LeftButton)
    assert panel.state.text().startswith("Checked by 张三")
    assert regions.signoff(session.project, tag.uuid).checked
    QTest.mouseClick(panel.check, Qt.MouseButton.LeftButton)
    assert panel.state.text() == "Not checked"


def test_a_drawn_region_is_stored_followed_and_corrected(win, face_clip):
    window, session, tag = win
    window.player.seek_ms(face_clip.times_ms[20])
    ui = window.redaction
    ui.panel.draw.setChecked(True)
    plate = ui.overlay.to_widget(face_clip.plates[20])
    QTest.mousePress(ui.overlay, Qt.MouseButton.LeftButton, pos=plate.topLeft().toPoint())
    QTest.mouseMove(ui.overlay, plate.bottomRight().toPoint())
    QTest.mouseRelease(ui.overlay, Qt.MouseButton.LeftButton, pos=plate.bottomRight().toPoint())
    drawn = [t for t in regions.tracks(session.project) if t.kind == "manual"]
    assert len(drawn) == 1
    track = drawn[0]
    assert len(track.samples) == face_clip.frames  # followed over the whole tag at once
    assert track.box_at(face_clip.times_ms[35]).iou(face_clip.plates[35]) > 0.6
    # Drag the box on this frame: a second key, followed again from there.
    window.player.seek_ms(face_clip.times_ms[30])
    box = ui.overlay.to_widget(track.box_at(face_clip.times_ms[30])).center().toPoint()
    QTest.mousePress(ui.overlay, Qt.MouseButton.LeftButton, pos=box)
    QTest.mouseMove(ui.overlay, box + QPoint(0, -20))
    QTest.mouseRelease(ui.overlay, Qt.MouseButton.LeftButton, pos=box + QPoint(0, -20))
    corrected = regions.track(session.project, track.id)
    assert len(corrected.keys) == 2


def test_detect_from_the_panel(qtbot, tmp_path, face_clip):
    path = tmp_path / "未检测.shenpian"
    make_project(path, face_clip).close()
    window, session, tag = _window(qtbot, path)
    try:
        panel = window.redaction.panel
        assert panel.list.count() == 0
        QTest.mouseClick(panel.detect, Qt.MouseButton.LeftButton)
        assert panel.list.count() == 2
    finally:
        window.close()
        session.close()


def test_the_export_dialog_redacts_by_default_and_warns(qtbot, tmp_path, face_clip):
    from ui.export.dialog import ExportDialog
    from ui.workers import TaskRunner

    path = tmp_path / "导出.shenpian"
    with make_project(path, face_clip) as project:
        detect_all(project)
    session = ProjectSession(Project.open(path))
    try:
        dlg = ExportDialog(session, TaskRunner(synchronous=True))
        qtbot.addWidget(dlg)
        assert dlg.options().redact == "on"
        for fmt, box in dlg.format_boxes.items():
            box.setChecked(fmt == "clips")
        dlg.clip_mode.setCurrentIndex(1)  # lossless: refused while redacting
        dlg.folder.setText(str(tmp_path / "out"))
        dlg.export_button.click()
        assert "not checked for 1 tag" in dlg.redaction.warning.text()
        assert isinstance(dlg.results[0][1], Exception)
        assert "无损片段无法打码" in dlg.summary.toPlainText()
        dlg.clip_mode.setCurrentIndex(0)  # the same dialog again: it is idle after a result
        dlg.redaction.unredacted.setChecked(True)
        dlg.export_button.click()
        assert dlg.options().redact == "off" and "marked" in dlg.redaction.warning.text()
        out = next((tmp_path / "out").rglob("*.mp4"))
        with __import__("av").open(str(out)) as container:
            frame = next(container.decode(video=0)).to_ndarray(format="bgr24")
        source = faces.render(0, face_clip.frames, face_clip.width, face_clip.height)[0]
        from tests.redact.test_export import marked

        assert marked(source, frame)
    finally:
        session.close()
