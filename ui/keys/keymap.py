"""The one key map: every review key, where it is shown, and the reviewer's own category keys.

The keyboard handler, the legend under the video, the menus, the drop-downs
and the shortcut sheet (F1) all read this, so what the screen says is what a
key does. Category keys come from the code book and may be rebound per user
(QSettings, not the project: the same laptop, the same fingers); a key that
another category or a fixed action already has is refused.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QCoreApplication, QObject, QSettings, Signal
from PySide6.QtGui import QKeySequence

from reviewer.codebook.model import CodeBook


@dataclass(frozen=True)
class Action:
    """A fixed key: ``keys`` in QKeySequence portable text; the first is the one shown."""

    id: str
    keys: tuple[str, ...]
    group: str  # "navigate", "play", "tag", "view", "edit", "help"


ACTIONS: tuple[Action, ...] = (
    Action("step_back", ("Left",), "navigate"),
    Action("step_forward", ("Right",), "navigate"),
    Action("jump_back_1s", ("Shift+Left",), "navigate"),
    Action("jump_forward_1s", ("Shift+Right",), "navigate"),
    Action("jump_back_10s", ("Ctrl+Left",), "navigate"),
    Action("jump_forward_10s", ("Ctrl+Right",), "navigate"),
    Action("previous_tag", ("[",), "navigate"),
    Action("next_tag", ("]",), "navigate"),
    Action("goto", ("G",), "navigate"),
    Action("next_unwatched", ("U",), "navigate"),
    Action("next_proposal", ("P",), "navigate"),
    Action("previous_proposal", ("Shift+P",), "navigate"),
    Action("play_pause", ("Space",), "play"),
    Action("reverse", ("J",), "play"),
    Action("pause", ("K",), "play"),
    Action("forward", ("L",), "play"),
    Action("hold_k_step", ("K+J", "K+L"), "play"),
    Action("skim_skippable", ("Shift+U",), "play"),
    Action("mark_in", ("I",), "tag"),
    Action("mark_out", ("O",), "tag"),
    Action("still", ("S",), "tag"),
    Action("mark_skippable", ("Ctrl+U",), "tag"),
    Action("zoom_in", ("+", "=", "Shift++"), "view"),
    Action("zoom_out", ("-",), "view"),
    Action("zoom_fit", ("0",), "view"),
    Action("fullscreen", ("F11",), "view"),
    Action("leave_fullscreen", ("Esc",), "view"),
    Action("undo", ("Ctrl+Z",), "edit"),
    Action("redo", ("Ctrl+Shift+Z",), "edit"),
    Action("delete", ("Del",), "edit"),
    Action("shortcuts", ("F1",), "help"),
)
# Presentation mode (#16) has keys of its own, in its own windows: not review keys, so they
# reserve nothing (→ steps a frame in review, goes to the next clip in a show).
PRESENT_ACTIONS: tuple[Action, ...] = (
    Action("present_next", ("PgDown", "Right"), "present"),
    Action("present_previous", ("PgUp", "Left"), "present"),
    Action("present_pause", ("Space",), "present"),
    Action("present_black", ("B",), "present"),
    Action("present_leave", ("Esc",), "present"),
)
GROUPS = ("tag", "navigate", "play", "view", "edit", "present", "help")
_SETTINGS = "categoryKeys"


def descriptions() -> dict[str, str]:
    """What each fixed key does, in the current language (lupdate needs the literal calls)."""

    return {
        "step_back": QCoreApplication.translate("KeyMap", "Previous frame"),
        "step_forward": QCoreApplication.translate("KeyMap", "Next frame"),
        "jump_back_1s": QCoreApplication.translate("KeyMap", "Back 1 second"),
        "jump_forward_1s": QCoreApplication.translate("KeyMap", "Forward 1 second"),
        "jump_back_10s": QCoreApplication.translate("KeyMap", "Back 10 seconds"),
        "jump_forward_10s": QCoreApplication.translate("KeyMap", "Forward 10 seconds"),
        "previous_tag": QCoreApplication.translate("KeyMap", "Previous tag"),
        "next_tag": QCoreApplication.translate("KeyMap", "Next tag"),
        "goto": QCoreApplication.translate("KeyMap", "Go to a time or #frame"),
        "next_unwatched": QCoreApplication.translate(
            "KeyMap", "Go to the next stretch nobody has watched yet"
        ),
        "next_proposal": QCoreApplication.translate(
            "KeyMap", "Next proposal (scene change, speech): a category key tags it, Del dismisses"
        ),
        "previous_proposal": QCoreApplication.translate("KeyMap", "Previous proposal"),
        "skim_skippable": QCoreApplication.translate(
            "KeyMap", "Play dark and frozen stretches at 8× (on / off)"
        ),
        "mark_skippable": QCoreApplication.translate(
            "KeyMap", "Mark this file's dark and frozen stretches reviewed"
        ),
        "present_next": QCoreApplication.translate("KeyMap", "Presentation: next clip"),
        "present_previous": QCoreApplication.translate("KeyMap", "Presentation: previous clip"),
        "present_pause": QCoreApplication.translate("KeyMap", "Presentation: pause / go on"),
        "present_black": QCoreApplication.translate("KeyMap", "Presentation: black screen"),
        "present_leave": QCoreApplication.translate("KeyMap", "Leave the presentation"),
        "play_pause": QCoreApplication.translate("KeyMap", "Play / pause"),
        "reverse": QCoreApplication.translate(
            "KeyMap", "Play backward; again: faster (2×, 4×, 8×)"
        ),
        "pause": QCoreApplication.translate("KeyMap", "Pause"),
        "forward": QCoreApplication.translate("KeyMap", "Play forward; again: faster (2×, 4×, 8×)"),
        "hold_k_step": QCoreApplication.translate(
            "KeyMap", "Hold K, press J or L: one frame back or forward"
        ),
        "mark_in": QCoreApplication.translate(
            "KeyMap", "Mark the start of a range (then a category key)"
        ),
        "mark_out": QCoreApplication.translate("KeyMap", "Mark the end of a range"),
        "still": QCoreApplication.translate(
            "KeyMap", "Add the frame on screen as a still to the selected tag"
        ),
        "zoom_in": QCoreApplication.translate("KeyMap", "Zoom in on the video (also: mouse wheel)"),
        "zoom_out": QCoreApplication.translate("KeyMap", "Zoom out"),
        "zoom_fit": QCoreApplication.translate("KeyMap", "Fit the video to the window"),
        "fullscreen": QCoreApplication.translate(
            "KeyMap", "Full screen video (also: double-click the video)"
        ),
        "leave_fullscreen": QCoreApplication.translate("KeyMap", "Leave full screen"),
        "undo": QCoreApplication.translate("KeyMap", "Undo"),
        "redo": QCoreApplication.translate("KeyMap", "Redo"),
        "delete": QCoreApplication.translate("KeyMap", "Delete the selected tag"),
        "shortcuts": QCoreApplication.translate("KeyMap", "This list of keys"),
    }


def group_titles() -> dict[str, str]:
    return {
        "tag": QCoreApplication.translate("KeyMap", "Tagging"),
        "navigate": QCoreApplication.translate("KeyMap", "Moving through the footage"),
        "play": QCoreApplication.translate("KeyMap", "Playing"),
        "view": QCoreApplication.translate("KeyMap", "Viewing"),
        "edit": QCoreApplication.translate("KeyMap", "Editing"),
        "present": QCoreApplication.translate("KeyMap", "Presentation mode"),
        "help": QCoreApplication.translate("KeyMap", "Help"),
    }


def shown(key: str) -> str:
    """A key as the user reads it (native text: 'Ctrl+Z', '→', 'Space')."""
    if key in ("K+J", "K+L"):
        return key
    arrows = {"Left": "←", "Right": "→", "PgDown": "PageDown", "PgUp": "PageUp", "Shift+Left": "Shift+←", "Shift+Right": "Shift+→",
              "Ctrl+Left": "Ctrl+←", "Ctrl+Right": "Ctrl+→"}  # fmt: skip
    if key in arrows:
        return arrows[key]
    return QKeySequence(key).toString(QKeySequence.SequenceFormat.NativeText)


def normalise(key: str) -> str:
    """One spelling per key, the way the keyboard handler names a press."""
    return QKeySequence(key.strip()).toString(QKeySequence.SequenceFormat.PortableText)


def reserved() -> dict[str, str]:
    """Keys of fixed actions (normalised) → action id; a category may not take them."""
    out = {}
    for action in ACTIONS:
        if action.id != "hold_k_step":  # a held pair, not a key of its own
            out.update({normalise(key): action.id for key in action.keys})
    return out


class KeyMap(QObject):
    """Fixed actions plus the category keys of one code book, with the user's rebindings."""

    changed = Signal()

    def __init__(self, book: CodeBook, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._book = book
        self._categories: dict[str, str] = {}
        self._reserved = reserved()
        self._load()

    def set_codebook(self, book: CodeBook) -> None:
        self._book = book
        self._load()
        self.changed.emit()

    # -- reading ----------------------------------------------------------

    def category_key(self, category_id: str) -> str:
        """The key that tags ``category_id`` ('' if none)."""
        return self._categories.get(category_id, "")

    def category_for(self, key: str) -> str | None:
        key = normalise(key)
        return next((cid for cid, k in self._categories.items() if k == key), None)

    def action_for(self, key: str) -> str | None:
        return self._reserved.get(normalise(key))

    def categories(self) -> list[tuple[str, str]]:
        """(category id, key) in code book order, keyless ones included."""
        return [(c.id, self.category_key(c.id)) for c in self._book.categories]

    def keys_of(self, action_id: str) -> tuple[str, ...]:
        return next(a.keys for a in (*ACTIONS, *PRESENT_ACTIONS) if a.id == action_id)

    @staticmethod
    def present_action(key: str) -> str | None:
        """The presentation action of a key press (its own map: → is "next clip" there)."""
        key = normalise(key)
        return next((a.id for a in PRESENT_ACTIONS if key in {normalise(k) for k in a.keys}), None)

    def first_key(self, action_id: str) -> str:
        return shown(self.keys_of(action_id)[0])

    def label(self, category_id: str, lang: str) -> str:
        """'3 · 清垃圾': how a category is named wherever it can be picked."""
        category = self._book.category(category_id)
        name = category.label.text(lang) if category else category_id
        key = self.category_key(category_id)
        return f"{shown(key)} · {name}" if key else name

    # -- rebinding ----------------------------------------------------------

    def conflict(self, category_id: str, key: str, lang: str = "zh_CN") -> str | None:
        """Why ``key`` cannot tag ``category_id`` (None: it can)."""
        key = normalise(key)
        if not key or QKeySequence(key).count() != 1:
            return QCoreApplication.translate("KeyMap", "Press one key")
        if key in self._reserved:
            what = descriptions()[self._reserved[key]]
            return (
                QCoreApplication.translate("KeyMap", "%1 is already the key for: %2")
                .replace("%1", shown(key))
                .replace("%2", what)
            )
        other = self.category_for(key)
        if other is not None and other != category_id:
            name = self._book.category(other)
            text = QCoreApplication.translate("KeyMap", "%1 already tags the category %2")
            return text.replace("%1", shown(key)).replace(
                "%2", name.label.text(lang) if name else other
            )
        return None

    def bind(self, category_id: str, key: str, lang: str = "zh_CN") -> str | None:
        """Give ``category_id`` the key ``key`` for this user; returns the refusal, if any."""
        refusal = self.conflict(category_id, key, lang)
        if refusal is not None:
            return refusal
        settings = QSettings()
        settings.setValue(f"{_SETTINGS}/{self._book.id}/{category_id}", normalise(key))
        self._load()
        self.changed.emit()
        return None

    def reset(self) -> None:
        """Back to the code book's keys."""
        settings = QSettings()
        settings.remove(f"{_SETTINGS}/{self._book.id}")
        self._load()
        self.changed.emit()

    def _load(self) -> None:
        settings = QSettings()
        prefix = f"{_SETTINGS}/{self._book.id}/"
        keys = {}
        for category in self._book.categories:
            own = settings.value(prefix + category.id)
            key = normalise(str(own)) if own else normalise(category.hotkey or "")
            keys[category.id] = key
        self._categories = keys
