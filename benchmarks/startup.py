"""Times a process from its start until it reports its window shown, and until its start-up is done."""

from __future__ import annotations

import compileall
import subprocess
import time
from pathlib import Path
from typing import NamedTuple

# What desktop/app.py prints when QUICKREPLY_EXIT_AFTER_SHOW=1: once the window is on screen and
# takes keys, then once the work that follows (risk checker, search strings) is done.
SHOWN = "QUICKREPLY_WINDOW_SHOWN"
STARTED = "QUICKREPLY_STARTED"
# Failure deadline for a start that never shows the window, not an expected duration.
START_TIMEOUT = 90.0
ROOT = Path(__file__).resolve().parent.parent


class Start(NamedTuple):
    shown_ms: float  # process start to the SHOWN line
    started_ms: float  # to the STARTED line (= shown_ms for a program that prints only SHOWN)
    shown_rss: int  # bytes, when the process printed "RSS n" before the line, else 0
    started_rss: int


def compile_sources() -> None:
    """Write the project's bytecode, as an installed copy has it: with PYTHONDONTWRITEBYTECODE set
    (as on some machines), every start would otherwise compile every module again."""
    compileall.compile_dir(ROOT / "desktop", quiet=1)


def start_until_shown(command: list[str], env: dict[str, str], cwd: Path = ROOT) -> Start:
    t0 = time.perf_counter()
    proc = subprocess.Popen(command, env=env, cwd=cwd, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                            text=True)
    assert proc.stdout is not None
    at: dict[str, float] = {}
    rss: dict[str, int] = {}
    last_rss = 0
    for line in proc.stdout:
        if line.startswith("RSS "):
            last_rss = int(line.split()[1])
        elif line.strip() in (SHOWN, STARTED):
            at[line.strip()] = time.perf_counter()
            rss[line.strip()] = last_rss
    try:
        _, err = proc.communicate(timeout=START_TIMEOUT)
    except subprocess.TimeoutExpired:
        proc.kill()
        _, err = proc.communicate()
    if SHOWN not in at:
        raise RuntimeError(f"{command} never showed its window (exit {proc.returncode}): {err[-2000:]}")
    started = at.get(STARTED, at[SHOWN])
    return Start((at[SHOWN] - t0) * 1000, (started - t0) * 1000, rss[SHOWN], rss.get(STARTED, rss[SHOWN]))
