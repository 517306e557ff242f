"""The bulletin (通报) sent after the supervision meeting, as an editable Word document.

About the last round the export covers: the round's overview with a county × category
table, the problems by county with their deadlines, the previous round's rectification
(re-checks and overdue problems), the assessment ranking for the round and cumulated,
and the next-step requirements. Fixed paragraphs come from the editable template
(reviewer/export/bulletin_template.py); the layout is GB/T 9704 (official_docx.py).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from reviewer.campaign.deadlines import stamp_date
from reviewer.campaign.model import VERDICT_LABELS, Round, label
from reviewer.campaign.scoring import Assessment, CountyScore, assess
from reviewer.campaign.snapshot import CampaignSnapshot
from reviewer.campaign.view import Problem
from reviewer.codebook.rules import TIE_BREAK_LABELS
from reviewer.export import atomic
from reviewer.export.bulletin_template import Template, load
from reviewer.export.common import (
    CancelFlag,
    ExportError,
    ExportOptions,
    ExportResult,
    Progress,
    check,
    no_progress,
)
from reviewer.export.official_docx import Fonts, OfficialDocument
from reviewer.export.snapshot import Snapshot


def export(snapshot: Snapshot, target: Path, options: ExportOptions,
           flag: CancelFlag | None = None, progress: Progress = no_progress) -> ExportResult:
    part = snapshot.campaign
    if part is None:
        raise ExportError("empty")
    template = load(options.lang, options.bulletin_template)
    facts = Facts.of(snapshot, part, options)
    facts.values["issuer"] = template.document["issuer"]
    doc = OfficialDocument(Fonts(template.fonts))
    for n, section in enumerate((_opening, _overview, _findings, _rectification, _assessment,
                                 _requirements)):
        check(flag)
        progress(n, 6)
        section(doc, facts, template)
    doc.signature(template.document["issuer"], facts.values["date"])
    doc.colophon(template.document["copy_to"], template.document["printed_by"],
                 facts.values["date"])
    title = template.fill("document", "title", facts.values)
    atomic.write_bytes(target, doc.save(title.replace("\n", "")))
    return ExportResult("bulletin", (target,), exported=len(facts.found))


@dataclass(frozen=True)
class Facts:
    """Everything the sections print, worked out once."""

    part: CampaignSnapshot
    round: Round
    found: list[Problem]  # problems found in the round (and in the export's selection)
    assessment: Assessment
    cumulative: Assessment
    values: dict[str, object]  # the template's placeholders
    en: bool

    @classmethod
    def of(cls, snapshot: Snapshot, part: CampaignSnapshot, options: ExportOptions) -> Facts:
        campaign, round_ = part.campaign, part.round
        chosen = {i.tag.uuid for i in snapshot.items}
        found = [p for p in campaign.findings([round_.id]) if p.uuid in chosen]
        span = part.round_ids if len(part.round_ids) > 1 else \
            tuple(r.id for r in campaign.rounds if r.position <= round_.position)
        facts = cls(part, round_, found, assess(campaign, [round_.id]), assess(campaign, span),
                    {}, options.lang.startswith("en"))
        facts.values.update(_values(facts, options))
        return facts

    def day(self, value: date | None) -> str:
        if value is None:
            return ""
        return value.isoformat() if self.en else f"{value.year}年{value.month}月{value.day}日"

    def name(self, kind: str, entry_id: str | None) -> str:
        none = "County not filled in" if self.en else "未填县市"
        return self.part.labels.of(kind, entry_id) or (none if kind == "county" else "")

    def word(self, zh: str, en: str) -> str:
        return en if self.en else zh


# --- placeholders ----------------------------------------------------------------------

def _values(facts: Facts, options: ExportOptions) -> dict[str, object]:
    part, round_, campaign = facts.part, facts.round, facts.part.campaign
    previous = part.previous
    as_of = round_.as_of(campaign.today)
    earlier = [p for p in campaign.findings() if p.round.position < round_.position]
    verdicts = Counter(pair.verdict for pair in part.pairs)
    days = sorted(d for p in facts.found if (d := _found_on(p)) is not None)
    rules = campaign.rules.scoring
    return {
        "round": round_.name, "previous": previous.name if previous else "",
        "issuer": "", "start": facts.day(round_.start_on or (days[0] if days else None)),
        "end": facts.day(round_.end_on or (days[-1] if days else None)),
        "teams": round_.teams or facts.word("暗访组", "the inspection teams"),
        "counties": _join(facts, [facts.name("county", c) for c in _visited(facts)]),
        "total": len(facts.found),
        "by_category": _counted(facts, Counter(p.tag.category_id for p in facts.found),
                                "category", campaign.category_order),
        "by_county": _counted(facts, Counter(p.tag.county_id or "" for p in facts.found),
                              "county", campaign.county_order),
        "previous_total": len([p for p in earlier if previous and p.round.id == previous.id]),
        "rechecked": len(part.pairs),
        **{key: verdicts[key] for key in ("rectified", "partial", "unrectified")},
        "recurring": verdicts["recurred"],
        "overdue": sum(1 for p in earlier if p.overdue(as_of)),
        "closed": sum(1 for p in earlier if p.record.closed_at and
                      p.record.closed_at[:10] <= as_of.isoformat()),
        "as_of": facts.day(as_of), "base": _number(rules.base),
        "tie_break": facts.word("、", ", ").join(
            label(TIE_BREAK_LABELS, k, "en" if facts.en else "zh") for k in rules.tie_break),
        "date": options.date or facts.day(date.today()),
    }


def _found_on(problem: Problem) -> date | None:
    return stamp_date(problem.tag.created_at)


def _visited(facts: Facts) -> list[str]:
    campaign = facts.part.campaign
    used = {p.tag.county_id for p in campaign.problems
            if p.round.id == facts.round.id and p.tag.county_id}
    return [c for c in campaign.county_order if c in used] + sorted(used - set(campaign.county_order))


def _join(facts: Facts, words: list[str]) -> str:
    return facts.word("、", ", ").join(words)


def _counted(facts: Facts, counts: Counter[str], kind: str, order: tuple[str, ...]) -> str:
    rank = {k: n for n, k in enumerate(order)}
    ordered = sorted(counts.items(), key=lambda kv: (-kv[1], rank.get(kv[0], len(rank))))
    unit = facts.word("个", "")
    return _join(facts, [f"{facts.name(kind, key)}{' ' if facts.en else ''}{n}{unit}"
                         for key, n in ordered]) or facts.word("无", "none")


def _number(value: float) -> str:
    return f"{value:.2f}".rstrip("0").rstrip(".")


# --- sections --------------------------------------------------------------------------

Section = Callable[[OfficialDocument, Facts, Template], None]


def _opening(doc: OfficialDocument, facts: Facts, template: Template) -> None:
    doc.title(template.fill("document", "title", facts.values))
    doc.paragraph(template.fill("document", "recipients", facts.values), indent=False)
    doc.paragraph(template.fill("text", "opening", facts.values))


def _overview(doc: OfficialDocument, facts: Facts, template: Template) -> None:
    doc.heading(template.headings["overview"])
    doc.paragraph(template.fill("text", "overview", facts.values), keep=True)
    campaign = facts.part.campaign
    counts = Counter((p.tag.county_id or "", p.tag.category_id) for p in facts.found)
    categories = [c for c in campaign.category_order if any(k == c for _, k in counts)]
    counties = [c for c in (*campaign.county_order, "") if any(k == c for k, _ in counts)]
    if not counts:
        return
    total = facts.word("合计", "Total")
    rows = [[facts.name("county", c), *[counts[(c, k)] for k in categories],
             sum(counts[(c, k)] for k in categories)] for c in counties]
    rows.append([total, *[sum(counts[(c, k)] for c in counties) for k in categories],
                 sum(counts.values())])
    headers = [facts.word("县（市）", "County"), *[facts.name("category", k) for k in categories],
               total]
    doc.table(headers, rows, [26, *[16] * len(categories), 14])


def _findings(doc: OfficialDocument, facts: Facts, template: Template) -> None:
    doc.heading(template.headings["findings"])
    doc.paragraph(template.fill("text", "findings", facts.values), keep=True)
    campaign = facts.part.campaign
    by_county: dict[str, list[Problem]] = {}
    for found in facts.found:
        by_county.setdefault(found.tag.county_id or "", []).append(found)
    ordered = [c for c in (*campaign.county_order, "") if c in by_county]
    ordered += sorted(set(by_county) - set(ordered))
    headers = [facts.word(*w) for w in (("序号", "No."), ("问题", "Problem"), ("地点", "Place"),
                                        ("责任单位", "Unit"), ("整改时限", "Deadline"))]
    for n, county in enumerate(ordered, start=1):
        mine = by_county[county]
        doc.heading(f"{_chinese_number(n, facts.en)}{facts.name('county', county)}"
                    f"{facts.word(f'（{len(mine)}个）', f' ({len(mine)})')}", 2)
        rows = [[k, _problem_text(facts, p), p.tag.place, facts.name("unit", p.tag.unit_id),
                 p.deadline.isoformat()] for k, p in enumerate(mine, start=1)]
        doc.table(headers, rows, [13, 49, 40, 26, 28])


def _problem_text(facts: Facts, found: Problem) -> str:
    what = facts.part.labels.problem(found.tag)
    note = found.tag.note.strip().replace("\n", " ")
    return f"{what}：{note}" if note and not facts.en else (f"{what}: {note}" if note else what)


def _chinese_number(n: int, en: bool) -> str:
    if en:
        return f"({n}) "
    digits = "零一二三四五六七八九十"
    text = digits[n] if n <= 10 else ("十" + digits[n - 10] if n < 20 else str(n))
    return f"（{text}）"


def _rectification(doc: OfficialDocument, facts: Facts, template: Template) -> None:
    doc.heading(template.headings["rectification"])
    if facts.part.previous is None:
        doc.paragraph(template.fill("text", "rectification_first", facts.values))
        return
    doc.paragraph(template.fill("text", "rectification", facts.values))
    lang = "en" if facts.en else "zh"
    if facts.part.pairs:
        doc.paragraph(template.fill("text", "rechecks", facts.values), keep=True)
        rows = [[k, pair.earlier.county, pair.earlier.tag.place, pair.earlier.problem,
                 pair.earlier_round, label(VERDICT_LABELS, pair.verdict, lang)]
                for k, pair in enumerate(facts.part.pairs, start=1)]
        headers = [facts.word(*w) for w in (("序号", "No."), ("县（市）", "County"),
                                            ("地点", "Place"), ("问题", "Problem"),
                                            ("发现期次", "Found in"), ("复查结果", "Result"))]
        doc.table(headers, rows, [13, 24, 38, 38, 20, 23])
    _overdue(doc, facts, template)


def _overdue(doc: OfficialDocument, facts: Facts, template: Template) -> None:
    campaign = facts.part.campaign
    as_of = facts.round.as_of(campaign.today)
    late = [p for p in campaign.findings() if p.round.position < facts.round.position
            and p.overdue(as_of)]
    if not late:
        return
    doc.paragraph(template.fill("text", "overdue", facts.values), keep=True)
    rows = [[k, facts.name("county", p.tag.county_id), p.tag.place,
             facts.part.labels.problem(p.tag), facts.name("unit", p.tag.unit_id),
             p.deadline.isoformat()] for k, p in enumerate(late, start=1)]
    headers = [facts.word(*w) for w in (("序号", "No."), ("县（市）", "County"), ("地点", "Place"),
                                        ("问题", "Problem"), ("责任单位", "Unit"),
                                        ("整改时限", "Deadline"))]
    doc.table(headers, rows, [13, 24, 34, 34, 23, 28])


def _assessment(doc: OfficialDocument, facts: Facts, template: Template) -> None:
    doc.heading(template.headings["assessment"])
    doc.paragraph(template.fill("text", "assessment", facts.values), keep=True)
    scores = facts.assessment.of(facts.round.id)
    assert scores is not None
    headers = [facts.word(*w) for w in (("排名", "Rank"), ("县（市）", "County"), ("得分", "Score"),
                                        ("扣分", "Deducted"), ("新发现问题", "New problems"),
                                        ("逾期", "Overdue"), ("未整改", "Unrectified"),
                                        ("反弹", "Recurred"))]
    doc.table(headers, [_score_row(facts, s) for s in scores.scores],
              [13, 26, 16, 16, 26, 16, 20, 16])
    if len(facts.cumulative.rounds) > 1:
        doc.paragraph(template.fill("text", "cumulative", facts.values), keep=True)
        headers = [facts.word(*w) for w in (("排名", "Rank"), ("县（市）", "County"),
                                            ("累计得分", "Score"), ("期数", "Rounds"),
                                            ("扣分合计", "Deducted"), ("发现问题", "Problems"),
                                            ("反弹", "Recurred"))]
        rounds = len(facts.cumulative.rounds)
        doc.table(headers, [[s.rank, facts.name("county", s.county_id), _number(s.score), rounds,
                             _number(s.deducted), s.problems, s.recurring]
                            for s in facts.cumulative.cumulative], [13, 28, 22, 14, 22, 22, 16])


def _score_row(facts: Facts, s: CountyScore) -> list[object]:
    return [s.rank, facts.name("county", s.county_id), _number(s.score), _number(s.deducted),
            s.problems, s.overdue, s.unrectified, s.recurring]


def _requirements(doc: OfficialDocument, facts: Facts, template: Template) -> None:
    doc.heading(template.headings["requirements"])
    for line in template.lines("requirements", facts.values):
        doc.paragraph(line)
    doc.paragraph(template.fill("text", "requirements_extra", facts.values))
