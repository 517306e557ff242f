"""Where the reviewer was: the open file, the position, the selected tag, the table's filter.

Kept per user (QSettings), keyed by the project file's path, not in the
project: it is one person's place on one computer, it must work on a
read-only project, and it must not travel in reviewer packages or add
writes to the evidence file (docs/adr/0008-first-day.md).
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass, field
from pathlib import Path

from PySide6.QtCore import QSettings

from reviewer.store.search import TagFilter


@dataclass(frozen=True)
class ViewState:
    media_id: str | None = None
    position_ms: int = 0
    selected: str | None = None
    filter: TagFilter = field(default_factory=TagFilter)


def _key(project_path: Path) -> str:
    digest = hashlib.sha1(str(Path(project_path).resolve()).encode("utf-8")).hexdigest()
    return f"projects/{digest[:20]}/view"


def save_view(project_path: Path, state: ViewState) -> None:
    """File and position only: a filter or selection from last week would only confuse."""
    data = {"media_id": state.media_id, "position_ms": state.position_ms}
    QSettings().setValue(_key(project_path), json.dumps(data))


def load_view(project_path: Path) -> ViewState:
    raw = QSettings().value(_key(project_path))
    try:
        data = json.loads(str(raw)) if raw else {}
        return ViewState(data.get("media_id"), int(data.get("position_ms") or 0))
    except (ValueError, TypeError, AttributeError):
        return ViewState()
