"""Pinyin keys: what is stored with a phrase, and that opening and searching never need pypinyin."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from desktop.core.model import Phrase
from desktop.core.pinyin import KEY_VERSION, PinyinKeyer, fold, to_simplified

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture(scope="module")
def keyer() -> PinyinKeyer:
    return PinyinKeyer()


def phrase(title: str, text: str = "亲，您好", tags: list[str] | None = None) -> Phrase:
    return Phrase(id="p", scenario="s", code="c", title=title, text=text, tags=tags or [])


@pytest.mark.parametrize(
    ("raw", "folded"),
    [
        ("ＡＢＣ", "abc"),
        ("ｔｈｙｆ１２３", "thyf123"),
        ("OK好的", "ok好的"),
        ("退货\u3000运费", "退货 运费"),
        ("亲，您好！", "亲，您好！"),  # full-width punctuation is left as it is
        ("", ""),
    ],
)
def test_fold_maps_full_width_letters_and_case(raw: str, folded: str) -> None:
    assert fold(raw) == folded
    assert len(fold(raw)) == len(raw)


@pytest.mark.parametrize(
    ("traditional", "simplified"),
    [("退貨運費", "退货运费"), ("長度說明", "长度说明"), ("還款", "还款"), ("abc", "abc")],
)
def test_to_simplified(traditional: str, simplified: str) -> None:
    assert to_simplified(traditional) == simplified


@pytest.mark.parametrize(
    ("title", "char", "readings"),
    [
        ("还款", 0, {"hai", "huan"}),
        ("长度", 0, {"chang", "zhang"}),
        ("重新发货", 0, {"chong", "zhong"}),
        ("银行", 1, {"hang", "xing"}),
        ("调货", 0, {"diao", "tiao"}),
        ("绿色", 0, {"lv"}),  # ü is written v
        ("女装", 0, {"nv"}),
    ],
)
def test_title_tokens_carry_every_reading(keyer: PinyinKeyer, title: str, char: int,
                                           readings: set[str]) -> None:
    tokens = keyer.phrase_key(phrase(title))["t"].split("'")
    assert len(tokens) == len(title)
    assert readings <= set(tokens[char].split(","))


def test_reading_in_context_comes_first(keyer: PinyinKeyer) -> None:
    tokens = keyer.phrase_key(phrase("银行"))["t"].split("'")
    assert tokens[1].split(",")[0] == "hang"


def test_title_key_is_aligned_with_letters_digits_and_punctuation(keyer: PinyinKeyer) -> None:
    assert keyer.phrase_key(phrase("S码 7天"))["t"] == "s'ma''7'tian"


def test_text_key_is_one_initial_per_chinese_character(keyer: PinyinKeyer) -> None:
    key = keyer.phrase_key(phrase("标题", text="亲，退货运费OK。"))
    assert key["x"] == "qthyf"
    assert "xs" not in key and "ts" not in key
    assert "x" not in keyer.phrase_key(phrase("标题", text="OK, thanks!"))


def test_text_initials_line_up_with_the_chinese_characters(keyer: PinyinKeyer) -> None:
    from desktop.core.search_entry import Fields

    p = phrase("t", text="亲，7天退货OK运费")
    p.search_key = keyer.phrase_key(p)
    fields = Fields(p)
    assert fields.text_han == "亲天退货运费"
    assert fields.initials_han == "qtthyf"


def test_tags_key(keyer: PinyinKeyer) -> None:
    key = keyer.phrase_key(phrase("标题", tags=["尺码", "运费"]))
    assert key["g"].split("'")[3:] == ["yun", "fei"]
    assert "g" not in keyer.phrase_key(phrase("标题"))


def test_traditional_fields_store_their_simplified_form(keyer: PinyinKeyer) -> None:
    key = keyer.phrase_key(phrase("長度說明", text="褲子長度", tags=["運費"]))
    assert key["ts"] == "长度说明"
    assert key["xs"] == "裤子长度"
    assert key["gs"] == "运费"


def test_scenario_name_key(keyer: PinyinKeyer) -> None:
    assert keyer.name_key("退货") == "tui'huo"
    readings, _, simple = keyer.name_key("尺碼諮詢").partition("|")
    assert simple == "尺码咨询"
    assert readings.split("'")[1] == "ma"


def test_keys_stay_small(keyer: PinyinKeyer) -> None:
    text = "亲，收到的宝贝如果有质量问题，请拍照发给我们，我们会第一时间为您处理退换货，运费由我们承担。"
    key = keyer.phrase_key(phrase("质量问题处理", text=text, tags=["售后"]))
    # One byte a character of text: the readings of a long reply are not stored.
    assert len(key["x"]) <= len(text)
    assert sum(len(v) for v in key.values()) < len(text) + 120


def test_version_is_the_key_format() -> None:
    assert PinyinKeyer.version == KEY_VERSION


PROBE = r"""
import sys
from desktop.core.library import PhraseLibrary
from desktop.core.pinyin import PinyinKeyer
from desktop.core.search import SearchIndex
from desktop.core.store import Store
store = Store(sys.argv[1], readonly=True)
store.open()
index = SearchIndex(PhraseLibrary(store, keyer=PinyinKeyer()))
hits = index.search("thyf") + index.search("退貨") + index.search("tuihuo yunfei")
print(len(hits), "pypinyin" in sys.modules)
"""


def test_opening_and_searching_never_load_pypinyin(tmp_path: Path) -> None:
    from desktop.core.library import PhraseLibrary
    from desktop.core.store import Store

    store = Store(tmp_path, fsync=False)
    store.open()
    lib = PhraseLibrary(store, keyer=PinyinKeyer())
    lib.add_scenario("售后", scenario_id="after")
    lib.add_phrase("after", "thyf", "退货运费", "亲，七天无理由退货的运费由买家承担。")
    store.close()
    env = dict(os.environ, PYTHONPATH=str(ROOT))
    result = subprocess.run([sys.executable, "-c", PROBE, str(tmp_path)], capture_output=True, text=True,
                            env=env, timeout=120)
    assert result.returncode == 0, result.stderr
    assert result.stdout.split() == ["3", "False"]
