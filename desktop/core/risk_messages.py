"""Texts of the risky-wording checker and of ``quickreply check``, zh_CN and en."""

from __future__ import annotations

RISK_MESSAGES: dict[str, dict[str, str]] = {
    # rule files
    "risk.rules.invalid": {
        "zh_CN": "风险规则文件 {file}，{entry}：{detail}",
        "en": "{file}, {entry}: {detail}",
    },
    "risk.rules.missing": {
        "zh_CN": "找不到风险规则：文件夹 {path} 里没有 *.json 规则文件。",
        "en": "No risk rules found: the folder {path} holds no *.json rule files.",
    },
    "risk.entry.file": {"zh_CN": "文件本身", "en": "top level"},
    "risk.entry.key": {"zh_CN": "字段“{name}”", "en": "key '{name}'"},
    "risk.entry.rule": {"zh_CN": "第 {number} 条规则（id “{id}”）", "en": "rule #{number} (id '{id}')"},
    "risk.entry.allow": {"zh_CN": "第 {number} 个放行词", "en": "allow entry #{number}"},
    "risk.entry.set": {"zh_CN": "词组“{name}”", "en": "set '{name}'"},
    "risk.entry.extra": {"zh_CN": "自定义词“{word}”", "en": "custom word '{word}'"},
    "risk.problem.json": {"zh_CN": "不是有效的 JSON：{detail}", "en": "not valid JSON: {detail}"},
    "risk.problem.read": {"zh_CN": "无法读取：{detail}", "en": "cannot be read: {detail}"},
    "risk.problem.format": {
        "zh_CN": "“format” 必须是 “quickreply-risk”，版本 1",
        "en": "'format' must be 'quickreply-risk', version 1",
    },
    "risk.problem.type": {
        "zh_CN": "“{name}” 的类型不对，应为{expected}",
        "en": "'{name}' has the wrong type; expected {expected}",
    },
    "risk.problem.unknown_key": {
        "zh_CN": "不认识的字段“{name}”（可用：{allowed}）",
        "en": "unknown key '{name}' (allowed: {allowed})",
    },
    "risk.problem.category": {
        "zh_CN": "类别“{value}”无效，应为 {allowed} 之一",
        "en": "category '{value}' is invalid; use one of {allowed}",
    },
    "risk.problem.severity": {
        "zh_CN": "严重程度“{value}”无效，应为 block 或 warn",
        "en": "severity '{value}' is invalid; use block or warn",
    },
    "risk.problem.id": {
        "zh_CN": "规则 id 必须是 1–60 个小写字母、数字、- 或 _",
        "en": "the rule id must be 1–60 lowercase letters, digits, '-' or '_'",
    },
    "risk.problem.duplicate_id": {
        "zh_CN": "规则 id “{id}” 已在 {other} 中使用",
        "en": "rule id '{id}' is already used in {other}",
    },
    "risk.problem.advice": {
        "zh_CN": '缺少建议文字：需要 {{"zh_CN": …, "en": …}} 两种语言',
        "en": 'advice is missing: it needs {{"zh_CN": …, "en": …}} in both languages',
    },
    "risk.problem.suggest": {
        "zh_CN": '“suggest” 必须是 {{"zh_CN": 编码, "en": 编码}}，编码为小写字母、数字、- 或 _',
        "en": '\'suggest\' must be {{"zh_CN": code, "en": code}} '
        "with lowercase letters, digits, '-' or '_'",
    },
    "risk.problem.one_kind": {
        "zh_CN": "每条规则需要且只能有 words、patterns、near 其中之一",
        "en": "each rule needs exactly one of words, patterns or near",
    },
    "risk.problem.empty_word": {
        "zh_CN": "词“{word}”去掉标点和空格后为空，无法匹配",
        "en": "word '{word}' is empty once punctuation and spaces are removed, so it can never match",
    },
    "risk.problem.barrier_word": {
        "zh_CN": "词“{word}”含有逗号、句号、问号等断句标点，无法匹配",
        "en": "word '{word}' contains clause punctuation (comma, full stop, question mark …) "
        "and can never match",
    },
    "risk.problem.expansion": {
        "zh_CN": "词“{word}”的 {{…|…}} 写法有误或展开后太多",
        "en": "word '{word}' has a malformed {{…|…}} group or expands to too many words",
    },
    "risk.problem.regex": {
        "zh_CN": "正则表达式无效：{detail}（{pattern}）",
        "en": "pattern is not a valid regex: {detail} ({pattern})",
    },
    "risk.problem.unknown_set": {
        "zh_CN": "引用了不存在的词组“{name}”",
        "en": "refers to an unknown set '{name}'",
    },
    "risk.problem.unknown_identifier": {
        "zh_CN": "不认识的号码类型“{name}”（可用：{allowed}）",
        "en": "unknown identifier kind '{name}' (allowed: {allowed})",
    },
    "risk.problem.near": {
        "zh_CN": "near 需要 first、then 两组词，gap 为 0–30 的整数，order 为 forward 或 any",
        "en": "near needs 'first' and 'then' word lists, 'gap' an integer 0–30 and 'order' forward or any",
    },
    "risk.problem.platform": {
        "zh_CN": "平台“{value}”无效，应为 {allowed} 之一",
        "en": "platform '{value}' is invalid; use one of {allowed}",
    },
    "risk.problem.host": {
        "zh_CN": "host 必须是 {allowed} 之一，且正则里要有 (?P<host>…) 分组",
        "en": "'host' must be one of {allowed} and the pattern needs a (?P<host>…) group",
    },
    "risk.problem.twice": {
        "zh_CN": "“{name}” 只能在一个规则文件里定义（已在 {other} 中定义）",
        "en": "'{name}' may be defined in one rule file only (already in {other})",
    },
    "risk.platform.unknown": {
        "zh_CN": "平台“{platform}”无效，可选：{allowed}。",
        "en": "Unknown platform '{platform}'; choose one of: {allowed}.",
    },
    # quickreply check
    "check.help": {
        "zh_CN": "检查文字里的风险用语（承诺、极限词、站外联系、其他平台、链接与文件）",
        "en": "check text for risky wording (promises, extreme words, off-platform contact, "
        "other platforms, links and files)",
    },
    "check.help.text": {
        "zh_CN": "要检查的文字；省略或写 - 时从标准输入逐行读取，每行一条消息",
        "en": "the text to check; without it (or with -), read one message per line from standard input",
    },
    "check.help.platform": {
        "zh_CN": "店铺所在平台（默认 taobao）",
        "en": "the shop's home platform (default taobao)",
    },
    "check.help.json": {
        "zh_CN": "每行输出一个 JSON 对象",
        "en": "print one JSON object per input line",
    },
    "check.epilog": {
        "zh_CN": "发现风险时退出码仍为 0；只有参数错误或读取失败时才非 0。",
        "en": "The exit status is 0 even when findings are reported; "
        "it is non-zero only for usage or read errors.",
    },
    "check.clean": {"zh_CN": "未发现风险用语。", "en": "No risky wording found."},
    "check.summary": {
        "zh_CN": "发现 {count} 处风险用语（{blocks} 处必须修改）：",
        "en": "{count} risky span(s) found ({blocks} must be fixed):",
    },
    "check.severity.block": {"zh_CN": "必须修改", "en": "must fix"},
    "check.severity.warn": {"zh_CN": "请斟酌", "en": "think twice"},
    "check.category.promise": {"zh_CN": "过度承诺", "en": "promise"},
    "check.category.extreme": {"zh_CN": "极限用语", "en": "extreme word"},
    "check.category.contact": {"zh_CN": "站外联系", "en": "off-platform contact"},
    "check.category.platform": {"zh_CN": "其他平台", "en": "other platform"},
    "check.category.link": {"zh_CN": "链接或文件", "en": "link or file"},
    "check.times": {"zh_CN": "（共 {count} 处）", "en": "({count} times)"},
    "check.suggest": {"zh_CN": "可改用话术：{code}", "en": "safe phrase to use instead: {code}"},
    "check.read_failed": {
        "zh_CN": "无法读取标准输入：{detail}",
        "en": "Cannot read standard input: {detail}",
    },
}
