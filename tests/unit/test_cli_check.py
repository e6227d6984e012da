"""``quickreply check``: one text or one message per input line, human or JSON output."""

from __future__ import annotations

import argparse
import io
import json
import subprocess
import sys

import pytest

from desktop.cli_check import add_check_parser, run_check
from desktop.core.i18n import Translator


def parse(argv: list[str]) -> argparse.Namespace:
    parser = argparse.ArgumentParser()
    add_check_parser(parser.add_subparsers(dest="command"))
    return parser.parse_args(["check", *argv])


def check(argv: list[str], stdin: str | bytes = "", locale: str = "zh_CN") -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    raw = stdin.encode("utf-8") if isinstance(stdin, str) else stdin
    stream = io.TextIOWrapper(io.BytesIO(raw), encoding="utf-8")
    code = run_check(parse(argv), Translator(locale), out, err, stdin=stream)
    return code, out.getvalue(), err.getvalue()


def test_json_for_one_text():
    code, out, _ = check(["--json", "亲，加我微信吧"])
    assert code == 0
    record = json.loads(out)
    assert record["text"] == "亲，加我微信吧"
    [f] = record["findings"]
    assert {k: f[k] for k in ("category", "severity", "start", "end", "match", "rule", "suggest")} == {
        "category": "contact",
        "severity": "block",
        "start": 2,
        "end": 6,
        "match": "加我微信",
        "rule": "contact-im-ask",
        "suggest": "jjwx",
    }
    assert "微信" in f["advice"]


def test_json_one_object_per_stdin_line_in_english():
    code, out, _ = check(["--json", "--platform", "jd"], "去淘宝买\n\n最近发货\n", locale="en")
    assert code == 0
    records = [json.loads(line) for line in out.splitlines()]
    assert [r["text"] for r in records] == ["去淘宝买", "", "最近发货"]
    assert records[0]["findings"][0]["category"] == "platform"
    assert records[0]["findings"][0]["advice"].startswith("Sending the buyer")
    assert records[1]["findings"] == records[2]["findings"] == []


@pytest.mark.parametrize("argv", [[], ["-"]])
def test_without_a_text_or_with_a_dash_each_input_line_is_checked(argv: list[str]) -> None:
    code, out, _ = check(["--json", *argv], "亲，加我微信吧\n好的\n")
    assert code == 0
    records = [json.loads(line) for line in out.splitlines()]
    assert [r["text"] for r in records] == ["亲，加我微信吧", "好的"]
    assert records[0]["findings"][0]["category"] == "contact" and records[1]["findings"] == []


def test_platform_changes_the_verdict():
    assert json.loads(check(["--json", "--platform", "taobao", "去淘宝买"])[1])["findings"] == []


def test_human_output_marks_the_text_and_gives_advice():
    code, out, _ = check(["保证明天到"])
    assert code == 0
    assert out.startswith("> 【保证】明天到\n")
    assert "必须修改/过度承诺" in out
    code, out, _ = check(["最近发货"], locale="en")
    assert "No risky wording found." in out


def test_gbk_input_and_lone_surrogates_do_not_fail():
    code, out, _ = check(["--json"], "加我微信\n".encode("gb18030"))
    assert code == 0 and json.loads(out)["findings"]
    code, out, _ = check(["--json", "a\udc80b"])
    assert code == 0 and json.loads(out) == {"text": "a\udc80b", "findings": []}


def test_unreadable_rules_are_a_clear_error(tmp_path):
    out, err = io.StringIO(), io.StringIO()
    code = run_check(parse(["x"]), Translator("en"), out, err, rule_dir=tmp_path)
    assert code == 1 and str(tmp_path) in err.getvalue()


@pytest.mark.parametrize("argv", [["check", "--platform", "amazon", "x"], ["check", "a", "b"]])
def test_usage_errors_exit_non_zero(argv, tmp_path):
    proc = subprocess.run(
        [sys.executable, "-m", "desktop", "--data-dir", str(tmp_path), *argv],
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert proc.returncode == 2


def test_the_command_runs_from_the_entry_point(tmp_path):
    proc = subprocess.run(
        [
            sys.executable,
            "-m",
            "desktop",
            "--locale",
            "en",
            "--data-dir",
            str(tmp_path / "d"),
            "check",
            "--json",
        ],
        input="加我薇信 1 3 8 0 0 1 3 8 0 0 0\n第一次购买\n",
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert proc.returncode == 0, proc.stderr
    records = [json.loads(line) for line in proc.stdout.splitlines()]
    assert records[0]["findings"][0]["category"] == "contact"
    assert records[1]["findings"] == []
    assert not (tmp_path / "d").exists()  # checking creates no library
