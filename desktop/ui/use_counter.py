"""Counts a copied reply's use where the reply lives: the team cache or the library."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from desktop.core.library import PhraseLibrary
from desktop.core.model import Phrase

if TYPE_CHECKING:  # the team module loads only when a team library is configured
    from desktop.ui.team_sync import TeamSync


class UseCounter:
    """What the reply copier counts a copy with: team phrases in the team cache, the rest in the library."""

    def __init__(self, library: PhraseLibrary, team: Callable[[], TeamSync | None]) -> None:
        self._library = library
        self._team = team

    def record_use(self, phrase_id: str) -> Phrase | None:
        team = self._team()
        if team is not None and team.owns(phrase_id):
            return team.record_use(phrase_id)
        return self._library.record_use(phrase_id)
