"""The automatic backups: list them, restore one as a merge (or, confirmed twice, as a full replace)."""

from __future__ import annotations

import datetime as dt
import tempfile
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from desktop.core.exchange import read_import
from desktop.core.i18n import Translator
from desktop.core.library import PhraseLibrary
from desktop.core.merge import RiskChecker
from desktop.core.merge_apply import replace_library
from desktop.core.store import BackupInfo
from desktop.ui.exchange_prompts import Prompts
from desktop.ui.import_dialog import ImportDialog, describe_error

PATH_ROLE = Qt.ItemDataRole.UserRole + 1


def backup_time(info: BackupInfo) -> str:
    return dt.datetime.fromtimestamp(info.time).strftime("%Y-%m-%d %H:%M:%S")


class BackupsDialog(QDialog):
    """``imported(result)`` after a merge restore (undoable); ``replaced(message, settings)`` after a
    full replace, with the backup's settings (a dict, possibly empty) for the window to apply;
    ``exportRequested()`` for the full-backup export, which the window's export does."""

    imported = Signal(object)
    replaced = Signal(str, object)
    exportRequested = Signal()

    def __init__(self, library: PhraseLibrary, list_backups: Callable[[], list[BackupInfo]], tr: Translator,
                 *, checker: RiskChecker | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.library = library
        self._list_backups = list_backups
        self.checker = checker
        self._tr = tr
        self.setMinimumWidth(460)
        self.hint = QLabel(self)
        self.hint.setWordWrap(True)
        self.list = QListWidget(self)
        self.list.itemDoubleClicked.connect(lambda _item: self.restore_selected())
        self.replace_box = QCheckBox(self)
        self.restore_button = QPushButton(self)
        self.restore_button.clicked.connect(self.restore_selected)
        self.export_button = QPushButton(self)
        self.export_button.clicked.connect(self.exportRequested.emit)
        self.close_button = QPushButton(self)
        self.close_button.clicked.connect(self.accept)
        row = QHBoxLayout()
        row.addWidget(self.export_button)
        row.addStretch(1)
        row.addWidget(self.restore_button)
        row.addWidget(self.close_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.hint)
        layout.addWidget(self.list, 1)
        layout.addWidget(self.replace_box)
        layout.addLayout(row)
        self.list.currentRowChanged.connect(lambda _row: self._update_buttons())
        self.reload()
        self.retranslate(tr)

    @classmethod
    def ask(cls, parent: QWidget | None, library: PhraseLibrary, list_backups: Callable[[], list[BackupInfo]],
            tr: Translator, *, checker: RiskChecker | None = None,
            on_import: Callable[[object], None] | None = None,
            on_replace: Callable[[str, object], None] | None = None,
            on_export: Callable[[], None] | None = None) -> None:
        dialog = cls(library, list_backups, tr, checker=checker, parent=parent)
        for signal, slot in ((dialog.imported, on_import), (dialog.replaced, on_replace),
                             (dialog.exportRequested, on_export)):
            if slot is not None:
                signal.connect(slot)
        dialog.exec()
        dialog.deleteLater()

    def retranslate(self, tr: Translator) -> None:
        self._tr = tr
        self.setWindowTitle(tr("backups.title"))
        self.hint.setText(tr("backups.hint"))
        self.replace_box.setText(tr("backups.replace"))
        self.restore_button.setText(tr("backups.restore"))
        self.export_button.setText(tr("backups.export"))
        self.close_button.setText(tr("backups.close"))
        self.reload()

    def reload(self) -> None:
        """List the backups, newest first, with their time and phrase count."""
        tr = self._tr
        self.backups = self._list_backups()
        self.list.clear()
        for info in self.backups:
            count = tr("backups.count", count=info.phrases) if info.phrases is not None else tr(
                "backups.unreadable")
            item = QListWidgetItem(tr("backups.item", time=backup_time(info), count=count))
            item.setData(PATH_ROLE, str(info.path))
            item.setToolTip(str(info.path))
            if info.phrases is None:
                item.setFlags(item.flags() & ~Qt.ItemFlag.ItemIsEnabled)
            self.list.addItem(item)
        if not self.backups:
            empty = QListWidgetItem(tr("backups.empty"))
            empty.setFlags(Qt.ItemFlag.NoItemFlags)
            self.list.addItem(empty)
        elif self.backups[0].phrases is not None:
            self.list.setCurrentRow(0)
        self._update_buttons()

    def selected(self) -> BackupInfo | None:
        row = self.list.currentRow()
        if 0 <= row < len(self.backups) and self.backups[row].phrases is not None:
            return self.backups[row]
        return None

    def _update_buttons(self) -> None:
        self.restore_button.setEnabled(self.selected() is not None)

    # -- restoring -------------------------------------------------------------------------------

    def restore_selected(self) -> None:
        info = self.selected()
        if info is None:
            return
        if self.replace_box.isChecked():
            self.restore_replace(info)
        else:
            self.restore_merge(info)

    def restore_merge(self, info: BackupInfo) -> None:
        """The same preview as an import: new and changed phrases come back, nothing is removed."""
        result = ImportDialog.ask(self, self.library, info.path, self._tr, checker=self.checker)
        if result is not None:
            self.imported.emit(result)
            self.reload()

    def restore_replace(self, info: BackupInfo) -> bool:
        """Swap the whole library for the backup, only after a second, explicit yes."""
        tr = self._tr
        question = tr("backups.confirm.text", current=len(self.library), time=backup_time(info),
                      count=info.phrases)
        if not Prompts.confirm(self, tr("backups.confirm.title"), question):
            return False
        try:
            data = read_import(info.path, "backup", locale=tr.locale)
            with tempfile.TemporaryDirectory(prefix="quickreply-restore-") as scratch:
                result, _plan = replace_library(self.library, data, scratch_dir=Path(scratch))
        except Exception as exc:  # shown in the user's words; the library is as it was
            Prompts.warn(self, tr("backups.failed.title"), describe_error(exc, tr))
            return False
        message = tr("restore.replaced", count=len(self.library),
                     backup=str(result.backup) if result.backup else "—")
        self.replaced.emit(message, dict(data.settings or {}))
        self.reload()
        return True
