"""Clipboard access behind one protocol: pyperclip for the command line, a fake for tests."""

from __future__ import annotations

from typing import Any, Protocol

from desktop.core.errors import ClipboardUnavailable


class Clipboard(Protocol):
    def set_text(self, text: str) -> None: ...

    def text(self) -> str: ...


class FakeClipboard:
    """Remembers what was copied; tests read ``history``."""

    def __init__(self, initial: str = "") -> None:
        self._text = initial
        self.history: list[str] = []

    def set_text(self, text: str) -> None:
        self._text = text
        self.history.append(text)

    def text(self) -> str:
        return self._text


class PyperclipClipboard:
    """The system clipboard through pyperclip (xclip/xsel on Linux, native on Windows/macOS)."""

    def set_text(self, text: str) -> None:
        pyperclip = _pyperclip()
        try:
            pyperclip.copy(text)
        except pyperclip.PyperclipException as exc:
            raise ClipboardUnavailable(detail=_first_line(exc)) from exc

    def text(self) -> str:
        pyperclip = _pyperclip()
        try:
            return str(pyperclip.paste())
        except pyperclip.PyperclipException as exc:
            raise ClipboardUnavailable(detail=_first_line(exc)) from exc


def _pyperclip() -> Any:
    try:
        import pyperclip
    except ImportError as exc:
        raise ClipboardUnavailable(detail=f"pyperclip is not installed ({exc})") from exc
    return pyperclip


def _first_line(exc: Exception) -> str:
    text = str(exc).strip().splitlines()
    return text[0] if text else type(exc).__name__
