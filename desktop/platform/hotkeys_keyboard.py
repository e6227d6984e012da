"""Global hotkeys through the ``keyboard`` package (Windows: a user-level hook, no admin rights)."""

from __future__ import annotations

import logging
from typing import Any

from desktop.core.hotkey_spec import hotkey_parts, normalise_hotkey
from desktop.platform.hotkeys import HotkeyCallback, HotkeyError, checked_hotkey, guarded

_log = logging.getLogger(__name__)

# Canonical key names (core.hotkey_spec) that keyboard spells differently.
_NAMES = {"win": "windows", "pageup": "page up", "pagedown": "page down", "esc": "esc", "+": "plus"}


def to_keyboard(canonical: str) -> str:
    """"ctrl+alt+pageup" -> "ctrl+alt+page up" (keyboard's hotkey syntax)."""
    return "+".join(_NAMES.get(p, p) for p in hotkey_parts(canonical))


class KeyboardHotkeys:
    """Hotkeys through ``keyboard.add_hotkey``. Never use it on Linux (root only, blind to X).

    ``keyboard`` can be given (a stand-in module in tests); callbacks run on keyboard's thread.
    """

    name = "keyboard"

    def __init__(self, keyboard: Any = None) -> None:
        if keyboard is None:
            keyboard = _import_keyboard()
        self._keyboard = keyboard
        self._handles: dict[str, Any] = {}

    def register(self, hotkey: str, callback: HotkeyCallback) -> None:
        canonical = checked_hotkey(hotkey, self._handles)
        try:
            handle = self._keyboard.add_hotkey(to_keyboard(canonical), guarded(canonical, callback, _log),
                                               suppress=False)
        except ValueError as exc:  # a key name keyboard does not know on this layout
            raise HotkeyError("hotkey.invalid", hotkey=hotkey) from exc
        except Exception as exc:
            raise HotkeyError("hotkey.refused", hotkey=hotkey, why=str(exc) or type(exc).__name__) from exc
        self._handles[canonical] = handle

    def unregister(self, hotkey: str) -> None:
        handle = self._handles.pop(normalise_hotkey(hotkey) or hotkey, None)
        if handle is not None:
            self._remove(handle)

    def unregister_all(self) -> None:
        for handle in self._handles.values():
            self._remove(handle)
        self._handles.clear()

    def close(self) -> None:
        self.unregister_all()

    def _remove(self, handle: Any) -> None:
        try:
            self._keyboard.remove_hotkey(handle)
        except (KeyError, ValueError):
            _log.debug("hotkey handle %r was already gone", handle)


def _import_keyboard() -> Any:
    import keyboard

    return keyboard

