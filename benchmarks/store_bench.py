"""Project store benchmark (issue 3): 100,000 tags on 200 footage files in one project file.

    python benchmarks/store_bench.py           # 100,000 tags (about 2-4 minutes)
    python benchmarks/store_bench.py --quick   # 10,000 tags, fewer repeats
    python benchmarks/store_bench.py --dir D   # put the project files in D (not tmpfs)

Measures, with the issue's target beside each and PASS/MISS:

* bulk insert: ``Project.batch()`` + ``search.insert_tags_bulk`` plus one audit
  row per tag, the path a merge (#6) takes; median of 3 fresh projects;
* one-by-one insert: ``Project.add_tag`` in a loop, each tag its own committed,
  fsynced transaction, the path the app takes when a reviewer presses a key;
* a filtered query (category + county + status) through ``Project.tags``;
* Chinese free-text search through ``Project.tags``: 1, 2 (``垃圾``, the target)
  and 3+ characters; 1-2 character Chinese terms use the word index
  (reviewer/store/words.py: 1-2 CJK characters are one token), longer terms the trigram index;
* one edit committed (``Project.edit_tag``, WAL + synchronous=FULL, fsync included).

2 % of the generated tags are tombstones (deleted tags), as in a project in use.

Baselines from the same run: plain ``sqlite3`` on a table with the same
columns (no indexes, no search index, no audit, no validation) and the same
pragmas. Footage files are 200 tiny distinct dummy files added with a
fabricated ``MediaInfo``, so nothing is probed. The project file lives on a
real disk (tmpfs is refused: its fsync is free). Nothing asserts on timing:
the machine is shared; the load average is printed at start and end. A full
run also writes its report to ``results/store_bench_latest.txt``.
"""

from __future__ import annotations

import argparse
import hashlib
import os
import random
import shutil
import sqlite3
import statistics
import sys
import time
import unicodedata
import uuid
from collections.abc import Callable
from dataclasses import replace
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from reviewer.codebook.model import CodeBook  # noqa: E402
from reviewer.media.info import MediaInfo  # noqa: E402
from reviewer.store import rows, search  # noqa: E402
from reviewer.store.model import Still, Tag  # noqa: E402
from reviewer.store.project import Project  # noqa: E402
from reviewer.store.search import TagFilter  # noqa: E402

N_MEDIA = 200
REVIEWERS = ("张三", "李四", "王五", "赵六")
STATUS_WEIGHTS = (("pending", 50), ("in_progress", 20), ("rectified", 25), ("not_required", 5))
FILTER = TagFilter(categories=("qing-laji",), counties=("deqin",), statuses=("pending",))
TEXT_QUERIES = (  # (term, what it shows); 垃圾 is the target
    ("厕", "1 char, word index"),
    ("垃圾", "2 chars, word index (target)"),
    ("老鼠", "2 chars, rare, word index"),
    ("垃圾桶", "3 chars, trigram index"),
    ("建筑垃圾", "4 chars, trigram index"),
)
TARGET_FILTER_MS, TARGET_TEXT_MS, TARGET_EDIT_MS = 20.0, 50.0, 10.0
TOMBSTONE_EVERY = 50  # 2 % of the tags are deleted ones, which every query must skip

# --- realistic Chinese text ---------------------------------------------------

STREETS = ("长征路", "团结路", "池慈卡街", "香巴拉大道", "建塘东路", "金龙街", "阿布老路",
           "向阳路", "龙潭路", "和平路", "新城街", "滇藏路", "红坡路", "民族路", "月光广场",
           "独克宗古城四方街", "松赞林路", "迎宾路", "顺峰路", "214国道旁")
SIDES = ("", "", "东侧", "西侧", "南侧", "北侧", "对面", "旁", "后门", "入口处", "拐角")
SPOTS = {
    "qing-laji": ("垃圾收集点", "小区门口", "河边步道", "停车场角落", "村委会旁空地", "公交站台",
                  "桥头", "学校门口"),
    "sao-cesuo": ("公厕", "旅游厕所", "汽车站公厕", "农贸市场公厕", "景区厕所", "加油站厕所",
                  "村卫生室厕所"),
    "qin-xishou": ("汽车站候车厅", "医院门诊楼", "小学", "农贸市场", "商场一楼", "政务服务中心"),
    "jing-canguan": ("米线馆", "藏餐吧", "火锅店", "烧烤摊", "牦牛肉馆", "快餐店", "小吃店",
                     "早点铺"),
    "chang-xiaodu": ("宾馆", "网吧", "超市", "幼儿园", "敬老院", "KTV", "客运站"),
    "guan-jishi": ("农贸市场", "早市", "蔬菜批发市场", "夜市", "牲畜交易市场", "水产区"),
    "zhong-canyu": ("商铺", "沿街门面", "小区", "社区服务站", "村口", "文化广场"),
}
SHOP_NAMES = ("张记", "阿佳", "老王", "扎西", "卓玛", "李家", "和氏", "鸿运", "福满", "格桑",
              "吉祥", "顺心", "德庆", "央金", "达瓦", "云岭")
PHRASES = {
    "qing-laji": ("垃圾桶满溢，周边散落塑料袋", "路边堆放建筑垃圾约3方", "沟渠内有漂浮垃圾和泡沫箱",
                  "收集点未加盖，蚊蝇较多", "烟头纸屑较多", "垃圾清运不及时，有异味",
                  "绿化带内有生活垃圾", "垃圾桶破损未更换", "焚烧垃圾痕迹明显", "白色塑料袋挂在树上"),
    "sao-cesuo": ("地面湿滑有污渍", "便池堵塞", "水龙头损坏", "异味明显", "蹲位隔板损坏",
                  "保洁记录停在上周", "厕纸缺失", "照明不亮", "粪污外溢到路面", "门锁坏了"),
    "qin-xishou": ("洗手池无水", "没有肥皂和洗手液", "感应龙头失灵", "洗手宣传画破损", "洗手台积灰",
                   "洗手池旁堆放拖把"),
    "jing-canguan": ("后厨地面油污严重", "生熟案板混用", "冰箱内生熟混放", "厨师未戴帽子",
                     "纱窗破损，苍蝇多", "消毒柜未通电", "餐具上有残渣", "健康证过期",
                     "泔水桶未加盖", "操作间有老鼠屎"),
    "chang-xiaodu": ("消毒记录缺失", "未见消毒液", "垃圾房周边有老鼠", "蟑螂较多", "灭蝇灯损坏",
                     "电梯按钮未消毒", "消毒药品过期", "鼠药投放点无标识"),
    "guan-jishi": ("地面积水发黑", "活禽区未隔离", "摊位占道经营", "排水沟堵塞，污水横流",
                   "市场垃圾堆在门口未清运", "鱼摊污水外流", "肉案无防蝇罩", "过道堆满纸箱"),
    "zhong-canyu": ("门前三包未落实", "商户门前堆放杂物", "宣传栏内容过期", "群众不知道此次活动",
                    "未见志愿者", "店门口有垃圾未清扫", "横幅破损", "居民随手乱扔"),
}
EXTRAS = ("与上期问题相同，未整改", "已向所在社区反映", "店主称每天下午打扫", "周边居民反映多次",
          "需要现场复核", "画面较暗，看不清楚", "镜头晃动，建议看前后几秒", "同一位置第二次拍到",
          "问题较上次有所好转", "负责人不在现场", "游客较多的路段", "疑似长期存在")


class Report:
    def __init__(self) -> None:
        self.lines: list[str] = []

    def __call__(self, text: str = "") -> None:
        print(text, flush=True)
        self.lines.append(text)


def cells(text: str) -> int:
    """Terminal width of ``text``: CJK characters take two cells."""
    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in text)


PAGE = 500  # rows the tag table loads first (ui/tags/table_model.py PAGE)


def first_page(project: Project, flt: TagFilter) -> list:
    """What the tag table does on a new filter: the total, then its first page of rows."""
    project.count_tags(flt)
    return project.tags(flt, limit=PAGE)


def median_ms(samples: list[float]) -> float:
    return statistics.median(samples) * 1000


def p90_ms(samples: list[float]) -> float:
    return sorted(samples)[int(0.9 * (len(samples) - 1))] * 1000


def timed(fn: Callable[[], object], repeats: int) -> tuple[list[float], object]:
    times, result = [], None
    for _ in range(repeats):
        start = time.perf_counter()
        result = fn()
        times.append(time.perf_counter() - start)
    return times, result


def verdict(value: float, target: float) -> str:
    return "PASS" if value < target else "MISS"


# --- where the files go -------------------------------------------------------

def mount_of(path: Path) -> tuple[str, str, str]:
    """(device, mount point, file-system type) holding ``path``."""
    target, best = str(path.resolve()), ("?", "", "?")
    with open("/proc/mounts", encoding="utf-8", errors="replace") as handle:
        for line in handle:
            parts = line.split()
            if len(parts) < 3:
                continue
            mount = parts[1].replace("\\040", " ")
            inside = target == mount or target.startswith(mount.rstrip("/") + "/")
            if inside and len(mount) >= len(best[1]):
                best = (parts[0], mount, parts[2])
    return best


# --- data ---------------------------------------------------------------------

def fake_info(name: str, size: int, duration_ms: int) -> MediaInfo:
    frames = duration_ms * 30 // 1000
    return MediaInfo(name=name, size_bytes=size, container="mov,mp4,m4a,3gp,3g2,mj2",
                     duration_ms=duration_ms, frame_count=frames, frame_count_exact=True,
                     nominal_fps=30.0, average_fps=30.0, is_vfr=False, width=1920, height=1080,
                     coded_width=1920, coded_height=1088, rotation=0, video_codec="h264",
                     pixel_format="yuv420p", has_audio=True, audio_codec="aac", recorded_at=None,
                     truncated=False)


def dummy_footage(folder: Path, book: CodeBook, rng: random.Random) -> list[tuple[Path, int]]:
    """200 tiny distinct files named like camera footage, with a made-up duration each."""
    folder.mkdir(parents=True, exist_ok=True)
    counties = [c.label.zh for c in book.counties]
    files = []
    for n in range(N_MEDIA):
        path = folder / f"202611{1 + n % 28:02d}_{counties[n % len(counties)]}_{n:03d}.MP4"
        path.write_bytes(hashlib.sha256(str(n).encode()).digest() * (8 + n % 5))
        files.append((path, rng.randrange(8, 75) * 60_000))
    return files


def new_project(path: Path, footage: list[tuple[Path, int]]) -> list[tuple[str, int]]:
    """A fresh project with every reviewer known and the 200 footage files added."""
    with Project.create(path, reviewer=REVIEWERS[0], name="2026年11月 第5期暗访") as project:
        media = []
        for file, duration in footage:
            info = fake_info(file.name, file.stat().st_size, duration)
            media.append((project.add_media(file, info=info).select, duration))
    for who in REVIEWERS[1:]:
        Project.open(path, reviewer=who).close()  # registers the reviewer
    return media


class TagMaker:
    """Plausible tags: valid code book ids, Chinese places and notes, varied text."""

    def __init__(self, book: CodeBook, media: list[tuple[str, int]], rng: random.Random) -> None:
        self.rng, self.media = rng, media
        self.categories = [(c.id, [s.id for s in c.sub_problems],
                            {s.id: s.label.zh for s in c.sub_problems}) for c in book.categories]
        self.counties = [(c.id, [(t.id, t.label.zh) for t in c.townships] or [(None, "开发区")])
                         for c in book.counties]
        self.county_weights = [40, 20, 25, 15][:len(self.counties)]
        self.units = [u.id for u in book.units]
        self.statuses = [s for s, _ in STATUS_WEIGHTS]
        self.status_weights = [w for _, w in STATUS_WEIGHTS]

    def fields(self) -> dict[str, object]:
        """Keyword arguments for ``Project.add_tag`` (besides media, start and category)."""
        r = self.rng
        category, subs, sub_labels = r.choice(self.categories)
        county, towns = r.choices(self.counties, self.county_weights)[0]
        town_id, town = r.choice(towns)
        sub = r.choice(subs) if r.random() < 0.9 else None
        media_id, duration = r.choice(self.media)
        start = r.randrange(duration)
        return {
            "media_id": media_id, "start_ms": start, "category_id": category,
            "end_ms": None if r.random() < 0.3 else min(duration, start + r.randrange(2000, 30000)),
            "frame_pts": start * 90, "sub_problem_id": sub, "county_id": county,
            "township_id": town_id if r.random() < 0.8 else None,
            "place": self.place(category, town) if r.random() < 0.93 else "",
            "unit_id": r.choice(self.units) if r.random() < 0.85 else None,
            "severity": r.choice((1, 1, 2, 2, 2, 3)) if r.random() < 0.9 else None,
            "status": r.choices(self.statuses, self.status_weights)[0],
            "note": self.note(category, sub_labels.get(sub or "", "")),
            "stills": tuple(Still(start + 40 * k, (start + 40 * k) * 90)
                            for k in range(r.choice((0, 0, 1, 1, 2)))),
        }

    def place(self, category: str, town: str) -> str:
        r = self.rng
        spot = r.choice(SPOTS[category])
        if category in ("jing-canguan", "chang-xiaodu") and r.random() < 0.7:
            spot = r.choice(SHOP_NAMES) + spot
        number = f"{r.randrange(1, 300)}号" if r.random() < 0.3 else ""
        return f"{town}{r.choice(STREETS)}{number}{spot}{r.choice(SIDES)}"

    def note(self, category: str, sub_label: str) -> str:
        r = self.rng
        parts = [sub_label] if sub_label and r.random() < 0.5 else []
        parts += r.sample(PHRASES[category], r.choice((1, 1, 2, 2, 3)))
        if r.random() < 0.15:  # a problem of another kind seen in the same shot
            parts.append(r.choice(PHRASES[r.choice(list(PHRASES))]))
        if r.random() < 0.4:
            parts.append(r.choice(EXTRAS))
        if r.random() < 0.3:
            parts.append(f"约{r.randrange(8, 19)}:{r.randrange(60):02d}拍摄")
        return "，".join(parts) + ("。" if r.random() < 0.6 else "")

    def tag(self, n: int) -> Tag:
        f = self.fields()
        stamp = f"2026-11-{1 + n % 28:02d}T{n % 24:02d}:{n % 60:02d}:{(n // 60) % 60:02d}.{n % 1000:03d}Z"
        who = REVIEWERS[n % len(REVIEWERS)]
        gone = n % TOMBSTONE_EVERY == 7  # deleted by its reviewer: kept as a tombstone
        return Tag(uuid=str(uuid.UUID(int=self.rng.getrandbits(128), version=4)),
                   reviewer=who, created_at=stamp, updated_at=stamp, updated_by=who,
                   deleted_at=stamp if gone else None, deleted_by=who if gone else None,
                   **f)  # type: ignore[arg-type]


def row_values(tag: Tag) -> tuple[object, ...]:
    return tuple(rows.column_value(c, getattr(tag, c)) for c in rows.TAG_COLUMNS)


# --- measurements ---------------------------------------------------------------

def bulk_insert(path: Path, tags: list[Tag]) -> float:
    """What a merge does: all tags and their audit rows in one ``Project.batch()`` transaction."""
    audit = [(t.created_at, t.reviewer, t.uuid) for t in tags]
    values = [row_values(t) for t in tags]
    with Project.open(path, reviewer=REVIEWERS[0]) as project:
        start = time.perf_counter()
        with project.batch() as conn:
            search.insert_tags_bulk(conn, values, len(values))  # as merge/tags.py calls it
            conn.executemany("INSERT INTO audit (at, reviewer, action, entity, entity_id) "
                             "VALUES (?, ?, 'merge-add', 'tag', ?)", audit)
        return time.perf_counter() - start


def add_tag_loop(project: Project, maker: TagMaker, count: int) -> list[float]:
    """What the app does per key press: one validated, audited, fsynced transaction a tag."""
    times = []
    for _ in range(count):
        f = maker.fields()
        media_id, start_ms, category = f.pop("media_id"), f.pop("start_ms"), f.pop("category_id")
        t0 = time.perf_counter()
        project.add_tag(media_id, start_ms, category, **f)  # type: ignore[arg-type]
        times.append(time.perf_counter() - t0)
    return times


PLAIN_COLUMNS = ", ".join(rows.TAG_COLUMNS)
PLAIN_MARKS = ", ".join("?" for _ in rows.TAG_COLUMNS)


def plain_db(path: Path) -> sqlite3.Connection:
    """Baseline: same columns and pragmas, no indexes, no search index, no audit, no checks."""
    conn = sqlite3.connect(path, isolation_level=None)
    conn.execute("PRAGMA journal_mode = WAL")
    conn.execute("PRAGMA synchronous = FULL")
    conn.execute(f"CREATE TABLE tags (id INTEGER PRIMARY KEY, {PLAIN_COLUMNS})")
    return conn


def plain_bulk(path: Path, tags: list[Tag]) -> float:
    values = [row_values(t) for t in tags]
    conn = plain_db(path)
    start = time.perf_counter()
    conn.execute("BEGIN IMMEDIATE")
    conn.executemany(f"INSERT INTO tags ({PLAIN_COLUMNS}) VALUES ({PLAIN_MARKS})", values)
    conn.execute("COMMIT")
    seconds = time.perf_counter() - start
    conn.close()
    return seconds


def plain_single(conn: sqlite3.Connection, tags: list[Tag]) -> list[float]:
    times = []
    for tag in tags:
        t0 = time.perf_counter()
        conn.execute("BEGIN IMMEDIATE")
        conn.execute(f"INSERT INTO tags ({PLAIN_COLUMNS}) VALUES ({PLAIN_MARKS})", row_values(tag))
        conn.execute("COMMIT")
        times.append(time.perf_counter() - t0)
    return times


def plain_updates(conn: sqlite3.Connection, count: int, rng: random.Random) -> list[float]:
    top = conn.execute("SELECT MAX(id) FROM tags").fetchone()[0]
    times = []
    for n in range(count):
        t0 = time.perf_counter()
        conn.execute("BEGIN IMMEDIATE")
        conn.execute("UPDATE tags SET note = note || ?, revision = revision + 1 WHERE id = ?",
                     (f"（补充{n}）", rng.randrange(1, top + 1)))
        conn.execute("COMMIT")
        times.append(time.perf_counter() - t0)
    return times


def raw_fsync(path: Path, count: int) -> list[float]:
    """What one fsync costs on this disk: the floor under every committed edit."""
    times = []
    fd = os.open(path, os.O_WRONLY | os.O_CREAT, 0o644)
    try:
        for n in range(count):
            os.pwrite(fd, bytes([n % 256]) * 4096, (n % 16) * 4096)
            t0 = time.perf_counter()
            os.fsync(fd)
            times.append(time.perf_counter() - t0)
    finally:
        os.close(fd)
    return times


def edits(project: Project, uuids: list[str], count: int,
          rng: random.Random) -> tuple[list[float], list[float]]:
    """Alternate a note edit (re-indexed for search) and a status change; each committed."""
    note_times, status_times = [], []
    statuses = [s for s, _ in STATUS_WEIGHTS]
    for n in range(count):
        uuid_ = rng.choice(uuids)
        if n % 2 == 0:
            note = project.tag(uuid_).note + f"（复核{n}：问题仍在）"
            t0 = time.perf_counter()
            project.edit_tag(uuid_, note=note)
            note_times.append(time.perf_counter() - t0)
        else:
            current = project.tag(uuid_).status
            t0 = time.perf_counter()
            project.edit_tag(uuid_, status=rng.choice([s for s in statuses if s != current]))
            status_times.append(time.perf_counter() - t0)
    return note_times, status_times


# --- the run --------------------------------------------------------------------

def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--quick", action="store_true", help="10,000 tags, fewer repeats")
    parser.add_argument("--dir", type=Path, default=ROOT / "benchmarks" / ".cache" / "store_bench",
                        help="folder for the project files (a real disk, not tmpfs)")
    parser.add_argument("--out", type=Path, help="also write the report here "
                        "(default for a full run: benchmarks/results/store_bench_latest.txt)")
    parser.add_argument("--keep", action="store_true", help="keep the project files")
    args = parser.parse_args()
    n_tags = 10_000 if args.quick else 100_000
    loop_n = 1_000 if args.quick else 3_000
    reps = 10 if args.quick else 20
    n_edits = 100 if args.quick else 300
    out = args.out or (None if args.quick else ROOT / "benchmarks" / "results" / "store_bench_latest.txt")

    work = args.dir.resolve()
    if work.exists():
        shutil.rmtree(work)
    work.mkdir(parents=True)
    device, mount, fstype = mount_of(work)
    if fstype in ("tmpfs", "ramfs"):
        sys.exit(f"{work} is on {fstype}: fsync costs nothing there; pick a real disk with --dir")
    report = Report()
    started = time.perf_counter()
    try:
        run(report, work, n_tags, loop_n, reps, n_edits, (device, mount, fstype))
    finally:
        report(f"\nload average at end: {os.getloadavg()[0]:.2f}; whole run "
               f"{time.perf_counter() - started:.0f} s")
        if not args.keep:
            shutil.rmtree(work, ignore_errors=True)
    if out is not None:
        out.parent.mkdir(parents=True, exist_ok=True)
        out.write_text("\n".join(report.lines) + "\n", encoding="utf-8")
        print(f"(report written to {out})")


def run(report: Report, work: Path, n_tags: int, loop_n: int, reps: int, n_edits: int,
        disk: tuple[str, str, str]) -> None:
    rng = random.Random(2026)
    report(f"store_bench: {n_tags:,} tags on {N_MEDIA} footage files, "
           f"{time.strftime('%Y-%m-%d %H:%M')}, Python {sys.version.split()[0]}, "
           f"SQLite {sqlite3.sqlite_version}, {os.cpu_count()} CPUs")
    report(f"files in {work}: {disk[0]} mounted at {disk[1]} ({disk[2]}), a real disk")
    report(f"load average at start: {os.getloadavg()[0]:.2f} (shared machine; timings are noisy)")

    from reviewer.codebook import io as codebook_io

    book = codebook_io.default_codebook()
    footage = dummy_footage(work / "素材", book, rng)
    t0 = time.perf_counter()
    media = new_project(work / "bulk0.shenpian", footage)
    setup_s = time.perf_counter() - t0
    maker = TagMaker(book, media, rng)
    t0 = time.perf_counter()
    tags = [maker.tag(n) for n in range(n_tags)]
    gen_s = time.perf_counter() - t0
    report(f"setup: project + {N_MEDIA} footage files (add_media with a given MediaInfo) "
           f"{setup_s:.2f} s; {n_tags:,} tags generated in {gen_s:.1f} s "
           f"(avg note {statistics.mean(len(t.note) for t in tags):.0f} chars, "
           f"place {statistics.mean(len(t.place) for t in tags):.0f} chars)")

    fsync_times = raw_fsync(work / "fsync.bin", 200)
    report(f"raw fsync of a 4 KiB write here: {median_ms(fsync_times):.3f} ms median, p90 "
           f"{p90_ms(fsync_times):.3f} ms (every commit below pays at least one)")
    rows_out: list[tuple[str, str, str, str, str]] = []

    def row(what: str, value: str, target: str = "-", ok: str = "", note: str = "") -> None:
        rows_out.append((what, value, target, ok, note))

    # 1. bulk insert, median of 3 fresh projects; the last one is kept for the queries.
    bulk_times, ids = [], media
    for n in range(3):
        path = work / f"bulk{n}.shenpian"
        if n:  # a fresh project has new media ids: point the same tags at them
            ids = new_project(path, footage)
            remap = dict(zip((m for m, _ in media), (m for m, _ in ids), strict=True))
            run_tags = [replace(t, media_id=remap[t.media_id]) for t in tags]
        else:
            run_tags = tags
        bulk_times.append(bulk_insert(path, run_tags))
        if n < 2:
            path.unlink()
    big = work / "bulk2.shenpian"
    bulk_s = statistics.median(bulk_times)
    plain_bulk_s = statistics.median(plain_bulk(work / f"plain_bulk{n}.sqlite", tags)
                                     for n in range(3))
    row(f"bulk insert {n_tags:,} (batch + insert_tags_bulk + audit)",
        f"{bulk_s:.2f} s = {n_tags / bulk_s:,.0f} tags/s", "none set", "",
        f"runs {', '.join(f'{t:.2f}' for t in bulk_times)} s; merge path")
    row("  baseline: plain executemany, 1 transaction", f"{plain_bulk_s:.2f} s = "
        f"{n_tags / plain_bulk_s:,.0f} tags/s", "", "", f"store/plain {bulk_s / plain_bulk_s:.1f}x")

    # 2. one by one, as the app does: a fresh project, then the same on the full one.
    loop_path = work / "loop.shenpian"
    loop_media = new_project(loop_path, footage)
    loop_maker = TagMaker(book, loop_media, random.Random(7))
    with Project.open(loop_path, reviewer=REVIEWERS[0]) as project:
        wall = time.perf_counter()
        loop_times = add_tag_loop(project, loop_maker, loop_n)
        wall = time.perf_counter() - wall
    row(f"add_tag x {loop_n:,} into a new project (1 fsync each)",
        f"{median_ms(loop_times):.2f} ms median, p90 {p90_ms(loop_times):.2f}", "none set", "",
        f"{loop_n / wall:,.0f} tags/s; 100k would take ~{100_000 * wall / loop_n / 60:.0f} min")
    plain_conn = plain_db(work / "plain_single.sqlite")
    plain_times = plain_single(plain_conn, tags[:loop_n])
    row("  baseline: plain INSERT + COMMIT per row",
        f"{median_ms(plain_times):.2f} ms median, p90 {p90_ms(plain_times):.2f}", "", "",
        f"store/plain {median_ms(loop_times) / median_ms(plain_times):.1f}x")

    with Project.open(big, reviewer=REVIEWERS[1]) as project:
        pragmas = (project.query("PRAGMA journal_mode")[0][0],
                   project.query("PRAGMA synchronous")[0][0])
        full_times = add_tag_loop(project, TagMaker(book, ids, random.Random(8)), 300)
        row(f"add_tag x 300 into the {n_tags // 1000}k-tag project",
            f"{median_ms(full_times):.2f} ms median, p90 {p90_ms(full_times):.2f}", "none set")

        # 3. filtered query, as the tag table runs it: the count and the first page
        times, _ = timed(lambda: first_page(project, FILTER), reps)
        full_times, hits = timed(lambda: project.tags(FILTER), reps)
        value = median_ms(times)
        row("filter: 清垃圾 + 德钦县 + 待整改 (count + first page)",
            f"{value:.1f} ms median, p90 {p90_ms(times):.1f}", f"< {TARGET_FILTER_MS:.0f} ms",
            verdict(value, TARGET_FILTER_MS),
            f"{len(hits):,} tags; all of them as Tag objects {median_ms(full_times):.1f} ms")
        sql, params = search.build(FILTER, project.codebook().required_fields)
        sql_times, _ = timed(lambda: project.query(sql, params), reps)
        row("  of which SQL only (rows, no Tag objects)", f"{median_ms(sql_times):.1f} ms median")

        # 4. free text
        for term, what in TEXT_QUERIES:
            flt = TagFilter(text=term)
            times, _ = timed(lambda flt=flt: first_page(project, flt), reps)
            full_times, hits = timed(lambda flt=flt: project.tags(flt), reps)
            value = median_ms(times)
            is_target = term == "垃圾"
            sql, params = search.build(flt, project.codebook().required_fields)
            sql_times, _ = timed(lambda sql=sql, params=params: project.query(sql, params), reps)
            count_times, _ = timed(lambda flt=flt: project.count_tags(flt), reps)
            row(f"text {term} ({what})", f"{value:.1f} ms median, p90 {p90_ms(times):.1f}",
                f"< {TARGET_TEXT_MS:.0f} ms" if is_target else f"(< {TARGET_TEXT_MS:.0f} ms)",
                verdict(value, TARGET_TEXT_MS),
                f"{len(hits):,} tags ({100 * len(hits) / (n_tags + 300):.1f} %); all as Tag objects "
                f"{median_ms(full_times):.1f} ms, SQL rows {median_ms(sql_times):.1f} ms, "
                f"count only {median_ms(count_times):.1f} ms")

        combined = TagFilter(text="垃圾", counties=("deqin",))  # the table is read: no walk
        times, _ = timed(lambda: first_page(project, combined), reps)
        row("text 垃圾 + 德钦县 (count + first page)",
            f"{median_ms(times):.1f} ms median, p90 {p90_ms(times):.1f}", "none set", "",
            f"{project.count_tags(combined):,} tags")

        # 5. one edit, committed with fsync
        live = [u for u, in project.query("SELECT uuid FROM tags WHERE deleted_at IS NULL")]
        note_t, status_t = edits(project, live, n_edits, random.Random(9))
        both = note_t + status_t
        value = median_ms(both)
        row(f"edit_tag x {n_edits} committed ({pragmas[0]}, synchronous={pragmas[1]})",
            f"{value:.2f} ms median, p90 {p90_ms(both):.2f}", f"< {TARGET_EDIT_MS:.0f} ms",
            verdict(value, TARGET_EDIT_MS),
            f"note {median_ms(note_t):.2f} ms, status {median_ms(status_t):.2f} ms")
    plain_edit = plain_updates(plain_conn, n_edits, random.Random(9))
    plain_conn.close()
    row("  baseline: plain UPDATE + COMMIT", f"{median_ms(plain_edit):.2f} ms median, "
        f"p90 {p90_ms(plain_edit):.2f}", "", "", f"store/plain {value / median_ms(plain_edit):.1f}x")
    size_mb = big.stat().st_size / 1e6
    row("project file size", f"{size_mb:.1f} MB", "", "",
        f"{big.name}, WAL checkpointed on close")

    header = ("measure", "value", "target", "", "notes")
    widths = [max(cells(r[i]) for r in [header, *rows_out]) for i in range(4)]
    report("")
    for r in (header, *rows_out):
        report("  ".join(r[i] + " " * (widths[i] - cells(r[i])) for i in range(4)) + "  " + r[4])
    report(f"\nfsync here costs {median_ms(fsync_times):.3f} ms; where a disk takes longer "
           "to flush, each add_tag and edit_tag pays that disk's fsync instead.")
    report("\nThe app saves each tag a reviewer makes with Project.add_tag (one fsynced "
           "transaction per tag);\nProject.batch() + insert_tags_bulk is the merge (#6) path. "
           "The issue sets no number for bulk insert.")


if __name__ == "__main__":
    main()
