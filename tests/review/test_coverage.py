from __future__ import annotations

from reviewer.review.coverage import Coverage


def test_coverage_merges_and_reports_gaps():
    cov = Coverage().add(0, 1000).add(1500, 3000).add(5000, 6000)
    assert cov.spans == ((0, 3000), (5000, 6000))
    assert cov.gaps(8000) == [(3000, 5000), (6000, 8000)]
    assert cov.seen_ms() == 4000
