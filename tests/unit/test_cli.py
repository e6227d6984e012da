"""The command line as a person and a script use it: listing, adding, copying, damaged files."""

from __future__ import annotations

import datetime as dt
import io
import json
import os
import sys
from pathlib import Path

import pytest

from desktop.cli import main
from desktop.core.errors import ClipboardUnavailable
from desktop.core.packs import load_pack
from desktop.core.settings import SettingsStore
from desktop.core.store import BACKUP_DIR, DATA_FILE, SCHEMA_VERSION, Store
from desktop.platform.clipboard import FakeClipboard
from desktop.resources import default_pack


class Result:
    def __init__(self, code: int, out: str, err: str) -> None:
        self.code, self.out, self.err = code, out, err

    def json(self) -> object:
        return json.loads(self.out)


NOW = dt.datetime(2026, 11, 23, 14, 30)  # a Monday


def run(data_dir: Path, *args: str, locale: str | None = "zh_CN", clipboard: object = None,
        out: io.StringIO | None = None) -> Result:
    out, err = out or io.StringIO(), io.StringIO()
    argv = ["--data-dir", str(data_dir)] + (["--locale", locale] if locale else []) + list(args)
    fake = clipboard if clipboard is not None else FakeClipboard()
    code = main(argv, out=out, err=err, environ={"LANG": "zh_CN.UTF-8"}, clipboard=lambda: fake,  # type: ignore[arg-type,return-value]
                now=lambda: NOW)
    assert "Traceback" not in err.getvalue()
    return Result(code, out.getvalue() if isinstance(out, io.StringIO) else "", err.getvalue())


def pack_codes(locale: str) -> set[str]:
    return {p.code for s in load_pack(default_pack(locale)).scenarios for p in s.phrases}


@pytest.fixture
def data(tmp_path: Path) -> Path:
    """A data folder seeded (in Chinese) by a first listing."""
    assert run(tmp_path, "list").code == 0
    return tmp_path


@pytest.mark.parametrize(
    ("locale", "said"), [("zh_CN", "已载入默认话术库"), ("en", "Loaded the default library")]
)
def test_first_start_seeds_from_the_pack_of_the_locale(tmp_path: Path, locale: str, said: str) -> None:
    r = run(tmp_path, "list", "--json", locale=locale)
    assert r.code == 0
    assert said in r.err
    rows = r.json()
    assert isinstance(rows, list)
    assert {row["code"] for row in rows} == pack_codes(locale)
    assert all({"id", "code", "title", "text", "scenario", "tags"} <= set(row) for row in rows)
    again = run(tmp_path, "list", locale=locale)
    assert said not in again.err  # seeded once


def test_locale_comes_from_the_environment_by_default(tmp_path: Path) -> None:
    r = run(tmp_path, "list", "--json", locale=None)
    assert {row["code"] for row in r.json()} == pack_codes("zh_CN")  # type: ignore[union-attr]


def test_list_text_and_by_scenario(data: Path) -> None:
    scenarios = run(data, "scenarios", "--json").json()
    assert isinstance(scenarios, list) and scenarios
    first = scenarios[0]
    r = run(data, "list", "--scenario", first["name"], "--json")
    rows = r.json()
    assert isinstance(rows, list) and len(rows) == first["phrases"]
    assert {row["scenario"] for row in rows} == {first["id"]}
    assert run(data, "list", "--scenario", first["id"], "--json").json() == rows
    text = run(data, "list").out
    assert f"[{first['name']}]" in text and rows[0]["code"] in text


def test_scenarios_text(data: Path) -> None:
    r = run(data, "scenarios")
    assert r.code == 0 and "条话术" in r.out
    assert "phrases" in run(data, "scenarios", locale="en").out


@pytest.mark.parametrize(
    ("locale", "said"), [("zh_CN", "场景“不存在的”不存在"), ("en", 'Scenario "不存在的" does not exist')]
)
def test_list_unknown_scenario(data: Path, locale: str, said: str) -> None:
    r = run(data, "list", "--scenario", "不存在的", locale=locale)
    assert r.code == 1 and said in r.err


def test_add_then_list(data: Path) -> None:
    scenario = run(data, "scenarios", "--json").json()[0]["id"]  # type: ignore[index]
    r = run(
        data,
        "add",
        "--scenario",
        scenario,
        "--code",
        "zdy1",
        "--title",
        "自定义",
        "--tags",
        "测试,新增",
        "亲，这是我自己加的一条。",
    )
    assert r.code == 0 and "zdy1" in r.out
    rows = run(data, "list", "--json").json()
    mine = [row for row in rows if row["code"] == "zdy1"]  # type: ignore[union-attr]
    assert (
        len(mine) == 1
        and mine[0]["text"] == "亲，这是我自己加的一条。"
        and mine[0]["tags"] == ["测试", "新增"]
    )


@pytest.mark.parametrize(
    ("args", "zh", "en"),
    [
        (["--code", "ok1", "--title", "t", ""], "话术内容不能为空", "cannot be empty"),
        (["--code", "ok1", "--title", "t", "字" * 2001], "最多 2000 个字", "the limit is 2000"),
        (["--code", "Bad Code", "--title", "t", "亲"], "快捷编码", "is invalid"),
        (["--code", "x" * 17, "--title", "t", "亲"], "1–16", "1–16"),
        (["--code", "DUP", "--title", "t", "亲"], "已被", "already used"),
        (["--code", "ok1", "--title", "t", "--hotkey", "q", "亲"], "修饰键", "modifier"),
    ],
)
def test_add_refuses_bad_input_in_the_chosen_language(data: Path, args: list[str], zh: str, en: str) -> None:
    rows = run(data, "list", "--json").json()
    scenario = rows[0]["scenario"]  # type: ignore[index]
    args = [rows[0]["code"] if a == "DUP" else a for a in args]  # type: ignore[index]
    before = (data / DATA_FILE).read_bytes()
    for locale, said in (("zh_CN", zh), ("en", en)):
        r = run(data, "add", "--scenario", scenario, *args, locale=locale)
        assert r.code == 1
        assert said in r.err
        assert r.out == ""
    assert (data / DATA_FILE).read_bytes() == before


def test_add_to_unknown_scenario(data: Path) -> None:
    r = run(data, "add", "--scenario", "nope", "--code", "x1", "--title", "t", "亲", locale="en")
    assert r.code == 1 and 'Scenario "nope" does not exist' in r.err


def test_copy_print(data: Path) -> None:
    row = run(data, "list", "--json").json()[0]  # type: ignore[index]
    fake = FakeClipboard()
    r = run(data, "copy", row["code"], "--print", clipboard=fake)
    assert r.code == 0 and r.out == row["text"] + "\n"
    assert fake.history == []


def test_copy_to_the_clipboard_counts_a_use(data: Path) -> None:
    row = run(data, "list", "--json").json()[0]  # type: ignore[index]
    fake = FakeClipboard()
    r = run(data, "copy", row["code"].upper(), clipboard=fake)
    assert r.code == 0
    assert fake.history == [row["text"]]
    assert "已复制" in r.err and r.out == ""
    again = [x for x in run(data, "list", "--json").json() if x["code"] == row["code"]][0]  # type: ignore[union-attr]
    assert again["uses"] == row["uses"] + 1


class BrokenClipboard:
    def set_text(self, text: str) -> None:
        raise ClipboardUnavailable(detail="no display")

    def text(self) -> str:
        raise ClipboardUnavailable(detail="no display")


@pytest.mark.parametrize(
    ("locale", "said"), [("zh_CN", "无法访问剪贴板：no display"), ("en", "not available: no display")]
)
def test_copy_without_a_clipboard_says_so(data: Path, locale: str, said: str) -> None:
    row = run(data, "list", "--json").json()[0]  # type: ignore[index]
    r = run(data, "copy", row["code"], clipboard=BrokenClipboard(), locale=locale)
    assert r.code == 1 and said in r.err and "--print" in r.err


def test_copy_unknown_code(data: Path) -> None:
    r = run(data, "copy", "nosuchcode", locale="en")
    assert r.code == 1 and 'No phrase has the code "nosuchcode"' in r.err


def damage(path: Path) -> bytes:
    bad = path.read_bytes()[:100]
    path.write_bytes(bad)
    return bad


@pytest.mark.parametrize(
    "command", [["list"], ["scenarios"], ["add", "--scenario", "X", "--code", "x1", "--title", "t", "亲"]]
)
@pytest.mark.parametrize(("locale", "said"), [("zh_CN", "已从"), ("en", "restored from the backup")])
def test_damaged_file_is_recovered_from_a_backup(
    data: Path, command: list[str], locale: str, said: str
) -> None:
    scenario = run(data, "scenarios", "--json").json()[0]["id"]  # type: ignore[index]
    assert (
        run(data, "add", "--scenario", scenario, "--code", "late1", "--title", "t", "亲，后来加的。").code
        == 0
    )
    bad = damage(data / DATA_FILE)
    command = [scenario if a == "X" else a for a in command]
    r = run(data, *command, locale=locale)
    assert r.code == 0, r.err
    assert said in r.err
    kept = list(data.glob(f"{DATA_FILE}.corrupt-*"))
    assert len(kept) == 1 and kept[0].read_bytes() == bad and kept[0].name in r.err
    codes = {row["code"] for row in run(data, "list", "--json").json()}  # type: ignore[union-attr]
    assert pack_codes("zh_CN") <= codes  # the seeded library came back from the backup
    assert "late1" not in codes  # it was only in the damaged file (kept for support)


@pytest.mark.parametrize(
    ("content", "locale", "said"),
    [
        (b"[1,2]", "zh_CN", "没有可用的备份"),
        (b'{"phrases": 5}', "en", "no usable backup"),
        (b"\xff\xfe\x00", "en", "not UTF-8"),
    ],
)
def test_damaged_file_without_backups_is_kept_and_a_new_library_started(
    tmp_path: Path, content: bytes, locale: str, said: str
) -> None:
    (tmp_path / DATA_FILE).write_bytes(content)
    r = run(tmp_path, "list", "--json", locale=locale)
    assert r.code == 0 and said in r.err
    assert r.json() == []
    kept = list(tmp_path.glob(f"{DATA_FILE}.corrupt-*"))
    assert [k.read_bytes() for k in kept] == [content]


@pytest.mark.parametrize(("locale", "said"), [("zh_CN", "更新版本"), ("en", "newer QuickReply")])
def test_newer_file_is_refused_and_left_untouched(tmp_path: Path, locale: str, said: str) -> None:
    content = json.dumps({"_meta": {"schema_version": SCHEMA_VERSION + 5}, "phrases": {}}).encode()
    (tmp_path / DATA_FILE).write_bytes(content)
    for command in (["list"], ["add", "--scenario", "s", "--code", "x", "--title", "t", "亲"]):
        r = run(tmp_path, *command, locale=locale)
        assert r.code == 1 and said in r.err
    assert (tmp_path / DATA_FILE).read_bytes() == content
    assert list(tmp_path.glob("*.corrupt-*")) == []


def backups_of(data_dir: Path) -> list[int | None]:
    return [b.phrases for b in Store(data_dir).backups()]


def test_first_start_leaves_no_backup(data: Path) -> None:
    assert backups_of(data) == []  # neither the empty file nor the just-seeded one: nothing was lost yet


def test_copying_does_not_fill_the_backups(data: Path) -> None:
    row = run(data, "list", "--json").json()[0]  # type: ignore[index]
    before = sorted((data / BACKUP_DIR).glob("*")) if (data / BACKUP_DIR).exists() else []
    for _ in range(3):
        assert run(data, "copy", row["code"]).code == 0
    after = sorted((data / BACKUP_DIR).glob("*")) if (data / BACKUP_DIR).exists() else []
    assert after == before  # only use counts changed: no new versions to keep


class Stdin(io.TextIOWrapper):
    """Standard input carrying the given bytes, as a pipe from another program does."""

    def __init__(self, raw: bytes) -> None:
        super().__init__(io.BytesIO(raw), encoding="utf-8", errors="surrogateescape")


@pytest.mark.parametrize(
    "raw",
    ["亲，这条是记事本存的。".encode("gbk"), "亲，这条是记事本存的。".encode("utf-8-sig"),
     "亲，这条是记事本存的。".encode()],
)
def test_add_reads_gbk_or_utf8_from_standard_input(
    data: Path, raw: bytes, monkeypatch: pytest.MonkeyPatch
) -> None:
    scenario = run(data, "scenarios", "--json").json()[0]["id"]  # type: ignore[index]
    monkeypatch.setattr(sys, "stdin", Stdin(raw))
    r = run(data, "add", "--scenario", scenario, "--code", "jsb", "--title", "记事本", "-")
    assert r.code == 0, r.err
    rows = [x for x in run(data, "list", "--json").json() if x["code"] == "jsb"]  # type: ignore[union-attr]
    assert rows[0]["text"] == "亲，这条是记事本存的。"


def test_add_reads_gbk_arguments_a_utf8_system_could_not_decode(data: Path) -> None:
    scenario = run(data, "scenarios", "--json").json()[0]["id"]  # type: ignore[index]
    as_python_sees_it = "亲，在的".encode("gbk").decode("utf-8", "surrogateescape")
    r = run(data, "add", "--scenario", scenario, "--code", "gbk1", "--title", "t", as_python_sees_it)
    assert r.code == 0, r.err
    rows = [x for x in run(data, "list", "--json").json() if x["code"] == "gbk1"]  # type: ignore[union-attr]
    assert rows[0]["text"] == "亲，在的"


@pytest.mark.parametrize(("locale", "said"), [("zh_CN", "无法识别的字符"), ("en", "not valid text")])
def test_add_refuses_text_that_is_no_text(data: Path, locale: str, said: str) -> None:
    scenario = run(data, "scenarios", "--json").json()[0]["id"]  # type: ignore[index]
    before = (data / DATA_FILE).read_bytes()
    r = run(data, "add", "--scenario", scenario, "--code", "bad1", "--title", "t", "亲\ud800", locale=locale)
    assert r.code == 1 and said in r.err
    assert (data / DATA_FILE).read_bytes() == before


def set_names(data: Path, shop: str, agent: str) -> None:
    with Store(data, fsync=False) as store:
        settings_store = SettingsStore(store)
        settings = settings_store.load()
        settings.shop_name, settings.agent_name = shop, agent
        settings_store.save(settings)


def add(data: Path, code: str, text: str) -> None:
    scenario = run(data, "scenarios", "--json").json()[0]["id"]  # type: ignore[index]
    assert run(data, "add", "--scenario", scenario, "--code", code, "--title", code, text).code == 0


def test_copy_fills_placeholders_from_the_settings_and_the_clock(data: Path) -> None:
    set_names(data, "小米粒旗舰店", "阿花")
    add(data, "hy2", "亲，欢迎光临{店铺}，我是客服{客服}，今天是{日期}{星期}，{{不是占位符}}。")
    fake = FakeClipboard()
    r = run(data, "copy", "hy2", clipboard=fake)
    assert r.code == 0, r.err
    assert fake.history == ["亲，欢迎光临小米粒旗舰店，我是客服阿花，"
                            "今天是2026年11月23日星期一，{不是占位符}。"]
    printed = run(data, "copy", "hy2", "--print")
    assert printed.out == fake.history[0] + "\n"


@pytest.mark.parametrize("option", [["--set", "订单号=2026112301"], ["--set", "?订单号 = 2026112301"]])
def test_copy_fills_asked_fields_from_set(data: Path, option: list[str]) -> None:
    add(data, "cxdd", "亲，订单{?订单号}已发货，{time}前下单当天发。")
    r = run(data, "copy", "cxdd", "--print", *option)
    assert r.code == 0, r.err
    assert r.out.rstrip("\n").replace(" ", "") == "亲，订单2026112301已发货，14:30前下单当天发。"


@pytest.mark.parametrize(
    ("locale", "said"),
    [("zh_CN", "还有要填写的项：订单号、运单号"), ("en", "has fields to fill: 订单号, 运单号")],
)
def test_copy_with_an_asked_field_missing_copies_nothing(data: Path, locale: str, said: str) -> None:
    add(data, "ydh", "亲，订单{?订单号}的运单号是{?运单号}。")
    uses = [x for x in run(data, "list", "--json").json() if x["code"] == "ydh"][0]["uses"]  # type: ignore[union-attr]
    fake = FakeClipboard()
    r = run(data, "copy", "ydh", clipboard=fake, locale=locale)
    assert r.code == 1 and said in r.err and "--set 订单号=" in r.err
    partly = run(data, "copy", "ydh", "--print", "--set", "运单号=SF1234", clipboard=fake, locale=locale)
    assert partly.code == 1 and "订单号" in partly.err and "运单号" not in partly.err
    assert fake.history == [] and r.out == partly.out == ""
    again = [x for x in run(data, "list", "--json").json() if x["code"] == "ydh"][0]  # type: ignore[union-attr]
    assert again["uses"] == uses


@pytest.mark.parametrize(("locale", "said"), [("zh_CN", "名称=内容"), ("en", "NAME=VALUE")])
def test_copy_with_a_malformed_set_option(data: Path, locale: str, said: str) -> None:
    add(data, "ydh", "亲，订单{?订单号}。")
    r = run(data, "copy", "ydh", "--set", "订单号", locale=locale)
    assert r.code == 1 and said in r.err


@pytest.mark.parametrize(("locale", "said"), [("zh_CN", "无法识别"), ("en", "unknown")])
def test_copy_keeps_unknown_and_unset_placeholders_and_says_so(data: Path, locale: str, said: str) -> None:
    add(data, "yhm", "亲，{客服}为您服务，优惠码是{优惠码}。")
    r = run(data, "copy", "yhm", "--print", locale=locale)
    assert r.code == 0
    assert r.out == "亲，{客服}为您服务，优惠码是{优惠码}。\n"
    assert said in r.err and "{优惠码}" in r.err and "{客服}" in r.err


@pytest.mark.parametrize("command", [["list", "--json"], ["search", "qs", "--json"], ["list"]])
def test_a_reader_that_stops_early_gets_no_traceback(data: Path, command: list[str]) -> None:
    read_end, write_end = os.pipe()
    os.close(read_end)  # as "| head" does once it has its lines
    out = os.fdopen(write_end, "w", encoding="utf-8")
    try:
        r = run(data, *command, out=out)  # type: ignore[arg-type]
        assert r.code == 141 and r.err == ""
    finally:
        out.close()


@pytest.mark.parametrize("argv, command", [
    (["--data-dir", "d"], None),
    (["--data-dir=d", "--locale", "en"], None),
    (["--data-d", "d"], None),  # argparse's abbreviations work as with the whole parser
    (["--data-dir", "d", "list", "--json"], "list"),
    (["search", "qs"], "search"),
    (["--locale", "en", "check", "加我微信"], "check"),
])
def test_the_window_start_and_every_command_parse_as_with_the_whole_parser(
        argv: list[str], command: str | None) -> None:
    from desktop.cli import CLI_MESSAGES, build_parser, parse_args
    from desktop.core.i18n import Translator
    from desktop.core.messages import MESSAGES

    tr = Translator("en", MESSAGES, CLI_MESSAGES)
    args = parse_args(tr, argv)
    whole = build_parser(tr).parse_args(argv)
    assert args.command == whole.command == command
    assert (args.data_dir, args.locale) == (whole.data_dir, whole.locale)
    assert (getattr(getattr(args, "func", None), "__qualname__", None)
            == getattr(getattr(whole, "func", None), "__qualname__", None))


@pytest.mark.parametrize("argv", [["--locale", "fr"], ["--data-dir"], ["--no-such-option"], ["lst"]])
def test_bad_command_lines_are_refused_with_usage(
        argv: list[str], capsys: pytest.CaptureFixture[str]) -> None:
    from desktop.cli import CLI_MESSAGES, parse_args
    from desktop.core.i18n import Translator
    from desktop.core.messages import MESSAGES

    with pytest.raises(SystemExit) as exc:
        parse_args(Translator("en", MESSAGES, CLI_MESSAGES), argv)
    assert exc.value.code == 2 and "usage: quickreply" in capsys.readouterr().err


@pytest.mark.parametrize("argv", [["-h"], ["--help"], ["--hel"], ["--data-dir", "d", "-h"]])
def test_help_lists_the_commands_however_it_is_asked_for(
        argv: list[str], capsys: pytest.CaptureFixture[str]) -> None:
    from desktop.cli import CLI_MESSAGES, parse_args
    from desktop.core.i18n import Translator
    from desktop.core.messages import MESSAGES

    with pytest.raises(SystemExit) as exc:
        parse_args(Translator("en", MESSAGES, CLI_MESSAGES), argv)
    out = capsys.readouterr().out
    assert exc.value.code == 0 and "usage: quickreply" in out and "search" in out and "check" in out
