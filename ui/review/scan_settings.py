"""The scan's thresholds (per user): what counts as dark, frozen, near-static, a cut, speech.

Changing one re-reads the cached numbers at once; no file is decoded again.
"""

from __future__ import annotations

from dataclasses import fields

from PySide6.QtWidgets import QDialog, QDialogButtonBox, QDoubleSpinBox, QFormLayout, QWidget

from reviewer.review.skippable import Thresholds
from ui.review.scan_keeper import ScanKeeper

_RANGES = {"dark_luma": (0, 255, 1), "frozen_change": (0, 50, 0.1), "static_change": (0, 50, 0.1),
           "min_skip_s": (0.5, 600, 0.5), "scene_change": (1, 255, 1),
           "silence_db": (-100, 0, 1), "voice_db": (-100, 0, 1), "min_voice_s": (0.1, 10, 0.1)}


class ScanSettings(QDialog):
    def __init__(self, keeper: ScanKeeper, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("scanSettings")
        self.setWindowTitle(self.tr("Skipping and proposals"))
        self.keeper = keeper
        labels = {
            "dark_luma": self.tr("Dark below this brightness (0–255)"),
            "frozen_change": self.tr("Frozen below this change between frames"),
            "static_change": self.tr("Near-static (and silent) below this change"),
            "min_skip_s": self.tr("Shortest stretch to skip (seconds)"),
            "scene_change": self.tr("A scene change is a jump of at least"),
            "silence_db": self.tr("Silence below (dBFS)"),
            "voice_db": self.tr("Speech above, in the voice band (dBFS)"),
            "min_voice_s": self.tr("Shortest speech (seconds)"),
        }
        form = QFormLayout(self)
        self.boxes: dict[str, QDoubleSpinBox] = {}
        for f in fields(Thresholds):
            low, high, step = _RANGES[f.name]
            box = QDoubleSpinBox()
            box.setObjectName(f"scan_{f.name}")
            box.setRange(low, high)
            box.setSingleStep(step)
            box.setDecimals(1)
            box.setValue(getattr(keeper.thresholds, f.name))
            form.addRow(labels[f.name], box)
            self.boxes[f.name] = box
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok
                                   | QDialogButtonBox.StandardButton.Cancel
                                   | QDialogButtonBox.StandardButton.RestoreDefaults)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        buttons.button(QDialogButtonBox.StandardButton.RestoreDefaults).clicked.connect(
            self._defaults)
        form.addRow(buttons)

    def _defaults(self) -> None:
        for name, box in self.boxes.items():
            box.setValue(getattr(Thresholds(), name))

    def chosen(self) -> Thresholds:
        return Thresholds(**{name: box.value() for name, box in self.boxes.items()})

    def accept(self) -> None:
        self.keeper.set_thresholds(self.chosen())
        super().accept()
