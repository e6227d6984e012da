"""The scenario list on the window's left: virtual views (All, Frequent, Recent, Pinned) and scenarios.

Scenarios are dragged to reorder them; replies dropped on a scenario move there, on Pinned are pinned."""

from __future__ import annotations

import json
from collections.abc import Callable, Sequence

from PySide6.QtCore import QByteArray, QMimeData, QModelIndex, QPersistentModelIndex, QSize, Qt, Signal
from PySide6.QtGui import QColor, QDrag, QDragMoveEvent, QDropEvent, QFontMetrics, QPainter, QPalette
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
from desktop.ui.phrase_model import PHRASE_MIME, read_phrase_mime

_VIRTUAL_KEYS = {ALL: "nav.all", FREQUENT: "nav.frequent", RECENT: "nav.recent", PINNED: "nav.pinned"}
KEY_ROLE = Qt.ItemDataRole.UserRole + 1
COUNT_ROLE = Qt.ItemDataRole.UserRole + 2
# A dragged scenario travels as a JSON list of its id; only this app reads it.
SCENARIO_MIME = "application/x-quickreply-scenarios"
_BASE_FLAGS = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable


def is_scenario(key: object) -> bool:
    """A real scenario's key; views (All, Pinned, … and any other added later) start with @."""
    return isinstance(key, str) and bool(key) and not key.startswith("@")


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


def scenario_mime(ids: Sequence[str]) -> QMimeData:
    data = QMimeData()
    data.setData(SCENARIO_MIME, QByteArray(json.dumps(list(ids)).encode()))
    return data


def read_scenario_mime(data: QMimeData | None) -> list[str] | None:
    if data is None or not data.hasFormat(SCENARIO_MIME):
        return None
    try:
        ids = json.loads(bytes(data.data(SCENARIO_MIME).data()).decode())
    except ValueError:
        return None
    return [str(i) for i in ids] if isinstance(ids, list) else None


class ScenarioNav(QListWidget):
    """Emits ``scenarioChanged(key)``: one of the VIRTUAL keys or a scenario id.

    Drag and drop only asks, the library does: ``scenariosReordered(ids)`` with every scenario in
    its new order, ``phrasesDropped(ids, key)`` with a scenario id or PINNED. The virtual views stay
    on top: they are not dragged, and only Pinned takes dropped replies.
    """

    scenarioChanged = Signal(str)
    scenariosReordered = Signal(list)
    phrasesDropped = Signal(list, str)

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
        self.setDragEnabled(True)
        self.setAcceptDrops(True)
        self.setDropIndicatorShown(True)
        self.setDragDropMode(QAbstractItemView.DragDropMode.DragDrop)
        self.setDefaultDropAction(Qt.DropAction.MoveAction)
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
                item.setFlags(_BASE_FLAGS | Qt.ItemFlag.ItemIsDropEnabled if key == PINNED else _BASE_FLAGS)
                self.addItem(item)
            for s in scenarios:
                item = QListWidgetItem(s.name)
                item.setFlags(_BASE_FLAGS | Qt.ItemFlag.ItemIsDragEnabled | Qt.ItemFlag.ItemIsDropEnabled)
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


    # -- drag and drop ---------------------------------------------------------------------------

    def scenario_ids(self) -> list[str]:
        """The real scenarios, in the order listed."""
        keys = [self.item(i).data(KEY_ROLE) for i in range(self.count())]
        return [k for k in keys if is_scenario(k)]

    def mimeTypes(self) -> list[str]:
        return [SCENARIO_MIME, PHRASE_MIME]

    def mimeData(self, items: Sequence[QListWidgetItem]) -> QMimeData:
        return scenario_mime([i.data(KEY_ROLE) for i in items if is_scenario(i.data(KEY_ROLE))])

    def supportedDropActions(self) -> Qt.DropAction:
        return Qt.DropAction.MoveAction

    def dropMimeData(self, index: int, data: QMimeData, action: Qt.DropAction) -> bool:
        """Replies land on the entry at ``index``; scenarios are put before it (past the views)."""
        if action not in (Qt.DropAction.MoveAction, Qt.DropAction.CopyAction):
            return False
        payload = read_phrase_mime(data)
        if payload is not None:
            key = self._phrase_target(index, payload[0])
            if key is None or not payload[1]:
                return False
            self.phrasesDropped.emit(payload[1], key)
            return True
        moving = read_scenario_mime(data)
        if not moving:
            return False
        return self._reorder(moving, index)

    def _phrase_target(self, row: int, source_scenario: str) -> str | None:
        """The key replies dropped on entry ``row`` go to: a scenario (not their own) or PINNED."""
        item = self.item(row) if 0 <= row < self.count() else None
        key = item.data(KEY_ROLE) if item is not None else None
        if key == PINNED or (is_scenario(key) and key != source_scenario):
            return str(key)
        return None

    def _reorder(self, moving: list[str], row: int) -> bool:
        ids = self.scenario_ids()
        wanted = set(moving)
        chosen = [i for i in ids if i in wanted]
        if not chosen:
            return False
        # ``row`` counts the views too: the place among scenarios is the scenarios above it, so a
        # scenario dropped among the views on top goes first, one dropped past the last goes last.
        above = range(min(row, self.count())) if row >= 0 else range(self.count())
        at = sum(1 for i in above if is_scenario(self.item(i).data(KEY_ROLE)))
        rest = [i for i in ids if i not in wanted]
        at -= sum(1 for i in ids[:at] if i in wanted)
        new = [*rest[:at], *chosen, *rest[at:]]
        if new == ids:
            return False
        self.scenariosReordered.emit(new)
        return True

    def _drop_row(self, event: QDropEvent | QDragMoveEvent) -> int | None:
        """Where the drag points: the entry under it for replies, the gap nearest it for scenarios."""
        pos = event.position().toPoint()
        index = self.indexAt(pos)
        data = event.mimeData()
        if read_phrase_mime(data) is not None:
            return index.row() if index.isValid() else None
        if index.isValid():
            return index.row() + (1 if pos.y() > self.visualRect(index).center().y() else 0)
        return self.count()

    def _droppable(self, event: QDropEvent | QDragMoveEvent) -> bool:
        row = self._drop_row(event)
        payload = read_phrase_mime(event.mimeData())
        if payload is not None:
            return row is not None and self._phrase_target(row, payload[0]) is not None
        return bool(read_scenario_mime(event.mimeData()))

    def dragMoveEvent(self, event: QDragMoveEvent) -> None:
        super().dragMoveEvent(event)  # drop indicator and auto-scroll
        if self._droppable(event):
            event.setDropAction(Qt.DropAction.MoveAction)
            event.accept()
        else:
            event.ignore()

    def dropEvent(self, event: QDropEvent) -> None:
        # Handled here rather than by QListWidget, which would move its own items and lose the
        # difference between "onto Pinned" and "between two scenarios".
        row = self._drop_row(event)
        if row is not None and self.dropMimeData(row, event.mimeData(), Qt.DropAction.MoveAction):
            event.setDropAction(Qt.DropAction.MoveAction)
            event.accept()
        else:
            event.ignore()
        self.stopAutoScroll()
        self.setState(QAbstractItemView.State.NoState)
        self.viewport().update()

    def startDrag(self, supportedActions: Qt.DropAction) -> None:
        # Not QListWidget's own: after a move it would delete the dragged item, and the list is
        # rebuilt from the library anyway.
        item = self.currentItem()
        if item is None or not is_scenario(item.data(KEY_ROLE)):
            return
        drag = QDrag(self)
        drag.setMimeData(self.mimeData([item]))
        drag.setPixmap(self.viewport().grab(self.visualItemRect(item)))
        drag.exec(Qt.DropAction.MoveAction)
