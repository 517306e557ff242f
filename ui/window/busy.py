"""A modal progress dialog while long work holds the project (undoing a merge).

The session refuses edits meanwhile; the dialog also keeps the keys and mouse away
from the window, and the window keeps painting (the work runs on the window's runner).
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QProgressDialog, QWidget


class BusyDialog:
    def __init__(self, window: QWidget) -> None:
        self.window = window
        self.dialog: QProgressDialog | None = None

    def changed(self, text: str) -> None:
        if self.dialog is not None:
            self.dialog.close()
            self.dialog.deleteLater()
            self.dialog = None
        if not text:
            return
        dialog = QProgressDialog(text, "", 0, 0, self.window)  # 0..0: a busy bar
        dialog.setObjectName("busyDialog")
        dialog.setCancelButton(None)  # a restore cannot stop halfway
        dialog.setWindowModality(Qt.WindowModality.ApplicationModal)
        dialog.setMinimumDuration(0)
        dialog.setAutoClose(False)
        dialog.show()
        self.dialog = dialog
