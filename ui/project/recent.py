"""Recently opened projects, per user (QSettings)."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QSettings

_RECENT_MAX = 8


def recent_projects() -> list[str]:
    value = QSettings().value("recent", [])
    items = [value] if isinstance(value, str) else list(value or [])
    return [p for p in items if Path(p).exists()][:_RECENT_MAX]


def remember(path: Path) -> None:
    items = [str(path)] + [p for p in recent_projects() if p != str(path)]
    QSettings().setValue("recent", items[:_RECENT_MAX])
