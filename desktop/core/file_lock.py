"""An exclusive OS lock on a file, which the OS releases when the process ends however it ends.

``flock`` on POSIX, ``msvcrt.locking`` of the first byte on Windows: the lock belongs to the open
file, so a crashed or killed window never leaves the library locked. Only the standard library
(the ``filelock`` package took 16 ms to import, a tenth of a bare window's start).
"""

from __future__ import annotations

import os
import sys
import time
from collections.abc import Callable
from pathlib import Path


class LockTimeout(Exception):
    """Another process (or another open of the same file) holds the lock."""


class FileLock:
    """``acquire(timeout)`` waits up to ``timeout`` seconds (0: one try) for the lock on ``path``."""

    POLL = 0.05  # seconds between two tries while waiting

    def __init__(self, path: Path | str, *, sleep: Callable[[float], None] = time.sleep,
                 clock: Callable[[], float] = time.monotonic) -> None:
        self.path = Path(path)
        self._sleep = sleep
        self._clock = clock
        self._fd: int | None = None

    @property
    def held(self) -> bool:
        return self._fd is not None

    def acquire(self, timeout: float = 0.0) -> None:
        if self._fd is not None:
            return
        deadline = self._clock() + timeout
        while True:
            fd = _try_lock(self.path)
            if fd is not None:
                self._fd = fd
                return
            if self._clock() >= deadline:
                raise LockTimeout(str(self.path))
            self._sleep(self.POLL)

    def release(self) -> None:
        fd, self._fd = self._fd, None
        if fd is not None:
            _unlock(fd)


if sys.platform == "win32":  # pragma: no cover - exercised on Windows only
    import msvcrt

    def _try_lock(path: Path) -> int | None:
        fd = os.open(path, os.O_RDWR | os.O_CREAT, 0o644)
        try:
            msvcrt.locking(fd, msvcrt.LK_NBLCK, 1)
        except OSError:
            os.close(fd)
            return None
        return fd

    def _unlock(fd: int) -> None:
        try:
            os.lseek(fd, 0, os.SEEK_SET)
            msvcrt.locking(fd, msvcrt.LK_UNLCK, 1)
        finally:
            os.close(fd)

else:
    import fcntl

    def _try_lock(path: Path) -> int | None:
        fd = os.open(path, os.O_RDWR | os.O_CREAT, 0o644)
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except OSError:
            os.close(fd)
            return None
        try:
            same_file = os.fstat(fd).st_ino == os.stat(path).st_ino
        except OSError:
            same_file = False
        if not same_file:  # the file was deleted or replaced meanwhile: this lock guards nothing
            os.close(fd)
            return None
        return fd

    def _unlock(fd: int) -> None:
        try:
            fcntl.flock(fd, fcntl.LOCK_UN)
        finally:
            os.close(fd)
