"""Global hotkeys: one contract every backend passes, the backend choice, the key translations."""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable, Iterator
from typing import Any

import pytest

from desktop.core.i18n import Translator
from desktop.platform.hotkeys import (
    FakeHotkeys,
    HotkeyBackend,
    HotkeyError,
    NullHotkeys,
    choose_hotkey_backend,
    make_hotkey_backend,
)
from desktop.platform.hotkeys_keyboard import KeyboardHotkeys, to_keyboard
from desktop.platform.hotkeys_pynput import to_pynput
from tests.xserver import XServer

# A failure deadline for a hotkey to arrive, not an expected duration (~16 ms measured).
FIRE_TIMEOUT = 10.0

Fire = Callable[[str], None]


class HotkeyContract:
    """What the window relies on, whichever backend serves it. Subclasses provide ``backend`` and
    ``fire`` (press the keys the way a person would, as far as the backend allows)."""

    def register_event(self, backend: HotkeyBackend, hotkey: str) -> threading.Event:
        fired = threading.Event()
        backend.register(hotkey, fired.set)
        return fired

    def test_pressing_a_registered_hotkey_runs_its_callback(self, backend: HotkeyBackend, fire: Fire) -> None:
        fired = self.register_event(backend, "ctrl+alt+j")
        fire("ctrl+alt+j")
        assert fired.wait(FIRE_TIMEOUT)

    def test_each_hotkey_runs_its_own_callback(self, backend: HotkeyBackend, fire: Fire) -> None:
        first = self.register_event(backend, "ctrl+alt+j")
        second = self.register_event(backend, "ctrl+alt+k")
        fire("ctrl+alt+k")
        assert second.wait(FIRE_TIMEOUT)
        assert not first.is_set()

    @pytest.mark.parametrize("again", ["ctrl+alt+j", "Alt+Ctrl+J", " ctrl + alt + j "])
    def test_registering_the_same_hotkey_twice_is_refused(self, backend: HotkeyBackend, again: str) -> None:
        backend.register("ctrl+alt+j", lambda: None)
        with pytest.raises(HotkeyError) as caught:
            backend.register(again, lambda: None)
        assert caught.value.key == "hotkey.taken"
        assert "Ctrl+Alt+J" in caught.value.message(Translator("en"))

    @pytest.mark.parametrize("invalid", ["j", "ctrl+alt", "ctrl+alt+", "ctrl+nokey", "ctrl+a+b", ""])
    def test_an_invalid_hotkey_is_refused_with_a_plain_message(self, backend: HotkeyBackend,
                                                               invalid: str) -> None:
        with pytest.raises(HotkeyError) as caught:
            backend.register(invalid, lambda: None)
        assert caught.value.key == "hotkey.invalid"
        assert "修饰键" in caught.value.message(Translator("zh_CN"))
        assert "modifier" in caught.value.message(Translator("en"))

    def test_an_unregistered_hotkey_can_be_registered_again(self, backend: HotkeyBackend, fire: Fire) -> None:
        backend.register("ctrl+alt+j", lambda: None)
        backend.unregister("Ctrl+Alt+J")
        fired = self.register_event(backend, "ctrl+alt+j")
        fire("ctrl+alt+j")
        assert fired.wait(FIRE_TIMEOUT)

    def test_unregister_all_frees_every_hotkey(self, backend: HotkeyBackend) -> None:
        backend.register("ctrl+alt+j", lambda: None)
        backend.register("ctrl+shift+k", lambda: None)
        backend.unregister_all()
        backend.register("ctrl+alt+j", lambda: None)
        backend.register("ctrl+shift+k", lambda: None)

    def test_unregistering_an_unknown_hotkey_is_harmless(self, backend: HotkeyBackend) -> None:
        backend.unregister("ctrl+alt+z")
        backend.unregister("not a hotkey")

    def test_a_failing_callback_does_not_stop_later_hotkeys(self, backend: HotkeyBackend, fire: Fire) -> None:
        def broken() -> None:
            raise RuntimeError("window bug")

        backend.register("ctrl+alt+k", broken)
        fired = self.register_event(backend, "ctrl+alt+j")
        try:
            fire("ctrl+alt+k")
        except RuntimeError:
            pass  # the fake runs callbacks on the caller's thread
        fire("ctrl+alt+j")
        assert fired.wait(FIRE_TIMEOUT)

    def test_close_twice_is_harmless(self, backend: HotkeyBackend) -> None:
        backend.register("ctrl+alt+j", lambda: None)
        backend.close()
        backend.close()


class TestFakeHotkeys(HotkeyContract):
    @pytest.fixture
    def backend(self) -> FakeHotkeys:
        return FakeHotkeys()

    @pytest.fixture
    def fire(self, backend: FakeHotkeys) -> Fire:
        return backend.trigger

    def test_refuse_simulates_a_hotkey_taken_by_another_program(self) -> None:
        backend = FakeHotkeys(refuse={"ctrl+alt+q"})
        with pytest.raises(HotkeyError) as caught:
            backend.register("Ctrl+Alt+Q", lambda: None)
        assert caught.value.key == "hotkey.taken"


class StandInKeyboard:
    """The three functions of the ``keyboard`` package the backend uses, without an OS hook."""

    def __init__(self) -> None:
        self.hotkeys: dict[str, Callable[[], None]] = {}

    def add_hotkey(self, spec: str, callback: Callable[[], None], suppress: bool = False) -> str:
        names = spec.split("+")
        known = {"ctrl", "alt", "shift", "windows", "page up", "page down", "esc", "plus", "enter", "space"}
        if any(len(n) > 1 and n not in known and not n.startswith("f") for n in names):
            raise ValueError(f"Key {spec!r} is not mapped to any known key.")
        self.hotkeys[spec] = callback
        return spec

    def remove_hotkey(self, handle: str) -> None:
        del self.hotkeys[handle]

    def press(self, canonical: str) -> None:
        self.hotkeys[to_keyboard(canonical)]()


class TestKeyboardHotkeys(HotkeyContract):
    """The Windows backend's own logic, against a stand-in for the ``keyboard`` package (which
    cannot run on Linux: it needs root and /dev/input, and never sees X events)."""

    @pytest.fixture
    def keyboard(self) -> StandInKeyboard:
        return StandInKeyboard()

    @pytest.fixture
    def backend(self, keyboard: StandInKeyboard) -> KeyboardHotkeys:
        return KeyboardHotkeys(keyboard)

    @pytest.fixture
    def fire(self, keyboard: StandInKeyboard) -> Fire:
        def press(hotkey: str) -> None:
            try:
                keyboard.press(hotkey)
            except KeyError:
                pass  # not registered: nothing fires, as with the real hook

        return press

    def test_hotkeys_are_removed_from_the_hook_on_close(self, backend: KeyboardHotkeys,
                                                       keyboard: StandInKeyboard) -> None:
        backend.register("ctrl+alt+j", lambda: None)
        backend.close()
        assert keyboard.hotkeys == {}


class TestPynputHotkeys(HotkeyContract):
    """The X11/macOS backend for real: keys sent by xdotool to a virtual X server."""

    @pytest.fixture
    def backend(self, xserver: XServer) -> Iterator[HotkeyBackend]:
        from desktop.platform.hotkeys_pynput import PynputHotkeys

        backend = PynputHotkeys()
        try:
            yield backend
        finally:
            backend.close()

    @pytest.fixture
    def fire(self, xserver: XServer) -> Fire:
        def press(hotkey: str) -> None:
            xserver.run("xdotool", "key", hotkey.replace("win+", "super+"))

        return press

    def test_the_factory_picks_pynput_on_x11(self, xserver: XServer) -> None:
        backend = make_hotkey_backend(system="linux", environ={"DISPLAY": xserver.display})
        try:
            assert backend.name == "pynput"
        finally:
            backend.close()


class TestNullHotkeys:
    def test_registering_says_why_hotkeys_are_unavailable(self) -> None:
        backend = NullHotkeys("hotkey.why.wayland")
        with pytest.raises(HotkeyError) as caught:
            backend.register("ctrl+alt+q", lambda: None)
        assert caught.value.key == "hotkey.unavailable"
        assert "Wayland" in caught.value.message(Translator("zh_CN"))
        assert "quickreply --toggle" in caught.value.message(Translator("en"))

    @pytest.mark.parametrize(("locale", "expected"), [
        ("zh_CN", "全局快捷键不可用：没有图形显示"),
        ("en", "Global hotkeys are unavailable: no display"),
    ])
    def test_describe_is_the_line_the_window_shows(self, locale: str, expected: str) -> None:
        assert NullHotkeys("hotkey.why.no_display").describe(Translator(locale)).startswith(expected)

    def test_an_os_error_text_is_shown_as_it_is(self) -> None:
        text = NullHotkeys("ImportError: no X connection").describe(Translator("en"))
        assert "ImportError: no X connection" in text

    def test_unregister_and_close_are_harmless(self) -> None:
        backend = NullHotkeys("hotkey.why.no_display")
        backend.unregister("ctrl+alt+q")
        backend.unregister_all()
        backend.close()


# -- choosing a backend ---------------------------------------------------------------------------

@pytest.mark.parametrize(("system", "environ", "expected"), [
    ("win32", {}, ("keyboard", "")),
    ("darwin", {}, ("pynput", "")),
    ("linux", {"DISPLAY": ":0"}, ("pynput", "")),
    ("linux", {"DISPLAY": ":0", "WAYLAND_DISPLAY": "wayland-0"}, ("pynput", "")),
    ("linux", {"WAYLAND_DISPLAY": "wayland-0"}, (None, "hotkey.why.wayland")),
    ("linux", {"XDG_SESSION_TYPE": "wayland"}, (None, "hotkey.why.wayland")),
    ("linux", {}, (None, "hotkey.why.no_display")),
    ("freebsd14", {"DISPLAY": ":0"}, ("pynput", "")),
    ("emscripten", {}, (None, "hotkey.why.unsupported")),
    ("linux", {"DISPLAY": ":0", "QUICKREPLY_HOTKEY_BACKEND": "keyboard"},
     (None, "hotkey.why.keyboard_linux")),
    ("win32", {"QUICKREPLY_HOTKEY_BACKEND": "pynput"}, ("pynput", "")),
    ("win32", {"QUICKREPLY_HOTKEY_BACKEND": "none"}, (None, "QUICKREPLY_HOTKEY_BACKEND=none")),
])
def test_choose_backend(system: str, environ: dict[str, str], expected: tuple[str | None, str]) -> None:
    assert choose_hotkey_backend(system, environ) == expected


class Recorder:
    name = "recorder"

    def __init__(self, kind: str) -> None:
        self.kind = kind


def builders(fail: str | None = None) -> dict[str, Callable[[], Any]]:
    def build(kind: str) -> Callable[[], Any]:
        def make() -> Any:
            if kind == fail:
                raise ImportError("failed to acquire X connection\nmore detail")
            return Recorder(kind)

        return make

    return {"keyboard": build("keyboard"), "pynput": build("pynput")}


@pytest.mark.parametrize(("system", "environ", "kind"), [
    ("win32", {}, "keyboard"), ("darwin", {}, "pynput"), ("linux", {"DISPLAY": ":1"}, "pynput"),
])
def test_factory_builds_the_chosen_backend(system: str, environ: dict[str, str], kind: str) -> None:
    backend = make_hotkey_backend(system, environ, builders=builders())
    assert isinstance(backend, Recorder) and backend.kind == kind


def test_factory_falls_back_with_the_reason_and_logs_it(caplog: pytest.LogCaptureFixture) -> None:
    with caplog.at_level(logging.WARNING):
        backend = make_hotkey_backend("linux", {"WAYLAND_DISPLAY": "wayland-0"}, builders=builders())
    assert isinstance(backend, NullHotkeys)
    assert backend.reason == "hotkey.why.wayland"
    assert "Wayland session without X11" in caplog.text


def test_factory_never_raises_when_a_backend_fails_to_start(caplog: pytest.LogCaptureFixture) -> None:
    with caplog.at_level(logging.WARNING):
        backend = make_hotkey_backend("linux", {"DISPLAY": ":1"}, builders=builders(fail="pynput"))
    assert isinstance(backend, NullHotkeys)
    assert backend.reason == "ImportError: failed to acquire X connection"
    assert "pynput failed to start" in caplog.text


def test_factory_with_no_x_server_falls_back_instead_of_crashing(tmp_path: Any) -> None:
    """The real pynput import against a display that does not exist."""
    import subprocess
    import sys

    code = ("import os; from desktop.platform.hotkeys import make_hotkey_backend;"
            "b = make_hotkey_backend(); print(b.name)")
    env = {"PATH": "/usr/bin:/bin", "DISPLAY": ":4242", "HOME": str(tmp_path)}
    done = subprocess.run([sys.executable, "-c", code], env=env, capture_output=True, text=True, timeout=60)
    assert done.stdout.strip() == "none", done.stderr


# -- key translation ------------------------------------------------------------------------------

@pytest.mark.parametrize(("canonical", "expected"), [
    ("ctrl+alt+q", "<ctrl>+<alt>+q"),
    ("ctrl+shift+win+1", "<ctrl>+<shift>+<cmd>+1"),
    ("alt+f12", "<alt>+<f12>"),
    ("ctrl+pageup", "<ctrl>+<page_up>"),
    ("ctrl+alt+space", "<ctrl>+<alt>+<space>"),
    ("ctrl++", "<ctrl>++"),
    ("ctrl+/", "<ctrl>+/"),
])
def test_to_pynput(canonical: str, expected: str) -> None:
    assert to_pynput(canonical) == expected


@pytest.mark.parametrize("canonical",
                         ["ctrl+alt+q", "alt+f12", "ctrl+pagedown", "ctrl++", "win+esc", "ctrl+."])
def test_every_translation_parses_in_pynput(canonical: str, xserver: XServer) -> None:
    from pynput.keyboard import HotKey

    assert HotKey.parse(to_pynput(canonical))


@pytest.mark.parametrize(("canonical", "expected"), [
    ("ctrl+alt+q", "ctrl+alt+q"),
    ("win+pageup", "windows+page up"),
    ("ctrl++", "ctrl+plus"),
    ("alt+shift+f4", "alt+shift+f4"),
])
def test_to_keyboard(canonical: str, expected: str) -> None:
    assert to_keyboard(canonical) == expected


class NeverReadyKeyboard:
    """A keyboard module whose listener never gets its X connection ready, and whose stop() waits
    for readiness without a limit, as pynput's does on X11."""

    class Listener:
        def __init__(self, on_press: Any, on_release: Any) -> None:
            self.daemon = False
            self._ready = threading.Event()
            self.stopped = threading.Event()

        def start(self) -> None:
            pass

        def wait(self) -> None:
            self._ready.wait()

        def is_alive(self) -> bool:
            return True

        def stop(self) -> None:
            self.wait()
            self.stopped.set()

        def join(self, timeout: float | None = None) -> None:
            pass


def test_a_listener_that_never_starts_fails_the_backend_without_hanging(
        monkeypatch: pytest.MonkeyPatch) -> None:
    """A busy or stuck X server must not freeze the window: the backend gives up after its time
    limit and the app falls back to no global hotkeys (told in the window)."""
    import desktop.platform.hotkeys_pynput as hp

    monkeypatch.setattr(hp, "_START_TIMEOUT", 0.2)
    outcome: list[BaseException] = []

    def start() -> None:
        try:
            hp.PynputHotkeys(keyboard=NeverReadyKeyboard)
        except BaseException as exc:  # noqa: BLE001 - handed to the test thread
            outcome.append(exc)

    thread = threading.Thread(target=start, daemon=True)
    thread.start()
    thread.join(10)
    assert not thread.is_alive(), "starting the backend hung"
    assert len(outcome) == 1 and isinstance(outcome[0], hp.ListenerFailed)
