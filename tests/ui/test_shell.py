"""Start page, opening projects, and switching language without losing anything."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication, Qt

from reviewer.store.project import Project
from ui.app import Shell, StartPage
from ui.main_window import ReviewWindow


def menu_titles(window):
    return [a.text() for a in window.menuBar().actions()]


def test_chinese_by_default_and_switch_to_english(qapp, demo_project):
    shell = Shell(qapp, "zh_CN", synchronous=True)
    try:
        shell.open_project(demo_project, first_media=True)
        assert isinstance(shell.window, ReviewWindow)
        assert menu_titles(shell.window) == [
            "文件(&F)", "编辑(&E)", "播放(&P)", "标记(&T)", "视图(&V)", "整改督办(&C)", "帮助(&H)"
        ]
        assert (
            shell.window.tags.model.headerData(
                0, Qt.Orientation.Horizontal, Qt.ItemDataRole.DisplayRole
            )
            == "时间"
        )
        # Qt's own dialogs speak Chinese too (qtbase_zh_CN).
        assert QCoreApplication.translate("QPlatformTheme", "Cancel") == "取消"
        # … including the file dialog labels Qt's own translation lacks.
        assert QCoreApplication.translate("QFileDialog", "&Look in:") == "查找范围(&L)："
        shell.window.player.seek_index(12)
        shell.switch_language("en")
        assert menu_titles(shell.window) == ["&File", "&Edit", "&Playback", "&Tag", "&View", "&Campaign", "&Help"]
        assert (
            shell.window.tags.model.headerData(
                0, Qt.Orientation.Horizontal, Qt.ItemDataRole.DisplayRole
            )
            == "Time"
        )
        assert shell.session.project.media()  # same project, still open
        shell.switch_language("zh_CN")
        assert menu_titles(shell.window)[0] == "文件(&F)"
    finally:
        shell.shutdown()


def test_start_page_when_nothing_is_open(qapp):
    shell = Shell(qapp, "zh_CN", synchronous=True)
    try:
        shell.show_start()
        assert isinstance(shell.window, StartPage)
        assert shell.window.windowTitle() == "暗访审片"
    finally:
        shell.shutdown()


def test_project_in_use_opens_read_only_with_a_banner(qapp, demo_project):
    holder = Project.open(demo_project, reviewer="李四")
    shell = Shell(qapp, "zh_CN", synchronous=True)
    try:
        shell.open_project(demo_project)
        assert shell.session.read_only
        banner = shell.window.project_banner
        assert banner.isVisible() and "李四" in banner.text() and "只读" in banner.text()
        assert shell.last_error == ""  # in the window, not a box to click away
        assert "只读" in shell.window.windowTitle()
        shell.switch_language("en")  # the window is rebuilt: the banner speaks English
        banner = shell.window.project_banner
        assert "in use by 李四" in banner.text() and "opened read-only" in banner.text()
        assert "(read-only)" in shell.window.windowTitle()
        shell.switch_language("zh_CN")
    finally:
        shell.shutdown()
        holder.close()


def test_a_read_only_project_file_says_so_in_the_project_banner(qapp, demo_project):
    import os
    import stat

    os.chmod(demo_project, stat.S_IRUSR | stat.S_IRGRP)
    shell = Shell(qapp, "zh_CN", synchronous=True)
    try:
        shell.open_project(demo_project, first_media=True)
        window = shell.window
        assert window.project_banner.isVisible()
        assert "项目文件被设为只读" in window.project_banner.text()
        assert "只读" in window.windowTitle()
        window.banner.warn("某个视频的提示", "some-media")  # a file's warning: its own strip
        window.banner.file_changed("another-media")
        assert not window.banner.isVisible() and window.project_banner.isVisible()
    finally:
        shell.shutdown()
        os.chmod(demo_project, stat.S_IRUSR | stat.S_IWUSR)


def test_a_writable_project_has_no_project_banner(qapp, demo_project):
    shell = Shell(qapp, "zh_CN", synchronous=True)
    try:
        shell.open_project(demo_project)
        assert not shell.window.project_banner.isVisible()
        assert shell.window.project_banner.text() == ""
    finally:
        shell.shutdown()


def test_not_a_project_is_refused_in_chinese(qapp, tmp_path):
    bogus = tmp_path / "坏的.shenpian"
    bogus.write_text("not sqlite")
    shell = Shell(qapp, "zh_CN", synchronous=True)
    try:
        shell.show_start()
        shell.open_project(bogus)
        assert isinstance(shell.window, StartPage)
        assert "坏的.shenpian" in shell.last_error
    finally:
        shell.shutdown()


def test_the_bundled_cjk_font_is_the_ui_fonts_fallback_after_app_start(tmp_path):
    """In a fresh process, as the app starts: our font is registered and comes after the
    UI font (which stays first), so Chinese never shows as boxes."""
    import json
    import os
    import subprocess
    import sys

    probe = ("import json; from PySide6.QtGui import QFontDatabase, QGuiApplication\n"
             "from ui.app import make_app\n"
             "before = QGuiApplication.font().family() if QGuiApplication.instance() else None\n"
             "app = make_app(); font = app.font()\n"
             "ids = [QFontDatabase.applicationFontFamilies(i) for i in range(8)]\n"
             "print(json.dumps({'families': font.families(), 'app_fonts': ids}))\n")
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "XDG_CONFIG_HOME": str(tmp_path)}
    done = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True,
                          env=env, cwd=Path(__file__).resolve().parents[2], timeout=120)
    r = json.loads(done.stdout.strip().splitlines()[-1])
    assert ["Noto Sans CJK SC"] in r["app_fonts"], done.stderr[-2000:]
    assert len(r["families"]) >= 2 and r["families"][-1] == "Noto Sans CJK SC"
    assert r["families"][0] != "Noto Sans CJK SC"  # the user's UI font is not replaced
