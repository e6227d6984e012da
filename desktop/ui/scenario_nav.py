"""The scenario list on the window's left: virtual views (All, Frequent, Recent, Pinned) and scenarios."""

from __future__ import annotations

from collections.abc import Callable, Sequence

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QSize, Qt, Signal
from PySide6.QtGui import QColor, QFontMetrics, QPainter, QPalette
from PySide6.QtWidgets import (
    QAbstractItemView,
    QListWidget,
    QListWidgetItem,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QWidget,
)

from desktop.core.i18n import Translator
from desktop.core.listing import ALL, FREQUENT, PINNED, RECENT, VIRTUAL
from desktop.core.model import Scenario
from desktop.ui.phrase_list import blend, small_font

_VIRTUAL_KEYS = {ALL: "nav.all", FREQUENT: "nav.frequent", RECENT: "nav.recent", PINNED: "nav.pinned"}
KEY_ROLE = Qt.ItemDataRole.UserRole + 1
COUNT_ROLE = Qt.ItemDataRole.UserRole + 2


class _NavDelegate(QStyledItemDelegate):
    """Name on the left, a muted count on the right, a thin rule under the virtual views."""

    def sizeHint(self, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex) -> QSize:
        extra = 7 if index.data(KEY_ROLE) == PINNED else 0
        return QSize(80, QFontMetrics(option.font).height() + 12 + extra)

    def paint(self, painter: QPainter, option: QStyleOptionViewItem,
              index: QModelIndex | QPersistentModelIndex) -> None:
        painter.save()
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        pal = option.palette
        text = pal.color(QPalette.ColorRole.Text)
        muted = blend(text, pal.color(QPalette.ColorRole.Base), 0.5)
        rect = option.rect
        is_rule_row = index.data(KEY_ROLE) == PINNED
        body = rect.adjusted(4, 1, -4, -8 if is_rule_row else -1)
        selected = bool(option.state & QStyle.StateFlag.State_Selected)
        if selected or option.state & QStyle.StateFlag.State_MouseOver:
            fill = pal.color(QPalette.ColorRole.Highlight)
            fill.setAlpha(60 if selected else 22)  # the hovered row only hints
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(fill)
            painter.drawRoundedRect(body, 6, 6)
        count = index.data(COUNT_ROLE)
        small = small_font(option.font)
        count_text = str(count) if count else ""
        count_w = QFontMetrics(small).horizontalAdvance(count_text) + 4 if count_text else 0
        inner = body.adjusted(10, 0, -8, 0)
        painter.setFont(option.font)
        painter.setPen(text)
        name = QFontMetrics(option.font).elidedText(index.data(Qt.ItemDataRole.DisplayRole) or "",
                                                    Qt.TextElideMode.ElideRight, inner.width() - count_w)
        painter.drawText(inner, int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter), name)
        if count_text:
            painter.setFont(small)
            painter.setPen(muted)
            painter.drawText(inner, int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter),
                             count_text)
        if is_rule_row:
            rule = QColor(muted)
            rule.setAlpha(70)
            painter.setPen(rule)
            y = rect.bottom() - 3
            painter.drawLine(rect.left() + 10, y, rect.right() - 10, y)
        painter.restore()


class ScenarioNav(QListWidget):
    """Emits ``scenarioChanged(key)``: one of the VIRTUAL keys or a scenario id."""

    scenarioChanged = Signal(str)

    def __init__(self, tr: Translator, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._tr = tr
        self.setItemDelegate(_NavDelegate(self))
        self.setMouseTracking(True)
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.setFrameShape(QListWidget.Shape.NoFrame)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.currentItemChanged.connect(self._on_current)
        self._silent = False
        self.set_scenarios([], lambda key: 0)

    def current_key(self) -> str:
        item = self.currentItem()
        return str(item.data(KEY_ROLE)) if item is not None else ALL

    def set_current_key(self, key: str) -> None:
        for i in range(self.count()):
            if self.item(i).data(KEY_ROLE) == key:
                self.setCurrentRow(i)
                return
        self.setCurrentRow(0)

    def set_scenarios(self, scenarios: Sequence[Scenario], count: Callable[[str], int]) -> None:
        """Rebuild the list, keeping the current choice when it still exists."""
        current = self.current_key() if self.count() else ALL
        self._silent = True
        try:
            self.clear()
            for key in VIRTUAL:
                item = QListWidgetItem(self._tr(_VIRTUAL_KEYS[key]))
                item.setData(KEY_ROLE, key)
                item.setData(COUNT_ROLE, count(key))
                self.addItem(item)
            for s in scenarios:
                item = QListWidgetItem(s.name)
                item.setData(KEY_ROLE, s.id)
                item.setData(COUNT_ROLE, count(s.id))
                item.setToolTip(self._tr("nav.tooltip", name=s.name, count=count(s.id)))
                self.addItem(item)
            self.set_current_key(current)
        finally:
            self._silent = False
        self._fit_width()
        if self.current_key() != current:
            self.scenarioChanged.emit(self.current_key())

    def _fit_width(self) -> None:
        """Wide enough for the names and their counts; a very long name is elided past 180 px."""
        fm = QFontMetrics(self.font())
        name = max((fm.horizontalAdvance(self.item(i).text()) for i in range(self.count())), default=60)
        count = QFontMetrics(small_font(self.font())).horizontalAdvance("000")
        self.setFixedWidth(max(104, min(180, name + count + 40)))

    def retranslate(self, tr: Translator) -> None:
        self._tr = tr
        for i in range(self.count()):
            item = self.item(i)
            key = item.data(KEY_ROLE)
            if key in _VIRTUAL_KEYS:
                item.setText(tr(_VIRTUAL_KEYS[key]))
            else:
                item.setToolTip(tr("nav.tooltip", name=item.text(), count=item.data(COUNT_ROLE)))
        self._fit_width()

    def _on_current(self, current: QListWidgetItem | None, _previous: QListWidgetItem | None) -> None:
        if current is not None and not self._silent:
            self.scenarioChanged.emit(current.data(KEY_ROLE))

    def step(self, delta: int) -> None:
        """Move to the previous/next entry (Ctrl+PgUp / Ctrl+PgDown), wrapping around."""
        if self.count():
            self.setCurrentRow((self.currentRow() + delta) % self.count())

