"""Texts of the quick window and its parts, zh_CN and en."""

from __future__ import annotations

UI_STRINGS: dict[str, dict[str, str]] = {
    "window.title": {"zh_CN": "快捷回复", "en": "QuickReply"},
    # scenario navigation
    "nav.all": {"zh_CN": "全部", "en": "All"},
    "nav.frequent": {"zh_CN": "常用", "en": "Frequent"},
    "nav.recent": {"zh_CN": "最近", "en": "Recent"},
    "nav.pinned": {"zh_CN": "置顶", "en": "Pinned"},
    "nav.tooltip": {"zh_CN": "{name}：{count} 条话术", "en": "{name}: {count} replies"},
    # search and list
    "search.placeholder": {
        "zh_CN": "搜索：中文、拼音、首字母或编码",
        "en": "Search: words, pinyin, initials or code",
    },
    "list.empty": {"zh_CN": "没有找到匹配的话术", "en": "No matching replies"},
    "list.empty_hint": {
        "zh_CN": "换个关键词，或按 Ctrl+N 新建一条",
        "en": "Try other words, or press Ctrl+N to add one",
    },
    "list.empty_scenario": {"zh_CN": "这里还没有话术", "en": "Nothing here yet"},
    "risk.block": {"zh_CN": "禁", "en": "Block"},
    "risk.warn": {"zh_CN": "注意", "en": "Warn"},
    "risk.tooltip": {"zh_CN": "风险用语：{words}", "en": "Risky wording: {words}"},
    # header buttons and the main menu
    "button.keep_open": {
        "zh_CN": "固定窗口：复制后不隐藏",
        "en": "Keep the window open after copying",
    },
    "button.menu": {"zh_CN": "菜单", "en": "Menu"},
    "menu.new": {"zh_CN": "新建话术", "en": "New phrase"},
    "menu.new_from_clipboard": {"zh_CN": "从剪贴板新建", "en": "New from clipboard"},
    "menu.check": {"zh_CN": "检查文本", "en": "Check text"},
    "menu.scenarios": {"zh_CN": "场景", "en": "Scenarios"},
    "menu.scenario_add": {"zh_CN": "新建场景…", "en": "New scenario…"},
    "menu.scenario_rename": {"zh_CN": "重命名场景…", "en": "Rename scenario…"},
    "menu.scenario_delete": {"zh_CN": "删除场景…", "en": "Delete scenario…"},
    "menu.scenario_up": {"zh_CN": "场景上移", "en": "Move scenario up"},
    "menu.scenario_down": {"zh_CN": "场景下移", "en": "Move scenario down"},
    "menu.always_on_top": {"zh_CN": "窗口总在最前", "en": "Always on top"},
    "menu.settings": {"zh_CN": "设置…", "en": "Settings…"},
    "menu.hide": {"zh_CN": "隐藏窗口", "en": "Hide window"},
    "menu.quit": {"zh_CN": "退出", "en": "Quit"},
    # phrase context menu
    "phrase.copy": {"zh_CN": "复制", "en": "Copy"},
    "phrase.edit": {"zh_CN": "编辑…", "en": "Edit…"},
    "phrase.pin": {"zh_CN": "置顶", "en": "Pin"},
    "phrase.unpin": {"zh_CN": "取消置顶", "en": "Unpin"},
    "phrase.hotkey": {"zh_CN": "设置快捷键…", "en": "Assign hotkey…"},
    "phrase.move": {"zh_CN": "移动到场景", "en": "Move to scenario"},
    "phrase.delete": {"zh_CN": "删除", "en": "Delete"},
    "hotkey.ask.title": {"zh_CN": "设置快捷键", "en": "Assign hotkey"},
    "hotkey.ask.label": {
        "zh_CN": "按下要给“{title}”使用的组合键（如 Ctrl+Alt+1）。清空则取消快捷键。",
        "en": 'Press the keys to use for "{title}" (e.g. Ctrl+Alt+1). Clear to remove the hotkey.',
    },
    # toasts
    "toast.copied": {"zh_CN": "已复制：{title}", "en": "Copied: {title}"},
    "toast.unknown": {
        "zh_CN": "已复制“{title}”，但这些占位符无法识别，原样保留：{names}",
        "en": 'Copied "{title}", but these placeholders are unknown and were left as written: {names}',
    },
    "toast.empty": {
        "zh_CN": "已复制“{title}”，但这些占位符没有内容：{names}（客服名称和店铺名可在设置中填写）",
        "en": 'Copied "{title}", but these placeholders have no value: {names} '
              "(set your name and shop in Settings)",
    },
    "toast.deleted": {"zh_CN": "已删除：{title}", "en": "Deleted: {title}"},
    "toast.restored": {"zh_CN": "已恢复：{title}", "en": "Restored: {title}"},
    "toast.undo": {"zh_CN": "撤销", "en": "Undo"},
    "toast.nothing_to_undo": {"zh_CN": "没有可撤销的删除", "en": "Nothing to undo"},
    "toast.saved": {"zh_CN": "已保存：{title}", "en": "Saved: {title}"},
    "toast.moved": {"zh_CN": "已移动到“{scenario}”", "en": 'Moved to "{scenario}"'},
    "toast.clipboard_empty": {"zh_CN": "剪贴板里没有文字", "en": "The clipboard holds no text"},
    "toast.failed": {"zh_CN": "操作失败：{detail}", "en": "That did not work: {detail}"},
    # the inline form for {?name} fields
    "form.title": {"zh_CN": "复制“{title}”前请填写：", "en": 'Fill in before copying "{title}":'},
    "form.ok": {"zh_CN": "复制", "en": "Copy"},
    "form.cancel": {"zh_CN": "取消", "en": "Cancel"},
    "form.hint": {"zh_CN": "回车确认，Esc 取消", "en": "Enter to confirm, Esc to cancel"},
    # banner
    "banner.close": {"zh_CN": "关闭提示", "en": "Dismiss"},
    "banner.global_hotkey": {
        "zh_CN": "全局快捷键不可用：{why}",
        "en": "Global hotkey unavailable: {why}",
    },
    "banner.phrase_hotkeys": {
        "zh_CN": "以下话术快捷键不可用：{items}",
        "en": "These reply hotkeys are unavailable: {items}",
    },
    # app
    "app.locked.title": {"zh_CN": "快捷回复已在运行", "en": "QuickReply is already running"},
    "app.error.title": {"zh_CN": "快捷回复", "en": "QuickReply"},
}
