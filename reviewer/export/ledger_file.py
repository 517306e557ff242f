"""Reading a ledger someone hands back, XLSX or CSV, before a single cell is trusted.

The file comes back from a responsible unit or another tool: it may be a JPEG renamed,
a CSV saved by Excel in GBK, cut short on a USB stick, or a zip bomb. Each of those is
one :class:`LedgerError` naming the file and the cause; nothing is read past the caps.
"""

from __future__ import annotations

import csv
import io
import zipfile
from dataclasses import dataclass
from itertools import islice
from pathlib import Path

from reviewer.export.common import ExportError
from reviewer.files import kind_of, why_not_a_file

MAX_BYTES = 64 * 1024 * 1024
MAX_UNZIPPED = 256 * 1024 * 1024  # an XLSX is a zip: refuse before openpyxl inflates it
MAX_ROWS = 100_000
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
_ZIP = b"PK\x03\x04"

_TEXT: dict[str, tuple[str, str]] = {
    "path": ("{detail}：{name}", "{detail}: {name}"),
    "empty": ("台账文件是空的（0 字节）：{name}", "The ledger file is empty (0 bytes): {name}"),
    "not_ledger": ("不是台账文件（只能读取 Excel .xlsx 或 .csv 表格）：{name}",
                   "Not a ledger (only Excel .xlsx or .csv tables can be read): {name}"),
    "damaged": ("台账文件已损坏或不完整，无法读取（{detail}）：{name}",
                "The ledger file is damaged or cut short and cannot be read ({detail}): {name}"),
    "too_large": ("台账文件过大（{detail}）：{name}", "The ledger file is too large ({detail}): {name}"),
    "no_column": ("台账缺少“{detail}”列：{name}", "The ledger has no '{detail}' column: {name}"),
    "rows": ("台账有误，未导入任何修改（{name}）：{detail}",
             "The ledger has errors; nothing was imported ({name}): {detail}"),
}


class LedgerError(ExportError):
    """A ledger refused as a whole; the project is unchanged. ``kind`` names the template."""

    def __init__(self, path: Path, kind: str, zh: str = "", en: str = "") -> None:
        self.path, self.zh, self.en = path, zh, en or zh
        self.kind, self.detail = kind, self.en
        Exception.__init__(self, self.message("en"))

    def message(self, lang: str = "zh_CN") -> str:
        zh, en = _TEXT[self.kind]
        english = lang.startswith("en")
        return (en if english else zh).format(name=self.path.name,
                                              detail=self.en if english else self.zh)


@dataclass(frozen=True)
class Sheet:
    """The first worksheet: a header and the rows under it, as text, with sheet row numbers."""

    path: Path
    header: tuple[str, ...]
    rows: tuple[tuple[int, tuple[str, ...]], ...]

    def column(self, *names: str) -> int | None:
        """Index of the first header matching one of ``names`` (English case-insensitively)."""
        wanted = [n.casefold() for n in names]
        for i, title in enumerate(self.header):
            if title.casefold() in wanted:
                return i
        return None

    def require(self, zh: str, en: str) -> int:
        found = self.column(zh, en)
        if found is None:
            raise LedgerError(self.path, "no_column", f"{zh}", f"{en}")
        return found


def read(path: Path) -> Sheet:
    """Read ``path`` as a ledger table, or raise LedgerError."""
    kind = kind_of(path)
    if kind != "file":
        raise LedgerError(path, "path", *why_not_a_file(kind, "台账文件", "a ledger file"))
    size = path.stat().st_size
    if size == 0:
        raise LedgerError(path, "empty")
    if size > MAX_BYTES:
        raise LedgerError(path, "too_large", f"超过 {MAX_BYTES // 2**20} MB",
                          f"over {MAX_BYTES // 2**20} MB")
    with path.open("rb") as handle:
        head = handle.read(4)
    cells = _xlsx_cells(path) if head == _ZIP else _csv_cells(path)
    return _sheet(path, cells)


def _sheet(path: Path, cells: list[tuple[object, ...]]) -> Sheet:
    if len(cells) > MAX_ROWS + 1:
        raise LedgerError(path, "too_large", f"超过 {MAX_ROWS} 行", f"over {MAX_ROWS} rows")
    texts = [tuple(_text(v) for v in row) for row in cells]
    if not texts or not any(texts[0]):
        raise LedgerError(path, "no_column", "序号", "No.")
    body = tuple((n, row) for n, row in enumerate(texts[1:], start=2) if any(row))
    return Sheet(path, texts[0], body)


def _xlsx_cells(path: Path) -> list[tuple[object, ...]]:
    import openpyxl

    try:
        with zipfile.ZipFile(path) as archive:
            unzipped = sum(info.file_size for info in archive.infolist())
        if unzipped > MAX_UNZIPPED:
            raise LedgerError(path, "too_large", f"解压后超过 {MAX_UNZIPPED // 2**20} MB",
                              f"over {MAX_UNZIPPED // 2**20} MB unpacked")
        book = openpyxl.load_workbook(path, read_only=True, data_only=True)
        try:
            return list(islice(book.worksheets[0].iter_rows(values_only=True), MAX_ROWS + 2))
        finally:
            book.close()
    except LedgerError:
        raise
    except (zipfile.BadZipFile, EOFError) as exc:
        raise LedgerError(path, "damaged", "不是完整的 xlsx 压缩包", "not a whole xlsx archive") from exc
    except Exception as exc:  # noqa: BLE001 - a damaged workbook makes openpyxl raise almost anything
        raise LedgerError(path, "damaged", _short(exc)) from exc


def _csv_cells(path: Path) -> list[tuple[object, ...]]:
    data = path.read_bytes()
    if b"\0" in data[:65536]:
        raise LedgerError(path, "not_ledger")
    text = _decode(data)
    if text is None:
        raise LedgerError(path, "not_ledger")
    try:
        dialect = csv.Sniffer().sniff(text[:65536], delimiters=",;\t")
    except csv.Error:
        dialect = csv.excel  # type: ignore[assignment]
    try:
        return [tuple(r) for r in islice(csv.reader(io.StringIO(text), dialect), MAX_ROWS + 2)]
    except csv.Error as exc:
        raise LedgerError(path, "damaged", _short(exc)) from exc


def _decode(data: bytes) -> str | None:
    """UTF-8 (with or without the BOM our CSV writes), else GB18030 as Excel saves on Chinese
    Windows; None for bytes that are neither (a picture renamed to .csv)."""
    for encoding in ("utf-8-sig", "gb18030"):
        try:
            return data.decode(encoding)
        except UnicodeDecodeError:
            continue
    return None


def _text(value: object) -> str:
    """A cell as text, undoing the quote our exports put before formula-like text."""
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    text = str(value).strip()
    if text.startswith("'") and text[1:2] and text[1:].startswith(_FORMULA_START):
        return text[1:]
    return text


def _short(exc: BaseException) -> str:
    text = " ".join(str(exc).split()) or type(exc).__name__
    return text if len(text) <= 80 else text[:79] + "…"
