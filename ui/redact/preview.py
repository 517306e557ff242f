"""The live preview: the frame image is mosaicked with the core's own renderer before the
video view paints it, so what the reviewer sees is what an export writes."""

from __future__ import annotations

import numpy as np
from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QImage

from reviewer.redact import render
from reviewer.redact.model import NO_REGIONS, Box, Regions


def mosaic(image: QImage, boxes: list[Box], style: str = "mosaic") -> QImage:
    """A redacted copy of ``image`` (the original is left alone)."""
    if image.isNull() or not boxes:
        return image
    src = image.convertToFormat(QImage.Format.Format_BGR888)
    w, h, stride = src.width(), src.height(), src.bytesPerLine()
    buf = np.frombuffer(src.constBits(), np.uint8, count=stride * h).reshape(h, stride)
    pixels = buf[:, : w * 3].reshape(h, w, 3).copy()
    render.bgr(pixels, boxes, style)  # type: ignore[arg-type]
    return QImage(pixels.data, w, h, w * 3, QImage.Format.Format_BGR888).copy()


class RedactionPreview(QObject):
    """Holds what the frame on screen is (footage and time) and the regions of its footage."""

    changed = Signal()

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.enabled = False
        self.style = "mosaic"
        self.media_id: str | None = None
        self.t_ms = 0
        self._regions: dict[str, Regions] = {}

    def set_regions(self, found: dict[str, Regions]) -> None:
        self._regions = found
        self.changed.emit()

    def regions(self, media_id: str | None = None) -> Regions:
        return self._regions.get(media_id or self.media_id or "", NO_REGIONS)

    def set_frame(self, media_id: str, t_ms: int) -> None:
        self.media_id, self.t_ms = media_id, t_ms

    def set_enabled(self, on: bool) -> None:
        self.enabled = on
        self.changed.emit()

    def boxes(self) -> list[Box]:
        return self.regions().boxes_at(self.t_ms)

    def filter(self, image: QImage) -> QImage:
        """The video view's image filter: the mosaic when the preview is on."""
        return mosaic(image, self.boxes(), self.style) if self.enabled else image
