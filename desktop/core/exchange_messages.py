"""Texts of import, export, backups and the team library, zh_CN and en."""

from __future__ import annotations

EXCHANGE_MESSAGES: dict[str, dict[str, str]] = {
    # reading files
    "import.unreadable": {"zh_CN": "无法读取导入文件。", "en": "The import file cannot be read."},
    "import.cannot_open": {
        "zh_CN": "无法打开 {path}：{detail}",
        "en": "Cannot open {path}: {detail}",
    },
    "import.encoding": {
        "zh_CN": (
            "{path} 第 {line} 行的文字编码无法识别（支持 UTF-8、带 BOM 的 UTF-8、GBK/GB18030）。请在 Excel "
            "中“另存为 CSV UTF-8”后再导入。"
        ),
        "en": (
            "The text on line {line} of {path} is in an unknown encoding (UTF-8, UTF-8 with BOM and GBK/GB"
            "18030 are read). Save it from Excel as \"CSV UTF-8\" and import again."
        ),
    },
    "import.binary": {
        "zh_CN": "{path} 不是文本文件（可能是图片、压缩包或损坏的文件）。",
        "en": "{path} is not a text file (perhaps an image, an archive or a damaged file).",
    },
    "import.empty": {"zh_CN": "{path} 是空文件。", "en": "{path} is empty."},
    "import.bad_header": {
        "zh_CN": "{path} 第 {line} 行的表头无法识别：{found}。需要至少有“内容”（话术）一列，例如：{expected}",
        "en": (
            "The header on line {line} of {path} is not recognised: {found}. A text column is required, e."
            "g. {expected}"
        ),
    },
    "import.csv_broken": {
        "zh_CN": "{path} 第 {line} 行格式错误：{detail}",
        "en": "{path} is malformed at line {line}: {detail}",
    },
    "import.xlsx_broken": {
        "zh_CN": "无法读取 Excel 文件 {path}：{detail}",
        "en": "Cannot read the Excel file {path}: {detail}",
    },
    "import.json_broken": {
        "zh_CN": "{path} 不是有效的 JSON（第 {line} 行，第 {column} 列附近）。",
        "en": "{path} is not valid JSON (near line {line}, column {column}).",
    },
    "import.pack_broken": {
        "zh_CN": "话术包 {path} 无效：{detail}",
        "en": "The pack {path} is invalid: {detail}",
    },
    "import.backup_version": {
        "zh_CN": "备份 {path} 来自更新版本的快捷回复（格式版本 {found}），请先升级程序。",
        "en": (
            "The backup {path} comes from a newer QuickReply (format version {found}); please upgrade firs"
            "t."
        ),
    },
    "import.backup_broken": {
        "zh_CN": "备份 {path} 无效：{detail}",
        "en": "The backup {path} is invalid: {detail}",
    },
    "import.unknown_json": {
        "zh_CN": "{path} 既不是快捷回复话术包，也不是快捷回复备份。",
        "en": "{path} is neither a QuickReply pack nor a QuickReply backup.",
    },
    "import.unknown_format": {
        "zh_CN": "不支持的导入格式“{format}”，可用：{known}",
        "en": 'Unknown import format "{format}"; use one of: {known}',
    },
    "import.wrong_format": {
        "zh_CN": "{path} 是 {found} 文件，不是 {format}。",
        "en": "{path} is an {found} file, not {format}.",
    },
    "import.unknown_policy": {
        "zh_CN": "不支持的合并方式“{policy}”，可用：{known}",
        "en": 'Unknown merge policy "{policy}"; use one of: {known}',
    },
    "import.stale": {
        "zh_CN": "导入预览之后话术库又被修改过，请重新预览后再导入。未写入任何内容。",
        "en": (
            "The library changed after the import preview. Preview again, then import. Nothing was written"
            "."
        ),
    },
    "import.sheet_skipped": {
        "zh_CN": "工作表“{sheet}”没有可识别的表头，已跳过。",
        "en": 'Sheet "{sheet}" has no recognisable header and was skipped.',
    },
    # rows
    "import.row.ragged": {
        "zh_CN": "这一行有 {found} 列，表头有 {expected} 列（可能少了引号或多了逗号）。",
        "en": "This row has {found} columns, the header {expected} (a missing quote or an extra comma?).",
    },
    "import.row.unreadable": {"zh_CN": "这一条无法读取。", "en": "This entry cannot be read."},
    "import.note.hotkey_dropped": {
        "zh_CN": "快捷键 {hotkey} 已被占用，这条话术导入时不带快捷键。",
        "en": "Hotkey {hotkey} is taken; the phrase is imported without it.",
    },
    "import.note.renamed": {
        "zh_CN": "编码“{old}”已被占用，改用“{new}”导入。",
        "en": 'Code "{old}" is taken; imported as "{new}".',
    },
    # the plan
    "import.policy.skip": {"zh_CN": "保留现有（跳过）", "en": "keep existing (skip)"},
    "import.policy.overwrite": {"zh_CN": "以导入为准（覆盖）", "en": "take the imported (overwrite)"},
    "import.policy.newer": {"zh_CN": "保留较新的", "en": "keep the newer"},
    "import.policy.rename": {"zh_CN": "冲突的改用新编码导入", "en": "import conflicts under a new code"},
    "import.summary.head": {
        "zh_CN": "{source}（{format}）：共 {total} 条。",
        "en": "{source} ({format}): {total} entries.",
    },
    "import.summary.counts": {
        "zh_CN": (
            "新增 {new}，完全相同 {identical}，内容相同但标题/标签/场景不同 {changed}，编码相同但内容不同 {c"
            "onflict}，无效 {invalid}，文件内重复 {"
            "duplicates}。"
        ),
        "en": (
            "new {new}, identical {identical}, same text but other title/tags/scenario {changed}, same cod"
            "e with other text {conflict}, invalid {invalid}, repeated in the file {duplicates}."
        ),
    },
    "import.summary.actions": {
        "zh_CN": "合并方式“{policy}”：将新增 {add} 条，更新 {update} 条，不动 {skip} 条。",
        "en": 'Policy "{policy}": {add} to add, {update} to update, {skip} left as they are.',
    },
    "import.summary.new_scenarios": {"zh_CN": "将新建场景：{names}", "en": "New scenarios: {names}"},
    "import.summary.derived_codes": {
        "zh_CN": "{count} 条没有可用的快捷编码，已自动生成（例如第 {row} 行：“{old}” → {new}）。",
        "en": '{count} entries had no usable code and got one (e.g. row {row}: "{old}" → {new}).',
    },
    "import.summary.no_timestamps": {
        "zh_CN": "文件里没有更新时间，无法比较新旧：有差异的话术保留现有版本。",
        "en": (
            "The file has no update times, so nothing can be compared: differing phrases keep the existing"
            " version."
        ),
    },
    "import.summary.invalid_row": {
        "zh_CN": "第 {row} 行无效：{reason}",
        "en": "Row {row} is invalid: {reason}",
    },
    "import.summary.row_note": {"zh_CN": "第 {row} 行：{note}", "en": "Row {row}: {note}"},
    "import.summary.more": {"zh_CN": "……另有 {count} 条未列出。", "en": "… and {count} more."},
    "import.summary.risky": {
        "zh_CN": "{count} 条话术含风险用语（其中 {block} 条必须修改），导入后请检查：",
        "en": "{count} phrases contain risky wording ({block} must be fixed); check them after importing:",
    },
    "import.summary.risky_row": {
        "zh_CN": "第 {row} 行（{code}）：{words}",
        "en": "Row {row} ({code}): {words}",
    },
    "import.dry_run": {
        "zh_CN": "这是预览（--dry-run），没有写入任何内容。",
        "en": "This was a preview (--dry-run); nothing was written.",
    },
    "import.nothing": {"zh_CN": "没有需要导入的内容。", "en": "Nothing to import."},
    "import.done": {
        "zh_CN": "导入完成：新增 {added} 条，更新 {updated} 条。导入前的备份：{backup}",
        "en": "Imported: {added} added, {updated} updated. Backup taken before the import: {backup}",
    },
    "import.undone": {
        "zh_CN": "已撤销导入：移除 {removed} 条，恢复 {restored} 条；{kept} 条在导入后被修改过，已保留。",
        "en": (
            "Import undone: {removed} removed, {restored} restored; {kept} edited since the import were ke"
            "pt."
        ),
    },
    # export
    "export.done": {"zh_CN": "已导出 {count} 条话术到 {path}。", "en": "Exported {count} phrases to {path}."},
    "export.unknown_format": {
        "zh_CN": "不支持的导出格式“{format}”，可用：{known}",
        "en": 'Unknown export format "{format}"; use one of: {known}',
    },
    "export.unknown_extension": {
        "zh_CN": "无法从文件名 {path} 判断导出格式，请用 --format 指定（{known}）。",
        "en": "Cannot tell the export format from {path}; choose one with --format ({known}).",
    },
    "export.write_failed": {
        "zh_CN": "无法写入 {path}：{detail}",
        "en": "Cannot write {path}: {detail}",
    },
    # backups and restore
    "backups.none": {"zh_CN": "还没有自动备份。", "en": "No automatic backups yet."},
    "backups.row": {
        "zh_CN": "{index:>3}  {time}  {count}  {path}",
        "en": "{index:>3}  {time}  {count}  {path}",
    },
    "backups.count": {"zh_CN": "{count} 条话术", "en": "{count} phrases"},
    "backups.unreadable": {"zh_CN": "（无法读取）", "en": "(unreadable)"},
    "restore.not_found": {
        "zh_CN": "找不到备份“{what}”。可用 quickreply backups 查看备份列表，用序号或文件路径指定。",
        "en": 'Backup "{what}" not found. Run "quickreply backups" and give a number or a file path.',
    },
    "restore.need_yes": {
        "zh_CN": "--replace 会用备份替换整个话术库（当前内容先自动备份）。确认请加 --yes。",
        "en": (
            "--replace swaps the whole library for the backup (the current one is backed up first). Add --"
            "yes to confirm."
        ),
    },
    "restore.would_replace": {
        "zh_CN": "预览：话术库（当前 {current} 条话术）将被替换为备份中的 {count} 条话术。",
        "en": (
            "Preview: the library (now {current} phrases) would be replaced by the backup's {count} phrases."
        ),
    },
    "restore.replaced": {
        "zh_CN": "已用备份替换话术库：{count} 条话术。替换前的备份：{backup}",
        "en": (
            "The library was replaced by the backup: {count} phrases. Backup of the replaced library: {bac"
            "kup}"
        ),
    },
    # team library
    "team.published": {
        "zh_CN": "已发布团队话术库：{count} 条话术 → {path}",
        "en": "Team library published: {count} phrases → {path}",
    },
    "team.publish_failed": {
        "zh_CN": "无法发布团队话术库到 {path}：{detail}",
        "en": "Cannot publish the team library to {path}: {detail}",
    },
    "team.publish_target": {
        "zh_CN": "无法发布到 {path}：请给出以 .json 结尾的文件名，或一个文件夹（其中写入 {name}）。",
        "en": (
            "Cannot publish to {path}: give a file name ending in .json, or a folder (it will hold {name})."
        ),
    },
    "team.unreachable": {
        "zh_CN": "无法读取团队话术库（{source}）：{detail}。继续使用上次成功获取的版本（{when}）。",
        "en": (
            "The team library ({source}) cannot be read: {detail}. The last good copy ({when}) stays in us"
            "e."
        ),
    },
    "team.broken": {
        "zh_CN": "团队话术库文件（{source}）不完整或已损坏：{detail}。继续使用上次成功获取的版本（{when}）。",
        "en": (
            "The team library file ({source}) is incomplete or damaged: {detail}. The last good copy ({whe"
            "n}) stays in use."
        ),
    },
    "team.never_loaded": {"zh_CN": "从未获取过", "en": "none yet"},
    "team.updated": {
        "zh_CN": "团队话术库已更新：{count} 条话术。",
        "en": "The team library was updated: {count} phrases.",
    },
    # command line
    "cli.cmd.import": {
        "zh_CN": "导入话术（CSV、千牛 CSV、Excel、话术包、备份）",
        "en": "import phrases (CSV, Qianniu CSV, Excel, pack, backup)",
    },
    "cli.cmd.export": {"zh_CN": "导出话术", "en": "export phrases"},
    "cli.cmd.backups": {"zh_CN": "列出自动备份", "en": "list automatic backups"},
    "cli.cmd.restore": {"zh_CN": "从备份恢复（默认合并）", "en": "restore from a backup (merges by default)"},
    "cli.cmd.team_publish": {
        "zh_CN": "把话术发布为团队话术库文件",
        "en": "publish phrases as the team library file",
    },
    "cli.opt.file": {"zh_CN": "文件路径", "en": "file path"},
    "cli.opt.policy": {
        "zh_CN": "编码相同时怎么办：skip 保留现有，overwrite 覆盖，newer 保留较新，rename 改用新编码导入",
        "en": (
            "when a code exists: skip keeps it, overwrite replaces it, newer keeps the newer, rename impor"
            "ts under a new code"
        ),
    },
    "cli.opt.dry_run": {"zh_CN": "只预览，不写入", "en": "preview only, write nothing"},
    "cli.opt.import_format": {"zh_CN": "文件格式（默认自动识别）", "en": "file format (detected by default)"},
    "cli.opt.export_format": {
        "zh_CN": "文件格式（默认按扩展名）",
        "en": "file format (from the extension by default)",
    },
    "cli.opt.backup": {
        "zh_CN": "备份：backups 列表中的序号，或文件路径",
        "en": "backup: a number from the backups list, or a file path",
    },
    "cli.opt.replace": {
        "zh_CN": "整个替换话术库（需同时加 --yes）",
        "en": "replace the whole library (needs --yes too)",
    },
    "cli.opt.yes": {"zh_CN": "确认", "en": "confirm"},
    "cli.opt.target": {
        "zh_CN": "共享文件夹（在其中写入 quickreply-team.json，不存在则新建）或以 .json 结尾的文件路径",
        "en": (
            "shared folder (quickreply-team.json is written in it; created if missing) or a file path "
            "ending in .json"
        ),
    },
}
