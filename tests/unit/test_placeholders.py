"""Placeholders in replies: built-ins from settings and the clock, asked fields, escapes, unknowns."""

from __future__ import annotations

import datetime as dt

import pytest
from hypothesis import given
from hypothesis import strategies as st

from desktop.core.placeholders import Context, asked_fields, fill

# A Monday afternoon.
NOW = dt.datetime(2026, 11, 23, 14, 5)
CTX = Context(agent="小美", shop="暖暖家居", now=NOW)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("亲，我是{客服}", "亲，我是小美"),
        ("Hi, this is {agent}", "Hi, this is 小美"),
        ("欢迎光临{店铺}", "欢迎光临暖暖家居"),
        ("Welcome to {shop}", "Welcome to 暖暖家居"),
        ("今天是{日期}", "今天是2026年11月23日"),
        ("Today is {date}", "Today is 2026-11-23"),
        ("现在{时间}", "现在14:05"),
        ("now {time}", "now 14:05"),
        ("今天{星期}", "今天星期一"),
        ("today is {weekday}", "today is Monday"),
        ("{AGENT} here", "小美 here"),
        ("{ 客服 }在", "小美在"),
        ("{客服}{客服}", "小美小美"),
        ("没有占位符", "没有占位符"),
        ("", ""),
    ],
)
def test_builtins_are_filled(text: str, expected: str) -> None:
    result = fill(text, CTX)
    assert result.text == expected
    assert result.complete


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("{{客服}}", "{客服}"),
        ("{{{客服}}}", "{小美}"),
        ("a}}b{{c", "a}b{c"),
        ("JSON {{\"k\": 1}}", 'JSON {"k": 1}'),
    ],
)
def test_doubled_braces_are_literal(text: str, expected: str) -> None:
    assert fill(text, CTX).text == expected


@pytest.mark.parametrize(
    ("text", "expected_text", "unknown"),
    [
        ("您的{快递公司}单号", "您的{快递公司}单号", ["快递公司"]),
        ("{foo} and {foo} and {bar}", "{foo} and {foo} and {bar}", ["foo", "bar"]),
        ("lone { brace", "lone { brace", []),
        ("lone } brace", "lone } brace", []),
        ("empty {} pair", "empty {} pair", []),
        ("blank { } pair", "blank { } pair", []),
    ],
)
def test_unknown_placeholders_stay_visible_and_are_listed(text: str, expected_text: str,
                                                           unknown: list[str]) -> None:
    result = fill(text, CTX)
    assert result.text == expected_text
    assert result.unknown == unknown


@pytest.mark.parametrize(
    ("ctx", "text", "expected_text", "empty"),
    [
        (Context(now=NOW), "我是{客服}", "我是{客服}", ["客服"]),
        (Context(agent="  ", now=NOW), "{agent}", "{agent}", ["agent"]),
        (Context(agent="A", now=NOW), "{shop}", "{shop}", ["shop"]),
    ],
)
def test_builtins_without_a_value_stay_visible(ctx: Context, text: str, expected_text: str,
                                               empty: list[str]) -> None:
    result = fill(text, ctx)
    assert result.text == expected_text
    assert result.empty == empty
    assert not result.complete


@pytest.mark.parametrize(
    ("text", "fields"),
    [
        ("请提供{?订单号}", ["订单号"]),
        ("{?订单号}和{?手机尾号}，再次{?订单号}", ["订单号", "手机尾号"]),
        ("{?order no}", ["order no"]),
        ("{{?订单号}}", []),
        ("{客服}", []),
        ("{? }", []),
    ],
)
def test_asked_fields_in_order(text: str, fields: list[str]) -> None:
    assert asked_fields(text) == fields


@pytest.mark.parametrize(
    ("answers", "expected_text", "empty"),
    [
        ({"订单号": "12345"}, "订单12345已发货，{客服}", []),
        ({}, "订单{?订单号}已发货，{客服}", ["订单号"]),
        ({"订单号": "  "}, "订单{?订单号}已发货，{客服}", ["订单号"]),
    ],
)
def test_asked_fields_take_answers(answers: dict[str, str], expected_text: str, empty: list[str]) -> None:
    result = fill("订单{?订单号}已发货，{客服}", Context(agent="{客服}", now=NOW), answers)
    # An answer or a setting holding braces is inserted as written, never filled again.
    assert result.text == expected_text
    assert result.empty == empty


@given(st.text(alphabet=st.characters(blacklist_characters="{}"), max_size=80))
def test_text_without_braces_is_unchanged(text: str) -> None:
    assert fill(text, CTX).text == text


@given(st.text(max_size=80))
def test_never_raises_and_escaped_braces_round_trip(text: str) -> None:
    escaped = text.replace("{", "{{").replace("}", "}}")
    assert fill(escaped, CTX).text == text
