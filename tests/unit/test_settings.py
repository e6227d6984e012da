"""Settings: kept in the library file, hand-edited values cleaned, IT-locked values win."""

from __future__ import annotations

from pathlib import Path

import pytest

from desktop.core.settings import DEFAULT_HOTKEY, Settings, SettingsStore
from desktop.core.store import Store


def test_defaults() -> None:
    s = Settings()
    assert (s.platform, s.global_hotkey, s.auto_paste, s.always_on_top) == (
        "taobao",
        DEFAULT_HOTKEY,
        False,
        True,
    )


def test_saved_settings_survive_a_restart(tmp_path: Path) -> None:
    with Store(tmp_path, fsync=False) as store:
        ss = SettingsStore(store)
        s = ss.load()
        s.shop_name, s.platform, s.official_channels = "暖暖家居", "jd", ["旺旺"]
        ss.save(s)
        s.agent_name = "小美"
        ss.save(s)
    with Store(tmp_path, readonly=True) as store:
        again = SettingsStore(store).load()
    assert (again.shop_name, again.agent_name, again.platform, again.official_channels) == (
        "暖暖家居",
        "小美",
        "jd",
        ["旺旺"],
    )


@pytest.mark.parametrize(
    ("data", "field", "expected"),
    [
        ({"platform": "ebay"}, "platform", "taobao"),
        ({"platform": "pdd"}, "platform", "pdd"),
        ({"paste_delay_ms": 99999}, "paste_delay_ms", 2000),
        ({"paste_delay_ms": -5}, "paste_delay_ms", 0),
        ({"paste_delay_ms": True}, "paste_delay_ms", 50),
        ({"paste_delay_ms": "100"}, "paste_delay_ms", 50),
        ({"opacity": 0}, "opacity", 0.3),
        ({"opacity": 1}, "opacity", 1.0),
        ({"opacity": True}, "opacity", 1.0),
        ({"font_size": 12.5}, "font_size", 0),
        ({"theme": "purple"}, "theme", "system"),
        ({"paste_method": "shift_insert"}, "paste_method", "shift_insert"),
        ({"official_channels": [1, 2]}, "official_channels", []),
        ({"official_channels": "旺旺"}, "official_channels", []),
        (
            {"risk_extra_words": [{"word": "包邮", "severity": "warn"}]},
            "risk_extra_words",
            [{"word": "包邮", "severity": "warn"}],
        ),
        ({"risk_extra_words": ["包邮"]}, "risk_extra_words", []),
        ({"window_geometry": {"HDMI-1": [1, 2, 300, 400]}}, "window_geometry", {"HDMI-1": [1, 2, 300, 400]}),
        ({"window_geometry": {"HDMI-1": "big"}}, "window_geometry", {}),
        ({"locale": "en_US.UTF-8"}, "locale", "en"),
        ({"locale": "zh_CN"}, "locale", "zh_CN"),
        ({"locale": ""}, "locale", ""),
        ({"auto_paste": 1}, "auto_paste", False),
        ({"no_such_setting": 1}, "platform", "taobao"),
    ],
)
def test_hand_edited_values_are_cleaned(data: dict[str, object], field: str, expected: object) -> None:
    assert getattr(Settings.from_dict(data), field) == expected


def test_it_overrides_are_defaults_and_locked_ones_win(tmp_path: Path) -> None:
    with Store(tmp_path, fsync=False) as store:
        mine = SettingsStore(store)
        s = mine.load()
        s.platform, s.shop_name = "tmall", "我的店"
        mine.save(s)
        it = SettingsStore(
            store, overrides={"platform": "jd", "auto_paste": True, "shop_name": "总部"}, locked={"platform"}
        )
        got = it.load()
        assert (got.platform, got.auto_paste, got.shop_name) == ("jd", True, "我的店")
        got.platform = "pdd"
        it.save(got)
        assert it.load().platform == "jd"
        assert SettingsStore(store).load().platform == "tmall"  # a locked value is not saved over


def test_a_default_changed_by_it_later_reaches_users_who_never_chose(tmp_path: Path) -> None:
    with Store(tmp_path, fsync=False) as store:
        first = SettingsStore(store, overrides={"auto_paste": False})
        s = first.load()
        s.shop_name = "我的店"
        first.save(s)
        later = SettingsStore(store, overrides={"auto_paste": True})
        assert later.load().auto_paste is True
        assert later.load().shop_name == "我的店"
