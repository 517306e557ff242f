"""A reviewer's first day, in a real window on a real X server (run by test_real_window.py).

Start page → new project (Qt's own file dialog) → add footage, two files
broken → step, play at 2× and 4× → tag with keys → fill the editor → undo
→ English → F1 → full screen and back → a file that will not open and a
damaged one (issue #10: no tag on a frame that is not on screen) → close
the project, back to the start page. Real key events go to the focused
widget; every step saves a screenshot of the whole X screen.

Prints one JSON line with what happened; the test asserts on it.
"""

from __future__ import annotations

import json
import re
import sys
import time
from pathlib import Path

from PySide6.QtCore import QEventLoop, QSettings, Qt, QTimer
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QFileDialog, QLineEdit

from tests.ui.test_player import barcode
from tests.ui.test_window_trust import corrupt
from ui.app import Shell, make_app
from ui.keys.sheet import sheet_rows
from ui.media.screen import Showing
from ui.project.start_page import StartPage


def wait(ms: int) -> None:
    """A real event loop (QTest.qWait keeps the GIL, starving the decode thread)."""
    loop = QEventLoop()
    QTimer.singleShot(ms, loop.quit)
    loop.exec()


def until(condition, timeout_ms: int = 15000) -> bool:
    end = time.monotonic() + timeout_ms / 1000
    while not condition():
        if time.monotonic() > end:
            return False
        wait(20)
    return True


def press(key: Qt.Key, mods=Qt.KeyboardModifier.NoModifier, pause: int = 40) -> None:
    target = QApplication.focusWidget() or QApplication.activeWindow()
    QTest.keyClick(target, key, mods)
    wait(pause)


class Day:
    def __init__(self, shell: Shell, folder: Path, shots: Path, files: dict[str, Path]) -> None:
        self.shell, self.folder, self.shots, self.files = shell, folder, shots, files
        self.report: dict = {"shots": [], "readout": []}

    @property
    def window(self):
        return self.shell.window

    def shot(self, name: str) -> None:
        wait(250)  # let the last paint reach the X server
        path = self.shots / f"{len(self.report['shots']) + 1:02d}_{name}.png"
        QApplication.primaryScreen().grabWindow(0).save(str(path))
        self.report["shots"].append(path.name)

    def focus_video(self) -> None:
        self.window.activateWindow()
        QTest.qWaitForWindowActive(self.window, 3000)
        self.window.view.setFocus()
        wait(50)

    # -- the walk ---------------------------------------------------------------

    def run(self) -> dict:
        self.start_page()
        self.new_project()
        self.add_footage()
        self.step_and_tag()
        self.play()
        self.fill_editor_and_undo()
        self.english()
        self.shortcut_sheet()
        self.full_screen()
        self.broken_files()
        self.close_project()
        return self.report

    def start_page(self) -> None:
        assert isinstance(self.window, StartPage)
        QTest.qWaitForWindowExposed(self.window, 5000)
        self.shot("start_page")

    def new_project(self) -> None:
        target = self.folder / "十一月第5期.shenpian"

        def fill() -> None:
            dialog = QApplication.activeModalWidget()
            self.report["file_dialog"] = type(dialog).__name__
            self.report["file_dialog_title"] = dialog.windowTitle() if dialog else ""
            self.shot("new_project_dialog")
            assert isinstance(dialog, QFileDialog)
            dialog.setDirectory(str(target.parent))
            name = dialog.findChild(QLineEdit, "fileNameEdit")
            name.setText(target.name)  # QTest types ASCII only; Enter is a real key press
            QTest.keyClick(name, Qt.Key.Key_Return)

        QTimer.singleShot(1200, fill)
        self.window.new_project()  # the real dialog, as the button opens it
        until(lambda: hasattr(self.window, "player"))
        self.report["project_created"] = target.exists()
        self.report["empty_hint"] = self.window.view.message()
        self.shot("new_project_empty")

    def add_footage(self) -> None:
        names = ["street", "vfr", "battery_died", "notes", "damaged", "card_error"]
        self.window.footage.add_files([self.files[n] for n in names])
        until(lambda: self.window.footage.last_add is not None, 30000)
        report = self.window.footage.last_add
        self.report["added"] = len(report.added)
        self.report["refused"] = [name for name, _ in report.refused]
        self.report["refused_reasons"] = [why for _, why in report.refused]
        until(lambda: self.window.player.screen.showing is Showing.FRAME)
        self.shot("refused_files")
        self.window.footage.refused_dialog.close()
        # The card is overwritten after it was added: this file will not open any more.
        corrupt(self.files["card_error"], 0.0, 1.0)

    def step_and_tag(self) -> None:
        self.focus_video()
        for _ in range(20):
            press(Qt.Key.Key_Right)
        press(Qt.Key.Key_Left)
        before = len(self.shell.session.project.tags())
        press(Qt.Key.Key_2)
        until(lambda: len(self.shell.session.project.tags()) > before)
        tag = self.shell.session.tag(self.window.editor.uuid)
        self.report["stepped_frame"] = self.window.player.current.index
        self.report["tag_frame_ms"] = [tag.start_ms, int(self.window.controller.timing.times_ms[19])]
        self.shot("tagged_with_key")

    def play(self) -> None:
        player, view = self.window.player, self.window.view
        checks = self.report["readout"]

        def on_picture(image) -> None:
            label = self.window.transport.position.text()
            found = re.search(r"第 (\d+) 帧", label)
            checks.append([int(found.group(1)) if found else -1, barcode(image)])

        player.previewImage.connect(on_picture)
        self.focus_video()
        press(Qt.Key.Key_L)
        press(Qt.Key.Key_L)
        self.report["speed_2x"] = [self.window.transport.speed.currentText(), view.osd_text()]
        wait(1200)
        self.shot("playing_2x")
        press(Qt.Key.Key_L)
        self.report["speed_4x"] = [self.window.transport.speed.currentText(), view.osd_text()]
        wait(1000)
        press(Qt.Key.Key_K)
        until(lambda: player.current is not None and not player.playing)
        wait(300)
        player.previewImage.disconnect(on_picture)
        shown = player.current
        self.report["paused"] = [shown.index, barcode(view.image()), self.window.transport.position.text()]
        self.shot("paused_after_4x")

    def fill_editor_and_undo(self) -> None:
        self.focus_video()
        press(Qt.Key.Key_3)
        editor = self.window.editor
        uuid = editor.uuid
        QTest.mouseClick(editor.place, Qt.MouseButton.LeftButton)
        editor.place.setText("建塘镇 东门 小吃街")  # QTest types ASCII only
        press(Qt.Key.Key_Tab)
        county = editor.county
        county.setCurrentIndex(county.findText("香格里拉市"))
        county.activated.emit(county.currentIndex())
        QTest.mouseClick(editor.unit.lineEdit(), Qt.MouseButton.LeftButton)
        editor.unit.lineEdit().setText("城管局二中队")
        press(Qt.Key.Key_Return)
        tag = self.shell.session.tag(uuid)
        self.report["editor"] = [tag.place, tag.county_id, self.shell.session.project.label("unit", tag.unit_id)]
        self.shot("editor_filled")
        self.focus_video()
        press(Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
        tag = self.shell.session.tag(uuid)
        self.report["after_undo"] = [tag.unit_id, editor.unit.currentData(), editor.unit.property("missing"),
                                     view_osd(self.window)]  # fmt: skip
        self.shot("undone")

    def english(self) -> None:
        before = (self.window.media_id, self.window.player.current.index, self.window.controller.selected)
        language = self.window.findChild(type(self.window.menus.menus["view"]), "menu_language")
        next(a for a in language.actions() if a.text() == "English").trigger()
        until(lambda: self.window.player.current is not None)
        after = (self.window.media_id, self.window.player.current.index, self.window.controller.selected)
        self.report["language_kept"] = [list(before), list(after)]
        self.report["english_menus"] = [a.text() for a in self.window.menuBar().actions()]
        self.shot("english")

    def shortcut_sheet(self) -> None:
        self.focus_video()
        press(Qt.Key.Key_F1)
        sheet = self.window.shortcut_sheet
        until(sheet.isVisible)
        rows = [tuple(sheet.table.item(r, c).text() for c in range(3)) for r in range(sheet.table.rowCount())]
        expected = sheet_rows(self.window.keymap, self.shell.session.codebook(), "en")
        self.report["sheet_matches_keymap"] = rows == expected and len(rows) > 20
        self.report["sheet_title"] = sheet.windowTitle()
        self.shot("shortcut_sheet")
        sheet.close()

    def full_screen(self) -> None:
        self.focus_video()
        press(Qt.Key.Key_F11, pause=600)
        w = self.window
        self.report["fullscreen"] = [w.isFullScreen(), w.legend.isVisible(), w.tags.isVisible()]
        press(Qt.Key.Key_Right)
        self.report["fullscreen_osd"] = w.view.osd_text()
        self.shot("fullscreen")
        press(Qt.Key.Key_Escape, pause=600)
        self.report["fullscreen_left"] = [w.isFullScreen(), w.tags.isVisible(), w.menuBar().isVisible()]

    def broken_files(self) -> None:
        session, w = self.shell.session, self.window
        by_name = {m.name: m.id for m in session.project.media()}
        count = lambda: len(session.project.tags())  # noqa: E731
        w.open_media(by_name["card_error.mp4"])
        until(lambda: w.player.screen.showing is Showing.FAILED)
        self.focus_video()
        before = count()
        press(Qt.Key.Key_2)
        self.report["failed_open"] = [w.view.message(), count() - before, w.statusBar().currentMessage()]
        self.shot("failed_open")
        w.open_media(by_name["damaged.mp4"])
        until(lambda: w.player.screen.showing is Showing.FRAME)
        self.focus_video()
        outcomes = []
        for _ in range(75):
            press(Qt.Key.Key_Right, pause=30)
            until(lambda: w.player.screen.showing is not Showing.OPENING and (
                w.player.current is None or w.player.current.index == w.frames.target), 3000)
            screen, before = w.player.screen, count()
            press(Qt.Key.Key_1, pause=30)
            made = [t for t in session.project.tags() if t.media_id == by_name["damaged.mp4"]]
            outcomes.append([screen.showing.value, screen.damaged, count() - before,
                             made[-1].start_ms if made else None, screen.position_ms])  # fmt: skip
            if screen.damaged and "damaged_frame" not in self.report:
                self.report["damaged_frame"] = [w.view.message(), w.statusBar().currentMessage()]
                self.shot("damaged_frame")
            if screen.showing is Showing.BROKEN and "broken_frame" not in self.report:
                self.report["broken_frame"] = w.view.message()
                self.shot("broken_frame")
        self.report["damaged_walk"] = outcomes

    def close_project(self) -> None:
        self.window.menus.actions["close_project"].trigger()
        wait(300)
        self.report["back_to_start"] = isinstance(self.window, StartPage)
        self.report["app_running"] = not QApplication.closingDown()
        self.shot("back_to_start")


def view_osd(window) -> str:
    return window.view.osd_text()


def main() -> int:
    folder, shots = Path(sys.argv[1]), Path(sys.argv[2])
    files = dict(arg.split("=", 1) for arg in sys.argv[3:])
    shots.mkdir(parents=True, exist_ok=True)
    app = make_app()
    QSettings().remove("recent")
    shell = Shell(app, "zh_CN")
    shell.show_start()
    day = Day(shell, folder, shots, {k: Path(v) for k, v in files.items()})
    result: dict = {}

    def run() -> None:
        try:
            result.update(day.run())
        except Exception as exc:  # noqa: BLE001 - reported to the test with what got done
            result.update(day.report, error=repr(exc))
        result["platform"] = QApplication.platformName()
        app.quit()

    QTimer.singleShot(500, run)
    app.exec()
    shell.shutdown()
    print(json.dumps(result, ensure_ascii=False))
    return 0


if __name__ == "__main__":
    sys.exit(main())
