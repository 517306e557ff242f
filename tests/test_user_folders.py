"""The app writes only to the user's folders and where the user points it, never beside its own
code: an installed copy lives where the user may not write (Program Files, %LOCALAPPDATA%\\Programs
shared by an admin, a read-only share), and an update replaces that folder wholesale (#17).

Tests run as root here, so a read-only code folder would not stop a write; instead the code is
copied to a fresh folder, run from there (as the working directory too, so a relative path
would land in it) with a fresh HOME, and the copy must be exactly as it was afterwards.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import platformdirs

ROOT = Path(__file__).resolve().parents[1]


def _snapshot(folder: Path) -> dict[str, tuple[int, int]]:
    return {p.relative_to(folder).as_posix(): (p.stat().st_size, p.stat().st_mtime_ns)
            for p in folder.rglob("*")}


def _clean_env(home: Path) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items()
           if not k.startswith(("XDG_", "SHENPIAN_", "PYTHON"))}
    env.update(HOME=str(home), USERPROFILE=str(home), PYTHONDONTWRITEBYTECODE="1",
               QT_QPA_PLATFORM="offscreen")
    return env


def _copy_app(target: Path) -> Path:
    ignore = shutil.ignore_patterns("__pycache__")
    for name in ("reviewer", "ui", "resources"):
        shutil.copytree(ROOT / name, target / name, ignore=ignore)
    shutil.copy2(ROOT / "main.py", target / "main.py")
    return target


def test_cli_and_window_write_nothing_beside_the_code(tmp_path):
    app = _copy_app(tmp_path / "app")
    home = tmp_path / "home"
    home.mkdir()
    before = _snapshot(app)
    project = home / "项目" / "演示.shenpian"
    out = home / "导出"
    out.mkdir()

    def run(*args: object, timeout: float = 120) -> None:
        result = subprocess.run([sys.executable, "main.py", *map(str, args)], cwd=app,
                                env=_clean_env(home), capture_output=True, text=True,
                                encoding="utf-8", timeout=timeout)
        assert result.returncode == 0, result.stderr[-2000:]

    where = subprocess.run([sys.executable, "-c", "import reviewer, ui; print(reviewer.__file__, ui.__file__)"],
                           cwd=app, env=_clean_env(home), capture_output=True, text=True, check=True)
    assert all(Path(f).is_relative_to(app) for f in where.stdout.split()), "not the copy's code"
    run("demo", project, "--seconds", "2")
    footage = sorted(project.parent.rglob("*.mp4"))[0]
    run("frame", footage, "--at", "0.5", "-o", out / "画面.png")
    run("export", project, "--format", "pptx", "-o", out / "汇报.pptx")
    run(project, "--screenshot", home / "window.png")  # settings, recent list, caches

    after = _snapshot(app)
    changed = sorted(k for k in before.keys() | after.keys() if before.get(k) != after.get(k))
    assert not changed, f"written beside the code: {changed}"
    assert (out / "画面.png").is_file() and (out / "汇报.pptx").is_file()
    assert (home / "window.png").is_file()
    if sys.platform == "linux":  # where the per-user folders are is the platform's choice
        assert "演示.shenpian" in (home / ".config" / "shenpian" / "shenpian.conf").read_text(
            encoding="utf-8")
        assert any((home / ".cache" / "shenpian").iterdir())


def test_the_gui_demo_project_lives_in_the_users_data_folder(tmp_path, monkeypatch):
    from ui.app import demo_path

    monkeypatch.setenv("HOME", str(tmp_path))
    monkeypatch.delenv("XDG_DATA_HOME", raising=False)
    path = demo_path()
    assert path.is_relative_to(platformdirs.user_data_dir("shenpian", False))
    assert not path.is_relative_to(ROOT)
