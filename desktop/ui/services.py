"""What the quick window is given by the composition root: real services in the app, fakes in tests."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any, Protocol

from desktop.core.listing import Searcher
from desktop.platform.clipboard import Clipboard
from desktop.platform.hotkeys import HotkeyBackend
from desktop.platform.paste import Paster


class RiskChecker(Protocol):
    def check(self, text: str) -> list[Any]: ...


class NoRiskChecks:
    """Stands in when the rule files cannot be read: no badges, nothing blocked, copying works."""

    def check(self, text: str) -> list[Any]:
        return []


@dataclass
class Services:
    """What the window is given by the composition root (real ones in the app, fakes in tests)."""

    search: Searcher
    clipboard: Clipboard
    hotkeys: HotkeyBackend
    checker: RiskChecker = field(default_factory=NoRiskChecks)
    paster: Paster | None = None
    now: Callable[[], dt.datetime] = dt.datetime.now
