"""Pasting into the chat: one contract for every paster, and real key presses into a real window."""

from __future__ import annotations

import json
import logging
import queue
import subprocess
import sys
import threading
import uuid
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest

from desktop.core.i18n import Translator
from desktop.platform.paste import (
    PASTE_METHODS,
    FakePaster,
    KeyboardPaster,
    NullPaster,
    PasteError,
    Paster,
    PynputPaster,
    make_paster,
)
from tests.xserver import XServer

CHILDREN = Path(__file__).with_name("x_children.py")
# A failure deadline for typed text to show up in the target window.
ARRIVAL_TIMEOUT = 15.0


class TextTarget:
    """A line edit in a separate Qt process on the X server, focused; ``text`` is what it shows."""

    def __init__(self, xserver: XServer) -> None:
        self.xserver = xserver
        title = f"qr-paste-target-{uuid.uuid4().hex[:8]}"
        self.process = xserver.spawn([sys.executable, str(CHILDREN), "line-edit", title],
                                     stdout=subprocess.PIPE)
        self._changes: queue.Queue[str] = queue.Queue()
        threading.Thread(target=self._pump, daemon=True).start()
        window = xserver.run("xdotool", "search", "--sync", "--name", title).split()[0]
        # No window manager under Xvfb: give the focus directly (windowactivate needs a WM).
        xserver.run("xdotool", "windowfocus", "--sync", window)
        self.text = ""

    def _pump(self) -> None:
        assert self.process.stdout is not None
        for line in self.process.stdout:
            self._changes.put(json.loads(line.decode("utf-8")))

    def wait_for(self, expected: str) -> None:
        while self.text != expected:
            try:
                self.text = self._changes.get(timeout=ARRIVAL_TIMEOUT)
            except queue.Empty:
                raise AssertionError(f"target shows {self.text!r}, expected {expected!r}") from None


class PasterContract:
    """Subclasses provide ``paster`` and ``received``: what reached the focused window, as a
    function taking the expected text (waiting where delivery is asynchronous)."""

    @pytest.mark.parametrize("text", ["hello", "亲，您好～稍等哦"])
    def test_type_sends_the_text_itself(self, paster: Paster, received: Callable[[str], None],
                                        text: str) -> None:
        paster.paste("type", text)
        received(text)

    @pytest.mark.parametrize("method", ["ctrl+v", "paste", ""])
    def test_an_unknown_method_is_refused_with_a_plain_message(self, paster: Paster, method: str) -> None:
        with pytest.raises(PasteError) as caught:
            paster.paste(method, "x")
        assert "ctrl_v" in caught.value.message(Translator("en"))
        assert "粘贴方式" in caught.value.message(Translator("zh_CN"))


class TestFakePaster(PasterContract):
    @pytest.fixture
    def paster(self) -> FakePaster:
        return FakePaster()

    @pytest.fixture
    def received(self, paster: FakePaster) -> Callable[[str], None]:
        def check(text: str) -> None:
            assert paster.calls[-1] == ("type", text)

        return check

    def test_records_every_call_in_order(self, paster: FakePaster) -> None:
        for method in PASTE_METHODS:
            paster.paste(method, "亲")
        assert paster.calls == [("ctrl_v", "亲"), ("shift_insert", "亲"), ("type", "亲")]


class StandInKeyboard:
    """The two functions of the ``keyboard`` package the Windows paster uses."""

    def __init__(self) -> None:
        self.sent: list[str] = []
        self.written: list[str] = []

    def send(self, keys: str) -> None:
        self.sent.append(keys)

    def write(self, text: str) -> None:
        self.written.append(text)


class TestKeyboardPaster(PasterContract):
    @pytest.fixture
    def keyboard(self) -> StandInKeyboard:
        return StandInKeyboard()

    @pytest.fixture
    def paster(self, keyboard: StandInKeyboard) -> KeyboardPaster:
        return KeyboardPaster(keyboard)

    @pytest.fixture
    def received(self, keyboard: StandInKeyboard) -> Callable[[str], None]:
        def check(text: str) -> None:
            assert keyboard.written[-1] == text

        return check

    @pytest.mark.parametrize(("method", "keys"), [("ctrl_v", "ctrl+v"), ("shift_insert", "shift+insert")])
    def test_paste_keys(self, paster: KeyboardPaster, keyboard: StandInKeyboard, method: str,
                        keys: str) -> None:
        paster.paste(method)
        assert keyboard.sent == [keys]

    def test_an_os_refusal_becomes_a_paste_error(self) -> None:
        class Refusing(StandInKeyboard):
            def send(self, keys: str) -> None:
                raise OSError("hook not installed")

        with pytest.raises(PasteError) as caught:
            KeyboardPaster(Refusing()).paste("ctrl_v")
        assert "hook not installed" in caught.value.message(Translator("en"))
        assert "Ctrl+V" in caught.value.message(Translator("zh_CN"))


class TestPynputPaster(PasterContract):
    """Real key presses on the virtual X server, into a Qt line edit in another process."""

    @pytest.fixture
    def target(self, xserver: XServer) -> TextTarget:
        return TextTarget(xserver)

    @pytest.fixture
    def paster(self, xserver: XServer, target: TextTarget) -> Iterator[PynputPaster]:
        paster = PynputPaster()
        yield paster
        paster.close()

    @pytest.fixture
    def received(self, target: TextTarget) -> Callable[[str], None]:
        return target.wait_for

    @pytest.mark.parametrize("method", ["ctrl_v", "shift_insert"])
    def test_paste_keys_paste_the_clipboard(self, xserver: XServer, paster: PynputPaster,
                                            target: TextTarget, method: str) -> None:
        copier = xserver.spawn(["xclip", "-i", "-selection", "clipboard"], stdin=subprocess.PIPE)
        copier.communicate("亲，已为您登记～".encode())
        paster.paste(method)
        target.wait_for("亲，已为您登记～")


class TestNullPaster:
    def test_says_why_and_that_the_reply_is_on_the_clipboard(self) -> None:
        with pytest.raises(PasteError) as caught:
            NullPaster("hotkey.why.wayland").paste("ctrl_v")
        assert caught.value.key == "paste.unavailable"
        assert "Wayland" in caught.value.message(Translator("en"))
        assert "剪贴板" in caught.value.message(Translator("zh_CN"))


def builders(fail: bool = False) -> dict[str, Callable[[], Any]]:
    def make(kind: str) -> Callable[[], Any]:
        def build() -> Any:
            if fail:
                raise ImportError("this platform is not supported")
            paster = FakePaster()
            paster.name = kind
            return paster

        return build

    return {"keyboard": make("keyboard"), "pynput": make("pynput")}


@pytest.mark.parametrize(("system", "environ", "name"), [
    ("win32", {}, "keyboard"),
    ("darwin", {}, "pynput"),
    ("linux", {"DISPLAY": ":1"}, "pynput"),
    ("linux", {"WAYLAND_DISPLAY": "wayland-0"}, "none"),
    ("linux", {}, "none"),
])
def test_make_paster_chooses_like_the_hotkeys(system: str, environ: dict[str, str], name: str) -> None:
    assert make_paster(system, environ, builders=builders()).name == name


def test_make_paster_never_raises(caplog: pytest.LogCaptureFixture) -> None:
    with caplog.at_level(logging.WARNING):
        paster = make_paster("linux", {"DISPLAY": ":1"}, builders=builders(fail=True))
    assert isinstance(paster, NullPaster)
    assert "not supported" in paster.reason
    assert "paste backend pynput failed" in caplog.text
