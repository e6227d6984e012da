"""The inline form that asks for {?name} fields (an order number, a date) before a reply is copied."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QFormLayout,
    QFrame,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from desktop.core.i18n import Translator
from desktop.ui.search_box import ImeSafeLineEdit


class PlaceholderForm(QFrame):
    """One line edit per field. Enter moves on, and on the last field confirms; Esc (the window's
    shortcut) cancels. ``answered`` carries {field: value}."""

    answered = Signal(dict)
    cancelled = Signal()

    def __init__(self, tr: Translator, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("placeholderForm")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self._tr = tr
        self._title = ""
        self.edits: dict[str, ImeSafeLineEdit] = {}
        self._heading = QLabel(self)
        self._heading.setWordWrap(True)
        self._form = QFormLayout()
        self._form.setContentsMargins(0, 0, 0, 0)
        self._hint = QLabel(self)
        self._hint.setEnabled(False)  # drawn muted by the style
        self._ok = QPushButton(self)
        self._ok.setDefault(False)
        self._ok.clicked.connect(self.confirm)
        self._cancel = QPushButton(self)
        self._cancel.clicked.connect(self.cancel)
        buttons = QHBoxLayout()
        buttons.addWidget(self._hint, 1)
        buttons.addWidget(self._cancel)
        buttons.addWidget(self._ok)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(10, 8, 10, 8)
        layout.setSpacing(6)
        layout.addWidget(self._heading)
        layout.addLayout(self._form)
        layout.addLayout(buttons)
        self.retranslate(tr)
        self.hide()

    def ask(self, title: str, fields: list[str]) -> None:
        while self._form.rowCount():
            self._form.removeRow(0)
        self.edits = {}
        self._title = title
        for name in fields:
            edit = ImeSafeLineEdit(self)
            edit.setObjectName(f"field:{name}")
            edit.confirmed.connect(lambda n=name: self._on_enter(n))
            self._form.addRow(QLabel(name, self), edit)
            self.edits[name] = edit
        self.retranslate(self._tr)
        self.show()
        if fields:
            self.edits[fields[0]].setFocus(Qt.FocusReason.OtherFocusReason)

    def values(self) -> dict[str, str]:
        return {name: edit.text().strip() for name, edit in self.edits.items()}

    def _on_enter(self, name: str) -> None:
        names = list(self.edits)
        position = names.index(name)
        if position + 1 < len(names):
            self.edits[names[position + 1]].setFocus(Qt.FocusReason.TabFocusReason)
        else:
            self.confirm()

    def confirm(self) -> None:
        values = self.values()
        missing = [n for n, v in values.items() if not v]
        if missing:
            # An empty answer would copy "{?订单号}" to the buyer; stay on the first empty field.
            self.edits[missing[0]].setFocus(Qt.FocusReason.OtherFocusReason)
            return
        self.hide()
        self.answered.emit(values)

    def cancel(self) -> None:
        if self.isVisible():
            self.hide()
            self.cancelled.emit()

    def retranslate(self, tr: Translator) -> None:
        self._tr = tr
        self._heading.setText(tr("form.title", title=self._title))
        self._hint.setText(tr("form.hint"))
        self._ok.setText(tr("form.ok"))
        self._cancel.setText(tr("form.cancel"))
