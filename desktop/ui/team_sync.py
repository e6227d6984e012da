"""The team library in the window: refreshed on a timer off the GUI thread, shown read-only as a view."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QTimer, Signal
from PySide6.QtWidgets import QListWidgetItem, QMenu

from desktop.core.errors import QuickReplyError
from desktop.core.i18n import Translator
from desktop.core.library import SearchKeyer
from desktop.core.listing import SEARCH_LIMIT, TEAM
from desktop.core.model import Phrase, Scenario
from desktop.core.search import SearchIndex
from desktop.core.team import TEAM_PREFIX, TeamSubscription, TeamUpdate, copy_to_personal
from desktop.core.team_phrases import TeamPhrases
from desktop.ui.background import BackgroundTask
from desktop.ui.scenario_nav import COUNT_ROLE, KEY_ROLE

if TYPE_CHECKING:
    from desktop.ui.quick_window import QuickWindow

REFRESH_MS = 60_000
CACHE_FOLDER = "team-cache"


class TeamSync(QObject):
    """``updated(TeamUpdate)`` after each refresh. The last good copy stays listed whatever happens."""

    updated = Signal(object)

    def __init__(self, subscription: TeamSubscription, window: QuickWindow, *,
                 interval_ms: int = REFRESH_MS) -> None:
        super().__init__(window)
        self.subscription = subscription
        self.window = window
        self.phrases = TeamPhrases(subscription.scenarios(), subscription.phrases())
        self.index = SearchIndex(self.phrases)  # the same search as personal phrases, over the team's
        self.problem: QuickReplyError | None = None
        self._task: BackgroundTask | None = None
        self.timer = QTimer(self)
        self.timer.setInterval(interval_ms)
        self.timer.timeout.connect(self.refresh)

    @classmethod
    def install(cls, window: QuickWindow, source: str, data_dir: Path, *, keyer: SearchKeyer | None = None,
                tr: Translator | None = None, interval_ms: int = REFRESH_MS,
                start: bool = True) -> TeamSync | None:
        """Replace the window's team view for ``source`` (none when it is empty); refresh at once."""
        old = window.team
        if old is not None:
            old.stop()
            old.deleteLater()
        window.team = None
        sync = None
        if source.strip():
            from desktop.core.exchange_items import exchange_translator

            sub = TeamSubscription(source, data_dir / CACHE_FOLDER, keyer=keyer,
                                   tr=exchange_translator(tr.locale if tr else window.translator.locale))
            sync = cls(sub, window, interval_ms=interval_ms)
            window.team = sync
            if start:
                sync.timer.start()
                sync.refresh()
        window.banner.set_message("team", "")
        window.rebuild_nav()
        window.refresh(keep_selection=True)
        return sync

    def stop(self) -> None:
        self.timer.stop()
        if self._task is not None:
            self._task.cancel()
            self._task = None
        self.index.close()

    # -- refreshing (the subscription may wait for a slow share or server) -----------------------

    def refresh(self) -> BackgroundTask | None:
        """Start one refresh in a worker thread; none while the previous one is still running."""
        if self._task is not None:
            return None
        task = BackgroundTask(lambda _progress: self.subscription.refresh())
        task.finished.connect(self._on_update)
        task.failed.connect(self._on_failed)
        self._task = task
        task.start()
        return task

    def _on_update(self, update: TeamUpdate) -> None:
        self._task = None
        if update.changed:
            self.phrases.replace(self.subscription.scenarios(), update.phrases)
        self.problem = update.problem
        self._show_problem()
        if update.changed:
            self.window.rebuild_nav()
            if self.window.nav.current_key() == TEAM:
                self.window.refresh(keep_selection=True)
        self.updated.emit(update)

    def _on_failed(self, exc: BaseException) -> None:
        self._task = None  # an unexpected fault: the copy in use stays; the next tick tries again
        self.problem = exc if isinstance(exc, QuickReplyError) else None
        self._show_problem()

    def _show_problem(self) -> None:
        self.window.banner.set_message("team", self.warning())

    def warning(self) -> str:
        return self.problem.message(self.window.translator) if self.problem is not None else ""

    # -- the view --------------------------------------------------------------------------------

    def listed(self, query: str) -> list[Phrase]:
        """The team view's rows: all in pack order, or what the search finds."""
        if query:
            return [h.phrase for h in self.index.search(query, limit=SEARCH_LIMIT)]
        return self.phrases.phrases()

    def rebuild_nav(self, scenarios: Sequence[Scenario], count: Callable[[str], int]) -> None:
        """The window's scenario list with the Team view added at its end; the choice is kept."""
        nav = self.window.nav
        current = nav.current_key()
        nav.blockSignals(True)
        try:
            nav.set_scenarios(scenarios, count)
            item = QListWidgetItem()
            item.setData(KEY_ROLE, TEAM)
            item.setData(COUNT_ROLE, len(self.phrases))
            nav.addItem(item)
            self.retranslate(self.window.translator)
            if current == TEAM:
                nav.set_current_key(TEAM)
        finally:
            nav.blockSignals(False)
        if nav.current_key() != current:
            nav.scenarioChanged.emit(nav.current_key())

    def nav_item(self) -> QListWidgetItem | None:
        nav = self.window.nav
        for i in range(nav.count()):
            if nav.item(i).data(KEY_ROLE) == TEAM:
                return nav.item(i)
        return None

    def retranslate(self, tr: Translator) -> None:
        item = self.nav_item()
        if item is not None:
            item.setText(tr("nav.team"))
            item.setToolTip(tr("nav.tooltip", name=tr("nav.team"), count=len(self.phrases)))
        self._show_problem()

    # -- team phrases in use ---------------------------------------------------------------------

    @staticmethod
    def owns(phrase_id: str) -> bool:
        return phrase_id.startswith(TEAM_PREFIX)

    def record_use(self, phrase_id: str) -> Phrase | None:
        """Counted in the local cache folder, never in the team file."""
        return self.subscription.record_use(phrase_id)

    def copy_to_personal(self, phrase: Phrase) -> Phrase | None:
        tr = self.window.translator
        try:
            name = self.phrases.scenario(phrase.scenario).name
        except QuickReplyError:
            name = tr("team.personal_scenario")
        try:
            copy = copy_to_personal(self.window.library, phrase, name)
        except QuickReplyError as exc:
            self.window.notify(tr("toast.failed", detail=exc.message(tr)), warn=True)
            return None
        self.window.notify(tr("team.copied_personal", title=copy.title, code=copy.code))
        return copy

    def phrase_menu(self, phrase: Phrase) -> QMenu:
        tr = self.window.translator
        menu = QMenu(self.window)
        menu.addAction(tr("phrase.copy"), partial(self.window.copy_phrase, phrase))
        menu.addAction(tr("team.copy_personal"), partial(self.copy_to_personal, phrase))
        return menu
