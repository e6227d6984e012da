"""The team library in the window: a read-only Team view, refreshed off the GUI thread, kept when broken."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from desktop.core.listing import TEAM


def team_pack(*phrases: dict) -> bytes:
    doc = {"format": "quickreply-pack", "version": 1, "locale": "zh_CN", "name": "团队",
           "scenarios": [{"id": "common", "name": "团队通用", "phrases": list(phrases)}]}
    return json.dumps(doc, ensure_ascii=False).encode("utf-8")


GREETING = {"code": "tz", "title": "团队问候", "text": "您好，我是{客服}，很高兴为您服务。"}
REFUND = {"code": "tk", "title": "退款说明", "text": "退款会在三个工作日内原路退回。"}
INVOICE = {"code": "fp", "title": "开发票", "text": "发票会随货寄出，请留意包裹。"}


@pytest.fixture
def team_file(tmp_path: Path, session) -> Path:
    path = tmp_path / "share" / "quickreply-team.json"
    path.parent.mkdir()
    path.write_bytes(team_pack(GREETING, REFUND))
    settings = session.settings
    settings.team_library = str(path)
    session.settings_store.save(settings)
    return path


@pytest.fixture
def window(make_window, team_file, qtbot):
    w = make_window()
    assert w.team is not None
    qtbot.waitUntil(lambda: len(w.team.phrases) == 2, timeout=10_000)
    w.nav.set_current_key(TEAM)
    return w


def titles(window) -> list[str]:
    return [p.title for p in window.model.phrases()]


def test_team_view_lists_the_team_phrases_read_only(window, clipboard):
    assert window.nav.current_key() == TEAM
    assert window.team.nav_item().text() == "团队"
    assert window.team.timer.isActive() and window.team.timer.interval() == 60_000
    assert titles(window) == ["团队问候", "退款说明"]
    assert all(p.source == "team" for p in window.model.phrases())
    window.copy_row(0)  # placeholders are filled as for any reply
    assert clipboard.text() == "您好，我是小美，很高兴为您服务。"
    assert window.team.subscription.phrase("team:tz").uses == 1  # counted locally
    assert window.library.find_code("tz") is None  # never written into the personal library


def test_search_box_searches_team_phrases(window):
    window.search.setText("退款")
    window.refresh()
    assert titles(window) == ["退款说明"]


def test_copy_to_my_phrases_makes_an_editable_copy(window):
    phrase = window.model.phrase_at(1)
    copy = window.team.copy_to_personal(phrase)
    assert copy is not None and copy.source == "user"
    assert window.library.by_code("tk").text == REFUND["text"]
    assert window.library.scenario(copy.scenario).name == "团队通用"
    assert window.nav.current_key() == TEAM  # the view stays on Team while the nav is rebuilt
    menu = window.team.phrase_menu(phrase)
    assert [a.text() for a in menu.actions()] == ["复制", "复制到我的话术"]


def test_a_changed_file_is_picked_up_on_the_next_refresh(window, team_file, qtbot):
    team_file.write_bytes(team_pack(GREETING, REFUND, INVOICE))
    with qtbot.waitSignal(window.team.updated, timeout=10_000) as update:
        window.team.refresh()
    assert update.args[0].changed
    assert titles(window) == ["团队问候", "退款说明", "开发票"]
    assert not window.banner.isVisible()


def test_a_broken_file_keeps_the_last_good_copy_and_warns(window, team_file, qtbot):
    team_file.write_bytes(b'{"format": "quickreply-pack", "scenarios": [')
    with qtbot.waitSignal(window.team.updated, timeout=10_000) as update:
        window.team.refresh()
    assert update.args[0].warning
    assert titles(window) == ["团队问候", "退款说明"]
    assert window.banner.isVisible()
    assert window.team.warning() in window.banner.text()
    assert str(team_file) in window.banner.text()


def test_an_unreachable_source_warns_in_the_banner(window, team_file, qtbot):
    team_file.unlink()
    with qtbot.waitSignal(window.team.updated, timeout=10_000):
        window.team.refresh()
    assert titles(window) == ["团队问候", "退款说明"]
    assert window.banner.isVisible() and window.banner.text()


def test_the_timer_refreshes_off_the_gui_thread(window, team_file, qtbot):
    team_file.write_bytes(team_pack(INVOICE))
    with qtbot.waitSignal(window.team.updated, timeout=10_000):
        window.team.timer.timeout.emit()  # what the timer does every minute
    assert titles(window) == ["开发票"]


def test_team_view_follows_the_language(window):
    from desktop.app import make_translator

    window.retranslate(make_translator("en"))
    assert window.team.nav_item().text() == "Team"
    assert window.exchange.import_action.text() == "Import…"


def test_clearing_the_setting_removes_the_team_view(window, session):
    settings = session.settings_store.load()
    settings.team_library = ""
    session.settings_store.save(settings)
    window.apply_settings(session.settings_store.load())
    assert window.team is None
    assert window.nav.current_key() != TEAM
    assert "团队问候" not in titles(window)
