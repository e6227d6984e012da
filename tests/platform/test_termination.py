"""SIGTERM (logout, shutdown, kill) ends the window through a normal quit, so clean-up runs."""

from __future__ import annotations

import signal
import subprocess
import sys

import pytest

CHILD = """
import sys
from PySide6.QtCore import QCoreApplication, QTimer
from desktop.platform.termination import quit_on_terminate
app = QCoreApplication([])
app.aboutToQuit.connect(lambda: print("clean-up ran", flush=True))
handler = quit_on_terminate(app.quit)
QTimer.singleShot(0, lambda: print("ready", flush=True))
sys.exit(app.exec())
"""


@pytest.mark.skipif(sys.platform == "win32", reason="POSIX signals")
@pytest.mark.parametrize("signum", [signal.SIGTERM, signal.SIGINT])
def test_a_termination_signal_quits_through_the_event_loop(signum: int) -> None:
    child = subprocess.Popen([sys.executable, "-c", CHILD], stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                             text=True)
    try:
        assert child.stdout is not None
        assert child.stdout.readline().strip() == "ready"
        child.send_signal(signum)
        out, err = child.communicate(timeout=30)
    finally:
        if child.poll() is None:
            child.kill()
            child.wait()
    assert child.returncode == 0, err
    assert out.strip() == "clean-up ran"
