"""Grouping findings: the same words caught by the same rule are shown once, with a count."""

from __future__ import annotations

import io

from desktop.cli_check import render_human
from desktop.core.i18n import Translator
from desktop.core.risk import build_checker, group_findings
from desktop.core.risk_messages import RISK_MESSAGES
from desktop.resources import risk_rules_dir

CHECKER = build_checker(risk_rules_dir())


def test_thirteen_repeats_make_one_group_with_their_offsets():
    text = "亲，加我微信，" * 13
    findings = CHECKER.check(text)
    assert len(findings) == 13
    [group] = group_findings(findings)
    assert group.first.match == "加我微信"
    assert group.count == 13
    assert group.starts == tuple(i * 7 + 2 for i in range(13))
    assert group.first.start == 2


def test_different_words_stay_apart_and_blocks_come_first():
    findings = CHECKER.check("质量有保证，加我微信，加我微信，保证")
    groups = group_findings(findings)
    assert sum(g.count for g in groups) == len(findings)
    blocking = [g.first.blocking for g in groups]
    assert blocking == sorted(blocking, reverse=True)


def test_no_findings_no_groups():
    assert group_findings([]) == []


def test_human_check_output_lists_a_repeated_word_once():
    text = "亲，加我微信，" * 13
    out = render_human(text, CHECKER.check(text), Translator("zh_CN", RISK_MESSAGES))
    advice_lines = [line for line in io.StringIO(out) if line.startswith("  1.") or line.startswith("  2.")]
    assert len(advice_lines) == 1 and "“加我微信”" in advice_lines[0]
    assert "（共 13 处）" in out
    out_en = render_human(text, CHECKER.check(text), Translator("en", RISK_MESSAGES))
    assert "(13 times)" in out_en


def test_json_output_keeps_one_entry_per_finding():
    import argparse
    import json

    from desktop.cli_check import run_check

    out, err = io.StringIO(), io.StringIO()
    args = argparse.Namespace(text="亲，加我微信，" * 13, json=True, platform=None)
    assert run_check(args, Translator("zh_CN"), out, err) == 0
    assert len(json.loads(out.getvalue())["findings"]) == 13
