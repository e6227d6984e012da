"""Window flag changes that keep the window where it was (setWindowFlags hides a window)."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QWidget


def set_always_on_top(window: QWidget, on: bool) -> None:
    """Toggle stays-on-top; Qt hides a window whose flags change, so show it again in place."""
    flags = window.windowFlags()
    wanted = flags | Qt.WindowType.WindowStaysOnTopHint if on else flags & ~Qt.WindowType.WindowStaysOnTopHint
    if wanted == flags:
        return
    was_visible = window.isVisible()
    geometry = window.geometry()
    window.setWindowFlags(wanted)
    if was_visible:
        window.setGeometry(geometry)
        window.show()


def set_opacity(window: QWidget, opacity: float) -> None:
    """Between 0.3 (still readable) and 1.0."""
    window.setWindowOpacity(max(0.3, min(float(opacity), 1.0)))
