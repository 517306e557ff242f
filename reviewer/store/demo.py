"""A demo project made headlessly: generated footage, two inspection rounds, realistic tags.

``python main.py demo PROJECT`` and the GUI's ``--demo`` both use it, so a
newcomer sees real footage, categories and counties at once, and every campaign
output (bulletin, assessment, before/after slides) has content: the first round's
dozen tags, the returned ledger, and a second round that re-checks three places
(reviewer/campaign/demo.py).
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from pathlib import Path

from reviewer.campaign import demo as campaign_demo
from reviewer.media import synth
from reviewer.media.index import FrameIndex, build_index
from reviewer.store.project import Project

FPS = 25
# (file name, share of the total length, label burned into the frames)
_FOOTAGE = (
    ("香格里拉市_建塘镇_农贸市场.mp4", 0.4, "market"),
    ("德钦县_升平镇_餐馆后厨.mp4", 0.3, "kitchen"),
    ("维西县_保和镇_公厕.mp4", 0.3, "toilet"),
)
# The second round's re-inspection film, after the first round's three.
_SECOND_FOOTAGE = ("第6期_回头看.mp4", 0.3, "recheck")
# (footage, at second, end second or None, category, sub-problem, county, township, place,
#  unit, severity, status, note)
_TAGS = (
    (0, 5, None, "guan-jishi", "di-mian", "xianggelila", "jiantang", "建塘镇农贸市场东门",
     "shichang", 2, "pending", "市场入口地面积水，污水横流"),
    (0, 12, 20, "guan-jishi", "huo-qin", "xianggelila", "jiantang", "建塘镇农贸市场活禽区",
     "shichang", 3, "pending", "活禽宰杀区未隔离，羽毛血水随意排放"),
    (0, 26, None, "qing-laji", "man-yi", "xianggelila", "jiantang", "农贸市场北侧垃圾收集点",
     "zhifa", 2, "in_progress", "垃圾桶满溢，周边散落生活垃圾"),
    (0, 33, None, "zhong-canyu", "men-qian", "xianggelila", "jiantang", "长征路沿街商铺",
     None, 1, "pending", "门前三包落实不到位"),
    (0, 40, 46, "qing-laji", "bai-se", "kaifaqu", None, "开发区物流园路口", "zhifa", 1,
     "rectified", "塑料袋、餐盒等白色垃圾"),
    (1, 3, None, "jing-canguan", "hou-chu", "deqin", "deqin.shengping", "升平镇某餐馆后厨",
     "shichang", 3, "pending", "后厨油污严重，地面湿滑"),
    (1, 10, None, "jing-canguan", "sheng-shu", "deqin", "deqin.shengping", "升平镇某餐馆后厨",
     "shichang", 2, "pending", "生熟食品混放于同一冰柜"),
    (1, 18, None, "chang-xiaodu", "wu-jilu", "deqin", "deqin.shengping", "升平镇某餐馆",
     "weijian", 1, "pending", "无消毒记录"),
    (1, 25, 31, "jing-canguan", "fang-ying", "deqin", "deqin.shengping", "升平镇某餐馆后厨",
     "shichang", 2, "not_required", ""),
    (2, 4, None, "sao-cesuo", "zang-luan", "weixi", "weixi.baohe", "保和镇汽车站公厕",
     "zhujian", 3, "pending", "公厕脏乱，有明显异味"),
    (2, 15, None, "qin-xishou", "wu-ye", "weixi", "weixi.baohe", "保和镇汽车站公厕",
     "zhujian", 1, "pending", "洗手台无洗手液"),
    (2, 24, None, "sao-cesuo", "bao-jie", "weixi", None, "", None, None, "pending",
     "未见保洁记录，待补充地点"),
)


def create_demo(path: Path, total_seconds: float = 180.0, reviewer: str = "演示审片员",
                today: date | None = None, rounds: int = 2,
                progress: Callable[[int, int], None] | None = None) -> Path:
    """Create the demo project at ``path`` with footage in ``PROJECT_素材/``; return ``path``.

    ``rounds=1`` stops after the first round's tags, before any ledger came back (the demo
    as it was before rounds existed; tests of single-round features use it).
    ``progress(done, total)`` is called after each footage file and at the end.
    """
    folder = path.with_name(path.stem + "_素材")
    folder.mkdir(parents=True, exist_ok=True)
    report = progress or (lambda _done, _total: None)
    footage = (*_FOOTAGE, _SECOND_FOOTAGE) if rounds > 1 else _FOOTAGE
    files = []
    for n, (name, share, label) in enumerate(footage):
        files.append(_write_footage(folder / name, total_seconds * share, label))
        report(n + 1, len(footage) + 1)
    dates = campaign_demo.Dates.from_today(today or date.today())
    name = "演示项目：第5期、第6期暗访" if rounds > 1 else "演示项目：第5期暗访"
    with Project.create(path, reviewer=reviewer, name=name) as project:
        campaign_demo.first_round(project, dates)
        media_ids = [project.add_media(f).select or "" for f in files]
        indexes = [build_index(f) for f in files]
        first = [_add_tag(project, media_ids, indexes, total_seconds, row) for row in _TAGS]
        if rounds > 1:
            campaign_demo.returned_ledger(project, first, dates, folder)
            seconds = total_seconds * _SECOND_FOOTAGE[1]
            campaign_demo.second_round(project, first, media_ids[-1], dates,
                                       lambda at: _pin(indexes[-1], at, seconds))
    report(len(footage) + 1, len(footage) + 1)
    return path


def _pin(index: FrameIndex, at: float, length: float) -> tuple[int, int]:
    """(start_ms, frame pts) of the frame at ``at`` seconds of a 60 s film scaled to ``length``."""
    frame = index.index_at_ms(at * 1000 * min(1.0, length / 60.0))
    return int(index.ms[frame]), int(index.pts[frame])


def _write_footage(target: Path, seconds: float, label: str) -> Path:
    frames = max(FPS, int(seconds * FPS))
    # Phones write a keyframe about every second; so does the demo, so its filmstrip varies.
    video = ("-c:v", "libx264", "-preset", "veryfast", "-g", str(FPS), "-pix_fmt", "yuv420p")
    synth.write(synth.Spec(width=640, height=360, fps=FPS, frames=frames, label=label,
                           video_args=video), target)
    return target


def _add_tag(project: Project, media_ids: list[str], indexes: list[FrameIndex], total: float,
             row: tuple) -> str:
    footage, at, end, category, sub, county, town, place, unit, severity, status, note = row
    length = total * _FOOTAGE[footage][1]
    # Scale the times so a short demo (tests) still has every tag inside its footage;
    # pinned to a real frame, as a key press in the player would be.
    start_ms, frame_pts = _pin(indexes[footage], at, length)
    scale = min(1.0, length / 60.0)
    end_ms = None if end is None else max(start_ms, int(end * 1000 * scale))
    return project.add_tag(media_ids[footage], start_ms, category, end_ms=end_ms,
                           frame_pts=frame_pts, sub_problem_id=f"{category}.{sub}",
                           county_id=county,
                           township_id=f"xianggelila.{town}" if county == "xianggelila" and town
                           else town, place=place, unit_id=unit, severity=severity,
                           status=status, note=note).select or ""
