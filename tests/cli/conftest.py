from __future__ import annotations

import pytest

from reviewer.cli import run


def cli(capsys, *args):
    """Run one subcommand in-process: (exit code, stdout, stderr)."""
    code = run([str(a) for a in args])
    out, err = capsys.readouterr()
    return code, out, err


@pytest.fixture(scope="module")
def demo(tmp_path_factory):
    """A short demo project made through the CLI itself, once per test module."""
    path = tmp_path_factory.mktemp("demo") / "演示.shenpian"
    assert run(["demo", str(path), "--seconds", "3", "--rounds", "1"]) == 0
    return path


@pytest.fixture(autouse=True)
def _cli_environment(tmp_path_factory, monkeypatch):
    """Chinese messages unless a test asks (whatever the developer's locale), and crash logs
    in a throwaway folder, never the user's."""
    monkeypatch.setenv("SHENPIAN_LANG", "zh_CN")
    monkeypatch.setenv("SHENPIAN_LOG_DIR", str(tmp_path_factory.mktemp("logs")))
