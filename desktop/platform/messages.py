"""Texts of the OS-service adapters (hotkeys, paste, single instance), zh_CN first, then en."""

from __future__ import annotations

from desktop.core.errors import QuickReplyError
from desktop.core.i18n import Catalogue, Translator

PLATFORM_MESSAGES: Catalogue = {
    # global hotkeys
    "hotkey.refused": {
        "zh_CN": "无法注册全局快捷键 {hotkey}：{why}",
        "en": "Could not register the global hotkey {hotkey}: {why}",
    },
    "hotkey.taken": {
        "zh_CN": "全局快捷键 {hotkey} 已被占用（本程序的其他话术或其他程序），请换一个组合。",
        "en": "The global hotkey {hotkey} is already in use (by another phrase or another program). "
              "Choose a different combination.",
    },
    "hotkey.unavailable": {
        "zh_CN": "全局快捷键不可用：{why}。可在窗口内使用快捷键，或运行 quickreply --toggle 呼出窗口。",
        "en": "Global hotkeys are unavailable: {why}. Use the shortcuts inside the window, or run "
              "quickreply --toggle to bring the window up.",
    },
    "hotkey.invalid": {
        "zh_CN": "快捷键“{hotkey}”无效：需要至少一个修饰键（Ctrl/Alt/Shift/Win）"
                 "加一个按键，例如 Ctrl+Alt+1。",
        "en": 'The hotkey "{hotkey}" is invalid: use at least one modifier (Ctrl/Alt/Shift/Win) plus one '
              "key, e.g. Ctrl+Alt+1.",
    },
    # why global hotkeys are unavailable (the {why} above)
    "hotkey.why.wayland": {
        "zh_CN": "当前是 Wayland 会话，没有 X11 显示",
        "en": "Wayland session without X11",
    },
    "hotkey.why.no_display": {"zh_CN": "没有图形显示", "en": "no display"},
    "hotkey.why.keyboard_linux": {
        "zh_CN": "Linux 上的 keyboard 模块需要 root 权限",
        "en": "keyboard needs root on Linux",
    },
    "hotkey.why.unsupported": {"zh_CN": "此系统不支持", "en": "not supported on this system"},
    # pasting into the chat window
    "paste.unavailable": {
        "zh_CN": "无法自动粘贴：{why}。话术已复制到剪贴板，请按 Ctrl+V 粘贴。",
        "en": "Cannot paste automatically: {why}. The reply is on the clipboard; press Ctrl+V to paste it.",
    },
    "paste.failed": {
        "zh_CN": "自动粘贴失败：{why}。话术已复制到剪贴板，请按 Ctrl+V 粘贴。",
        "en": "Pasting failed: {why}. The reply is on the clipboard; press Ctrl+V to paste it.",
    },
    "paste.method_unknown": {
        "zh_CN": "未知的粘贴方式“{method}”，可选：ctrl_v、shift_insert、type。",
        "en": 'Unknown paste method "{method}"; choose ctrl_v, shift_insert or type.',
    },
    # single instance
    "cli.opt.toggle": {
        "zh_CN": "显示或隐藏正在运行的快捷回复窗口",
        "en": "show or hide the running QuickReply window",
    },
    "instance.not_running": {
        "zh_CN": "快捷回复没有在运行。",
        "en": "QuickReply is not running.",
    },
    "instance.already_running": {
        "zh_CN": "快捷回复已在运行，已切换到已打开的窗口。",
        "en": "QuickReply is already running; switched to its window.",
    },
    "instance.no_answer": {
        "zh_CN": "快捷回复已经在运行，但没有响应。请从任务栏或托盘打开它；如果它卡住了，请结束它后再启动。",
        "en": "QuickReply is already running but does not answer. Open it from the taskbar or the tray; "
              "if it is stuck, end it and start again.",
    },
    "instance.unavailable": {
        "zh_CN": "无法建立单实例通道：{why}。仍可正常使用，但 quickreply --toggle 无效。",
        "en": "Could not set up the single-instance channel: {why}. QuickReply works, but "
              "quickreply --toggle will not reach it.",
    },
}


def platform_translator(tr: Translator) -> Translator:
    """A translator in ``tr``'s language that knows this catalogue (keeps the caller's own texts)."""
    if "hotkey.unavailable" in tr:
        return tr
    return Translator(tr.locale, PLATFORM_MESSAGES)


class PlatformError(QuickReplyError):
    """An OS service refused; parameters that are message keys (a reason) are translated too."""

    key = "hotkey.refused"

    def message(self, tr: Translator) -> str:
        local = platform_translator(tr)
        params = {name: local(value) if isinstance(value, str) and value in PLATFORM_MESSAGES else value
                  for name, value in self.params.items()}
        return local(self.key, **params)

    def __str__(self) -> str:
        return self.message(Translator("en"))
