"""Qt's own texts (standard buttons, line-edit menus) in the user's language."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator


def install_qt_translation(app: QCoreApplication, locale: str,
                           current: QTranslator | None = None) -> QTranslator | None:
    """Load qtbase's catalogue for ``locale`` (none needed for English); returns the installed one."""
    if current is not None:
        app.removeTranslator(current)
    if locale == "en":
        return None
    translator = QTranslator(app)
    path = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
    if translator.load(QLocale(locale), "qtbase", "_", path):
        app.installTranslator(translator)
        return translator
    return None
