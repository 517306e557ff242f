"""Read and write code book JSON files, validating everything before anything is used.

A code book is handed to every laptop on a USB stick, so a file may be
truncated, hand-edited or from another tool: it is parsed completely and
refused as a whole on the first problem (all-or-nothing).
"""

from __future__ import annotations

import contextlib
import json
import os
import re
from collections.abc import Callable
from pathlib import Path
from typing import Any, TypeVar

from reviewer.codebook import rules as rules_io
from reviewer.codebook.errors import CodeBookError
from reviewer.codebook.model import (
    REQUIRABLE_FIELDS,
    Category,
    CodeBook,
    County,
    Label,
    SubProblem,
    Township,
    Unit,
)
from reviewer.files import kind_of, os_cause, why_not_a_file

FORMAT = "shenpian-codebook"
FORMAT_VERSION = 1
MAX_BYTES = 2 * 1024 * 1024
MAX_VERSION = 2**31 - 1  # stored as an SQLite INTEGER and compared; 1e30 is not a version
DEFAULT_PATH = Path(__file__).resolve().parents[2] / "resources" / "codebooks" / "default.json"
_ID = re.compile(r"^[a-z0-9][a-z0-9._-]{0,63}$")
_COLOUR = re.compile(r"^#[0-9a-fA-F]{6}$")
_HOTKEY = re.compile(r"^[0-9A-Za-z]?$")
T = TypeVar("T")


def default_codebook() -> CodeBook:
    """The campaign's seven actions and Diqing's counties, shipped in ``resources/``."""
    return load(DEFAULT_PATH)


def load(path: str | os.PathLike[str]) -> CodeBook:
    """Read and validate a code book file; every error names the file."""
    source = Path(path)
    try:
        return loads(_read_capped(source))
    except CodeBookError as exc:
        exc.file = source.name or str(source)
        raise


def _read_capped(source: Path) -> bytes:
    """At most MAX_BYTES + 1 bytes of a regular file (never a device, a pipe or a folder)."""
    kind = kind_of(source)
    if kind != "file":
        raise CodeBookError("", *why_not_a_file(kind, "代码本文件", "a code book file"))
    try:
        with source.open("rb") as handle:
            return handle.read(MAX_BYTES + 1)
    except OSError as exc:
        zh, en = os_cause(exc)
        raise CodeBookError("", f"无法读取文件：{zh}", f"cannot read the file: {en}") from exc


def loads(data: bytes | str) -> CodeBook:
    """Parse a whole code book; raise :class:`CodeBookError` naming the first bad field."""
    raw = data.encode("utf-8") if isinstance(data, str) else data
    if len(raw) > MAX_BYTES:
        raise CodeBookError("", "文件过大", "the file is too large")
    try:
        doc = json.loads(raw.decode("utf-8-sig"))
    except (UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise CodeBookError("", "不是有效的 JSON 文件（可能不完整）", f"not valid JSON ({exc})") from exc
    except RecursionError as exc:
        raise CodeBookError("", "JSON 嵌套层数过多，不是代码本", "the JSON is nested too deeply to be a code book") from exc
    return from_dict(doc)


def from_dict(doc: object) -> CodeBook:
    root = _obj(doc, "")
    _check_header(root)
    categories = _list(root, "categories", _category, required=True)
    book = CodeBook(
        id=_id(root, "id", ""),
        name=_label(root.get("name"), "name"),
        version=_version(root.get("version")),
        categories=categories,
        counties=_list(root, "counties", _county),
        units=_list(root, "units", _unit),
        required_fields=_required(root.get("required_fields", [])),
        rules=_rules(root.get("campaign"), categories),
    )
    _check_unique(book)
    return book


def _rules(doc: object, categories: tuple[Category, ...]) -> rules_io.CampaignRules:
    if doc is None:
        return rules_io.DEFAULT_RULES
    return rules_io.from_dict(doc, frozenset(c.id for c in categories))


def dumps(book: CodeBook) -> str:
    return json.dumps(to_dict(book), ensure_ascii=False, indent=2) + "\n"


def save(book: CodeBook, path: str | os.PathLike[str]) -> None:
    """Write atomically so a USB stick pulled mid-write never leaves half a code book."""
    target = Path(path)
    tmp = target.with_name(target.name + ".part")
    try:
        tmp.write_text(dumps(book), encoding="utf-8")
        os.replace(tmp, target)
    except OSError as exc:
        with contextlib.suppress(OSError):
            tmp.unlink(missing_ok=True)
        zh, en = os_cause(exc)
        raise CodeBookError("", f"无法写入文件：{zh}", f"cannot write the file: {en}",
                            target.name) from exc


def to_dict(book: CodeBook) -> dict[str, Any]:
    return {
        "format": FORMAT,
        "format_version": FORMAT_VERSION,
        "id": book.id,
        "version": book.version,
        "name": _label_dict(book.name),
        "required_fields": list(book.required_fields),
        "categories": [_category_dict(c) for c in book.categories],
        "counties": [_county_dict(c) for c in book.counties],
        "units": [{"id": u.id, "label": _label_dict(u.label)} for u in book.units],
        "campaign": rules_io.to_dict(book.rules),
    }


def _label_dict(label: Label) -> dict[str, str]:
    return {"zh_CN": label.zh, "en": label.en}


def _category_dict(cat: Category) -> dict[str, Any]:
    subs = [{"id": s.id, "label": _label_dict(s.label)} for s in cat.sub_problems]
    return {"id": cat.id, "label": _label_dict(cat.label), "colour": cat.colour,
            "hotkey": cat.hotkey, "sub_problems": subs}


def _county_dict(county: County) -> dict[str, Any]:
    towns = [{"id": t.id, "label": _label_dict(t.label)} for t in county.townships]
    return {"id": county.id, "label": _label_dict(county.label), "townships": towns}


# --- validation -------------------------------------------------------------


def _fail(where: str, zh: str, en: str) -> CodeBookError:
    return CodeBookError(where, zh, en)


def _obj(value: object, where: str) -> dict[str, Any]:
    if not isinstance(value, dict):
        raise _fail(where, "应为对象", "must be an object")
    return value


def _check_header(root: dict[str, Any]) -> None:
    if root.get("format") != FORMAT:
        raise _fail("format", "不是代码本文件", f"not a code book file (expected {FORMAT!r})")
    version = root.get("format_version")
    if not isinstance(version, int) or isinstance(version, bool) or version < 1:
        raise _fail("format_version", "格式版本无效", "invalid format version")
    if version > FORMAT_VERSION:
        raise _fail("format_version", "文件来自更新版本的软件，请先升级", "made by a newer version; upgrade first")


def _id(obj: dict[str, Any], key: str, where: str) -> str:
    value = obj.get(key)
    if not isinstance(value, str) or not _ID.match(value):
        place = f"{where}.{key}" if where else key
        raise _fail(place, "编号无效（小写字母、数字、. _ -）", "invalid id (lower-case letters, digits, . _ -)")
    return value


def _label(value: object, where: str) -> Label:
    obj = _obj(value, where)
    zh, en = obj.get("zh_CN"), obj.get("en", "")
    if not isinstance(zh, str) or not zh.strip() or len(zh) > 100:
        raise _fail(where + ".zh_CN", "中文名称不能为空且不超过 100 字", "Chinese label missing or too long")
    if not isinstance(en, str) or len(en) > 200:
        raise _fail(where + ".en", "英文名称无效", "invalid English label")
    return Label(zh.strip(), en.strip())


def _version(value: object) -> int:
    if not isinstance(value, int) or isinstance(value, bool) or not 1 <= value <= MAX_VERSION:
        raise _fail("version", f"版本号应为 1 到 {MAX_VERSION} 之间的整数",
                    f"version must be a whole number from 1 to {MAX_VERSION}")
    return value


def _required(value: object) -> tuple[str, ...]:
    if not isinstance(value, list) or any(v not in REQUIRABLE_FIELDS for v in value):
        raise _fail("required_fields", "必填字段无效", f"must be a list drawn from {REQUIRABLE_FIELDS}")
    return tuple(dict.fromkeys(value))


def _list(root: dict[str, Any], key: str, parse: Callable[[object, str], T],
          required: bool = False, prefix: str = "") -> tuple[T, ...]:
    items = root.get(key, [])
    where = f"{prefix}.{key}" if prefix else key
    if not isinstance(items, list) or (required and not items):
        zh, en = ("应为非空列表", "must be a non-empty list") if required else ("应为列表", "must be a list")
        raise _fail(where, zh, en)
    return tuple(parse(item, f"{where}[{i}]") for i, item in enumerate(items))


def _category(value: object, where: str) -> Category:
    obj = _obj(value, where)
    colour, hotkey = obj.get("colour", "#888888"), obj.get("hotkey", "")
    if not isinstance(colour, str) or not _COLOUR.match(colour):
        raise _fail(where + ".colour", "颜色应为 #RRGGBB", "colour must be #RRGGBB")
    if not isinstance(hotkey, str) or not _HOTKEY.match(hotkey):
        raise _fail(where + ".hotkey", "快捷键应为一个字母或数字", "hotkey must be one letter or digit")
    subs = _list(obj, "sub_problems", _entry_parser(SubProblem), prefix=where)
    return Category(_id(obj, "id", where), _label(obj.get("label"), where + ".label"),
                    colour.lower(), hotkey, subs)


def _county(value: object, where: str) -> County:
    obj = _obj(value, where)
    towns = _list(obj, "townships", _entry_parser(Township), prefix=where)
    return County(_id(obj, "id", where), _label(obj.get("label"), where + ".label"),
                  towns)


def _unit(value: object, where: str) -> Unit:
    return _entry_parser(Unit)(value, where)


def _entry_parser(kind: Callable[[str, Label], T]) -> Callable[[object, str], T]:
    def parse(value: object, where: str) -> T:
        obj = _obj(value, where)
        return kind(_id(obj, "id", where), _label(obj.get("label"), where + ".label"))

    return parse


def _check_unique(book: CodeBook) -> None:
    groups = {
        "categories": [c.id for c in book.categories],
        "sub_problems": [s.id for c in book.categories for s in c.sub_problems],
        "counties": [c.id for c in book.counties],
        "townships": [t.id for c in book.counties for t in c.townships],
        "units": [u.id for u in book.units],
        "hotkeys": [c.hotkey for c in book.categories if c.hotkey],
    }
    for where, ids in groups.items():
        dupes = sorted({i for i in ids if ids.count(i) > 1})
        if dupes:
            raise _fail(where, f"编号重复：{dupes[0]}", f"duplicate id: {dupes[0]}")
