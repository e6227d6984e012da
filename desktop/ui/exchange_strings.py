"""Texts of the import, export, backup and team-library parts of the window, zh_CN and en."""

from __future__ import annotations

EXCHANGE_UI_STRINGS: dict[str, dict[str, str]] = {
    # main menu
    "menu.import": {"zh_CN": "导入…", "en": "Import…"},
    "menu.export": {"zh_CN": "导出…", "en": "Export…"},
    "menu.backups": {"zh_CN": "备份与恢复…", "en": "Backups…"},
    "menu.team_publish": {"zh_CN": "发布到团队话术库…", "en": "Publish to the team library…"},
    # file choosers
    "file.import.title": {"zh_CN": "选择要导入的文件", "en": "Choose a file to import"},
    "file.import.filter": {
        "zh_CN": "话术文件 (*.csv *.txt *.xlsx *.json);;所有文件 (*)",
        "en": "Phrase files (*.csv *.txt *.xlsx *.json);;All files (*)",
    },
    "file.export.title": {"zh_CN": "导出话术", "en": "Export phrases"},
    "file.export.csv": {"zh_CN": "CSV（Excel 可打开）(*.csv)", "en": "CSV for Excel (*.csv)"},
    "file.export.qianniu": {"zh_CN": "千牛快捷短语 CSV (*.csv)", "en": "Qianniu quick phrases CSV (*.csv)"},
    "file.export.xlsx": {"zh_CN": "Excel 工作簿 (*.xlsx)", "en": "Excel workbook (*.xlsx)"},
    "file.export.pack": {"zh_CN": "话术包 (*.json)", "en": "Phrase pack (*.json)"},
    "file.export.backup": {"zh_CN": "完整备份 (*.json)", "en": "Full backup (*.json)"},
    "file.export.name": {"zh_CN": "快捷回复话术", "en": "quickreply-phrases"},
    "file.backup.name": {"zh_CN": "快捷回复完整备份", "en": "quickreply-backup"},
    "file.publish.title": {"zh_CN": "选择团队共享文件夹", "en": "Choose the team's shared folder"},
    # import dialog
    "import.title": {"zh_CN": "导入话术", "en": "Import phrases"},
    "import.reading": {"zh_CN": "正在读取“{name}”…", "en": "Reading “{name}”…"},
    "import.planning": {"zh_CN": "正在比较…", "en": "Comparing…"},
    "import.writing": {"zh_CN": "正在导入…", "en": "Importing…"},
    "import.policy": {"zh_CN": "编码相同但内容不同时：", "en": "When a code exists with other content:"},
    "import.policy_hint.skip": {"zh_CN": "保留我的（跳过）", "en": "Keep mine (skip)"},
    "import.policy_hint.overwrite": {"zh_CN": "用文件覆盖", "en": "Overwrite with the file"},
    "import.policy_hint.newer": {"zh_CN": "保留较新的", "en": "Keep the newer one"},
    "import.policy_hint.rename": {"zh_CN": "两条都保留（改编码）", "en": "Keep both (new code)"},
    "import.count.new": {"zh_CN": "新增", "en": "New"},
    "import.count.identical": {"zh_CN": "完全相同", "en": "Identical"},
    "import.count.changed": {"zh_CN": "标题/标签/场景不同", "en": "Changed"},
    "import.count.conflict": {"zh_CN": "内容冲突", "en": "Conflicting"},
    "import.count.invalid": {"zh_CN": "无效", "en": "Invalid"},
    "import.count.duplicates": {"zh_CN": "文件内重复", "en": "Repeated in file"},
    "import.count.risky": {"zh_CN": "含风险用语", "en": "Risky wording"},
    "import.button.import": {"zh_CN": "导入 {count} 条", "en": "Import {count}"},
    "import.button.cancel": {"zh_CN": "取消", "en": "Cancel"},
    "import.failed.title": {"zh_CN": "无法导入", "en": "Cannot import"},
    "import.undo": {"zh_CN": "撤销导入", "en": "Undo import"},
    # export
    "export.failed.title": {"zh_CN": "无法导出", "en": "Cannot export"},
    # backups dialog
    "backups.title": {"zh_CN": "备份与恢复", "en": "Backups"},
    "backups.hint": {
        "zh_CN": "话术库每次改动前会自动备份。选一个备份恢复：默认合并到现有话术，不会删除任何话术。",
        "en": "The library is backed up automatically before changes. Restoring merges a backup into "
              "your phrases by default; nothing is deleted.",
    },
    "backups.empty": {"zh_CN": "还没有自动备份", "en": "No automatic backups yet"},
    "backups.item": {"zh_CN": "{time}　{count}", "en": "{time}   {count}"},
    "backups.replace": {
        "zh_CN": "整库替换（删除现有话术，换成这个备份）",
        "en": "Replace the whole library (remove the current phrases, use this backup)",
    },
    "backups.restore": {"zh_CN": "恢复…", "en": "Restore…"},
    "backups.export": {"zh_CN": "导出完整备份…", "en": "Export a full backup…"},
    "backups.close": {"zh_CN": "关闭", "en": "Close"},
    "backups.confirm.title": {"zh_CN": "确认整库替换", "en": "Replace the whole library?"},
    "backups.confirm.text": {
        "zh_CN": "现有的 {current} 条话术将被删除，换成 {time} 备份中的 {count} 条话术。\n"
                 "替换前会再自动备份一次。确定要替换吗？",
        "en": "The current {current} phrases will be removed and replaced by the {count} phrases of the "
              "backup from {time}.\nThe library is backed up once more before. Replace it?",
    },
    "backups.restored": {"zh_CN": "已从备份恢复：{detail}", "en": "Restored from the backup: {detail}"},
    "backups.failed.title": {"zh_CN": "无法恢复", "en": "Cannot restore"},
    # team library
    "nav.team": {"zh_CN": "团队", "en": "Team"},
    "team.copy_personal": {"zh_CN": "复制到我的话术", "en": "Copy to my phrases"},
    "team.copied_personal": {
        "zh_CN": "已复制到我的话术：{title}（编码 {code}）",
        "en": "Copied to my phrases: {title} (code {code})",
    },
    "team.read_only": {
        "zh_CN": "团队话术只读；想修改请先“复制到我的话术”",
        "en": "Team phrases are read-only; copy one to your phrases to change it",
    },
    "team.personal_scenario": {"zh_CN": "来自团队", "en": "From the team"},
}
