"""Traditional to simplified Chinese by a per-character table (the one shipped with the risk rules)."""

from __future__ import annotations

import json
from collections.abc import Callable, Mapping
from pathlib import Path
from typing import Any

# Where the table lies, relative to the rule folder.
T2S_FILE = Path("data") / "t2s.json"


def one_to_one(chars: Mapping[Any, Any]) -> dict[str, str]:
    """The entries that map one character to one character: converting keeps a text's length,
    so offsets into the converted text are offsets into the original."""
    return {k: v for k, v in chars.items()
            if isinstance(k, str) and isinstance(v, str) and len(k) == len(v) == 1}


def table_simplifier(t2s: Mapping[str, str]) -> Callable[[str], str]:
    """``text -> simplified text`` by the table, in C (``str.translate``)."""
    table = str.maketrans(dict(t2s))
    return lambda text: text.translate(table)


def load_simplifier(rule_dir: Path, fallback: Callable[[str], str]) -> Callable[[str], str]:
    """The simplifier over the table in ``rule_dir``; ``fallback`` when it is missing or unreadable
    (the risk checker reports a damaged table in its own words)."""
    try:
        data = json.loads((rule_dir / T2S_FILE).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return fallback
    chars = data.get("chars") if isinstance(data, dict) else None
    if not isinstance(chars, dict) or not chars:
        return fallback
    return table_simplifier(one_to_one(chars))


def lazy_simplifier(rule_dir: Path, fallback: Callable[[str], str]) -> Callable[[str], str]:
    """``load_simplifier`` on first use: the window shows before the table is read (~5 ms)."""
    loaded: Callable[[str], str] | None = None

    def simplify(text: str) -> str:
        nonlocal loaded
        if loaded is None:
            loaded = load_simplifier(rule_dir, fallback)
        return loaded(text)

    return simplify
