import pytest

from reviewer.store.search import TagFilter


@pytest.fixture
def tagged(project, media_id):
    rows = [
        (0, None, "qing-laji", "xianggelila", "zhifa", "pending", "建塘镇农贸市场", "垃圾乱堆，污水横流", 2),
        (5000, 9000, "sao-cesuo", "deqin", "zhujian", "rectified", "升平镇公厕", "厕所脏乱", None),
        (12000, None, "jing-canguan", "weixi", "shichang", "in_progress", "保和镇餐馆", "后厨 100% 油污_a", 3),
        (20000, None, "qing-laji", "deqin", None, "pending", "", "河道漂浮垃圾", 1),
    ]
    ids = []
    for start, end, cat, county, unit, status, place, note, severity in rows:
        ids.append(project.add_tag(media_id, start, cat, end_ms=end, county_id=county,
                                   unit_id=unit, status=status, place=place, note=note,
                                   severity=severity).select)
    return project, ids


def _find(project, **kw):
    return {t.note for t in project.tags(TagFilter(**kw))}


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("垃", {"垃圾乱堆，污水横流", "河道漂浮垃圾"}),  # 1 character: LIKE fallback
        ("垃圾", {"垃圾乱堆，污水横流", "河道漂浮垃圾"}),  # 2 characters: LIKE fallback
        ("公厕", {"厕所脏乱"}),  # found in the place
        ("农贸市场", {"垃圾乱堆，污水横流"}),  # 4 characters: trigram FTS
        ("漂浮垃圾", {"河道漂浮垃圾"}),
        ("垃圾 河道", {"河道漂浮垃圾"}),  # terms AND together
        ("100%", {"后厨 100% 油污_a"}),
        ("%", {"后厨 100% 油污_a"}),  # LIKE wildcards are literal
        ("_a", {"后厨 100% 油污_a"}),
        ('"', set()),
        ("不存在", set()),
    ],
)
def test_chinese_text_search_short_and_long(tagged, query, expected):
    project, _ = tagged
    assert _find(project, text=query) == expected


def test_filters_combine(tagged):
    project, _ = tagged
    assert _find(project, categories=("qing-laji",), counties=("deqin",)) == {"河道漂浮垃圾"}
    assert _find(project, statuses=("pending", "in_progress")) == {
        "垃圾乱堆，污水横流", "后厨 100% 油污_a", "河道漂浮垃圾"}
    assert _find(project, units=("zhujian",)) == {"厕所脏乱"}
    assert _find(project, severities=(3,)) == {"后厨 100% 油污_a"}
    assert _find(project, reviewers=("张三",)) == _find(project)
    assert _find(project, reviewers=("李四",)) == set()
    assert _find(project, from_ms=8000, to_ms=15000) == {"厕所脏乱", "后厨 100% 油污_a"}


def test_completeness_follows_the_code_book(tagged):
    project, _ = tagged
    # Default code book requires sub-problem, county, place, unit and severity.
    assert _find(project, complete=True) == set()
    incomplete = project.tags(TagFilter(complete=False))
    assert len(incomplete) == 4
    uuid = incomplete[0].uuid
    project.edit_tag(uuid, sub_problem_id="qing-laji.luan-dui")
    assert [t.uuid for t in project.tags(TagFilter(complete=True))] == [uuid]


def test_search_follows_edits_and_deletes(tagged):
    project, ids = tagged
    project.edit_tag(ids[0], note="路边堆放建筑废料")
    assert _find(project, text="建筑废料") == {"路边堆放建筑废料"}
    assert _find(project, text="污水横流") == set()
    project.delete_tag(ids[3])
    assert _find(project, text="垃圾") == set()
    assert _find(project, text="垃圾", deleted=True) == {"河道漂浮垃圾"}


def test_short_chinese_terms_use_the_word_index_exactly(project, media_id):
    from reviewer.store import search

    project.add_tag(media_id, 10, "qing-laji", place="东门", note="市场垃圾")
    project.add_tag(media_id, 20, "qing-laji", place="市场垃", note="圾桶旁")  # 垃|圾 split across fields
    project.add_tag(media_id, 30, "qing-laji", place="", note="垃 圾 分开")  # not adjacent
    sql, _ = search.build(TagFilter(text="垃圾"), ())
    assert "tags_words" in sql and "LIKE" not in sql
    found = [t.note for t in project.tags(TagFilter(text="垃圾"))]
    assert "市场垃圾" in found  # at the very end of the note
    assert "圾桶旁" not in found  # a pair never spans place and note
    assert "垃 圾 分开" not in found
    assert [t.place for t in project.tags(TagFilter(text="门"))] == ["东门"]
    uuid = project.tags(TagFilter(text="垃圾"))[0].uuid
    project.edit_tag(uuid, note="已清理")
    assert uuid not in {t.uuid for t in project.tags(TagFilter(text="垃圾"))}
    assert uuid in {t.uuid for t in project.tags(TagFilter(text="清理"))}


def test_pages_and_counts_agree_with_the_full_list(project, media_id):
    for k in range(25):
        project.add_tag(media_id, 1000 * k, "qing-laji", note=f"第{k}处垃圾" if k % 2 else "厕所")
    f = TagFilter(text="垃圾")
    full = [t.uuid for t in project.tags(f)]
    assert project.count_tags(f) == len(full) == 12
    pages = [t.uuid for off in range(0, 12, 5) for t in project.tags(f, limit=5, offset=off)]
    assert pages == full
