"""Texts of the core's messages and errors, zh_CN and en."""

from __future__ import annotations

MESSAGES: dict[str, dict[str, str]] = {
    "error.generic": {"zh_CN": "出错了：{detail}", "en": "Something went wrong: {detail}"},
    "error.validation": {"zh_CN": "内容有误，请修改后再保存。", "en": "Some fields are invalid."},
    "error.not_found": {"zh_CN": "找不到：{what}", "en": "Not found: {what}"},
    # phrase and scenario validation
    "phrase.text.empty": {
        "zh_CN": "话术内容不能为空。",
        "en": "The reply text cannot be empty.",
    },
    "phrase.text.too_long": {
        "zh_CN": "话术内容有 {length} 个字，最多 {limit} 个字，请删减或拆成几条。",
        "en": "The reply text has {length} characters; the limit is {limit}. Shorten it or split it.",
    },
    "phrase.title.empty": {"zh_CN": "标题不能为空。", "en": "The title cannot be empty."},
    "phrase.title.too_long": {
        "zh_CN": "标题有 {length} 个字，最多 {limit} 个字。",
        "en": "The title has {length} characters; the limit is {limit}.",
    },
    "phrase.code.invalid": {
        "zh_CN": "快捷编码“{code}”无效：只能用 1–16 个小写字母、数字、- 或 _。",
        "en": 'Code "{code}" is invalid: use 1–16 lowercase letters, digits, "-" or "_".',
    },
    "phrase.code.duplicate": {
        "zh_CN": "快捷编码“{code}”已被“{other}”使用，请换一个。",
        "en": 'Code "{code}" is already used by "{other}". Choose another.',
    },
    "phrase.hotkey.invalid": {
        "zh_CN": "快捷键“{hotkey}”无效：需要至少一个修饰键（Ctrl/Alt/Shift/Win）"
                 "加一个按键，例如 Ctrl+Alt+1。",
        "en": 'Hotkey "{hotkey}" is invalid: use at least one modifier (Ctrl/Alt/Shift/Win) plus a key, '
              "e.g. Ctrl+Alt+1.",
    },
    "phrase.hotkey.reserved": {
        "zh_CN": "快捷键“{hotkey}”是系统或常用软件的快捷键（{reason_zh}），"
                 "设为话术快捷键会让它失效，请换一个，例如 Ctrl+Alt+1。",
        "en": 'Hotkey "{hotkey}" is taken by the system or common programs ({reason_en}); '
              "using it here would break that. Choose another, e.g. Ctrl+Alt+1.",
    },
    "phrase.hotkey.duplicate": {
        "zh_CN": "快捷键“{hotkey}”已被“{other}”使用，请换一个。",
        "en": 'Hotkey "{hotkey}" is already used by "{other}". Choose another.',
    },
    "phrase.text.not_text": {
        "zh_CN": "话术内容含有无法识别的字符（不是有效的文字，可能是编码不对），请重新输入或粘贴。",
        "en": "The reply text contains characters that are not valid text (perhaps the wrong encoding). "
              "Type or paste it again.",
    },
    "phrase.title.not_text": {
        "zh_CN": "标题含有无法识别的字符（不是有效的文字，可能是编码不对），请重新输入。",
        "en": "The title contains characters that are not valid text (perhaps the wrong encoding). "
              "Type it again.",
    },
    "phrase.tags.not_text": {
        "zh_CN": "标签含有无法识别的字符（不是有效的文字，可能是编码不对），请重新输入。",
        "en": "The tags contain characters that are not valid text (perhaps the wrong encoding). "
              "Type them again.",
    },
    "scenario.name.not_text": {
        "zh_CN": "场景名称含有无法识别的字符（不是有效的文字，可能是编码不对），请重新输入。",
        "en": "The scenario name contains characters that are not valid text (perhaps the wrong encoding). "
              "Type it again.",
    },
    "phrase.tags.invalid": {
        "zh_CN": "标签无效：每个标签 1–20 个字，最多 {limit} 个。",
        "en": "Invalid tags: each tag 1–20 characters, at most {limit} tags.",
    },
    "phrase.scenario.unknown": {
        "zh_CN": "场景“{scenario}”不存在，请先新建该场景或选择已有场景。",
        "en": 'Scenario "{scenario}" does not exist. Create it first or pick an existing one.',
    },
    "phrase.not_found": {"zh_CN": "找不到这条话术（{what}）。", "en": "Phrase not found ({what})."},
    "phrase.code.not_found": {
        "zh_CN": "没有快捷编码为“{code}”的话术。可用 quickreply list 查看全部编码。",
        "en": 'No phrase has the code "{code}". Run "quickreply list" to see all codes.',
    },
    "scenario.name.empty": {"zh_CN": "场景名称不能为空。", "en": "The scenario name cannot be empty."},
    "scenario.name.too_long": {
        "zh_CN": "场景名称最多 {limit} 个字。",
        "en": "The scenario name can have at most {limit} characters.",
    },
    "scenario.name.duplicate": {
        "zh_CN": "已有名为“{name}”的场景。",
        "en": 'A scenario named "{name}" already exists.',
    },
    "scenario.not_empty": {
        "zh_CN": "场景“{name}”里还有 {count} 条话术：请选择把它们移到哪个场景，再删除。",
        "en": 'Scenario "{name}" still holds {count} phrases: choose where to move them before deleting it.',
    },
    "scenario.not_found": {"zh_CN": "场景“{what}”不存在。", "en": 'Scenario "{what}" does not exist.'},
    "trash.code_taken": {
        "zh_CN": "无法恢复：快捷编码“{code}”已被另一条话术使用，已改为“{new_code}”。",
        "en": 'Restored with code "{new_code}": "{code}" is now used by another phrase.',
    },
    # store
    "store.locked": {
        "zh_CN": "话术库正在被另一个快捷回复程序使用（{path}）。请关闭那个窗口后再试，或在窗口里操作。",
        "en": "The phrase library is in use by another QuickReply process ({path}). "
              "Close it and try again, or use that window.",
    },
    "store.unreadable": {
        "zh_CN": "无法读取话术库文件 {path}：{detail}。文件未被修改。",
        "en": "Cannot read the library file {path}: {detail}. The file was left untouched.",
    },
    "store.recovered": {
        "zh_CN": "话术库文件已损坏（{reason}）。已从 {backup} 的备份恢复；损坏的文件保留为 {kept}。",
        "en": "The library file was damaged ({reason}). It was restored from the backup of {backup}; "
              "the damaged file was kept as {kept}.",
    },
    "store.recovered_empty": {
        "zh_CN": "话术库文件已损坏（{reason}），且没有可用的备份。"
                 "已新建空库；损坏的文件保留为 {kept}，请联系技术支持。",
        "en": "The library file was damaged ({reason}) and no usable backup exists. "
              "A new library was started; the damaged file was kept as {kept}. Please contact support.",
    },
    "store.too_new": {
        "zh_CN": "话术库文件来自更新版本的快捷回复（格式版本 {found}，本程序支持 {supported}）。"
                 "请升级程序；文件未被修改。",
        "en": "The library file comes from a newer QuickReply (format {found}; this version reads "
              "{supported}). Please upgrade; the file was left untouched.",
    },
    "store.write_failed": {
        "zh_CN": "保存失败：{detail}。你的修改没有丢失，请检查磁盘空间或文件夹权限后重试。",
        "en": "Saving failed: {detail}. Your change is not lost; check disk space or folder permissions "
              "and try again.",
    },
    "store.bad_text": {
        "zh_CN": "保存失败：内容中有无法保存的字符（不是有效的文字）。修改未写入文件，请删除这些字符后重试。",
        "en": "Saving failed: some text holds characters that are not valid text. Nothing was written; "
              "remove those characters and try again.",
    },
    "store.readonly": {
        "zh_CN": "话术库以只读方式打开，无法保存修改。",
        "en": "The library is open read-only; changes cannot be saved.",
    },
    # packs
    "pack.invalid": {
        "zh_CN": "话术包 {path} 无效：{detail}",
        "en": "Phrase pack {path} is invalid: {detail}",
    },
    "pack.seeded": {
        "zh_CN": "已载入默认话术库“{name}”：{scenarios} 个场景，{phrases} 条话术。",
        "en": 'Loaded the default library "{name}": {scenarios} scenarios, {phrases} phrases.',
    },
    # clipboard
    "clipboard.unavailable": {
        "zh_CN": "无法访问剪贴板：{detail}。可用 --print 直接输出话术内容。",
        "en": "The clipboard is not available: {detail}. Use --print to print the reply instead.",
    },
    "clipboard.copied": {
        "zh_CN": "已复制“{title}”（{code}）到剪贴板。",
        "en": 'Copied "{title}" ({code}) to the clipboard.',
    },
    # IT configuration
    "itconfig.invalid": {
        "zh_CN": "管理员配置文件 {path} 无法读取：{detail}。请联系 IT 修正该文件。",
        "en": "The administrator's configuration file {path} cannot be read: {detail}. Ask IT to fix it.",
    },
}
