"""What the risky-wording checker reports: categories, severities, advice and findings."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from desktop.core.i18n import normalise_locale

CATEGORIES = ("promise", "extreme", "contact", "platform", "link")
SEVERITIES = ("block", "warn")  # block = must fix before sending, warn = think twice
PLATFORMS = ("taobao", "tmall", "jd", "pdd", "douyin", "other")

# Platforms that share one chat system and one set of rules count as one family.
PLATFORM_FAMILY = {"taobao": "taobao", "tmall": "taobao", "jd": "jd", "pdd": "pdd", "douyin": "douyin"}


def platform_family(platform: str) -> str | None:
    """The family of a home platform (``tmall`` -> ``taobao``); ``None`` for ``other``."""
    return PLATFORM_FAMILY.get(platform)


@dataclass(frozen=True)
class Advice:
    """What to do about a finding, in both languages the project speaks."""

    zh_CN: str
    en: str

    def for_locale(self, locale: str) -> str:
        return self.en if normalise_locale(locale) == "en" else self.zh_CN


@dataclass(frozen=True)
class Finding:
    """One risky span of a checked text.

    ``start``/``end`` are Python string offsets into the text exactly as it was given, so
    ``text[start:end] == match`` always holds, whatever normalisation the matching used.
    """

    category: str
    severity: str
    start: int
    end: int
    match: str
    rule: str
    advice: Advice
    suggest: str | None = None  # code of a safe phrase in the shop's pack to use instead

    @property
    def blocking(self) -> bool:
        return self.severity == "block"

    def advice_for(self, locale: str) -> str:
        return self.advice.for_locale(locale)

    def to_json(self, locale: str) -> dict[str, object]:
        """The object ``quickreply check --json`` prints for this finding."""
        data: dict[str, object] = {
            "category": self.category,
            "severity": self.severity,
            "start": self.start,
            "end": self.end,
            "match": self.match,
            "rule": self.rule,
            "advice": self.advice_for(locale),
        }
        if self.suggest:
            data["suggest"] = self.suggest
        return data


@dataclass(frozen=True)
class FindingGroup:
    """Findings of one rule on the same words, shown once with how often they occur.

    ``first`` is the earliest finding; ``starts`` holds the start offset of every occurrence, in order.
    """

    first: Finding
    starts: tuple[int, ...]

    @property
    def count(self) -> int:
        return len(self.starts)


def group_findings(findings: Iterable[Finding]) -> list[FindingGroup]:
    """Findings grouped by severity, category, rule and matched words (case ignored).

    Groups that must be fixed come first, then by where they first occur.
    """
    groups: dict[tuple[str, str, str, str], list[Finding]] = {}
    for f in sorted(findings, key=lambda f: (f.start, f.end)):
        groups.setdefault((f.severity, f.category, f.rule, f.match.casefold()), []).append(f)
    out = [FindingGroup(same[0], tuple(f.start for f in same)) for same in groups.values()]
    out.sort(key=lambda g: (not g.first.blocking, g.first.start))
    return out
