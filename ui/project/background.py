"""Footage housekeeping off the GUI thread: whole-file hashes, and the relink folder scan.

Snapshots (which files, which media are offline) are taken on the GUI
thread; the workers only read files; the results are written to the store
back on the GUI thread, each as one committed transaction.
"""

from __future__ import annotations

from pathlib import Path

from reviewer.media.fingerprint import full_sha256
from reviewer.store import relink
from reviewer.store.model import Media
from ui.project.session import ProjectSession
from ui.workers import CancelToken, TaskRunner


def hash_files(
    files: list[tuple[str, Path]], token: CancelToken, progress
) -> list[tuple[str, str]]:
    done = []
    for n, (media_id, path) in enumerate(files):
        digest = full_sha256(path, lambda: token.cancelled)
        if digest is None:
            break
        done.append((media_id, digest))
        progress(n + 1, len(files))
    return done


def scan_folder(
    folder: Path, wanted: list[Media], token: CancelToken, progress
) -> relink.RelinkReport:
    return relink.scan(folder, wanted)


class FootageJobs:
    """Starts the jobs and applies their results to the session."""

    def __init__(self, session: ProjectSession, runner: TaskRunner) -> None:
        self.session, self.runner = session, runner

    def hash_missing(self) -> int | None:
        if self.session.read_only:
            return None
        project = self.session.project
        files = [(m.id, project.locate(m)) for m in project.media() if not m.fingerprint.sha256]
        files = [(mid, path) for mid, path in files if path is not None]
        if not files:
            return None
        return self.runner.submit(hash_files, files, on_done=self._hashed)

    def _hashed(self, results: list[tuple[str, str]]) -> None:
        for media_id, digest in results:
            self.session.announce(self.session.project.set_full_hash(media_id, digest))

    def relink(self, folder: Path, on_done) -> int:
        wanted = self.session.project.offline_media()
        return self.runner.submit(
            scan_folder,
            folder,
            wanted,
            on_done=lambda report: on_done(report, self._apply(report)),
            on_error=lambda exc: on_done(None, exc),
        )

    def _apply(self, report: relink.RelinkReport):
        changes = self.session.project.apply_relink(report)
        self.session.announce(changes)
        return changes
