"""The application's font (a readable CJK face first) and colour scheme (the system's, or forced)."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QFont, QFontDatabase, QPalette
from PySide6.QtWidgets import QApplication

# In order of preference: Windows, macOS, most Linux desktops, then the small fallback font.
CJK_FAMILIES = ("Microsoft YaHei UI", "PingFang SC", "Noto Sans CJK SC", "WenQuanYi Micro Hei")
_SCHEMES = {"light": Qt.ColorScheme.Light, "dark": Qt.ColorScheme.Dark, "system": Qt.ColorScheme.Unknown}


def ui_font(base: QFont, size: int = 0) -> QFont:
    """``base`` with the CJK families in front; ``size`` in points, 0 keeps the system's."""
    available = set(QFontDatabase.families())
    preferred = [f for f in CJK_FAMILIES if f in available]
    font = QFont(base)
    font.setFamilies(preferred + [f for f in base.families() if f not in preferred])
    if size > 0:
        font.setPointSize(size)
    elif font.pointSizeF() < 9.5:
        font.setPointSizeF(10)  # Chinese strokes need a point or so more than Latin text
    return font


def is_dark(palette: QPalette) -> bool:
    return palette.color(QPalette.ColorRole.Window).lightness() < 128


def dark_palette() -> QPalette:
    """For a forced dark theme where the platform has no dark palette of its own."""
    p = QPalette()
    roles = {
        QPalette.ColorRole.Window: "#202124", QPalette.ColorRole.WindowText: "#e8eaed",
        QPalette.ColorRole.Base: "#2a2b2e", QPalette.ColorRole.AlternateBase: "#303134",
        QPalette.ColorRole.Text: "#e8eaed", QPalette.ColorRole.Button: "#303134",
        QPalette.ColorRole.ButtonText: "#e8eaed", QPalette.ColorRole.Highlight: "#5b8def",
        QPalette.ColorRole.HighlightedText: "#ffffff", QPalette.ColorRole.ToolTipBase: "#303134",
        QPalette.ColorRole.ToolTipText: "#e8eaed", QPalette.ColorRole.PlaceholderText: "#9aa0a6",
        QPalette.ColorRole.Mid: "#5f6368", QPalette.ColorRole.Dark: "#17181a",
        QPalette.ColorRole.Light: "#3c4043", QPalette.ColorRole.Link: "#8ab4f8",
    }
    for role, color in roles.items():
        p.setColor(role, QColor(color))
    for role in (QPalette.ColorRole.Text, QPalette.ColorRole.WindowText, QPalette.ColorRole.ButtonText):
        p.setColor(QPalette.ColorGroup.Disabled, role, QColor("#80868b"))
    return p


def apply_appearance(app: QApplication, *, font_size: int = 0, theme: str = "system") -> None:
    """Font and colours; "system" follows the system's light/dark setting as it changes."""
    app.setFont(ui_font(app.font(), font_size))
    app.styleHints().setColorScheme(_SCHEMES.get(theme, Qt.ColorScheme.Unknown))
    if theme == "dark" and not is_dark(app.palette()):
        app.setStyle("Fusion")  # the native styles draw their own light colours
        app.setPalette(dark_palette())


# Palette roles only, so light and dark schemes both work.
QUICK_WINDOW_STYLE = """
QLineEdit#search { border: 1px solid palette(mid); border-radius: 7px; padding: 6px 6px;
                   background: palette(base); selection-background-color: palette(highlight); }
QLineEdit#search:focus { border: 1px solid palette(highlight); }
QToolButton { border: none; border-radius: 6px; padding: 5px; }
QToolButton:hover { background: rgba(127, 127, 127, 40); }
QToolButton:checked { background: rgba(127, 127, 127, 70); }
QToolButton::menu-indicator { image: none; width: 0px; }
QListView#nav { background: transparent; }
QListView#phrases { background: palette(base); border-radius: 8px; }
QScrollBar:vertical { width: 10px; background: transparent; margin: 2px 2px 2px 0; }
QScrollBar::handle:vertical { background: rgba(127, 127, 127, 90); border-radius: 4px; min-height: 28px; }
QScrollBar::handle:vertical:hover { background: rgba(127, 127, 127, 150); }
QScrollBar::add-line:vertical, QScrollBar::sub-line:vertical { height: 0; }
QScrollBar::add-page:vertical, QScrollBar::sub-page:vertical { background: transparent; }
QFrame#placeholderForm { background: palette(base); border: 1px solid palette(highlight);
                         border-radius: 8px; }
"""
