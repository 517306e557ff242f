from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest

from reviewer.export import selection, snapshot
from reviewer.export.common import ExportOptions
from reviewer.store.demo import create_demo
from reviewer.store.project import Project

ROOT = Path(__file__).resolve().parents[2]
ARTIFACTS = ROOT / "artifacts" / "export"
DEMO_SECONDS = 12.0
FONTS_CONF = """<?xml version="1.0"?>
<!DOCTYPE fontconfig SYSTEM "fonts.dtd">
<fontconfig>
  <include ignore_missing="yes">/etc/fonts/fonts.conf</include>
  <dir>{fonts}</dir>
  <match target="pattern">
    <test name="family"><string>微软雅黑</string></test>
    <edit name="family" mode="assign" binding="strong"><string>Noto Sans CJK SC</string></edit>
  </match>
</fontconfig>
"""


@pytest.fixture(scope="session")
def demo(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The demo project (12 tags over three short generated files), shared read-only."""
    return create_demo(tmp_path_factory.mktemp("demo") / "demo.shenpian", total_seconds=DEMO_SECONDS,
                       rounds=1)


@pytest.fixture(scope="session")
def snap(demo: Path) -> snapshot.Snapshot:
    with Project.open(demo, read_only=True) as project:
        return snapshot.take(project, selection.Selection())


@pytest.fixture
def project_copy(demo: Path, tmp_path: Path) -> Path:
    """A writable copy of the demo project (its footage stays where the demo put it)."""
    target = tmp_path / "copy.shenpian"
    shutil.copy2(demo, target)
    return target


@pytest.fixture(scope="session")
def options() -> ExportOptions:
    return ExportOptions(handle_before_ms=400, handle_after_ms=400, issue="第5期",
                         date="2026年11月28日")


def render_pdf(files: list[Path], out: Path) -> list[Path]:
    """LibreOffice headless → PDF, with the bundled font standing in for 微软雅黑."""
    soffice = shutil.which("soffice") or shutil.which("libreoffice")
    if soffice is None or shutil.which("pdftoppm") is None:
        pytest.skip("LibreOffice/poppler not installed (see .ci/run)")
    out.mkdir(parents=True, exist_ok=True)
    conf = out / "fonts.conf"
    conf.write_text(FONTS_CONF.format(fonts=ROOT / "resources" / "fonts"), encoding="utf-8")
    env = {"FONTCONFIG_FILE": str(conf), "HOME": str(out), "PATH": "/usr/bin:/bin"}
    subprocess.run([soffice, "--headless", f"-env:UserInstallation=file://{out}/profile",
                    "--convert-to", "pdf", "--outdir", str(out), *map(str, files)],
                   check=True, capture_output=True, env=env, timeout=240)
    return [out / (f.stem + ".pdf") for f in files]


def to_png(pdf: Path, prefix: str, dpi: int = 60) -> list[Path]:
    subprocess.run(["pdftoppm", "-png", "-r", str(dpi), str(pdf), str(pdf.parent / prefix)],
                   check=True, capture_output=True, timeout=120)
    return sorted(pdf.parent.glob(prefix + "*.png"))
