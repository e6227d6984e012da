"""Traditional to simplified by the shipped character table, as the window's search uses it."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from desktop.core.library import PhraseLibrary
from desktop.core.pinyin import PinyinKeyer, to_simplified
from desktop.core.search import SearchIndex
from desktop.core.simplify import T2S_FILE, load_simplifier, one_to_one, table_simplifier
from desktop.core.store import Store
from desktop.resources import risk_rules_dir


def test_the_shipped_table_simplifies_like_the_full_converter_for_shop_words() -> None:
    simplify = load_simplifier(risk_rules_dir(), fallback=lambda text: "unused")
    for text in ("退貨運費", "發貨時間", "尺碼錶", "優惠券怎麼用", "質量問題"):
        assert simplify(text) == to_simplified(text), text


def test_one_to_one_keeps_only_single_characters() -> None:
    assert one_to_one({"麵": "面", "乾隆": "乾隆", "x": 1, "體": "体"}) == {"麵": "面", "體": "体"}
    assert table_simplifier({"麵": "面"})("牛肉麵 ok") == "牛肉面 ok"


@pytest.mark.parametrize("content", [None, "{not json", json.dumps({"chars": []}), json.dumps({"chars": {}})])
def test_a_missing_or_damaged_table_falls_back(tmp_path: Path, content: str | None) -> None:
    if content is not None:
        (tmp_path / T2S_FILE).parent.mkdir(parents=True)
        (tmp_path / T2S_FILE).write_text(content, "utf-8")
    fallback = load_simplifier(tmp_path, fallback=to_simplified)
    assert fallback is to_simplified


def test_a_traditional_query_finds_the_simplified_reply(tmp_path: Path) -> None:
    with Store(tmp_path, fsync=False) as store:
        library = PhraseLibrary(store, keyer=PinyinKeyer())
        library.add_scenario("售后", scenario_id="after")
        library.add_phrase("after", "thyf", "退货运费", "亲，退货运费由我们承担哦。")
        index = SearchIndex(library, simplify=load_simplifier(risk_rules_dir(), fallback=to_simplified))
        assert [h.phrase.code for h in index.search("退貨運費")] == ["thyf"]
