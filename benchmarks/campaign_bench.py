"""The campaign part of export_bench.py (#14): bulletin, deck, assessment, statistics refresh."""

from __future__ import annotations

import io
import os
import tempfile
import time
from dataclasses import replace
from pathlib import Path

from benchmarks import campaign_data
from reviewer.campaign.stats import statistics
from reviewer.export import assessment, bulletin, deck, selection, snapshot
from reviewer.export.common import ExportOptions
from reviewer.store.project import Project
from reviewer.store.search import TagFilter

TARGET_S, TARGET_MS = 10.0, 100.0


def _timed(fn) -> tuple[float, object]:
    start = time.perf_counter()
    result = fn()
    return time.perf_counter() - start, result


def _line(name: str, ours: float, base: float, target: float, unit: str = "s") -> str:
    scale = 1000 if unit == "ms" else 1
    ok = "OK" if ours * scale < target else "MISSED"
    return (f"{name:34s} ours {ours * scale:8.2f} {unit}, baseline {base * scale:8.2f} {unit}, "
            f"ratio {ours / max(base, 1e-9):5.1f}  (target < {target:g} {unit}) {ok}")


def plain_docx(rows: int) -> None:
    from docx import Document

    doc = Document()
    table = doc.add_table(rows=rows, cols=5)
    for cell in table._cells:  # (table.cell() walks the whole table on every call)
        cell.text = "基准测试"
    doc.save(io.BytesIO())


def _table_rows(path: Path) -> int:
    from docx import Document

    return sum(len(t.rows) for t in Document(str(path)).tables)


def plain_xlsx(rows: int, target: Path) -> None:
    import xlsxwriter

    book = xlsxwriter.Workbook(str(target))
    sheet = book.add_worksheet()
    for r in range(rows):
        sheet.write_row(r, 0, ["基准", "测试", 1.5, "问题", "地点", "标记"])
    book.close()


def refresh_panel(project_path: Path) -> tuple[float, float]:
    """(median ms of StatisticsPanel.refresh on 12 rounds, median ms of the SQL baseline)."""
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtWidgets import QApplication

    from ui.campaign.stats_panel import StatisticsPanel
    from ui.project.session import ProjectSession

    app = QApplication.instance() or QApplication([])
    session = ProjectSession(Project.open(project_path, reviewer="基准"))
    try:
        panel = StatisticsPanel(session)
        ours = []
        for _ in range(7):
            panel.refresh()
            ours.append(panel.refresh_ms)
        sql = "SELECT round_id, county_id, category_id, COUNT(*) FROM tags " \
              "WHERE deleted_at IS NULL GROUP BY 1, 2, 3"
        base = [_timed(lambda: session.project.query(sql))[0] * 1000 for _ in range(7)]
        panel.deleteLater()
        app.processEvents()
    finally:
        session.close()
    return sorted(ours)[3], sorted(base)[3]


def run() -> None:
    print(f"load average at start: {os.getloadavg()[0]:.1f}")
    with tempfile.TemporaryDirectory() as tmp_name:
        tmp = Path(tmp_name)
        t_build, path = _timed(lambda: campaign_data.build(tmp))
        print(f"campaign project: {campaign_data.ROUNDS} rounds x {campaign_data.PER_ROUND} "
              f"problems built in {t_build:.1f} s")
        with Project.open(path, read_only=True) as project:
            last = project.rounds()[-1].id
            t_take, snap = _timed(lambda: snapshot.take(
                project, selection.Selection(TagFilter(rounds=(last,)))))
            t_whole, whole = _timed(lambda: snapshot.take(project, selection.Selection()))
        options = ExportOptions()  # point tags: one still a problem slide, two a pair
        results = []
        t, _ = _timed(lambda: bulletin.export(snap, tmp / "b.docx", options))
        rows = _table_rows(tmp / "b.docx")
        tb, _ = _timed(lambda: plain_docx(rows))
        results.append(_line(f"bulletin (round of {len(snap.items)}, {rows} rows)", t + t_take,
                             tb, TARGET_S))
        t, _ = _timed(lambda: deck.export(snap, tmp / "d.pptx", options))
        plain = replace(snap, campaign=None)
        tb, _ = _timed(lambda: deck.export(plain, tmp / "p.pptx", options))
        results.append(_line(f"deck (round, {len(snap.campaign.pairs)} pairs, stills)",
                             t + t_take, tb, TARGET_S))
        t, _ = _timed(lambda: assessment.export(whole, tmp / "a.xlsx", options))
        lines = 12 * 4 + sum(1 for _ in range(campaign_data.ROUNDS * campaign_data.PER_ROUND))
        tb, _ = _timed(lambda: plain_xlsx(lines, tmp / "plain.xlsx"))
        results.append(_line("assessment (12 rounds)", t + t_whole, tb, TARGET_S))
        ours, base = refresh_panel(path)
        results.append(_line("statistics panel refresh", ours / 1000, base / 1000, TARGET_MS,
                             "ms"))
        print(f"snapshot of the round {t_take:.2f} s, of all rounds {t_whole:.2f} s "
              "(included above)")
        print("\n".join(results))
        core_t, _ = _timed(lambda: _core(path))
        print(f"statistics core (open + campaign load + counts) {core_t * 1000:.1f} ms")
    print(f"load average at end: {os.getloadavg()[0]:.1f}")


def _core(path: Path) -> None:
    with Project.open(path, read_only=True) as project:
        statistics(project.campaign())
