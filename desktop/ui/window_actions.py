"""The quick window's menus and the things they do: edit, pin, hotkey, move, delete and undo, dialogs."""

from __future__ import annotations

from functools import partial
from typing import TYPE_CHECKING

from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QMenu, QWidget

from desktop.core.errors import QuickReplyError
from desktop.core.i18n import Translator
from desktop.core.listing import TEAM, VIRTUAL
from desktop.core.model import Phrase

if TYPE_CHECKING:
    from desktop.ui.quick_window import QuickWindow


class WindowActions:
    """Everything reached from the menus; kept apart so the window file stays about the window.

    Each dialog's module is imported when the dialog is first opened, not at start-up: together
    they are a tenth of a second of the window's start.
    """

    def __init__(self, window: QuickWindow) -> None:
        self.w = window
        self.main_menu = QMenu(window)
        self.new_action = self._action(self.main_menu, "Ctrl+N", lambda: self.new_phrase())
        self.new_from_clipboard_action = self._action(self.main_menu, None, self.new_from_clipboard)
        self.check_action = self._action(self.main_menu, "Ctrl+K", self.open_checker)
        self.main_menu.addSeparator()
        self.scenario_menu = self.main_menu.addMenu("")
        self.scenario_add = self._action(self.scenario_menu, None, self.add_scenario)
        self.scenario_rename = self._action(self.scenario_menu, None, self.rename_scenario)
        self.scenario_delete = self._action(self.scenario_menu, None, self.delete_scenario)
        self.scenario_up = self._action(self.scenario_menu, None, partial(self.move_scenario, -1))
        self.scenario_down = self._action(self.scenario_menu, None, partial(self.move_scenario, 1))
        self.scenario_menu.aboutToShow.connect(self._update_scenario_actions)
        self.main_menu.addSeparator()
        self.on_top_action = self._action(self.main_menu, None, None)
        self.on_top_action.setCheckable(True)
        self.on_top_action.setChecked(window.settings.always_on_top)
        self.on_top_action.toggled.connect(window.set_always_on_top)
        self.settings_action = self._action(self.main_menu, "Ctrl+,", self.open_settings)
        self.main_menu.addSeparator()
        self.hide_action = self._action(self.main_menu, None, window.hide)
        self.quit_action = self._action(self.main_menu, "Ctrl+Q", window.quitRequested.emit)
        window.menu_button.setMenu(self.main_menu)
        # Menu shortcuts work while the menu is closed only when the actions belong to the window.
        window.addActions([self.new_action, self.check_action, self.settings_action, self.quit_action])
        window.list.customContextMenuRequested.connect(self._phrase_menu_at)
        window.nav.customContextMenuRequested.connect(self._scenario_menu_at)
        self.checker_panel: QWidget | None = None
        self.deleted: list[Phrase] = []  # this session's deletions, newest last, for Undo

    @staticmethod
    def _action(menu: QMenu, keys: str | None, slot: object) -> QAction:
        action = menu.addAction("")
        if keys:
            action.setShortcut(QKeySequence(keys))
            action.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
        if slot is not None:
            action.triggered.connect(lambda _=False: slot())  # type: ignore[operator]
        return action

    def retranslate(self, tr: Translator) -> None:
        for action, key in ((self.new_action, "menu.new"),
                            (self.new_from_clipboard_action, "menu.new_from_clipboard"),
                            (self.check_action, "menu.check"), (self.scenario_add, "menu.scenario_add"),
                            (self.scenario_rename, "menu.scenario_rename"),
                            (self.scenario_delete, "menu.scenario_delete"),
                            (self.scenario_up, "menu.scenario_up"),
                            (self.scenario_down, "menu.scenario_down"),
                            (self.on_top_action, "menu.always_on_top"),
                            (self.settings_action, "menu.settings"),
                            (self.hide_action, "menu.hide"), (self.quit_action, "menu.quit")):
            action.setText(tr(key))
        self.scenario_menu.setTitle(tr("menu.scenarios"))
        retranslate = getattr(self.checker_panel, "retranslate", None)
        if retranslate is not None:
            retranslate(tr)

    # -- the phrase menu -------------------------------------------------------------------------

    def phrase_menu(self, phrase: Phrase) -> QMenu:
        tr = self.w.translator
        menu = QMenu(self.w)
        menu.addAction(tr("phrase.copy"), lambda: self.w.copy_phrase(phrase))
        menu.addAction(tr("phrase.edit"), lambda: self.edit(phrase))
        menu.addAction(tr("phrase.unpin" if phrase.pinned else "phrase.pin"),
                       lambda: self.set_pinned(phrase, not phrase.pinned))
        menu.addAction(tr("phrase.hotkey"), lambda: self.assign_hotkey(phrase))
        move = menu.addMenu(tr("phrase.move"))
        for s in self.w.library.scenarios():
            action = move.addAction(s.name)
            action.triggered.connect(partial(self.move, phrase, s.id))
            action.setEnabled(s.id != phrase.scenario)
        menu.addSeparator()
        menu.addAction(tr("phrase.delete"), lambda: self.delete(phrase))
        return menu

    def _phrase_menu_at(self, pos: QPoint) -> None:
        index = self.w.list.indexAt(pos)
        phrase = self.w.model.phrase_at(index.row()) if index.isValid() else None
        if phrase is None:
            return
        self.w.select_row(index.row())
        team = self.w.team
        is_team = team is not None and team.owns(phrase.id)
        menu = team.phrase_menu(phrase) if team is not None and is_team else self.phrase_menu(phrase)
        menu.popup(self.w.list.viewport().mapToGlobal(pos))

    def _update_scenario_actions(self) -> None:
        """Rename, delete and move apply to a real scenario, not to All, Frequent, Recent or Pinned."""
        scenario = self._current_scenario()
        ids = [s.id for s in self.w.library.scenarios()]
        for action in (self.scenario_rename, self.scenario_delete):
            action.setEnabled(scenario is not None)
        self.scenario_up.setEnabled(scenario is not None and ids[:1] != [scenario])
        self.scenario_down.setEnabled(scenario is not None and ids[-1:] != [scenario])

    def _scenario_menu_at(self, pos: QPoint) -> None:
        menu = QMenu(self.w)
        menu.addActions([self.scenario_add, self.scenario_rename, self.scenario_delete])
        menu.addSeparator()
        menu.addActions([self.scenario_up, self.scenario_down])
        self._update_scenario_actions()
        menu.popup(self.w.nav.viewport().mapToGlobal(pos))

    def _try(self, fn: object) -> object:
        """Run a library change; a refusal is told in the toast, in plain words."""
        try:
            return fn()  # type: ignore[operator]
        except QuickReplyError as exc:
            self.w.notify(self.w.translator("toast.failed", detail=exc.message(self.w.translator)), warn=True)
            return None

    def edit(self, phrase: Phrase) -> Phrase | None:
        from desktop.ui.phrase_editor import PhraseEditorDialog

        saved = PhraseEditorDialog.ask(self.w, self.w.library, self.w.services.checker, self.w.translator,
                                       phrase=phrase)
        if saved is not None:
            self.w.notify(self.w.translator("toast.saved", title=saved.title))
        return saved

    def set_pinned(self, phrase: Phrase, pinned: bool) -> None:
        self._try(lambda: self.w.library.set_pinned(phrase.id, pinned))

    def assign_hotkey(self, phrase: Phrase) -> None:
        from desktop.ui.hotkey_dialog import ask_hotkey

        hotkey = ask_hotkey(self.w, self.w.translator, phrase)
        if hotkey is not None:
            self._try(lambda: self.w.library.update_phrase(phrase.id, hotkey=hotkey or None))

    def move(self, phrase: Phrase, scenario_id: str) -> None:
        if self._try(lambda: self.w.library.move_phrase(phrase.id, scenario_id)) is not None:
            name = self.w.library.scenario(scenario_id).name
            self.w.notify(self.w.translator("toast.moved", scenario=name))

    def delete(self, phrase: Phrase) -> None:
        if self._try(lambda: self.w.library.delete_phrase(phrase.id)) is None:
            return
        self.deleted.append(phrase)
        tr = self.w.translator
        self.w.notify(tr("toast.deleted", title=phrase.title), action_text=tr("toast.undo"),
                      action=self.undo_delete)

    def undo_delete(self) -> None:
        if not self.deleted:
            self.w.notify(self.w.translator("toast.nothing_to_undo"))
            return
        phrase = self.deleted.pop()
        restored = self._try(lambda: self.w.library.restore(phrase.id))
        if isinstance(restored, Phrase):
            self.w.notify(self.w.translator("toast.restored", title=restored.title))

    # -- the main menu ---------------------------------------------------------------------------

    def _current_scenario(self) -> str | None:
        key = self.w.nav.current_key()
        return None if key in VIRTUAL or key == TEAM else key

    def new_phrase(self, text: str | None = None) -> Phrase | None:
        from desktop.ui.phrase_editor import PhraseEditorDialog

        saved = PhraseEditorDialog.ask(self.w, self.w.library, self.w.services.checker, self.w.translator,
                                       scenario=self._current_scenario(), initial_text=text)
        if saved is not None:
            self.w.notify(self.w.translator("toast.saved", title=saved.title))
        return saved

    def new_from_clipboard(self) -> Phrase | None:
        try:
            text = self.w.services.clipboard.text().strip()
        except QuickReplyError:
            text = ""
        if not text:
            self.w.notify(self.w.translator("toast.clipboard_empty"), warn=True)
            return None
        return self.new_phrase(text)

    def open_checker(self) -> QWidget:
        from desktop.ui.checker_panel import CheckerPanel

        if self.checker_panel is None:
            # Suggested replies go through the window's own copy: placeholders filled, {?fields}
            # asked, paste and use counting as for any other copy.
            panel = CheckerPanel(self.w.services.checker, self.w.library, self.w.translator,
                                 self.w.services.clipboard, parent=self.w, copy_phrase=self.w.copy_phrase)
            panel.setWindowFlag(Qt.WindowType.Window)
            panel.setWindowTitle(self.w.translator("menu.check"))
            panel.resize(480, 520)
            self.checker_panel = panel
        self.checker_panel.show()
        self.checker_panel.raise_()
        self.checker_panel.activateWindow()
        return self.checker_panel

    def forget_checker_panel(self) -> None:
        """The next Ctrl+K opens a panel with the current checker."""
        if self.checker_panel is not None:
            self.checker_panel.close()
            self.checker_panel.deleteLater()
            self.checker_panel = None

    def open_settings(self) -> None:
        from desktop.ui.settings_dialog import SettingsDialog

        new = SettingsDialog.ask(self.w, self.w.settings, self.w.translator, self.w.settings_store.locked)
        if new is None:
            return
        try:
            self.w.settings_store.save(new)
        except QuickReplyError as exc:
            self.w.notify(exc.message(self.w.translator), warn=True)
            return
        settings = self.w.settings_store.load()  # IT-locked values win over what was entered
        tr = self.w.translator.with_locale(settings.locale) if settings.locale else self.w.translator
        self.w.apply_settings(settings, tr)
        self.on_top_action.setChecked(settings.always_on_top)

    def add_scenario(self) -> None:
        from desktop.ui.scenario_dialogs import ScenarioDialog

        created = ScenarioDialog.ask_add(self.w, self.w.library, self.w.translator)
        if created is not None:
            self.w.nav.set_current_key(created.id)

    def rename_scenario(self) -> None:
        from desktop.ui.scenario_dialogs import ScenarioDialog

        scenario = self._current_scenario()
        if scenario is not None:
            ScenarioDialog.ask_rename(self.w, self.w.library, self.w.translator,
                                      self.w.library.scenario(scenario))

    def delete_scenario(self) -> None:
        from desktop.ui.scenario_dialogs import ScenarioDialog

        scenario = self._current_scenario()
        if scenario is not None:
            target = ScenarioDialog.ask_delete(self.w, self.w.library, self.w.translator,
                                               self.w.library.scenario(scenario))
            if target is not None and target.id != scenario:
                self.w.nav.set_current_key(target.id)

    def move_scenario(self, step: int) -> None:
        """Up (-1) or down (+1) in the scenario list; the moved scenario stays selected."""
        from desktop.ui.scenario_dialogs import move_scenario

        scenario = self._current_scenario()
        if scenario is not None and self._try(lambda: move_scenario(self.w.library, scenario, step)):
            self.w.nav.set_current_key(scenario)
