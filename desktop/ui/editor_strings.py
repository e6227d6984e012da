"""Texts of the phrase editor, checker panel, settings, tray and scenario dialogs (zh_CN, en)."""

from __future__ import annotations

from desktop.core.i18n import Translator

EDITOR_STRINGS: dict[str, dict[str, str]] = {
    # shared
    "ui.ok": {"zh_CN": "确定", "en": "OK"},
    "ui.cancel": {"zh_CN": "取消", "en": "Cancel"},
    "ui.save": {"zh_CN": "保存", "en": "Save"},
    # risk categories and severities
    "finding.category.promise": {"zh_CN": "过度承诺", "en": "Over-promise"},
    "finding.category.extreme": {"zh_CN": "极限用语", "en": "Extreme wording"},
    "finding.category.contact": {"zh_CN": "站外联系方式", "en": "Off-platform contact"},
    "finding.category.platform": {"zh_CN": "平台违规", "en": "Platform rule"},
    "finding.category.link": {"zh_CN": "链接 / 文件", "en": "Link / file"},
    "finding.severity.block": {"zh_CN": "必须修改", "en": "Must fix"},
    "finding.severity.warn": {"zh_CN": "注意", "en": "Think twice"},
    "finding.tooltip": {"zh_CN": "【{category}·{severity}】“{match}”\n{advice}",
                     "en": "[{category} · {severity}] \"{match}\"\n{advice}"},
    "finding.paste_refused": {
        "zh_CN": "粘贴的内容太长（{length} 个字，最多 {limit} 个字），没有粘贴。请先删减再粘贴。",
        "en": "That text is too long ({length} characters, limit {limit}); it was not pasted. "
              "Shorten it first.",
    },
    # phrase editor
    "editor.title.new": {"zh_CN": "新建话术", "en": "New reply"},
    "editor.title.edit": {"zh_CN": "编辑话术", "en": "Edit reply"},
    "editor.field.title": {"zh_CN": "标题", "en": "Title"},
    "editor.field.text": {"zh_CN": "话术内容", "en": "Reply text"},
    "editor.field.scenario": {"zh_CN": "场景", "en": "Scenario"},
    "editor.field.code": {"zh_CN": "快捷编码", "en": "Code"},
    "editor.field.tags": {"zh_CN": "标签", "en": "Tags"},
    "editor.field.hotkey": {"zh_CN": "快捷键", "en": "Hotkey"},
    "editor.field.pinned": {"zh_CN": "置顶", "en": "Pin to top"},
    "editor.hint.code": {"zh_CN": "小写字母或数字，如 cm", "en": "letters or digits, e.g. cm"},
    "editor.hint.tags": {"zh_CN": "用逗号分隔，如 尺码,男装", "en": "comma separated, e.g. size, men"},
    "editor.hint.hotkey": {"zh_CN": "可不填，如 Ctrl+Alt+1", "en": "optional, e.g. Ctrl+Alt+1"},
    "editor.hint.risk": {
        "zh_CN": "红色波浪线＝必须修改，橙色波浪线＝注意；鼠标停在上面可看建议。",
        "en": "Red wavy line = must fix, amber = think twice; hover for advice.",
    },
    "editor.counter": {"zh_CN": "{count}/{limit} 字", "en": "{count}/{limit}"},
    "editor.risk.warn.title": {"zh_CN": "话术里有需要注意的词", "en": "Some wording needs a second look"},
    "editor.risk.warn.body": {
        "zh_CN": "以下内容可能引起买家误会或平台处罚：\n\n{items}\n\n仍然保存吗？",
        "en": "The following may mislead buyers or break platform rules:\n\n{items}\n\nSave anyway?",
    },
    "editor.risk.block.title": {"zh_CN": "话术里有违规内容", "en": "This reply breaks the rules"},
    "editor.risk.block.body": {
        "zh_CN": "以下内容必须修改，否则可能被平台处罚：\n\n{items}",
        "en": "The following must be fixed or the shop may be penalised:\n\n{items}",
    },
    "editor.risk.block.question": {
        "zh_CN": "建议返回修改。确定要照原样保存吗？",
        "en": "Going back to edit is recommended. Save it as it is anyway?",
    },
    "editor.risk.also_warn": {"zh_CN": "另外请注意：\n{items}", "en": "Also think twice about:\n{items}"},
    "editor.risk.item": {"zh_CN": "• “{match}”（{category}）：{advice}",
                         "en": "• \"{match}\" ({category}): {advice}"},
    "editor.risk.back": {"zh_CN": "返回修改", "en": "Go back and edit"},
    "editor.risk.save_anyway": {"zh_CN": "仍然保存", "en": "Save anyway"},
    "editor.risk.save_with_risk": {"zh_CN": "我已确认，照原样保存", "en": "I understand, save as is"},
    # checker panel
    "checker.title": {"zh_CN": "风险检查", "en": "Risk check"},
    "checker.placeholder": {
        "zh_CN": "把买家的消息或你准备发的回复粘贴到这里，马上检查有没有风险。",
        "en": "Paste a buyer's message or your draft reply here to check it for risks.",
    },
    "checker.paste": {"zh_CN": "检查剪贴板", "en": "Check clipboard"},
    "checker.clear": {"zh_CN": "清空", "en": "Clear"},
    "checker.empty": {"zh_CN": "粘贴或输入文字后自动检查。",
                      "en": "Paste or type text and it is checked at once."},
    "checker.clean": {"zh_CN": "没有发现风险。", "en": "No risks found."},
    "checker.count": {"zh_CN": "发现 {count} 处风险：", "en": "{count} risk(s) found:"},
    "checker.more": {"zh_CN": "另有 {count} 种未列出。", "en": "{count} more not listed."},
    "checker.truncated": {
        "zh_CN": "文字很长，只检查了前 {limit} 个字。",
        "en": "The text is long; only the first {limit} characters were checked.",
    },
    "checker.copy_suggest": {"zh_CN": "复制建议回复", "en": "Copy suggested reply"},
    "checker.copied": {"zh_CN": "已复制“{title}”。", "en": "Copied \"{title}\"."},
    "checker.suggest_missing": {
        "zh_CN": "话术库里没有建议的话术（编码 {code}）。",
        "en": "The suggested reply (code {code}) is not in the library.",
    },
    # settings
    "settings.title": {"zh_CN": "设置", "en": "Settings"},
    "settings.tab.general": {"zh_CN": "常规", "en": "General"},
    "settings.tab.paste": {"zh_CN": "快捷键与粘贴", "en": "Hotkey and paste"},
    "settings.tab.window": {"zh_CN": "窗口", "en": "Window"},
    "settings.tab.risk": {"zh_CN": "风险词", "en": "Risk words"},
    "settings.locale": {"zh_CN": "界面语言", "en": "Language"},
    "settings.locale.system": {"zh_CN": "跟随系统", "en": "Follow the system"},
    "settings.shop_name": {"zh_CN": "店铺名称", "en": "Shop name"},
    "settings.agent_name": {"zh_CN": "客服昵称", "en": "Agent name"},
    "settings.platform": {"zh_CN": "所在平台", "en": "Platform"},
    "settings.platform.taobao": {"zh_CN": "淘宝", "en": "Taobao"},
    "settings.platform.tmall": {"zh_CN": "天猫", "en": "Tmall"},
    "settings.platform.jd": {"zh_CN": "京东", "en": "JD"},
    "settings.platform.pdd": {"zh_CN": "拼多多", "en": "Pinduoduo"},
    "settings.platform.douyin": {"zh_CN": "抖音", "en": "Douyin"},
    "settings.platform.other": {"zh_CN": "其他", "en": "Other"},
    "settings.official_channels": {"zh_CN": "官方渠道（每行一个）", "en": "Official channels (one per line)"},
    "settings.official_domains": {"zh_CN": "官方网址（每行一个）", "en": "Official domains (one per line)"},
    "settings.official_hint": {
        "zh_CN": "写在这里的店铺渠道和网址不会被当作站外联系方式。",
        "en": "Channels and domains listed here are not flagged as off-platform contact.",
    },
    "settings.global_hotkey": {"zh_CN": "呼出窗口快捷键", "en": "Show-window hotkey"},
    "settings.auto_paste": {"zh_CN": "复制后自动粘贴到聊天窗口", "en": "Paste into the chat after copying"},
    "settings.paste_method": {"zh_CN": "粘贴方式", "en": "Paste method"},
    "settings.paste_method.ctrl_v": {"zh_CN": "Ctrl+V", "en": "Ctrl+V"},
    "settings.paste_method.shift_insert": {"zh_CN": "Shift+Insert", "en": "Shift+Insert"},
    "settings.paste_method.type": {"zh_CN": "逐字输入", "en": "Type the characters"},
    "settings.paste_delay": {"zh_CN": "粘贴前等待", "en": "Wait before pasting"},
    "settings.ms": {"zh_CN": " 毫秒", "en": " ms"},
    "settings.restore_clipboard": {"zh_CN": "粘贴后恢复原来的剪贴板",
                                   "en": "Restore the clipboard after pasting"},
    "settings.always_on_top": {"zh_CN": "窗口总在最前", "en": "Keep the window on top"},
    "settings.keep_open": {"zh_CN": "复制后不关闭窗口", "en": "Keep the window open after copying"},
    "settings.opacity": {"zh_CN": "不透明度", "en": "Opacity"},
    "settings.font_size": {"zh_CN": "字号", "en": "Font size"},
    "settings.font_size.system": {"zh_CN": "系统默认", "en": "System default"},
    "settings.theme": {"zh_CN": "外观", "en": "Theme"},
    "settings.theme.system": {"zh_CN": "跟随系统", "en": "Follow the system"},
    "settings.theme.light": {"zh_CN": "浅色", "en": "Light"},
    "settings.theme.dark": {"zh_CN": "深色", "en": "Dark"},
    "settings.extra_words": {"zh_CN": "自定义风险词", "en": "Extra risk words"},
    "settings.extra_words.word": {"zh_CN": "词语", "en": "Word"},
    "settings.extra_words.category": {"zh_CN": "类别", "en": "Category"},
    "settings.extra_words.severity": {"zh_CN": "级别", "en": "Severity"},
    "settings.extra_words.add": {"zh_CN": "添加", "en": "Add"},
    "settings.extra_words.remove": {"zh_CN": "删除所选", "en": "Remove selected"},
    "settings.allow_words": {"zh_CN": "放行词（每行一个，不再提示）",
                             "en": "Allowed words (one per line, never flagged)"},
    "settings.locked": {"zh_CN": "此项由管理员统一设置，不能修改。",
                        "en": "Set by your administrator; it cannot be changed here."},
    "settings.hotkey.invalid": {
        "zh_CN": "快捷键“{hotkey}”无效：需要 Ctrl/Alt/Shift/Win 加一个按键，例如 Ctrl+Alt+Q。",
        "en": 'Hotkey "{hotkey}" is invalid: use Ctrl/Alt/Shift/Win plus a key, e.g. Ctrl+Alt+Q.',
    },
    "settings.hotkey.empty": {"zh_CN": "请设置呼出窗口的快捷键。", "en": "Set a hotkey to show the window."},
    "settings.hotkey.reserved": {
        "zh_CN": "{hotkey} 是系统或常用软件的快捷键（{reason_zh}），设为全局快捷键会让它失效，请换一个。",
        "en": "{hotkey} is taken by the system or common programs ({reason_en}); choose another.",
    },
    "settings.hotkey.taken": {
        "zh_CN": "{hotkey} 已用作话术“{other}”的快捷键，请换一个。",
        "en": '{hotkey} is already the hotkey of the reply "{other}"; choose another.',
    },
    "settings.word_invalid": {
        "zh_CN": "风险词“{word}”不能用：不能只有标点，也不能含逗号、句号等分隔符，花括号要成对。",
        "en": 'The risk word "{word}" cannot be used: it needs letters, no commas or full stops, '
              "and braces must pair up.",
    },
    # tray
    "tray.tooltip": {"zh_CN": "快捷回复", "en": "QuickReply"},
    "tray.show_hide": {"zh_CN": "显示 / 隐藏窗口", "en": "Show / hide window"},
    "tray.pause": {"zh_CN": "暂停快捷键", "en": "Pause hotkeys"},
    "tray.settings": {"zh_CN": "设置…", "en": "Settings…"},
    "tray.quit": {"zh_CN": "退出", "en": "Quit"},
    # scenarios
    "scn.add.title": {"zh_CN": "新建场景", "en": "New scenario"},
    "scn.rename.title": {"zh_CN": "重命名场景", "en": "Rename scenario"},
    "scn.delete.title": {"zh_CN": "删除场景", "en": "Delete scenario"},
    "scn.name": {"zh_CN": "场景名称", "en": "Scenario name"},
    "scn.name.hint": {"zh_CN": "如 尺码咨询", "en": "e.g. Sizes"},
    "scn.delete.empty": {"zh_CN": "删除场景“{name}”？", "en": "Delete the scenario \"{name}\"?"},
    "scn.delete.move": {
        "zh_CN": "场景“{name}”里有 {count} 条话术。删除前，把它们移到：",
        "en": "The scenario \"{name}\" holds {count} phrases. Before deleting it, move them to:",
    },
    "scn.delete.no_target": {
        "zh_CN": "没有其他场景可以接收这些话术。请先新建一个场景。",
        "en": "There is no other scenario to move them to. Create one first.",
    },
    "scn.delete.ok": {"zh_CN": "删除", "en": "Delete"},
}


def with_editor_strings(tr: Translator) -> Translator:
    """The caller's translator, made able to render this catalogue (added once, shared after)."""
    if "editor.field.title" not in tr:
        tr.add(EDITOR_STRINGS)
    return tr


def advice_text(finding: object, locale: str) -> str:
    """A finding's advice in ``locale``: core findings have ``advice_for``; dicts and fields also do."""
    method = getattr(finding, "advice_for", None)
    if callable(method):
        return str(method(locale))
    advice = getattr(finding, "advice", None)
    for_locale = getattr(advice, "for_locale", None)
    if callable(for_locale):
        return str(for_locale(locale))
    if callable(advice):
        return str(advice(locale))
    if isinstance(advice, dict):
        return str(advice.get(locale) or advice.get("en") or next(iter(advice.values()), ""))
    for name in (f"advice_{locale}", "advice_zh" if locale.startswith("zh") else "advice_en"):
        value = getattr(finding, name, None)
        if value:
            return str(value)
    return str(advice or "")


def describe(finding: object, tr: Translator) -> tuple[str, str]:
    """(category name, severity name) of a finding in the UI language."""
    category = str(getattr(finding, "category", ""))
    severity = str(getattr(finding, "severity", ""))
    return tr(f"finding.category.{category}"), tr(f"finding.severity.{severity}")
