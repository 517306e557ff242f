"""The bundled CJK font, registered once for the whole app.

A Linux desktop without CJK fonts would show Chinese as boxes; registering our OFL
font and putting it after the UI font makes CJK glyphs always available, while the
user's own UI font still draws everything it has glyphs for.
"""

from __future__ import annotations

from functools import lru_cache

from PySide6.QtGui import QFontDatabase, QGuiApplication

from reviewer.export.fonts import FONT_FILE


@lru_cache(maxsize=1)
def cjk_family() -> str:
    """The bundled font's family name ("" if it could not be loaded)."""
    families = QFontDatabase.applicationFontFamilies(QFontDatabase.addApplicationFont(str(FONT_FILE)))
    return families[0] if families else ""


def use_cjk_fallback(app: QGuiApplication) -> None:
    """The app font keeps its families first and gets the bundled CJK font last."""
    family = cjk_family()
    font = app.font()
    families = font.families() or [font.family()]
    if not family or family in families:
        return
    font.setFamilies([*families, family])
    app.setFont(font)
