"""The tray icon and its menu; without a system tray the menu and signals still work."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QObject, QRectF, Qt, Signal
from PySide6.QtGui import QAction, QColor, QFont, QIcon, QPainter, QPixmap
from PySide6.QtWidgets import QMenu, QSystemTrayIcon

from desktop.core.i18n import Translator
from desktop.resources import icons_dir
from desktop.ui.editor_strings import with_editor_strings


def app_icon(folder: Path | None = None) -> QIcon:
    """icons/app.png when it ships, else a drawn "快" on a rounded square (never a blank icon)."""
    path = (folder or icons_dir()) / "app.png"
    if path.is_file():
        icon = QIcon(str(path))
        if not icon.isNull():
            return icon
    return QIcon(drawn_icon())


def drawn_icon(size: int = 64) -> QPixmap:
    pixmap = QPixmap(size, size)
    pixmap.fill(Qt.GlobalColor.transparent)
    painter = QPainter(pixmap)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setPen(Qt.PenStyle.NoPen)
    painter.setBrush(QColor("#ff5000"))  # the orange of the shop platforms' service tools
    rect = QRectF(1, 1, size - 2, size - 2)
    painter.drawRoundedRect(rect, size * 0.22, size * 0.22)
    font = QFont()
    font.setPixelSize(int(size * 0.62))
    font.setBold(True)
    painter.setFont(font)
    painter.setPen(QColor("white"))
    painter.drawText(rect, Qt.AlignmentFlag.AlignCenter, "快")
    painter.end()
    return pixmap


class TrayIcon(QObject):
    """Wraps QSystemTrayIcon: ``tray`` is None where the desktop has no tray (the menu still exists)."""

    showHideRequested = Signal()
    pauseToggled = Signal(bool)
    settingsRequested = Signal()
    quitRequested = Signal()

    def __init__(self, tr: Translator, *, paused: bool = False, icon: QIcon | None = None,
                 parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._tr = with_editor_strings(tr)
        self.icon = icon or app_icon()
        self.menu = QMenu()
        self.show_hide_action = QAction(self.menu)
        self.show_hide_action.triggered.connect(self.showHideRequested)
        self.pause_action = QAction(self.menu)
        self.pause_action.setCheckable(True)
        self.pause_action.setChecked(paused)
        self.pause_action.toggled.connect(self.pauseToggled)
        self.settings_action = QAction(self.menu)
        self.settings_action.triggered.connect(self.settingsRequested)
        self.quit_action = QAction(self.menu)
        self.quit_action.triggered.connect(self.quitRequested)
        self.menu.addAction(self.show_hide_action)
        self.menu.addAction(self.pause_action)
        self.menu.addSeparator()
        self.menu.addAction(self.settings_action)
        self.menu.addSeparator()
        self.menu.addAction(self.quit_action)
        self.tray: QSystemTrayIcon | None = None
        # Creating or showing a tray icon where there is no tray only earns warnings: skip it.
        if QSystemTrayIcon.isSystemTrayAvailable():
            self.tray = QSystemTrayIcon(self.icon, self)
            self.tray.setContextMenu(self.menu)
            self.tray.activated.connect(self._activated)
        self.retranslate(self._tr)

    @property
    def available(self) -> bool:
        return self.tray is not None

    def show(self) -> None:
        if self.tray is not None:
            self.tray.show()

    def hide(self) -> None:
        if self.tray is not None:
            self.tray.hide()

    def set_paused(self, paused: bool) -> None:
        """Follow a pause changed in the settings dialog without echoing it back as a signal."""
        self.pause_action.blockSignals(True)
        self.pause_action.setChecked(paused)
        self.pause_action.blockSignals(False)

    def notify(self, title: str, message: str) -> bool:
        """A balloon message where the tray can show one; False tells the caller to show it itself."""
        if self.tray is None or not QSystemTrayIcon.supportsMessages():
            return False
        self.tray.showMessage(title, message, self.icon)
        return True

    def _activated(self, reason: QSystemTrayIcon.ActivationReason) -> None:
        # A left click toggles the window; the right click opens the menu by itself.
        if reason in (QSystemTrayIcon.ActivationReason.Trigger, QSystemTrayIcon.ActivationReason.DoubleClick):
            self.showHideRequested.emit()

    def retranslate(self, tr: Translator) -> None:
        self._tr = t = with_editor_strings(tr)
        self.show_hide_action.setText(t("tray.show_hide"))
        self.pause_action.setText(t("tray.pause"))
        self.settings_action.setText(t("tray.settings"))
        self.quit_action.setText(t("tray.quit"))
        if self.tray is not None:
            self.tray.setToolTip(t("tray.tooltip"))
