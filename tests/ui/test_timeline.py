from __future__ import annotations

from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QColor

from reviewer.review.coverage import Coverage
from ui.timeline.timeline import STRIP_H, Mark, TimelineWidget


def make(qtbot):
    tl = TimelineWidget()
    qtbot.addWidget(tl)
    tl.resize(1000, 100)
    tl.set_duration(10_000)
    tl.show()
    qtbot.waitExposed(tl)
    return tl


def test_click_seeks(qtbot):
    tl = make(qtbot)
    with qtbot.waitSignal(tl.seekRequested) as sig:
        qtbot.mouseClick(tl, Qt.MouseButton.LeftButton, pos=QPoint(250, 10))
    assert sig.args == [2500]


def test_drag_range_edge_moves_only_that_edge(qtbot):
    tl = make(qtbot)
    tl.set_marks([Mark("a", 2000, 4000, QColor("red"))])
    y = STRIP_H + 10
    qtbot.mousePress(tl, Qt.MouseButton.LeftButton, pos=QPoint(400, y))
    qtbot.mouseMove(tl, QPoint(450, y))
    with qtbot.waitSignal(tl.markMoved) as sig:
        qtbot.mouseRelease(tl, Qt.MouseButton.LeftButton, pos=QPoint(500, y))
    assert sig.args == ["a", 2000, 5000]


def test_drag_point_moves_it(qtbot):
    tl = make(qtbot)
    tl.set_marks([Mark("p", 3000, None, QColor("blue"))])
    y = STRIP_H + 10
    qtbot.mousePress(tl, Qt.MouseButton.LeftButton, pos=QPoint(300, y))
    with qtbot.waitSignal(tl.markMoved) as sig:
        qtbot.mouseRelease(tl, Qt.MouseButton.LeftButton, pos=QPoint(200, y))
    assert sig.args == ["p", 2000, None]


def test_zoom_keeps_the_cursor_time(qtbot):
    tl = make(qtbot)
    tl.zoom_to(2000, 4000)
    assert tl.visible_range == (2000, 4000)
    assert tl.ms_at(500) == 3000


def test_many_marks_paint(qtbot):
    tl = make(qtbot)
    tl.set_marks(
        [Mark(str(i), i, None if i % 2 else i + 50, QColor("green")) for i in range(0, 10_000)]
    )
    tl.set_coverage(Coverage().add(0, 3000))
    image = tl.grab()
    assert not image.isNull()
