"""The quick window: search, pick a reply, it is on the clipboard."""

from __future__ import annotations

from collections.abc import Callable
from functools import partial
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QModelIndex, Qt, QTimer, Signal
from PySide6.QtGui import (
    QCloseEvent,
    QGuiApplication,
    QKeySequence,
    QShortcut,
)
from PySide6.QtWidgets import QHBoxLayout, QVBoxLayout, QWidget

from desktop.core.errors import QuickReplyError
from desktop.core.i18n import Translator
from desktop.core.library import Change, PhraseLibrary
from desktop.core.listing import FREQUENT, PINNED, RECENT, TEAM, VIRTUAL, listed, view_counts
from desktop.core.model import Phrase
from desktop.core.placeholders import asked_fields
from desktop.core.settings import Settings, SettingsStore
from desktop.ui.appearance import QUICK_WINDOW_STYLE
from desktop.ui.banner import Banner
from desktop.ui.hotkey_bridge import HotkeyBridge, Registration, describe
from desktop.ui.phrase_list import PhraseListView
from desktop.ui.phrase_model import NUMBERED, PhraseModel
from desktop.ui.placeholder_form import PlaceholderForm
from desktop.ui.reply_copier import ReplyCopier, copied_message
from desktop.ui.scenario_nav import ScenarioNav
from desktop.ui.services import RiskChecker, Services
from desktop.ui.toast import Toast
from desktop.ui.use_counter import UseCounter
from desktop.ui.window_actions import WindowActions
from desktop.ui.window_flags import set_always_on_top, set_opacity
from desktop.ui.window_geometry import remember_geometry, restore_geometry
from desktop.ui.window_header import WindowHeader

if TYPE_CHECKING:  # installed by the app only when a team library is configured
    from desktop.ui.team_sync import TeamSync

DEFAULT_SIZE = (560, 620)


class QuickWindow(QWidget):
    """Signals: ``quitRequested`` from the menu;
    ``languageChanged(tr)`` after a live language switch (the tray and Qt's texts follow);
    ``settingsChanged(old, new)`` after the settings dialog (the app rebuilds what depends on them)."""

    quitRequested = Signal()
    languageChanged = Signal(object)
    settingsChanged = Signal(object, object)

    def __init__(self, library: PhraseLibrary, settings_store: SettingsStore, services: Services,
                 tr: Translator, parent: QWidget | None = None) -> None:
        super().__init__(parent, Qt.WindowType.Window)
        self.library = library
        self.settings_store = settings_store
        self.services = services
        self.translator = tr
        self.settings: Settings = settings_store.load()
        self.summoned_by_hotkey = False
        self._placed = False  # geometry restored once shown; saved from then on
        self.close_hides = False  # with a tray icon, closing only hides the window
        self._pending: Phrase | None = None  # waiting for the {?field} form
        self._floating_toast: Toast | None = None
        # Set by the app when a system tray exists: a reply copied by its hotkey is told there.
        self.tray_notify: Callable[[str], bool] | None = None

        self.team: TeamSync | None = None  # the read-only team library, when one is configured
        uses = UseCounter(library, lambda: self.team)  # a team phrase's copy is counted in the team cache
        self.copier = ReplyCopier(uses, services.clipboard, lambda: self.settings,  # type: ignore[arg-type]
                                  paster=services.paster, now=services.now,
                                  describe_error=lambda e: e.message(self.translator), parent=self)
        self.copier.pasteFailed.connect(lambda msg: self.notify(msg, warn=True))
        self.model = PhraseModel(services.checker.check, self)
        self.bridge = HotkeyBridge(services.hotkeys, self)
        self.bridge.globalTriggered.connect(self.toggle_from_hotkey)
        self.bridge.phraseTriggered.connect(self.copy_from_hotkey)

        self._build()
        self.actions_ = WindowActions(self)
        self._apply_window_settings()
        self.retranslate(tr)
        self._unsubscribe = library.subscribe(self._on_library_change)
        self.rebuild_nav()
        self.refresh()
        self.register_hotkeys()

    # -- layout ----------------------------------------------------------------------------------

    def _build(self) -> None:
        self.header = WindowHeader(self)
        self.search = self.header.search
        self.keep_open_button = self.header.keep_open_button
        self.menu_button = self.header.menu_button
        self.search.textSettled.connect(lambda _: self.refresh())
        self.search.confirmed.connect(self.copy_current)
        self.search.navigate.connect(self.move_selection)
        self.keep_open_button.toggled.connect(self._on_keep_open)

        self.banner = Banner(self.translator, self)
        self.form = PlaceholderForm(self.translator, self)
        self.form.answered.connect(self._on_form_answered)
        self.form.cancelled.connect(self._on_form_cancelled)

        self.nav = ScenarioNav(self.translator, self)
        self.nav.setObjectName("nav")
        self.nav.scenarioChanged.connect(lambda _: self.refresh())
        self.nav.scenariosReordered.connect(self._reorder_scenarios)
        self.nav.phrasesDropped.connect(self._drop_phrases)
        self.list = PhraseListView(self)
        self.list.setObjectName("phrases")
        self.list.setModel(self.model)
        self.model.reordered.connect(self._reorder_phrases)
        self.list.clicked.connect(self._on_clicked)
        self.list.doubleClicked.connect(self._on_double_clicked)
        body = QHBoxLayout()
        body.setSpacing(6)
        body.addWidget(self.nav)
        body.addWidget(self.list, 1)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(10, 10, 10, 10)
        layout.setSpacing(8)
        layout.addWidget(self.header)
        layout.addWidget(self.banner)
        layout.addWidget(self.form)
        layout.addLayout(body, 1)
        self.toast = Toast(self)
        self.setStyleSheet(QUICK_WINDOW_STYLE)
        self._hide_timer = QTimer(self)
        self._hide_timer.setSingleShot(True)
        self._hide_timer.timeout.connect(self.hide)

        self._shortcuts: list[QShortcut] = []
        for n in range(1, NUMBERED + 1):
            self._shortcut(f"Alt+{n}", partial(self.copy_row, n - 1))
        self._shortcut("Ctrl+F", self.focus_search)
        self._shortcut("Esc", self.escape)
        self._shortcut(QKeySequence.StandardKey.Undo, self.undo_delete)
        self._shortcut("Ctrl+PgDown", lambda: self.nav.step(1))
        self._shortcut("Ctrl+PgUp", lambda: self.nav.step(-1))
        self._shortcut("Alt+Up", partial(self.move_current, -1))
        self._shortcut("Alt+Down", partial(self.move_current, 1))
        self.search.setFocus()

    def _shortcut(self, keys: str | QKeySequence.StandardKey, slot: Callable[[], object]) -> QShortcut:
        shortcut = QShortcut(QKeySequence(keys), self)
        shortcut.activated.connect(slot)
        self._shortcuts.append(shortcut)
        return shortcut

    def _apply_window_settings(self) -> None:
        s = self.settings
        set_always_on_top(self, s.always_on_top)
        set_opacity(self, s.opacity)
        self.header.set_keep_open(s.keep_open_after_copy)

    def retranslate(self, tr: Translator) -> None:
        """Switch every text to ``tr``'s language, live."""
        changed = tr.locale != self.translator.locale
        self.translator = tr
        self.setWindowTitle(tr("window.title"))
        self.header.retranslate(tr)
        self.list.delegate().risk_labels = {"block": tr("risk.block"), "warn": tr("risk.warn")}
        self.model.risk_note = lambda words: tr("risk.tooltip", words=words)
        self.nav.retranslate(tr)
        self.banner.retranslate(tr)
        self.form.retranslate(tr)
        self.actions_.retranslate(tr)
        if self.team is not None:
            self.team.retranslate(tr)
        self._update_empty_text()
        self._show_registration(self.bridge.last)
        if self.list.isVisible():
            self.list.viewport().update()
        if changed:
            self.languageChanged.emit(tr)

    # -- listing ---------------------------------------------------------------------------------

    def rebuild_nav(self) -> None:
        counts = view_counts(self.library.phrases())
        if self.team is not None:
            self.team.rebuild_nav(self.library.scenarios(), lambda key: counts.get(key, 0))
            return
        self.nav.set_scenarios(self.library.scenarios(), lambda key: counts.get(key, 0))

    def refresh(self, *, keep_selection: bool = False) -> None:
        """List what the query and the scenario ask for; the first row is selected."""
        if self.search.composing:
            return
        previous = self.current_phrase() if keep_selection else None
        query, key = self.search.text().strip(), self.nav.current_key()
        # Only a scenario listed in its own order (no query, not a virtual view) can be reordered.
        if key == TEAM:
            self.model.set_phrases(self.team.listed(query) if self.team is not None else [], scenario=None)
        else:
            self.model.set_phrases(listed(self.library, self.services.search, query, key),
                                   scenario=None if query or key in VIRTUAL else key)
        row = self.model.row_of(previous.id) if previous else -1
        self.select_row(max(row, 0))
        self._update_empty_text()

    def _update_empty_text(self) -> None:
        if self.search.text().strip():
            self.list.set_empty_text(self.translator("list.empty"), self.translator("list.empty_hint"))
        else:
            self.list.set_empty_text(self.translator("list.empty_scenario"),
                                     self.translator("list.empty_hint"))

    def select_row(self, row: int) -> None:
        if self.model.rowCount() == 0:
            return
        row = max(0, min(row, self.model.rowCount() - 1))
        index = self.model.index(row, 0)
        self.list.setCurrentIndex(index)
        self.list.scrollTo(index)

    def move_selection(self, step: int) -> None:
        self.select_row(self.list.currentIndex().row() + step)

    def current_phrase(self) -> Phrase | None:
        index = self.list.currentIndex()
        return self.model.phrase_at(index.row()) if index.isValid() else None

    def _on_library_change(self, change: Change) -> None:
        if change.kind == "used":
            for pid in change.ids:
                if pid in {p.id for p in self.model.phrases()}:
                    self.model.replace_phrase(self.library.phrase(pid))
            if self.nav.current_key() in (FREQUENT, RECENT):
                self.refresh(keep_selection=True)
            return
        if change.kind in ("added", "removed", "scenarios", "reset", "updated"):
            self.rebuild_nav()
        self.refresh(keep_selection=True)
        self.register_hotkeys()

    # -- copying ---------------------------------------------------------------------------------

    def copy_current(self) -> None:
        phrase = self.current_phrase()
        if phrase is not None:
            self.copy_phrase(phrase)

    def copy_row(self, row: int) -> None:
        phrase = self.model.phrase_at(row)
        if phrase is not None:
            self.select_row(row)
            self.copy_phrase(phrase)

    def copy_phrase(self, phrase: Phrase, *, via_click: bool = False) -> None:
        """Copy, or first ask for the {?fields} in the inline form."""
        fields = asked_fields(phrase.text)
        if fields:
            self._pending = phrase
            self.form.ask(phrase.title, fields)
            return
        self._finish_copy(phrase, None, via_click=via_click)

    def _on_form_answered(self, answers: dict[str, str]) -> None:
        phrase, self._pending = self._pending, None
        if phrase is not None:
            self._finish_copy(phrase, answers)
        self.search.setFocus()

    def _on_form_cancelled(self) -> None:
        self._pending = None
        self.search.setFocus()

    def _finish_copy(self, phrase: Phrase, answers: dict[str, str] | None, *,
                     via_click: bool = False) -> None:
        paste = self.copier.will_paste()
        try:
            if paste:
                filled = self.copier.copy_and_paste(phrase, answers)
            else:
                filled = self.copier.copy(phrase, answers)
        except QuickReplyError as exc:
            self.notify(self.translator("toast.failed", detail=exc.message(self.translator)), warn=True)
            return
        message, warn = copied_message(self.translator, phrase, filled)
        self.notify(message, warn=warn)
        if paste:
            self.hide()  # the chat window gets the focus back and receives the paste
        elif self.summoned_by_hotkey and not self.settings.keep_open_after_copy:
            # After a click, wait a double-click's time so a double-click can still open the editor.
            delay = QGuiApplication.styleHints().mouseDoubleClickInterval() if via_click else 0
            self._hide_timer.start(delay)

    def _on_clicked(self, index: QModelIndex) -> None:
        phrase = self.model.phrase_at(index.row())
        if phrase is not None:
            self.copy_phrase(phrase, via_click=True)

    def _on_double_clicked(self, index: QModelIndex) -> None:
        self._hide_timer.stop()
        phrase = self.model.phrase_at(index.row())
        if phrase is not None and self.team is not None and self.team.owns(phrase.id):
            self.notify(self.translator("team.read_only"))
        elif phrase is not None:
            self.actions_.edit(phrase)

    def notify(self, text: str, *, warn: bool = False, action_text: str | None = None,
               action: Callable[[], None] | None = None) -> None:
        """A toast in the window, or floating at the screen's corner while the window is hidden."""
        if self.isVisible():
            self.toast.show_message(text, warn=warn, action_text=action_text, action=action)
            return
        if self.tray_notify is not None and self.tray_notify(text):
            return
        if self._floating_toast is None:
            self._floating_toast = Toast(None)
        self._floating_toast.show_message(text, warn=warn)

    # -- hotkeys ---------------------------------------------------------------------------------

    def register_hotkeys(self, *, force: bool = False) -> Registration:
        result = self.bridge.register_all(self.settings.global_hotkey, self.library.by_hotkey(),
                                          paused=self.settings.hotkeys_paused, force=force)
        self._show_registration(result)
        return result

    def _show_registration(self, result: Registration) -> None:
        global_text, phrase_text, details = describe(result, self.translator)
        self.banner.set_message("global_hotkey", global_text)
        self.banner.set_message("phrase_hotkeys", phrase_text, details)

    def copy_from_hotkey(self, phrase_id: str) -> None:
        """A reply's own hotkey: copy without opening the window (unless it has {?fields} to ask)."""
        try:
            phrase = self.library.phrase(phrase_id)
        except QuickReplyError:
            return
        if asked_fields(phrase.text):
            self.show_window(summoned=True)
        self.copy_phrase(phrase)

    def toggle_from_hotkey(self) -> None:
        if self.isVisible() and self.isActiveWindow():
            self.hide()
        else:
            self.show_window(summoned=True)

    # -- showing and hiding ----------------------------------------------------------------------

    def show_window(self, *, summoned: bool = False) -> None:
        """Show with the search box focused and the last query selected, ready to type over."""
        self.summoned_by_hotkey = summoned
        self._hide_timer.stop()
        if not self.isVisible():
            restore_geometry(self, self.settings.window_geometry, DEFAULT_SIZE)
            self._placed = True
        self.show()
        self.raise_()
        self.activateWindow()
        self.focus_search()

    def focus_search(self) -> None:
        self.search.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.search.selectAll()

    def escape(self) -> None:
        if self.form.isVisible():
            self.form.cancel()
        elif self.search.text():
            self.search.clear()
        else:
            self.hide()

    def undo_delete(self) -> None:
        self.actions_.undo_delete()

    # -- reordering: drag and drop, Alt+Up / Alt+Down ----------------------------------------------

    def move_current(self, step: int) -> None:
        """The selected reply one place up (-1) or down (+1) in its scenario, when it has an order."""
        index = self.list.currentIndex()
        if index.isValid():
            self.model.move_row(index.row(), step)

    def _reorder_phrases(self, scenario: str, ids: list[str]) -> None:
        self._change(lambda: self.library.reorder_phrases(scenario, ids))

    def _reorder_scenarios(self, ids: list[str]) -> None:
        self._change(lambda: self.library.reorder_scenarios(ids))

    def _drop_phrases(self, ids: list[str], key: str) -> None:
        for pid in ids:
            try:
                phrase = self.library.phrase(pid)
            except QuickReplyError:
                continue  # deleted while it was being dragged
            if key == PINNED:
                self.actions_.set_pinned(phrase, True)
            else:
                self.actions_.move(phrase, key)

    def _change(self, fn: Callable[[], object]) -> None:
        """A library change asked for by a drag; if refused, say so and show the library as it is."""
        try:
            fn()
        except QuickReplyError as exc:
            self.notify(self.translator("toast.failed", detail=exc.message(self.translator)), warn=True)
            self.rebuild_nav()
            self.refresh(keep_selection=True)

    def hideEvent(self, event: Any) -> None:
        self._save_geometry()
        super().hideEvent(event)

    def closeEvent(self, event: QCloseEvent) -> None:
        self._save_geometry()
        if self.close_hides:
            event.ignore()
            self.hide()
            return
        super().closeEvent(event)

    def _save_geometry(self) -> None:
        if self._placed and remember_geometry(self, self.settings.window_geometry):
            self.save_settings()

    # -- settings --------------------------------------------------------------------------------

    def _on_keep_open(self, on: bool) -> None:
        self.settings.keep_open_after_copy = on
        self.save_settings()

    def set_always_on_top(self, on: bool) -> None:
        self.settings.always_on_top = on
        set_always_on_top(self, on)
        self.save_settings()

    def set_hotkeys_paused(self, paused: bool) -> None:
        self.settings.hotkeys_paused = paused
        self.save_settings()
        self.register_hotkeys()

    def save_settings(self) -> None:
        try:
            self.settings_store.save(self.settings)
        except QuickReplyError as exc:
            self.notify(exc.message(self.translator), warn=True)

    def apply_settings(self, settings: Settings, tr: Translator | None = None) -> None:
        """New settings from the settings dialog: window flags, hotkeys and language, live."""
        old, self.settings = self.settings, settings
        self._apply_window_settings()
        self.register_hotkeys(force=True)
        if tr is not None and tr.locale != self.translator.locale:
            self.retranslate(tr)
        self.settingsChanged.emit(old, settings)

    def set_checker(self, checker: RiskChecker) -> None:
        """A checker rebuilt for new rules or settings: badges are worked out again."""
        self.services.checker = checker
        self.model.set_risk_check(checker.check)
        self.actions_.forget_checker_panel()
        self.list.viewport().update()

    def shutdown(self) -> None:
        """Before quitting: the hotkey listener is stopped first, so no callback arrives mid-teardown."""
        self.bridge.close()
        if self.team is not None:
            self.team.stop()
        self._save_geometry()
        self._unsubscribe()
