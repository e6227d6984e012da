"""The core and the command line never load Qt or the OS input/clipboard libraries."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from desktop import __version__

ROOT = Path(__file__).resolve().parents[2]
ENV = dict(os.environ, PYTHONPATH=str(ROOT))
FORBIDDEN = ("PySide6", "pyperclip", "keyboard", "pynput")

PROBE = r"""
import importlib, pkgutil, sys
import desktop.core
names = ["desktop.core", "desktop.cli"]
names += [m.name for m in pkgutil.walk_packages(desktop.core.__path__, "desktop.core.")]
for name in names:
    importlib.import_module(name)
print(len(names))
print(" ".join(sorted(m for m in sys.modules if m.split(".")[0] in {FORBIDDEN!r})))
""".replace("{FORBIDDEN!r}", repr(set(FORBIDDEN)))


def test_core_and_cli_import_no_gui_or_os_input_library() -> None:
    result = subprocess.run(
        [sys.executable, "-c", PROBE], capture_output=True, text=True, env=ENV, timeout=120
    )
    assert result.returncode == 0, result.stderr
    count, loaded = result.stdout.split("\n")[:2]
    assert int(count) >= 10  # every core module was imported, not just the package
    assert loaded == ""


def test_version_from_the_command_line() -> None:
    result = subprocess.run(
        [sys.executable, "-m", "desktop", "--version"], capture_output=True, text=True, env=ENV, timeout=120
    )
    assert result.returncode == 0
    assert result.stdout.strip() == f"QuickReply {__version__}"
