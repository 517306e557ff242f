"""The review window's menu bar, built from the window's slots and the one key map.

Keys that the review keyboard handles (arrows, digits, J/K/L, I/O/S) are
shown next to their menu items but not registered as shortcuts, so the
handler keeps its rules (K held, never while typing). Menu-only keys
(Ctrl+Z, F1, F11, Esc, Ctrl+N …) are real shortcuts.

Another feature adds its menu with ``window.menus.add("name", title)``
and its items to that menu: no change here is needed.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QMenu

from ui.keys.keymap import shown
from ui.project.recent import recent_projects

if TYPE_CHECKING:
    from ui.main_window import ReviewWindow


class Menus:
    def __init__(self, window: ReviewWindow) -> None:
        self.window = window
        self.bar = window.menuBar()
        self.menus: dict[str, QMenu] = {}
        self.actions: dict[str, QAction] = {}

    def add(self, name: str, title: str) -> QMenu:
        """A menu of its own, placed before Help."""
        menu = QMenu(title, self.bar)
        menu.setObjectName(f"menu_{name}")
        before = self.menus.get("help")
        if before is not None:
            self.bar.insertMenu(before.menuAction(), menu)
        else:
            self.bar.addMenu(menu)
        self.menus[name] = menu
        return menu

    def item(self, menu: QMenu, name: str, text: str, slot: Callable, shortcut=None) -> QAction:
        action = menu.addAction(text)
        action.setObjectName(f"action_{name}")
        if shortcut is not None:
            action.setShortcut(QKeySequence(shortcut))
            self.window.addAction(action)  # still works with the menu bar hidden (full screen)
        action.triggered.connect(lambda _checked=False: slot())
        self.actions[name] = action
        return action

    def keyed(self, menu: QMenu, name: str, text: str, key: str, slot: Callable) -> QAction:
        """An item that shows the review key that does the same, without taking the key."""
        return self.item(menu, name, f"{text}\t{key}", slot)


def build(window: ReviewWindow) -> Menus:
    menus = Menus(window)
    _file(menus, window)
    _edit(menus, window)
    _play(menus, window)
    _tag(menus, window)
    _view(menus, window)
    _help(menus, window)
    return menus


def _file(m: Menus, w: ReviewWindow) -> None:
    menu = m.add("file", QCoreApplication.translate("ReviewWindow", "&File"))
    m.item(
        menu,
        "new_project",
        QCoreApplication.translate("ReviewWindow", "New project…"),
        w.newProjectRequested.emit,
        "Ctrl+N",
    )
    m.item(menu, "open_project", QCoreApplication.translate("ReviewWindow", "Open project…"), lambda: w.openProjectRequested.emit(""),
           "Ctrl+O")  # fmt: skip
    recent = menu.addMenu(QCoreApplication.translate("ReviewWindow", "Recent projects"))
    recent.setObjectName("menu_recent")
    recent.aboutToShow.connect(lambda: _fill_recent(recent, w))
    m.item(
        menu,
        "save_copy",
        QCoreApplication.translate("ReviewWindow", "Save a copy as…"),
        w.footage.save_copy,
    )
    menu.addSeparator()
    m.item(
        menu,
        "add_footage",
        QCoreApplication.translate("ReviewWindow", "Add footage…"),
        w.footage.add_footage,
        "Ctrl+I",
    )
    m.item(
        menu, "relink", QCoreApplication.translate("ReviewWindow", "Find moved footage…"), w.footage.relink
    )
    menu.addSeparator()
    m.item(
        menu,
        "export",
        QCoreApplication.translate("ReviewWindow", "Export…"),
        w.open_export,
        "Ctrl+E",
    )
    m.item(
        menu,
        "merge",
        QCoreApplication.translate("ReviewWindow", "Merge reviewers' packages…"),
        w.open_merge,
    )
    m.item(menu, "present", QCoreApplication.translate("ReviewWindow", "Presentation…"),
           w.open_presentation, "F5")
    menu.addSeparator()
    m.item(
        menu,
        "close_project",
        QCoreApplication.translate("ReviewWindow", "Close project"),
        w.closeProjectRequested.emit,
        "Ctrl+W",
    )
    m.item(menu, "quit", QCoreApplication.translate("ReviewWindow", "Quit"), w.close, "Ctrl+Q")


def _fill_recent(menu: QMenu, w: ReviewWindow) -> None:
    menu.clear()
    for path in recent_projects():
        action = menu.addAction(path)
        action.triggered.connect(lambda _c=False, p=path: w.openProjectRequested.emit(p))
    if menu.isEmpty():
        menu.addAction(QCoreApplication.translate("ReviewWindow", "(none yet)")).setEnabled(False)


def _edit(m: Menus, w: ReviewWindow) -> None:
    menu = m.add("edit", QCoreApplication.translate("ReviewWindow", "&Edit"))
    w.undo_action = m.item(
        menu, "undo", QCoreApplication.translate("ReviewWindow", "Undo"), w.session.undo, "Ctrl+Z"
    )
    w.redo_action = m.item(
        menu,
        "redo",
        QCoreApplication.translate("ReviewWindow", "Redo"),
        w.session.redo,
        "Ctrl+Shift+Z",
    )
    m.item(
        menu,
        "delete",
        QCoreApplication.translate("ReviewWindow", "Delete tag"),
        w.delete_selected,
        "Del",
    )
    menu.addSeparator()
    m.item(
        menu,
        "key_settings",
        QCoreApplication.translate("ReviewWindow", "Category keys…"),
        w.open_key_settings,
    )
    m.item(menu, "scan_settings",
           QCoreApplication.translate("ReviewWindow", "Skipping and proposals…"),
           w.open_scan_settings)
    w.undo_action.setEnabled(w.session.project.can_undo())
    w.redo_action.setEnabled(w.session.project.can_redo())


def _play(m: Menus, w: ReviewWindow) -> None:
    menu = m.add("play", QCoreApplication.translate("ReviewWindow", "&Playback"))
    words, keys = w.key_words(), w.keymap
    for action in ("play_pause", "reverse", "pause", "forward", None, "step_back",
                   "step_forward", "jump_back_1s", "jump_forward_1s", "jump_back_10s",
                   "jump_forward_10s", None, "previous_tag", "next_tag", "goto", None,
                   "next_unwatched", "next_proposal", "previous_proposal",
                   "skim_skippable"):  # fmt: skip
        if action is None:
            menu.addSeparator()
            continue
        m.keyed(menu, action, words[action], keys.first_key(action),
                lambda a=action: w.keys.perform(a))  # fmt: skip


def _tag(m: Menus, w: ReviewWindow) -> None:
    menu = m.add("tag", QCoreApplication.translate("ReviewWindow", "&Tag"))
    menu.aboutToShow.connect(lambda: _fill_tag(m, menu, w))
    _fill_tag(m, menu, w)


def _fill_tag(m: Menus, menu: QMenu, w: ReviewWindow) -> None:
    """Rebuilt on opening: the categories and their keys follow the code book and rebindings."""
    menu.clear()
    book, lang = w.session.codebook(), w.session.lang
    for category in book.categories:
        key = w.keymap.category_key(category.id)
        text = category.label.text(lang)
        m.keyed(menu, f"tag_{category.id}", QCoreApplication.translate("ReviewWindow", "Tag as %1").replace("%1", text), shown(key),
                lambda cid=category.id: w.controller.tag_with(cid))  # fmt: skip
    menu.addSeparator()
    words = w.key_words()
    for action in ("mark_in", "mark_out", "still", "mark_skippable"):
        m.keyed(menu, action, words[action], w.keymap.first_key(action),
                lambda a=action: w.keys.perform(a))  # fmt: skip


def _view(m: Menus, w: ReviewWindow) -> None:
    menu = m.add("view", QCoreApplication.translate("ReviewWindow", "&View"))
    w.fullscreen_action = m.item(menu, "fullscreen", QCoreApplication.translate("ReviewWindow", "Full screen video"),
                                 w.toggle_fullscreen, "F11")  # fmt: skip
    w.leave_action = m.item(menu, "leave_fullscreen", QCoreApplication.translate("ReviewWindow", "Leave full screen"),
                            w.leave_fullscreen, "Esc")  # fmt: skip
    words = w.key_words()
    for action in ("zoom_in", "zoom_out", "zoom_fit"):
        m.keyed(menu, action, words[action], w.keymap.first_key(action),
                lambda a=action: w.keys.perform(a))  # fmt: skip
    menu.addSeparator()
    language = menu.addMenu(QCoreApplication.translate("ReviewWindow", "Language"))
    language.setObjectName("menu_language")
    language.addAction("中文", lambda: w.languageRequested.emit("zh_CN"))
    language.addAction("English", lambda: w.languageRequested.emit("en"))


def _help(m: Menus, w: ReviewWindow) -> None:
    menu = m.add("help", QCoreApplication.translate("ReviewWindow", "&Help"))
    m.item(
        menu,
        "shortcuts",
        QCoreApplication.translate("ReviewWindow", "Keyboard shortcuts"),
        w.show_shortcuts,
        "F1",
    )
    m.item(
        menu,
        "start_page",
        QCoreApplication.translate("ReviewWindow", "Start page"),
        w.closeProjectRequested.emit,
    )
