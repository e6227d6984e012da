"""Start-up help for PySide6: the window's start need not read the source of every module it imports.

PySide6 hooks ``import`` for its ``__feature__`` switches (``snake_case``, ``true_property``): the
first time a module is imported after PySide6, the hook reads that module's whole source
(``inspect.getsource``, kept in ``linecache``) to see whether it mentions PySide6, and files the
answer in a table keyed by module name. QuickReply selects no feature, so the answer changes
nothing here, yet the window's start paid ~9 ms and ~2.5 MiB for it (some 80 modules, ``typing``
and ``dataclasses`` among them). ``spare_source_reads`` files the answers first, from what is
known without reading: modules imported before PySide6 do not use it, the UI and platform
packages do, the core never does. Where PySide6 has no such table, nothing is done.
"""

from __future__ import annotations

import importlib
import os
import sys
from collections.abc import Mapping

# The table's values: 0 = uses PySide6 (the default feature selection), -1 = ignored by the switch.
USES_PYSIDE = 0
IGNORED = -1

# The project's packages and what their modules are, by the rule the hook would apply.
PACKAGES: Mapping[str, int] = {"desktop": USES_PYSIDE, "desktop.ui": USES_PYSIDE,
                               "desktop.platform": USES_PYSIDE, "desktop.core": IGNORED}


def spare_source_reads(packages: Mapping[str, int] = PACKAGES) -> int:
    """Import PySide6 and file every module already imported and every module of ``packages``
    in its feature table; returns how many entries were added (0 when there is no table)."""
    import PySide6.QtCore  # noqa: F401  (PySide6 installs its import hook here)

    try:
        from PySide6.support.feature import pyside_feature_dict as table
    except ImportError:
        return 0
    if not isinstance(table, dict):
        return 0
    before = len(table)
    for name in list(sys.modules):
        table.setdefault(name, IGNORED)
    for package, value in packages.items():
        for folder in getattr(importlib.import_module(package), "__path__", ()):
            try:
                entries = os.listdir(folder)
            except OSError:  # a frozen build keeps modules in an archive: they are read then
                continue
            table.setdefault(package, value)
            for entry in entries:
                if entry.endswith(".py") and entry != "__init__.py":
                    table.setdefault(f"{package}.{entry[:-3]}", value)
    return len(table) - before
