import json

import pytest

from reviewer.codebook import io
from reviewer.codebook.errors import CodeBookError
from reviewer.store.errors import OlderCodeBookError
from reviewer.store.project import Project

ACTIONS = ["清垃圾", "扫厕所", "勤洗手", "净餐馆", "常消毒", "管集市", "众参与"]


def test_default_code_book_is_the_campaign():
    book = io.default_codebook()
    assert [c.label.zh for c in book.categories] == ACTIONS
    assert [c.label.zh for c in book.counties] == ["香格里拉市", "德钦县", "维西县", "开发区"]
    assert all(len(c.sub_problems) >= 4 for c in book.categories)
    assert [c.hotkey for c in book.categories] == list("1234567")
    assert book.units and book.required_fields
    assert io.loads(io.dumps(book)) == book


def _doc():
    return json.loads(io.DEFAULT_PATH.read_text(encoding="utf-8"))


@pytest.mark.parametrize(
    ("mutate", "where"),
    [
        (lambda d: d.update(format="other"), "format"),
        (lambda d: d.update(format_version=99), "format_version"),
        (lambda d: d.update(version=0), "version"),
        (lambda d: d.update(categories=[]), "categories"),
        (lambda d: d["categories"][2].update(colour="blue"), "categories[2].colour"),
        (lambda d: d["categories"][1].update(id="Bad Id"), "categories[1].id"),
        (lambda d: d["categories"][0]["label"].update(zh_CN=""), "categories[0].label.zh_CN"),
        (lambda d: d["categories"][1].update(hotkey="1"), "hotkeys"),
        (lambda d: d["categories"][3]["sub_problems"][0].update(label=5),
         "categories[3].sub_problems[0].label"),
        (lambda d: d["counties"].append(d["counties"][0]), "counties"),
        (lambda d: d.update(required_fields=["colour"]), "required_fields"),
    ],
)
def test_malformed_code_books_name_the_field(mutate, where):
    doc = _doc()
    mutate(doc)
    with pytest.raises(CodeBookError) as err:
        io.loads(json.dumps(doc, ensure_ascii=False))
    assert err.value.where == where
    assert err.value.message("zh_CN").startswith("代码本")


@pytest.mark.parametrize("data", [b"", b"{", b"\xff\xfe garbage", b"[]", b'"x"'])
def test_truncated_or_foreign_files_are_refused(data):
    with pytest.raises(CodeBookError):
        io.loads(data)


def test_bom_is_accepted():
    assert io.loads(b"\xef\xbb\xbf" + io.DEFAULT_PATH.read_bytes()).id == "diqing-aiwei-7"


def test_import_is_all_or_nothing_and_retires_dropped_entries(tmp_path):
    with Project.create(tmp_path / "p.shenpian") as project:
        before = project.codebook()
        audit_before = len(project.audit_log())
        doc = _doc()
        doc["version"] = 2
        doc["categories"][0]["label"]["zh_CN"] = "清理垃圾"
        del doc["categories"][6]
        doc["categories"][5]["colour"] = "nope"
        with pytest.raises(CodeBookError):
            project.import_codebook(io.loads(json.dumps(doc)))
        assert project.codebook() == before and len(project.audit_log()) == audit_before
        doc["categories"][5]["colour"] = "#123456"
        changes = project.import_codebook(io.loads(json.dumps(doc)))
        assert changes.codebook
        book = project.codebook()
        assert book.version == 2 and len(book.categories) == 6
        assert book.category("qing-laji").label.zh == "清理垃圾"
        # A retired entry keeps its label for old tags.
        assert project.label("category", "zhong-canyu") == "众参与"
        assert project.audit_log()[-1].action == "import"
        with pytest.raises(OlderCodeBookError):
            project.import_codebook(before)


def test_export_import_round_trip(tmp_path):
    with Project.create(tmp_path / "a.shenpian") as first:
        first.export_codebook(tmp_path / "book.json")
        book = first.codebook()
    assert io.load(tmp_path / "book.json") == book
    assert not (tmp_path / "book.json.part").exists()


@pytest.mark.parametrize("version", [1e30, 10**30, 2**31, -1, True, "3"])
def test_hostile_versions_are_refused(tmp_path, version):
    doc = _doc()
    doc["version"] = version
    path = tmp_path / "大版本.json"
    path.write_text(json.dumps(doc), encoding="utf-8")
    with pytest.raises(CodeBookError) as err:
        io.load(path)
    assert err.value.where == "version"
    assert err.value.message("zh_CN").startswith("代码本 大版本.json，version：")
    assert err.value.message("en").startswith("Code book 大版本.json, version: ")


def test_the_largest_version_still_round_trips(tmp_path):
    doc = _doc()
    doc["version"] = io.MAX_VERSION
    with Project.create(tmp_path / "p.shenpian") as project:
        project.import_codebook(io.loads(json.dumps(doc)))
        assert project.codebook().version == io.MAX_VERSION


def test_deeply_nested_json_is_refused_not_a_crash(tmp_path):
    path = tmp_path / "deep.json"
    path.write_text("[" * 100_000 + "]" * 100_000, encoding="utf-8")
    with pytest.raises(CodeBookError) as err:
        io.load(path)
    assert "嵌套" in err.value.message() and "deep.json" in err.value.message()


def test_devices_folders_and_oversized_files_are_refused_without_reading_them(tmp_path):
    for path, word in ((tmp_path, "文件夹"), (tmp_path / "none.json", "找不到")):
        with pytest.raises(CodeBookError) as err:
            io.load(path)
        assert word in err.value.message()
    with pytest.raises(CodeBookError) as err:
        io.load("/dev/zero")  # endless: must never be read whole
    assert "设备" in err.value.message()
    big = tmp_path / "big.json"
    big.write_bytes(b" " * (io.MAX_BYTES + 1))
    with pytest.raises(CodeBookError) as err:
        io.load(big)
    assert "过大" in err.value.message()
