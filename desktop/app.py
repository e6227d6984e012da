"""Composition root of the window: builds the Qt application around an open library."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from desktop.cli import CliContext


def run_app(ctx: CliContext) -> int:
    """Placeholder window listing the library until the full quick window lands."""
    from PySide6.QtWidgets import QApplication, QListWidget

    session = ctx.open(write=True)
    try:
        app = QApplication.instance() or QApplication([])
        view = QListWidget()
        view.setWindowTitle("快捷回复 QuickReply")
        for p in session.library.phrases():
            view.addItem(f"{p.code}  {p.title}")
        view.resize(420, 560)
        view.show()
        return app.exec()
    finally:
        session.close()
