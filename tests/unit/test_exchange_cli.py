"""The import / export / backups / restore / team-publish commands, run through ``desktop.cli.main``."""

from __future__ import annotations

import io
import json
from pathlib import Path

import pytest

from desktop import cli
from desktop.core import session as session_module
from desktop.core.library import NullKeyer

DATA = Path(__file__).resolve().parents[1] / "data"


@pytest.fixture(autouse=True)
def no_pinyin(monkeypatch: pytest.MonkeyPatch) -> None:
    # Search keys are not what these tests are about, and computing them is slow.
    monkeypatch.setattr(session_module, "default_keyer", NullKeyer)


def run(data_dir: Path, *args: str, locale: str = "en") -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    code = cli.main(["--data-dir", str(data_dir), "--locale", locale, *args], out=out, err=err, environ={})
    return code, out.getvalue(), err.getvalue()


def codes(data_dir: Path) -> dict[str, str]:
    code, out, _ = run(data_dir, "list", "--json")
    assert code == 0
    return {p["code"]: p["text"] for p in json.loads(out)}


def test_dry_run_prints_the_plan_and_writes_nothing(tmp_path: Path) -> None:
    d = tmp_path / "lib"
    before_codes = codes(d)
    before = (d / "quickreply.json").read_bytes()
    code, out, _ = run(d, "import", str(DATA / "qianniu_export_gbk.csv"), "--dry-run", locale="zh_CN")
    assert code == 0
    assert "新增" in out and "预览" in out
    assert (d / "quickreply.json").read_bytes() == before
    assert codes(d) == before_codes


def test_import_writes_and_a_second_import_changes_nothing(tmp_path: Path) -> None:
    d = tmp_path / "lib"
    code, out, _ = run(d, "import", str(DATA / "general_en_bom.csv"))
    assert code == 0 and "Imported: 3 added" in out
    assert codes(d)["ship"] == "We ship within 24 hours of payment."
    code, out, _ = run(d, "import", str(DATA / "general_en_bom.csv"))
    assert code == 0 and "Nothing to import" in out


@pytest.mark.parametrize("policy", ["skip", "overwrite", "newer", "rename"])
def test_every_policy_is_accepted(tmp_path: Path, policy: str) -> None:
    d = tmp_path / "lib"
    run(d, "import", str(DATA / "general_en_bom.csv"))
    changed = tmp_path / "changed.csv"
    changed.write_text("code,text\nship,We ship the same day.\n", encoding="utf-8")
    code, _, _ = run(d, "import", str(changed), "--policy", policy)
    assert code == 0
    texts = codes(d)
    expected = {"skip": "We ship within 24 hours of payment.", "newer": "We ship within 24 hours of payment.",
                "overwrite": "We ship the same day.", "rename": "We ship within 24 hours of payment."}
    assert texts["ship"] == expected[policy]
    assert (texts.get("ship2") == "We ship the same day.") == (policy == "rename")


@pytest.mark.parametrize(("content", "needle"), [
    (b"name,phone\nx,1\n", "header"),
    (bytes(range(256)) * 4, "not a text file"),
    (b'{"format": "quickreply-pack", "version": 1, "scen', "not valid JSON"),
])
def test_malformed_files_fail_with_a_clear_message(tmp_path: Path, content: bytes, needle: str) -> None:
    bad = tmp_path / "bad.csv"
    bad.write_bytes(content)
    code, _, err = run(tmp_path / "lib", "import", str(bad))
    assert code == 1 and needle in err and "Traceback" not in err


def test_export_picks_the_format_from_the_extension(tmp_path: Path) -> None:
    d = tmp_path / "lib"
    n = len(codes(d))
    for name in ("a.csv", "a.xlsx", "a.json"):
        code, out, _ = run(d, "export", str(tmp_path / name))
        assert code == 0 and f"Exported {n} phrases" in out
    assert json.loads((tmp_path / "a.json").read_text(encoding="utf-8"))["format"] == "quickreply-pack"
    code, _, _ = run(d, "export", str(tmp_path / "b.json"), "--format", "backup")
    assert json.loads((tmp_path / "b.json").read_text(encoding="utf-8"))["format"] == "quickreply-backup"
    code, _, err = run(d, "export", str(tmp_path / "a.doc"))
    assert code == 1 and "--format" in err


def test_backups_and_restore(tmp_path: Path) -> None:
    d = tmp_path / "lib"
    original = codes(d)
    run(d, "import", str(DATA / "general_en_bom.csv"))  # takes a backup of the original first
    code, out, _ = run(d, "backups")
    assert code == 0 and f"{len(original)} phrases" in out
    code, _, err = run(d, "restore", "1", "--replace")
    assert code == 1 and "--yes" in err
    code, out, _ = run(d, "restore", "1", "--replace", "--yes")
    assert code == 0
    assert codes(d) == original
    code, out, _ = run(d, "restore", "1")  # merging the backup of the imported state adds them back
    assert code == 0 and "ship" in codes(d)
    code, _, err = run(d, "restore", "99")
    assert code == 1 and "backups" in err


def test_team_publish(tmp_path: Path) -> None:
    share = tmp_path / "share"
    share.mkdir()
    code, out, _ = run(tmp_path / "lib", "team-publish", str(share))
    assert code == 0 and (share / "quickreply-team.json").exists()


def test_risky_wording_is_reported_in_the_plan(tmp_path: Path) -> None:
    risky = tmp_path / "r.csv"
    risky.write_text("编码,内容\nzp,亲，我们家绝对正品，加微信 wx12345 详聊\nok,亲，请稍等\n",
                     encoding="utf-8")
    code, out, _ = run(tmp_path / "lib", "import", str(risky), "--dry-run", locale="zh_CN")
    assert code == 0
    assert "1 条话术含风险用语" in out and "第 2 行（zp）" in out


def _set_settings(data_dir: Path, **values: object) -> None:
    from desktop.core.session import open_session
    from desktop.resources import default_pack

    session = open_session(data_dir, locale="zh_CN", pack_for_locale=default_pack)
    try:
        settings = session.settings
        for name, value in values.items():
            setattr(settings, name, value)
        session.settings_store.save(settings)
    finally:
        session.close()


def test_import_checks_the_staffs_own_risk_and_allow_words(tmp_path: Path) -> None:
    d = tmp_path / "lib"
    _set_settings(d, risk_extra_words=[{"word": "闪电退款", "category": "promise", "severity": "block"}],
                  risk_allow_words=["加微信"], official_channels=["400-820-8820"])
    rows = tmp_path / "r.csv"
    rows.write_text("编码,内容\nsd,亲，支持闪电退款哦\nwx,亲，加微信支付也可以\n"
                    "rx,亲，客服热线 400-820-8820\n", encoding="utf-8")
    code, out, _ = run(d, "import", str(rows), "--dry-run", locale="zh_CN")
    assert code == 0
    assert "1 条话术含风险用语" in out and "（sd）" in out
    assert "（wx）" not in out and "（rx）" not in out


def test_a_dry_run_of_a_replace_needs_no_yes_and_writes_nothing(tmp_path: Path) -> None:
    d = tmp_path / "lib"
    run(d, "import", str(DATA / "general_en_bom.csv"))  # a backup of the original is taken first
    before = (d / "quickreply.json").read_bytes()
    code, out, err = run(d, "restore", "1", "--replace", "--dry-run")
    assert code == 0, err
    assert "Preview" in out and "nothing was written" in out
    assert (d / "quickreply.json").read_bytes() == before


@pytest.mark.parametrize(("target", "written"), [
    ("newname", "newname/quickreply-team.json"),
    ("deeper/folder", "deeper/folder/quickreply-team.json"),
    ("mine.json", "mine.json"),
    ("sub/Team.JSON", "sub/Team.JSON"),
])
def test_team_publish_to_a_new_path(tmp_path: Path, target: str, written: str) -> None:
    code, out, err = run(tmp_path / "lib", "team-publish", str(tmp_path / target))
    assert code == 0, err
    assert (tmp_path / written).is_file()
    assert json.loads((tmp_path / written).read_text(encoding="utf-8"))["format"] == "quickreply-pack"


def test_team_publish_refuses_a_name_it_would_have_to_guess_about(tmp_path: Path) -> None:
    code, _, err = run(tmp_path / "lib", "team-publish", str(tmp_path / "team.txt"), locale="zh_CN")
    assert code == 1 and ".json" in err and "quickreply-team.json" in err
    assert not (tmp_path / "team.txt").exists()


@pytest.mark.parametrize(("locale", "missing", "folder"), [
    ("zh_CN", "文件或文件夹不存在", "这是一个文件夹"),
    ("en", "does not exist", "it is a folder"),
])
def test_file_problems_are_told_in_the_users_language(tmp_path: Path, locale: str, missing: str,
                                                      folder: str) -> None:
    code, _, err = run(tmp_path / "lib", "import", str(tmp_path / "nope.csv"), locale=locale)
    assert code == 1 and missing in err
    if locale == "zh_CN":
        assert not any("a" <= c <= "z" for c in err.split("：", 1)[1])  # no English inside
    code, _, err = run(tmp_path / "lib", "import", str(tmp_path), locale=locale)
    assert code == 1 and folder in err
