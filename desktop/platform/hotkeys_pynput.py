"""Global hotkeys through pynput's GlobalHotKeys listener (X11 and macOS)."""

from __future__ import annotations

import logging
import threading
from typing import Any

from desktop.core.hotkey_spec import display_hotkey, hotkey_parts, normalise_hotkey
from desktop.platform.hotkeys import HotkeyCallback, HotkeyError, checked_hotkey, guarded

_log = logging.getLogger(__name__)

_MODIFIERS = {"ctrl": "<ctrl>", "alt": "<alt>", "shift": "<shift>", "win": "<cmd>"}
# Canonical key names (core.hotkey_spec) that pynput spells differently, as members of its Key enum.
_NAMED = {
    "space": "<space>", "tab": "<tab>", "enter": "<enter>", "esc": "<esc>", "backspace": "<backspace>",
    "delete": "<delete>", "insert": "<insert>", "home": "<home>", "end": "<end>",
    "pageup": "<page_up>", "pagedown": "<page_down>", "up": "<up>", "down": "<down>",
    "left": "<left>", "right": "<right>",
    **{f"f{n}": f"<f{n}>" for n in range(1, 13)},
}

# How long to wait for the listener thread to be ready before calling the start a failure.
_START_TIMEOUT = 5.0


class ListenerFailed(RuntimeError):
    """pynput's listener thread did not come up (no X RECORD extension, no X connection)."""


def to_pynput(canonical: str) -> str:
    """"ctrl+alt+q" -> "<ctrl>+<alt>+q" (pynput's HotKey.parse syntax)."""
    return "+".join(_MODIFIERS.get(p) or _NAMED.get(p) or p for p in hotkey_parts(canonical))


class PynputHotkeys:
    """Every registered hotkey served by one pynput keyboard listener for the backend's lifetime.

    pynput's GlobalHotKeys fixes its hotkeys when made, so each change would mean a new listener:
    ~20 ms each on the caller's (UI) thread, 0.4 s for twenty reply hotkeys at start-up. This does
    what GlobalHotKeys does (feed every key event to pynput ``HotKey`` matchers) with a list of
    matchers that is swapped whole on each change. Callbacks run on the listener's thread.
    """

    name = "pynput"

    def __init__(self, keyboard: Any = None) -> None:
        if keyboard is None:
            keyboard = _import_keyboard()
        self._keyboard = keyboard
        self._callbacks: dict[str, HotkeyCallback] = {}
        self._matchers: tuple[Any, ...] = ()
        self._lock = threading.Lock()
        self._listener: Any = keyboard.Listener(on_press=self._on_press, on_release=self._on_release)
        self._listener.daemon = True
        self._listener.start()
        # Starting proves the backend works here (X RECORD extension); bounded so a stuck X server
        # cannot hang the start-up.
        ready = threading.Event()

        def wait_ready() -> None:
            self._listener.wait()
            ready.set()

        threading.Thread(target=wait_ready, daemon=True).start()
        if not ready.wait(_START_TIMEOUT) or not self._listener.is_alive():
            # pynput's stop() waits, with no limit, for a listener that is still starting: a busy
            # or stuck X server would hang the caller (the window's thread). It is stopped from a
            # helper thread instead, whenever it gets that far.
            threading.Thread(target=stop_listener, args=(self._listener,), daemon=True).start()
            raise ListenerFailed("the keyboard listener did not start")

    def register(self, hotkey: str, callback: HotkeyCallback) -> None:
        with self._lock:
            canonical = checked_hotkey(hotkey, self._callbacks)
            try:
                self._keyboard.HotKey.parse(to_pynput(canonical))
            except ValueError as exc:
                raise HotkeyError("hotkey.invalid", hotkey=hotkey) from exc
            if not self._listener.is_alive():
                raise HotkeyError("hotkey.refused", hotkey=display_hotkey(canonical),
                                  why="the keyboard listener stopped")
            self._callbacks[canonical] = callback
            self._swap()

    def unregister(self, hotkey: str) -> None:
        with self._lock:
            if self._callbacks.pop(normalise_hotkey(hotkey) or hotkey, None) is not None:
                self._swap()

    def unregister_all(self) -> None:
        with self._lock:
            self._callbacks.clear()
            self._swap()

    def close(self) -> None:
        with self._lock:
            self._callbacks.clear()
            self._swap()
            stop_listener(self._listener)

    def _swap(self) -> None:
        hotkey = self._keyboard.HotKey
        self._matchers = tuple(hotkey(hotkey.parse(to_pynput(k)), guarded(k, cb, _log))
                               for k, cb in self._callbacks.items())

    def _on_press(self, key: Any, injected: bool = False) -> None:
        # Keys this process sends itself (the paster typing a reply) never trigger hotkeys.
        if not injected:
            canonical = self._listener.canonical(key)
            for matcher in self._matchers:
                matcher.press(canonical)

    def _on_release(self, key: Any, injected: bool = False) -> None:
        if not injected:
            canonical = self._listener.canonical(key)
            for matcher in self._matchers:
                matcher.release(canonical)


def stop_listener(listener: Any) -> None:
    """Stop a pynput listener and wait for its thread to end.

    On X11, pynput (1.8) sends the RECORD "disable" request on the connection its thread is blocked
    reading, so the request only leaves with the next key press, and every re-registration would
    leave a thread and two X connections behind. Sending it on the listener's idle control
    connection ends the thread at once.
    """
    listener.stop()
    display = getattr(listener, "_display_stop", None)
    context = getattr(listener, "_context", None)
    if display is not None and context is not None and listener.is_alive():
        try:
            display.record_disable_context(context)
            display.flush()
        except Exception as exc:  # the thread finished and closed the connection meanwhile
            _log.debug("listener already stopping: %s", exc)
    listener.join(_START_TIMEOUT)
    if listener.is_alive():
        _log.warning("keyboard listener did not stop within %.0f s", _START_TIMEOUT)


def _import_keyboard() -> Any:
    # Importing pynput.keyboard opens the X display: no display raises here, in the factory.
    from pynput import keyboard

    return keyboard

