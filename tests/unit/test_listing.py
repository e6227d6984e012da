"""What each view lists: pinned, Frequent by frecency like the search, Recent by last use, caps."""

from __future__ import annotations

import pytest

from desktop.core.listing import ALL, FREQUENT, HISTORY_LIMIT, PINNED, RECENT, in_view, listed, view_counts
from desktop.core.model import Phrase
from desktop.core.search_rank import DAY, Ranking

NOW = 1_800_000_000.0


def phrase(pid: str, *, uses: int = 0, days_ago: float | None = None, pinned: bool = False) -> Phrase:
    last = None if days_ago is None else NOW - days_ago * DAY
    return Phrase(id=pid, scenario="s", code=pid, title=pid, text=pid, uses=uses, last_used=last,
                  pinned=pinned)


# a: used a lot long ago; b: used a little today; c: never used; d: pinned, used once yesterday
A = phrase("a", uses=40, days_ago=90)
B = phrase("b", uses=3, days_ago=0)
C = phrase("c")
D = phrase("d", uses=1, days_ago=1, pinned=True)
LIBRARY_ORDER = [D, A, B, C]


@pytest.mark.parametrize(
    ("key", "searched", "expected"),
    [
        (ALL, False, ["d", "a", "b", "c"]),
        ("s", False, ["d", "a", "b", "c"]),
        (PINNED, False, ["d"]),
        # b (3 uses today) beats a (40 uses three months ago): the frecency the search uses
        (FREQUENT, False, ["b", "d", "a"]),
        (RECENT, False, ["b", "d", "a"]),
        # with a query the search's order is kept; the view only filters
        (FREQUENT, True, ["d", "a", "b"]),
        (RECENT, True, ["d", "a", "b"]),
        (PINNED, True, ["d"]),
        (ALL, True, ["d", "a", "b", "c"]),
    ],
)
def test_each_view_lists_its_replies_in_its_order(key: str, searched: bool, expected: list[str]) -> None:
    assert [p.id for p in in_view(key, LIBRARY_ORDER, searched=searched)] == expected


def test_frequent_follows_the_search_ranking_weights() -> None:
    slow_decay = Ranking(half_life_days=10_000)  # age hardly matters: raw use counts decide
    assert [p.id for p in in_view(FREQUENT, LIBRARY_ORDER, searched=False, ranking=slow_decay)] == [
        "a", "b", "d"]


@pytest.mark.parametrize("key", [FREQUENT, RECENT])
def test_history_views_are_capped_without_a_query(key: str) -> None:
    many = [phrase(f"p{i}", uses=i + 1, days_ago=i) for i in range(HISTORY_LIMIT + 10)]
    assert len(in_view(key, many, searched=False)) == HISTORY_LIMIT
    assert len(in_view(key, many, searched=True)) == HISTORY_LIMIT + 10


class _Hit:
    def __init__(self, p: Phrase) -> None:
        self.phrase = p


class _Search:
    def __init__(self) -> None:
        self.calls: list[tuple[str, str | None]] = []

    def search(self, query: str, scenario: str | None = None, limit: int | None = None) -> list[_Hit]:
        self.calls.append((query, scenario))
        return [_Hit(B), _Hit(A)]


class _Library:
    def phrases(self, scenario: str | None = None) -> list[Phrase]:
        return [A, B, C, D]


@pytest.mark.parametrize(
    ("query", "key", "expected", "searched_in"),
    [
        ("", ALL, ["d", "a", "b", "c"], None),  # pinned first, then library order
        ("x", ALL, ["b", "a"], ("x", None)),
        ("x", "s", ["b", "a"], ("x", "s")),  # a scenario narrows the search
        ("x", PINNED, [], ("x", None)),
    ],
)
def test_listed_searches_or_browses(query: str, key: str, expected: list[str],
                                    searched_in: tuple[str, str | None] | None) -> None:
    search = _Search()
    got = listed(_Library(), search, query, key)  # type: ignore[arg-type]
    assert [p.id for p in got] == expected
    assert search.calls == ([searched_in] if searched_in else [])


def test_view_counts_are_per_scenario_plus_all_and_pinned() -> None:
    other = Phrase(id="e", scenario="t", code="e", title="e", text="e", pinned=True)
    assert view_counts([A, B, C, D, other]) == {ALL: 5, PINNED: 2, "s": 4, "t": 1}
    assert view_counts([]) == {ALL: 0, PINNED: 0}
