"""Loading the rule files: the shipped ones load, a broken one is named down to the entry."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from desktop.core.i18n import Translator
from desktop.core.risk_loader import load_rules
from desktop.core.risk_model import CATEGORIES
from desktop.core.risk_rules import RiskRuleError, RiskRulesMissing, expand_word
from desktop.resources import risk_rules_dir

ADVICE = {"zh_CN": "建议", "en": "advice"}


def rule_file(tmp_path: Path, rules: list, **extra) -> Path:
    folder = tmp_path / "phrases" / "risk"
    folder.mkdir(parents=True)
    doc = {"format": "quickreply-risk", "version": 1, "category": "promise", "advice": ADVICE, "rules": rules}
    doc.update(extra)
    (folder / "promise.json").write_text(json.dumps(doc, ensure_ascii=False), encoding="utf-8")
    return folder


def rule(rid: str, **fields) -> dict:
    return {"id": rid, "severity": "block", "advice": ADVICE, **fields}


def test_the_shipped_rules_load():
    book = load_rules(risk_rules_dir())
    assert {r.category for r in book.rules} == set(CATEGORIES)
    assert len(book.t2s) > 1000
    assert set(book.families) == {"taobao", "jd", "pdd", "douyin", "other"}


def test_an_invalid_regex_names_file_rule_and_problem(tmp_path):
    folder = rule_file(
        tmp_path,
        [rule("a", words=["保证"]), rule("b", words=["绝对"]), rule("guarantee", patterns=["保证("])],
    )
    with pytest.raises(RiskRuleError) as exc:
        load_rules(folder)
    message = str(exc.value)
    assert message.startswith(
        "phrases/risk/promise.json, rule #3 (id 'guarantee'): pattern is not a valid regex"
    )
    zh = exc.value.message(Translator("zh_CN"))
    assert "phrases/risk/promise.json" in zh and "第 3 条规则" in zh and "正则表达式无效" in zh


@pytest.mark.parametrize(
    ("rules", "extra", "fragment"),
    [
        ([rule("x", words=["保证"], severity="fatal")], {}, "rule #1 (id 'x'): severity 'fatal' is invalid"),
        ([rule("x", words=["，"])], {}, "rule #1 (id 'x'): word '，' contains clause punctuation"),
        ([rule("x", words=["  "])], {}, "rule #1 (id 'x'): word '  ' is empty"),
        ([rule("x", words=["最{好|佳"])], {}, "rule #1 (id 'x'): word '最{好|佳' has a malformed"),
        ([rule("x", words=["@nope"])], {}, "rule #1 (id 'x'): refers to an unknown set '@nope'"),
        ([rule("x", words=["保证"], patterns=["a"])], {}, "rule #1 (id 'x'): each rule needs exactly one"),
        ([{"id": "x", "severity": "warn", "words": ["a"]}], {}, "rule #1 (id 'x'): advice is missing"),
        ([rule("x", words=["a"], colour="red")], {}, "rule #1 (id 'x'): unknown key 'colour'"),
        ([rule("x", near={"first": ["a"], "then": ["b"], "gap": 99})], {}, "rule #1 (id 'x'): near needs"),
        (
            [rule("x", words=["a"]), rule("x", words=["b"])],
            {},
            "rule #2 (id 'x'): rule id 'x' is already used",
        ),
        ([rule("Bad Id", words=["a"])], {}, "rule #1 (id 'Bad Id'): the rule id must be"),
        ([rule("x", words=["#phonebook"])], {}, "unknown identifier kind '#phonebook'"),
        ([rule("x", words=["a"], suggest={"zh_CN": "Not A Code"})], {}, "'suggest' must be"),
        ([rule("x", words=["a"], unless_home=["amazon"])], {}, "platform 'amazon' is invalid"),
        ([rule("x", patterns=["a"], host="not_official")], {}, "'host' must be one of"),
        ([], {"allow": [42]}, "allow entry #1: 'allow' has the wrong type"),
        ([], {"sets": {"im": ["微信", "，"]}}, "set 'im': word '，' contains clause punctuation"),
        ([], {"category": "spam"}, "key 'category': category 'spam' is invalid"),
    ],
)
def test_invalid_entries_are_named(tmp_path, rules, extra, fragment):
    folder = rule_file(tmp_path, rules, **extra)
    with pytest.raises(RiskRuleError) as exc:
        load_rules(folder)
    assert "phrases/risk/promise.json" in str(exc.value)
    assert fragment in str(exc.value)


@pytest.mark.parametrize(
    ("content", "fragment"),
    [("{not json", "top level: not valid JSON"), ('{"format": "other", "version": 1}', "'format' must be")],
)
def test_a_broken_file_is_named(tmp_path, content, fragment):
    folder = tmp_path / "phrases" / "risk"
    folder.mkdir(parents=True)
    (folder / "link.json").write_text(content, encoding="utf-8")
    with pytest.raises(RiskRuleError) as exc:
        load_rules(folder)
    assert str(exc.value).startswith("phrases/risk/link.json, ") and fragment in str(exc.value)


def test_an_empty_folder_is_reported(tmp_path):
    with pytest.raises(RiskRulesMissing):
        load_rules(tmp_path)


def test_a_copy_of_the_shipped_rules_with_one_more_word_loads(tmp_path):
    folder = tmp_path / "risk"
    shutil.copytree(risk_rules_dir(), folder)
    doc = json.loads((folder / "promise.json").read_text(encoding="utf-8"))
    doc["rules"][0]["words"].append("稳稳的")
    (folder / "promise.json").write_text(json.dumps(doc, ensure_ascii=False), encoding="utf-8")
    book = load_rules(folder)
    assert "稳稳的" in book.rules[[r.id for r in book.rules].index("promise-guarantee")].words


@pytest.mark.parametrize(
    ("word", "expanded"),
    [
        ("最佳", ["最佳"]),
        ("最{好|佳}", ["最好", "最佳"]),
        ("{全网|}第一", ["全网第一", "第一"]),
        ("{a|b}{c|d}", ["ac", "ad", "bc", "bd"]),
    ],
)
def test_expand_word(word, expanded):
    assert expand_word(word) == expanded


@pytest.mark.parametrize(
    "word",
    [
        "最{好",
        "最}好",
        "{a{b}}",
        "{" + "|".join("abcdefghijklmnopqrstuvwxyz") + "}" * 1 + "{1|2|3|4|5|6|7|8|9|0}" * 2,
    ],
)
def test_expand_word_refuses_malformed_or_huge(word):
    with pytest.raises(ValueError):
        expand_word(word)
