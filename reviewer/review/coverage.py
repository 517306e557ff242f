"""Which stretches of a recording a reviewer has actually seen.

Playing covers a stretch; stepping covers the frames shown. Gaps are what
a supervisor asks about ("did anyone look at minute 40?").
"""

from __future__ import annotations

from dataclasses import dataclass

# Frames shown within this gap of each other count as one continuous look.
JOIN_GAP_MS = 1_000


@dataclass(frozen=True)
class Coverage:
    """Sorted, disjoint [start, end) intervals in ms."""

    spans: tuple[tuple[int, int], ...] = ()

    def add(self, start_ms: int, end_ms: int) -> Coverage:
        if end_ms < start_ms:
            start_ms, end_ms = end_ms, start_ms
        merged: list[tuple[int, int]] = []
        new = (start_ms, end_ms)
        for span in sorted((*self.spans, new)):
            if merged and span[0] <= merged[-1][1] + JOIN_GAP_MS:
                merged[-1] = (merged[-1][0], max(merged[-1][1], span[1]))
            else:
                merged.append(span)
        return Coverage(tuple(merged))

    def seen_ms(self) -> int:
        return sum(end - start for start, end in self.spans)

    def share(self, duration_ms: int) -> float:
        return min(1.0, self.seen_ms() / duration_ms) if duration_ms > 0 else 0.0

    def gaps(self, duration_ms: int) -> list[tuple[int, int]]:
        out, at = [], 0
        for start, end in self.spans:
            if start > at:
                out.append((at, start))
            at = max(at, end)
        if at < duration_ms:
            out.append((at, duration_ms))
        return out
