"""The system clipboard through Qt (the window's clipboard: no external tools, any platform)."""

from __future__ import annotations

from PySide6.QtGui import QClipboard, QGuiApplication


class QtClipboard:
    """``QGuiApplication.clipboard()`` behind the Clipboard protocol; needs a running Qt application.

    Under X11 the clipboard is served by its owner: text set here stays readable by other programs
    only while this process runs its event loop.
    """

    def __init__(self, clipboard: QClipboard | None = None) -> None:
        self._clipboard = clipboard

    def _board(self) -> QClipboard:
        # Looked up late so an object made before the QApplication still works once it exists.
        if self._clipboard is None:
            if QGuiApplication.instance() is None:
                raise RuntimeError("QtClipboard needs a QGuiApplication")
            self._clipboard = QGuiApplication.clipboard()
        return self._clipboard

    def set_text(self, text: str) -> None:
        self._board().setText(text, QClipboard.Mode.Clipboard)

    def text(self) -> str:
        return self._board().text(QClipboard.Mode.Clipboard)
