"""The settings dialog: what goes in comes back out, IT-locked fields stay put, bad hotkeys are refused."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QDialog

from desktop.core.i18n import Translator
from desktop.core.messages import MESSAGES
from desktop.core.settings import Settings, SettingsStore
from desktop.core.store import Store
from desktop.ui.settings_dialog import SettingsDialog


@pytest.fixture
def make(qtbot, tr):
    def build(settings=None, locked=frozenset()):
        dialog = SettingsDialog(settings or Settings(), tr, locked)
        qtbot.addWidget(dialog)
        return dialog
    return build


CUSTOM = Settings(
    locale="en", shop_name="暖暖家居", agent_name="小美", platform="jd",
    official_channels=["京东咚咚"], official_domains=["jd.com", "shop.example.cn"],
    global_hotkey="ctrl+alt+k", auto_paste=True, paste_method="type", paste_delay_ms=120,
    restore_clipboard=True, always_on_top=False, keep_open_after_copy=True, opacity=0.8,
    font_size=14, theme="dark",
    risk_extra_words=[{"word": "秒杀价", "category": "extreme", "severity": "block"}],
    risk_allow_words=["最近", "第一次"], team_library="//share/team",
)


def test_unchanged_settings_round_trip(make):
    dialog = make(CUSTOM)
    assert dialog.try_accept()
    assert dialog.result_settings == CUSTOM


def test_round_trip_through_the_settings_store(make, tmp_path):
    store = Store(tmp_path, fsync=False)
    store.open()
    settings_store = SettingsStore(store)
    settings_store.save(CUSTOM)
    dialog = make(settings_store.load())
    dialog.shop_edit.setText("  新店名 ")
    dialog.platform_combo.setCurrentIndex(dialog.platform_combo.findData("pdd"))
    dialog.channels_edit.setPlainText("拼多多客服\n\n  店铺群 ")
    dialog.opacity_spin.setValue(65)
    row = dialog.words_editor.add_row("包邮到家", "promise", "warn")
    assert row == 1
    dialog.words_editor.add_row("   ")  # left blank: dropped
    assert dialog.try_accept()
    settings_store.save(dialog.result_settings)
    loaded = settings_store.load()
    store.close()
    assert loaded.shop_name == "新店名" and loaded.platform == "pdd"
    assert loaded.official_channels == ["拼多多客服", "店铺群"]
    assert loaded.opacity == pytest.approx(0.65)
    assert loaded.risk_extra_words == [CUSTOM.risk_extra_words[0],
                                       {"word": "包邮到家", "category": "promise", "severity": "warn"}]
    assert loaded.team_library == "//share/team"  # not on the dialog, kept as it was


def test_locked_fields_are_disabled_say_why_and_keep_their_value(make):
    dialog = make(CUSTOM, locked={"platform", "official_domains", "risk_extra_words"})
    for name in ("platform", "official_domains", "risk_extra_words"):
        assert not dialog.fields[name].isEnabled()
        assert "管理员" in dialog.fields[name].toolTip()
    assert not dialog.words_editor.add_button.isEnabled()
    assert dialog.fields["shop_name"].isEnabled()
    dialog.platform_combo.setCurrentIndex(dialog.platform_combo.findData("tmall"))  # e.g. by a script
    assert dialog.try_accept()
    assert dialog.result_settings.platform == "jd"


@pytest.mark.parametrize(
    ("typed", "expected"),
    [
        ("Alt+Space", "窗口菜单"),
        ("win+v", "剪贴板历史"),
        ("Ctrl+Shift+V", "纯文本"),
        ("ctrl+`", "Ctrl+`"),
        ("Ctrl+V", "粘贴"),  # every reserved combination, not only a few
        ("alt+tab", "切换窗口"),
        ("Ctrl+Banana", "无效"),
        ("", "请设置"),
    ],
)
def test_clashing_or_invalid_global_hotkey_is_refused(make, typed, expected):
    dialog = make(CUSTOM)
    dialog.hotkey_edit.setText(typed)
    assert expected in dialog.hotkey_error_text()
    assert not dialog.try_accept()
    assert dialog.result() != QDialog.DialogCode.Accepted
    assert dialog.tabs.currentIndex() == 1


def test_a_good_hotkey_is_stored_in_canonical_form(make):
    dialog = make()
    dialog.hotkey_edit.setText("Shift + Ctrl + 9")
    assert dialog.hotkey_error_text() == ""
    assert dialog.try_accept()
    assert dialog.result_settings.global_hotkey == "ctrl+shift+9"


def test_ask_returns_none_on_cancel(tr, monkeypatch):
    monkeypatch.setattr(SettingsDialog, "exec", lambda self: QDialog.DialogCode.Rejected)
    assert SettingsDialog.ask(None, CUSTOM, tr, set()) is None


def test_language_switch_keeps_choices(make):
    dialog = make(CUSTOM)
    dialog.theme_combo.setCurrentIndex(dialog.theme_combo.findData("light"))
    dialog.retranslate(Translator("en", MESSAGES))
    assert dialog.windowTitle() == "Settings"
    assert dialog.theme_combo.currentText() == "Light"
    assert dialog.platform_combo.currentText() == "JD"
    assert dialog.words_editor.table.cellWidget(0, 1).currentText() == "Extreme wording"


@pytest.mark.parametrize("word", ["，。", "包邮,到家", "最{好"])
def test_unusable_risk_words_are_refused(make, word):
    dialog = make(CUSTOM)
    dialog.words_editor.add_row(word, "extreme", "warn")
    assert not dialog.try_accept()
    assert dialog.tabs.currentIndex() == 3
    assert word in dialog.words_editor.error_text()
    dialog.words_editor.remove_selected()  # nothing selected: nothing removed
    dialog.words_editor.table.selectRow(1)
    dialog.words_editor.remove_selected()
    assert dialog.try_accept()
    assert dialog.result_settings.risk_extra_words == CUSTOM.risk_extra_words


def test_a_hotkey_already_used_by_a_phrase_is_refused(qtbot, tr):
    dialog = SettingsDialog(CUSTOM, tr, set(), taken_hotkeys={"ctrl+alt+1": "退换货"})
    qtbot.addWidget(dialog)
    dialog.hotkey_edit.setText("Alt+Ctrl+1")
    assert "话术“退换货”" in dialog.hotkey_error_text()
    assert not dialog.try_accept()
