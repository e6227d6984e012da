"""Many phrases at once (imports, restores, undo): the batch edits of the phrase library.

One save per call, however many phrases: a save per phrase would be quadratic (each save writes
the whole file).
"""

from __future__ import annotations

import contextlib
from collections.abc import Callable, Iterable
from dataclasses import replace
from typing import TYPE_CHECKING

from desktop.core.errors import FieldError, ValidationFailed
from desktop.core.model import Phrase
from desktop.core.trash import Trash

if TYPE_CHECKING:
    from desktop.core.library import SearchKeyer
    from desktop.core.store import Store

PHRASES = "phrases"


class BatchEdits:
    """``add_phrases``, ``replace_phrases`` and ``remove_phrases`` of PhraseLibrary, kept apart for size.

    The state and the single-phrase rules they use are PhraseLibrary's, declared here for the type checker.
    """

    _store: Store
    _trash: Trash
    _keyer: SearchKeyer
    _clock: Callable[[], float]
    _new_id: Callable[[], str]
    _phrases: dict[str, Phrase]
    _doc_ids: dict[str, int]
    _by_code: dict[str, str]

    if TYPE_CHECKING:
        def _validated(self, p: Phrase, *, current: str | None) -> Phrase: ...

        def _telling(self, kind: str, ids: Iterable[str] | None = None
                     ) -> contextlib.AbstractContextManager[list[str]]: ...

        def phrase(self, phrase_id: str) -> Phrase: ...

    def add_phrases(self, phrases: Iterable[Phrase], *,
                    progress: Callable[[int, int], None] | None = None) -> list[Phrase]:
        """Add many phrases in one write; every one is checked first and nothing is written on error.

        Given ids (restores) are kept when free; ``created``/``updated`` of 0 become now; ``uses``,
        ``pinned``, ``last_used`` and ``source`` are kept as given. The library takes the given
        objects over (copying 100k drafts costs a second), so pass fresh ones. ``progress(done,
        total)`` is called while the search keys are made, the slow part of a large import.
        """
        now = self._clock()
        ready: list[Phrase] = []
        codes: set[str] = set()
        hotkeys = {p.hotkey for p in self._phrases.values() if p.hotkey}
        for p in phrases:
            if not p.id or p.id in self._phrases:
                p.id = self._new_id()
            self._validated(p, current=None)
            if p.code in codes:
                raise ValidationFailed([FieldError("code", "phrase.code.duplicate", code=p.code,
                                                   other=p.code)])
            if p.hotkey and p.hotkey in hotkeys:
                raise ValidationFailed([FieldError("hotkey", "phrase.hotkey.duplicate", hotkey=p.hotkey,
                                                   other=p.title)])
            codes.add(p.code)
            if p.hotkey:
                hotkeys.add(p.hotkey)
            p.created = p.created or now
            p.updated = p.updated or now
            ready.append(p)
        next_order: dict[str, int] = {}
        for q in self._phrases.values():
            next_order[q.scenario] = max(next_order.get(q.scenario, 0), q.order + 1)
        total = len(ready)
        for done, p in enumerate(ready, 1):
            p.order = next_order.get(p.scenario, 0)
            next_order[p.scenario] = p.order + 1
            p.search_key = self._keyer.phrase_key(p)
            if progress is not None and done % 500 == 0:
                progress(done, total)
        if not ready:
            return []
        for p in ready:
            self._phrases[p.id] = p
            self._by_code[p.code] = p.id
        with self._telling("added", [p.id for p in ready]):
            self._store.changed()  # the store writes the library's phrases (library_records.py)
        return ready

    def replace_phrases(self, phrases: Iterable[Phrase], *, touch: bool = True) -> list[Phrase]:
        """Write new versions of existing phrases (matched by id) in one write; all are checked first.

        ``touch`` sets ``updated`` to now; without it the given versions are written as they are
        (undoing an import puts the earlier versions back exactly).
        """
        now = self._clock()
        ready: list[Phrase] = []
        for p in phrases:
            old = self.phrase(p.id)
            p = replace(p, tags=list(p.tags), search_key=dict(p.search_key))
            self._validated(p, current=p.id)
            if (p.title, p.text, p.tags) != (old.title, old.text, old.tags) or not p.search_key:
                p.search_key = self._keyer.phrase_key(p)
            if touch:
                p.updated = now
            ready.append(p)
        seen_codes: dict[str, str] = {}
        for p in ready:
            other = seen_codes.get(p.code)
            if other is not None and other != p.id:
                raise ValidationFailed([FieldError("code", "phrase.code.duplicate", code=p.code,
                                                   other=p.title)])
            seen_codes[p.code] = p.id
        if not ready:
            return []
        for p in ready:
            old = self._phrases[p.id]
            if self._by_code.get(old.code) == p.id:
                del self._by_code[old.code]
        for p in ready:
            self._phrases[p.id] = p
            self._by_code[p.code] = p.id
        with self._telling("updated", [p.id for p in ready]):
            self._store.changed()
        return ready

    def remove_phrases(self, phrase_ids: Iterable[str], *, to_trash: bool = True) -> list[Phrase]:
        """Remove many phrases in one write (into the trash unless ``to_trash`` is False)."""
        gone = [self.phrase(pid) for pid in dict.fromkeys(phrase_ids)]
        if not gone:
            return []
        now = self._clock()
        with self._telling("removed") as removed, self._store.deferred():
            if to_trash:
                self._trash.put(gone, now)
            for p in gone:
                del self._phrases[p.id]
                self._doc_ids.pop(p.id, None)  # none yet if never saved
                if self._by_code.get(p.code) == p.id:
                    del self._by_code[p.code]
                removed.append(p.id)
            self._store.changed()
        return gone
