"""The window's start does not make PySide6 read the source of the modules it imports."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]

# Imports what the window imports, then lists the sources PySide6's import hook read (linecache).
CHILD = """
import json, linecache, sys
spared = 0
if sys.argv[1] == "spare":
    from desktop.platform.pyside_start import spare_source_reads
    spared = spare_source_reads()
import desktop.app
from PySide6.support.feature import pyside_feature_dict as table
read = sorted(name for name in linecache.cache if name.endswith(".py"))
print(json.dumps({"spared": spared, "read": read, "ui": table.get("desktop.ui.quick_window"),
                  "core": table.get("desktop.core.library"), "typing": table.get("typing")}))
"""


def _start(mode: str) -> dict:
    done = subprocess.run([sys.executable, "-c", CHILD, mode], cwd=ROOT, capture_output=True, text=True,
                          timeout=120)
    assert done.returncode == 0, done.stderr
    return json.loads(done.stdout.strip().splitlines()[-1])


def test_the_window_modules_import_without_any_source_read() -> None:
    spared = _start("spare")
    assert spared["spared"] > 50
    assert [name for name in spared["read"] if name.startswith(str(ROOT / "desktop"))] == []
    assert not any(name.endswith("/typing.py") for name in spared["read"])
    # Filed as the hook itself would: the UI uses PySide6, the core and the standard library do not.
    assert (spared["ui"], spared["core"], spared["typing"]) == (0, -1, -1)


def test_without_it_pyside_reads_the_sources_of_the_modules_imported_after_it() -> None:
    # What the start is spared: if PySide6 stops reading sources, the helper can go.
    plain = _start("plain")
    assert any(name.startswith(str(ROOT / "desktop" / "ui")) for name in plain["read"])
    assert any(name.endswith("/typing.py") for name in plain["read"])
