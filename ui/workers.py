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
        self._callbacks: dict[int, tuple[Callable | None, Callable | None]] = {}
        self.finished.connect(self._dispatch_done)
        self.failed.connect(self._dispatch_error)

    def submit(
        self,
        fn: Callable[..., Any],
        *args: Any,
        on_done: Callable[[Any], None] | None = None,
        on_error: Callable[[Exception], None] | None = None,
    ) -> int:
        """Run ``fn``; ``on_done``/``on_error`` are called back on the GUI thread."""
        job = next(self._ids)
        token = CancelToken()
        self._tokens[job] = token
        self._callbacks[job] = (on_done, on_error)
        if self._pool is None:
            self._run(job, token, fn, args)
        else:
            future: Future[None] = self._pool.submit(self._run, job, token, fn, args)
            future.add_done_callback(lambda _f: None)
        return job

    def _dispatch_done(self, job: int, result: object) -> None:
        on_done, _ = self._callbacks.pop(job, (None, None))
        if on_done is not None:
            on_done(result)

    def _dispatch_error(self, job: int, exc: object) -> None:
        _, on_error = self._callbacks.pop(job, (None, None))
        if on_error is not None:
            on_error(exc)

    @property
    def busy(self) -> bool:
        return bool(self._tokens)

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
