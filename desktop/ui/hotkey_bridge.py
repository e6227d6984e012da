"""Registers the global and per-reply hotkeys and brings their callbacks to the Qt main thread."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field

from PySide6.QtCore import QObject, Qt, Signal

from desktop.core.errors import QuickReplyError
from desktop.core.hotkey_spec import display_hotkey
from desktop.core.i18n import Translator
from desktop.core.model import Phrase
from desktop.platform.hotkeys import HotkeyBackend

GLOBAL = ""  # the tag of the global hotkey; per-reply hotkeys carry the phrase id


@dataclass
class Registration:
    """What the last ``register_all`` achieved; errors are shown in the window's banner."""

    global_error: QuickReplyError | None = None
    phrase_errors: list[tuple[Phrase, QuickReplyError]] = field(default_factory=list)


class HotkeyBridge(QObject):
    """Backend callbacks may come from a hook thread: they only emit ``_fired``, a queued signal,
    and the widgets are touched in ``_dispatch`` on the main thread."""

    globalTriggered = Signal()
    phraseTriggered = Signal(str)
    _fired = Signal(str)

    def __init__(self, backend: HotkeyBackend, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.backend = backend
        self._fired.connect(self._dispatch, Qt.ConnectionType.QueuedConnection)
        self._wanted: tuple[str, tuple[tuple[str, str], ...]] | None = None
        self.last = Registration()

    def register_all(self, global_hotkey: str, phrases: Mapping[str, Phrase], *, paused: bool = False,
                     force: bool = False) -> Registration:
        """(Re-)register everything; a call asking for what is already registered does nothing."""
        wanted = (global_hotkey, () if paused else tuple(sorted((k, p.id) for k, p in phrases.items())))
        if wanted == self._wanted and not force:
            return self.last
        self._wanted = wanted
        self.backend.unregister_all()
        result = Registration()
        if global_hotkey:
            try:
                self.backend.register(global_hotkey, self._emitter(GLOBAL))
            except QuickReplyError as exc:
                result.global_error = exc
            except Exception as exc:  # a backend bug must not stop the window from working
                result.global_error = QuickReplyError(detail=str(exc))
        if not paused:
            for hotkey, phrase in sorted(phrases.items()):
                try:
                    self.backend.register(hotkey, self._emitter(phrase.id))
                except QuickReplyError as exc:
                    result.phrase_errors.append((phrase, exc))
                except Exception as exc:
                    result.phrase_errors.append((phrase, QuickReplyError(detail=str(exc))))
        self.last = result
        return result

    def _emitter(self, tag: str) -> Callable[[], None]:
        def fire() -> None:  # runs on the backend's thread: only emit, never touch widgets
            self._fired.emit(tag)

        return fire

    def close(self) -> None:
        self.backend.unregister_all()
        self.backend.close()

    def _dispatch(self, tag: str) -> None:
        if tag == GLOBAL:
            self.globalTriggered.emit()
        else:
            self.phraseTriggered.emit(tag)


def describe(result: Registration, tr: Translator) -> tuple[str, str, str]:
    """Banner lines in plain words: (global hotkey problem, reply hotkey problems, their details)."""
    global_text = ""
    if result.global_error is not None:
        global_text = result.global_error.message(tr)
        if result.global_error.key == "error.generic":  # not a refusal the platform layer words itself
            global_text = tr("banner.global_hotkey", why=global_text)
    if not result.phrase_errors:
        return global_text, "", ""
    items = "；".join(f"{p.title}（{display_hotkey(p.hotkey or '')}）" for p, _ in result.phrase_errors)
    details = "\n".join(exc.message(tr) for _, exc in result.phrase_errors)
    text = tr("banner.phrase_hotkeys", items=items)
    if len(result.phrase_errors) == 1:  # one problem: say why right there, not only in the tooltip
        text = f"{text}\n{details}"
    return global_text, text, details
