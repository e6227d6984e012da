"""Global hotkeys behind one protocol; real backends live in their own modules, chosen by a factory."""

from __future__ import annotations

from collections.abc import Callable
from typing import Protocol

from desktop.core.errors import QuickReplyError

HotkeyCallback = Callable[[], None]


class HotkeyError(QuickReplyError):
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


class FakeHotkeys:
    """For tests: records registrations, ``trigger()`` fires one, ``refuse`` simulates an OS refusal."""

    name = "fake"

    def __init__(self, refuse: set[str] | None = None) -> None:
        self.registered: dict[str, HotkeyCallback] = {}
        self.refuse = set(refuse or ())

    def register(self, hotkey: str, callback: HotkeyCallback) -> None:
        if hotkey in self.refuse:
            raise HotkeyError("hotkey.taken", hotkey=hotkey)
        self.registered[hotkey] = callback

    def unregister(self, hotkey: str) -> None:
        self.registered.pop(hotkey, None)

    def unregister_all(self) -> None:
        self.registered.clear()

    def close(self) -> None:
        self.registered.clear()

    def trigger(self, hotkey: str) -> None:
        self.registered[hotkey]()


class NullHotkeys:
    """No global hotkeys on this system; ``reason`` says why (shown in the window)."""

    name = "none"

    def __init__(self, reason: str) -> None:
        self.reason = reason

    def register(self, hotkey: str, callback: HotkeyCallback) -> None:
        raise HotkeyError("hotkey.unavailable", why=self.reason)

    def unregister(self, hotkey: str) -> None:
        pass

    def unregister_all(self) -> None:
        pass

    def close(self) -> None:
        pass
