"""Refresh the Qt Linguist files: lupdate over ui/, fill from the glossary, lrelease to .qm.

    python scripts/update_translations.py

The glossary (resources/translations/zh_CN.json) maps English source text
to Chinese; a string missing from it stays "unfinished" in the .ts, which
tests/ui/test_translations.py reports by name.
"""

from __future__ import annotations

import json
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
FOLDER = ROOT / "resources" / "translations"
TS = FOLDER / "shenpian_zh_CN.ts"
GLOSSARY = FOLDER / "zh_CN.json"
# Strings of Qt's own dialogs that Qt's zh_CN translation lacks (context → source → text).
QT_EXTRA = FOLDER / "qt_extra_zh_CN.json"
QT_EXTRA_TS = FOLDER / "qtextra_zh_CN.ts"


def tool(name: str) -> str:
    return str(Path(sys.executable).with_name(name))


def lupdate(target: Path) -> None:
    sources = sorted(str(p.relative_to(ROOT)) for p in (ROOT / "ui").rglob("*.py"))
    cmd = [tool("pyside6-lupdate"), *sources, "-ts", str(target), "-no-obsolete", "-silent"]
    subprocess.run(cmd, cwd=ROOT, check=True)


def fill(ts: Path, glossary: dict[str, str]) -> list[str]:
    """Write translations in place; return the sources still untranslated."""
    tree = ET.parse(ts)
    missing = []
    for message in tree.iter("message"):
        source = message.findtext("source") or ""
        translation = message.find("translation")
        assert translation is not None
        text = glossary.get(source)
        if text is None:
            missing.append(source)
            translation.set("type", "unfinished")
            continue
        translation.attrib.pop("type", None)
        if message.get("numerus") == "yes":
            translation.text = None
            for form in list(translation):
                translation.remove(form)
            ET.SubElement(translation, "numerusform").text = text
        else:
            translation.text = text
    tree.write(ts, encoding="utf-8", xml_declaration=True)
    return missing


def qt_extra(source: Path, target: Path) -> None:
    """A .ts of the few Qt strings Qt's own translation misses, loaded after qtbase."""
    root = ET.Element("TS", version="2.1", language="zh_CN")
    for context, messages in json.loads(source.read_text(encoding="utf-8")).items():
        ctx = ET.SubElement(root, "context")
        ET.SubElement(ctx, "name").text = context
        for text, translation in messages.items():
            message = ET.SubElement(ctx, "message")
            ET.SubElement(message, "source").text = text
            ET.SubElement(message, "translation").text = translation
    ET.ElementTree(root).write(target, encoding="utf-8", xml_declaration=True)


def main() -> int:
    # From scratch: lupdate would otherwise keep stale contexts it once parsed wrongly,
    # and every translation lives in the glossary anyway.
    TS.unlink(missing_ok=True)
    lupdate(TS)
    missing = fill(TS, json.loads(GLOSSARY.read_text(encoding="utf-8")))
    qt_extra(QT_EXTRA, QT_EXTRA_TS)
    for ts in (TS, QT_EXTRA_TS):
        subprocess.run([tool("pyside6-lrelease"), str(ts), "-silent"], check=True)
    for source in missing:
        print(f"untranslated: {source}")
    return 1 if missing else 0


if __name__ == "__main__":
    sys.exit(main())
