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


@pytest.fixture
def three_media(project, tmp_path):
    from reviewer.media import synth

    for label in ("b", "c"):
        path = tmp_path / "素材" / f"第{label}段.mp4"
        synth.write(synth.Spec(width=64, height=48, frames=3, label=label), path)
        project.add_media(path)
    return [m.id for m in project.media()]


def _live_reference(project, term):
    """The live tags containing ``term``, found without any index: every tag, in Python."""
    return {t.uuid for t in project.tags() if term in t.place or term in t.note}


VOCABULARY = ("垃圾", "厕", "油污", "市场", "垃圾桶", "河道漂浮")


def test_search_indexes_hold_exactly_the_live_tags(project, three_media):
    """Adds, edits, deletes, undo and redo, and a bulk insert with tombstones in it."""
    import random
    from dataclasses import replace

    from reviewer.store import rows, search
    from reviewer.store.model import new_tag

    rng = random.Random(6)
    texts = ("垃圾桶满溢", "公厕异味", "后厨油污", "市场门口垃圾", "河道漂浮垃圾", "")
    for _ in range(60):
        project.add_tag(rng.choice(three_media), rng.randrange(0, 9) * 100, "qing-laji",
                        place=rng.choice(texts), note=rng.choice(texts))
        live = [t.uuid for t in project.tags()]
        action = rng.randrange(5)
        if action == 0:
            project.delete_tag(rng.choice(live))
        elif action == 1:
            project.edit_tag(rng.choice(live), place=rng.choice(texts), note=rng.choice(texts))
        elif action == 2 and project.can_undo():
            project.undo()
        elif action == 3 and project.can_redo():
            project.redo()
    bulk = [new_tag(rng.choice(three_media), 50 * k, "sao-cesuo", "张三", note=rng.choice(texts))
            for k in range(30)]
    bulk = [t if k % 3 else replace(t, deleted_at=t.created_at, deleted_by="张三")
            for k, t in enumerate(bulk)]
    with project.batch() as conn:  # the merge's path: triggers off, indexes filled in one go
        search.insert_tags_bulk(conn, [[rows.column_value(c, getattr(t, c)) for c in rows.TAG_COLUMNS]
                                       for t in bulk])
    assert project.count_tags(TagFilter(deleted=True)) > 0
    for term in VOCABULARY:
        expected = _live_reference(project, term)
        counted = search.index_count(TagFilter(text=term))
        assert counted is not None, term  # answered from the index alone
        assert project.query(*counted)[0][0] == len(expected), term
        assert project.count_tags(TagFilter(text=term)) == len(expected), term
        assert {t.uuid for t in project.tags(TagFilter(text=term))} == expected, term


def test_a_page_walked_in_display_order_is_the_sorted_page(project, three_media):
    """Walking the display order and sorting every match give the same pages."""
    from reviewer.store import search

    for k in range(40):  # equal start times across and within footage: the tie-breaks count
        project.add_tag(three_media[k % 3], (k // 6) * 1000, "qing-laji",
                        note="垃圾" if k % 4 else "厕所")
    required = project.codebook().required_fields
    f = TagFilter(text="垃圾")
    full = [t.uuid for t in project.tags(f)]
    assert len(full) == 30
    for offset in range(0, 32, 4):
        pages = [[row[0] for row in project.query(*search.build(f, required, 4, offset, walk))]
                 for walk in (False, True)]
        assert pages[0] == pages[1] == full[offset:offset + 4]
    walked, _ = search.build(f, required, 4, 0, walk=True)
    plan = " ".join(str(r) for r in project.query("EXPLAIN QUERY PLAN " + walked,
                                                  search.build(f, required, 4, 0, True)[1]))
    assert "tags_display" in plan and "TEMP B-TREE FOR ORDER BY" not in plan


def test_walking_is_chosen_only_where_it_pays():
    from reviewer.store import search

    assert search.walk_pays(25_000, 500, 0)
    assert not search.walk_pays(1_000, 500, 0)
    assert not search.walk_pays(25_000, 500, 10_000)  # a deep page: sorting is cheaper
    assert not search.walk_pays(25_000, None, 0)  # the whole list is sorted anyway


@pytest.mark.parametrize("flt", [
    TagFilter(text="垃圾", categories=("qing-laji",)),  # other criteria: the table is read
    TagFilter(text="垃圾", deleted=True),  # tombstones are not in the indexes
    TagFilter(text="ab"),  # short Latin: LIKE
    TagFilter(),
])
def test_index_only_counts_are_used_only_for_indexed_text_alone(flt):
    from reviewer.store import search

    assert search.index_count(flt) is None
    assert search.index_count(TagFilter(text="垃圾 河道漂浮")) is not None


def test_a_bulk_insert_leaves_statistics_that_keep_the_walk_cheap(project, three_media):
    """Statistics on tags but none on footage made SQLite build a Bloom filter over every tag."""
    from reviewer.store import rows, search
    from reviewer.store.model import new_tag

    bulk = [new_tag(three_media[k % 3], 10 * k, "qing-laji", "张三", note="垃圾")
            for k in range(3000)]
    with project.batch() as conn:
        search.insert_tags_bulk(conn, [[rows.column_value(c, getattr(t, c))
                                        for c in rows.TAG_COLUMNS] for t in bulk], len(bulk))
    walked, params = search.build(TagFilter(text="垃圾"), (), 500, 0, walk=True)
    plan = " ".join(str(r) for r in project.query("EXPLAIN QUERY PLAN " + walked, params))
    assert "BLOOM" not in plan and "tags_display" in plan


def _statements(project):
    """The page queries the project runs from now on (FTS5's own statements left out)."""
    seen = []
    project._conn.set_trace_callback(seen.append)
    return seen


def _last_page_sql(seen):
    return [sql for sql in seen if sql.startswith("SELECT t.uuid")][-1]


def test_a_page_right_after_its_count_walks_when_the_count_says_it_pays(project, three_media):
    """Text with another criterion: not countable from an index, so the table's count decides."""
    for k in range(40):
        project.add_tag(three_media[k % 3], (k // 6) * 1000, "qing-laji",
                        county_id="deqin" if k % 5 else "weixi", note="垃圾" if k % 4 else "厕所")
    f = TagFilter(text="垃圾", counties=("deqin",))
    full = [t.uuid for t in project.tags(f)]
    seen = _statements(project)
    assert project.count_tags(f) == len(full) == 24
    assert [t.uuid for t in project.tags(f, limit=4)] == full[:4]
    assert "INDEXED BY tags_display" in _last_page_sql(seen)
    assert [t.uuid for t in project.tags(f, limit=4, offset=8)] == full[8:12]  # 24 < 5 x 12: sort
    assert "INDEXED BY tags_display" not in _last_page_sql(seen)
    project.add_tag(three_media[0], 0, "qing-laji", county_id="deqin", note="垃圾")
    assert len(project.tags(f, limit=4)) == 4  # the count is stale now: no walk on a guess
    assert "INDEXED BY tags_display" not in _last_page_sql(seen)


def test_the_data_stamp_moves_with_every_write_from_anywhere(project, media_id):
    import sqlite3

    before = project._data_stamp()
    project.add_tag(media_id, 0, "qing-laji")
    after_own = project._data_stamp()
    assert after_own != before
    other = sqlite3.connect(project.path)
    other.execute("INSERT INTO project VALUES ('probe', 'another process')")
    other.commit()
    other.close()
    assert project._data_stamp() != after_own


def test_tags_are_built_from_rows_exactly():
    """``rows.tag_from_row`` fills a Tag in place; sound only without a __post_init__."""
    from reviewer.store import rows
    from reviewer.store.model import Still, Tag, new_tag

    assert not hasattr(Tag, "__post_init__")
    for tag in (new_tag("m", 5, "qing-laji", "张三", note="垃圾"),
                new_tag("m", 5, "qing-laji", "张三", stills=(Still(40, 1001), Still(80)))):
        row = [rows.column_value(c, getattr(tag, c)) for c in rows.TAG_COLUMNS]
        built = rows.tag_from_row(row)
        assert built == tag and hash(built) == hash(tag) and type(built) is Tag


@pytest.mark.parametrize(("note", "term"), [
    ("𠮷野家门口有垃圾", "𠮷"),  # outside the BMP (CJK extension B)
    ("𠮷野家门口有垃圾", "𠮷野"),
    ("トイレが汚い", "トイ"),  # kana
    ("화장실 더러움", "화장"),  # hangul
    ("Ａ区垃圾", "区垃"),  # after a full-width Latin letter
])
def test_the_word_index_finds_every_script_written_without_spaces(project, media_id, note, term):
    from reviewer.store import search

    uuid = project.add_tag(media_id, 0, "qing-laji", note=note).select
    project.add_tag(media_id, 10, "qing-laji", note="无关")
    assert search.index_count(TagFilter(text=term)) is not None
    assert [t.uuid for t in project.tags(TagFilter(text=term))] == [uuid]
    assert project.count_tags(TagFilter(text=term)) == 1
