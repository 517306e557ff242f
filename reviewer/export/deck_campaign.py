"""The deck's campaign slides: "上期问题整改情况" with a before/after slide for every re-check
made in the round (the earlier tag's still beside the re-check's), and the ranking chart."""

from __future__ import annotations

import io
from collections import Counter
from typing import TYPE_CHECKING, Any

from pptx.chart.data import CategoryChartData
from pptx.dml.color import RGBColor
from pptx.enum.chart import XL_CHART_TYPE, XL_LABEL_POSITION
from pptx.enum.text import PP_ALIGN
from pptx.util import Inches

from reviewer.campaign.model import VERDICT_LABELS, label
from reviewer.campaign.scoring import assess
from reviewer.campaign.snapshot import CampaignSnapshot, Pair
from reviewer.export.common import CancelFlag, Skipped, check
from reviewer.export.stills import Grabber, Stills

if TYPE_CHECKING:
    from reviewer.export.deck import _Deck

_VERDICT_COLOURS = {"rectified": "2E7D32", "partial": "EF6C00", "unrectified": "C62828",
                    "recurred": "6A1B9A"}
_GREY = RGBColor(0x55, 0x5F, 0x6B)
_WHITE = RGBColor(255, 255, 255)


def add(deck: _Deck, part: CampaignSnapshot | None, grabber: Grabber, skipped: list[Skipped],
        flag: CancelFlag | None) -> None:
    if part is None:
        return
    if part.pairs:
        _section(deck, part)
        for n, pair in enumerate(part.pairs, start=1):
            check(flag)
            _pair(deck, part, n, pair, grabber, skipped, flag)
    _ranking(deck, part)


def _section(deck: _Deck, part: CampaignSnapshot) -> None:
    lang = "en" if deck.en else "zh"
    counts = Counter(p.verdict for p in part.pairs)
    previous = part.previous.name if part.previous else ""
    slide = deck.slide(deck.t("上期问题整改情况", "Rectification of earlier problems"))
    lines = [deck.t(f"{part.round.name}对{previous}等发现的问题复查 {len(part.pairs)} 个：",
                    f"{len(part.pairs)} earlier problems inspected again in {part.round.name}:")]
    lines += [f"{label(VERDICT_LABELS, v, lang)}　{counts[v]}" for v in VERDICT_LABELS if counts[v]]
    deck.text(slide, Inches(0.8), Inches(1.6), Inches(11.7), Inches(4.5), "\n".join(lines), 26)


def _pair(deck: _Deck, part: CampaignSnapshot, n: int, pair: Pair, grabber: Grabber,
          skipped: list[Skipped], flag: CancelFlag | None) -> None:
    before, after = pair.earlier, pair.later
    lang = "en" if deck.en else "zh"
    verdict = label(VERDICT_LABELS, pair.verdict, lang)
    place = before.tag.place or before.township or before.county
    slide = deck.slide(f"{deck.t('整改前后', 'Before / after')} {n}　{before.county} · {place}")
    for column, (item, caption) in enumerate((
            (before, deck.t(f"整改前 · {pair.earlier_round}", f"Before · {pair.earlier_round}")),
            (after, deck.t(f"复查 · {pair.later_round}", f"Re-check · {pair.later_round}")))):
        stills = grabber.for_item(item, 1, flag)
        skipped.extend(stills.problems)
        _picture(deck, slide, column, stills, caption)
    _badge(deck, slide, verdict, pair.verdict)
    facts = [f"{deck.t('问题', 'Problem')}：{before.category} · {before.problem}",
             f"{deck.t('责任单位', 'Unit')}：{before.unit}" if before.unit else "",
             _measures(deck, before), f"{deck.t('复查结果', 'Result')}：{verdict}"]
    deck.text(slide, Inches(0.5), Inches(5.25), Inches(12.3), Inches(1.9),
              "\n".join(f for f in facts if f), 15)


def _measures(deck: _Deck, item: Any) -> str:
    done = item.followup
    if done is None or not done.measures:
        return ""
    return f"{deck.t('整改措施', 'Measures')}：{done.measures}"


def _picture(deck: _Deck, slide: Any, column: int, stills: Stills, caption: str) -> None:
    left = Inches(0.5) + column * Inches(6.25)
    top, width, height = Inches(1.1), Inches(6.0), Inches(3.95)
    if stills.images:
        picture = slide.shapes.add_picture(io.BytesIO(stills.images[0]), left, top, width=width)
        if picture.height > height:  # keep it inside its half, centred
            picture.width = picture.width * height // picture.height
            picture.height = height
            picture.left = left + (width - picture.width) // 2
        height = picture.height
    else:
        deck.text(slide, left, top + Inches(1.5), width, Inches(0.8),
                  stills.placeholder("en" if deck.en else "zh_CN"), 16,
                  colour=_GREY, align=PP_ALIGN.CENTER)
    deck.text(slide, left, top + height + Inches(0.05), width, Inches(0.45), caption, 16,
              bold=True, align=PP_ALIGN.CENTER)


def _badge(deck: _Deck, slide: Any, text: str, verdict: str) -> None:
    shape = slide.shapes.add_shape(1, Inches(10.9), Inches(0.18), Inches(1.9), Inches(0.56))
    shape.fill.solid()
    shape.fill.fore_color.rgb = RGBColor.from_string(_VERDICT_COLOURS.get(verdict, "555F6B"))
    shape.line.fill.background()
    frame = shape.text_frame
    frame.paragraphs[0].alignment = PP_ALIGN.CENTER
    run = frame.paragraphs[0].add_run()
    run.text = text
    deck.style(run.font, 20, bold=True, colour=_WHITE)


def _ranking(deck: _Deck, part: CampaignSnapshot) -> None:
    """A bar per county, best at the top, with the scores written on the bars."""
    result = assess(part.campaign, [part.round.id])
    scores = result.rounds[0].scores if result.rounds else ()
    if not scores:
        return
    names = [part.labels.of("county", s.county_id) for s in scores]
    slide = deck.slide(deck.t(f"考核排名：{part.round.name}", f"Ranking: {part.round.name}"))
    data = CategoryChartData()
    data.categories = list(reversed(names))  # a bar chart draws its first category lowest
    data.add_series(deck.t("得分", "Score"), [round(s.score, 2) for s in reversed(scores)])
    chart = slide.shapes.add_chart(XL_CHART_TYPE.BAR_CLUSTERED, Inches(0.5), Inches(1.1),
                                   Inches(8.2), Inches(6.0), data).chart
    chart.has_legend = False
    chart.has_title = False
    deck.style(chart.font, 14)
    low = min(s.score for s in scores)
    chart.value_axis.minimum_scale = max(0.0, (low // 5) * 5 - 5)
    chart.value_axis.maximum_scale = part.campaign.rules.scoring.base
    plot = chart.plots[0]
    plot.has_data_labels = True
    plot.data_labels.position = XL_LABEL_POSITION.OUTSIDE_END
    plot.data_labels.number_format, plot.data_labels.number_format_is_linked = "0.##", False
    series = plot.series[0]
    series.format.fill.solid()
    series.format.fill.fore_color.rgb = RGBColor(0x1D, 0x2A, 0x3A)
    lines = [f"{s.rank}. {name}　{s.score:g}" + deck.t(f"（扣 {s.deducted:g}）", f" (−{s.deducted:g})")
             for s, name in zip(scores, names, strict=True)]
    deck.text(slide, Inches(9.0), Inches(1.3), Inches(4.0), Inches(5.5), "\n".join(lines), 18)
