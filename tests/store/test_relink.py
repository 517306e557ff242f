import shutil

from reviewer.store.project import Project


def test_missing_footage_goes_offline_and_relinks_by_fingerprint(project, footage, tmp_path):
    uuid = project.add_tag(project.media()[0].id, 0, "qing-laji", note="保留").select
    moved = tmp_path / "E盘" / "第5期" / "深层"
    moved.mkdir(parents=True)
    # An impostor: same name and size, different content, found first in the walk.
    impostor_dir = tmp_path / "E盘" / "a_impostor"
    impostor_dir.mkdir()
    impostor = impostor_dir / footage.name
    data = bytearray(footage.read_bytes())
    data[-100:] = bytes(100)
    impostor.write_bytes(bytes(data))
    shutil.move(footage, moved / footage.name)

    changes = project.refresh_media()
    media = project.media()[0]
    assert changes.media == {media.id} and not media.online
    assert project.tag(uuid).note == "保留"  # tags are kept while offline

    report, relinked = project.relink(tmp_path / "E盘")
    assert report.impostors == (impostor,)
    assert report.relinked == ((media.id, moved / footage.name),)
    assert report.missing == ()
    assert relinked.media == {media.id}
    media = project.media()[0]
    assert media.online and media.abs_path == str((moved / footage.name).resolve())
    assert media.rel_path == "E盘/第5期/深层/" + footage.name
    assert project.locate(media) == moved / footage.name
    assert [e.action for e in project.audit_log(media.id)] == ["add", "relink"]


def test_impostor_alone_is_refused(project, footage, tmp_path):
    other = tmp_path / "other"
    other.mkdir()
    (other / footage.name).write_bytes(b"not the same footage" * 100)
    footage.unlink()
    project.refresh_media()
    report, changes = project.relink(other)
    assert report.relinked == () and report.impostors == (other / footage.name,)
    assert changes.empty and not project.media()[0].online


def test_relative_path_is_tried_first(project, footage, tmp_path):
    """A project folder copied to another drive finds its footage beside it."""
    media = project.media()[0]
    assert media.rel_path == "素材/" + footage.name
    project.close()
    copy = tmp_path / "copy"
    shutil.copytree(tmp_path, copy, ignore=shutil.ignore_patterns("copy", "*.lock"))
    footage.unlink()
    with Project.open(copy / project.path.name) as moved:
        assert moved.locate(moved.media()[0]) == copy / "素材" / footage.name


def test_duplicate_footage_is_refused(project, footage, tmp_path):
    from reviewer.store.errors import DuplicateMediaError

    twin = tmp_path / "复制.mp4"
    shutil.copy(footage, twin)
    try:
        project.add_media(twin)
    except DuplicateMediaError as exc:
        assert footage.name in exc.message()
    else:
        raise AssertionError("a copy of footage already in the project was added again")
    assert len(project.media()) == 1
