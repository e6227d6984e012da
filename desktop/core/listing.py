"""Which replies a view lists: a scenario, All, Frequent, Recent or Pinned, with or without a query."""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from typing import Protocol

from desktop.core.library import PhraseLibrary
from desktop.core.model import Phrase
from desktop.core.search_rank import Ranking

# The views that are not scenarios; their keys cannot clash with scenario ids (those never start with @).
ALL = "@all"
FREQUENT = "@frequent"
RECENT = "@recent"
PINNED = "@pinned"
VIRTUAL = (ALL, FREQUENT, RECENT, PINNED)
# The read-only team library's view: listed from the team subscription, never from the library.
TEAM = "@team"

SEARCH_LIMIT = 200
HISTORY_LIMIT = 30  # rows in Frequent and Recent


class Hit(Protocol):
    @property
    def phrase(self) -> Phrase: ...


class Searcher(Protocol):
    def search(self, query: str, scenario: str | None = None, limit: int | None = None) -> Sequence[Hit]: ...

    def warm(self) -> None:
        """One-off preparation before the first keystroke."""

    def warm_steps(self) -> Iterator[None]:
        """``warm`` in small steps, for the event loop to run between (once the window is shown)."""


def in_view(key: str, phrases: Sequence[Phrase], *, searched: bool,
            ranking: Ranking | None = None) -> list[Phrase]:
    """The phrases of ``phrases`` that view ``key`` shows, in its order.

    ``phrases`` is the search's result (best first) when ``searched``, else the library's display
    order. A search keeps its own order in every view; otherwise Frequent is the most used first by
    the same frecency the search ranks with, and Recent the last used first, both capped.
    """
    if key == PINNED:
        return [p for p in phrases if p.pinned]
    if key == FREQUENT:
        used = [p for p in phrases if p.uses > 0]
        if searched:
            return used
        order = (ranking or Ranking()).frecency_order
        return sorted(used, key=lambda p: -order(p))[:HISTORY_LIMIT]
    if key == RECENT:
        recent = [p for p in phrases if p.last_used]
        return recent if searched else sorted(recent, key=lambda p: -(p.last_used or 0))[:HISTORY_LIMIT]
    return list(phrases)


def view_counts(phrases: Sequence[Phrase]) -> dict[str, int]:
    """How many replies each scenario, All and Pinned hold (the numbers beside their names)."""
    counts: dict[str, int] = {ALL: len(phrases), PINNED: 0}
    for p in phrases:
        counts[p.scenario] = counts.get(p.scenario, 0) + 1
        counts[PINNED] += p.pinned
    return counts


def listed(library: PhraseLibrary, search: Searcher, query: str, key: str, *,
           ranking: Ranking | None = None) -> list[Phrase]:
    """What the window lists for ``query`` in view ``key`` (a scenario id or one of ``VIRTUAL``).

    Without a query, pinned replies come first, then the library's order."""
    scenario = None if key in VIRTUAL else key
    if query:
        phrases = [h.phrase for h in search.search(query, scenario=scenario, limit=SEARCH_LIMIT)]
    else:
        phrases = library.phrases(scenario)
        phrases.sort(key=lambda p: not p.pinned)  # stable: pinned first, then library order
    return in_view(key, phrases, searched=bool(query), ranking=ranking)
