"""Documents through LibreOffice to PDF and PNG, pages kept in artifacts/campaign to look at.

The office's fonts (仿宋, 黑体, 楷体, 宋体, 方正小标宋简体) are not on a Linux test machine; the
bundled CJK font stands in for all of them, so a render checks layout, not faces.
"""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
ARTIFACTS = ROOT / "artifacts" / "campaign"
FACES = ("仿宋", "黑体", "楷体", "宋体", "方正小标宋简体", "微软雅黑")
FONTS_CONF = """<?xml version="1.0"?>
<!DOCTYPE fontconfig SYSTEM "fonts.dtd">
<fontconfig>
  <include ignore_missing="yes">/etc/fonts/fonts.conf</include>
  <dir>{fonts}</dir>
  {aliases}
</fontconfig>
"""
_ALIAS = """<match target="pattern"><test name="family"><string>{face}</string></test>
  <edit name="family" mode="assign" binding="strong"><string>Noto Sans CJK SC</string></edit>
  </match>"""


def render(document: Path, prefix: str, dpi: int = 60) -> tuple[Path, list[Path]]:
    """(the PDF, one PNG per page); the pages are also copied to artifacts/campaign."""
    soffice = shutil.which("soffice") or shutil.which("libreoffice")
    if soffice is None or shutil.which("pdftoppm") is None:
        pytest.skip("LibreOffice/poppler not installed (see .ci/run)")
    out = document.parent / f"render-{prefix}"
    out.mkdir(exist_ok=True)
    conf = out / "fonts.conf"
    aliases = "\n  ".join(_ALIAS.format(face=face) for face in FACES)
    conf.write_text(FONTS_CONF.format(fonts=ROOT / "resources" / "fonts", aliases=aliases),
                    encoding="utf-8")
    env = {"FONTCONFIG_FILE": str(conf), "HOME": str(out), "PATH": "/usr/bin:/bin"}
    subprocess.run([soffice, "--headless", f"-env:UserInstallation=file://{out}/profile",
                    "--convert-to", "pdf", "--outdir", str(out), str(document)],
                   check=True, capture_output=True, env=env, timeout=240)
    pdf = out / (document.stem + ".pdf")
    subprocess.run(["pdftoppm", "-png", "-r", str(dpi), str(pdf), str(out / prefix)],
                   check=True, capture_output=True, timeout=120)
    pngs = sorted(out.glob(prefix + "*.png"))
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    for png in pngs:
        shutil.copy2(png, ARTIFACTS / png.name)
    return pdf, pngs


def pages_text(pdf: Path) -> list[str]:
    """The text of each page (pdftotext separates pages with form feeds)."""
    text = subprocess.run(["pdftotext", "-layout", str(pdf), "-"], check=True,
                          capture_output=True, text=True, timeout=60).stdout
    return [page for page in text.split("\f") if page.strip()]
