"""The library's lock: one holder at a time, a bounded wait, released by the OS when its holder dies."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from desktop.core.file_lock import FileLock, LockTimeout


class Clock:
    def __init__(self) -> None:
        self.now = 0.0
        self.sleeps: list[float] = []

    def __call__(self) -> float:
        return self.now

    def sleep(self, seconds: float) -> None:
        self.sleeps.append(seconds)
        self.now += seconds


def test_one_holder_at_a_time(tmp_path: Path) -> None:
    first, second = FileLock(tmp_path / "x.lock"), FileLock(tmp_path / "x.lock")
    first.acquire()
    with pytest.raises(LockTimeout):
        second.acquire(0)
    assert first.held and not second.held
    first.release()
    second.acquire(0)
    assert second.held
    second.release()
    second.release()  # twice is harmless


def test_waits_up_to_the_timeout_then_gives_up(tmp_path: Path) -> None:
    holder = FileLock(tmp_path / "x.lock")
    holder.acquire()
    clock = Clock()
    waiter = FileLock(tmp_path / "x.lock", sleep=clock.sleep, clock=clock)
    try:
        with pytest.raises(LockTimeout):
            waiter.acquire(3.0)
    finally:
        holder.release()
    assert 2.9 <= clock.now <= 3.1 and all(s == FileLock.POLL for s in clock.sleeps)


def test_a_killed_holder_leaves_nothing_locked(tmp_path: Path) -> None:
    path = tmp_path / "x.lock"
    code = ("import sys\nfrom desktop.core.file_lock import FileLock\n"
            f"FileLock({str(path)!r}).acquire()\nprint('held', flush=True)\nsys.stdin.readline()\n")
    holder = subprocess.Popen([sys.executable, "-c", code], stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                              text=True)  # holds the lock until killed
    try:
        assert holder.stdout is not None and holder.stdout.readline().strip() == "held"
        with pytest.raises(LockTimeout):
            FileLock(path).acquire(0)
    finally:
        holder.kill()
        holder.wait()
    lock = FileLock(path)
    lock.acquire(0)
    assert lock.held
    lock.release()
