"""The library's phrases and scenarios as the store writes them: one copy, the library's own objects.

The store used to keep every stored document next to the library's objects made from them (~18 MiB
at 10k phrases). Now the library holds the only copy; at each save the store takes the documents
from here (the dataclasses themselves, which the JSON writer turns into the same objects
``to_doc`` gives) and, for the start-up snapshot, rows of field values.
"""

from __future__ import annotations

import operator
from collections.abc import Sequence
from dataclasses import fields as dataclass_fields
from itertools import chain
from typing import Any, Generic, TypeVar

from desktop.core.snapshot import Rows

T = TypeVar("T")


class RecordTable(Generic[T]):
    """One table: ``records`` by their id, each with its document id in the file, plus the documents
    the library could not read, kept by document id and written back unchanged (a hand-edited file
    loses nothing by being opened and saved)."""

    def __init__(self, record_type: type[T], records: dict[str, T], doc_ids: dict[str, int], *,
                 repeated: tuple[str, ...] = ()) -> None:
        self.record_type = record_type
        self.kind = record_type.__name__.lower()  # "phrase", "scenario": how a skipped one is reported
        self.fields: tuple[str, ...] = tuple(f.name for f in dataclass_fields(record_type))  # type: ignore[arg-type]
        self.records = records
        self.doc_ids = doc_ids
        self.kept: dict[str, Any] = {}
        self._values = operator.attrgetter(*self.fields)
        # Fields whose values recur from record to record (a scenario id, a time stamp, tags).
        self._repeated = [self.fields.index(name) for name in repeated]
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
        """The table as rows of field values, for the snapshot. Equal values of the ``repeated``
        fields are given as one object (``shared``), which ``marshal`` then writes once: a start
        from the snapshot makes one string for a scenario id that 10k phrases name, not 10k."""
        values = [self._values(r) for r in self.records.values()]
        if values and self._repeated:
            columns: list[Sequence[Any]] = list(zip(*values, strict=True))
            for i in self._repeated:
                columns[i] = shared(columns[i])
            values = list(zip(*columns, strict=True))
        doc_ids = map(self.doc_id, self.records)
        return self.fields, list(zip(doc_ids, values, strict=True)), dict(self.kept)


_PLAIN = frozenset({str, type(None)})
_REAL = frozenset({float, type(None)})


def shared(column: Sequence[Any]) -> Sequence[Any]:
    """``column`` with equal strings (or floats) as one object, also inside lists of strings.

    Values of other types are left as they are; so is a column that mixes numbers of several types,
    where equal values can differ in type (1 == 1.0 == True)."""
    kinds = set(map(type, column))
    if kinds <= _PLAIN or kinds <= _REAL:
        memo: dict[Any, Any] = {}
        return list(map(memo.setdefault, column, column))
    if kinds == {list} and set(map(type, chain.from_iterable(column))) <= _PLAIN:
        memo = {}
        return [list(map(memo.setdefault, v, v)) for v in column]
    return column
