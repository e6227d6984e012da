"""The list model behind the quick window: the phrases on show, with preview, badges and risk."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from enum import IntEnum
from typing import Any, Protocol

from PySide6.QtCore import QAbstractListModel, QByteArray, QModelIndex, QPersistentModelIndex, Qt

from desktop.core.hotkey_spec import display_hotkey
from desktop.core.model import Phrase

Index = QModelIndex | QPersistentModelIndex
NUMBERED = 9  # rows 1–9 carry a number badge: Alt+1 … Alt+9 copy them


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


class PhraseModel(QAbstractListModel):
    """Rows are Phrase objects; risk is checked once per phrase text and remembered."""

    def __init__(self, risk_check: RiskCheck | None = None, parent: Any = None) -> None:
        super().__init__(parent)
        self._rows: list[Phrase] = []
        self._risk_check = risk_check
        self._risk_cache: dict[str, tuple[str, str, list[str]]] = {}  # id -> (text, severity, words)
        # Set by the window: the tooltip line naming the risky words, in the UI language.
        self.risk_note: Callable[[str], str] = lambda words: words

    # -- content ---------------------------------------------------------------------------------

    def set_phrases(self, phrases: Sequence[Phrase]) -> None:
        self.beginResetModel()
        self._rows = list(phrases)
        self.endResetModel()

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
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable | Qt.ItemFlag.ItemNeverHasChildren

    def roleNames(self) -> dict[int, QByteArray]:
        names = dict(super().roleNames())
        names.update({r.value: QByteArray(r.name.lower().encode()) for r in Role})
        return names
