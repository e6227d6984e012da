"""The team phrases as a read-only, in-memory library, so the ordinary search index can search them."""

from __future__ import annotations

from collections.abc import Callable, Iterable

from desktop.core.errors import NotFound
from desktop.core.library import Change, Listener
from desktop.core.model import Phrase, Scenario


class TeamPhrases:
    """Offers the reading half of ``PhraseLibrary`` (what ``SearchIndex`` uses) over the team pack.

    ``replace`` swaps the whole set after a refresh and tells listeners with a ``reset`` change,
    which makes a search index rebuild itself.
    """

    def __init__(self, scenarios: Iterable[Scenario] = (), phrases: Iterable[Phrase] = ()) -> None:
        self._listeners: list[Listener] = []
        self._scenarios: list[Scenario] = []
        self._phrases: dict[str, Phrase] = {}
        self._set(scenarios, phrases)

    def _set(self, scenarios: Iterable[Scenario], phrases: Iterable[Phrase]) -> None:
        self._scenarios = list(scenarios)
        self._phrases = {p.id: p for p in phrases}

    def replace(self, scenarios: Iterable[Scenario], phrases: Iterable[Phrase]) -> None:
        self._set(scenarios, phrases)
        for listener in list(self._listeners):
            listener(Change("reset"))

    def subscribe(self, listener: Listener) -> Callable[[], None]:
        self._listeners.append(listener)
        return lambda: self._listeners.remove(listener)

    def scenarios(self) -> list[Scenario]:
        return list(self._scenarios)

    def scenario(self, key: str) -> Scenario:
        folded = key.strip().casefold()
        for s in self._scenarios:
            if s.id == key or s.name.casefold() == folded:
                return s
        raise NotFound("scenario.not_found", what=key)

    def phrases(self, scenario: str | None = None) -> list[Phrase]:
        """In pack order: scenario by scenario, each scenario's phrases in their order."""
        rank = {s.id: i for i, s in enumerate(self._scenarios)}
        items = list(self._phrases.values())
        if scenario is not None:
            sid = self.scenario(scenario).id
            items = [p for p in items if p.scenario == sid]
        return sorted(items, key=lambda p: (rank.get(p.scenario, 1 << 30), p.order))

    def phrase(self, phrase_id: str) -> Phrase:
        try:
            return self._phrases[phrase_id]
        except KeyError:
            raise NotFound("phrase.not_found", what=phrase_id) from None

    def __len__(self) -> int:
        return len(self._phrases)
