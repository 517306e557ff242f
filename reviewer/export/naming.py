"""File names from a template such as ``{序号}_{县市}_{类别}``, safe on Windows, macOS and Linux."""

from __future__ import annotations

import re
import string

from reviewer.export.common import ExportError, ExportOptions
from reviewer.export.snapshot import Item

_UNSAFE = re.compile(r'[\\/:*?"<>|\x00-\x1f\x7f]')
_RESERVED = {"CON", "PRN", "AUX", "NUL", *(f"COM{i}" for i in range(1, 10)),
             *(f"LPT{i}" for i in range(1, 10))}
MAX_STEM = 120  # leaves room for a folder on Windows' 260-character paths


def fields(item: Item) -> dict[str, str]:
    values = {
        "序号": f"{item.number:03d}", "县市": item.county, "类别": item.category,
        "问题": item.problem, "地点": item.tag.place, "责任单位": item.unit,
        "乡镇": item.township, "视频": item.media_name.rsplit(".", 1)[0],
    }
    english = dict(zip(("number", "county", "category", "problem", "place", "unit", "township",
                        "media"), values.values(), strict=True))
    return values | english


def safe(text: str) -> str:
    """Replace characters no file system accepts; never an empty or reserved name."""
    cleaned = _UNSAFE.sub("_", text).strip().rstrip(". ")
    cleaned = re.sub(r"_{2,}", "_", cleaned)[:MAX_STEM].rstrip(". ")
    if not cleaned or cleaned.split(".")[0].upper() in _RESERVED:
        cleaned = "_" + cleaned
    return cleaned


UNREDACTED_PREFIX = "未打码_"


def clip_stem(options: ExportOptions, item: Item) -> str:
    """A clip's file stem; an explicitly unredacted export says so in the name too, the only
    mark a lossless copy can carry (its pictures cannot change)."""
    stem = render(options.name_template, item)
    return UNREDACTED_PREFIX + stem if options.redact == "off" else stem


def render(template: str, item: Item) -> str:
    """The file stem for ``item``; blank fields collapse instead of leaving ``__``."""
    try:
        names = [n for _, n, _, _ in string.Formatter().parse(template) if n]
        values = fields(item)
        unknown = [n for n in names if n not in values]
        if unknown:
            raise ExportError("template", "{" + unknown[0] + "}")
        text = template.format(**values)
    except (ValueError, IndexError) as exc:
        raise ExportError("template", template) from exc
    text = re.sub(r"_{2,}", "_", text).strip("_ ")
    return safe(text or f"{item.number:03d}")


def unique(stem: str, taken: set[str]) -> str:
    """``stem``, or ``stem-2``, ``stem-3``... (case-insensitive: Windows and macOS disks)."""
    candidate, n = stem, 1
    while candidate.lower() in taken:
        n += 1
        candidate = f"{stem}-{n}"
    taken.add(candidate.lower())
    return candidate
