"""Reading contact identifiers, disguised or not, and leaving order and parcel numbers alone."""

from __future__ import annotations

import pytest

from desktop.core.risk_contact import digits_of, find_identifiers
from desktop.core.risk_normalise import Normaliser


def idents(text: str):
    return [(i.kind, i.digits) for i in find_identifiers(Normaliser({}).normalise(text))]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("13812345678", [("number", "13812345678")]),
        ("1 3 8 - 1234 - 5678", [("number", "13812345678")]),
        ("壹叁捌零零壹叁捌零零零", [("number", "13800138000")]),
        ("幺三八两两三三四四五五", [("number", "13822334455")]),
        ("①③⑧⓪⓪", [("number", "13800")]),
        ("❶❷❸❹❺", [("number", "12345")]),
        ("➀➁➂➃➄", [("number", "12345")]),
        ("1️⃣2️⃣3️⃣4️⃣5️⃣", [("number", "12345")]),
        ("tealove2015", [("handle", "")]),
        ("a b c 1 2 3 4", [("handle", "")]),
        ("abc@qq.com", [("email", "")]),
        ("abc [at] qq [dot] com", [("email", "")]),
        ("abc艾特163点com", [("email", "")]),
        ("[电话x]", [("number", "")]),
        ("[邮箱x]", [("email", "")]),
    ],
)
def test_identifiers(text, expected):
    assert idents(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "1234567890123456",
        "70108703183875",
        "1234",
        "一定",
        "两天",
        "第一二次",
        "15:30",
        "please",
        "hello world",
    ],
)
def test_not_identifiers(text):
    assert idents(text) == []


def test_phone_kinds():
    [mobile] = find_identifiers(Normaliser({}).normalise("13812345678"))
    assert mobile.mobile and mobile.matches("#mobile") and mobile.matches("#phone")
    [qq] = find_identifiers(Normaliser({}).normalise("12345"))
    assert not qq.matches("#phone") and qq.matches("#number") and qq.matches("#id")
    [redacted] = find_identifiers(Normaliser({}).normalise("[数字x]"))
    assert redacted.redacted and not redacted.matches("#phone")
    [hotline] = find_identifiers(Normaliser({}).normalise("[数字x]-[数字x]-[数字x]"))
    assert hotline.matches("#phone")


def test_official_numbers_are_skipped():
    norm = Normaliser({}).normalise("400-820-1234")
    assert find_identifiers(norm, frozenset({digits_of("400 820 1234")})) == []
