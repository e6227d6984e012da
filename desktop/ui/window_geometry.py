"""Remembers the window's size and place per screen (offices mix laptop screens and monitors)."""

from __future__ import annotations

from PySide6.QtCore import QRect
from PySide6.QtGui import QCursor, QGuiApplication
from PySide6.QtWidgets import QWidget

# Where a window with no remembered place goes: near the right edge, a third of the way down,
# beside the chat window rather than over it.
RIGHT_MARGIN = 40


def screen_key(window: QWidget) -> str:
    screen = window.screen() or QGuiApplication.primaryScreen()
    return screen.name() if screen is not None else ""


def remember_geometry(window: QWidget, saved: dict[str, list[int]]) -> bool:
    """Store the window's rectangle under its screen's name; True when that changed anything."""
    g = window.geometry()
    rect = [g.x(), g.y(), g.width(), g.height()]
    key = screen_key(window)
    if saved.get(key) == rect:
        return False
    saved[key] = rect
    return True


def restore_geometry(window: QWidget, saved: dict[str, list[int]], default: tuple[int, int]) -> None:
    """Place the window on the screen under the mouse, where it was last time on that screen."""
    screen = QGuiApplication.screenAt(QCursor.pos()) or QGuiApplication.primaryScreen()
    if screen is None:
        window.resize(*default)
        return
    area = screen.availableGeometry()
    rect = saved.get(screen.name())
    if rect and len(rect) == 4 and area.intersects(QRect(*rect)):
        window.setGeometry(QRect(*rect))
        return
    w, h = min(default[0], area.width()), min(default[1], area.height())
    window.setGeometry(area.right() - w - RIGHT_MARGIN, area.top() + (area.height() - h) // 3, w, h)
