"""What a risk rule file says once validated (rule specs, the rule book) and the errors it can raise."""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field

from desktop.core.errors import QuickReplyError
from desktop.core.i18n import Translator
from desktop.core.messages import MESSAGES
from desktop.core.risk_messages import RISK_MESSAGES
from desktop.core.risk_model import Advice
from desktop.core.risk_normalise import BARRIERS, SEPARATOR, Normaliser

IDENTIFIER_KINDS = ("#mobile", "#phone", "#number", "#handle", "#email", "#id")
DYNAMIC_SETS = ("@foreign", "@home")  # platform words resolved against the shop's home platform
HOST_FILTERS = ("not_official", "foreign_platform", "lookalike")
FAMILIES = ("taobao", "jd", "pdd", "douyin", "other")
_MAX_EXPANSION = 500

# Where in a rule file a problem is: ("rule", number, id), ("allow", number), ("set", name),
# ("key", name), ("extra", word) for a staff word, or ("file",).
Entry = tuple[object, ...]
Fail = Callable[..., "RiskRuleError"]
_PLAIN = Normaliser({})  # folding without traditional characters, for checks outside a rule book


class RiskRuleError(QuickReplyError):
    """A rule file (or a staff-added word) is invalid; the message names the file and the entry."""

    key = "risk.rules.invalid"

    def __init__(self, file: str, entry: Entry, problem: str, **problem_params: object) -> None:
        super().__init__(self.key, file=file)
        self.file = file
        self.entry = entry
        self.problem = problem
        self.problem_params = problem_params

    def message(self, tr: Translator) -> str:
        own = Translator(tr.locale, MESSAGES, RISK_MESSAGES)
        kind, *rest = self.entry or ("file",)
        if kind == "rule":
            entry = own("risk.entry.rule", number=rest[0], id=rest[1])
        elif kind == "allow":
            entry = own("risk.entry.allow", number=rest[0])
        elif kind == "set":
            entry = own("risk.entry.set", name=rest[0])
        elif kind == "key":
            entry = own("risk.entry.key", name=rest[0])
        elif kind == "extra":
            entry = own("risk.entry.extra", word=rest[0])
        else:
            entry = own("risk.entry.file")
        detail = own(self.problem, **self.problem_params)
        return own(self.key, file=self.file, entry=entry, detail=detail)

    def __str__(self) -> str:
        return self.message(Translator("en"))


class _RiskError(QuickReplyError):
    """An error whose text lives in this part's own catalogue, whatever translator renders it."""

    def message(self, tr: Translator) -> str:
        return Translator(tr.locale, RISK_MESSAGES)(self.key, **self.params)

    def __str__(self) -> str:
        return self.message(Translator("en"))


class RiskRulesMissing(_RiskError):
    key = "risk.rules.missing"


class UnknownPlatform(_RiskError):
    key = "risk.platform.unknown"


@dataclass(frozen=True)
class NearSpec:
    """Two groups of words (or identifier kinds) that make a finding when close together."""

    first: tuple[str, ...]
    then: tuple[str, ...]
    gap: int  # at most this many dense characters between the two
    order: str  # "forward": first before then; "any": either order


@dataclass(frozen=True)
class NegationSpec:
    """Words that, right before (or after) a match, mean it is not a claim: 不保证, 有保证吗."""

    before: tuple[str, ...]
    after: tuple[str, ...]
    gap: int
    longest_before: int = field(init=False, default=0)
    longest_after: int = field(init=False, default=0)

    def __post_init__(self) -> None:
        object.__setattr__(self, "longest_before", max(map(len, self.before), default=0))
        object.__setattr__(self, "longest_after", max(map(len, self.after), default=0))


@dataclass(frozen=True)
class RuleSpec:
    file: str
    number: int  # 1-based position in its file, for messages
    id: str
    category: str
    severity: str
    advice: Advice
    suggest: Mapping[str, str] = field(default_factory=dict)
    words: tuple[str, ...] = ()  # words, "#identifier" kinds or "@foreign"/"@home"
    patterns: tuple[re.Pattern[str], ...] = ()
    near: NearSpec | None = None
    negation: tuple[NegationSpec, ...] = ()
    host: str | None = None
    unless_home: tuple[str, ...] = ()  # families where the rule is off
    only_home: tuple[str, ...] = ()  # families where the rule is on (empty: everywhere)
    requires: tuple[str, ...] = ()  # patterns run only on texts holding one of these (a speed-up)


@dataclass(frozen=True)
class AllowSpec:
    words: tuple[str, ...]
    platforms: tuple[str, ...] = ()  # families where the entry applies (empty: everywhere)


@dataclass(frozen=True)
class RuleBook:
    """Everything loaded from one rule folder, validated, not yet compiled into a matcher."""

    rules: tuple[RuleSpec, ...]
    allow: tuple[AllowSpec, ...]
    allow_patterns: tuple[re.Pattern[str], ...]
    mask_patterns: tuple[re.Pattern[str], ...]
    families: Mapping[str, tuple[str, ...]]
    domains: Mapping[str, tuple[str, ...]]
    brands: tuple[str, ...]
    category_advice: Mapping[str, Advice]
    negation: Mapping[str, tuple[NegationSpec, ...]]
    t2s: Mapping[str, str]


def expand_word(word: str) -> list[str]:
    """Expand ``{a|b|}`` groups: "最{好|佳}" -> ["最好", "最佳"]. Raises ValueError if malformed."""
    results = [""]
    i = 0
    while i < len(word):
        ch = word[i]
        if ch == "{":
            close = word.find("}", i)
            if close < 0 or "{" in word[i + 1 : close]:
                raise ValueError(word)
            options = word[i + 1 : close].split("|")
            results = [r + o for r in results for o in options]
            i = close + 1
        elif ch == "}":
            raise ValueError(word)
        else:
            results = [r + ch for r in results]
            i += 1
        if len(results) > _MAX_EXPANSION:
            raise ValueError(word)
    return results


def check_word(word: str, fail: Fail, entry: Entry, normaliser: Normaliser | None = None) -> None:
    """Reject a word that normalises to nothing or holds clause punctuation."""
    key = (normaliser or _PLAIN).word_key(word)
    if SEPARATOR in key or any(c in BARRIERS for c in key):
        raise fail(entry, "risk.problem.barrier_word", word=word)
    if not key:
        raise fail(entry, "risk.problem.empty_word", word=word)
