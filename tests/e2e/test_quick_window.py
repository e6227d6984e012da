"""End to end on a real X server: summon, search, Enter, and the reply is on the clipboard."""

from __future__ import annotations

import json
import subprocess
from pathlib import Path

import pytest

from desktop.resources import default_pack
from tests.e2e.conftest import (
    CLIPBOARD_TIMEOUT,
    RunningApp,
    read_clipboard,
    wait_for_clipboard,
)
from tests.xserver import XServer, require, wait_for

pytestmark = pytest.mark.e2e


def pack_phrase(title: str) -> dict[str, str]:
    """A phrase of the bundled zh_CN pack, found by its title."""
    pack = json.loads(Path(default_pack("zh_CN")).read_text(encoding="utf-8"))
    for scenario in pack["scenarios"]:
        for phrase in scenario["phrases"]:
            if phrase["title"] == title:
                return phrase
    raise AssertionError(f"the default pack no longer has a phrase titled {title!r}")


def test_typing_pinyin_initials_and_enter_copies_the_top_reply(app: RunningApp, xserver: XServer) -> None:
    phrase = pack_phrase("签收未收到")
    assert "{" not in phrase["text"], "pick a phrase without placeholders"
    window = app.start()
    app.focus(window)
    # 签收未收到 -> q s w s d: the initials a person types (also the phrase's code).
    xserver.run("xdotool", "type", "--delay", "30", "qswsd")
    xserver.run("xdotool", "key", "Return")
    wait_for_clipboard(xserver, phrase["text"], app)


def test_a_reply_hotkey_copies_without_opening_the_window(app: RunningApp, xserver: XServer) -> None:
    text = "亲，这条回复由全局快捷键复制，窗口不用打开。"
    scenarios = json.loads(app.cli("scenarios", "--json").stdout)
    added = app.cli("add", "--scenario", scenarios[0]["id"], "--code", "hkcopy", "--title", "快捷键复制",
                    "--hotkey", "ctrl+alt+1", text)
    assert added.returncode == 0, added.stderr
    window = app.start()
    app.focus(window)
    xserver.run("xdotool", "key", "Escape")  # put the window away, as between two chats
    wait_for(lambda: not app.visible(), CLIPBOARD_TIMEOUT, "the window to hide")
    # Another program has the focus, as the chat window would.
    chat = xserver.spawn(["xmessage", "-name", "chat", "-title", "千牛 chat", "hello"],
                         stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    chat_window = xserver.run("xdotool", "search", "--sync", "--name", "^千牛 chat$", timeout=30).split()[0]
    app.focus(chat_window)
    assert chat.poll() is None

    # The app registers its hotkeys while it starts: press until the reply arrives (a press
    # before registration is simply lost, as it would be for a person).
    def pressed_and_copied() -> bool:
        xserver.run("xdotool", "key", "ctrl+alt+1")
        try:
            wait_for(lambda: read_clipboard(xserver) == text, 1.0, "copy")
        except AssertionError:
            return False
        return True

    wait_for(pressed_and_copied, CLIPBOARD_TIMEOUT, f"ctrl+alt+1 to copy the reply\n{app.output()}")
    assert not app.visible()
    assert app.alive()


def test_toggle_shows_the_hidden_window_and_a_second_start_does_not_open_another(
        app: RunningApp, xserver: XServer) -> None:
    window = app.start()
    app.focus(window)
    xserver.run("xdotool", "key", "Escape")  # an empty search box: Esc hides the window
    wait_for(lambda: not app.visible(), CLIPBOARD_TIMEOUT, "the window to hide")

    toggled = app.cli("--toggle")
    assert toggled.returncode == 0, toggled.stderr
    wait_for(app.visible, CLIPBOARD_TIMEOUT, "the window to show again")

    second = app.cli()  # plain `quickreply` again: shows the running window and exits
    assert second.returncode == 0, second.stderr
    windows = xserver.run("xdotool", "search", "--onlyvisible", "--name", "^快捷回复$").split()
    assert windows == [window]
    assert app.alive()


def test_logout_quits_cleanly_and_frees_the_instance(app: RunningApp, tmp_path: Path) -> None:
    app.start()
    assert app.terminate() == 0, app.output()
    assert list((tmp_path / "home" / "tmp").glob("quickreply-*")) == []
    assert app.cli("--toggle").returncode == 1  # nothing runs any more
    assert app.cli("list").returncode == 0  # and the library is not left locked


def test_the_window_manager_sees_the_app_as_quickreply(app: RunningApp, xserver: XServer) -> None:
    require("xprop")  # x11-utils, installed by scripts/setup.sh
    window = app.start()
    assert xserver.run("xprop", "-id", window, "WM_CLASS") == 'WM_CLASS(STRING) = "quickreply", "QuickReply"'


def test_logout_right_after_the_global_hotkey_hid_and_showed_the_window(
        app: RunningApp, xserver: XServer) -> None:
    window = app.start()
    app.focus(window)

    # Hotkeys are registered while the app starts: a press before that is lost, so press again.
    def hidden_by_hotkey() -> bool:
        xserver.run("xdotool", "key", "ctrl+alt+q")
        try:
            wait_for(lambda: not app.visible(), 1.0, "hide")
        except AssertionError:
            return False
        return True

    wait_for(hidden_by_hotkey, CLIPBOARD_TIMEOUT, f"ctrl+alt+q to hide the window\n{app.output()}")
    xserver.run("xdotool", "key", "ctrl+alt+q")
    wait_for(app.visible, CLIPBOARD_TIMEOUT, "ctrl+alt+q to show the window again")
    assert app.terminate() == 0, app.output()
