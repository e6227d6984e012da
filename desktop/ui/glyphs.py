"""Small line icons drawn with QPainter in the palette's text colour (no image files to ship)."""

from __future__ import annotations

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QIcon, QPainter, QPainterPath, QPen, QPixmap

SIZE = 32  # drawn at 2x and scaled down by the button


def _canvas() -> tuple[QPixmap, QPainter]:
    pixmap = QPixmap(SIZE, SIZE)
    pixmap.fill(Qt.GlobalColor.transparent)
    painter = QPainter(pixmap)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    return pixmap, painter


def pin_icon(color: QColor) -> QIcon:
    """A push pin: round head, short body, needle."""
    pixmap, p = _canvas()
    pen = QPen(color, 2.4, Qt.PenStyle.SolidLine, Qt.PenCapStyle.RoundCap, Qt.PenJoinStyle.RoundJoin)
    p.setPen(pen)
    p.translate(SIZE / 2, SIZE / 2)
    p.rotate(40)
    path = QPainterPath()
    path.moveTo(-5, -11)
    path.lineTo(5, -11)
    path.lineTo(4, -3)
    path.lineTo(8, 2)
    path.lineTo(-8, 2)
    path.lineTo(-4, -3)
    path.closeSubpath()
    p.drawPath(path)
    p.drawLine(QPointF(0, 2), QPointF(0, 12))
    p.end()
    return QIcon(pixmap)


def menu_icon(color: QColor) -> QIcon:
    """Three dots."""
    pixmap, p = _canvas()
    p.setPen(Qt.PenStyle.NoPen)
    p.setBrush(color)
    for x in (8, 16, 24):
        p.drawEllipse(QRectF(x - 2.6, SIZE / 2 - 2.6, 5.2, 5.2))
    p.end()
    return QIcon(pixmap)


def search_icon(color: QColor) -> QIcon:
    pixmap, p = _canvas()
    p.setPen(QPen(color, 2.6, Qt.PenStyle.SolidLine, Qt.PenCapStyle.RoundCap))
    p.drawEllipse(QRectF(6, 6, 15, 15))
    p.drawLine(QPointF(19, 19), QPointF(26, 26))
    p.end()
    return QIcon(pixmap)
