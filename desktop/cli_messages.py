"""Texts of the command line, zh_CN and en."""

from __future__ import annotations

CLI_MESSAGES: dict[str, dict[str, str]] = {
    "cli.description": {
        "zh_CN": "快捷回复：网店客服快捷话术助手。不带子命令时启动窗口。",
        "en": "QuickReply: quick replies for online-shop customer service. Without a command it starts the window.",
    },
    "cli.opt.data_dir": {
        "zh_CN": "话术库所在文件夹（也可用环境变量 QUICKREPLY_DATA_DIR）",
        "en": "folder holding the library (or set QUICKREPLY_DATA_DIR)",
    },
    "cli.opt.locale": {
        "zh_CN": "语言：zh_CN 或 en（也决定新库载入哪个默认话术包）",
        "en": "language: zh_CN or en (also picks the default pack for a new library)",
    },
    "cli.opt.json": {"zh_CN": "以 JSON 输出", "en": "print JSON"},
    "cli.cmd.list": {"zh_CN": "列出话术", "en": "list phrases"},
    "cli.cmd.scenarios": {"zh_CN": "列出场景", "en": "list scenarios"},
    "cli.cmd.add": {"zh_CN": "新增一条话术", "en": "add a phrase"},
    "cli.cmd.copy": {"zh_CN": "按快捷编码复制话术到剪贴板", "en": "copy a phrase to the clipboard by its code"},
    "cli.opt.scenario": {"zh_CN": "场景（编号或名称）", "en": "scenario (id or name)"},
    "cli.opt.code": {"zh_CN": "快捷编码", "en": "phrase code"},
    "cli.opt.title": {"zh_CN": "标题", "en": "title"},
    "cli.opt.text": {"zh_CN": "话术内容（写 - 则从标准输入读取）", "en": "reply text (- reads standard input)"},
    "cli.opt.tags": {"zh_CN": "标签，逗号分隔", "en": "tags, comma separated"},
    "cli.opt.hotkey": {"zh_CN": "全局快捷键，例如 Ctrl+Alt+1", "en": "global hotkey, e.g. Ctrl+Alt+1"},
    "cli.opt.print": {
        "zh_CN": "只输出话术内容，不动剪贴板",
        "en": "print the reply instead of copying it",
    },
    "cli.added": {"zh_CN": "已添加“{title}”（编码 {code}）。", "en": 'Added "{title}" (code {code}).'},
    "cli.phrase_count": {"zh_CN": "{count} 条话术", "en": "{count} phrases"},
    "cli.no_gui": {
        "zh_CN": "无法启动窗口：{detail}",
        "en": "Cannot start the window: {detail}",
    },
    "cli.interrupted": {"zh_CN": "已取消。", "en": "Cancelled."},
}
