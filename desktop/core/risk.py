"""The risky-wording checker: compiles the rule book once, then checks texts in well under 1 ms."""

from __future__ import annotations

import logging
import re
from bisect import bisect_left, bisect_right
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from desktop.core.i18n import normalise_locale
from desktop.core.risk_contact import Identifier, digits_of, find_identifiers
from desktop.core.risk_loader import load_rules
from desktop.core.risk_model import (
    CATEGORIES,
    PLATFORMS,
    SEVERITIES,
    Finding,
    FindingGroup,
    group_findings,
    platform_family,
)
from desktop.core.risk_normalise import BARRIERS, NormalisedText, Normaliser
from desktop.core.risk_rules import (
    Entry,
    RiskRuleError,
    RuleBook,
    RuleSpec,
    UnknownPlatform,
    check_word,
    expand_word,
)
from desktop.core.risk_scan import Piece, boundary_ok, dedupe, host_matches, negated
from desktop.core.risk_trie import WordTrie

__all__ = [
    "FindingGroup",
    "RiskChecker",
    "build_checker",
    "checker_for_settings",
    "group_findings",
]

log = logging.getLogger(__name__)
_Spans = list[tuple[int, int]]  # original offsets
_Lazy = Callable[[], list[Identifier]]  # identifiers of the text, read on first use

ALLOW = 0  # trie tag of allow-list words
_DOMAIN_RE = re.compile(r"^(?:[a-z0-9-]+\.)+[a-z]{2,}$")


@dataclass(frozen=True)
class _Compiled:
    spec: RuleSpec
    tag: int = -1  # words rules: trie tag; near rules: tag of the first group
    then_tag: int = -1
    ids: tuple[str, ...] = ()  # identifier kinds among the words / first group
    then_ids: tuple[str, ...] = ()
    suggest: str | None = None
    requires: re.Pattern[str] | None = None  # pattern rules: a quick test for texts worth scanning


class RiskChecker:
    """Finds promises, extreme words, off-platform contact, other platforms and links.

    ``platform`` is the shop's home platform; ``locale`` picks which pack's safe phrase codes are
    suggested; ``allow`` adds allow-list words; ``official_channels`` are the shop's own hotlines,
    accounts or domains; ``extra_words`` are (word, category, severity) added by staff.
    """

    def __init__(
        self,
        rules: RuleBook,
        platform: str = "taobao",
        *,
        locale: str = "zh_CN",
        allow: Iterable[str] = (),
        official_channels: Iterable[str] = (),
        official_domains: Iterable[str] = (),
        extra_words: Iterable[tuple[str, str, str]] = (),
        max_gap: int = 3,
    ) -> None:
        if platform not in PLATFORMS:
            raise UnknownPlatform(platform=platform, allowed=", ".join(PLATFORMS))
        self.platform = platform
        self.locale = normalise_locale(locale)
        self._book = rules
        self._family = platform_family(platform)
        self._norm = Normaliser(rules.t2s, max_gap)
        self._trie = WordTrie()
        self._next_tag = ALLOW + 1
        self._words_rules: list[_Compiled] = []
        self._near_rules: list[_Compiled] = []
        self._pattern_rules: list[_Compiled] = []
        self.rules_by_id: dict[str, RuleSpec] = {}
        self._official_digits: set[str] = set()
        self._official_domains = [d.lower().strip(".") for d in official_domains]
        self._setup_domains()
        self._compile_allow(allow, official_channels)
        for spec in rules.rules:
            if self._applies(spec.only_home, spec.unless_home):
                self._compile_rule(spec)
        self._compile_extra(extra_words)
        self._official = frozenset(self._official_digits)
        self._words_by_tag = {rule.tag: rule for rule in self._words_rules}
        self._words_id_rules = [rule for rule in self._words_rules if rule.ids]

    # ----- compiling -------------------------------------------------------------------------

    def _applies(self, only: Sequence[str], unless: Sequence[str]) -> bool:
        if only and self._family not in only:
            return False
        return not (unless and self._family in unless)

    def _tag(self) -> int:
        self._next_tag += 1
        return self._next_tag - 1

    def _setup_domains(self) -> None:
        home: list[str] = []
        foreign: list[str] = []
        for family, domains in self._book.domains.items():
            (home if family == self._family else foreign).extend(domains)
        self._official_domains.extend(home)
        self._foreign_domains = foreign
        self._all_platform_domains = home + foreign

    def _compile_allow(self, allow: Iterable[str], official_channels: Iterable[str]) -> None:
        for entry in self._book.allow:
            if not entry.platforms or self._family in entry.platforms:
                for word in entry.words:
                    self._add_word(word, ALLOW)
        for word in allow:
            # an allow word that can never match (only punctuation) is skipped, not fatal: the
            # settings field is free text, and a bad line must not switch the checker off
            try:
                self._add_user_word(word, ALLOW)
            except RiskRuleError:
                log.warning("allow word %r can never match; ignored", word)
        for channel in official_channels:
            channel = channel.strip()
            if not channel:
                continue
            digits = digits_of(channel)
            if len(digits) >= 5:
                self._official_digits.add(digits)
            elif _DOMAIN_RE.match(channel.lower()):
                self._official_domains.append(channel.lower())
            if self._norm.word_key(channel) and not any(c in BARRIERS for c in self._norm.word_key(channel)):
                self._add_word(channel, ALLOW)

    def _add_word(self, word: str, tag: int) -> None:
        key = self._norm.word_key(word)
        if key:
            self._trie.add(key, tag)

    def _add_user_word(self, word: str, tag: int) -> None:
        """A word typed by staff: validated like a rule file word, named in the error."""

        def fail(entry: Entry, problem: str, **params: object) -> RiskRuleError:
            return RiskRuleError("settings", ("extra", word), problem, **params)

        try:
            expanded = expand_word(word)
        except ValueError:
            raise fail(("extra", word), "risk.problem.expansion", word=word) from None
        for w in expanded:
            check_word(w, fail, ("extra", word), self._norm)
            self._add_word(w, tag)

    def _resolve(self, words: Iterable[str], tag: int) -> tuple[str, ...]:
        """Add a group's words to the trie under ``tag``; return its identifier kinds."""
        ids = []
        for word in words:
            if word.startswith("#"):
                ids.append(word)
            elif word in ("@foreign", "@home"):
                for family, fam_words in self._book.families.items():
                    if (family == self._family) == (word == "@home"):
                        for w in fam_words:
                            self._add_word(w, tag)
            else:
                self._add_word(word, tag)
        return tuple(ids)

    def _compile_rule(self, spec: RuleSpec) -> None:
        self.rules_by_id[spec.id] = spec
        suggest = spec.suggest.get(normalise_locale(self.locale))
        if spec.near is not None:
            first, then = self._tag(), self._tag()
            ids = self._resolve(spec.near.first, first)
            then_ids = self._resolve(spec.near.then, then)
            self._near_rules.append(_Compiled(spec, first, then, ids, then_ids, suggest))
        elif spec.patterns:
            requires = re.compile("|".join(map(re.escape, spec.requires))) if spec.requires else None
            self._pattern_rules.append(_Compiled(spec, suggest=suggest, requires=requires))
        else:
            tag = self._tag()
            ids = self._resolve(spec.words, tag)
            self._words_rules.append(_Compiled(spec, tag, ids=ids, suggest=suggest))

    def _compile_extra(self, extra_words: Iterable[tuple[str, str, str]]) -> None:
        for word, category, severity in extra_words:
            if category not in CATEGORIES or severity not in SEVERITIES:
                problem = "risk.problem.category" if category not in CATEGORIES else "risk.problem.severity"
                value = category if category not in CATEGORIES else severity
                raise RiskRuleError(
                    "settings", ("extra", word), problem, value=value, allowed=", ".join(CATEGORIES)
                )
            advice = self._book.category_advice.get(category)
            if advice is None:
                continue
            spec = RuleSpec(
                file="settings",
                number=0,
                id=f"custom-{category}",
                category=category,
                severity=severity,
                advice=advice,
                negation=self._book.negation.get(category, ()),
            )
            tag = self._tag()
            self._add_user_word(word, tag)
            self.rules_by_id.setdefault(spec.id, spec)
            self._words_rules.append(_Compiled(spec, tag))

    # ----- checking --------------------------------------------------------------------------

    def check(self, text: str) -> list[Finding]:
        """Findings in ``text``, sorted by start. Never raises: a failure is logged, not shown."""
        try:
            return self.scan(text)
        except Exception:  # a checker must never break typing or pasting
            log.exception(
                "risk check failed on a text of %d characters", len(text) if isinstance(text, str) else -1
            )
            return []

    def scan(self, text: str) -> list[Finding]:
        """Like :meth:`check`, but lets an internal error through (for tests)."""
        if not isinstance(text, str) or not text:
            return []
        norm = self._norm.normalise(text)
        pieces, allow_spans = self._words(norm)
        found: list[Finding] = []
        ids: list[Identifier] | None = None

        def identifiers() -> list[Identifier]:
            nonlocal ids
            if ids is None:
                ids = find_identifiers(norm, self._official)
            return ids

        words_by_tag = self._words_by_tag
        for tag, tag_pieces in pieces.items():
            rule = words_by_tag.get(tag)
            if rule is not None:
                for p in tag_pieces:
                    if not negated(norm, p.ds, p.de, rule.spec.negation):
                        found.append(self._finding(text, rule, p.start, p.end))
        for rule in self._words_id_rules:
            for p in self._id_pieces(norm, identifiers, rule.ids, allow_spans):
                found.append(self._finding(text, rule, p.start, p.end, p.redacted))
        for rule in self._near_rules:
            # most texts hold neither group: skip without a call
            if (rule.tag in pieces or rule.ids) and (rule.then_tag in pieces or rule.then_ids):
                found.extend(self._near(text, norm, rule, pieces, identifiers, allow_spans))
        seen: dict[re.Pattern[str], list[re.Match[str]]] = {}
        full = norm.full
        for rule in self._pattern_rules:
            if rule.requires is None or rule.requires.search(full):
                found.extend(self._patterns(text, norm, rule, allow_spans, seen))
        return dedupe(text, found)

    def _words(self, norm: NormalisedText) -> tuple[dict[int, list[Piece]], list[tuple[int, int]]]:
        """Trie matches, minus those cut by a word boundary, a mask, a longer word or an allow span."""
        full = norm.full
        masks = [
            norm.full_span(m.start(), m.end())
            for p in self._book.mask_patterns
            for m in p.finditer(full)
            if m.end() > m.start()
        ]
        allow_spans = [
            norm.full_span(m.start(), m.end())
            for p in self._book.allow_patterns
            for m in p.finditer(full)
            if m.end() > m.start()
        ]
        raw = []
        for ds, de, tags in self._trie.find_all(norm.dense, full, norm.dense_full):
            span = norm.dense_span(ds, de)
            if span is None or not boundary_ok(norm, ds, de):
                continue
            if masks and any(s <= span[0] and span[1] <= e for s, e in masks):
                continue
            raw.append((ds, de, span, tags))
        # the longest word wins: 保证金 hides 保证, 手机淘宝 hides 手机
        raw.sort(key=lambda r: (r[0], -r[1]))
        kept = []
        reach = -1
        for r in raw:
            if r[1] <= reach:
                continue
            kept.append(r)
            reach = max(reach, r[1])
        allow_spans.extend(r[2] for r in kept if ALLOW in r[3])
        pieces: dict[int, list[Piece]] = {}
        for ds, de, (start, end), tags in kept:
            if ALLOW in tags or any(s <= start and end <= e for s, e in allow_spans):
                continue
            piece = Piece(ds, de, start, end)
            for tag in tags:
                pieces.setdefault(tag, []).append(piece)
        return pieces, allow_spans

    def _id_pieces(
        self, norm: NormalisedText, identifiers: _Lazy, kinds: tuple[str, ...], allow_spans: _Spans
    ) -> list[Piece]:
        out = []
        for ident in identifiers():
            if any(ident.matches(k) for k in kinds):
                start, end = norm.full_span(ident.start, ident.end)
                if any(s <= start and end <= e for s, e in allow_spans):
                    continue
                ftd = norm.full_to_dense
                out.append(Piece(ftd(ident.start), ftd(ident.end), start, end, ident.redacted))
        return out

    def _near(
        self,
        text: str,
        norm: NormalisedText,
        rule: _Compiled,
        pieces: dict[int, list[Piece]],
        identifiers: _Lazy,
        allow_spans: _Spans,
    ) -> list[Finding]:
        firsts = pieces.get(rule.tag, [])
        thens = pieces.get(rule.then_tag, [])
        if not firsts and not rule.ids or not thens and not rule.then_ids:
            return []
        if rule.ids:
            firsts = firsts + self._id_pieces(norm, identifiers, rule.ids, allow_spans)
        if rule.then_ids:
            if not firsts:
                return []
            thens = thens + self._id_pieces(norm, identifiers, rule.then_ids, allow_spans)
        near = rule.spec.near
        assert near is not None
        out = []
        used_then: set[Piece] = set()
        # only the pieces that can be close enough are looked at, so a long text stays linear
        if not firsts or not thens:
            return []
        thens = sorted(thens)
        then_starts = [b.ds for b in thens]
        reach_back = near.gap + max(b.de - b.ds for b in thens) if near.order == "any" else 0
        for a in firsts:
            best = None
            lo = bisect_left(then_starts, a.ds - reach_back)
            hi = bisect_right(then_starts, a.de + near.gap)
            for b in thens[lo:hi]:
                if b is a or b in used_then:
                    continue
                if b.ds >= a.ds:
                    gap = b.ds - a.de
                elif near.order == "any":
                    gap = a.ds - b.de
                else:
                    continue
                if gap <= near.gap and (best is None or gap < best[0]):
                    best = (gap, b)
            if best is None:
                continue
            b = best[1]
            ds, de = min(a.ds, b.ds), max(a.de, b.de)
            if negated(norm, ds, de, rule.spec.negation):
                continue
            used_then.add(b)
            out.append(
                self._finding(text, rule, min(a.start, b.start), max(a.end, b.end), a.redacted or b.redacted)
            )
        return out

    def _patterns(
        self,
        text: str,
        norm: NormalisedText,
        rule: _Compiled,
        allow_spans: _Spans,
        seen: dict[re.Pattern[str], list[re.Match[str]]],
    ) -> list[Finding]:
        full = norm.full
        out = []
        for pattern in rule.spec.patterns:
            matches = seen.get(pattern)
            if matches is None:  # link rules share their URL pattern: scan once per text
                matches = seen[pattern] = [m for m in pattern.finditer(full) if m.end() > m.start()]
            for m in matches:
                if rule.spec.host and not self._host_ok(rule.spec.host, m.group("host")):
                    continue
                start, end = norm.full_span(m.start(), m.end())
                if any(s <= start and end <= e for s, e in allow_spans):
                    continue
                ftd = norm.full_to_dense
                if negated(norm, ftd(m.start()), ftd(m.end()), rule.spec.negation):
                    continue
                out.append(self._finding(text, rule, start, end))
        return out

    def _host_ok(self, which: str, host: str | None) -> bool:
        return host_matches(
            which,
            host,
            self._official_domains,
            self._foreign_domains,
            self._all_platform_domains,
            self._book.brands,
        )

    def _finding(self, text: str, rule: _Compiled, start: int, end: int, redacted: bool = False) -> Finding:
        spec = rule.spec
        # a redacted value ([电话x]) cannot be judged, so it is never more than a warning
        severity = "warn" if redacted else spec.severity
        return Finding(
            spec.category, severity, start, end, text[start:end], spec.id, spec.advice, rule.suggest
        )


def build_checker(rule_dir: Path | str, platform: str = "taobao", **options: Any) -> RiskChecker:
    """Load ``rule_dir`` and compile a checker (see :class:`RiskChecker` for the options)."""
    return RiskChecker(load_rules(rule_dir), platform, **options)


def checker_for_settings(settings: Any, rule_dir: Path | str) -> RiskChecker:
    """The checker a shop's settings ask for, with the rules in ``rule_dir``.

    It honours the platform, locale, official channels and domains, and the staff's own risk and
    allow words. Callers outside the core pass the bundled folder (``desktop.resources.risk_rules_dir``).
    """
    extra = [
        (w.get("word", ""), w.get("category", ""), w.get("severity", ""))
        for w in getattr(settings, "risk_extra_words", [])
        if w.get("word")
    ]
    return build_checker(
        rule_dir,
        getattr(settings, "platform", "taobao") or "taobao",
        locale=getattr(settings, "locale", "") or "zh_CN",
        allow=getattr(settings, "risk_allow_words", []),
        official_channels=getattr(settings, "official_channels", []),
        official_domains=getattr(settings, "official_domains", []),
        extra_words=extra,
    )
