"""The one shape of background work: snapshot on the GUI thread, pure work on a pool,
result or error back by signal. Tests pass ``synchronous=True`` to run jobs inline."""

from __future__ import annotations

import itertools
import threading
from collections.abc import Callable
from concurrent.futures import Future, ThreadPoolExecutor
from typing import Any

from PySide6.QtCore import QObject, Signal


class CancelToken:
    """Handed to a job; the job polls it between units of work."""

    def __init__(self) -> None:
        self._event = threading.Event()

    def cancel(self) -> None:
        self._event.set()

    @property
    def cancelled(self) -> bool:
        return self._event.is_set()


class TaskRunner(QObject):
    """Runs ``fn(*args, token=..., progress=...)`` off the GUI thread."""

    finished = Signal(int, object)  # job id, result
    failed = Signal(int, object)  # job id, exception
    progress = Signal(int, int, int)  # job id, done, total

    def __init__(self, workers: int = 2, synchronous: bool = False, parent: QObject | None = None):
        super().__init__(parent)
        self._synchronous = synchronous
        self._pool = None if synchronous else ThreadPoolExecutor(workers, "task")
        self._ids = itertools.count(1)
        self._tokens: dict[int, CancelToken] = {}

    def submit(self, fn: Callable[..., Any], *args: Any) -> int:
        job = next(self._ids)
        token = CancelToken()
        self._tokens[job] = token
        if self._pool is None:
            self._run(job, token, fn, args)
        else:
            future: Future[None] = self._pool.submit(self._run, job, token, fn, args)
            future.add_done_callback(lambda _f: None)
        return job

    def cancel(self, job: int) -> None:
        token = self._tokens.get(job)
        if token is not None:
            token.cancel()

    def shutdown(self) -> None:
        for token in self._tokens.values():
            token.cancel()
        if self._pool is not None:
            self._pool.shutdown(wait=True, cancel_futures=True)

    def _run(self, job: int, token: CancelToken, fn: Callable[..., Any], args: tuple) -> None:
        def report(done: int, total: int) -> None:
            self.progress.emit(job, done, total)

        try:
            result = fn(*args, token=token, progress=report)
        except Exception as exc:  # noqa: BLE001 - every failure goes back to the GUI as a value
            self._tokens.pop(job, None)
            self.failed.emit(job, exc)
            return
        self._tokens.pop(job, None)
        self.finished.emit(job, result)
