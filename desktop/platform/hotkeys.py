"""Global hotkeys behind one protocol; real backends live in their own modules, chosen by a factory."""

from __future__ import annotations

import logging
import os
import sys
from collections.abc import Callable, Mapping
from typing import Protocol

from desktop.core.hotkey_spec import display_hotkey, normalise_hotkey
from desktop.core.i18n import Translator
from desktop.platform.backend_choice import start_backend
from desktop.platform.messages import PlatformError

HotkeyCallback = Callable[[], None]

# Lets IT (or a test) force a backend: keyboard, pynput or none.
BACKEND_ENV_VAR = "QUICKREPLY_HOTKEY_BACKEND"


class HotkeyError(PlatformError):
    """A hotkey could not be registered; ``message(tr)`` says why in the user's language."""

    key = "hotkey.refused"


class HotkeyBackend(Protocol):
    """Registers system-wide hotkeys given in canonical form ("ctrl+alt+q", see core.hotkey_spec).

    Callbacks may run on a backend thread: the window must hand them to the Qt main thread
    (a queued signal) before touching widgets.
    """

    name: str

    def register(self, hotkey: str, callback: HotkeyCallback) -> None:
        """Raises HotkeyError when the OS or backend refuses (taken by another program, invalid)."""

    def unregister(self, hotkey: str) -> None: ...

    def unregister_all(self) -> None: ...

    def close(self) -> None: ...


def checked_hotkey(hotkey: str, registered: Mapping[str, object]) -> str:
    """The canonical form of ``hotkey``; HotkeyError if it is invalid or already registered here."""
    canonical = normalise_hotkey(hotkey)
    if canonical is None:
        raise HotkeyError("hotkey.invalid", hotkey=hotkey)
    if canonical in registered:
        raise HotkeyError("hotkey.taken", hotkey=display_hotkey(canonical))
    return canonical


class FakeHotkeys:
    """For tests: records registrations, ``trigger()`` fires one, ``refuse`` simulates an OS refusal."""

    name = "fake"

    def __init__(self, refuse: set[str] | None = None) -> None:
        self.registered: dict[str, HotkeyCallback] = {}
        self.refuse = set(refuse or ())

    def register(self, hotkey: str, callback: HotkeyCallback) -> None:
        canonical = checked_hotkey(hotkey, self.registered)
        if canonical in self.refuse or hotkey in self.refuse:
            raise HotkeyError("hotkey.taken", hotkey=display_hotkey(canonical))
        self.registered[canonical] = callback

    def unregister(self, hotkey: str) -> None:
        self.registered.pop(normalise_hotkey(hotkey) or hotkey, None)

    def unregister_all(self) -> None:
        self.registered.clear()

    def close(self) -> None:
        self.registered.clear()

    def trigger(self, hotkey: str) -> None:
        self.registered[normalise_hotkey(hotkey) or hotkey]()


class NullHotkeys:
    """No global hotkeys on this system; ``reason`` says why (shown in the window)."""

    name = "none"

    def __init__(self, reason: str) -> None:
        # A key of PLATFORM_MESSAGES ("hotkey.why.wayland") or an OS error's own text.
        self.reason = reason

    def register(self, hotkey: str, callback: HotkeyCallback) -> None:
        raise HotkeyError("hotkey.unavailable", why=self.reason)

    def describe(self, tr: Translator) -> str:
        """The line the window shows: "global hotkey unavailable: <why>" in the user's language."""
        return HotkeyError("hotkey.unavailable", why=self.reason).message(tr)

    def unregister(self, hotkey: str) -> None:
        pass

    def unregister_all(self) -> None:
        pass

    def close(self) -> None:
        pass


BackendBuilder = Callable[[], HotkeyBackend]


def choose_hotkey_backend(system: str, environ: Mapping[str, str]) -> tuple[str | None, str]:
    """Which backend fits this system: ("keyboard" | "pynput", "") or (None, reason key)."""
    forced = environ.get(BACKEND_ENV_VAR, "").strip().lower()
    if forced == "none":
        return None, f"{BACKEND_ENV_VAR}=none"
    is_linux_like = not (system.startswith("win") or system == "darwin")
    if forced == "keyboard":
        # keyboard reads /dev/input on Linux: root only, and it never sees X events.
        return (None, "hotkey.why.keyboard_linux") if is_linux_like else ("keyboard", "")
    if forced == "pynput":
        return "pynput", ""
    if system.startswith("win"):
        return "keyboard", ""
    if system == "darwin":
        return "pynput", ""
    if not (system.startswith("linux") or "bsd" in system):
        return None, "hotkey.why.unsupported"
    if environ.get("DISPLAY"):
        return "pynput", ""
    if environ.get("WAYLAND_DISPLAY") or environ.get("XDG_SESSION_TYPE", "").lower() == "wayland":
        return None, "hotkey.why.wayland"
    return None, "hotkey.why.no_display"


def _build_keyboard() -> HotkeyBackend:
    from desktop.platform.hotkeys_keyboard import KeyboardHotkeys

    return KeyboardHotkeys()


def _build_pynput() -> HotkeyBackend:
    from desktop.platform.hotkeys_pynput import PynputHotkeys

    return PynputHotkeys()


DEFAULT_BUILDERS: Mapping[str, BackendBuilder] = {"keyboard": _build_keyboard, "pynput": _build_pynput}


def make_hotkey_backend(
    system: str = sys.platform,
    environ: Mapping[str, str] = os.environ,
    log: logging.Logger | None = None,
    builders: Mapping[str, BackendBuilder] = DEFAULT_BUILDERS,
) -> HotkeyBackend:
    """The global-hotkey backend for this system; never raises, falls back to NullHotkeys with why."""
    log = log or logging.getLogger(__name__)
    kind, reason = choose_hotkey_backend(system, environ)
    if kind == "pynput" and environ.get("WAYLAND_DISPLAY"):
        log.info("Wayland session: global hotkeys only fire while an X11 window has the focus")
    return start_backend(kind, reason, builders, NullHotkeys, feature="global hotkeys",
                         backend="global hotkey backend", log=log)


def guarded(hotkey: str, callback: HotkeyCallback, log: logging.Logger) -> HotkeyCallback:
    """The callback, made safe for a backend's listener thread: an exception there would end the
    thread and every hotkey with it, so it is logged instead."""

    def run() -> None:
        try:
            callback()
        except Exception:
            log.exception("hotkey %s: callback failed", hotkey)

    return run
