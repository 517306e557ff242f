"""Text that came in a reviewer's package is shown with its control and bidi characters
escaped, everywhere the window shows it (the merge dialog has its own test)."""

from __future__ import annotations

from reviewer.store.project import Project
from ui.main_window import ReviewWindow
from ui.project.session import ProjectSession

EVIL_NAME = "李四\x1b[2J\n伪造的一行\u202egpj.exe"
EVIL_PLACE = "路口\u202egpj.exe"
HIDDEN = ("\x1b", "\u202e", "\u2066", "\r")


def visible(text: str) -> bool:
    return not any(bad in text for bad in HIDDEN)


def test_package_text_is_escaped_in_the_table_editor_and_media_bin(qtbot, demo_project):
    with Project.open(demo_project, reviewer=EVIL_NAME) as project:
        media = project.media()[0]
        uuid = project.add_tag(media.id, 1000, "qing-laji", place=EVIL_PLACE,
                               note="第一行\n第二行\u2066x").select
        with project.batch() as conn:  # as a merged package names its footage
            conn.execute("UPDATE media SET name = ? WHERE id = ?", ("a\u202e4pm.exe", media.id))
    session = ProjectSession(Project.open(demo_project))
    window = ReviewWindow(session, synchronous=True)
    qtbot.addWidget(window)
    try:
        model = window.tags.model
        model.reload()
        row = model.row_of(uuid)
        cells = {c: model.data(model.index(row, n)) for n, c in
                 enumerate(("time", "media", "category", "sub_problem", "county", "place", "unit",
                            "severity", "status", "round", "reviewer", "missing", "note"))}
        assert all(visible(str(text)) for text in cells.values()), cells
        assert cells["reviewer"] == "李四\\x1b[2J\\x0a伪造的一行\\u202egpj.exe"
        assert cells["place"] == "路口\\u202egpj.exe" and cells["media"] == "a\\u202e4pm.exe"
        assert cells["note"] == "第一行\n第二行\\u2066x"  # a note keeps its lines
        assert visible(model.data(model.index(row, 12), 3))  # the note's tooltip
        window.editor.show_tag(uuid)
        assert window.editor.place.text() == "路口\\u202egpj.exe"
        assert window.editor.note.toPlainText() == "第一行\n第二行\\u2066x"
        names = [window.bin.list.item(i).text() for i in range(window.bin.list.count())]
        assert all(visible(n) for n in names) and any("a\\u202e4pm.exe" in n for n in names)
        window.editor.place.editingFinished.emit()  # leaving the field changes nothing
        window.editor.note.committed.emit(window.editor.note.toPlainText())
        assert session.project.tag(uuid).place == EVIL_PLACE  # stored text is unchanged
        assert session.project.tag(uuid).note == "第一行\n第二行\u2066x"
    finally:
        window.close()
        session.close()
