"""Times a process from its start until it reports its window shown (start-up figures)."""

from __future__ import annotations

import subprocess
import time
from pathlib import Path

# What desktop/app.py prints once the window is on screen when QUICKREPLY_EXIT_AFTER_SHOW=1.
SHOWN = "QUICKREPLY_WINDOW_SHOWN"
# Failure deadline for a start that never shows the window, not an expected duration.
START_TIMEOUT = 90.0
ROOT = Path(__file__).resolve().parent.parent


def start_until_shown(command: list[str], env: dict[str, str], cwd: Path = ROOT) -> tuple[float, int]:
    """(ms from process start to the shown marker, RSS in bytes if the process printed it, else 0)."""
    t0 = time.perf_counter()
    proc = subprocess.Popen(command, env=env, cwd=cwd, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                            text=True)
    assert proc.stdout is not None
    shown_at, rss = None, 0
    for line in proc.stdout:
        if line.startswith("RSS "):
            rss = int(line.split()[1])
        elif line.strip() == SHOWN:
            shown_at = time.perf_counter()
            break
    try:
        _, err = proc.communicate(timeout=START_TIMEOUT)
    except subprocess.TimeoutExpired:
        proc.kill()
        _, err = proc.communicate()
    if shown_at is None:
        raise RuntimeError(f"{command} never showed its window (exit {proc.returncode}): {err[-2000:]}")
    return (shown_at - t0) * 1000, rss
