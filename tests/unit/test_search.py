"""Search as an agent uses it: what comes first for what they type, and that edits show at once."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest

from desktop.core.errors import NotFound
from desktop.core.library import PhraseLibrary
from desktop.core.model import Phrase
from desktop.core.packs import load_pack
from desktop.core.pinyin import PinyinKeyer
from desktop.core.search import Hit, SearchIndex
from desktop.core.search_rank import DAY, TIER_ORDER, Ranking, Tier
from desktop.core.session import seed_library
from desktop.core.store import Store
from desktop.resources import default_pack

NOW = 1_800_000_000.0


class Clock:
    def __init__(self) -> None:
        self.now = NOW

    def __call__(self) -> float:
        return self.now


@pytest.fixture
def clock() -> Clock:
    return Clock()


@pytest.fixture
def store(tmp_path: Path) -> Iterator[Store]:
    s = Store(tmp_path)
    s.open()
    yield s
    s.close()


@pytest.fixture
def lib(store: Store, clock: Clock) -> PhraseLibrary:
    return PhraseLibrary(store, keyer=PinyinKeyer(), clock=clock)


def make(lib: PhraseLibrary, scenarios: list[tuple[str, str]], phrases: list[dict[str, Any]]) -> None:
    with lib.batch():
        for sid, name in scenarios:
            lib.add_scenario(name, scenario_id=sid)
        for i, p in enumerate(phrases):
            p = {"scenario": scenarios[0][0], "code": f"p{i}", "text": "亲，您好。", **p}
            lib.add_phrase(p.pop("scenario"), p.pop("code"), p.pop("title"), p.pop("text"), **p)


def titles(hits: list[Hit]) -> list[str]:
    return [h.phrase.title for h in hits]


def codes(hits: list[Hit]) -> list[str]:
    return [h.phrase.code for h in hits]


# -- the ranking, one tier per row ---------------------------------------------------------------

TIER_TABLE = [  # (code, title, text, tags, scenario) → the tier "yf" reaches
    ("yf", "默认说明", "亲，您好。", [], "general", Tier.CODE),
    ("a1", "YF专用说明", "亲，您好。", [], "general", Tier.TITLE_PREFIX),
    ("a2", "关于YF的说明", "亲，您好。", [], "general", Tier.TITLE),
    ("yfx", "其他说明", "亲，您好。", [], "general", Tier.CODE_PREFIX),
    ("a3", "运费说明", "亲，您好。", [], "general", Tier.TITLE_PINYIN_PREFIX),
    ("a4", "退货运费", "亲，您好。", [], "general", Tier.TITLE_PINYIN),
    ("a5", "包邮说明", "亲，您好。", ["运费"], "general", Tier.TAG),
    ("a6", "发票说明", "亲，请备注YF字样。", [], "general", Tier.TEXT),
    ("a7", "物流时效", "亲，运费已经包含。", [], "general", Tier.TEXT_PINYIN),
    ("a8", "补差价", "亲，请补拍差价。", [], "fee", Tier.SCENARIO),
    ("a9", "无关话术", "亲，您好。", [], "general", None),
]


@pytest.fixture
def tiered(lib: PhraseLibrary, clock: Clock) -> SearchIndex:
    # Added in reverse, so that the order found is the ranking's, not the order of adding.
    rows = TIER_TABLE[::-1]
    make(lib, [("general", "通用"), ("fee", "运费问题")],
         [{"code": c, "title": t, "text": x, "tags": g, "scenario": s} for c, t, x, g, s, _ in rows])
    return SearchIndex(lib, clock=clock)


def test_each_tier_outranks_the_next(tiered: SearchIndex) -> None:
    hits = tiered.search("yf")
    expected = [(c, tier) for c, _, _, _, _, tier in TIER_TABLE if tier is not None]
    assert [(h.phrase.code, h.tier) for h in hits] == expected
    assert [h.tier_rank for h in hits] == sorted(h.tier_rank for h in hits)


def test_the_table_covers_the_ranking_order() -> None:
    table = [row[-1] for row in TIER_TABLE if row[-1] is not None]
    assert table == [t for t in TIER_ORDER if t is not Tier.TYPO]  # typos: see test_typo_ranks_last


@pytest.mark.parametrize(("code", "title", "text", "tags", "scenario", "tier"),
                         [row for row in TIER_TABLE if row[-1] is not None])
def test_tier_of_each_phrase(tiered: SearchIndex, code: str, title: str, text: str, tags: list[str],
                             scenario: str, tier: Tier) -> None:
    hit = next(h for h in tiered.search("yf") if h.phrase.code == code)
    assert hit.tier is tier
    assert tier.value in hit.explain(NOW)


WITHIN_TIER = [  # (title, scenario, pinned, uses, days since last use) in the expected order
    ("退货-置顶", "s1", True, 0, None),
    ("退货-常用", "s1", False, 10, 1.0),
    ("退货-刚用", "s1", False, 1, 0.0),
    ("退货-久未用", "s1", False, 10, 30.0),
    ("退货-甲", "s1", False, 0, None),
    ("退货-乙", "s1", False, 0, None),
    ("退货-第二场景", "s2", False, 0, None),
]


def test_within_a_tier_pinned_then_frecency_then_scenario_then_place(lib: PhraseLibrary,
                                                                    clock: Clock) -> None:
    rows = [WITHIN_TIER[i] for i in (6, 5, 3, 0, 2, 4, 1)]  # shuffled on purpose
    by_scenario = sorted(rows, key=lambda r: r[1])  # place in a scenario = order of adding
    make(lib, [("s1", "一"), ("s2", "二")], [
        {"title": t, "scenario": s, "pinned": pin, "uses": uses,
         "last_used": None if days is None else NOW - days * DAY}
        for t, s, pin, uses, days in by_scenario])
    # 甲 before 乙: put 甲 first in its scenario
    s1 = [p.id for p in lib.phrases("s1")]
    jia = next(p.id for p in lib.phrases("s1") if p.title == "退货-甲")
    lib.reorder_phrases("s1", [jia] + [i for i in s1 if i != jia])
    index = SearchIndex(lib, clock=clock)
    hits = index.search("退货")
    assert titles(hits) == [row[0] for row in WITHIN_TIER]
    assert {h.tier for h in hits} == {Tier.TITLE_PREFIX}
    scores = {h.phrase.title: h.score for h in hits}
    assert scores["退货-常用"] > scores["退货-刚用"] > scores["退货-久未用"] > scores["退货-甲"] == 0.0


def test_frecency_decays_with_age() -> None:
    ranking = Ranking(half_life_days=10)
    p = Phrase(id="x", scenario="s", code="c", title="t", text="x", uses=7, last_used=NOW)
    fresh = ranking.frecency(p, NOW)
    assert ranking.frecency(p, NOW + 10 * DAY) == pytest.approx(fresh / 2)
    assert ranking.frecency(Phrase(id="y", scenario="s", code="d", title="t", text="x"), NOW) == 0.0


# -- what agents type ----------------------------------------------------------------------------

@pytest.fixture
def shop(lib: PhraseLibrary, clock: Clock) -> SearchIndex:
    make(lib, [("after", "售后问题"), ("size", "尺码咨询"), ("pay", "付款")], [
        {"code": "qs", "title": "签收未收到",
         "text": "亲，系统显示已签收但您没收到的话，我们马上联系快递核实。"},
        {"code": "th", "title": "退货运费", "text": "亲，七天无理由退货的运费由买家承担哦。"},
        {"code": "yfx", "title": "运费险说明", "text": "亲，运费险在退货后自动理赔到账。"},
        {"code": "hk", "title": "还款说明", "text": "亲，分期还款请在银行App里操作。", "scenario": "pay"},
        {"code": "zz", "title": "银行转账", "text": "亲，不支持银行转账，请在平台付款。", "scenario": "pay"},
        {"code": "cd", "title": "長度說明", "text": "亲，裤子長度按标准尺码量。", "scenario": "size"},
        {"code": "cx", "title": "重新发货", "text": "亲，已经为您重新安排发货。"},
        {"code": "dh", "title": "调货说明", "text": "亲，需要从别的仓库调货，稍等两天。"},
        {"code": "ls", "title": "绿色款", "text": "亲，绿色款现货充足。", "scenario": "size"},
        {"code": "nz", "title": "女装尺码", "text": "亲，女装按身高体重选码。", "scenario": "size",
         "tags": ["尺码"]},
        {"code": "ok", "title": "ＯＫ回复", "text": "亲，好的，马上处理。"},
        {"code": "en", "title": "Shipping time", "text": "We ship within 48 hours."},
    ])
    return SearchIndex(lib, clock=clock)


@pytest.mark.parametrize(
    ("query", "first"),
    [
        # pinyin: full, spaced, a prefix of it, initials, initials of the first characters, mixes
        ("tuihuoyunfei", "退货运费"),
        ("tuihuo yunfei", "退货运费"),
        ("tuihuoyun", "退货运费"),
        ("tuihuo-yunfei", "退货运费"),
        ("thyf", "退货运费"),
        ("thy", "退货运费"),
        ("退货yf", "退货运费"),
        ("th运费", "退货运费"),
        ("退huoyunfei", "退货运费"),
        ("qianshou", "签收未收到"),
        ("qswsd", "签收未收到"),
        ("yunfeixian", "运费险说明"),
        # Chinese, traditional, full width, case
        ("签收", "签收未收到"),
        ("退貨運費", "退货运费"),
        ("长度", "長度說明"),
        ("ＴＵＩＨＵＯ", "退货运费"),
        ("TuiHuo", "退货运费"),
        ("ok", "ＯＫ回复"),
        ("shipping", "Shipping time"),
        ("SHIP", "Shipping time"),
        # heteronyms: every reading pypinyin knows
        ("huankuan", "还款说明"),
        ("haikuan", "还款说明"),
        ("changdu", "長度說明"),
        ("zhangdu", "長度說明"),
        ("chongxin", "重新发货"),
        ("zhongxin", "重新发货"),
        ("yinhang", "银行转账"),
        ("yinxing", "银行转账"),
        ("diaohuo", "调货说明"),
        ("tiaohuo", "调货说明"),
        ("lvse", "绿色款"),
        ("nvzhuang", "女装尺码"),
        # codes
        ("/qs", "签收未收到"),
        ("QS", "签收未收到"),
        ("/yf", "运费险说明"),
    ],
)
def test_what_agents_type_puts_the_reply_first(shop: SearchIndex, query: str, first: str) -> None:
    hits = shop.search(query, limit=5)
    assert hits and hits[0].phrase.title == first, [(h.phrase.title, h.tier.value) for h in hits]


def test_exact_code_beats_a_title_with_the_same_pinyin(shop: SearchIndex) -> None:
    # th is the code of 退货运费 and the initials of nothing else... and the code wins anyway.
    hits = shop.search("hk")
    assert hits[0].phrase.title == "还款说明" and hits[0].tier is Tier.CODE


def test_slash_searches_codes_only(shop: SearchIndex, lib: PhraseLibrary) -> None:
    assert codes(shop.search("/t")) == ["th"]
    assert shop.search("/退货") == []
    assert codes(shop.search("/y")) == ["yfx"]
    assert shop.search("/yfxx") == []  # no typos for codes
    assert codes(shop.search("yfxx")) == ["yfx"]  # but a bare query forgives one
    assert {h.tier for h in shop.search("/y")} == {Tier.CODE_PREFIX}


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("运费 退货", ["退货运费"]),
        ("yunfei tuihuo", ["退货运费"]),
        ("退货 承担", ["退货运费"]),  # one term in the title, one in the text
        ("退货 不存在的词", []),
        ("银行 zhuanzhang", ["银行转账"]),
    ],
)
def test_every_term_must_match_in_any_order(shop: SearchIndex, query: str, expected: list[str]) -> None:
    assert titles(shop.search(query))[: len(expected) or None] == expected


def test_terms_rank_by_their_weakest_match(shop: SearchIndex) -> None:
    hit = shop.search("退货 承担")[0]
    assert hit.tier is Tier.TEXT


@pytest.mark.parametrize(
    ("query", "title"),
    [
        ("tuihup", "退货运费"),  # a wrong letter
        ("tuihuoo", "退货运费"),  # an extra letter
        ("tuiho", "退货运费"),  # a missing letter
        ("tuhiuo", "退货运费"),  # two letters swapped
        ("utihuo", "退货运费"),  # the first two swapped
        ("xtuihuo", "退货运费"),  # an extra first letter
        ("shiping", "Shipping time"),
        ("shippnig", "Shipping time"),
        ("qianshuo", "签收未收到"),
    ],
)
def test_one_typo_is_forgiven(shop: SearchIndex, query: str, title: str) -> None:
    hits = shop.search(query)
    found = {h.phrase.title: h.tier for h in hits}
    assert found.get(title) is Tier.TYPO


def test_typo_ranks_last(lib: PhraseLibrary, clock: Clock) -> None:
    make(lib, [("s", "售后")], [{"title": "退货运费", "uses": 50, "last_used": NOW}, {"title": "退货品"}])
    hits = SearchIndex(lib, clock=clock).search("tuihup")
    assert [(h.phrase.title, h.tier) for h in hits] == [("退货品", Tier.TITLE_PINYIN_PREFIX),
                                                       ("退货运费", Tier.TYPO)]


@pytest.mark.parametrize("query", ["tuu", "thx", "tuix"[:3]])
def test_no_typos_under_four_letters(shop: SearchIndex, query: str) -> None:
    assert all(h.tier is not Tier.TYPO for h in shop.search(query))


# -- scenarios and the empty query ---------------------------------------------------------------

def test_filter_to_one_scenario(shop: SearchIndex) -> None:
    assert titles(shop.search("说明", scenario="pay")) == ["还款说明"]
    assert titles(shop.search("说明", scenario="付款")) == ["还款说明"]  # by name too
    assert shop.search("签收", scenario="size") == []
    assert shop.search("tuihup 亲", scenario="pay") == []  # a typo elsewhere stays elsewhere
    assert titles(shop.search("tuihup 亲")) == ["退货运费"]
    with pytest.raises(NotFound):
        shop.search("签收", scenario="no such scenario")


@pytest.mark.parametrize("query", ["", "   ", "\t\n"])
def test_empty_query_lists_in_display_order(shop: SearchIndex, lib: PhraseLibrary, query: str) -> None:
    assert [h.phrase for h in shop.search(query)] == lib.phrases()
    assert [h.phrase for h in shop.search(query, scenario="size")] == lib.phrases("size")
    assert len(shop.search(query, limit=3)) == 3
    assert {h.tier for h in shop.search(query)} == {Tier.BROWSE}


def test_scenario_name_matches_its_phrases(shop: SearchIndex) -> None:
    hits = shop.search("chima")
    assert titles(hits)[0] == "女装尺码"  # its tag
    assert {h.phrase.title for h in hits if h.tier is Tier.SCENARIO} == {"長度說明", "绿色款"}


def test_limit(shop: SearchIndex) -> None:
    assert len(shop.search("亲", limit=4)) == 4
    assert shop.search("亲", limit=0) == []
    assert len(shop.search("亲")) == 11  # all but the English one


# -- the index follows the library ---------------------------------------------------------------

def test_edit_delete_add_restore_are_searchable_at_once(shop: SearchIndex, lib: PhraseLibrary) -> None:
    p = lib.by_code("qs")
    lib.update_phrase(p.id, title="包裹签收查询")
    assert "包裹签收查询" in titles(shop.search("baoguo"))
    assert "签收未收到" not in titles(shop.search("签收未收到"))
    assert titles(shop.search("qianshou"))[0] == "包裹签收查询"
    lib.delete_phrase(p.id)
    assert shop.search("baoguo") == []
    assert shop.search("/qs") == []
    new = lib.add_phrase("after", "qs2", "签收异常", "亲，我们马上核实签收情况。")
    assert titles(shop.search("qsyc")) == ["签收异常"]
    lib.restore(p.id)
    assert "包裹签收查询" in titles(shop.search("baoguo"))
    lib.update_phrase(new.id, code="zzz")
    assert codes(shop.search("/zzz")) == ["zzz"] and shop.search("/qs2") == []


def test_use_and_pin_move_a_phrase_within_its_tier(lib: PhraseLibrary, clock: Clock) -> None:
    make(lib, [("s", "售后")], [{"title": f"退货{i}"} for i in range(5)])
    index = SearchIndex(lib, clock=clock, chunk_size=2)
    assert titles(index.search("退货")) == [f"退货{i}" for i in range(5)]
    lib.record_use(lib.phrases()[3].id)
    assert titles(index.search("退货"))[0] == "退货3"
    lib.set_pinned(lib.phrases()[4].id)
    assert titles(index.search("退货"))[:2] == ["退货4", "退货3"]
    clock.now += 100 * DAY  # frecency decays for all alike: the order stays
    assert titles(index.search("退货"))[:2] == ["退货4", "退货3"]


def test_scenario_changes_follow(shop: SearchIndex, lib: PhraseLibrary) -> None:
    lib.rename_scenario("pay", "银联分期")
    in_scenario = {h.phrase.title for h in shop.search("yinlian") if h.tier is Tier.SCENARIO}
    assert in_scenario == {"还款说明", "银行转账"}
    before = titles(shop.search("说明"))
    lib.reorder_scenarios(["size", "pay", "after"])
    after = titles(shop.search("说明"))
    assert after.index("長度說明") < after.index("还款说明") < after.index("调货说明")
    assert set(before) == set(after)
    lib.delete_scenario("size", move_to="after")
    assert all(h.phrase.scenario == "after" for h in shop.search("尺码", scenario="after"))
    lib.add_scenario("银联备用", scenario_id="spare")
    lib.add_phrase("spare", "sp", "备用话术", "亲")
    assert "备用话术" in {h.phrase.title for h in shop.search("yinlian") if h.tier is Tier.SCENARIO}


def test_bulk_changes(shop: SearchIndex, lib: PhraseLibrary) -> None:
    added = lib.add_phrases([Phrase(id="", scenario="after", code=f"b{i}", title=f"批量{i}", text="亲")
                             for i in range(30)])
    assert len(shop.search("piliang")) == 30
    lib.remove_phrases([p.id for p in added[:10]])
    assert len(shop.search("piliang")) == 20


def test_an_import_of_many_phrases_is_indexed(shop: SearchIndex, lib: PhraseLibrary) -> None:
    lib.add_phrases([Phrase(id="", scenario="pay", code=f"m{i}", title=f"导入{i}", text="亲")
                     for i in range(1200)])
    assert len(shop.search("daoru")) == 1200
    assert titles(shop.search("导入1199")) == ["导入1199"]
    assert titles(shop.search("还款")) == ["还款说明"]


def test_close_stops_following(shop: SearchIndex, lib: PhraseLibrary) -> None:
    shop.close()
    lib.add_phrase("after", "new", "新话术", "亲")
    assert shop.search("新话术") == []


# -- the shipped pack ----------------------------------------------------------------------------

@pytest.fixture
def packed(lib: PhraseLibrary, clock: Clock) -> SearchIndex:
    seed_library(lib, load_pack(default_pack("zh_CN")))
    return SearchIndex(lib, clock=clock)


@pytest.mark.parametrize("query", ["qs", "qianshou", "签收", "qsws", "签收wsd"])
def test_default_pack_not_received_reply_comes_first(packed: SearchIndex, query: str) -> None:
    top = packed.search(query, limit=3)
    assert "签收未收到" in titles(top)
    assert top[0].phrase.scenario == "not_received"


# -- odd input -----------------------------------------------------------------------------------

ODD: list[str] = [
    "a" * 10_000, "退" * 10_000, "t h y f " * 2_000, "\x00\x01\x1b[31m", "\ud800", "x\udfffy", "😀🙏",
    ".*", "(", "[", "\\", "^$", "|", "(?P<x>", "a{99999}", "'", ",", "\n'", "%s{}", "\u200b",
    "ｔｈ\u3000ｙｆ",
]


@pytest.mark.parametrize("query", ODD)
def test_odd_input_gives_results_or_nothing(shop: SearchIndex, query: str) -> None:
    hits = shop.search(query)
    assert isinstance(hits, list)
    assert all(isinstance(h, Hit) for h in hits)


def test_queries_are_taken_literally(shop: SearchIndex) -> None:
    assert shop.search(".*") == [] and shop.search("[") == []


Search = Callable[[str], list[Hit]]
