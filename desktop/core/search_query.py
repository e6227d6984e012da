"""A search query taken apart: its terms, their pinyin and typo patterns, and per-phrase matching."""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field

from desktop.core.model import CODE_RE
from desktop.core.pinyin import fold, has_han, to_simplified
from desktop.core.search_entry import Entry, Fields
from desktop.core.search_rank import Tier

MAX_QUERY = 256  # characters of a query that count; a reply title is at most 60
MAX_TERMS = 16
MAX_PINYIN_RUN = 40  # longer latin runs are matched literally only
MAX_TYPO_RUN = 32
ALNUM = frozenset("abcdefghijklmnopqrstuvwxyz0123456789")
_ANY = "[a-z0-9]"  # what a typo may put in place of a character
# In a readings haystack: the rest of this character's block, then the start of some reading
# of the next character.
_JUMP_TO = "[^'\\n]*+'[^'\\n]*?,"


def clean_query(raw: str, simplify: Callable[[str], str] = to_simplified) -> str:
    """Printable characters only (control characters, lone surrogates… become spaces), folded,
    simplified, cut to ``MAX_QUERY``."""
    text = raw[: MAX_QUERY * 2]
    if not text.isprintable():
        text = "".join(c if c.isprintable() else " " for c in text)
    text = fold(text)
    if has_han(text):
        text = simplify(text)
    return text[:MAX_QUERY]


def pinyin_pattern(run: str) -> str:
    """A regex over readings haystacks (``',hai,huan',kuan``) for a latin run.

    The run is cut into pieces, each a non-empty prefix of one reading of consecutive
    characters: full pinyin (``huankuan``), initials (``hk``), partial (``huank``) and every
    mix. Each letter either continues the current reading or, after a jump over the rest of
    this character's block, starts a reading of the next character. The pattern starts with
    the literal ``,`` + first letter, which the regex engine scans for at C speed; trying
    "continue" before "jump" is the faster order for typed pinyin (measured).
    """
    return "," + run[0] + "".join(f"(?:{ch}|{_JUMP_TO}{ch})" for ch in run[1:])


Trie = dict[str, "Trie"]


def _trie_regex(alternatives: set[tuple[str, ...]]) -> str:
    """One regex for many token sequences, sharing their common prefixes."""
    trie: Trie = {}
    for alt in alternatives:
        node = trie
        for tok in alt:
            node = node.setdefault(tok, {})
        node[""] = {}

    def emit(node: Trie) -> str:
        if "" in node:
            return ""  # a shorter alternative ends here, and finding one match is enough
        branches = [(tok if tok == _ANY else re.escape(tok)) + emit(node[tok]) for tok in sorted(node)]
        return branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"

    return emit(trie)


def typo_patterns(run: str) -> tuple[list[str], str]:
    """What together matches text one edit away from ``run`` (3+ letters): (literals, regex).

    The edits: a letter dropped, added, changed, or two neighbours swapped. They are grouped
    by how a match starts, so that the regex begins with a two-letter literal (the regex engine
    only scans fast for a literal start) and the rest are plain strings for ``str.find``:
    the regex covers edits after the second letter (``q0 q1 …``) and a wrong second letter
    (``q0 ? q2 …``); the literals are the second letter dropped or swapped (``q0 q2 …``,
    ``q0 q2 q1 …``) and the first letter extra, wrong or swapped (``q1 q2 …``, ``q1 q0 …``).
    A letter added after the first is covered by ``q1 q2 …``.
    """
    q = tuple(run)
    n = len(q)
    tail: set[tuple[str, ...]] = set()
    for i in range(2, n):
        tail.add(q[:i] + q[i + 1:])  # an extra letter in the query
        tail.add(q[:i] + (_ANY,) + q[i + 1:])  # a wrong letter
        tail.add(q[:i] + (_ANY,) + q[i:])  # a missing letter
        if i + 1 < n:
            tail.add(q[:i] + (q[i + 1], q[i]) + q[i + 2:])  # two letters swapped
    regex = "(?:" + _trie_regex(tail) + "|" + re.escape(run[0]) + _ANY + re.escape(run[2:]) + ")"
    literals = [run[0] + run[2:], run[0] + run[2] + run[1] + run[3:], run[1:], run[1] + run[0] + run[2:]]
    return list(dict.fromkeys(literals)), regex


def split_units(term: str) -> tuple[str, ...]:
    """Chinese characters and latin runs of a term; other characters are dropped (xi'an → xian)."""
    units: list[str] = []
    run: list[str] = []
    for c in term:
        if c in ALNUM:
            run.append(c)
        elif has_han(c):
            if run:
                units.append("".join(run))
                run = []
            units.append(c)
    if run:
        units.append("".join(run))
    return tuple(units)


def _is_run(unit: str) -> bool:
    return unit[0] in ALNUM


def mixed_pattern(units: tuple[str, ...]) -> str:
    """A regex over ``mixed_haystack`` strings (``'退,tui'货,huo``) for Chinese characters and
    latin runs together: a character matches its own block, a run is cut into reading prefixes
    of the blocks that follow, as in ``pinyin_pattern``. Matches start at a block's ``'``."""
    out = []
    for k, unit in enumerate(units):
        finish = "" if k == 0 else "[^'\n]*+"  # the rest of the previous block
        if _is_run(unit):
            out.append(finish + "'[^'\n]*?," + unit[0])
            out.extend(f"(?:{ch}|{_JUMP_TO}{ch})" for ch in unit[1:])
        else:
            out.append(finish + "'" + re.escape(unit))
    return "".join(out)


@dataclass
class Term:
    """One space-separated part of a query (or all parts run together)."""

    literal: str
    codeish: bool = False
    units: tuple[str, ...] = ()
    latin: str | None = None  # the term is one latin run (pinyin, initials, an English word, a code)
    mixed: bool = False  # Chinese characters and latin letters together
    han_anchor: str = ""  # the longest run of Chinese characters, to find candidates fast
    flat: tuple[str, ...] = ()  # units spelled one character each (for text initials)
    typo_on: bool = False
    scenarios: frozenset[str] = field(default_factory=frozenset)
    _pinyin: re.Pattern[str] | None = None
    _mixed: re.Pattern[str] | None = None
    _typo: tuple[list[str], re.Pattern[str] | None] | None = None

    @classmethod
    def parse(cls, literal: str, typo_min_length: int) -> Term:
        t = cls(literal=literal, codeish=bool(CODE_RE.match(literal)))
        t.units = split_units(literal)
        runs = [u for u in t.units if _is_run(u)]
        hans = [u for u in t.units if not _is_run(u)]
        if len(t.units) == 1 and runs:
            t.latin = runs[0]
            t.typo_on = max(3, typo_min_length) <= len(t.latin) <= MAX_TYPO_RUN
        elif runs and hans:
            t.mixed = True
            t.flat = tuple(c for u in t.units for c in u)
            segments = re.findall("[^a-z0-9]+", "".join(t.units))
            t.han_anchor = max(segments, key=len)
        return t

    @property
    def pinyin(self) -> re.Pattern[str] | None:
        """The pinyin regex of a latin term, compiled on first use (~0.1 ms a letter)."""
        if self._pinyin is None and self.latin is not None and len(self.latin) <= MAX_PINYIN_RUN:
            self._pinyin = re.compile(pinyin_pattern(self.latin))
        return self._pinyin

    @property
    def mixed_re(self) -> re.Pattern[str]:
        if self._mixed is None:
            self._mixed = re.compile(mixed_pattern(self.units))
        return self._mixed

    def mixed_match(self, haystack: str) -> int:
        """0: no match, 1: from some character, 2: from the first (``mixed_haystack`` form)."""
        m = self.mixed_re.search(haystack)
        return 0 if m is None else (2 if m.start() == 0 else 1)

    @property
    def typo(self) -> tuple[list[str], re.Pattern[str] | None]:
        """The typo literals and regex, made only when a search gets down to the typo tier."""
        if self._typo is None:
            run = self.latin if self.typo_on else None
            if run:
                literals, regex = typo_patterns(run)
                self._typo = (literals, re.compile(regex))
            else:
                self._typo = ([], None)
        return self._typo

    def typo_match(self, haystack: str) -> bool:
        literals, regex = self.typo
        if any(lit in haystack for lit in literals):
            return True
        return regex is not None and regex.search(haystack) is not None

    # -- matching one phrase ---------------------------------------------------------------------

    def title_pinyin(self, f: Fields) -> int:
        pattern = self.pinyin
        if pattern is not None:
            m = pattern.search(f.title_py)
            if m is None:
                return 0
            # The leftmost match starts in the first character's block iff any match does.
            return 2 if f.title_py.find("'", 1, m.start()) == -1 else 1
        if self.mixed and self.han_anchor in f.title:
            return self.mixed_match(f.title_mix)
        return 0

    def tag(self, f: Fields) -> bool:
        if self.literal in f.tags:
            return True
        pattern = self.pinyin
        if pattern is not None:
            return pattern.search(f.tags_py) is not None
        if self.mixed and self.han_anchor in f.tags:
            return self.mixed_match(f.tags_mix) > 0
        return False

    def text_pinyin(self, f: Fields) -> bool:
        if self.latin is not None:
            return self.latin in f.initials_flat
        if self.mixed:
            return text_initials_match(self.flat, self.han_anchor, f.text_han, f.initials_han)
        return False

    def tier(self, e: Entry, code_only: bool = False, typo: bool = True) -> Tier | None:
        """The best tier this term reaches on one phrase (None: no match)."""
        lit = self.literal
        code = e.phrase.code
        if self.codeish and code == lit:
            return Tier.CODE
        if code_only:
            return Tier.CODE_PREFIX if self.codeish and code.startswith(lit) else None
        f = e.f
        if f.title.startswith(lit):
            return Tier.TITLE_PREFIX
        if lit in f.title:
            return Tier.TITLE
        if self.codeish and code.startswith(lit):
            return Tier.CODE_PREFIX
        found = self.title_pinyin(f)
        if found:
            return Tier.TITLE_PINYIN_PREFIX if found == 2 else Tier.TITLE_PINYIN
        if self.tag(f):
            return Tier.TAG
        if lit in f.text:
            return Tier.TEXT
        if self.text_pinyin(f):
            return Tier.TEXT_PINYIN
        if e.phrase.scenario in self.scenarios:
            return Tier.SCENARIO
        if typo and self.typo_on and self.typo_match(f.typo):
            return Tier.TYPO
        return None


def text_initials_match(flat: tuple[str, ...], anchor: str, text: str, initials: str) -> bool:
    """Chinese characters and initials mixed (退货yf) against a text's Chinese characters and
    their initials (same length: initial k is the k-th character's; other characters are left
    out, so a match may span punctuation or latin words between them)."""
    offset = "".join(flat).find(anchor)
    size = len(flat)
    pos = text.find(anchor)
    while pos != -1:
        start = pos - offset
        if start >= 0 and start + size <= len(text):
            for j, c in enumerate(flat):
                if c in ALNUM:
                    k = start + j
                    if k >= len(initials) or initials[k] != c:
                        break
                elif text[start + j] != c:
                    break
            else:
                return True
        pos = text.find(anchor, pos + 1)
    return False


@dataclass
class Query:
    """A cleaned query: its terms, and the terms run together when there are several."""

    text: str  # cleaned, as compared between keystrokes
    terms: list[Term]
    joined: Term | None = None  # tuihuo yunfei → tuihuoyunfei
    code_only: bool = False  # /code

    @classmethod
    def parse(cls, raw: str, typo_min_length: int = 4,
              simplify: Callable[[str], str] = to_simplified) -> Query | None:
        text = clean_query(raw, simplify)
        stripped = text.strip()
        code_only = stripped.startswith("/")
        if code_only:
            stripped = stripped[1:]
        words = list(dict.fromkeys(stripped.split()))[:MAX_TERMS]
        if not words:
            return None
        terms = [Term.parse(w, typo_min_length) for w in words]
        joined = Term.parse("".join(words), typo_min_length) if len(words) > 1 else None
        return cls(text=text, terms=terms, joined=joined, code_only=code_only)

    @property
    def typo_on(self) -> bool:
        return any(t.typo_on for t in self.all_terms())

    def typo_shape(self) -> tuple[bool, ...]:
        """Which terms forgive a typo; while it stays the same, typing on only narrows typos."""
        return tuple(t.typo_on for t in self.all_terms())

    def all_terms(self) -> list[Term]:
        return [*self.terms, self.joined] if self.joined else list(self.terms)

    def tier(self, e: Entry, rank: dict[Tier, int], typo: bool = True) -> Tier | None:
        """The tier of one phrase: every term must match, the weakest match counts; or all
        terms run together match."""
        if len(self.terms) == 1:
            return self.terms[0].tier(e, self.code_only, typo)
        multi: Tier | None = None
        for term in self.terms:
            t = term.tier(e, self.code_only, typo)
            if t is None:
                multi = None
                break
            if multi is None or rank[t] > rank[multi]:
                multi = t
        best = multi
        if self.joined is not None:
            j = self.joined.tier(e, self.code_only, typo)
            if j is not None and (best is None or rank[j] < rank[best]):
                best = j
        return best
