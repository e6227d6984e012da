"""A short message that fades by itself: inside the window, or floating near the tray when hidden."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QPoint, Qt, QTimer, Signal
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QPushButton, QWidget

SHORT_MS = 2200
WITH_ACTION_MS = 6000
MARGIN = 12


class Toast(QFrame):
    """With a parent it floats over the parent's bottom edge; without one it is a small top-level
    window at the bottom-right of the screen that never takes the keyboard focus."""

    actionTriggered = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("toast")
        if parent is None:
            self.setWindowFlags(Qt.WindowType.ToolTip | Qt.WindowType.FramelessWindowHint
                                | Qt.WindowType.WindowDoesNotAcceptFocus
                                | Qt.WindowType.WindowStaysOnTopHint)
            self.setAttribute(Qt.WidgetAttribute.WA_ShowWithoutActivating)
        self.setAttribute(Qt.WidgetAttribute.WA_StyledBackground)
        self._label = QLabel(self)
        self._label.setWordWrap(True)
        self._label.setTextFormat(Qt.TextFormat.PlainText)
        self._button = QPushButton(self)
        self._button.setCursor(Qt.CursorShape.PointingHandCursor)
        self._button.setFlat(True)
        self._button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self._button.clicked.connect(self._on_action)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(12, 7, 8, 7)
        layout.setSpacing(10)
        layout.addWidget(self._label, 1)
        layout.addWidget(self._button)
        self._action: Callable[[], None] | None = None
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.timeout.connect(self.hide)
        self._warn = False
        self._restyle()
        self.hide()

    def text(self) -> str:
        return self._label.text()

    def show_message(self, text: str, *, action_text: str | None = None,
                     action: Callable[[], None] | None = None, warn: bool = False,
                     timeout_ms: int | None = None) -> None:
        self._label.setText(text)
        self._action = action
        self._button.setText(action_text or "")
        self._button.setVisible(bool(action_text and action))
        self._warn = warn
        self._restyle()
        self._place()
        self.show()
        self.raise_()
        self._timer.start(timeout_ms or (WITH_ACTION_MS if action else SHORT_MS + (2000 if warn else 0)))

    def _on_action(self) -> None:
        action, self._action = self._action, None
        self.hide()
        if action is not None:
            action()
            self.actionTriggered.emit()

    def _restyle(self) -> None:
        # Dark toast on any theme: it reads as a transient message, not part of the window.
        bg = "rgba(120, 72, 0, 235)" if self._warn else "rgba(40, 40, 44, 235)"
        self.setStyleSheet(
            f"QFrame#toast {{ background: {bg}; border-radius: 8px; }}"
            "QFrame#toast QLabel { color: #f5f5f5; }"
            "QFrame#toast QPushButton { color: #8ab4f8; font-weight: 600; border: none; padding: 2px 6px; }"
        )

    def _place(self) -> None:
        parent = self.parentWidget()
        if parent is not None:
            width = min(parent.width() - 2 * MARGIN, 460)
            self.setFixedWidth(max(120, width))
            self.adjustSize()
            self.move((parent.width() - self.width()) // 2, parent.height() - self.height() - MARGIN)
            return
        self.setFixedWidth(340)
        self.adjustSize()
        screen = QGuiApplication.primaryScreen()
        if screen is None:
            return
        area = screen.availableGeometry()
        self.move(area.bottomRight() - QPoint(self.width() + MARGIN * 2, self.height() + MARGIN * 2))
