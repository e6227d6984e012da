"""Pasting the copied reply into the chat window: synthetic key presses behind one protocol.

Focus: QuickReply hides its window before pasting; under a window manager (and on Windows and
macOS) the previously active window, the chat, gets the focus back. The caller waits for that
(a short single-shot timer after hiding) before calling ``paste``.
"""

from __future__ import annotations

import logging
import os
import sys
import threading
from collections.abc import Callable, Mapping
from typing import Any, Protocol

from desktop.platform.backend_choice import first_line, start_backend
from desktop.platform.hotkeys import choose_hotkey_backend
from desktop.platform.messages import PlatformError

PASTE_METHODS = ("ctrl_v", "shift_insert", "type")
# Typing on X11: how long a character typed on a spare key stays there (see PynputPaster._type).
X11_SETTLE_SECONDS = 0.03


class PasteError(PlatformError):
    key = "paste.failed"


class Paster(Protocol):
    name: str

    def paste(self, method: str, text: str = "") -> None:
        """Send the keys for ``method`` to the focused window: "ctrl_v" (Cmd+V on macOS),
        "shift_insert", or "type" (types ``text`` itself, for chats that block paste).

        Raises PasteError (unknown method, no backend, the OS refused)."""


def check_method(method: str) -> None:
    if method not in PASTE_METHODS:
        raise PasteError("paste.method_unknown", method=method)


class FakePaster:
    """For tests: records ``(method, text)`` in ``calls``."""

    name = "fake"

    def __init__(self) -> None:
        self.calls: list[tuple[str, str]] = []

    def paste(self, method: str, text: str = "") -> None:
        check_method(method)
        self.calls.append((method, text))


class NullPaster:
    """No way to send keys here; ``reason`` says why (the reply stays on the clipboard)."""

    name = "none"

    def __init__(self, reason: str) -> None:
        self.reason = reason

    def paste(self, method: str, text: str = "") -> None:
        check_method(method)
        raise PasteError("paste.unavailable", why=self.reason)


class PynputPaster:
    """Key presses through pynput's keyboard Controller (X11 and macOS)."""

    name = "pynput"

    def __init__(self, keyboard: Any = None, system: str = sys.platform) -> None:
        if keyboard is None:
            from pynput import keyboard as pynput_keyboard

            keyboard = pynput_keyboard
        self._keyboard = keyboard
        self._controller = keyboard.Controller()
        self._system = system
        self._x11 = not (system.startswith("win") or system == "darwin")

    def paste(self, method: str, text: str = "") -> None:
        check_method(method)
        key = self._keyboard.Key
        try:
            if method == "type":
                self._type(text)
            elif method == "shift_insert":
                self._combo(key.shift, key.insert)
            else:
                self._combo(key.cmd if self._system == "darwin" else key.ctrl, "v")
        except Exception as exc:  # pynput raises its own InvalidKeyException / X errors
            raise PasteError("paste.failed", why=first_line(exc)) from exc

    def close(self) -> None:
        """Release the X connection now (the controller would otherwise close it when collected)."""
        display = getattr(self._controller, "_display", None)
        if display is None:
            return
        del self._controller._display  # so pynput's own clean-up does not close it a second time
        try:
            display.close()
        except Exception:  # the X server went away first
            pass

    def _type(self, text: str) -> None:
        if not self._x11 or text.isascii():
            self._controller.type(text)
            return
        settle = threading.Event()
        for char in text:
            self._controller.type(char)
            if not char.isascii():
                # The receiving program must read the key before its spare key is cleared.
                settle.wait(X11_SETTLE_SECONDS)
                self._return_borrowed_keys()

    def _return_borrowed_keys(self) -> None:
        """On X11 pynput types a character missing from the keyboard map (every Chinese one) by
        putting it on a spare key, using that key's four shift levels in turn; programs read the
        third and fourth level differently and show the wrong character. Clearing the spare keys
        after each such character keeps every one on the first level (and the map clean)."""
        controller = self._controller
        borrows = getattr(controller, "_borrows", None)
        display = getattr(controller, "_display", None)
        if not borrows or display is None:
            return
        with controller._borrow_lock:
            for keycode in sorted({keycode for keycode, _, _ in borrows.values()}):
                width = len(display.get_keyboard_mapping(keycode, 1)[0])
                display.change_keyboard_mapping(keycode, [[0] * width])
            borrows.clear()
            display.flush()

    def _combo(self, modifier: Any, key: Any) -> None:
        with self._controller.pressed(modifier):
            self._controller.press(key)
            self._controller.release(key)


class KeyboardPaster:
    """Key presses through the ``keyboard`` package (Windows)."""

    name = "keyboard"

    def __init__(self, keyboard: Any = None) -> None:
        if keyboard is None:
            import keyboard as keyboard_package

            keyboard = keyboard_package
        self._keyboard = keyboard

    def paste(self, method: str, text: str = "") -> None:
        check_method(method)
        try:
            if method == "type":
                self._keyboard.write(text)
            elif method == "shift_insert":
                self._keyboard.send("shift+insert")
            else:
                self._keyboard.send("ctrl+v")
        except Exception as exc:
            raise PasteError("paste.failed", why=first_line(exc)) from exc


PasterBuilder = Callable[[], Paster]


DEFAULT_BUILDERS: Mapping[str, PasterBuilder] = {"keyboard": KeyboardPaster, "pynput": PynputPaster}


def make_paster(
    system: str = sys.platform,
    environ: Mapping[str, str] = os.environ,
    log: logging.Logger | None = None,
    builders: Mapping[str, PasterBuilder] = DEFAULT_BUILDERS,
) -> Paster:
    """The paste backend for this system (same choice as the hotkeys); never raises."""
    kind, reason = choose_hotkey_backend(system, environ)
    return start_backend(kind, reason, builders, NullPaster, feature="automatic paste",
                         backend="paste backend", log=log or logging.getLogger(__name__))
