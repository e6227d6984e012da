"""The real app on a private virtual X server: started, driven with xdotool, read with xclip."""

from __future__ import annotations

import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.xserver import XServer, require, start_xvfb, wait_for

WINDOW_TITLE = "^快捷回复$"
# Failure deadlines, not expected durations: the window shows in well under a second here.
APP_START_TIMEOUT = 60.0
CLIPBOARD_TIMEOUT = 20.0


@pytest.fixture
def xserver() -> Iterator[XServer]:
    require("xdotool", "xclip")
    server = start_xvfb()
    try:
        yield server
    finally:
        server.stop()


class RunningApp:
    """``python -m desktop`` as a child of the X server fixture (killed with it)."""

    def __init__(self, xserver: XServer, data_dir: Path, home: Path, locale: str = "zh_CN") -> None:
        self.xserver = xserver
        self.data_dir = data_dir
        self.locale = locale
        # Qt and platformdirs keep per-user files under these, the single-instance socket goes to
        # TMPDIR: all inside the test's folder.
        (home / "tmp").mkdir(parents=True, exist_ok=True)
        self.env = xserver.env(HOME=str(home), XDG_CONFIG_HOME=str(home / "config"),
                               XDG_CACHE_HOME=str(home / "cache"), XDG_DATA_HOME=str(home / "share"),
                               TMPDIR=str(home / "tmp"), LANG="C.UTF-8", LC_ALL="C.UTF-8")
        self.env.pop("QUICKREPLY_DATA_DIR", None)
        self.env.pop("QUICKREPLY_HOTKEY_BACKEND", None)
        self.log_path = home / "app.log"
        self.process: subprocess.Popen[bytes] | None = None

    def cli(self, *args: str, timeout: float = APP_START_TIMEOUT) -> subprocess.CompletedProcess[str]:
        """One ``quickreply`` command against the same data folder."""
        command = [sys.executable, "-m", "desktop", "--data-dir", str(self.data_dir), "--locale", self.locale]
        return subprocess.run([*command, *args], env=self.env, capture_output=True, text=True,
                              timeout=timeout)

    def start(self) -> str:
        """Start the window; its X window id once it is mapped."""
        self.log = self.log_path.open("wb")
        self.process = self.xserver.spawn(
            [sys.executable, "-m", "desktop", "--data-dir", str(self.data_dir), "--locale", self.locale],
            env=self.env, stdout=self.log, stderr=subprocess.STDOUT,
        )
        found: list[str] = []

        def window_shown() -> bool:
            if self.process is None or self.process.poll() is not None:
                raise AssertionError("the app exited before showing its window")
            found[:] = self.visible_windows()
            return bool(found)

        try:
            wait_for(window_shown, APP_START_TIMEOUT, "the window to appear")
        except AssertionError as exc:
            raise AssertionError(f"{exc}\n{self.output()}") from exc
        return found[0]

    def output(self) -> str:
        return self.log_path.read_text(errors="replace")[-3000:] if self.log_path.exists() else ""

    def visible_windows(self) -> list[str]:
        done = subprocess.run(["xdotool", "search", "--onlyvisible", "--name", WINDOW_TITLE],
                              env=self.xserver.env(), capture_output=True, timeout=10)
        return done.stdout.decode().split() if done.returncode == 0 else []

    def visible(self) -> bool:
        return bool(self.visible_windows())

    def focus(self, window: str) -> None:
        # No window manager under Xvfb: give the focus directly (windowactivate needs a WM).
        self.xserver.run("xdotool", "windowfocus", "--sync", window)

    def alive(self) -> bool:
        return self.process is not None and self.process.poll() is None

    def terminate(self) -> int:
        """SIGTERM, as at logout: the app quits through its event loop; its exit code."""
        assert self.process is not None
        self.process.terminate()
        try:
            return self.process.wait(APP_START_TIMEOUT)
        finally:
            self.log.close()


@pytest.fixture
def app(xserver: XServer, tmp_path: Path) -> Iterator[RunningApp]:
    running = RunningApp(xserver, tmp_path / "data", tmp_path / "home")
    yield running
    if running.alive():
        running.terminate()
    # The server fixture then stops anything still running on it (xclip, xmessage).


def read_clipboard(xserver: XServer) -> str:
    """The CLIPBOARD selection as another program sees it; "" while nobody owns it."""
    done = subprocess.run(["xclip", "-o", "-selection", "clipboard"], env=xserver.env(),
                          capture_output=True, timeout=10)
    return done.stdout.decode("utf-8", errors="replace") if done.returncode == 0 else ""


def wait_for_clipboard(xserver: XServer, expected: str, app: RunningApp) -> None:
    try:
        wait_for(lambda: read_clipboard(xserver) == expected, CLIPBOARD_TIMEOUT, "the reply on the clipboard")
    except AssertionError as exc:
        raise AssertionError(f"{exc}; clipboard holds {read_clipboard(xserver)!r}\n{app.output()}") from exc
