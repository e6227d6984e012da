"""Properties of search: any input is safe; typing letter by letter, limits and edits never change
what is found compared with searching afresh."""

from __future__ import annotations

import shutil
import tempfile
from collections.abc import Iterator
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from desktop.core.library import PhraseLibrary
from desktop.core.packs import load_pack
from desktop.core.pinyin import PinyinKeyer
from desktop.core.search import Hit, SearchIndex
from desktop.core.session import seed_library
from desktop.core.store import Store
from desktop.resources import default_pack

SETTINGS = settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
ANY_TEXT = st.text(st.characters(blacklist_categories=()), max_size=60)
# What agents type: pinyin letters, digits, some characters of the pack, spaces, a slash.
TYPED = st.text(st.sampled_from(list("aeiouhnsgqwxyzcdfltkbjm12 /") + list("退货运费签收尺码亲说明售后物流")),
                min_size=1, max_size=12)


@pytest.fixture(scope="module")
def library() -> Iterator[PhraseLibrary]:
    folder = Path(tempfile.mkdtemp(prefix="qr-search-"))
    store = Store(folder, fsync=False)
    store.open()
    lib = PhraseLibrary(store, keyer=PinyinKeyer())
    seed_library(lib, load_pack(default_pack("zh_CN")))
    for i, p in enumerate(lib.phrases()[::7]):  # some usage, some pins
        lib.record_use(p.id)
        if i % 3 == 0:
            lib.set_pinned(p.id)
    yield lib
    store.close()
    shutil.rmtree(folder, ignore_errors=True)


def shape(hits: list[Hit]) -> list[tuple[str, str]]:
    return [(h.phrase.id, h.tier.value) for h in hits]


@SETTINGS
@given(query=ANY_TEXT, limit=st.none() | st.integers(0, 30), scoped=st.booleans())
def test_any_input_returns_hits_or_nothing(library: PhraseLibrary, query: str, limit: int | None,
                                            scoped: bool) -> None:
    index = SearchIndex(library)
    hits = index.search(query, scenario="not_received" if scoped else None, limit=limit)
    assert isinstance(hits, list)
    assert limit is None or len(hits) <= limit
    assert len({h.phrase.id for h in hits}) == len(hits)
    if scoped:
        assert all(h.phrase.scenario == "not_received" for h in hits)


@SETTINGS
@given(query=TYPED, limit=st.sampled_from([None, 3, 20]), chunk=st.sampled_from([8, 64, 512]))
def test_typing_letter_by_letter_finds_what_a_fresh_search_finds(library: PhraseLibrary, query: str,
                                                                   limit: int | None, chunk: int) -> None:
    typed = SearchIndex(library, chunk_size=chunk)
    fresh = SearchIndex(library, narrow_limit=0)  # never reuses the previous result
    for k in range(1, len(query) + 1):
        assert shape(typed.search(query[:k], limit=limit)) == shape(fresh.search(query[:k], limit=limit))


@SETTINGS
@given(query=TYPED, limit=st.integers(1, 40))
def test_a_limit_cuts_the_full_list(library: PhraseLibrary, query: str, limit: int) -> None:
    full = SearchIndex(library).search(query)
    assert shape(SearchIndex(library, chunk_size=16).search(query, limit=limit)) == shape(full[:limit])


@SETTINGS
@given(query=TYPED)
def test_results_are_in_tier_order(library: PhraseLibrary, query: str) -> None:
    ranks = [h.tier_rank for h in SearchIndex(library).search(query)]
    assert ranks == sorted(ranks)


TITLES = st.text(st.sampled_from(list("退货运费签收尺码说明银行还款长度ABC ")), min_size=1,
                 max_size=8).map(str.strip)
OP_NAMES = st.sampled_from(["add", "edit", "delete", "use", "pin"])
OPS = st.lists(st.tuples(OP_NAMES, st.integers(0, 50), TITLES), max_size=25)


@SETTINGS
@given(ops=OPS, queries=st.lists(TYPED, min_size=1, max_size=4))
def test_index_kept_up_to_date_equals_one_built_afresh(ops: list[tuple[str, int, str]],
                                                        queries: list[str]) -> None:
    folder = Path(tempfile.mkdtemp(prefix="qr-search-ops-"))
    try:
        store = Store(folder, fsync=False)
        store.open()
        lib = PhraseLibrary(store, keyer=PinyinKeyer())
        lib.add_scenario("售后", scenario_id="a")
        lib.add_scenario("尺码", scenario_id="b")
        live = SearchIndex(lib, chunk_size=4)
        for n, (op, i, title) in enumerate(ops):
            phrases = lib.phrases()
            target = phrases[i % len(phrases)] if phrases else None
            if op == "add" or target is None:
                lib.add_phrase("ab"[i % 2], f"c{n}", title or "空", f"亲，{title}")
            elif op == "edit":
                lib.update_phrase(target.id, title=title or "空", scenario="ab"[i % 2])
            elif op == "delete":
                lib.delete_phrase(target.id)
            elif op == "use":
                lib.record_use(target.id)
            else:
                lib.set_pinned(target.id, not target.pinned)
            live.search(queries[0][: 1 + n % 3])  # searches between edits, as in the window
        afresh = SearchIndex(lib)
        for q in queries:
            assert shape(live.search(q)) == shape(afresh.search(q))
        store.close()
    finally:
        shutil.rmtree(folder, ignore_errors=True)
