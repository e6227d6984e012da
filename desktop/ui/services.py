"""What the quick window is given by the composition root: real services in the app, fakes in tests."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import Any, Protocol

from desktop.core.model import Phrase
from desktop.platform.clipboard import Clipboard
from desktop.platform.hotkeys import HotkeyBackend
from desktop.platform.paste import Paster


class Hit(Protocol):
    @property
    def phrase(self) -> Phrase: ...


class Searcher(Protocol):
    def search(self, query: str, scenario: str | None = None, limit: int | None = None) -> Sequence[Hit]: ...


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
