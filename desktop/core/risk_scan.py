"""The steps of a check that need no checker state: word boundaries, negation, URL hosts, merging."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import replace
from typing import NamedTuple

from desktop.core.risk_model import CATEGORIES, Finding
from desktop.core.risk_normalise import BARRIERS, NormalisedText
from desktop.core.risk_rules import NegationSpec

CATEGORY_ORDER = {c: i for i, c in enumerate(CATEGORIES)}
_AS_L = str.maketrans("013458", "oleasb")  # digits used as letters in look-alike domains
_AS_I = str.maketrans("013458", "oieasb")


def _ascii_class(ch: str) -> int:
    """1 for an ASCII letter, 2 for an ASCII digit, 0 otherwise (word boundaries for English)."""
    if "a" <= ch <= "z":
        return 1
    if "0" <= ch <= "9":
        return 2
    return 0


class Piece(NamedTuple):
    """A word or identifier found in a text, in dense and original offsets."""

    ds: int
    de: int
    start: int
    end: int
    redacted: bool = False


def boundary_ok(norm: NormalisedText, ds: int, de: int) -> bool:
    """English words match whole words only: "best" is not in "bestow", "wx" not in "wxyz"."""
    dense, full, dfull = norm.dense, norm.full, norm.dense_full
    first = _ascii_class(dense[ds])
    if first:
        fi = dfull[ds]
        if fi > 0 and _ascii_class(full[fi - 1]) == first:
            return False
    last = _ascii_class(dense[de - 1])
    if last:
        fi = dfull[de - 1]
        if fi + 1 < len(full) and _ascii_class(full[fi + 1]) == last:
            return False
    return True


def negated(norm: NormalisedText, ds: int, de: int, negation: Sequence[NegationSpec]) -> bool:
    """Whether a negation, imperative or question word sits within the group's gap before (or
    after) dense[ds:de], with no clause punctuation in between."""
    dense = norm.dense
    for group in negation:
        if group.before:
            lo = max(0, ds - group.gap - group.longest_before)
            window = dense[lo:ds]
            window = window[max(window.rfind(b) for b in BARRIERS) + 1 :]
            offset = ds - len(window)
            for neg in group.before:
                idx = window.rfind(neg)
                while idx >= 0 and len(window) - idx - len(neg) <= group.gap:
                    if starts_word(norm, offset + idx):
                        return True
                    idx = window.rfind(neg, 0, idx + len(neg) - 1)
        if group.after:
            window = dense[de : de + group.gap + group.longest_after]
            cut = min((i for i in (window.find(b) for b in BARRIERS) if i >= 0), default=len(window))
            for neg in group.after:
                idx = window.find(neg)
                if 0 <= idx <= group.gap and idx <= cut:
                    return True
    return False


def starts_word(norm: NormalisedText, ds: int) -> bool:
    """An English negator must start a word ("not" yes, the end of "knot" no)."""
    if not _ascii_class(norm.dense[ds]):
        return True
    fi = norm.dense_full[ds]
    return fi <= 0 or _ascii_class(norm.full[fi - 1]) != 1


def host_matches(
    which: str,
    host: str | None,
    official: Sequence[str],
    foreign: Sequence[str],
    platforms: Sequence[str],
    brands: Sequence[str],
) -> bool:
    """Whether a URL's host passes a rule's host filter: ``not_official``, ``foreign_platform``
    (another platform's domain) or ``lookalike`` (a brand inside a domain of no platform)."""
    if not host:
        return False
    host = host.lower().strip(".")

    def under(domains: Iterable[str]) -> bool:
        return any(host == d or host.endswith("." + d) for d in domains)

    if under(official):
        return False
    if which == "not_official":
        return True
    if which == "foreign_platform":
        return under(foreign)
    # lookalike: a brand name inside a host that belongs to no platform, also when spelled
    # with dashes or digits for letters (tao-bao.xyz, a1ipay.top)
    if under(platforms):
        return False
    squashed = host.replace("-", "").replace(".", "")
    spellings = (host, squashed.translate(_AS_L), squashed.translate(_AS_I))
    return any(b in s for b in brands for s in spellings)


def dedupe(text: str, found: list[Finding]) -> list[Finding]:
    """Overlapping findings of one category become one: their union span, led by the most
    severe (then longest) of them, so "加我V❤：wx1 2 3 4 5" is one highlighted contact finding."""
    by_category: dict[str, list[Finding]] = {}
    for f in found:
        by_category.setdefault(f.category, []).append(f)
    result: list[Finding] = []
    for items in by_category.values():
        items.sort(key=lambda f: (f.start, -f.end))
        cluster = [items[0]]
        end = items[0].end
        for f in items[1:]:
            if f.start < end:
                cluster.append(f)
                end = max(end, f.end)
                continue
            result.append(merge(text, cluster))
            cluster, end = [f], f.end
        result.append(merge(text, cluster))
    result.sort(key=lambda f: (f.start, f.end, CATEGORY_ORDER[f.category]))
    return result


def merge(text: str, cluster: list[Finding]) -> Finding:
    if len(cluster) == 1:
        return cluster[0]
    lead = min(cluster, key=lambda f: (f.severity != "block", -(f.end - f.start), f.start))
    start = min(f.start for f in cluster)
    end = max(f.end for f in cluster)
    return replace(lead, start=start, end=end, match=text[start:end])
