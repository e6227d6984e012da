"""The window's import, export, backup and team-publish menu entries, and what they do."""

from __future__ import annotations

from collections.abc import Callable
from functools import partial
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QObject
from PySide6.QtGui import QAction

from desktop.core.errors import QuickReplyError
from desktop.core.i18n import Translator
from desktop.core.settings import Settings
from desktop.core.store import BackupInfo
from desktop.ui.exchange_prompts import Prompts

if TYPE_CHECKING:
    from desktop.core.merge_apply import ImportResult
    from desktop.ui.quick_window import QuickWindow

# The readers, writers and dialogs behind these entries (CSV, XLSX, HTTP, merging) are imported
# when an entry is first used: loading them at start-up would cost a tenth of a second.


class ExchangeActions(QObject):
    """Adds Import…, Export…, Backups… and Publish… to the window's menu, before "Always on top"."""

    def __init__(self, window: QuickWindow, list_backups: Callable[[], list[BackupInfo]]) -> None:
        super().__init__(window)
        self.w = window
        self._list_backups = list_backups
        self.imports: list[ImportResult] = []  # this session's imports, newest last, for Undo
        menu = window.actions_.main_menu
        before = window.actions_.on_top_action
        self.import_action = QAction(menu)
        self.export_action = QAction(menu)
        self.backups_action = QAction(menu)
        self.publish_action = QAction(menu)
        for action, slot in ((self.import_action, self.import_file), (self.export_action, self.export_file),
                             (self.backups_action, self.open_backups),
                             (self.publish_action, self.publish_team)):
            action.triggered.connect(lambda _=False, slot=slot: slot())
            menu.insertAction(before, action)
        menu.insertSeparator(before)
        window.languageChanged.connect(self.retranslate)
        self.retranslate(window.translator)

    def retranslate(self, tr: Translator) -> None:
        for action, key in ((self.import_action, "menu.import"), (self.export_action, "menu.export"),
                            (self.backups_action, "menu.backups"),
                            (self.publish_action, "menu.team_publish")):
            action.setText(tr(key))

    @property
    def tr(self) -> Translator:
        return self.w.translator

    # -- import ----------------------------------------------------------------------------------

    def import_file(self) -> ImportResult | None:
        from desktop.ui.import_dialog import ImportDialog

        path = Prompts.open_file(self.w, self.tr)
        if path is None:
            return None
        result = ImportDialog.ask(self.w, self.w.library, path, self.tr, checker=self.w.services.checker)
        if result is not None:
            self.imported(result)
        return result

    def imported(self, result: ImportResult) -> None:
        """Tell what an import did, with Undo in the toast."""
        self.imports.append(result)
        self.w.notify(result.summary(self.tr), action_text=self.tr("import.undo"),
                      action=partial(self.undo_import, result))

    def undo_import(self, result: ImportResult | None = None) -> None:
        if result is None:
            if not self.imports:
                return
            result = self.imports[-1]
        from desktop.core.merge_apply import undo_import

        if result in self.imports:
            self.imports.remove(result)
        try:
            report = undo_import(self.w.library, result)
        except QuickReplyError as exc:
            self.w.notify(self.tr("toast.failed", detail=exc.message(self.tr)), warn=True)
            return
        self.w.notify(report.summary(self.tr))

    # -- export ----------------------------------------------------------------------------------

    def export_file(self, fmt: str = "csv") -> int | None:
        from desktop.core.exchange import export_library
        from desktop.ui.import_dialog import describe_error

        chosen = Prompts.save_file(self.w, self.tr, fmt)
        if chosen is None:
            return None
        path, kind = chosen
        try:
            count = export_library(self.w.library, path, kind, locale=self.tr.locale,
                                   settings=self.w.settings.to_dict())
        except Exception as exc:  # a full disk, a file open in Excel: told, never a traceback
            Prompts.warn(self.w, self.tr("export.failed.title"), describe_error(exc, self.tr))
            return None
        self.w.notify(self.tr("export.done", count=count, path=str(path)))
        return count

    # -- backups ---------------------------------------------------------------------------------

    def open_backups(self) -> None:
        from desktop.ui.backups_dialog import BackupsDialog

        BackupsDialog.ask(self.w, self.w.library, self._list_backups, self.tr,
                          checker=self.w.services.checker, on_import=self.imported,
                          on_replace=self.replaced, on_export=lambda: self.export_file("backup"))

    def replaced(self, message: str, settings: Any) -> None:
        """After a full replace: the backup's settings come back too (IT-locked ones stay)."""
        self.imports.clear()  # their undo would act on a library that no longer exists
        if isinstance(settings, dict) and settings:
            store = self.w.settings_store
            try:
                store.save(Settings.from_dict(settings))
            except QuickReplyError as exc:
                self.w.notify(exc.message(self.tr), warn=True)
            else:
                new = store.load()
                tr = self.tr.with_locale(new.locale) if new.locale else self.tr
                self.w.apply_settings(new, tr)
        self.w.notify(self.tr("backups.restored", detail=message))

    # -- the team library ------------------------------------------------------------------------

    def publish_team(self) -> None:
        from desktop.core.team import publish_team_pack

        folder = Prompts.folder(self.w, self.tr)
        if folder is None:
            return
        try:
            target = publish_team_pack(self.w.library, folder, locale=self.tr.locale)
        except QuickReplyError as exc:
            Prompts.warn(self.w, self.tr("menu.team_publish"), exc.message(self.tr))
            return
        self.w.notify(self.tr("team.published", count=len(self.w.library), path=str(target)))
