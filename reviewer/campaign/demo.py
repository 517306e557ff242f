"""The demo's campaign: the first round's returned ledger, then a second round that goes back.

After the first round (第5期) the units return measures (with photos) for most problems
and one is closed; the second round (第6期) films three of the places again: one is
rectified (then closed), one is back (反弹), one is still not done and overdue; it also
finds new problems, and one more possible re-check waits for a person to confirm it.
Dates count back from today, so the overdue problems are overdue whenever the demo is made.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, timedelta
from pathlib import Path

from PIL import Image, ImageDraw, ImageFont

from reviewer.export.fonts import FONT_FILE
from reviewer.store.project import Project

TEAMS = "第一暗访组、第二暗访组"
# (first-round tag number, measures returned, days after the meeting it was done, photo?)
_RETURNED = (
    (0, "已清理积水，疏通市场东门排水沟，安排专人每日巡查", 4, True),
    (1, "活禽宰杀区加装隔离设施，血水经沉淀池排放", 6, True),
    (2, "增加垃圾清运频次至每日两次，清理周边散落垃圾", 2, False),
    (3, "逐户督促落实门前三包责任", 5, False),
    (4, "组织保洁人员清理白色垃圾", 2, True),
    (6, "更换冰柜，生熟食品分区存放", 3, False),
    (7, "建立消毒登记台账", 3, False),
    (10, "洗手台配备洗手液并定期补充", 1, True),
)
# Second-round tags: (at second, category, sub-problem, county, township, place, unit, severity,
#  status, note, the first-round tag it re-checks or None, verdict)
_SECOND = (
    (2, "guan-jishi", "di-mian", "xianggelila", "xianggelila.jiantang", "建塘镇农贸市场东门",
     "shichang", 2, "not_required", "回头看：地面已清理干净，排水通畅", 0, "rectified"),
    (8, "qing-laji", "bai-se", "kaifaqu", None, "开发区物流园路口", "zhifa", 1, "pending",
     "回头看：白色垃圾再次堆积", 4, "recurred"),
    (14, "jing-canguan", "hou-chu", "deqin", "deqin.shengping", "升平镇某餐馆后厨", "shichang", 3,
     "pending", "回头看：后厨油污仍未清理", 5, "unrectified"),
    (20, "sao-cesuo", "zang-luan", "weixi", "weixi.baohe", "保和镇汽车站公厕", "zhujian", 3,
     "pending", "回头看：公厕仍有明显异味", None, None),
    (26, "qing-laji", "shou-ji-dian", "xianggelila", "xianggelila.jiantang",
     "独克宗古城北门垃圾收集点", "zhifa", 2, "pending", "垃圾收集点周边散落垃圾", None, None),
    (32, "guan-jishi", "zhan-dao", "weixi", "weixi.baohe", "保和镇农贸市场", "shichang", 2,
     "pending", "摊位占道经营", None, None),
    (38, "zhong-canyu", "men-qian", "deqin", "deqin.shengping", "升平镇主街", None, 1, "pending",
     "门前三包责任牌缺失", None, None),
)


@dataclass(frozen=True)
class Dates:
    first_start: date
    first_end: date
    second_start: date
    second_end: date

    @classmethod
    def from_today(cls, today: date) -> Dates:
        back = lambda days: today - timedelta(days=days)  # noqa: E731
        return cls(back(42), back(35), back(10), back(3))


def first_round(project: Project, dates: Dates) -> None:
    only = project.rounds()[0]
    project.edit_round(only.id, name="第5期", start_on=dates.first_start, end_on=dates.first_end,
                       teams=TEAMS)


def returned_ledger(project: Project, uuids: list[str], dates: Dates, folder: Path) -> None:
    """What the units sent back after the first round: measures, dates, photos; one closed."""
    evidence = folder / "整改材料"
    evidence.mkdir(exist_ok=True)
    for number, measures, days, photo in _RETURNED:
        uuid = uuids[number]
        project.edit_tag(uuid, status="rectified")
        project.set_rectification(uuid, measures=measures,
                                  rectified_on=dates.first_end + timedelta(days=days))
        if photo:
            place = project.tag(uuid).place or "现场"
            project.add_evidence(uuid, _photo(evidence / f"{place}_整改后.jpg", place))
    project.close_problem(uuids[4])


def second_round(project: Project, first: list[str], media_id: str, dates: Dates,
                 pin: Callable[[float], tuple[int, int]]) -> None:
    """The second round: re-checks of three places, confirmed, and new problems."""
    project.add_round("第6期", dates.second_start, dates.second_end, TEAMS)
    for at, category, sub, county, town, place, unit, severity, status, note, earlier, verdict \
            in _SECOND:
        start_ms, frame_pts = pin(at)
        later = project.add_tag(media_id, start_ms, category, frame_pts=frame_pts,
                                sub_problem_id=f"{category}.{sub}", county_id=county,
                                township_id=town, place=place, unit_id=unit, severity=severity,
                                status=status, note=note).select or ""
        if earlier is not None:
            project.confirm_recheck(first[earlier], later, verdict)
    project.close_problem(first[0])  # found rectified on re-inspection: 销号


def _photo(target: Path, caption: str) -> Path:
    """A stand-in for a unit's photo of the rectified place."""
    image = Image.new("RGB", (640, 480), "#7a9a6a")
    draw = ImageDraw.Draw(image)
    draw.rectangle([40, 260, 600, 440], fill="#c8c2b4")
    font = ImageFont.truetype(str(FONT_FILE), 34)
    draw.text((320, 120), f"{caption}\n整改后", fill="white", font=font, anchor="mm",
              align="center")
    image.save(target, "JPEG", quality=85)
    return target
