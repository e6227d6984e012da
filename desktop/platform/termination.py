"""Quit cleanly on SIGTERM/SIGINT (logout, shutdown, ``kill``), so the library is flushed and closed."""

from __future__ import annotations

import logging
import os
import signal
from collections.abc import Callable

from PySide6.QtCore import QObject, QSocketNotifier

_log = logging.getLogger(__name__)


class QuitOnTerminate(QObject):
    """Python runs signal handlers only between bytecodes, and Qt's event loop may sleep for
    minutes: the C-level handler writes to a pipe that wakes the loop, which then calls ``quit``.
    """

    def __init__(self, quit: Callable[[], None], signals: tuple[int, ...] = (signal.SIGTERM, signal.SIGINT),
                 parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._quit = quit
        # A pipe, not a socket pair: the same wake-up without importing socket at every start.
        self._reader, self._writer = os.pipe()
        for end in (self._reader, self._writer):
            os.set_blocking(end, False)
        self._previous_fd = signal.set_wakeup_fd(self._writer)
        self._previous = {sig: signal.signal(sig, self._note) for sig in signals}
        self._notifier = QSocketNotifier(self._reader, QSocketNotifier.Type.Read, self)
        self._notifier.activated.connect(self._wake)
        self._received: int | None = None

    def _note(self, signum: int, frame: object) -> None:
        self._received = signum

    def _wake(self) -> None:
        try:
            os.read(self._reader, 64)
        except OSError:
            pass
        if self._received is not None:
            _log.info("signal %s: quitting", self._received)
            self._quit()

    def restore(self) -> None:
        """Put back the previous handlers (tests; a second window in one process)."""
        self._notifier.setEnabled(False)
        for sig, handler in self._previous.items():
            signal.signal(sig, handler)
        signal.set_wakeup_fd(self._previous_fd)
        os.close(self._reader)
        os.close(self._writer)


def quit_on_terminate(quit: Callable[[], None]) -> QuitOnTerminate | None:
    """Install the handler in the main thread of a Unix process; elsewhere None (Windows closes
    GUI programs with window messages, which Qt turns into a normal quit)."""
    if os.name != "posix":
        return None
    try:
        return QuitOnTerminate(quit)
    except ValueError as exc:  # not the main thread
        _log.warning("no clean quit on SIGTERM: %s", exc)
        return None
