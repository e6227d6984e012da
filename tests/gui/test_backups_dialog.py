"""Backups in the window: the list, a merge restore, and a full replace only after a second yes."""

from __future__ import annotations

import pytest

from desktop.app import make_translator
from desktop.ui.backups_dialog import BackupsDialog
from desktop.ui.exchange_prompts import Prompts
from desktop.ui.import_dialog import ImportDialog


@pytest.fixture
def backed_up(session):
    """A backup holding one extra phrase ("bk"), which is then deleted from the library."""
    library = session.library
    sid = library.scenarios()[0].id
    extra = library.add_phrase(sid, "bk", "备份里的话术", "亲，这条只在备份里。")
    path = library.backup_now()
    library.remove_phrases([extra.id], to_trash=False)
    return path


def open_dialog(qtbot, session, locale: str = "zh_CN") -> BackupsDialog:
    dialog = BackupsDialog(session.library, session.store.backups, make_translator(locale))
    qtbot.addWidget(dialog)
    return dialog


def select(dialog: BackupsDialog, path) -> None:
    row = next(i for i, info in enumerate(dialog.backups) if info.path == path)
    dialog.list.setCurrentRow(row)


def test_lists_backups_with_time_and_phrase_count(qtbot, session, backed_up):
    dialog = open_dialog(qtbot, session)
    infos = session.store.backups()
    assert dialog.list.count() == len(infos) >= 1
    row = next(i for i, info in enumerate(infos) if info.path == backed_up)
    text = dialog.list.item(row).text()
    assert f"{len(session.library) + 1} 条话术" in text
    assert text[:4].isdigit()  # the date comes first
    english = open_dialog(qtbot, session, "en")
    assert "phrases" in english.list.item(row).text()
    assert english.restore_button.text() == "Restore…"


def test_restore_merges_by_default(qtbot, session, backed_up, monkeypatch):
    def run(dialog: ImportDialog) -> int:
        qtbot.waitUntil(lambda: dialog.import_button.isEnabled(), timeout=10_000)
        dialog.import_button.click()
        return 1

    monkeypatch.setattr(ImportDialog, "exec", run)
    confirm = []
    monkeypatch.setattr(Prompts, "confirm", classmethod(lambda cls, *a: confirm.append(a) or True))
    dialog = open_dialog(qtbot, session)
    sid = session.library.scenarios()[0].id
    session.library.add_phrase(sid, "later", "备份之后的话术", "亲，这条是备份之后加的。")
    select(dialog, backed_up)
    assert not dialog.replace_box.isChecked()
    with qtbot.waitSignal(dialog.imported):
        dialog.restore_button.click()
    assert session.library.by_code("bk").text == "亲，这条只在备份里。"
    assert session.library.find_code("later") is not None  # a merge removes nothing
    assert confirm == []


def test_full_replace_needs_the_second_confirmation(qtbot, session, backed_up, monkeypatch):
    answers: list[bool] = []
    asked: list[str] = []

    def confirm(cls, parent, title, text):
        asked.append(text)
        return answers.pop(0)

    monkeypatch.setattr(Prompts, "confirm", classmethod(confirm))
    sid = session.library.scenarios()[0].id
    session.library.add_phrase(sid, "later", "备份之后的话术", "亲，这条是备份之后加的。")
    dialog = open_dialog(qtbot, session)
    select(dialog, backed_up)
    dialog.replace_box.setChecked(True)

    answers.append(False)
    dialog.restore_button.click()
    assert len(asked) == 1 and "删除" in asked[0]
    assert session.library.find_code("later") is not None  # said no: nothing changed
    assert session.library.find_code("bk") is None

    answers.append(True)
    select(dialog, backed_up)
    with qtbot.waitSignal(dialog.replaced) as replaced:
        dialog.restore_button.click()
    assert len(asked) == 2
    assert session.library.find_code("later") is None
    assert session.library.by_code("bk").text == "亲，这条只在备份里。"
    assert "已用备份替换话术库" in replaced.args[0]


def test_window_menu_opens_backups_and_exports_a_full_backup(qtbot, make_window, session, backed_up,
                                                             tmp_path, monkeypatch):
    window = make_window()
    target = tmp_path / "full.json"
    monkeypatch.setattr(Prompts, "save_file", classmethod(lambda cls, parent, tr, fmt: (target, fmt)))

    def run(dialog: BackupsDialog) -> int:
        dialog.export_button.click()
        return 0

    monkeypatch.setattr(BackupsDialog, "exec", run)
    texts = [a.text() for a in window.actions_.main_menu.actions()]
    assert {"导入…", "导出…", "备份与恢复…"} <= set(texts)
    window.exchange.backups_action.trigger()
    assert target.is_file()
    assert '"quickreply-backup"' in target.read_text(encoding="utf-8")
