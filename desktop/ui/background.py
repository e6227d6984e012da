"""Runs slow work (reading a big file, fetching the team library) off the GUI thread."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal

Progress = Callable[[int, int], None]


class BackgroundTask(QObject):
    """``progress(done, total)`` while it runs, then ``finished(result)`` or ``failed(exception)``.

    The signals are delivered to the thread that owns this object (the GUI thread), so their slots
    may touch widgets. ``cancel()`` makes the outcome be dropped: a closed dialog is not called back.
    """

    progress = Signal(int, int)
    finished = Signal(object)
    failed = Signal(object)

    def __init__(self, work: Callable[[Progress], Any], parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._work = work
        self.cancelled = False
        self.running = False
        self._last_step = -1

    def start(self, pool: QThreadPool | None = None) -> None:
        self.running = True
        (pool or QThreadPool.globalInstance()).start(_Runner(self))

    def cancel(self) -> None:
        self.cancelled = True

    def _run(self) -> None:
        try:
            result = self._work(self._report)
        except Exception as exc:  # handed to the GUI thread, shown there in the user's words
            if not self.cancelled:
                self.failed.emit(exc)
            return
        finally:
            self.running = False
        if not self.cancelled:
            self.finished.emit(result)

    def _report(self, done: int, total: int) -> None:
        # The core reports often (every few rows): pass on each percent once, not a signal per row.
        step = done * 100 // total if total > 0 else -1
        if not self.cancelled and (step != self._last_step or done == total):
            self._last_step = step
            self.progress.emit(done, total)


class _Runner(QRunnable):
    def __init__(self, task: BackgroundTask) -> None:
        super().__init__()
        self._task = task

    def run(self) -> None:
        self._task._run()
