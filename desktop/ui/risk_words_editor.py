"""The table where staff add their own risk words (word, category, severity) for the settings dialog."""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableWidget,
    QVBoxLayout,
    QWidget,
)

from desktop.core.errors import QuickReplyError
from desktop.core.i18n import Translator
from desktop.core.risk_model import CATEGORIES, SEVERITIES
from desktop.core.risk_rules import check_word, expand_word
from desktop.ui.editor_strings import with_editor_strings

ERROR_STYLE = "color: #c5221f;"


def word_usable(word: str) -> bool:
    """Whether the checker can take this staff word (it refuses to start on one it cannot)."""

    def fail(entry: tuple[object, ...], problem: str, **params: object) -> QuickReplyError:
        return QuickReplyError(problem, **params)

    try:
        for variant in expand_word(word):
            check_word(variant, fail, ("extra", word))
    except (ValueError, QuickReplyError):
        return False
    return True


class RiskWordsEditor(QWidget):
    """Rows of (word, category, severity); blank rows are dropped, unusable words are named."""

    def __init__(self, tr: Translator, words: list[dict[str, str]], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._tr = with_editor_strings(tr)
        self.table = QTableWidget(0, 3)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.table.verticalHeader().hide()
        self.add_button = QPushButton()
        self.add_button.clicked.connect(lambda: self.add_row())
        self.remove_button = QPushButton()
        self.remove_button.clicked.connect(self.remove_selected)
        self.error = QLabel()
        self.error.setStyleSheet(ERROR_STYLE)
        self.error.setWordWrap(True)
        self.error.hide()
        buttons = QHBoxLayout()
        buttons.addWidget(self.add_button)
        buttons.addWidget(self.remove_button)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.table, 1)
        layout.addLayout(buttons)
        layout.addWidget(self.error)
        for entry in words:
            self.add_row(entry.get("word", ""), entry.get("category", "promise"),
                         entry.get("severity", "warn"))
        self.retranslate(self._tr)

    def _cell(self, row: int, column: int) -> Any:
        """The editor in a cell (0: QLineEdit, 1 and 2: QComboBox)."""
        return self.table.cellWidget(row, column)

    @staticmethod
    def _fill(combo: QComboBox, values: tuple[str, ...], names: list[str], current: str) -> None:
        combo.clear()
        for value, name in zip(values, names, strict=True):
            combo.addItem(name, value)
        combo.setCurrentIndex(max(0, combo.findData(current)))

    def _name_row(self, row: int, category: str, severity: str) -> None:
        t = self._tr
        self._fill(self._cell(row, 1), CATEGORIES, [t(f"finding.category.{c}") for c in CATEGORIES], category)
        self._fill(self._cell(row, 2), SEVERITIES, [t(f"finding.severity.{s}") for s in SEVERITIES], severity)

    def add_row(self, word: str = "", category: str = "promise", severity: str = "warn") -> int:
        row = self.table.rowCount()
        self.table.insertRow(row)
        self.table.setCellWidget(row, 0, QLineEdit(word))
        self.table.setCellWidget(row, 1, QComboBox())
        self.table.setCellWidget(row, 2, QComboBox())
        self._name_row(row, category, severity)
        return row

    def remove_selected(self) -> None:
        for row in sorted({i.row() for i in self.table.selectedIndexes()}, reverse=True):
            self.table.removeRow(row)

    def words(self) -> list[dict[str, str]]:
        out = []
        for row in range(self.table.rowCount()):
            word = self._cell(row, 0).text().strip()
            if word:  # a blank row is a row the person added and left: drop it
                out.append({"word": word, "category": self._cell(row, 1).currentData(),
                            "severity": self._cell(row, 2).currentData()})
        return out

    def check(self) -> bool:
        """Show the first unusable word under the table; True when every word can be used."""
        bad = [w["word"] for w in self.words() if not word_usable(w["word"])]
        self.error.setText(self._tr("settings.word_invalid", word=bad[0]) if bad else "")
        self.error.setVisible(bool(bad))
        return not bad

    def error_text(self) -> str:
        return self.error.text() if not self.error.isHidden() else ""

    def retranslate(self, tr: Translator) -> None:
        self._tr = t = with_editor_strings(tr)
        for row in range(self.table.rowCount()):
            self._name_row(row, self._cell(row, 1).currentData(), self._cell(row, 2).currentData())
        self.table.setHorizontalHeaderLabels([t(f"settings.extra_words.{k}")
                                              for k in ("word", "category", "severity")])
        self.add_button.setText(t("settings.extra_words.add"))
        self.remove_button.setText(t("settings.extra_words.remove"))
        if not self.error.isHidden():
            self.check()
