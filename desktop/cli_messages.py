"""Texts of the command line, zh_CN and en."""

from __future__ import annotations

CLI_MESSAGES: dict[str, dict[str, str]] = {
    "cli.description": {
        "zh_CN": "快捷回复：网店客服快捷话术助手。不带子命令时启动窗口。",
        "en": "QuickReply: quick replies for online-shop customer service. "
              "Without a command it starts the window.",
    },
    "cli.opt.data_dir": {
        "zh_CN": "话术库所在文件夹（也可用环境变量 QUICKREPLY_DATA_DIR）",
        "en": "folder holding the library (or set QUICKREPLY_DATA_DIR)",
    },
    "cli.opt.locale": {
        "zh_CN": "语言：zh_CN 或 en（也决定新库载入哪个默认话术包）",
        "en": "language: zh_CN or en (also picks the default pack for a new library)",
    },
    "cli.opt.self_test": {
        "zh_CN": "自检：离屏加载话术包、风险规则、搜索和窗口，全部通过则退出码为 0",
        "en": "self-test: load packs, risk rules, search and the window offscreen; exit 0 if all pass",
    },
    "cli.opt.json": {"zh_CN": "以 JSON 输出", "en": "print JSON"},
    "cli.cmd.list": {"zh_CN": "列出话术", "en": "list phrases"},
    "cli.cmd.scenarios": {"zh_CN": "列出场景", "en": "list scenarios"},
    "cli.cmd.add": {"zh_CN": "新增一条话术", "en": "add a phrase"},
    "cli.cmd.copy": {
        "zh_CN": "按快捷编码复制话术到剪贴板（占位符按设置和当前时间填写）",
        "en": "copy a phrase to the clipboard by its code (placeholders filled from settings and clock)",
    },
    "cli.opt.scenario": {"zh_CN": "场景（编号或名称）", "en": "scenario (id or name)"},
    "cli.opt.code": {"zh_CN": "快捷编码", "en": "phrase code"},
    "cli.opt.title": {"zh_CN": "标题", "en": "title"},
    "cli.opt.text": {
        "zh_CN": "话术内容（写 - 则从标准输入读取，UTF-8 或 GBK）",
        "en": "reply text (- reads standard input, UTF-8 or GBK)",
    },
    "cli.opt.tags": {"zh_CN": "标签，逗号分隔", "en": "tags, comma separated"},
    "cli.opt.hotkey": {"zh_CN": "全局快捷键，例如 Ctrl+Alt+1", "en": "global hotkey, e.g. Ctrl+Alt+1"},
    "cli.opt.print": {
        "zh_CN": "只输出话术内容，不动剪贴板",
        "en": "print the reply instead of copying it",
    },
    "cli.opt.set": {
        "zh_CN": "填写话术里要填的项 {?名称}，可写多次，例如 --set 订单号=123456",
        "en": "fill a field {?name} of the reply; repeatable, e.g. --set order=123456",
    },
    "cli.opt.set_metavar": {"zh_CN": "名称=内容", "en": "NAME=VALUE"},
    "cli.copy.bad_set": {
        "zh_CN": "--set 要写成 名称=内容，例如 --set 订单号=123456（收到的是“{value}”）。",
        "en": '--set takes NAME=VALUE, e.g. --set order=123456 (got "{value}").',
    },
    "cli.copy.missing": {
        "zh_CN": "“{title}”还有要填写的项：{names}。请用 --set 填写，例如 --set {example}=内容。未复制。",
        "en": 'The reply "{title}" has fields to fill: {names}. Give them with --set, e.g. '
              "--set {example}=VALUE. Nothing was copied.",
    },
    "cli.copy.unknown": {
        "zh_CN": "注意：这些占位符无法识别，已原样保留：{names}",
        "en": "Note: these placeholders are unknown and were left as written: {names}",
    },
    "cli.copy.unset": {
        "zh_CN": "注意：这些占位符还没有设置内容，已原样保留：{names}（店铺名、客服名可在窗口的设置里填写）",
        "en": "Note: these placeholders have no value yet and were left as written: {names} "
              "(set the shop and agent names in the window's settings)",
    },
    "cli.added": {"zh_CN": "已添加“{title}”（编码 {code}）。", "en": 'Added "{title}" (code {code}).'},
    "cli.phrase_count": {"zh_CN": "{count} 条话术", "en": "{count} phrases"},
    "cli.no_gui": {
        "zh_CN": "无法启动窗口：{detail}",
        "en": "Cannot start the window: {detail}",
    },
    "cli.interrupted": {"zh_CN": "已取消。", "en": "Cancelled."},
}
