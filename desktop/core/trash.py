"""The trash: deleted phrases kept in a table of the library file until restored or emptied."""

from __future__ import annotations

import contextlib
from collections.abc import Sequence
from dataclasses import dataclass

from desktop.core.errors import NotFound
from desktop.core.model import Phrase
from desktop.core.store import Store

TRASH = "trash"


@dataclass(frozen=True)
class Trashed:
    phrase: Phrase
    deleted: float


class Trash:
    """Reads and writes the trash table. What a restored phrase must give up (a code or hotkey taken
    meanwhile, a scenario deleted) is the library's business, not the trash's."""

    def __init__(self, store: Store) -> None:
        self._store = store

    def put(self, phrases: Sequence[Phrase], deleted: float) -> None:
        """Keep copies of ``phrases`` as deleted at ``deleted`` (one table write)."""
        docs = [{"phrase": p.to_doc(), "deleted": deleted} for p in phrases]
        self._store.table(TRASH).insert_multiple(docs)

    def items(self) -> list[Trashed]:
        """Newest first; a damaged entry is left out rather than failing the whole list."""
        out = []
        for doc in self._store.table(TRASH).all():
            with contextlib.suppress(KeyError, TypeError, ValueError):
                out.append(Trashed(Phrase.from_doc(doc["phrase"]), float(doc["deleted"])))
        return sorted(out, key=lambda t: -t.deleted)

    def newest(self, phrase_id: str) -> tuple[Phrase, int]:
        """The most recently deleted copy of a phrase and its entry's id (for ``discard``)."""
        found = [d for d in self._store.table(TRASH).all() if d.get("phrase", {}).get("id") == phrase_id]
        if not found:
            raise NotFound("phrase.not_found", what=phrase_id)
        doc = max(found, key=lambda d: float(d.get("deleted", 0)))
        return Phrase.from_doc(doc["phrase"]), doc.doc_id

    def discard(self, entry: int) -> None:
        self._store.table(TRASH).remove(doc_ids=[entry])

    def empty(self) -> int:
        """Delete every entry; returns how many there were."""
        table = self._store.table(TRASH)
        n = len(table)
        if n:
            table.truncate()
        return n
