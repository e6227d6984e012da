"""The tray: its menu works and says the right things even where no system tray exists."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QSystemTrayIcon

from desktop.core.i18n import Translator
from desktop.core.messages import MESSAGES
from desktop.ui.tray import TrayIcon, app_icon


@pytest.fixture
def tray(qtbot):
    return TrayIcon(Translator("zh_CN", MESSAGES))


def test_offscreen_there_is_no_tray_but_the_object_works(tray):
    assert not QSystemTrayIcon.isSystemTrayAvailable()
    assert not tray.available
    tray.show()
    tray.hide()
    assert tray.notify("快捷回复", "已暂停") is False
    assert not tray.icon.isNull()


@pytest.mark.parametrize(
    ("action", "signal"),
    [("show_hide_action", "showHideRequested"), ("settings_action", "settingsRequested"),
     ("quit_action", "quitRequested")],
)
def test_menu_actions_emit_their_signal(qtbot, tray, action, signal):
    with qtbot.waitSignal(getattr(tray, signal), timeout=1000):
        getattr(tray, action).trigger()


def test_pause_is_checkable_and_reports_its_state(qtbot, tray):
    with qtbot.waitSignal(tray.pauseToggled, timeout=1000) as blocker:
        tray.pause_action.trigger()
    assert blocker.args == [True]
    assert tray.pause_action.isChecked()
    with qtbot.waitSignal(tray.pauseToggled, timeout=1000) as blocker:
        tray.pause_action.trigger()
    assert blocker.args == [False]


def test_set_paused_follows_without_echo(qtbot, tray):
    with qtbot.assertNotEmitted(tray.pauseToggled):
        tray.set_paused(True)
    assert tray.pause_action.isChecked()


def test_menu_texts_switch_language(tray):
    assert [a.text() for a in tray.menu.actions() if not a.isSeparator()] == [
        "显示 / 隐藏窗口", "暂停快捷键", "设置…", "退出"]
    tray.retranslate(Translator("en", MESSAGES))
    assert tray.quit_action.text() == "Quit"


def test_icon_falls_back_to_a_drawn_one(qtbot, tmp_path):
    icon = app_icon(tmp_path)  # no app.png here
    assert not icon.isNull()
    assert icon.pixmap(32, 32).width() == 32
