"""The quick window as an agent uses it: search, pick, the reply is on the clipboard."""

from __future__ import annotations

import dataclasses
import threading
from types import SimpleNamespace

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QInputMethodEvent
from PySide6.QtTest import QTest

from desktop.app import make_translator
from desktop.platform.hotkeys import FakeHotkeys, NullHotkeys
from desktop.ui.phrase_model import Role
from desktop.ui.scenario_nav import FREQUENT, PINNED, RECENT

FH_TEXT = "亲，付款后48小时内发货，小美会帮您盯着的。"
TH_TEXT = "支持七天无理由退换，我们保证绝对正品。"
CM_TEXT = "亲，您把身高体重发给我，帮您推荐合适的尺码哦～"


def titles(window) -> list[str]:
    return [p.title for p in window.model.phrases()]


def press(window, key, modifier=Qt.KeyboardModifier.NoModifier) -> None:
    """Window shortcuts fire only for keys sent to the window handle (Qt 6.12)."""
    QTest.keyClick(window.windowHandle(), key, modifier)


def type_search(qtbot, window, text: str) -> None:
    if text.isascii():
        qtbot.keyClicks(window.search, text)
    else:  # QTest cannot synthesise keys for Chinese characters; an input method commits them
        commit = QInputMethodEvent("", [])
        commit.setCommitString(text)
        window.search.inputMethodEvent(commit)


def enter(qtbot, widget) -> None:
    qtbot.keyClick(widget, Qt.Key.Key_Return)


# -- search and copy -------------------------------------------------------------------------------

def test_opens_with_search_focused_and_every_reply_listed(make_window):
    window = make_window()
    assert window.search.hasFocus()
    assert len(titles(window)) == 6
    assert window.list.currentIndex().row() == 0


@pytest.mark.parametrize(
    ("typed", "title", "copied"),
    [
        ("cmjy", "尺码建议", CM_TEXT),  # pinyin initials of the title
        ("fh", "发货时间", FH_TEXT),  # the phrase's code
        ("退换", "退换货", TH_TEXT),  # Chinese
    ],
)
def test_search_then_enter_copies_the_first_hit(qtbot, make_window, clipboard, typed, title, copied):
    window = make_window()
    type_search(qtbot, window, typed)
    assert titles(window)[0] == title
    enter(qtbot, window.search)
    assert clipboard.history == [copied]


def test_down_arrow_then_enter_copies_the_second_row(qtbot, make_window, clipboard):
    window = make_window()
    second = window.model.phrase_at(1)
    qtbot.keyClick(window.search, Qt.Key.Key_Down)
    assert window.list.currentIndex().row() == 1
    enter(qtbot, window.search)
    assert clipboard.history[-1] == window.copier.fill(second).text


@pytest.mark.parametrize("n", [1, 2, 6])
def test_alt_number_copies_that_row(make_window, clipboard, n):
    window = make_window()
    expected = window.copier.fill(window.model.phrase_at(n - 1)).text
    press(window, getattr(Qt.Key, f"Key_{n}"), Qt.KeyboardModifier.AltModifier)
    assert clipboard.history == [expected]


def test_alt_number_past_the_list_does_nothing(make_window, clipboard):
    window = make_window()
    press(window, Qt.Key.Key_9, Qt.KeyboardModifier.AltModifier)
    assert clipboard.history == []


def test_click_copies_and_says_so(qtbot, make_window, clipboard):
    window = make_window()
    row = titles(window).index("发货时间")
    rect = window.list.visualRect(window.model.index(row, 0))
    qtbot.mouseClick(window.list.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert clipboard.history == [FH_TEXT]
    assert window.toast.isVisible()
    assert "发货时间" in window.toast.text()


def test_every_copy_counts_a_use_and_shows_in_frequent_and_recent(qtbot, make_window, session):
    window = make_window()
    type_search(qtbot, window, "fh")
    enter(qtbot, window.search)
    enter(qtbot, window.search)
    assert session.library.by_code("fh").uses == 2
    window.search.clear()
    window.nav.set_current_key(FREQUENT)
    assert titles(window) == ["发货时间"]
    window.nav.set_current_key(RECENT)
    assert titles(window) == ["发货时间"]


def test_scenarios_and_pinned_view_filter_the_list(make_window, session):
    window = make_window()
    window.nav.set_current_key("ship")
    assert titles(window) == ["发货时间", "查询订单", "快递公司"]
    session.library.set_pinned(session.library.by_code("kd").id)
    assert titles(window)[0] == "快递公司"  # pinned replies come first
    window.nav.set_current_key(PINNED)
    assert titles(window) == ["快递公司"]


# -- placeholders ----------------------------------------------------------------------------------

def test_asked_field_opens_the_inline_form_and_enter_copies(qtbot, make_window, clipboard):
    window = make_window()
    type_search(qtbot, window, "cd")
    enter(qtbot, window.search)
    assert window.form.isVisible()
    assert clipboard.history == []
    field = window.form.edits["订单号"]
    assert field.hasFocus()
    qtbot.keyClicks(field, "20261123001")
    enter(qtbot, field)
    assert not window.form.isVisible()
    assert clipboard.history == ["亲，订单20261123001已为您查询，正在派送中。"]


def test_asked_field_form_esc_cancels_without_copying(qtbot, make_window, clipboard):
    window = make_window()
    type_search(qtbot, window, "cd")
    enter(qtbot, window.search)
    qtbot.keyClicks(window.form.edits["订单号"], "123")
    press(window, Qt.Key.Key_Escape)
    assert not window.form.isVisible()
    assert clipboard.history == []
    assert window.search.text() == "cd"  # Esc closed the form only


def test_asked_field_left_empty_is_not_copied(qtbot, make_window, clipboard):
    window = make_window()
    type_search(qtbot, window, "cd")
    enter(qtbot, window.search)
    enter(qtbot, window.form.edits["订单号"])
    assert window.form.isVisible()
    assert clipboard.history == []


def test_unknown_placeholder_is_copied_as_written_and_flagged(qtbot, make_window, clipboard):
    window = make_window()
    type_search(qtbot, window, "kd")
    enter(qtbot, window.search)
    assert clipboard.history == ["默认发{快递公司}，需要别的快递请备注。"]
    assert "{快递公司}" in window.toast.text()


def test_missing_agent_name_is_flagged(qtbot, make_window, clipboard, session):
    settings = session.settings
    settings.agent_name = ""
    session.settings_store.save(settings)
    window = make_window()
    type_search(qtbot, window, "fh")
    enter(qtbot, window.search)
    assert clipboard.history == ["亲，付款后48小时内发货，{客服}会帮您盯着的。"]
    assert "{客服}" in window.toast.text()


# -- Chinese input method ---------------------------------------------------------------------------

def test_enter_while_composing_copies_nothing_and_commit_then_enter_copies(qtbot, make_window, clipboard):
    window = make_window()
    before = titles(window)
    QTest.qWait(0)
    window.search.inputMethodEvent(QInputMethodEvent("tui'huan", []))
    assert window.search.composing
    enter(qtbot, window.search)
    assert clipboard.history == []
    assert titles(window) == before  # nothing filtered on the preedit text

    commit = QInputMethodEvent("", [])
    commit.setCommitString("退换")
    window.search.inputMethodEvent(commit)
    assert not window.search.composing
    assert window.search.text() == "退换"
    assert titles(window)[0] == "退换货"
    enter(qtbot, window.search)
    assert clipboard.history == [TH_TEXT]


# -- showing, hiding, pin ---------------------------------------------------------------------------

def test_global_hotkey_shows_window_with_last_query_selected(qtbot, make_window, hotkeys):
    window = make_window(show=False)
    window.search.setText("fh")
    hotkeys.trigger("ctrl+alt+q")
    qtbot.waitUntil(window.isVisible)
    assert window.summoned_by_hotkey
    assert window.search.selectedText() == "fh"


def test_copy_hides_a_window_summoned_by_hotkey(qtbot, make_window, hotkeys, clipboard):
    window = make_window(show=False)
    hotkeys.trigger("ctrl+alt+q")
    qtbot.waitUntil(window.isVisible)
    press(window, Qt.Key.Key_1, Qt.KeyboardModifier.AltModifier)
    qtbot.waitUntil(lambda: not window.isVisible())
    assert len(clipboard.history) == 1


def test_pinned_window_stays_open_after_copy(qtbot, make_window, hotkeys, clipboard, session):
    window = make_window(show=False)
    window.keep_open_button.click()
    assert session.settings.keep_open_after_copy  # remembered
    hotkeys.trigger("ctrl+alt+q")
    qtbot.waitUntil(window.isVisible)
    press(window, Qt.Key.Key_1, Qt.KeyboardModifier.AltModifier)
    assert len(clipboard.history) == 1
    assert window.isVisible()


def test_window_opened_normally_stays_open_after_copy(make_window, clipboard):
    window = make_window()
    press(window, Qt.Key.Key_1, Qt.KeyboardModifier.AltModifier)
    assert window.isVisible()


def test_esc_clears_the_search_then_hides(qtbot, make_window):
    window = make_window()
    type_search(qtbot, window, "fh")
    press(window, Qt.Key.Key_Escape)
    assert window.search.text() == ""
    assert len(titles(window)) == 6
    press(window, Qt.Key.Key_Escape)
    assert not window.isVisible()


def test_ctrl_f_focuses_search(qtbot, make_window):
    window = make_window()
    window.nav.setFocus()
    press(window, Qt.Key.Key_F, Qt.KeyboardModifier.ControlModifier)
    assert window.search.hasFocus()


def test_always_on_top_toggle_keeps_the_window_shown(make_window, session):
    window = make_window()
    assert window.windowFlags() & Qt.WindowType.WindowStaysOnTopHint
    window.actions_.on_top_action.trigger()
    assert window.isVisible()
    assert not window.windowFlags() & Qt.WindowType.WindowStaysOnTopHint
    assert session.settings.always_on_top is False


def test_size_and_position_are_remembered_per_screen(qtbot, make_window, session):
    window = make_window()
    window.setGeometry(100, 120, 500, 400)
    window.hide()
    saved = session.settings.window_geometry
    assert list(saved.values()) == [[100, 120, 500, 400]]
    window.show_window()
    assert window.size().width() == 500 and window.size().height() == 400


# -- hotkeys -------------------------------------------------------------------------------------

def test_reply_hotkey_copies_without_showing_the_window(qtbot, make_window, hotkeys, clipboard, session):
    window = make_window(show=False)
    assert "ctrl+alt+1" in hotkeys.registered
    hotkeys.trigger("ctrl+alt+1")
    qtbot.waitUntil(lambda: clipboard.history == [TH_TEXT])
    assert not window.isVisible()
    assert session.library.by_code("th").uses == 1


def test_hotkey_assigned_in_the_window_is_registered(qtbot, make_window, hotkeys, session, monkeypatch):
    window = make_window()
    phrase = session.library.by_code("fh")
    monkeypatch.setattr("desktop.ui.hotkey_dialog.ask_hotkey", lambda *a: "ctrl+alt+2")
    window.actions_.assign_hotkey(phrase)
    assert session.library.by_code("fh").hotkey == "ctrl+alt+2"
    assert "ctrl+alt+2" in hotkeys.registered


def test_refused_global_hotkey_shows_the_banner_and_the_rest_works(qtbot, make_window, clipboard):
    window = make_window(hotkeys=FakeHotkeys(refuse={"ctrl+alt+q"}))
    assert window.banner.isVisible()
    assert "Ctrl+Alt+Q" in window.banner.text()
    press(window, Qt.Key.Key_1, Qt.KeyboardModifier.AltModifier)
    assert len(clipboard.history) == 1


def test_no_hotkey_backend_says_why_in_plain_words(make_window):
    window = make_window(hotkeys=NullHotkeys("hotkey.why.no_display"))
    assert window.banner.text().startswith("全局快捷键不可用")
    assert "没有图形显示" in window.banner.text()


def test_refused_reply_hotkey_is_named_in_the_banner(make_window):
    window = make_window(hotkeys=FakeHotkeys(refuse={"ctrl+alt+1"}))
    assert "退换货（Ctrl+Alt+1）" in window.banner.text()
    assert "已被占用" in window.banner.text()  # and why


def test_reply_hotkey_clashing_with_the_global_one_is_reported(make_window, session):
    settings = session.settings
    settings.global_hotkey = "ctrl+alt+1"  # changed by hand in the file, so no check caught it
    session.settings_store.save(settings)
    window = make_window()
    assert "退换货" in window.banner.text()


def test_banner_can_be_dismissed(make_window):
    window = make_window(hotkeys=NullHotkeys("hotkey.why.no_display"))
    window.banner._close.click()
    assert not window.banner.isVisible()


def test_qt_standard_buttons_follow_the_language(qapp):
    from PySide6.QtWidgets import QDialogButtonBox

    from desktop.ui.qt_translator import install_qt_translation

    translator = install_qt_translation(qapp, "zh_CN")
    try:
        box = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        assert box.button(QDialogButtonBox.StandardButton.Cancel).text() == "取消"
    finally:
        assert install_qt_translation(qapp, "en", translator) is None


# -- auto-paste ----------------------------------------------------------------------------------

def test_auto_paste_hides_pastes_and_restores_the_clipboard(qtbot, make_window, session, clipboard, paster):
    settings = session.settings
    settings.auto_paste = True
    settings.restore_clipboard = True
    settings.paste_delay_ms = 0
    session.settings_store.save(settings)
    window = make_window()
    type_search(qtbot, window, "fh")
    enter(qtbot, window.search)
    assert not window.isVisible()
    qtbot.waitUntil(lambda: paster.calls == [("ctrl_v", FH_TEXT)])
    qtbot.waitUntil(lambda: clipboard.text() == "买家原来的剪贴板")


def test_copy_only_by_default(qtbot, make_window, clipboard, paster):
    window = make_window()
    press(window, Qt.Key.Key_1, Qt.KeyboardModifier.AltModifier)
    assert paster.calls == []
    assert window.isVisible()


# -- editing from the window ---------------------------------------------------------------------

def test_delete_then_undo_with_ctrl_z(qtbot, make_window, session):
    window = make_window()
    phrase = session.library.by_code("fh")
    window.actions_.delete(phrase)
    assert "发货时间" not in titles(window)
    assert window.toast.isVisible()
    press(window, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert "发货时间" in titles(window)
    assert session.library.by_code("fh").id == phrase.id


def test_delete_then_undo_from_the_toast(qtbot, make_window, session):
    window = make_window()
    window.actions_.delete(session.library.by_code("cm"))
    assert "尺码建议" not in titles(window)
    window.toast._button.click()
    assert "尺码建议" in titles(window)


def test_context_menu_offers_every_action(make_window, session):
    window = make_window()
    menu = window.actions_.phrase_menu(session.library.by_code("fh"))
    texts = [a.text() for a in menu.actions() if a.text()]
    assert texts == ["复制", "编辑…", "置顶", "设置快捷键…", "移动到场景", "删除"]


def test_move_to_scenario(make_window, session):
    window = make_window()
    window.actions_.move(session.library.by_code("fh"), "after")
    window.nav.set_current_key("after")
    assert "发货时间" in titles(window)


def test_pin_from_menu_moves_the_reply_up(make_window, session):
    window = make_window()
    window.actions_.set_pinned(session.library.by_code("kd"), True)
    assert titles(window)[0] == "快递公司"


def test_double_click_opens_the_editor(qtbot, make_window, session, monkeypatch):
    opened = []
    monkeypatch.setattr("desktop.ui.phrase_editor.PhraseEditorDialog.ask",
                        lambda *a, **k: opened.append(k.get("phrase")) or None)
    window = make_window()
    rect = window.list.visualRect(window.model.index(0, 0))
    # A person's double-click is a click (press, release) and then the double-click.
    qtbot.mouseClick(window.list.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    qtbot.mouseDClick(window.list.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert opened and opened[0].id == window.model.phrase_at(0).id


def test_ctrl_n_opens_a_new_phrase_in_the_current_scenario(make_window, monkeypatch):
    calls = []
    monkeypatch.setattr("desktop.ui.phrase_editor.PhraseEditorDialog.ask",
                        lambda *a, **k: calls.append(k) or None)
    window = make_window()
    window.nav.set_current_key("ship")
    press(window, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)
    assert calls and calls[0]["scenario"] == "ship"


def test_new_from_clipboard_prefills_the_text(make_window, clipboard, monkeypatch):
    calls = []
    monkeypatch.setattr("desktop.ui.phrase_editor.PhraseEditorDialog.ask",
                        lambda *a, **k: calls.append(k) or None)
    window = make_window()
    window.actions_.new_from_clipboard_action.trigger()
    assert calls[0]["initial_text"] == "买家原来的剪贴板"


def test_check_text_opens_the_checker(qtbot, make_window):
    window = make_window()
    press(window, Qt.Key.Key_K, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: window.actions_.checker_panel is not None
                    and window.actions_.checker_panel.isVisible())


# -- risk and language ---------------------------------------------------------------------------

class WordChecker:
    """Flags 绝对 (must fix) and 保证 (think twice), like the real rules do."""

    def check(self, text):
        rules = (("绝对", "block"), ("保证", "warn"))
        return [SimpleNamespace(severity=sev, match=word) for word, sev in rules if word in text]


def test_risky_reply_carries_a_badge(make_window):
    window = make_window(checker=WordChecker())
    rows = {p.title: i for i, p in enumerate(window.model.phrases())}
    risk = [window.model.index(rows[t], 0).data(Role.RISK) for t in ("退换货", "发货时间")]
    assert risk == ["block", ""]


def test_language_switch_retranslates_live(qtbot, make_window):
    window = make_window()
    with qtbot.waitSignal(window.languageChanged):
        window.retranslate(make_translator("en"))
    assert window.nav.item(0).text() == "All"
    assert window.nav.item(1).text() == "Frequent"
    assert window.search.placeholderText().startswith("Search")
    assert window.actions_.new_action.text() == "New phrase"
    assert window.list.delegate().risk_labels["block"] == "Block"
    window.retranslate(make_translator("zh_CN"))
    assert window.nav.item(0).text() == "全部"
    assert window.actions_.new_action.text() == "新建话术"


def test_language_switch_retranslates_the_banner(make_window):
    window = make_window(hotkeys=NullHotkeys("hotkey.why.no_display"))
    window.retranslate(make_translator("en"))
    assert window.banner.text().startswith("Global hotkeys are unavailable")


# -- threads, notices, dialogs -------------------------------------------------------------------

def test_hotkey_fired_on_a_backend_thread_is_handled_on_the_gui_thread(qtbot, make_window, hotkeys,
                                                                        clipboard):
    window = make_window(show=False)
    worker = threading.Thread(target=hotkeys.trigger, args=("ctrl+alt+1",))
    worker.start()
    worker.join()
    qtbot.waitUntil(lambda: clipboard.history == [TH_TEXT])
    assert window._floating_toast is not None and window._floating_toast.isVisible()
    assert "退换货" in window._floating_toast.text()


def test_reply_hotkey_with_a_field_to_fill_opens_the_form(qtbot, make_window, hotkeys, session, clipboard):
    session.library.update_phrase(session.library.by_code("cd").id, hotkey="ctrl+alt+3")
    window = make_window(show=False)
    hotkeys.trigger("ctrl+alt+3")
    qtbot.waitUntil(window.isVisible)
    assert window.form.isVisible()
    assert clipboard.history == []


def test_paused_hotkeys_keep_only_the_global_one(make_window, hotkeys):
    window = make_window()
    window.set_hotkeys_paused(True)
    assert list(hotkeys.registered) == ["ctrl+alt+q"]
    window.set_hotkeys_paused(False)
    assert "ctrl+alt+1" in hotkeys.registered


def test_start_up_notices_show_in_the_banner(session, make_window):
    session.notices.append("话术库已从备份恢复。")
    window = make_window()
    assert "话术库已从备份恢复。" in window.banner.text()


def test_settings_dialog_result_is_applied_live(make_window, session, monkeypatch, hotkeys):
    window = make_window()

    def ask(parent, settings, tr, locked):
        changed = dataclasses.replace(settings, locale="en", global_hotkey="ctrl+alt+w", always_on_top=False)
        return changed

    monkeypatch.setattr("desktop.ui.settings_dialog.SettingsDialog.ask", ask)
    window.actions_.settings_action.trigger()
    assert window.nav.item(0).text() == "All"
    assert "ctrl+alt+w" in hotkeys.registered and "ctrl+alt+q" not in hotkeys.registered
    assert window.isVisible()
    assert not window.windowFlags() & Qt.WindowType.WindowStaysOnTopHint
    assert session.settings.global_hotkey == "ctrl+alt+w"


def test_new_risk_words_from_settings_mark_replies_at_once(make_window, monkeypatch):
    window = make_window()
    extra = [{"word": "48小时", "category": "promise", "severity": "warn"}]
    monkeypatch.setattr("desktop.ui.settings_dialog.SettingsDialog.ask",
                        lambda parent, settings, tr, locked:
                        dataclasses.replace(settings, risk_extra_words=extra))
    row = titles(window).index("发货时间")
    assert window.model.index(row, 0).data(Role.RISK) == ""
    window.actions_.settings_action.trigger()
    assert window.model.index(row, 0).data(Role.RISK) == "warn"


def test_new_scenario_is_listed_and_chosen(make_window, session, monkeypatch):
    window = make_window()
    monkeypatch.setattr("desktop.ui.scenario_dialogs.ScenarioDialog.ask_add",
                        lambda parent, library, tr: library.add_scenario("大促活动", scenario_id="promo"))
    window.actions_.scenario_add.trigger()
    assert window.nav.current_key() == "promo"
    assert [window.nav.item(i).text() for i in range(window.nav.count())][-1] == "大促活动"


def test_scenario_menu_renames_and_deletes_the_current_scenario(make_window, session, monkeypatch):
    window = make_window()
    window.nav.set_current_key("after")
    monkeypatch.setattr("desktop.ui.scenario_dialogs.ScenarioDialog.ask_rename",
                        lambda parent, library, tr, s: library.rename_scenario(s.id, "售后服务"))
    window.actions_.scenario_rename.trigger()
    assert session.library.scenario("after").name == "售后服务"
    monkeypatch.setattr("desktop.ui.scenario_dialogs.ScenarioDialog.ask_delete",
                        lambda parent, library, tr, s: library.delete_scenario(s.id, move_to="ship")
                        or library.scenario("ship"))
    window.actions_.scenario_delete.trigger()
    assert [s.id for s in session.library.scenarios()] == ["size", "ship"]
    assert window.nav.current_key() == "ship"
    assert "退换货" in titles(window)


@pytest.mark.parametrize(("step", "order"), [(-1, ["ship", "size", "after"]), (1, ["size", "after", "ship"])])
def test_scenario_menu_moves_the_current_scenario(make_window, session, step, order):
    window = make_window()
    window.nav.set_current_key("ship")
    (window.actions_.scenario_up if step < 0 else window.actions_.scenario_down).trigger()
    assert [s.id for s in session.library.scenarios()] == order
    assert window.nav.current_key() == "ship"


def test_scenario_actions_are_off_for_virtual_views(make_window):
    window = make_window()
    window.nav.set_current_key(FREQUENT)
    window.actions_._update_scenario_actions()
    assert not window.actions_.scenario_rename.isEnabled()
    assert not window.actions_.scenario_up.isEnabled()
    window.nav.set_current_key("size")
    window.actions_._update_scenario_actions()
    assert window.actions_.scenario_delete.isEnabled()
    assert not window.actions_.scenario_up.isEnabled() and window.actions_.scenario_down.isEnabled()


def test_a_suggested_reply_from_the_checker_is_copied_like_any_reply(qtbot, make_window, clipboard, session):
    window = make_window()
    panel = window.actions_.open_checker()
    uses = session.library.by_code("fh").uses
    panel.copy_suggestion("fh")
    assert clipboard.history == [FH_TEXT]  # {客服} filled, as a copy from the list would be
    assert session.library.by_code("fh").uses == uses + 1
