"""Which replies the window lists for a query and a scenario (or a virtual view); no Qt here."""

from __future__ import annotations

from desktop.core.library import PhraseLibrary
from desktop.core.model import Phrase
from desktop.ui.scenario_nav import FREQUENT, PINNED, RECENT, VIRTUAL
from desktop.ui.services import Searcher

SEARCH_LIMIT = 200
HISTORY_LIMIT = 30  # rows in Frequent and Recent


def listed(library: PhraseLibrary, search: Searcher, query: str, key: str) -> list[Phrase]:
    """With a query: the search's order (best first). Without: pinned first, then library order;
    Frequent by uses, Recent by last use."""
    virtual = key in VIRTUAL
    if query:
        scenario = None if virtual else key
        phrases = [h.phrase for h in search.search(query, scenario=scenario, limit=SEARCH_LIMIT)]
    else:
        phrases = library.phrases(None if virtual else key)
        phrases.sort(key=lambda p: not p.pinned)  # stable: pinned first, then library order
    if key == PINNED:
        return [p for p in phrases if p.pinned]
    if key == FREQUENT:
        used = [p for p in phrases if p.uses > 0]
        return used if query else sorted(used, key=lambda p: -p.uses)[:HISTORY_LIMIT]
    if key == RECENT:
        recent = [p for p in phrases if p.last_used]
        return recent if query else sorted(recent, key=lambda p: -(p.last_used or 0))[:HISTORY_LIMIT]
    return phrases
