"""Folding text for matching, and mapping every folded character back to the original offsets."""

from __future__ import annotations

import json

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from desktop.core.risk_loader import load_t2s
from desktop.core.risk_normalise import SEPARATOR, Normaliser
from desktop.resources import risk_rules_dir


@pytest.fixture(scope="module")
def norm() -> Normaliser:
    return Normaliser(load_t2s(risk_rules_dir()))


@pytest.mark.parametrize(
    ("text", "dense"),
    [
        ("微信", "微信"),
        ("微 信", "微信"),
        ("微-·-信", "微信"),
        ("微\u200b\u200b\u200b\u200b\u200b信", "微信"),  # zero-width characters are not even noise
        ("微😀信", "微信"),
        ("ＷＸ", "wx"),
        ("絕對保證", "绝对保证"),
        ("V❤", "v♥"),
        ("＋v", "+v"),
        ("⑬", "13"),
        ("1️⃣", "1"),
        ("微    信", "微\n信"),  # four noise characters: too far apart to be one word
        ("拒绝，对不起", "拒绝,对不起"),  # clause punctuation stays and ends words
    ],
)
def test_dense_view(norm, text, dense):
    assert norm.normalise(text).dense == dense


def test_digit_look_alikes_are_not_folded_outside_identifiers(norm):
    assert norm.normalise("一定").dense == "一定"
    assert norm.normalise("壹贰叁").dense == "壹贰叁"


@pytest.mark.parametrize("text", ["a 微 信 b", "1️⃣2️⃣", "ﬀ保证", "\ud800微信", "加我V❤：wx1 2 3 4 5", "ⓦⓧ"])
def test_spans_map_back_to_whole_original_characters(norm, text):
    n = norm.normalise(text)
    for k in range(len(n.dense)):
        if n.dense[k] == SEPARATOR:
            continue
        span = n.dense_span(k, k + 1)
        if span is not None:
            assert n.dense[k] in norm.normalise(text[span[0] : span[1]]).dense


def test_a_keycap_belongs_to_its_digit(norm):
    text = "1️⃣2"
    n = norm.normalise(text)
    assert n.dense == "12"
    assert n.dense_span(0, 1) == (0, 3)


def test_a_span_never_cuts_an_original_character(norm):
    n = norm.normalise("ﬀ")  # one character folding to two
    assert n.dense == "ff"
    assert n.dense_span(0, 1) is None
    assert n.dense_span(0, 2) == (0, 1)


def test_the_shipped_t2s_map_agrees_with_zhconv():
    from zhconv import zhconv

    shipped = json.loads((risk_rules_dir() / "data" / "t2s.json").read_text(encoding="utf-8"))["chars"]
    for trad, simp in list(shipped.items())[::97]:
        assert zhconv.convert(trad, "zh-cn") == simp


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=st.characters(exclude_categories=[]), max_size=80))
def test_offset_maps_are_consistent(text):
    norm = _NORM
    n = norm.normalise(text)
    assert len(n.full) == len(n.full_orig) == len(n.full_end)
    assert len(n.dense) == len(n.dense_full) == len(n.dense_orig) == len(n.dense_end)
    assert list(n.full_orig) == sorted(n.full_orig)
    assert list(n.dense_full) == sorted(n.dense_full)
    for k, c in enumerate(n.dense):
        if n.dense_orig[k] >= 0:
            start, end = n.dense_orig[k], n.dense_end[k]
            assert 0 <= start < end <= len(text)
            assert c in norm.normalise(text[start:end]).full


_NORM = Normaliser(load_t2s(risk_rules_dir()))
