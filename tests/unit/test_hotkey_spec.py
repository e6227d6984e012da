"""Hotkey strings: one canonical form, and a readable one for the window."""

from __future__ import annotations

import pytest

from desktop.core.hotkey_spec import RESERVED_HOTKEYS, display_hotkey, normalise_hotkey, reserved_reason


@pytest.mark.parametrize(
    ("raw", "canonical"),
    [
        ("Ctrl+Alt+1", "ctrl+alt+1"),
        ("alt + ctrl + 1", "ctrl+alt+1"),
        ("Control+Shift+F1", "ctrl+shift+f1"),
        ("win+shift+alt+ctrl+a", "ctrl+alt+shift+win+a"),
        ("Cmd+Option+Q", "alt+win+q"),
        ("ctrl+Escape", "ctrl+esc"),
        ("ctrl+PgDn", "ctrl+pagedown"),
        ("ctrl+space", "ctrl+space"),
        ("ctrl++", "ctrl++"),
        ("ctrl+alt+`", "ctrl+alt+`"),
        ("ctrl+ctrl+a", "ctrl+a"),
        ("", None),
        ("   ", None),
        ("a", None),  # a global hotkey needs a modifier
        ("ctrl", None),  # and a key
        ("ctrl+", None),
        ("ctrl+a+b", None),
        ("ctrl+é", None),
        ("ctrl+中", None),
        ("ctrl+f13", None),
        ("+", None),
    ],
)
def test_normalise(raw: str, canonical: str | None) -> None:
    assert normalise_hotkey(raw) == canonical


@pytest.mark.parametrize(
    ("canonical", "shown"),
    [
        ("ctrl+alt+1", "Ctrl+Alt+1"),
        ("ctrl+shift+f1", "Ctrl+Shift+F1"),
        ("ctrl++", "Ctrl++"),
        ("alt+win+space", "Alt+Win+Space"),
        ("ctrl+alt+q", "Ctrl+Alt+Q"),
    ],
)
def test_display(canonical: str, shown: str) -> None:
    assert display_hotkey(canonical) == shown


@pytest.mark.parametrize("raw", ["Ctrl+Alt+1", "shift+ctrl+F5", "ctrl++", "meta+alt+pgup"])
def test_normalising_is_stable(raw: str) -> None:
    once = normalise_hotkey(raw)
    assert once is not None and normalise_hotkey(once) == once
    assert normalise_hotkey(display_hotkey(once)) == once


@pytest.mark.parametrize("canonical", sorted(RESERVED_HOTKEYS))
def test_reserved_hotkeys_are_canonical_and_say_why(canonical: str) -> None:
    assert normalise_hotkey(canonical) == canonical  # else the entry would never match
    zh, en = RESERVED_HOTKEYS[canonical]
    assert zh and en and not zh.isascii() and en.isascii()


@pytest.mark.parametrize(
    ("raw", "reserved"),
    [("Ctrl+V", True), ("Control+C", True), ("alt+F4", True), ("Win+D", True), ("ctrl+alt+Del", True),
     ("ctrl+alt+1", False), ("ctrl+alt+q", False), ("ctrl+shift+f1", False)],
)
def test_reserved_reason(raw: str, reserved: bool) -> None:
    canonical = normalise_hotkey(raw)
    assert canonical is not None
    assert (reserved_reason(canonical) is not None) is reserved
