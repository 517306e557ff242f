"""The bulletin's fixed text and fonts, from an editable TOML file in ``resources/templates``.

An office edits the shipped file (or passes its own with ``--template``); entries it
leaves out come from the shipped file, so a short file that only changes the issuer
works. Placeholders are checked when filled: an unknown one refuses the export by name.
"""

from __future__ import annotations

import tomllib
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from reviewer.export.common import ExportError

FOLDER = Path(__file__).resolve().parents[2] / "resources" / "templates"
SECTIONS = ("document", "fonts", "headings", "text")
MAX_BYTES = 256 * 1024


@dataclass(frozen=True)
class Template:
    document: Mapping[str, str]
    fonts: Mapping[str, tuple[str, str]]  # role -> (font on office PCs, free fallback)
    headings: Mapping[str, str]
    text: Mapping[str, str | list[str]]

    def fill(self, section: str, key: str, values: Mapping[str, object]) -> str:
        raw = getattr(self, section)[key]
        return fill(raw if isinstance(raw, str) else "\n".join(raw), values)

    def lines(self, key: str, values: Mapping[str, object]) -> list[str]:
        raw = self.text[key]
        return [fill(line, values) for line in ([raw] if isinstance(raw, str) else raw)]


class _Values(dict):
    def __missing__(self, key: str) -> str:
        raise ExportError("bulletin_template", "{" + key + "}")


def fill(text: str, values: Mapping[str, object]) -> str:
    try:
        return text.format_map(_Values(values))
    except (ValueError, IndexError, AttributeError) as exc:
        raise ExportError("bulletin_template", text[:40]) from exc


def shipped(lang: str) -> Path:
    return FOLDER / ("bulletin_en.toml" if lang.startswith("en") else "bulletin_zh_CN.toml")


def load(lang: str, path: str | Path = "") -> Template:
    """The template for ``lang``: ``path`` over the shipped file, over the Chinese one."""
    merged: dict[str, dict[str, Any]] = {name: {} for name in SECTIONS}
    layers = [FOLDER / "bulletin_zh_CN.toml", shipped(lang)] + ([Path(path)] if path else [])
    for layer in dict.fromkeys(layers):
        for name, entries in _read(layer).items():
            merged[name].update(entries)
    return Template(merged["document"], {k: _font(k, v) for k, v in merged["fonts"].items()},
                    merged["headings"], merged["text"])


def _read(path: Path) -> dict[str, dict[str, Any]]:
    try:
        data = path.read_bytes()
        if len(data) > MAX_BYTES:
            raise ExportError("bulletin_template", f"{path.name}: too large")
        doc = tomllib.loads(data.decode("utf-8-sig"))
    except OSError as exc:
        raise ExportError("bulletin_template", f"{path.name}: {exc.strerror}") from exc
    except (UnicodeDecodeError, tomllib.TOMLDecodeError) as exc:
        raise ExportError("bulletin_template", f"{path.name}: {exc}") from exc
    for name, entries in doc.items():
        if name not in SECTIONS or not isinstance(entries, dict):
            raise ExportError("bulletin_template", f"{path.name}: [{name}]")
        for key, value in entries.items():
            if not _text_like(value):
                raise ExportError("bulletin_template", f"{path.name}: {name}.{key}")
    return doc


def _text_like(value: object) -> bool:
    return isinstance(value, str) or (isinstance(value, list) and
                                       all(isinstance(v, str) for v in value))


def _font(role: str, value: object) -> tuple[str, str]:
    if isinstance(value, list) and len(value) == 2 and all(v.strip() for v in value):
        return value[0].strip(), value[1].strip()
    raise ExportError("bulletin_template", f"fonts.{role}")
