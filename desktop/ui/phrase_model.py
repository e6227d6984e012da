"""The list model behind the quick window: the phrases on show, with preview, badges, risk and
drag-and-drop reordering."""

from __future__ import annotations

import json
from collections.abc import Callable, Sequence
from enum import IntEnum
from typing import Any, Protocol

from PySide6.QtCore import (
    QAbstractListModel,
    QByteArray,
    QMimeData,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
    Signal,
)

from desktop.core.hotkey_spec import display_hotkey
from desktop.core.model import Phrase

Index = QModelIndex | QPersistentModelIndex
NUMBERED = 9  # rows 1–9 carry a number badge: Alt+1 … Alt+9 copy them
# Dragged replies travel as {"scenario": id or "", "ids": [...]}; only this app reads it.
PHRASE_MIME = "application/x-quickreply-phrases"


class Role(IntEnum):
    PHRASE = Qt.ItemDataRole.UserRole + 1
    PREVIEW = Qt.ItemDataRole.UserRole + 2
    CODE = Qt.ItemDataRole.UserRole + 3
    HOTKEY = Qt.ItemDataRole.UserRole + 4
    RISK = Qt.ItemDataRole.UserRole + 5  # "block", "warn" or ""
    RISK_WORDS = Qt.ItemDataRole.UserRole + 6  # the risky words found, for the tooltip
    NUMBER = Qt.ItemDataRole.UserRole + 7  # 1–9, or 0 past the ninth row
    PINNED = Qt.ItemDataRole.UserRole + 8


class RiskFinding(Protocol):
    severity: str
    match: str


RiskCheck = Callable[[str], Sequence[RiskFinding]]


def one_line(text: str, width: int = 120) -> str:
    flat = " ".join(text.split())
    return flat if len(flat) <= width else flat[: width - 1] + "…"


def phrase_mime(scenario: str | None, ids: Sequence[str]) -> QMimeData:
    """The drag payload for these replies, listed in ``scenario`` (None outside a real scenario)."""
    data = QMimeData()
    data.setData(PHRASE_MIME, QByteArray(json.dumps({"scenario": scenario or "", "ids": list(ids)}).encode()))
    return data


def read_phrase_mime(data: QMimeData | None) -> tuple[str, list[str]] | None:
    """(scenario, ids) from a drag payload, or None when it carries no replies of ours."""
    if data is None or not data.hasFormat(PHRASE_MIME):
        return None
    try:
        doc = json.loads(bytes(data.data(PHRASE_MIME).data()).decode())
        ids = [str(i) for i in doc["ids"]]
        return str(doc.get("scenario") or ""), ids
    except (ValueError, KeyError, TypeError):
        return None


class PhraseModel(QAbstractListModel):
    """Rows are Phrase objects; risk is checked once per phrase text and remembered.

    When the rows are a real scenario in its own order (no query), they can be dragged to a new
    place; ``reordered(scenario, ids)`` then asks for that order to be kept. In virtual views and
    search results the order is computed, so nothing can be dragged there.
    """

    reordered = Signal(str, list)

    def __init__(self, risk_check: RiskCheck | None = None, parent: Any = None) -> None:
        super().__init__(parent)
        self._rows: list[Phrase] = []
        self._scenario: str | None = None  # set while the rows are that scenario in its order
        self._risk_check = risk_check
        self._risk_cache: dict[str, tuple[str, str, list[str]]] = {}  # id -> (text, severity, words)
        # Set by the window: the tooltip line naming the risky words, in the UI language.
        self.risk_note: Callable[[str], str] = lambda words: words

    # -- content ---------------------------------------------------------------------------------

    def set_phrases(self, phrases: Sequence[Phrase], *, scenario: str | None = None) -> None:
        """Show ``phrases``; with ``scenario``, they are all of it in its order and may be reordered."""
        self.beginResetModel()
        self._rows = list(phrases)
        self._scenario = scenario
        self.endResetModel()

    def reorderable(self) -> bool:
        """True while the rows are a scenario in its own order, so they may be dragged."""
        return self._scenario is not None

    def phrases(self) -> list[Phrase]:
        return list(self._rows)

    def phrase_at(self, row: int) -> Phrase | None:
        return self._rows[row] if 0 <= row < len(self._rows) else None

    def row_of(self, phrase_id: str) -> int:
        for i, p in enumerate(self._rows):
            if p.id == phrase_id:
                return i
        return -1

    def replace_phrase(self, phrase: Phrase) -> None:
        """A phrase on show changed (edited, pinned, used): repaint its row."""
        row = self.row_of(phrase.id)
        if row >= 0:
            self._rows[row] = phrase
            idx = self.index(row, 0)
            self.dataChanged.emit(idx, idx)

    # -- reordering ------------------------------------------------------------------------------

    def move_ids(self, ids: Sequence[str], row: int) -> bool:
        """Put the rows of ``ids`` before row ``row`` (-1: at the end), keeping pinned replies first.

        Emits ``reordered`` and returns True when the order changed."""
        if self._scenario is None:
            return False
        chosen = set(ids)
        moving = [p for p in self._rows if p.id in chosen]
        if not moving:
            return False
        row = len(self._rows) if row < 0 else min(row, len(self._rows))
        rest = [p for p in self._rows if p.id not in chosen]
        at = row - sum(1 for p in self._rows[:row] if p.id in chosen)
        # Pinned replies are always listed first, so a row cannot leave its group (stable sort).
        new_rows = sorted([*rest[:at], *moving, *rest[at:]], key=lambda p: not p.pinned)
        if [p.id for p in new_rows] == [p.id for p in self._rows]:
            return False
        self._set_order(new_rows)
        self.reordered.emit(self._scenario, [p.id for p in new_rows])
        return True

    def move_row(self, row: int, step: int) -> bool:
        """One place up (step -1) or down (+1): the keyboard's way of dragging a row."""
        p = self.phrase_at(row)
        if p is None or step == 0:
            return False
        target = row + step + (1 if step > 0 else 0)
        return target >= 0 and self.move_ids([p.id], target)

    def _set_order(self, new_rows: list[Phrase]) -> None:
        """Same rows, new order: a layout change, so the selection follows the moved rows."""
        self.layoutAboutToBeChanged.emit()
        where = {p.id: i for i, p in enumerate(new_rows)}
        old = self.persistentIndexList()
        targets = [where[self._rows[i.row()].id] if i.isValid() else -1 for i in old]
        self._rows = new_rows
        self.changePersistentIndexList(old, [self.index(t, 0) if t >= 0 else QModelIndex() for t in targets])
        self.layoutChanged.emit()

    def set_risk_check(self, risk_check: RiskCheck | None) -> None:
        self._risk_check = risk_check
        self._risk_cache.clear()
        if self._rows:
            self.dataChanged.emit(self.index(0, 0), self.index(len(self._rows) - 1, 0))

    def risk_of(self, phrase: Phrase) -> tuple[str, list[str]]:
        """The worst severity found in the phrase text ("block", "warn" or "") and the words."""
        if self._risk_check is None:
            return "", []
        cached = self._risk_cache.get(phrase.id)
        if cached is not None and cached[0] == phrase.text:
            return cached[1], cached[2]
        findings = self._risk_check(phrase.text)
        severities = {f.severity for f in findings}
        severity = "block" if "block" in severities else "warn" if "warn" in severities else ""
        words: list[str] = []
        for f in findings:
            if f.match not in words:
                words.append(f.match)
        self._risk_cache[phrase.id] = (phrase.text, severity, words)
        return severity, words

    # -- Qt model API ----------------------------------------------------------------------------

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 - Qt's signature
        return 0 if parent.isValid() else len(self._rows)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        p = self._rows[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            return p.title
        if role == Qt.ItemDataRole.ToolTipRole:
            words = self.risk_of(p)[1]
            return f"{p.text}\n\n{self.risk_note('、'.join(words))}" if words else p.text
        if role == Qt.ItemDataRole.AccessibleTextRole:
            return f"{p.title}: {p.text}"
        if role == Role.PHRASE:
            return p
        if role == Role.PREVIEW:
            return one_line(p.text)
        if role == Role.CODE:
            return p.code
        if role == Role.HOTKEY:
            return display_hotkey(p.hotkey) if p.hotkey else ""
        if role == Role.RISK:
            return self.risk_of(p)[0]
        if role == Role.RISK_WORDS:
            return "、".join(self.risk_of(p)[1])
        if role == Role.NUMBER:
            return index.row() + 1 if index.row() < NUMBERED else 0
        if role == Role.PINNED:
            return p.pinned
        return None

    def flags(self, index: Index) -> Qt.ItemFlag:
        # Drops land between rows (the list itself takes them), never onto a row.
        if not index.isValid():
            return Qt.ItemFlag.ItemIsDropEnabled if self.reorderable() else Qt.ItemFlag.NoItemFlags
        flags = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable | Qt.ItemFlag.ItemNeverHasChildren
        if self.reorderable():
            flags |= Qt.ItemFlag.ItemIsDragEnabled
        return flags

    def supportedDragActions(self) -> Qt.DropAction:
        return Qt.DropAction.MoveAction

    def supportedDropActions(self) -> Qt.DropAction:
        return Qt.DropAction.MoveAction

    def mimeTypes(self) -> list[str]:
        return [PHRASE_MIME]

    def mimeData(self, indexes: Sequence[QModelIndex]) -> QMimeData:
        rows = sorted({i.row() for i in indexes if i.isValid() and 0 <= i.row() < len(self._rows)})
        return phrase_mime(self._scenario, [self._rows[r].id for r in rows])

    def canDropMimeData(self, data: QMimeData, action: Qt.DropAction, row: int, column: int,
                        parent: Index) -> bool:
        payload = read_phrase_mime(data)
        if payload is None or self._scenario is None or action != Qt.DropAction.MoveAction:
            return False
        scenario, ids = payload
        shown = {p.id for p in self._rows}
        return scenario == self._scenario and bool(ids) and all(i in shown for i in ids)

    def dropMimeData(self, data: QMimeData, action: Qt.DropAction, row: int, column: int,
                     parent: Index) -> bool:
        if action == Qt.DropAction.IgnoreAction:
            return True
        if not self.canDropMimeData(data, action, row, column, parent):
            return False
        if parent.isValid():  # dropped onto a row: it takes that row's place
            row = parent.row()
        payload = read_phrase_mime(data)
        assert payload is not None
        return self.move_ids(payload[1], row)

    def roleNames(self) -> dict[int, QByteArray]:
        names = dict(super().roleNames())
        names.update({r.value: QByteArray(r.name.lower().encode()) for r in Role})
        return names
