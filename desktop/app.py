"""Composition root of the window: opens the library, builds the services and wires the window."""

from __future__ import annotations

import datetime as dt
import gc
import logging
from collections.abc import Callable, Iterator
from typing import TYPE_CHECKING, Any

from desktop.core.errors import QuickReplyError, StoreLocked
from desktop.core.exchange_messages import EXCHANGE_MESSAGES
from desktop.core.exchange_reasons import REASON_MESSAGES
from desktop.core.i18n import Translator
from desktop.core.messages import MESSAGES
from desktop.core.session import Session
from desktop.core.settings import Settings
from desktop.platform.clipboard import Clipboard
from desktop.platform.hotkeys import HotkeyBackend
from desktop.platform.messages import PLATFORM_MESSAGES
from desktop.platform.paste import Paster
from desktop.resources import risk_rules_dir
from desktop.ui.editor_strings import EDITOR_STRINGS
from desktop.ui.exchange_strings import EXCHANGE_UI_STRINGS
from desktop.ui.quick_window import QuickWindow
from desktop.ui.services import NoRiskChecks, RiskChecker, Services
from desktop.ui.strings import UI_STRINGS

if TYPE_CHECKING:
    from desktop.cli import CliContext

__all__ = ["FLUSH_INTERVAL_MS", "Services", "build_window", "make_checker", "make_services",
           "make_translator", "run_app", "self_test_window"]

_log = logging.getLogger(__name__)

# Settings the risk checker is built from: a change to any of them rebuilds it.
CHECKER_SETTINGS = ("platform", "locale", "risk_extra_words", "risk_allow_words", "official_channels",
                    "official_domains")
# Usage counters are written lazily; this bounds what a crash can lose.
FLUSH_INTERVAL_MS = 30_000
# Names the desktop entry (packaging/) and the window class the window manager groups windows by.
DESKTOP_FILE_NAME = "quickreply"
# Start-up measurement hook (benchmarks/): "1" prints the first marker once the window is shown, the
# second once the start-up work that follows it (risk checker, search strings) is done, then quits.
EXIT_AFTER_SHOW_ENV = "QUICKREPLY_EXIT_AFTER_SHOW"
WINDOW_SHOWN_MARKER = "QUICKREPLY_WINDOW_SHOWN"
STARTED_MARKER = "QUICKREPLY_STARTED"


def make_translator(locale: str) -> Translator:
    """One translator for the window and every dialog it opens (all catalogues, one language)."""
    return Translator(locale, MESSAGES, PLATFORM_MESSAGES, EDITOR_STRINGS, UI_STRINGS, EXCHANGE_MESSAGES,
                      REASON_MESSAGES, EXCHANGE_UI_STRINGS)


def make_services(session: Session, *, clipboard: Clipboard, hotkeys: HotkeyBackend,
                  paster: Paster | None = None,
                  now: Callable[[], dt.datetime] = dt.datetime.now, checker: bool = True) -> Services:
    """The search index and risk checker over the session's library, plus the OS services given.

    ``checker=False`` leaves the checker to the caller (the app builds it once the window is up).
    """
    from desktop.core.pinyin import to_simplified
    from desktop.core.search import SearchIndex
    from desktop.core.simplify import lazy_simplifier

    search = SearchIndex(session.library, simplify=lazy_simplifier(risk_rules_dir(), to_simplified))
    return Services(search=search, clipboard=clipboard, hotkeys=hotkeys,
                    checker=make_checker(session.settings) if checker else NoRiskChecks(),
                    paster=paster, now=now)


def make_checker(settings: Settings) -> RiskChecker:
    """The risk checker for the shop's platform and its own words; one that finds nothing when the
    rule files cannot be read (logged): copying replies must keep working."""
    from desktop.core.risk import checker_for_settings

    try:
        return checker_for_settings(settings, risk_rules_dir())
    except QuickReplyError as exc:
        _log.error("risk rules unavailable: %s", exc)
        return NoRiskChecks()


def self_test_window(session: Session) -> str:
    """For ``--self-test``: build and show the window offscreen, search, copy to a fake clipboard."""
    from PySide6.QtWidgets import QApplication

    from desktop.platform.clipboard import FakeClipboard
    from desktop.platform.hotkeys import FakeHotkeys

    app = QApplication.instance() or QApplication([])
    clipboard = FakeClipboard()
    window = build_window(session, make_services(session, clipboard=clipboard, hotkeys=FakeHotkeys()),
                          make_translator(session.settings.locale or "zh_CN"))
    try:
        window.show_window()
        app.processEvents()
        shown = window.model.rowCount()
        window.search.setText("qianshou")
        window.copy_current()
        first = window.model.phrase_at(0)
        if first is None or not clipboard.history:
            raise AssertionError("nothing was copied for 'qianshou'")
        return f"{shown} replies listed, Enter copied {first.title!r}"
    finally:
        window.shutdown()
        window.close()
        window.deleteLater()


def build_window(session: Session, services: Services, tr: Translator) -> QuickWindow:
    """The window over an open session, with start-up notices shown; no event loop is started."""
    window = QuickWindow(session.library, session.settings_store, services, tr)
    window.settingsChanged.connect(lambda old, new: _follow_settings(window, old, new))
    _wire_exchange(window, session)
    notices = session.report.messages(tr) + list(session.notices)
    if session.library.skipped:
        notices.append(tr("error.generic", detail=f"{len(session.library.skipped)} unreadable entries"))
    if notices:
        window.banner.set_message("store", "\n".join(notices))
    if session.seeded is not None:
        pack = session.seeded
        window.notify(tr("pack.seeded", name=pack.name, scenarios=len(pack.scenarios),
                         phrases=pack.phrase_count()))
    return window


def _wire_exchange(window: QuickWindow, session: Session) -> None:
    """Import, export and backups in the menu; the team library view, following its setting."""
    from desktop.ui.exchange_actions import ExchangeActions

    window.exchange = ExchangeActions(window, session.store.backups)  # type: ignore[attr-defined]
    data_dir = session.store.data_dir

    def follow_team(old: Settings | None, new: Settings) -> None:
        if old is None or old.team_library != new.team_library:
            from desktop.core.session import default_keyer
            from desktop.ui.team_sync import TeamSync  # only with a team library: it brings HTTP

            TeamSync.install(window, new.team_library, data_dir, keyer=default_keyer())

    if window.settings.team_library.strip():
        follow_team(None, window.settings)
    window.settingsChanged.connect(follow_team)


def _follow_settings(window: QuickWindow, old: Settings, new: Settings) -> None:
    """What the window cannot redo by itself after the settings dialog: the checker, the font."""
    from PySide6.QtWidgets import QApplication

    from desktop.ui.appearance import apply_appearance

    if any(getattr(old, name) != getattr(new, name) for name in CHECKER_SETTINGS):
        window.set_checker(make_checker(new))
    app = QApplication.instance()
    if isinstance(app, QApplication) and (old.font_size, old.theme) != (new.font_size, new.theme):
        apply_appearance(app, font_size=new.font_size, theme=new.theme)


def _message_box(title: str, text: str) -> None:
    from PySide6.QtWidgets import QMessageBox

    box = QMessageBox(QMessageBox.Icon.Warning, title, text)
    box.exec()


def run_app(ctx: CliContext) -> int:
    """Start the window; a second start shows the running window instead and exits with 0."""
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication

    from desktop.platform.hotkeys import make_hotkey_backend
    from desktop.platform.instance import SHOW, TOGGLE, SingleInstance
    from desktop.platform.instance_name import instance_name
    from desktop.platform.paste import make_paster
    from desktop.platform.qt_clipboard import QtClipboard
    from desktop.ui.appearance import apply_appearance
    from desktop.ui.qt_translator import install_qt_translation
    from desktop.ui.tray import TrayIcon, app_icon

    # argv[0] becomes the instance half of the X11 WM_CLASS: "quickreply", not "__main__.py".
    app: Any = QApplication.instance() or QApplication([DESKTOP_FILE_NAME])
    app.setApplicationName("QuickReply")
    app.setDesktopFileName(DESKTOP_FILE_NAME)  # the Wayland app id and the taskbar's desktop entry
    app.setApplicationDisplayName("快捷回复")
    tr = make_translator(ctx.locale)

    instance = SingleInstance(instance_name(ctx.data_dir))
    if not instance.claim():
        if instance.send(SHOW):  # waits for a window that is still starting
            return 0
        _message_box(tr("app.locked.title"), tr("instance.no_answer"))
        return 1
    try:
        session = ctx.open(write=True)
    except StoreLocked as exc:
        _message_box(tr("app.locked.title"), exc.message(tr))
        instance.close()
        return 1
    except QuickReplyError as exc:
        _message_box(tr("app.error.title"), exc.message(tr))
        instance.close()
        return 1

    settings = session.settings
    locale = ctx.args.locale or settings.locale or ctx.locale
    tr = make_translator(locale)
    apply_appearance(app, font_size=settings.font_size, theme=settings.theme)
    qt_translation = install_qt_translation(app, locale)
    services = make_services(session, clipboard=QtClipboard(), hotkeys=make_hotkey_backend(),
                             paster=make_paster(), checker=False)
    window = build_window(session, services, tr)

    app.setWindowIcon(app_icon())
    tray = TrayIcon(tr, paused=settings.hotkeys_paused)
    tray.showHideRequested.connect(lambda: window.hide() if window.isVisible() else window.show_window())
    tray.settingsRequested.connect(window.actions_.open_settings)
    tray.quitRequested.connect(app.quit)
    window.tray_notify = lambda text: bool(tray.notify(window.translator("window.title"), text))
    tray.pauseToggled.connect(window.set_hotkeys_paused)
    window.settingsChanged.connect(lambda _old, new: tray.set_paused(new.hotkeys_paused))
    window.quitRequested.connect(app.quit)
    if tray.available:
        tray.show()
        window.close_hides = True
        app.setQuitOnLastWindowClosed(False)

    def on_message(message: str) -> None:
        if message == TOGGLE:
            window.toggle_from_hotkey()
        else:
            window.show_window()

    instance.message_received.connect(on_message)

    def on_locale(new_tr: Translator) -> None:
        nonlocal qt_translation
        qt_translation = install_qt_translation(app, new_tr.locale, qt_translation)
        tray.retranslate(new_tr)

    window.languageChanged.connect(on_locale)

    flush = QTimer()
    flush.setInterval(FLUSH_INTERVAL_MS)
    flush.timeout.connect(session.library.flush)
    flush.start()

    def on_quit() -> None:
        flush.stop()
        window.shutdown()  # hotkeys first: their listener thread is stopped and joined here
        tray.hide()
        instance.close()
        session.close()

    app.aboutToQuit.connect(on_quit)
    from desktop.platform.termination import quit_on_terminate

    # Logout, shutdown or `kill`: quit through aboutToQuit so the library is flushed and closed.
    terminate = quit_on_terminate(app.quit)
    window.show_window()
    measuring = ctx.environ.get(EXIT_AFTER_SHOW_ENV) == "1"
    if measuring:  # once the loop runs the window is on screen and takes keys
        QTimer.singleShot(0, lambda: print(WINDOW_SHOWN_MARKER, flush=True))
    started = (lambda: (print(STARTED_MARKER, flush=True), app.quit())) if measuring else None
    # The channel later starts and --toggle talk through opens first, once the window is shown.
    after_show = AfterShow(window, services.search.warm_steps(), lambda: make_checker(window.settings),
                           done=started, first=instance.listen)
    QTimer.singleShot(0, after_show.start)
    try:
        return int(app.exec())
    finally:
        if terminate is not None:
            terminate.restore()
        after_show.stop()
        _delete_now(terminate, flush, after_show.timer, tray, window, instance)


def settle_collector() -> None:
    """Move everything loaded so far out of the cyclic collector's way, then switch it on (it is
    off while the window starts, desktop/cli.py): no keystroke pays for a pass over the library."""
    gc.freeze()
    gc.enable()


class AfterShow:
    """Start-up work done once the window is on screen, one small step per turn of the event loop,
    so keys typed meanwhile are handled between steps: ``first`` (the single-instance channel),
    the risk checker (row badges and the editor's marks follow), then the search strings chunk by
    chunk (a key that comes first builds the chunks it scans itself), then the garbage collector
    is settled (``settle_collector``)."""

    def __init__(self, window: QuickWindow, warm_steps: Iterator[None], checker: Callable[[], RiskChecker],
                 *, done: Callable[[], object] | None = None, first: Callable[[], object] | None = None,
                 settle: Callable[[], None] = settle_collector) -> None:
        from PySide6.QtCore import QTimer

        self._first = first
        self._window = window
        self._steps = warm_steps
        self._checker: Callable[[], RiskChecker] | None = checker
        self._done = done
        self._settle = settle
        self.timer = QTimer()
        self.timer.setInterval(0)
        self.timer.timeout.connect(self._step)

    def start(self) -> None:
        self.timer.start()

    def stop(self) -> None:
        self.timer.stop()

    def _step(self) -> None:
        if self._first is not None:
            first, self._first = self._first, None
            first()
            return
        if self._checker is not None:
            checker, self._checker = self._checker, None
            self._window.set_checker(checker())
            return
        if next(self._steps, StopIteration) is not StopIteration:
            return
        self.timer.stop()
        self._settle()
        if self._done is not None:
            self._done()


def _delete_now(*objects: Any) -> None:
    """Delete the app's Qt objects in this order while Python still runs, not in whatever order
    the interpreter's exit would pick (PySide can then release a Python object twice)."""
    import shiboken6

    for obj in objects:
        if obj is not None and shiboken6.isValid(obj):
            shiboken6.delete(obj)
