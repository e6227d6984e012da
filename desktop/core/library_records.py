"""The library's phrases and scenarios as the store writes them: one copy, the library's own objects.

The store used to keep every stored document next to the library's objects made from them (~18 MiB
at 10k phrases). Now the library holds the only copy; at each save the store takes the documents
from here (the dataclasses themselves, which the JSON writer turns into the same objects
``to_doc`` gives) and, for the start-up snapshot, rows of field values.
"""

from __future__ import annotations

import operator
from dataclasses import fields as dataclass_fields
from typing import Any, Generic, TypeVar

from desktop.core.snapshot import Rows

T = TypeVar("T")


class RecordTable(Generic[T]):
    """One table: ``records`` by their id, each with its document id in the file, plus the documents
    the library could not read, kept by document id and written back unchanged (a hand-edited file
    loses nothing by being opened and saved)."""

    def __init__(self, record_type: type[T], records: dict[str, T], doc_ids: dict[str, int]) -> None:
        self.record_type = record_type
        self.kind = record_type.__name__.lower()  # "phrase", "scenario": how a skipped one is reported
        self.fields: tuple[str, ...] = tuple(f.name for f in dataclass_fields(record_type))  # type: ignore[arg-type]
        self.records = records
        self.doc_ids = doc_ids
        self.kept: dict[str, Any] = {}
        self._values = operator.attrgetter(*self.fields)
        self._next_id = 1

    def keep(self, doc_id: int, doc: Any) -> None:
        self.kept[str(doc_id)] = doc

    def loaded(self) -> None:
        """Number new records after every document id in the file (as tinydb would)."""
        used = [*self.doc_ids.values(), *(int(k) for k in self.kept)]
        self._next_id = max(used, default=0) + 1

    def doc_id(self, record_id: str) -> int:
        """The record's document id, a new one for a new record."""
        doc_id = self.doc_ids.get(record_id)
        if doc_id is None:
            doc_id = self.doc_ids[record_id] = self._next_id
            self._next_id += 1
        return doc_id

    def documents(self) -> dict[str, Any]:
        """Every document of the table by document id, for the JSON file."""
        docs = dict(self.kept)
        doc_id = self.doc_id
        for record_id, record in self.records.items():
            docs[str(doc_id(record_id))] = record
        return docs

    def rows(self) -> Rows:
        """The table as rows of field values, for the snapshot."""
        values, doc_id = self._values, self.doc_id
        return self.fields, [(doc_id(rid), values(r)) for rid, r in self.records.items()], dict(self.kept)
