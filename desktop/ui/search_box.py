"""Line edits that stay quiet while a Chinese input method is composing (preedit text shown)."""

from __future__ import annotations

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtGui import QInputMethodEvent, QKeyEvent, QKeySequence
from PySide6.QtWidgets import QLineEdit, QWidget

_ENTER_KEYS = (Qt.Key.Key_Return, Qt.Key.Key_Enter)


class ImeSafeLineEdit(QLineEdit):
    """A line edit that knows when an input method is composing.

    While pinyin is being composed the letters typed are preedit text, not yet part of ``text()``;
    Enter there usually picks a candidate. So ``textSettled`` is emitted only when nothing is being
    composed, and ``confirmed`` (Enter) is swallowed during composition.
    """

    textSettled = Signal(str)
    confirmed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._preedit = ""
        self.textChanged.connect(self._on_text_changed)

    @property
    def composing(self) -> bool:
        return bool(self._preedit)

    def inputMethodEvent(self, event: QInputMethodEvent) -> None:
        was_composing = self.composing
        self._preedit = event.preeditString()
        before = self.text()
        super().inputMethodEvent(event)
        # A commit that leaves the text as it was (or ends composing with nothing) still settles it.
        if was_composing and not self.composing and self.text() == before:
            self.textSettled.emit(self.text())

    def _on_text_changed(self, text: str) -> None:
        if not self.composing:
            self.textSettled.emit(text)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() in _ENTER_KEYS and not event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier:
            if not self.composing:
                self.confirmed.emit()
            event.accept()
            return
        super().keyPressEvent(event)


class SearchBox(ImeSafeLineEdit):
    """The window's search field: arrows move the list selection, Ctrl+Z undoes a delete when
    the field itself has nothing to undo."""

    navigate = Signal(int)  # rows to move: -1 / +1, or ±page

    _MOVES = {
        Qt.Key.Key_Up: -1,
        Qt.Key.Key_Down: 1,
        Qt.Key.Key_PageUp: -8,
        Qt.Key.Key_PageDown: 8,
    }

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setClearButtonEnabled(True)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        step = self._MOVES.get(Qt.Key(event.key()))
        if step is not None and not self.composing:
            self.navigate.emit(step)
            event.accept()
            return
        super().keyPressEvent(event)

    def event(self, event: QEvent) -> bool:
        # Let the window's Ctrl+Z (restore a deleted phrase) through when the field has no undo.
        if (event.type() == QEvent.Type.ShortcutOverride and isinstance(event, QKeyEvent)
                and event.matches(QKeySequence.StandardKey.Undo) and not self.isUndoAvailable()):
            event.ignore()
            return True
        return super().event(event)
