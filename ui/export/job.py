"""The export worker: runs each chosen format on a frozen snapshot, off the GUI thread."""

from __future__ import annotations

from pathlib import Path

from reviewer.export import snapshot
from reviewer.export.common import ExportError, ExportOptions, ExportResult
from reviewer.export.run import export

_STEPS = 1000  # progress resolution per format


def run_formats(
    snap: snapshot.Snapshot, formats: list[str], out: Path, options: ExportOptions, token, progress
) -> list[tuple[str, ExportResult | ExportError]]:
    """The worker: each format in turn; one failing format does not stop the others."""
    done: list[tuple[str, ExportResult | ExportError]] = []
    for n, fmt in enumerate(formats):

        def step(d: int, t: int, n: int = n) -> None:
            progress(n * _STEPS + (d * _STEPS // max(t, 1)), len(formats) * _STEPS)

        try:
            done.append((fmt, export(snap, fmt, out, options, token, step)))
        except ExportError as exc:
            done.append((fmt, exc))
            if exc.kind == "cancelled":
                break
    progress(len(formats) * _STEPS, len(formats) * _STEPS)
    return done
