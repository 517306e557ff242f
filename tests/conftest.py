from __future__ import annotations

import os

import pytest

from tests.footage import Library

# GUI tests never need a display unless marked xvfb; set before Qt is imported.
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")


@pytest.fixture(scope="session")
def footage(tmp_path_factory: pytest.TempPathFactory) -> Library:
    """Generated edge-case footage, built on first use and kept for the session."""
    return Library(tmp_path_factory.mktemp("footage"))


@pytest.fixture(autouse=True)
def _isolated_cache(tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch):
    """Thumbnails and indexes go to a throwaway cache, never the user's."""
    monkeypatch.setenv("SHENPIAN_CACHE_DIR", str(tmp_path_factory.mktemp("cache")))
