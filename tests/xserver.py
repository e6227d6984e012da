"""A private virtual X server (Xvfb) for the tests that need real X events and a real clipboard."""

from __future__ import annotations

import os
import select
import shutil
import signal
import subprocess
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field

import pytest

# Bounded waits (failure deadlines, not expected durations).
START_TIMEOUT = 20.0
TOOL_TIMEOUT = 10.0


@dataclass
class XServer:
    display: str
    process: subprocess.Popen[bytes]
    # Xvfb may write its number again (each server generation); a closed pipe makes that fatal.
    display_fd: int = -1
    children: list[subprocess.Popen[bytes]] = field(default_factory=list)

    def env(self, **extra: str) -> dict[str, str]:
        """The environment for a child process talking to this server (Qt on xcb, no Wayland)."""
        env = dict(os.environ)
        env.pop("WAYLAND_DISPLAY", None)
        env.update(DISPLAY=self.display, QT_QPA_PLATFORM="xcb", **extra)
        return env

    def run(self, *args: str, input: bytes | None = None, timeout: float = TOOL_TIMEOUT) -> str:
        """Run an X tool (xdotool, xclip) against this server; its stdout, stripped of the newline."""
        done = subprocess.run(args, env=self.env(), input=input, capture_output=True, timeout=timeout)
        if done.returncode != 0:
            raise AssertionError(f"{' '.join(args)} failed ({done.returncode}): {done.stderr.decode()}")
        return done.stdout.decode("utf-8").rstrip("\n")

    def spawn(self, args: Sequence[str], **kwargs: object) -> subprocess.Popen[bytes]:
        """Start a child that is killed with the server (in its own process group)."""
        kwargs.setdefault("env", self.env())
        child: subprocess.Popen[bytes] = subprocess.Popen(  # type: ignore[call-overload]
            list(args), start_new_session=True, **kwargs)
        self.children.append(child)
        return child

    def stop(self) -> None:
        for child in reversed(self.children):
            stop_process(child)
        self.children.clear()
        stop_process(self.process)
        if self.display_fd >= 0:
            os.close(self.display_fd)
            self.display_fd = -1


def stop_process(proc: subprocess.Popen[bytes], grace: float = 5.0) -> None:
    """Terminate a child we started (and its process group), killing it if it does not go."""
    if proc.poll() is not None:
        return
    try:
        os.killpg(proc.pid, signal.SIGTERM)
    except (ProcessLookupError, PermissionError):
        proc.terminate()
    try:
        proc.wait(grace)
    except subprocess.TimeoutExpired:
        try:
            os.killpg(proc.pid, signal.SIGKILL)
        except (ProcessLookupError, PermissionError):
            proc.kill()
        proc.wait(grace)


def require(*tools: str) -> None:
    """Skip (with the reason) when the X server itself is missing; other tools must be present."""
    if shutil.which("Xvfb") is None:
        if os.environ.get("CI"):
            # In CI the set-up installs Xvfb: its absence is a set-up failure, never a quiet skip.
            raise AssertionError("Xvfb is missing in CI: scripts/setup.sh should have installed it")
        pytest.skip("Xvfb is not installed (scripts/setup.sh installs it: apt-get install xvfb)")
    missing = [t for t in tools if shutil.which(t) is None]
    if missing:
        raise AssertionError(f"missing X tools {missing}: run scripts/setup.sh")


def start_xvfb(attempts: int = 20) -> XServer:
    """Start Xvfb on a free display number (from :50 up, leaving the low ones to real sessions)."""
    base = 50 + os.getpid() % 200
    last_error = ""
    for number in range(base, base + attempts):
        if os.path.exists(f"/tmp/.X{number}-lock") or os.path.exists(f"/tmp/.X11-unix/X{number}"):
            continue
        server, last_error = _try_display(number)
        if server is not None:
            return server
    raise AssertionError(f"Xvfb did not start: {last_error[-500:]}")


def _try_display(number: int) -> tuple[XServer | None, str]:
    import tempfile

    # A file, not a pipe: Xvfb writes warnings while it runs, and a closed pipe would kill it.
    log = tempfile.TemporaryFile()
    read_fd, write_fd = os.pipe()
    try:
        process = subprocess.Popen(
            ["Xvfb", f":{number}", "-displayfd", str(write_fd), "-screen", "0", "1280x800x24",
             "-nolisten", "tcp", "-noreset"],
            pass_fds=(write_fd,), stdout=subprocess.DEVNULL, stderr=log,
            start_new_session=True,
        )
        os.close(write_fd)
        write_fd = -1
        # Xvfb writes the display number once it accepts connections; EOF means it gave up.
        ready, _, _ = select.select([read_fd], [], [], START_TIMEOUT)
        written = os.read(read_fd, 32).decode().strip() if ready else ""
    finally:
        if write_fd >= 0:
            os.close(write_fd)
    if written != str(number) or not _accepts(f"/tmp/.X11-unix/X{number}", process):
        os.close(read_fd)
        stop_process(process)
        log.seek(0)
        err = log.read().decode(errors="replace")
        log.close()
        return None, err
    log.close()
    return XServer(display=f":{number}", process=process, display_fd=read_fd), ""


def _accepts(path: str, process: subprocess.Popen[bytes]) -> bool:
    """Whether the socket file takes connections: Xvfb reports "ready" a moment before it listens
    on the file (python-xlib, used by pynput, connects through the file, not the abstract socket)."""
    import socket

    def connects() -> bool:
        if process.poll() is not None:
            raise AssertionError("Xvfb exited")
        with socket.socket(socket.AF_UNIX, socket.SOCK_STREAM) as probe:
            try:
                probe.connect(path)
            except OSError:
                return False
            return True

    try:
        wait_for(connects, START_TIMEOUT, f"Xvfb listening on {path}")
    except AssertionError:
        return False
    return True


@contextmanager
def running_xvfb() -> Iterator[XServer]:
    server = start_xvfb()
    try:
        yield server
    finally:
        server.stop()


def wait_for(condition: Callable[[], object], timeout: float = TOOL_TIMEOUT, what: str = "condition") -> None:
    """Poll ``condition`` until true, with a deadline (for state outside Qt's event loop)."""
    import threading
    import time

    deadline = time.monotonic() + timeout
    pause = threading.Event()
    while not condition():
        if time.monotonic() > deadline:
            raise AssertionError(f"timed out after {timeout}s waiting for {what}")
        pause.wait(0.02)
