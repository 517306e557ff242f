"""Every user-visible string in ui/ has a Chinese translation, and the shipped .qm is current."""

from __future__ import annotations

import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
TS = ROOT / "resources" / "translations" / "shenpian_zh_CN.ts"


def sources(ts: Path) -> set[str]:
    return {m.findtext("source") or "" for m in ET.parse(ts).iter("message")}


def test_every_string_has_a_class_context():
    """lupdate files a string under no class when it misreads a file; Qt then never finds it."""
    names = [c.findtext("name") for c in ET.parse(TS).iter("context")]
    assert all(names), names


def test_every_string_is_translated():
    untranslated = [
        m.findtext("source")
        for m in ET.parse(TS).iter("message")
        if m.find("translation").get("type") == "unfinished"
    ]
    assert untranslated == []


def test_ts_file_matches_the_code(tmp_path):
    """A new tr() string not yet in the .ts fails here: run scripts/update_translations.py."""
    fresh = tmp_path / "fresh.ts"
    shutil.copy(TS, fresh)
    lupdate = Path(sys.executable).with_name("pyside6-lupdate")
    files = sorted(str(p.relative_to(ROOT)) for p in (ROOT / "ui").rglob("*.py"))
    subprocess.run(
        [str(lupdate), *files, "-ts", str(fresh), "-no-obsolete", "-silent"], cwd=ROOT, check=True
    )
    assert sources(fresh) == sources(TS)


def test_shipped_qm_translates(qapp):
    from PySide6.QtCore import QTranslator

    translator = QTranslator()
    assert translator.load(str(TS.with_suffix(".qm")))
    assert translator.translate("ReviewWindow", "Undo") == "撤销"
    assert translator.translate("TagTable", "Responsible unit") == "责任单位"
