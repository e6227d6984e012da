"""A thin line at the top of the window for problems the user should know about (hotkeys, recovery)."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QToolButton, QWidget

from desktop.core.i18n import Translator


class Banner(QFrame):
    """Keeps one message per topic ("hotkeys", "store", …) so a fix for one does not hide another."""

    def __init__(self, tr: Translator, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("banner")
        self._messages: dict[str, tuple[str, str]] = {}
        self.label = QLabel(self)
        self.label.setWordWrap(True)
        self.label.setTextFormat(Qt.TextFormat.PlainText)
        self._close = QToolButton(self)
        self._close.setText("×")
        self._close.setAutoRaise(True)
        self._close.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self._close.clicked.connect(self.dismiss)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(10, 5, 4, 5)
        layout.addWidget(self.label, 1)
        layout.addWidget(self._close, 0, Qt.AlignmentFlag.AlignTop)
        self.setStyleSheet(
            "QFrame#banner { background: rgba(227, 116, 0, 40); border: 1px solid rgba(227, 116, 0, 110);"
            " border-radius: 6px; }"
        )
        self.retranslate(tr)
        self.hide()

    def set_message(self, topic: str, text: str, detail: str = "") -> None:
        if text:
            self._messages[topic] = (text, detail)
        else:
            self._messages.pop(topic, None)
        self._update()

    def text(self) -> str:
        return self.label.text()

    def dismiss(self) -> None:
        self._messages.clear()
        self._update()

    def _update(self) -> None:
        self.label.setText("\n".join(text for text, _ in self._messages.values()))
        self.label.setToolTip("\n".join(detail for _, detail in self._messages.values() if detail))
        self.setVisible(bool(self._messages))

    def retranslate(self, tr: Translator) -> None:
        self._close.setToolTip(tr("banner.close"))
