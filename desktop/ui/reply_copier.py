"""Puts a reply on the clipboard (placeholders filled, use counted) and optionally pastes it."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

from PySide6.QtCore import QObject, QTimer, Signal

from desktop.core.errors import QuickReplyError
from desktop.core.i18n import Translator
from desktop.core.library import PhraseLibrary
from desktop.core.model import Phrase
from desktop.core.placeholders import Context, Filled, fill
from desktop.core.settings import Settings
from desktop.platform.clipboard import Clipboard
from desktop.platform.paste import Paster

# The target program reads the clipboard when it handles the paste keys, a moment after we send
# them; restoring the old clipboard sooner would paste the old text.
RESTORE_AFTER_MS = 400


class ReplyCopier(QObject):
    """``pasteFailed(message)`` reports an auto-paste that did not work (the reply is still copied)."""

    pasteFailed = Signal(str)

    def __init__(self, library: PhraseLibrary, clipboard: Clipboard, settings: Callable[[], Settings], *,
                 paster: Paster | None = None, now: Callable[[], dt.datetime] = dt.datetime.now,
                 describe_error: Callable[[QuickReplyError], str] = str,
                 parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._library = library
        self._clipboard = clipboard
        self._settings = settings
        self._paster = paster
        self._now = now
        self._describe = describe_error

    def fill(self, phrase: Phrase, answers: dict[str, str] | None = None) -> Filled:
        s = self._settings()
        return fill(phrase.text, Context(agent=s.agent_name, shop=s.shop_name, now=self._now()), answers)

    def copy(self, phrase: Phrase, answers: dict[str, str] | None = None) -> Filled:
        """Copy now; returns what was copied so the window can warn about unfilled placeholders."""
        filled = self.fill(phrase, answers)
        self._clipboard.set_text(filled.text)
        self._library.record_use(phrase.id)
        return filled

    def will_paste(self) -> bool:
        return self._paster is not None and self._settings().auto_paste

    def copy_and_paste(self, phrase: Phrase, answers: dict[str, str] | None = None) -> Filled:
        """Copy, then (the window having hidden itself so the chat has the focus) paste after the
        configured delay and put the user's own clipboard back when asked to."""
        s = self._settings()
        previous = None
        if s.restore_clipboard:
            try:
                previous = self._clipboard.text()
            except QuickReplyError:
                previous = None
        filled = self.copy(phrase, answers)
        QTimer.singleShot(max(0, s.paste_delay_ms),
                          lambda: self._paste(phrase, s.paste_method, filled.text, previous))
        return filled

    def _paste(self, phrase: Phrase, method: str, text: str, previous: str | None) -> None:
        assert self._paster is not None
        try:
            self._paster.paste(method, text)
        except QuickReplyError as exc:
            self.pasteFailed.emit(self._describe(exc))
            return
        except Exception as exc:  # a paste backend failing must never lose the copied reply
            self.pasteFailed.emit(str(exc))
            return
        if previous is not None:
            QTimer.singleShot(RESTORE_AFTER_MS, lambda: self._clipboard.set_text(previous))


def copied_message(tr: Translator, phrase: Phrase, filled: Filled) -> tuple[str, bool]:
    """What the toast says after a copy, and whether it warns: placeholders nobody knows or
    left empty are named, so the agent fixes them before sending."""
    if filled.unknown:
        return tr("toast.unknown", title=phrase.title, names=_names(filled.unknown)), True
    if filled.empty:
        return tr("toast.empty", title=phrase.title, names=_names(filled.empty)), True
    return tr("toast.copied", title=phrase.title), False


def _names(names: list[str]) -> str:
    return "、".join("{" + n + "}" for n in names)
