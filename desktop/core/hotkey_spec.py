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

# Combinations a global hotkey must not take: the system or the programs an agent works in use
# them, and a global hotkey would swallow them everywhere. Canonical form -> why (zh_CN, en).
RESERVED_HOTKEYS: dict[str, tuple[str, str]] = {
    "ctrl+c": ("复制", "copy"),
    "ctrl+v": ("粘贴", "paste"),
    "ctrl+x": ("剪切", "cut"),
    "ctrl+z": ("撤销", "undo"),
    "ctrl+y": ("重做", "redo"),
    "ctrl+a": ("全选", "select all"),
    "ctrl+s": ("保存", "save"),
    "ctrl+f": ("查找", "find"),
    "ctrl+w": ("关闭标签页或窗口", "close a tab or window"),
    "ctrl+t": ("新建标签页", "new tab"),
    "ctrl+n": ("新建窗口", "new window"),
    "ctrl+p": ("打印", "print"),
    "ctrl+enter": ("聊天窗口发送消息", "send a chat message"),
    "ctrl+shift+v": ("粘贴为纯文本", "paste as plain text"),
    "ctrl+`": ("编辑器的终端", "an editor's terminal"),
    "ctrl+esc": ("开始菜单", "the Start menu"),
    "ctrl+shift+esc": ("任务管理器", "Task Manager"),
    "ctrl+alt+delete": ("系统安全界面", "the system security screen"),
    "alt+tab": ("切换窗口", "switching windows"),
    "alt+shift+tab": ("切换窗口", "switching windows"),
    "alt+esc": ("切换窗口", "switching windows"),
    "alt+f4": ("关闭窗口", "closing a window"),
    "alt+space": ("窗口菜单", "the window menu"),
    "win+v": ("剪贴板历史", "clipboard history"),
    "win+l": ("锁定电脑", "locking the computer"),
    "win+d": ("显示桌面", "showing the desktop"),
    "win+e": ("打开资源管理器", "opening Explorer"),
    "win+r": ("运行对话框", "the Run dialog"),
    "win+tab": ("任务视图", "Task View"),
    "win+space": ("切换输入法", "switching the input method"),
    "ctrl+space": ("切换输入法", "switching the input method"),
}


def reserved_reason(canonical: str) -> tuple[str, str] | None:
    """Why a canonical hotkey is reserved, as (zh_CN, en); None when it is free to use."""
    return RESERVED_HOTKEYS.get(canonical)


def normalise_hotkey(value: str) -> str | None:
    """Canonical "ctrl+alt+shift+win+key" (lowercase, fixed modifier order), or None if invalid.

    A global hotkey needs at least one modifier and exactly one non-modifier key.
    """
    if not value or not value.strip():
        return None
    parts = hotkey_parts(value.strip().lower().replace(" ", ""))
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


def hotkey_parts(combo: str) -> list[str]:
    """"ctrl+alt+q" -> ["ctrl", "alt", "q"]; "+" may be the key itself: "ctrl++" -> ["ctrl", "+"]."""
    return combo[:-2].split("+") + ["+"] if combo.endswith("++") else combo.split("+")


def display_hotkey(canonical: str) -> str:
    """Human form: "ctrl+alt+1" -> "Ctrl+Alt+1"."""
    names = {"ctrl": "Ctrl", "alt": "Alt", "shift": "Shift", "win": "Win"}
    out = []
    for part in hotkey_parts(canonical):
        out.append(names.get(part) or (part.upper() if len(part) == 1 else part.capitalize()))
    return "+".join(out)
