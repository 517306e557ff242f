"""The strips above the video: the project's (how it was opened) and a file's warnings.
A warning about a file belongs to that file."""

from __future__ import annotations

from PySide6.QtWidgets import QLabel, QWidget


def _strip(label: QLabel, name: str, colours: tuple[str, str, str]) -> None:
    background, text, border = colours
    label.setObjectName(name)
    label.setWordWrap(True)
    label.setStyleSheet(f"background: {background}; color: {text}; padding: 6px; "
                        f"border: 1px solid {border};")


class FileBanner(QLabel):
    """Shows one warning; one about a file goes away as soon as another file is opened."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        _strip(self, "banner", ("#fdecea", "#8a1c12", "#e0a39b"))
        self.setToolTip(self.tr("Click to dismiss"))
        self.owner: str | None = None
        self.hide()

    def warn(self, text: str, owner: str | None = None) -> None:
        """``owner``: the media id the warning is about (None: about the project)."""
        self.owner = owner
        self.setText("⚠ " + text)
        self.show()

    def file_changed(self, media_id: str | None) -> None:
        if self.owner is not None and self.owner != media_id:
            self.dismiss()

    def dismiss(self) -> None:
        self.owner = None
        self.clear()
        self.hide()

    def mousePressEvent(self, _event: object) -> None:  # noqa: N802
        self.dismiss()


class ProjectBanner(QLabel):
    """How the project was opened (read-only and why, a temporary copy, a network share),
    for as long as the project is open: it belongs to the project, not to a file."""

    def __init__(self, notices: tuple, lang: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        _strip(self, "projectBanner", ("#fff4d6", "#6b4a00", "#e5c77a"))
        self.setToolTip(self.tr("Click to hide"))
        lines = [notice.message(lang) for notice in notices]
        self.setText("\n".join("ⓘ " + line for line in lines))
        self.setVisible(bool(lines))

    def mousePressEvent(self, _event: object) -> None:  # noqa: N802
        self.hide()
