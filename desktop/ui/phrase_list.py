"""The phrase list: a row per reply (number, title, code and hotkey chips, risk badge, preview)."""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QRect, QRectF, QSize, Qt
from PySide6.QtGui import QColor, QFont, QFontMetrics, QPainter, QPaintEvent, QPalette
from PySide6.QtWidgets import (
    QAbstractItemView,
    QListView,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QWidget,
)

from desktop.ui.phrase_model import Role

Index = QModelIndex | QPersistentModelIndex

PAD_X = 10
PAD_Y = 7
LINE_GAP = 3
BADGE = 18
CHIP_GAP = 5
BLOCK_COLOR = QColor("#d93025")
WARN_COLOR = QColor("#c77700")
# Combined once: or-ing Qt's Python enums on every row painted costs more than the drawing.
LEFT_MIDDLE = int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
CENTER = int(Qt.AlignmentFlag.AlignCenter)


def blend(a: QColor, b: QColor, t: float) -> QColor:
    """``a`` moved towards ``b`` by ``t`` (0..1): muted text that works on light and dark."""
    return QColor(
        round(a.red() + (b.red() - a.red()) * t),
        round(a.green() + (b.green() - a.green()) * t),
        round(a.blue() + (b.blue() - a.blue()) * t),
    )


def small_font(base: QFont) -> QFont:
    f = QFont(base)
    size = base.pointSizeF()
    if size > 0:
        f.setPointSizeF(max(7.5, size - 1.5))
    return f


class PhraseDelegate(QStyledItemDelegate):
    """Paints a two-line row; the texts of the risk badges come from the window's translator."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.risk_labels = {"block": "禁", "warn": "注意"}
        self._fonts: tuple[str, _Fonts] | None = None

    def fonts(self, base: QFont) -> _Fonts:
        """The fonts and metrics a row is painted with, made once per base font (not per row)."""
        key = base.key()
        if self._fonts is None or self._fonts[0] != key:
            self._fonts = (key, _Fonts(base))
        return self._fonts[1]

    def sizeHint(self, option: QStyleOptionViewItem, index: Index) -> QSize:
        f = self.fonts(option.font)
        return QSize(200, PAD_Y * 2 + f.title_metrics.height() + LINE_GAP + f.base_metrics.height() + 2)

    @staticmethod
    def _title_font(base: QFont) -> QFont:
        f = QFont(base)
        f.setWeight(QFont.Weight.DemiBold)
        return f

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: Index) -> None:
        painter.save()
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        pal: QPalette = option.palette
        rect: QRect = option.rect.adjusted(4, 2, -4, -2)
        text_color = pal.color(QPalette.ColorRole.Text)
        base = pal.color(QPalette.ColorRole.Base)
        muted = blend(text_color, base, 0.45)
        accent = pal.color(QPalette.ColorRole.Highlight)

        selected = bool(option.state & QStyle.StateFlag.State_Selected)
        hovered = bool(option.state & QStyle.StateFlag.State_MouseOver)
        if selected or hovered:
            fill = QColor(accent)
            fill.setAlpha(60 if selected else 22)
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(fill)
            painter.drawRoundedRect(QRectF(rect), 6, 6)
        if index.data(Role.PINNED):
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(accent)
            painter.drawRoundedRect(QRectF(rect.left(), rect.top() + 8, 3, rect.height() - 16), 1.5, 1.5)

        fonts = self.fonts(option.font)
        title_font, small, tm, sm = fonts.title, fonts.small, fonts.title_metrics, fonts.small_metrics
        top = rect.top() + PAD_Y - 2
        left = float(rect.left() + PAD_X)

        # Number badge (Alt+1 … Alt+9).
        number = index.data(Role.NUMBER) or 0
        badge_rect = QRectF(left, top + (tm.height() - BADGE) / 2, BADGE, BADGE)
        if number:
            ring = QColor(muted)
            ring.setAlpha(110)
            painter.setPen(ring)
            painter.setBrush(Qt.BrushStyle.NoBrush)
            painter.drawRoundedRect(badge_rect, 5, 5)
            painter.setFont(small)
            painter.setPen(muted)
            painter.drawText(badge_rect, CENTER, str(number))
        left += BADGE + 8

        # Chips on the right of the first line: risk badge, hotkey, code.
        right = float(rect.right() - PAD_X)
        chip_h = sm.height() + 2
        chip_top = top + (tm.height() - chip_h) / 2
        risk = index.data(Role.RISK) or ""
        if risk:
            color = BLOCK_COLOR if risk == "block" else WARN_COLOR
            right = self._chip(painter, right, chip_top, chip_h, self.risk_labels.get(risk, risk), small, sm,
                               fg=color, bg=_alpha(color, 36), border=_alpha(color, 120))
        for role in (Role.HOTKEY, Role.CODE):
            value = index.data(role) or ""
            if value:
                right = self._chip(painter, right, chip_top, chip_h, value, small, sm,
                                   fg=muted, bg=_alpha(muted, 28), border=None)

        painter.setFont(title_font)
        painter.setPen(text_color)
        title_w = max(0, int(right - left - 4))
        title = tm.elidedText(index.data(Qt.ItemDataRole.DisplayRole) or "", Qt.TextElideMode.ElideRight,
                              title_w)
        painter.drawText(QRect(int(left), int(top), title_w, tm.height()), LEFT_MIDDLE, title)

        painter.setFont(option.font)
        fm = fonts.base_metrics
        preview_w = max(0, rect.right() - PAD_X - int(left))
        preview = fm.elidedText(index.data(Role.PREVIEW) or "", Qt.TextElideMode.ElideRight, preview_w)
        painter.setPen(muted)
        painter.drawText(QRect(int(left), int(top + tm.height() + LINE_GAP), preview_w, fm.height()),
                         LEFT_MIDDLE, preview)
        painter.restore()

    @staticmethod
    def _chip(painter: QPainter, right: float, top: float, height: float, text: str, font: QFont,
              fm: QFontMetrics, *, fg: QColor, bg: QColor, border: QColor | None) -> float:
        """Draws a rounded label ending at ``right``; returns where the next one may end."""
        width = fm.horizontalAdvance(text) + 10
        box = QRectF(right - width, top, width, height)
        painter.setPen(border if border is not None else Qt.PenStyle.NoPen)
        painter.setBrush(bg)
        painter.drawRoundedRect(box, 4, 4)
        painter.setFont(font)
        painter.setPen(fg)
        painter.drawText(box, CENTER, text)
        return right - width - CHIP_GAP


class _Fonts:
    """Title (demi-bold), base and small fonts of a row, with their metrics."""

    def __init__(self, base: QFont) -> None:
        self.title = PhraseDelegate._title_font(base)
        self.small = small_font(base)
        self.title_metrics = QFontMetrics(self.title)
        self.small_metrics = QFontMetrics(self.small)
        self.base_metrics = QFontMetrics(base)


def _alpha(color: QColor, alpha: int) -> QColor:
    c = QColor(color)
    c.setAlpha(alpha)
    return c


class PhraseListView(QListView):
    """A list that shows a friendly line when there is nothing to show.

    Rows are dragged when the model allows it (a scenario in its own order): within the list to
    reorder, or onto the scenario list. The model does the work in ``dropMimeData``."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setItemDelegate(PhraseDelegate(self))
        self.setUniformItemSizes(True)
        # Laid out a batch at a time between events: for every row Qt asks the (Python) model for an
        # index, so laying out 10k rows at once held up the first paint and the keys after it by ~25 ms.
        self.setLayoutMode(QListView.LayoutMode.Batched)
        self.setBatchSize(200)
        self.setMouseTracking(True)
        self.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.setFrameShape(QListView.Shape.NoFrame)
        self.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # typing always goes to the search box
        self.setDragEnabled(True)
        self.setAcceptDrops(True)
        self.setDropIndicatorShown(True)
        self.setDragDropMode(QAbstractItemView.DragDropMode.DragDrop)
        self.setDefaultDropAction(Qt.DropAction.MoveAction)
        self._empty = ("", "")

    def delegate(self) -> PhraseDelegate:
        d = self.itemDelegate()
        assert isinstance(d, PhraseDelegate)
        return d

    def set_empty_text(self, main: str, hint: str) -> None:
        self._empty = (main, hint)
        # Hidden, it is painted when shown. (The first viewport() from Python also makes PySide
        # set up some 60 widget types to find the viewport's: ~12 ms that a start need not pay.)
        if self.isVisible():
            self.viewport().update()

    def paintEvent(self, event: QPaintEvent) -> None:
        super().paintEvent(event)
        model = self.model()
        if model is not None and model.rowCount() == 0 and self._empty[0]:
            painter = QPainter(self.viewport())
            pal = self.palette()
            muted = blend(pal.color(QPalette.ColorRole.Text), pal.color(QPalette.ColorRole.Base), 0.45)
            painter.setPen(muted)
            area = self.viewport().rect().adjusted(16, 40, -16, -16)
            painter.drawText(area, int(Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignTop
                                       | Qt.TextFlag.TextWordWrap), f"{self._empty[0]}\n{self._empty[1]}")
            painter.end()
