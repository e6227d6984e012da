"""The clipboard: one contract for every implementation, and the Qt clipboard seen by other programs."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from desktop.platform.clipboard import Clipboard, FakeClipboard, PyperclipClipboard
from desktop.platform.qt_clipboard import QtClipboard
from tests.xserver import XServer, wait_for

TEXTS = [
    "亲，您好～请问有什么可以帮您？",
    "第一行\n第二行\r\n第三行",
    "emoji 😀 and tabs\tinside",
    "a" * 2000,
]

CHILDREN = Path(__file__).with_name("x_children.py")


class ClipboardContract:
    def read_back(self, clipboard: Clipboard, expected: str) -> str:
        return clipboard.text()

    @pytest.mark.parametrize("text", TEXTS)
    def test_what_is_set_is_read_back(self, clipboard: Clipboard, text: str) -> None:
        clipboard.set_text(text)
        assert self.read_back(clipboard, text) == text

    def test_the_last_copy_wins(self, clipboard: Clipboard) -> None:
        clipboard.set_text("第一条")
        clipboard.set_text("第二条")
        assert self.read_back(clipboard, "第二条") == "第二条"


class TestFakeClipboard(ClipboardContract):
    @pytest.fixture
    def clipboard(self) -> FakeClipboard:
        return FakeClipboard()

    def test_history_keeps_every_copy_in_order(self) -> None:
        board = FakeClipboard("before")
        board.set_text("一")
        board.set_text("二")
        assert board.history == ["一", "二"]


class TestQtClipboard(ClipboardContract):
    """In this process (offscreen Qt); the X11 round trip with other programs is below."""

    @pytest.fixture
    def clipboard(self, qapp: object) -> QtClipboard:
        return QtClipboard()

    def test_needs_a_qt_application_only_when_used(self) -> None:
        # In a fresh process: the test session itself already has a QApplication.
        code = ("from PySide6.QtWidgets import QApplication\n"
                "from desktop.platform.qt_clipboard import QtClipboard\n"
                "QtClipboard()\n"
                "assert QApplication.instance() is None\n")
        env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
        result = subprocess.run([sys.executable, "-c", code], env=env, capture_output=True, text=True,
                                timeout=60)
        assert result.returncode == 0, result.stderr


class TestPyperclipClipboard(ClipboardContract):
    """The command line's clipboard, through xclip on the virtual X server."""

    @pytest.fixture
    def clipboard(self, xserver: XServer) -> Iterator[PyperclipClipboard]:
        import pyperclip

        # pyperclip picks its tool once per process; pin it to xclip on our server.
        pyperclip.set_clipboard("xclip")
        yield PyperclipClipboard()

    def read_back(self, clipboard: Clipboard, expected: str) -> str:
        """xclip serves a copy from a background process that takes the selection a moment after
        ``set_text`` returns; until then the previous owner answers."""
        try:
            wait_for(lambda: clipboard.text() == expected, 20.0, "xclip to own the selection")
        except AssertionError:
            pass  # the comparison in the test reports what was there
        return clipboard.text()


def test_qt_clipboard_is_readable_by_other_programs_and_reads_theirs(xserver: XServer) -> None:
    """A separate Qt process on the X server copies with QtClipboard; ``xclip -o`` reads it while
    that process's event loop serves the selection; then what ``xclip -i`` copies reaches Qt."""
    text = "亲，已为您备注优先发货 😀\n谢谢支持"
    done = subprocess.run([sys.executable, str(CHILDREN), "clipboard", text], env=xserver.env(),
                          capture_output=True, timeout=60)
    assert done.returncode == 0, done.stderr.decode(errors="replace")
    result = json.loads(done.stdout.decode("utf-8"))
    assert result == {"xclip_read": text, "qt_read": f"{text} (xclip)"}
