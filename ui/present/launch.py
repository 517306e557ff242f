"""``present PROJECT``: the show straight from the command line (the CLI checked everything it
could first; Qt is loaded only here)."""

from __future__ import annotations

from pathlib import Path

from reviewer.export import snapshot
from reviewer.export.common import ExportOptions
from reviewer.export.selection import Selection
from reviewer.present.plan import show
from reviewer.store.project import Project


def run(project_path: Path, selection: Selection, options: ExportOptions,
        screen: int | None = None) -> int:
    from ui.app import install_translations, make_app
    from ui.present.presentation import Presentation

    with Project.open(project_path, read_only=True) as project:
        snap = snapshot.take(project, selection, options.lang)
    app = make_app()
    translators = install_translations(app, options.lang, [])
    presentation = Presentation(show(snap, options), options, options.lang, screen)
    presentation.finished.connect(app.quit)
    presentation.start()
    code = app.exec()
    presentation.close()
    for t in translators:
        app.removeTranslator(t)
    return int(code)
