"""The small dialog that gives a reply its own hotkey; reserved combinations are refused in place."""

from __future__ import annotations

from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QKeySequenceEdit,
    QLabel,
    QVBoxLayout,
    QWidget,
)

from desktop.core.hotkey_spec import display_hotkey, normalise_hotkey, reserved_reason
from desktop.core.i18n import Translator
from desktop.core.model import Phrase

ERROR_STYLE = "color: #c5221f;"


class HotkeyDialog(QDialog):
    """``hotkey`` after OK: the canonical hotkey, or "" to remove it."""

    def __init__(self, tr: Translator, phrase: Phrase, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._tr = tr
        self._phrase = phrase
        self.hotkey = ""
        self.setWindowTitle(tr("hotkey.ask.title"))
        label = QLabel(tr("hotkey.ask.label", title=phrase.title), self)
        label.setWordWrap(True)
        self.edit = QKeySequenceEdit(self)
        self.edit.setMaximumSequenceLength(1)
        self.edit.setClearButtonEnabled(True)
        if phrase.hotkey:
            self.edit.setKeySequence(QKeySequence(display_hotkey(phrase.hotkey).replace("Win", "Meta")))
        self.error = QLabel(self)
        self.error.setStyleSheet(ERROR_STYLE)
        self.error.setWordWrap(True)
        self.error.hide()
        self.edit.keySequenceChanged.connect(lambda _: self.error.hide())
        ok_cancel = QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        buttons = QDialogButtonBox(ok_cancel, self)
        buttons.accepted.connect(self.try_accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(label)
        layout.addWidget(self.edit)
        layout.addWidget(self.error)
        layout.addWidget(buttons)

    def typed(self) -> str:
        """The combination in the edit, canonical ("" when empty or not a usable hotkey)."""
        text = self.edit.keySequence().toString(QKeySequence.SequenceFormat.PortableText)
        return (normalise_hotkey(text.replace("Meta", "Win")) or "") if text else ""

    def error_text(self) -> str:
        return self.error.text() if not self.error.isHidden() else ""

    def try_accept(self) -> bool:
        """Close with the hotkey, unless it is one the system or everyday programs use: then say
        what it does there and stay open (a reply keeps a reserved hotkey it already had)."""
        hotkey = self.typed()
        reason = reserved_reason(hotkey) if hotkey and hotkey != self._phrase.hotkey else None
        if reason is not None:
            self.error.setText(self._tr("phrase.hotkey.reserved", hotkey=display_hotkey(hotkey),
                                        reason_zh=reason[0], reason_en=reason[1]))
            self.error.show()
            return False
        self.hotkey = hotkey
        self.accept()
        return True


def ask_hotkey(parent: QWidget, tr: Translator, phrase: Phrase) -> str | None:
    """The new hotkey in canonical form, "" to remove it, None when cancelled."""
    dialog = HotkeyDialog(tr, phrase, parent)
    try:
        return dialog.hotkey if dialog.exec() == QDialog.DialogCode.Accepted else None
    finally:
        dialog.deleteLater()
