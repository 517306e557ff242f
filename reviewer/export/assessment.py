"""The county assessment as a workbook: one sheet per round, one for the rounds together.

Each round's sheet ranks the counties and then lists every deduction with the tag it comes
from (category, problem, place, the re-check tag for a verdict, the tag id), so each point
of a score can be found in the footage. Written with xlsxwriter like the ledger.
"""

from __future__ import annotations

import re
from pathlib import Path

import xlsxwriter

from reviewer.campaign.model import Round
from reviewer.campaign.scoring import REASON_LABELS, Assessment, CountyScore, Deduction, assess
from reviewer.campaign.snapshot import CampaignSnapshot
from reviewer.codebook.rules import TIE_BREAK_LABELS
from reviewer.export import atomic
from reviewer.export.common import (
    CancelFlag,
    ExportError,
    ExportOptions,
    ExportResult,
    Progress,
    check,
    from_os_error,
    no_progress,
)
from reviewer.export.ledger import display_width, guard
from reviewer.export.snapshot import Snapshot

_FONT = "微软雅黑"
_SHEET_UNSAFE = re.compile(r"[\[\]:*?/\\]")
_SCORE_HEAD = {
    "zh": ("排名", "县（市）", "得分", "扣分", "新发现问题", "其中严重", "逾期", "复查未整改",
           "部分整改", "反弹"),
    "en": ("Rank", "County", "Score", "Deducted", "New problems", "Severe", "Overdue",
           "Unrectified", "Partly", "Recurred"),
}
_DETAIL_HEAD = {
    "zh": ("县（市）", "扣分原因", "扣分", "问题发现期次", "类别", "问题", "地点", "复查标记",
           "标记ID"),
    "en": ("County", "Reason", "Points", "Found in", "Category", "Problem", "Place",
           "Re-check tag", "Tag ID"),
}


def export(snapshot: Snapshot, target: Path, options: ExportOptions,
           flag: CancelFlag | None = None, progress: Progress = no_progress) -> ExportResult:
    part = snapshot.campaign
    if part is None:
        raise ExportError("empty")
    result = assess(part.campaign, part.round_ids)
    lang = "en" if options.lang.startswith("en") else "zh"
    with atomic.atomic_path(target) as tmp:
        book = xlsxwriter.Workbook(str(tmp), {"in_memory": False, "tmpdir": str(tmp.parent)})
        try:
            _Writer(book, part, lang).fill(result, flag, progress)
        finally:
            try:
                book.close()
            except OSError as exc:
                raise from_os_error(exc, target.name) from exc
    found = len(part.campaign.findings(part.round_ids))
    return ExportResult("assessment", (target,), exported=found)


class _Writer:
    def __init__(self, book: xlsxwriter.Workbook, part: CampaignSnapshot, lang: str) -> None:
        self.book, self.part, self.lang = book, part, lang
        base = {"font_name": _FONT, "valign": "vcenter", "border": 1}
        self.head = book.add_format({**base, "bold": True, "bg_color": "#DDE6F0",
                                     "align": "center", "text_wrap": True})
        self.cell = book.add_format({**base, "text_wrap": True})
        self.number = book.add_format({**base, "num_format": "0.##", "align": "center"})
        self.title = book.add_format({"font_name": _FONT, "bold": True, "font_size": 14})
        self.note = book.add_format({"font_name": _FONT, "italic": True, "font_color": "#555555"})
        self.names: set[str] = set()

    def t(self, zh: str, en: str) -> str:
        return en if self.lang == "en" else zh

    def fill(self, result: Assessment, flag: CancelFlag | None, progress: Progress) -> None:
        for n, scores in enumerate(result.rounds):
            check(flag)
            progress(n, len(result.rounds) + 1)
            round_ = self.part.campaign.round(scores.round_id)
            assert round_ is not None
            self._round_sheet(round_, scores.scores)
        self._cumulative(result)
        progress(len(result.rounds) + 1, len(result.rounds) + 1)

    def _sheet(self, name: str) -> xlsxwriter.worksheet.Worksheet:
        clean = _SHEET_UNSAFE.sub("_", name).strip("'")[:31] or "_"
        candidate, n = clean, 1
        while candidate.lower() in self.names:  # sheet names are unique regardless of case
            n += 1
            candidate = f"{clean[:28]}-{n}"
        self.names.add(candidate.lower())
        sheet = self.book.add_worksheet(candidate)
        sheet.set_paper(9)
        sheet.set_landscape()
        sheet.fit_to_pages(1, 0)
        return sheet

    def _round_sheet(self, round_: Round, scores: tuple[CountyScore, ...]) -> None:
        sheet = self._sheet(round_.name)
        rules = self.part.campaign.rules.scoring
        day = round_.as_of(self.part.campaign.today).isoformat()
        sheet.write(0, 0, self.t(f"{round_.name} 县级考核得分排名", f"{round_.name}: county ranking"),
                    self.title)
        sheet.write(1, 0, self.t(f"考核日 {day}；基础分 {rules.base:g}；得分相同时：", f"Assessed on "
                                 f"{day}; base {rules.base:g}; equal scores: ") + self._ties(),
                    self.note)
        head = _SCORE_HEAD[self.lang]
        sheet.write_row(3, 0, head, self.head)
        for r, s in enumerate(scores, start=4):
            sheet.write_row(r, 0, self._score_row(s), self.cell)
            for c in (2, 3):
                sheet.write_number(r, c, round(self._score_row(s)[c], 4), self.number)
        top = 4 + len(scores) + 2
        sheet.write(top - 1, 0, self.t("扣分明细（每一项对应一个问题标记）",
                                       "Deductions (each traces to a tag)"), self.title)
        lines = [d for s in scores for d in s.deductions]
        self._details(sheet, top, lines)
        self._widths(sheet, [head, _DETAIL_HEAD[self.lang]])
        sheet.set_column(5, 6, 30)  # the deduction's problem and place
        sheet.set_column(7, 8, 38)  # tag ids
        sheet.freeze_panes(4, 0)

    def _ties(self) -> str:
        keys = self.part.campaign.rules.scoring.tie_break
        return self.t("、", ", ").join(TIE_BREAK_LABELS[k][1 if self.lang == "en" else 0]
                                      for k in keys)

    def _score_row(self, s: CountyScore) -> list:
        return [s.rank, self.part.labels.of("county", s.county_id), s.score, s.deducted,
                s.problems, s.severe, s.overdue, s.unrectified, s.partial, s.recurring]

    def _details(self, sheet: xlsxwriter.worksheet.Worksheet, top: int,
                 lines: list[Deduction]) -> None:
        sheet.write_row(top, 0, _DETAIL_HEAD[self.lang], self.head)
        for r, line in enumerate(lines, start=top + 1):
            values = self._detail_row(line)
            sheet.write_row(r, 0, [guard(v) for v in values], self.cell)
            sheet.write_number(r, 2, line.points, self.number)

    def _detail_row(self, line: Deduction) -> list:
        campaign, labels = self.part.campaign, self.part.labels
        reason = REASON_LABELS[line.reason][1 if self.lang == "en" else 0]
        found = campaign.problem(line.tag_uuid) if line.tag_uuid else None
        if found is None:
            return [labels.of("county", line.county_id), reason, line.points] + [""] * 6
        tag = found.tag
        return [labels.of("county", line.county_id), reason, line.points, found.round.name,
                labels.of("category", tag.category_id), labels.problem(tag), tag.place,
                line.via, tag.uuid]

    def _cumulative(self, result: Assessment) -> None:
        rounds = [self.part.campaign.round(r.round_id) for r in result.rounds]
        names = [r.name for r in rounds if r is not None]
        sheet = self._sheet(self.t("累计", "Cumulative"))
        span = f"{names[0]}–{names[-1]}" if len(names) > 1 else (names[0] if names else "")
        sheet.write(0, 0, self.t(f"累计得分排名（{span}，各期得分的平均）",
                                 f"Cumulative ranking ({span}, mean of round scores)"), self.title)
        head = [self.t("排名", "Rank"), self.t("县（市）", "County"), self.t("累计得分", "Score"),
                *names, self.t("扣分合计", "Deducted"), self.t("发现问题", "Problems"),
                self.t("逾期", "Overdue"), self.t("复查未整改", "Unrectified"),
                self.t("反弹", "Recurred")]
        sheet.write_row(2, 0, head, self.head)
        per_round = {(s.county_id, r.round_id): s.score for r in result.rounds for s in r.scores}
        for row, s in enumerate(result.cumulative, start=3):
            sheet.write_row(row, 0, [s.rank, self.part.labels.of("county", s.county_id)], self.cell)
            values = [s.score, *[per_round.get((s.county_id, r.round_id), 0.0)
                                 for r in result.rounds], s.deducted]
            for c, value in enumerate(values, start=2):
                sheet.write_number(row, c, round(value, 4), self.number)
            sheet.write_row(row, 3 + len(names) + 1, [s.problems, s.overdue, s.unrectified,
                                                      s.recurring], self.cell)
        self._widths(sheet, [tuple(head)])
        sheet.freeze_panes(3, 2)

    def _widths(self, sheet: xlsxwriter.worksheet.Worksheet,
                heads: list[tuple[str, ...]]) -> None:
        widest: dict[int, int] = {}
        for head in heads:
            for c, name in enumerate(head):
                widest[c] = max(widest.get(c, 8), display_width(name) + 2)
        for c, width in widest.items():
            sheet.set_column(c, c, min(width, 40))
