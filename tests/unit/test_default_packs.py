"""The bundled default phrase packs: shape, coverage, the codes the app relies on, and safe wording."""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

import pytest

PHRASES_DIR = Path(__file__).resolve().parents[2] / "phrases"
CODE_RE = re.compile(r"^[a-z0-9_-]{1,16}$")

# Words a buyer-facing reply must never carry: over-promises, advertising-law extremes, off-platform channels.
FORBIDDEN = ["绝对", "百分之百", "第一名", "国家级", "最好", "最便宜", "微信", "QQ",
             "absolutely", "guaranteed", "the best"]

# Other parts of the app look these phrases up by code, so they must exist where the app expects them.
FIXED_CODES = {
    "zh_CN": {"jjwx": "contact", "jjlj": "links", "dbq": "complaint"},
    "en": {"offplatform": "contact", "nolink": "links", "sorry": "complaint"},
}


def load(locale: str) -> dict[str, Any]:
    with open(PHRASES_DIR / locale / "default.json", encoding="utf-8") as fh:
        return json.load(fh)


def phrases(pack: dict[str, Any]) -> list[dict[str, Any]]:
    return [p for s in pack["scenarios"] for p in s["phrases"]]


def scenario_of(pack: dict[str, Any]) -> dict[str, str]:
    """Phrase code -> id of the scenario holding it."""
    return {p["code"]: s["id"] for s in pack["scenarios"] for p in s["phrases"]}


@pytest.fixture(scope="module", params=["zh_CN", "en"])
def pack(request: pytest.FixtureRequest) -> tuple[str, dict[str, Any]]:
    return request.param, load(request.param)


def test_header_fields(pack: tuple[str, dict[str, Any]]) -> None:
    locale, data = pack
    assert data["format"] == "quickreply-pack"
    assert data["version"] == 1
    assert data["locale"] == locale
    assert data["name"].strip()


def test_zh_cn_pack_is_large_enough() -> None:
    data = load("zh_CN")
    assert len(phrases(data)) >= 150
    assert len(data["scenarios"]) >= 15


def test_en_pack_is_large_enough() -> None:
    assert len(phrases(load("en"))) >= 100


def test_both_packs_cover_the_same_scenarios() -> None:
    zh_ids = {s["id"] for s in load("zh_CN")["scenarios"]}
    en_ids = {s["id"] for s in load("en")["scenarios"]}
    assert en_ids == zh_ids


def test_scenarios_have_ids_names_and_phrases(pack: tuple[str, dict[str, Any]]) -> None:
    _, data = pack
    ids = [s["id"] for s in data["scenarios"]]
    assert len(ids) == len(set(ids))
    for scenario in data["scenarios"]:
        assert scenario["name"].strip(), scenario["id"]
        assert scenario["phrases"], scenario["id"]


def test_codes_are_valid_and_unique(pack: tuple[str, dict[str, Any]]) -> None:
    _, data = pack
    codes = [p["code"] for p in phrases(data)]
    bad = [c for c in codes if not CODE_RE.match(c)]
    assert not bad
    repeated = sorted({c for c in codes if codes.count(c) > 1})
    assert not repeated


def test_titles_texts_and_tags_are_usable(pack: tuple[str, dict[str, Any]]) -> None:
    _, data = pack
    for phrase in phrases(data):
        assert phrase["title"].strip(), phrase["code"]
        assert 1 <= len(phrase["text"]) <= 2000, phrase["code"]
        assert phrase["text"] == phrase["text"].strip(), phrase["code"]
        assert isinstance(phrase["tags"], list), phrase["code"]
        assert all(isinstance(t, str) and t.strip() for t in phrase["tags"]), phrase["code"]


@pytest.mark.parametrize(
    ("locale", "code", "scenario"),
    [(loc, code, sid) for loc, fixed in FIXED_CODES.items() for code, sid in fixed.items()],
)
def test_fixed_codes_live_in_their_scenario(locale: str, code: str, scenario: str) -> None:
    assert scenario_of(load(locale)).get(code) == scenario


def test_signed_but_not_received_reply_exists() -> None:
    not_received = next(s for s in load("zh_CN")["scenarios"] if s["id"] == "not_received")
    assert any("签收未收到" in p["title"] for p in not_received["phrases"])


@pytest.mark.parametrize("word", FORBIDDEN)
def test_no_text_carries_a_forbidden_word(word: str) -> None:
    offenders = [
        f'{locale}:{p["code"]}'
        for locale in FIXED_CODES
        for p in phrases(load(locale))
        if word.lower() in (p["title"] + " " + p["text"]).lower()
    ]
    assert not offenders


def test_off_platform_replies_name_no_channel() -> None:
    channels = ["微信", "qq", "电话", "手机", "淘宝", "天猫", "京东", "拼多多", "抖音",
                "wechat", "whatsapp", "phone", "email", "http", "www."]
    for locale in FIXED_CODES:
        data = load(locale)
        scenario = next(s for s in data["scenarios"] if s["id"] == "contact")
        for phrase in scenario["phrases"]:
            text = phrase["text"].lower()
            assert not [c for c in channels if c in text], f'{locale}:{phrase["code"]}'
