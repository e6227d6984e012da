"""The quick window's top row: the search box, the keep-open pin and the menu button."""

from __future__ import annotations

from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QColor, QIcon, QPalette
from PySide6.QtWidgets import QHBoxLayout, QLineEdit, QToolButton, QWidget

from desktop.core.i18n import Translator
from desktop.ui import glyphs
from desktop.ui.search_box import SearchBox


class WindowHeader(QWidget):
    """The buttons never take the focus: typing always goes to the search box."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.search = SearchBox(self)
        self.search.setObjectName("search")
        self.keep_open_button = self._button()
        self.keep_open_button.setCheckable(True)
        self.menu_button = self._button()
        self.menu_button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        self._search_icon = self.search.addAction(QIcon(), QLineEdit.ActionPosition.LeadingPosition)
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        row.setSpacing(4)
        row.addWidget(self.search, 1)
        row.addWidget(self.keep_open_button)
        row.addWidget(self.menu_button)
        self.update_icons()

    def _button(self) -> QToolButton:
        button = QToolButton(self)
        button.setAutoRaise(True)
        button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        return button

    def set_keep_open(self, on: bool) -> None:
        """Show the setting without emitting ``toggled`` (that would save it again)."""
        self.keep_open_button.blockSignals(True)
        self.keep_open_button.setChecked(on)
        self.keep_open_button.blockSignals(False)

    def update_icons(self) -> None:
        """Icons drawn in the text colour, so they follow a light or dark palette."""
        color = self.palette().color(QPalette.ColorRole.Text)
        self.keep_open_button.setIcon(glyphs.pin_icon(color))
        self.menu_button.setIcon(glyphs.menu_icon(color))
        muted = QColor(color)
        muted.setAlpha(140)
        self._search_icon.setIcon(glyphs.search_icon(muted))

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.PaletteChange:
            self.update_icons()  # the system switched between light and dark
        super().changeEvent(event)

    def retranslate(self, tr: Translator) -> None:
        self.search.setPlaceholderText(tr("search.placeholder"))
        self.keep_open_button.setToolTip(tr("button.keep_open"))
        self.menu_button.setToolTip(tr("button.menu"))
