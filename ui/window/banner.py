"""The warning strip above the video. A warning about a file belongs to that file."""

from __future__ import annotations

from PySide6.QtWidgets import QLabel, QWidget


class FileBanner(QLabel):
    """Shows one warning; one about a file goes away as soon as another file is opened."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("banner")
        self.setWordWrap(True)
        self.setStyleSheet(
            "background: #fdecea; color: #8a1c12; padding: 6px; border: 1px solid #e0a39b;"
        )
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
