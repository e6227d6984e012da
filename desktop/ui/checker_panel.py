"""Paste a buyer's message or a draft and see what is risky in it, with a safe reply one click away."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, Protocol

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from desktop.core.errors import QuickReplyError
from desktop.core.i18n import Translator
from desktop.core.library import PhraseLibrary
from desktop.core.model import Phrase
from desktop.core.risk_model import group_findings
from desktop.ui.editor_strings import advice_text, describe, with_editor_strings
from desktop.ui.risk_highlighter import BLOCK_COLOUR, CHECK_LIMIT, WARN_COLOUR, RiskChecker, RiskTextEdit

DEBOUNCE_MS = 150
PASTE_LIMIT = 50_000  # a buyer's message can be long; only the first CHECK_LIMIT is checked
MAX_CARDS = 30  # the same word found many times is one card with a count


class TextClipboard(Protocol):
    def set_text(self, text: str) -> None: ...

    def text(self) -> str: ...


class CheckerPanel(QWidget):
    """Findings are listed in the UI language; each with a suggested phrase gets a copy button."""

    suggestionCopied = Signal(object)  # the Phrase whose text was copied
    checked = Signal()  # the list now matches the text

    def __init__(self, checker: RiskChecker, library: PhraseLibrary, tr: Translator,
                 clipboard: TextClipboard, parent: QWidget | None = None, *,
                 copy_phrase: Callable[[Phrase], object] | None = None) -> None:
        """``copy_phrase``, when given, copies a suggested reply the way the window does
        (placeholders filled, use counted); without it the phrase's text is copied as written."""
        super().__init__(parent)
        self._library = library
        self._clipboard = clipboard
        self._copy_phrase = copy_phrase
        self._tr = with_editor_strings(tr)
        self._note = ""
        self.findings: list[Any] = []
        self.suggest_buttons: list[QPushButton] = []
        self._hidden_groups = 0

        self.input = RiskTextEdit(checker, self._tr, paste_limit=PASTE_LIMIT)
        self.input.setMinimumHeight(110)
        self.input.pasteRefused.connect(self._paste_refused)
        self.paste_button = QPushButton()
        self.paste_button.clicked.connect(self.check_clipboard)
        self.clear_button = QPushButton()
        self.clear_button.clicked.connect(self.clear)
        self.status = QLabel()
        self.status.setWordWrap(True)
        self.list_host = QWidget()
        self.list_layout = QVBoxLayout(self.list_host)
        self.list_layout.setContentsMargins(0, 0, 0, 0)
        self.list_layout.setSpacing(6)
        self.list_layout.addStretch(1)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setWidget(self.list_host)

        buttons = QHBoxLayout()
        buttons.addWidget(self.paste_button)
        buttons.addWidget(self.clear_button)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addWidget(self.input, 2)
        layout.addLayout(buttons)
        layout.addWidget(self.status)
        layout.addWidget(scroll, 3)

        # Checking waits for a pause in typing so the list does not jump on every key.
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(DEBOUNCE_MS)
        self._timer.timeout.connect(self.refresh)
        self.input.textChanged.connect(self._timer.start)
        self.retranslate(self._tr)

    # -- actions ---------------------------------------------------------------------------------

    def set_text(self, text: str) -> None:
        if self.input.set_text_checked(text):
            self.refresh()

    def check_clipboard(self) -> None:
        try:
            text = self._clipboard.text()
        except QuickReplyError as exc:
            self.status.setText(exc.message(self._tr))
            return
        self.set_text(text)

    def clear(self) -> None:
        self._note = ""
        self.input.clear()
        self.refresh()

    def copy_suggestion(self, code: str) -> Phrase | None:
        phrase = self._library.find_code(code)
        if phrase is None:
            self.status.setText(self._tr("checker.suggest_missing", code=code))
            return None
        try:
            if self._copy_phrase is not None:
                self._copy_phrase(phrase)
            else:
                self._clipboard.set_text(phrase.text)
        except QuickReplyError as exc:
            self.status.setText(exc.message(self._tr))
            return None
        self.status.setText(self._tr("checker.copied", title=phrase.title))
        self.suggestionCopied.emit(phrase)
        return phrase

    def _paste_refused(self, length: int) -> None:
        self._note = self._tr("finding.paste_refused", length=length, limit=PASTE_LIMIT)
        self.status.setText(self._note)

    # -- the list --------------------------------------------------------------------------------

    def refresh(self) -> None:
        """Bring the findings list up to date with the text now (the timer calls this)."""
        self._timer.stop()
        self.input.highlighter.ensure_current()
        self.findings = list(self.input.highlighter.findings)
        self._note = ""
        self._rebuild()
        self.checked.emit()

    def _rebuild(self) -> None:
        while self.list_layout.count() > 1:
            item = self.list_layout.takeAt(0)
            widget = item.widget() if item is not None else None
            if widget is not None:
                widget.deleteLater()
        self.suggest_buttons = []
        groups = group_findings(self.findings)
        for i, group in enumerate(groups[:MAX_CARDS]):
            self.list_layout.insertWidget(i, self._card(group.first, group.count))
        self._hidden_groups = max(0, len(groups) - MAX_CARDS)
        self._update_status()

    def _update_status(self) -> None:
        t = self._tr
        if self._note:
            text = self._note
        elif not self.input.toPlainText().strip():
            text = t("checker.empty")
        elif not self.findings:
            text = t("checker.clean")
        else:
            text = t("checker.count", count=len(self.findings))
        if self._hidden_groups:
            text += " " + t("checker.more", count=self._hidden_groups)
        if self.input.highlighter.truncated:
            text += " " + t("checker.truncated", limit=CHECK_LIMIT)
        self.status.setText(text)

    def _card(self, finding: Any, count: int = 1) -> QFrame:
        card = QFrame()
        card.setObjectName("finding")
        colour = BLOCK_COLOUR if getattr(finding, "severity", "") == "block" else WARN_COLOUR
        card.setStyleSheet(f"QFrame#finding {{ border-left: 4px solid {colour.name()};"
                           " background: palette(base); padding: 4px; }")
        category, severity = describe(finding, self._tr)
        head = QLabel(f"<b style='color:{colour.name()}'>{severity}</b> · {category} · "
                      f"“<b>{_escape(str(getattr(finding, 'match', '')))}</b>”"
                      + (f" × {count}" if count > 1 else ""))
        advice = QLabel(advice_text(finding, self._tr.locale))
        advice.setWordWrap(True)
        box = QVBoxLayout(card)
        box.setContentsMargins(8, 4, 4, 4)
        box.setSpacing(2)
        box.addWidget(head)
        box.addWidget(advice)
        code = getattr(finding, "suggest", None)
        if code:
            button = QPushButton(self._tr("checker.copy_suggest"))
            button.setProperty("suggest", code)
            phrase = self._library.find_code(code)
            if phrase is None:
                button.setEnabled(False)
                button.setToolTip(self._tr("checker.suggest_missing", code=code))
            else:
                button.setToolTip(phrase.text)
            button.clicked.connect(lambda _=False, c=code: self.copy_suggestion(c))
            row = QHBoxLayout()
            row.addStretch(1)
            row.addWidget(button, 0, Qt.AlignmentFlag.AlignRight)
            box.addLayout(row)
            self.suggest_buttons.append(button)
        return card

    # -- language --------------------------------------------------------------------------------

    def retranslate(self, tr: Translator) -> None:
        self._tr = with_editor_strings(tr)
        self.input.retranslate(self._tr)
        self.input.setPlaceholderText(self._tr("checker.placeholder"))
        self.paste_button.setText(self._tr("checker.paste"))
        self.clear_button.setText(self._tr("checker.clear"))
        self.setWindowTitle(self._tr("checker.title"))
        self._rebuild()


def _escape(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
