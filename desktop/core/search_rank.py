"""How search results are ordered: the match tiers, best first, and the usage (frecency) weights."""

from __future__ import annotations

import math
from dataclasses import dataclass
from enum import StrEnum

from desktop.core.model import Phrase


class Tier(StrEnum):
    """How a phrase matched a query; see ``Ranking.tiers`` for their order."""

    CODE = "code"  # the query is the phrase's code (or ``/code``)
    TITLE_PREFIX = "title_prefix"  # the title starts with the query
    TITLE = "title"  # the title contains the query
    CODE_PREFIX = "code_prefix"  # the code starts with the query
    TITLE_PINYIN_PREFIX = "title_pinyin_prefix"  # pinyin / initials from the title's first character
    TITLE_PINYIN = "title_pinyin"  # pinyin / initials of characters inside the title
    TAG = "tag"  # a tag contains the query, or its pinyin
    TEXT = "text"  # the reply text contains the query
    TEXT_PINYIN = "text_pinyin"  # initials of characters in the reply text
    SCENARIO = "scenario"  # the phrase's scenario name matches
    TYPO = "typo"  # one edit away from the code, title, title pinyin or a tag
    BROWSE = "browse"  # empty query: everything in display order


# The order of the tiers; a phrase takes the best tier it reaches.
TIER_ORDER: tuple[Tier, ...] = (
    Tier.CODE,
    Tier.TITLE_PREFIX,
    Tier.TITLE,
    Tier.CODE_PREFIX,
    Tier.TITLE_PINYIN_PREFIX,
    Tier.TITLE_PINYIN,
    Tier.TAG,
    Tier.TEXT,
    Tier.TEXT_PINYIN,
    Tier.SCENARIO,
    Tier.TYPO,
)

DAY = 86400.0


@dataclass(frozen=True)
class Ranking:
    """Every weight of the ranking in one place.

    Results are ordered by tier (``tiers``, best first); within a tier pinned phrases come first,
    then by frecency, then by scenario order and the phrase's place in its scenario.

    Frecency is ``log(1 + uses) * 0.5 ** (days since last use / half_life_days)``. Because the
    decay is exponential, the order of two phrases by frecency never changes with the passing of
    time (both decay by the same factor), so the index can keep phrases sorted and only move a
    phrase when it is used, pinned or edited.
    """

    tiers: tuple[Tier, ...] = TIER_ORDER
    half_life_days: float = 14.0
    pinned_first: bool = True
    typo_min_length: int = 4  # latin queries shorter than this get no typo matches

    def tier_rank(self, tier: Tier) -> int:
        return self.tiers.index(tier)

    def frecency(self, phrase: Phrase, now: float) -> float:
        if phrase.uses <= 0:
            return 0.0
        last = phrase.last_used if phrase.last_used is not None else phrase.created
        age_days = max(0.0, now - last) / DAY
        decay: float = 0.5 ** (age_days / self.half_life_days)
        return math.log1p(phrase.uses) * decay

    def frecency_order(self, phrase: Phrase) -> float:
        """A time-free number that sorts like frecency (higher = more used); -inf when never used.

        log(frecency(now)) = log(log(1 + uses)) + last * ln2 / half_life - now * ln2 / half_life:
        the last term is the same for every phrase, so it is left out.
        """
        if phrase.uses <= 0:
            return -math.inf
        last = phrase.last_used if phrase.last_used is not None else phrase.created
        return math.log(math.log1p(phrase.uses)) + last * math.log(2) / (self.half_life_days * DAY)

    def order_key(self, phrase: Phrase, scenario_rank: int) -> tuple[int, float, int, int, float, str]:
        """The within-tier order of a phrase (smaller first); unique because it ends with the id."""
        pinned = 0 if (phrase.pinned and self.pinned_first) else 1
        return (pinned, -self.frecency_order(phrase), scenario_rank, phrase.order, phrase.created, phrase.id)
