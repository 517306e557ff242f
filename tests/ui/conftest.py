from __future__ import annotations

import gc
import threading

import pytest


@pytest.fixture(autouse=True)
def _no_leaked_windows_or_threads(qapp):
    """Fail a test that leaves a top-level window or a worker thread behind."""
    before_widgets = set(qapp.topLevelWidgets())
    before_threads = set(threading.enumerate())
    yield
    qapp.processEvents()
    gc.collect()  # here, on the GUI thread (ui/gc_guard.py says why)
    leaked = [w for w in qapp.topLevelWidgets() if w not in before_widgets and w.isVisible()]
    assert not leaked, f"leaked windows: {leaked}"
    alive = [t for t in threading.enumerate() if t not in before_threads and t.is_alive()]
    for t in alive:
        t.join(timeout=5)
    assert not [t for t in alive if t.is_alive()], f"leaked threads: {alive}"


@pytest.fixture(scope="session", autouse=True)
def _collect_on_the_gui_thread(qapp):
    """As the app does (ui/gc_guard.py): no garbage collection in worker threads."""
    from ui import gc_guard

    gc_guard.install(qapp)
    yield
    gc.enable()


@pytest.fixture(scope="session", autouse=True)
def _isolated_settings(tmp_path_factory):
    """Window layout, recent projects and language go to a throwaway INI, not the user's."""
    from PySide6.QtCore import QCoreApplication, QSettings

    QSettings.setDefaultFormat(QSettings.Format.IniFormat)
    QSettings.setPath(
        QSettings.Format.IniFormat,
        QSettings.Scope.UserScope,
        str(tmp_path_factory.mktemp("settings")),
    )
    QCoreApplication.setOrganizationName("shenpian-tests")
    QCoreApplication.setApplicationName("shenpian-tests")


@pytest.fixture(scope="session")
def demo_master(tmp_path_factory):
    """One generated demo project per session; tests get copies of its project file."""
    from reviewer.store.demo import create_demo

    return create_demo(tmp_path_factory.mktemp("demo") / "演示.shenpian", total_seconds=30, rounds=1)


@pytest.fixture
def demo_project(demo_master, tmp_path):
    import shutil

    target = tmp_path / "项目 副本.shenpian"
    shutil.copy(demo_master, target)
    return target


@pytest.fixture
def chinese(qapp):
    """The app's and Qt's Chinese translations, as a user gets them by default."""
    from ui.app import install_translations, remove_translations

    installed = install_translations(qapp, "zh_CN", [])
    yield
    remove_translations(qapp, installed)
