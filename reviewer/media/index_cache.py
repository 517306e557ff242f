"""Indexes that cost a decode pass, kept in the app's cache folder so each file pays once.

Only decoder-built indexes are kept (a demux pass is cheap). The key is the
file's quick fingerprint (size + head/tail hash), so an edited or replaced
file is indexed again; files are never written beside the footage.
"""

from __future__ import annotations

import json
import zipfile
from fractions import Fraction
from pathlib import Path
from typing import Any

import numpy as np

from reviewer.media.fingerprint import quick_fingerprint
from reviewer.media.paths import cache_dir

_VERSION = 2
_ARRAYS = ("pts", "keyframe", "ms", "seek_ts", "ident", "decode_pos")
_FIELDS = ("complete", "header_frames", "ident_field", "seek_field", "built_by", "reason")


def _file(p: Path) -> Path:
    return cache_dir() / "frame-index" / f"v{_VERSION}-{quick_fingerprint(p)}.npz"


def save(p: Path, index: Any) -> None:  # noqa: ANN401 - a FrameIndex; imported the other way
    """Keep ``index`` if a decoder built it; a cache that cannot be written is only slower."""
    if index.built_by != "decoder":
        return
    target = _file(p)
    meta = {name: getattr(index, name) for name in _FIELDS}
    meta["time_base"] = [index.time_base.numerator, index.time_base.denominator]
    meta["damaged"] = [list(r) for r in index.damaged]
    tmp = target.with_name(target.name + ".part.npz")
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        arrays = {name: getattr(index, name) for name in _ARRAYS}
        np.savez(tmp, meta=np.frombuffer(json.dumps(meta).encode(), np.uint8), **arrays)
        tmp.replace(target)
    except OSError:
        tmp.unlink(missing_ok=True)


def load(p: Path, cls: type) -> Any:  # noqa: ANN401 - returns a FrameIndex or None
    try:
        target = _file(p)
        with np.load(target) as data:
            meta = json.loads(bytes(data["meta"]).decode())
            arrays = {name: data[name] for name in _ARRAYS}
    except (OSError, ValueError, KeyError, zipfile.BadZipFile):
        return None
    return cls(
        time_base=Fraction(*meta.pop("time_base")),
        damaged=tuple(tuple(r) for r in meta.pop("damaged")),
        **arrays,
        **meta,
    )
