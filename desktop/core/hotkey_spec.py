"""Parse and normalise hotkey strings such as "Ctrl+Alt+1" into one canonical form."""

from __future__ import annotations

MODIFIERS = ("ctrl", "alt", "shift", "win")
_MOD_ALIASES = {
    "ctrl": "ctrl", "control": "ctrl", "ctl": "ctrl", "^": "ctrl",
    "alt": "alt", "option": "alt", "opt": "alt",
    "shift": "shift",
    "win": "win", "meta": "win", "super": "win", "cmd": "win", "command": "win", "windows": "win",
}
_NAMED_KEYS = {
    "space", "tab", "enter", "return", "esc", "escape", "backspace", "delete", "del", "insert", "ins",
    "home", "end", "pageup", "pagedown", "pgup", "pgdn", "up", "down", "left", "right",
    "f1", "f2", "f3", "f4", "f5", "f6", "f7", "f8", "f9", "f10", "f11", "f12",
    "`", "-", "=", "[", "]", ";", "'", ",", ".", "/", "\\",
}
_KEY_ALIASES = {"return": "enter", "escape": "esc", "del": "delete", "ins": "insert",
                "pgup": "pageup", "pgdn": "pagedown"}


def normalise_hotkey(value: str) -> str | None:
    """Canonical "ctrl+alt+shift+win+key" (lowercase, fixed modifier order), or None if invalid.

    A global hotkey needs at least one modifier and exactly one non-modifier key.
    """
    if not value or not value.strip():
        return None
    raw = value.strip().lower().replace(" ", "")
    # "+" as the key itself: "ctrl++" -> ["ctrl", "+"]
    parts = raw.split("+")
    if raw.endswith("++"):
        parts = raw[:-2].split("+") + ["+"]
    mods: set[str] = set()
    key: str | None = None
    for part in parts:
        if not part:
            return None
        if part in _MOD_ALIASES:
            mods.add(_MOD_ALIASES[part])
            continue
        if key is not None:
            return None
        part = _KEY_ALIASES.get(part, part)
        if len(part) == 1 and (part.isascii() and (part.isalnum() or part in _NAMED_KEYS or part == "+")):
            key = part
        elif part in _NAMED_KEYS:
            key = part
        else:
            return None
    if key is None or not mods:
        return None
    if mods == {"shift"} and not (key.startswith("f") and len(key) > 1):
        # Shift+letter is just typing a capital letter: it would fire on every "A" typed.
        return None
    return "+".join([m for m in MODIFIERS if m in mods] + [key])


def display_hotkey(canonical: str) -> str:
    """Human form: "ctrl+alt+1" -> "Ctrl+Alt+1"."""
    names = {"ctrl": "Ctrl", "alt": "Alt", "shift": "Shift", "win": "Win"}
    out = []
    parts = canonical[:-2].split("+") + ["+"] if canonical.endswith("++") else canonical.split("+")
    for part in parts:
        out.append(names.get(part) or (part.upper() if len(part) == 1 else part.capitalize()))
    return "+".join(out)
