"""Field rules of phrases and scenarios, and their stored form."""

from __future__ import annotations

import pytest

from desktop.core.model import (
    Phrase,
    Scenario,
    check_code,
    check_hotkey,
    check_tags,
    check_text,
    check_title,
    clean_tags,
    clean_text,
    default_scenario_name,
    has_bad_characters,
    has_bad_characters_in,
)


@pytest.mark.parametrize(
    ("code", "ok"),
    [
        ("a", True),
        ("cm", True),
        ("size-01_b", True),
        ("x" * 16, True),
        ("x" * 17, False),
        ("", False),
        ("a b", False),
        ("Cm", False),  # the library lowercases before checking; the rule itself is lowercase
        ("尺码", False),
        ("cm!", False),
        ("cm\n", False),
    ],
)
def test_code_rule(code: str, ok: bool) -> None:
    assert (check_code(code) == []) is ok


@pytest.mark.parametrize(
    ("text", "key"),
    [
        ("亲，在的", None),
        ("", "phrase.text.empty"),
        ("字" * 2000, None),
        ("字" * 2001, "phrase.text.too_long"),
        ("x" * 1_000_000, "phrase.text.too_long"),
    ],
)
def test_text_rule(text: str, key: str | None) -> None:
    errors = check_text(text)
    assert [e.key for e in errors] == ([key] if key else [])
    assert all(e.field == "text" for e in errors)


@pytest.mark.parametrize(
    ("title", "ok"), [("尺码建议", True), ("", False), ("标" * 60, True), ("标" * 61, False)]
)
def test_title_rule(title: str, ok: bool) -> None:
    assert (check_title(title) == []) is ok


@pytest.mark.parametrize(
    ("tags", "ok"),
    [
        ([], True),
        (["尺码", "退换"], True),
        (["x"] * 10, True),
        (["x"] * 11, False),
        (["t" * 21], False),
        ([""], False),
    ],
)
def test_tags_rule(tags: list[str], ok: bool) -> None:
    assert (check_tags(tags) == []) is ok


@pytest.mark.parametrize(
    ("raw", "canonical", "ok"),
    [
        (None, None, True),
        ("", None, True),
        ("   ", None, True),
        ("Ctrl+Alt+1", "ctrl+alt+1", True),
        ("alt+ctrl+1", "ctrl+alt+1", True),
        ("1", None, False),
        ("ctrl+", None, False),
        ("Ctrl+V", "ctrl+v", False),  # paste everywhere
        ("alt+tab", "alt+tab", False),
        ("Win+L", "win+l", False),
        ("ctrl+`", "ctrl+`", False),
        ("ctrl+alt+v", "ctrl+alt+v", True),
    ],
)
def test_hotkey_rule(raw: str | None, canonical: str | None, ok: bool) -> None:
    value, errors = check_hotkey(raw)
    assert value == canonical
    assert (errors == []) is ok


def test_a_stored_reserved_hotkey_may_stay() -> None:
    assert check_hotkey("ctrl+v", keep="ctrl+v") == ("ctrl+v", [])
    assert check_hotkey("ctrl+v", keep="ctrl+alt+1")[1][0].key == "phrase.hotkey.reserved"


@pytest.mark.parametrize(("locale", "name"), [("zh_CN", "未分组"), ("en", "Ungrouped"), ("fr", "Ungrouped")])
def test_default_scenario_name(locale: str, name: str) -> None:
    assert default_scenario_name(locale) == name


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        (None, []),
        ("尺码, 退换，物流、售后;  发货", ["尺码", "退换", "物流", "售后", "发货"]),
        (["a", " a ", "", "b"], ["a", "b"]),
        (("x",), ["x"]),
    ],
)
def test_clean_tags(raw: object, expected: list[str]) -> None:
    assert clean_tags(raw) == expected  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("raw", "expected"),
    [("  亲\r\n在的\r好的  ", "亲\n在的\n好的"), ("a  b", "a  b"), ("\n\n", "")],
)
def test_clean_text(raw: str, expected: str) -> None:
    assert clean_text(raw) == expected


@pytest.mark.parametrize(
    ("values", "bad"),
    [
        ([], False),
        (["", "亲，好的", "emoji 😀 is text"], False),
        (["亲，好的", "亲\ud800好"], True),
        (["a\udc80"], True),
        (["\ud83d", "\ude00"], True),  # two halves in two strings are still two lone surrogates
        (["\ud83d\ude00"], True),  # a surrogate pair spelled out is no character either
    ],
)
def test_bad_characters_in_many_strings_as_in_each(values: list[str], bad: bool) -> None:
    assert has_bad_characters_in(values) is bad
    assert any(has_bad_characters(v) for v in values) is bad
    assert has_bad_characters_in(["ok"], values) is bad


def test_phrase_round_trips_through_its_document() -> None:
    p = Phrase(
        id="p1",
        scenario="size",
        code="cm",
        title="尺码",
        text="亲，身高体重发我一下哦",
        tags=["尺码"],
        hotkey="ctrl+alt+1",
        pinned=True,
        uses=3,
        last_used=5.0,
        created=1.0,
        updated=2.0,
        source="pack",
        order=4,
        search_key={"text": "qin"},
    )
    assert Phrase.from_doc(p.to_doc()) == p
    s = Scenario(id="size", name="尺码咨询", order=2, icon="ruler", search_key="cmzx")
    assert Scenario.from_doc(s.to_doc()) == s


def test_document_copies_do_not_share_lists() -> None:
    p = Phrase(id="p1", scenario="s", code="c", title="t", text="x", tags=["a"])
    doc = p.to_doc()
    doc["tags"].append("b")
    assert p.tags == ["a"]


@pytest.mark.parametrize(
    "doc",
    [
        {"scenario": "s", "code": "c", "title": "t", "text": "x"},  # no id
        {"id": "p", "scenario": "s", "code": "c", "title": "t", "text": 5},
        {"id": "p", "scenario": "s", "code": "c", "title": "t", "text": "x", "tags": "a,b"},
        {"id": "p", "scenario": "s", "code": "c", "title": "t", "text": "x", "uses": "many"},
        {"id": "p", "scenario": None, "code": "c", "title": "t", "text": "x"},
    ],
)
def test_damaged_document_is_refused(doc: dict[str, object]) -> None:
    with pytest.raises((KeyError, TypeError, ValueError)):
        Phrase.from_doc(doc)
