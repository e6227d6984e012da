"""The one place that finds bundled data (phrases/, icons/) from source or a PyInstaller bundle."""

from __future__ import annotations

import sys
from pathlib import Path


def resource_root() -> Path:
    """The folder holding phrases/ and icons/: the bundle's when frozen, else the source tree's."""
    bundle = getattr(sys, "_MEIPASS", None)
    if bundle:
        return Path(bundle)
    return Path(__file__).resolve().parent.parent


def phrases_dir() -> Path:
    return resource_root() / "phrases"


def risk_rules_dir() -> Path:
    return phrases_dir() / "risk"


def icons_dir() -> Path:
    return resource_root() / "icons"


def default_pack(locale: str) -> Path:
    """The bundled default pack for a locale (zh_CN or en)."""
    return phrases_dir() / locale / "default.json"


def executable_dir() -> Path:
    """Where the program file lives (for portable.ini and the IT config file)."""
    if getattr(sys, "frozen", False):
        return Path(sys.executable).resolve().parent
    return resource_root()
