"""The file choosers and message boxes of import, export and backups, in one place tests can replace.

QFileDialog and QMessageBox are imported when a question is asked: their Python enums are made
on import, and the window's start asks none.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from desktop.core.i18n import Translator

if TYPE_CHECKING:
    from PySide6.QtWidgets import QWidget

# Export formats in the order the save dialog offers them, with their file suffix.
EXPORT_CHOICES = (("csv", ".csv"), ("qianniu", ".csv"), ("xlsx", ".xlsx"), ("pack", ".json"),
                  ("backup", ".json"))


class Prompts:
    """Each question is a classmethod, so a test patches one answer without a real dialog."""

    @classmethod
    def open_file(cls, parent: QWidget | None, tr: Translator) -> Path | None:
        from PySide6.QtWidgets import QFileDialog

        path, _ = QFileDialog.getOpenFileName(parent, tr("file.import.title"), str(Path.home()),
                                              tr("file.import.filter"))
        return Path(path) if path else None

    @classmethod
    def save_file(cls, parent: QWidget | None, tr: Translator, fmt: str = "csv") -> tuple[Path, str] | None:
        """A file name and the export format picked in the type list (its suffix added when missing)."""
        filters = [tr(f"file.export.{name}") for name, _ in EXPORT_CHOICES]
        chosen = next((f for (name, _), f in zip(EXPORT_CHOICES, filters, strict=True) if name == fmt),
                      filters[0])
        base = tr("file.backup.name" if fmt == "backup" else "file.export.name")
        suffix = dict(EXPORT_CHOICES)[fmt]
        from PySide6.QtWidgets import QFileDialog

        path, picked = QFileDialog.getSaveFileName(parent, tr("file.export.title"),
                                                   str(Path.home() / (base + suffix)), ";;".join(filters),
                                                   chosen)
        if not path:
            return None
        return export_target(Path(path), filters.index(picked) if picked in filters else -1)

    @classmethod
    def folder(cls, parent: QWidget | None, tr: Translator) -> Path | None:
        from PySide6.QtWidgets import QFileDialog

        path = QFileDialog.getExistingDirectory(parent, tr("file.publish.title"), str(Path.home()))
        return Path(path) if path else None

    @classmethod
    def warn(cls, parent: QWidget | None, title: str, text: str) -> None:
        from PySide6.QtWidgets import QMessageBox

        QMessageBox.warning(parent, title, text)

    @classmethod
    def confirm(cls, parent: QWidget | None, title: str, text: str) -> bool:
        from PySide6.QtWidgets import QMessageBox

        answer = QMessageBox.question(parent, title, text,
                                      QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
                                      QMessageBox.StandardButton.No)
        return answer == QMessageBox.StandardButton.Yes


def export_target(path: Path, choice: int) -> tuple[Path, str]:
    """The format for a chosen file: the type picked in the list, else what the extension says."""
    if 0 <= choice < len(EXPORT_CHOICES):
        fmt, suffix = EXPORT_CHOICES[choice]
        if path.suffix.lower() not in (suffix, ".txt", ".xlsm"):
            path = path.with_name(path.name + suffix)
        return path, fmt
    suffix = path.suffix.lower()
    fmt = "xlsx" if suffix in (".xlsx", ".xlsm") else "pack" if suffix == ".json" else "csv"
    if not suffix:
        path = path.with_name(path.name + ".csv")
    return path, fmt
