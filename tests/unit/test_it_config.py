"""The IT configuration file (quickreply.ini): parsing, value conversion, warnings, errors and locks."""

from __future__ import annotations

import io
from pathlib import Path

import pytest

from desktop.cli import CliContext, build_parser
from desktop.cli_messages import CLI_MESSAGES
from desktop.core.errors import QuickReplyError
from desktop.core.i18n import Translator
from desktop.core.it_config import CONFIG_NAME, find_it_config, parse_it_config
from desktop.core.messages import MESSAGES
from desktop.core.settings import Settings, SettingsStore
from desktop.core.store import Store

SHOP_INI = """\
[settings]
shop_name = 暖暖家居旗舰店
platform = tmall
team_library = \\\\nas\\cs\\team-pack.json
official_channels = 400-800-1234, 旺旺客服
official_domains =
    nuannuan.tmall.com
    nuannuan.example.cn
locale = zh_CN
global_hotkey = ctrl+alt+k
auto_paste = yes
paste_delay_ms = 120
opacity = 0.9

[lock]
settings = platform, team_library
"""


def test_a_shop_file_pre_fills_every_setting_with_its_type() -> None:
    config = parse_it_config(SHOP_INI)
    assert config.overrides == {
        "shop_name": "暖暖家居旗舰店",
        "platform": "tmall",
        "team_library": "\\\\nas\\cs\\team-pack.json",
        "official_channels": ["400-800-1234", "旺旺客服"],
        "official_domains": ["nuannuan.tmall.com", "nuannuan.example.cn"],
        "locale": "zh_CN",
        "global_hotkey": "ctrl+alt+k",
        "auto_paste": True,
        "paste_delay_ms": 120,
        "opacity": 0.9,
    }
    assert config.locked == {"platform", "team_library"}
    assert config.warnings == []


@pytest.mark.parametrize(
    ("raw", "expected"),
    [("yes", True), ("TRUE", True), ("1", True), ("on", True), ("是", True),
     ("no", False), ("False", False), ("0", False), ("off", False), ("否", False)],
)
def test_yes_no_values(raw: str, expected: bool) -> None:
    assert parse_it_config(f"[settings]\nauto_paste = {raw}\n").overrides["auto_paste"] is expected


@pytest.mark.parametrize(
    ("line", "key", "expected"),
    [
        ("paste_delay_ms = 80", "paste_delay_ms", 80),
        ("font_size =  14 ", "font_size", 14),
        ("opacity = 0.75", "opacity", 0.75),
        ("official_channels = 旺旺", "official_channels", ["旺旺"]),
        ("official_channels = a,, b ,", "official_channels", ["a", "b"]),
        ("official_channels =", "official_channels", []),
        ("risk_allow_words = 保证金\n  不保证, 最近", "risk_allow_words", ["保证金", "不保证", "最近"]),
        ("shop_name =   示例店  ", "shop_name", "示例店"),
        # No interpolation: a % in a value is kept as written.
        ("shop_name = 100%正品店", "shop_name", "100%正品店"),
    ],
)
def test_numbers_lists_and_text(line: str, key: str, expected: object) -> None:
    assert parse_it_config(f"[settings]\n{line}\n").overrides[key] == expected


@pytest.mark.parametrize(
    ("line", "bad_key"),
    [("auto_paste = maybe", "auto_paste"), ("paste_delay_ms = fast", "paste_delay_ms"),
     ("opacity = half", "opacity"), ("font_size = 12.5", "font_size")],
)
def test_a_bad_value_is_a_warning_and_the_rest_still_applies(line: str, bad_key: str) -> None:
    config = parse_it_config(f"[settings]\n{line}\nshop_name = 示例店\n")
    assert bad_key not in config.overrides
    assert config.overrides == {"shop_name": "示例店"}
    assert len(config.warnings) == 1 and bad_key in config.warnings[0]


def test_unknown_keys_are_warnings_not_failures() -> None:
    config = parse_it_config("[settings]\nshop_nmae = 拼错了\nplatform = jd\n[lock]\nsettings = platfrom\n")
    assert config.overrides == {"platform": "jd"}
    assert config.locked == set()
    assert any("shop_nmae" in w for w in config.warnings)
    assert any("platfrom" in w for w in config.warnings)


def test_keys_are_case_insensitive_like_windows_ini_files() -> None:
    assert parse_it_config("[settings]\nShop_Name = 示例店\n").overrides == {"shop_name": "示例店"}


def test_empty_and_unrelated_files_change_nothing() -> None:
    for text in ("", "; only a comment\n", "[other]\nx = 1\n"):
        config = parse_it_config(text)
        assert (config.overrides, config.locked, config.warnings) == ({}, set(), [])


def test_lock_accepts_commas_and_lines() -> None:
    config = parse_it_config("[lock]\nsettings =\n    platform\n    shop_name, auto_paste\n")
    assert config.locked == {"platform", "shop_name", "auto_paste"}


@pytest.mark.parametrize(
    "text",
    ["shop_name = 没有小节\n", "[settings]\nshop_name = a\nshop_name = b\n", "[settings\nplatform = jd\n"],
)
def test_a_broken_file_is_a_clear_error_naming_the_file(text: str) -> None:
    with pytest.raises(QuickReplyError) as caught:
        parse_it_config(text, Path("C:/QuickReply/quickreply.ini"))
    err = caught.value
    assert err.key == "itconfig.invalid"
    zh = err.message(Translator("zh_CN", MESSAGES))
    en = err.message(Translator("en", MESSAGES))
    assert "quickreply.ini" in zh and "管理员配置文件" in zh and "IT" in zh
    assert "quickreply.ini" in en and "administrator" in en
    assert "{" not in zh + en  # every placeholder was filled


def test_a_file_in_a_legacy_encoding_is_a_clear_error(tmp_path: Path) -> None:
    # Old Notepad on a Chinese Windows saves "ANSI", i.e. GBK: say so instead of crashing.
    (tmp_path / CONFIG_NAME).write_bytes("[settings]\nshop_name = 示例店\n".encode("gbk"))
    with pytest.raises(QuickReplyError) as caught:
        find_it_config([tmp_path])
    assert str(tmp_path / CONFIG_NAME) in caught.value.message(Translator("zh_CN", MESSAGES))


def test_utf8_with_byte_order_mark_is_read(tmp_path: Path) -> None:
    # Notepad's "UTF-8 with BOM" must not turn the first section header into garbage.
    (tmp_path / CONFIG_NAME).write_bytes("[settings]\nshop_name = 示例店\n".encode("utf-8-sig"))
    config = find_it_config([tmp_path])
    assert config.overrides == {"shop_name": "示例店"}
    assert config.source == tmp_path / CONFIG_NAME


def test_the_program_folder_wins_over_the_system_folder(tmp_path: Path) -> None:
    program, system = tmp_path / "program", tmp_path / "system"
    for folder, shop in ((program, "程序旁"), (system, "系统")):
        folder.mkdir()
        (folder / CONFIG_NAME).write_text(f"[settings]\nshop_name = {shop}\n", encoding="utf-8")
    assert find_it_config([program, system]).overrides["shop_name"] == "程序旁"
    assert find_it_config([tmp_path / "missing", system]).overrides["shop_name"] == "系统"


def test_no_file_anywhere_is_an_empty_config(tmp_path: Path) -> None:
    config = find_it_config([tmp_path])
    assert (config.overrides, config.locked, config.source) == ({}, set(), None)


def test_unlocked_values_pre_fill_and_locked_values_always_win(tmp_path: Path) -> None:
    config = parse_it_config(SHOP_INI)
    with Store(tmp_path, fsync=False) as store:
        settings_store = SettingsStore(store, overrides=config.overrides, locked=config.locked)
        first = settings_store.load()
        assert (first.shop_name, first.platform, first.auto_paste) == ("暖暖家居旗舰店", "tmall", True)
        # The agent changes both a free and a locked setting in the window.
        first.shop_name, first.platform = "我的小店", "pdd"
        settings_store.save(first)
        again = settings_store.load()
    assert again.shop_name == "我的小店"  # a pre-filled value is only a starting point
    assert again.platform == "tmall"  # a locked value cannot be changed from the window


def test_every_it_setting_is_a_real_setting() -> None:
    # DEPLOY.md documents these keys for IT: each must exist, so none turns into a warning.
    keys = ["shop_name", "platform", "team_library", "official_channels", "official_domains", "locale",
            "global_hotkey", "auto_paste", "paste_method", "paste_delay_ms", "restore_clipboard",
            "always_on_top", "keep_open_after_copy", "opacity", "font_size", "theme",
            "risk_allow_words", "agent_name", "hotkeys_paused"]
    assert set(keys) <= set(Settings.__dataclass_fields__)
    config = parse_it_config("[settings]\n" + "".join(f"{k} = 1\n" for k in keys))
    assert not [w for w in config.warnings if "unknown" in w]


def _context(tmp_path: Path, program: Path, system: Path, monkeypatch: pytest.MonkeyPatch,
             err: io.StringIO) -> CliContext:
    monkeypatch.setattr("desktop.cli.executable_dir", lambda: program)
    monkeypatch.setattr("desktop.core.it_config.system_config_dirs", lambda: [system])
    tr = Translator("en", MESSAGES, CLI_MESSAGES)
    args = build_parser(tr).parse_args(["--data-dir", str(tmp_path / "data"), "list"])
    return CliContext(args, tr, io.StringIO(), err, {}, lambda: None)  # type: ignore[arg-type,return-value]


def test_the_command_line_reads_the_file_beside_the_program_and_reports_warnings(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    program, system = tmp_path / "program", tmp_path / "system"
    program.mkdir()
    ini = "[settings]\nplatform = jd\ncolour = red\n[lock]\nsettings = platform\n"
    (program / CONFIG_NAME).write_text(ini, encoding="utf-8")
    err = io.StringIO()
    config = _context(tmp_path, program, system, monkeypatch, err).it_config
    assert (config.overrides, config.locked) == ({"platform": "jd"}, {"platform"})
    assert "colour" in err.getvalue() and str(program / CONFIG_NAME) in err.getvalue()


@pytest.mark.parametrize(("site_locale", "pack_name"), [("en", "Default library"), ("zh_CN", "默认话术库")])
def test_a_site_locale_picks_the_language_and_the_pack_of_a_new_library(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, site_locale: str, pack_name: str
) -> None:
    from desktop.cli import main

    program, system = tmp_path / "program", tmp_path / "system"
    program.mkdir()
    (program / CONFIG_NAME).write_text(f"[settings]\nlocale = {site_locale}\n", encoding="utf-8")
    monkeypatch.setattr("desktop.cli.executable_dir", lambda: program)
    monkeypatch.setattr("desktop.core.it_config.system_config_dirs", lambda: [system])
    out, err = io.StringIO(), io.StringIO()
    other = "zh_CN" if site_locale == "en" else "en_US.UTF-8"
    code = main(["--data-dir", str(tmp_path / "data"), "scenarios"], out=out, err=err,
                environ={"LANG": other})
    assert code == 0
    assert pack_name in err.getvalue()  # the first-start notice names the pack it loaded
