"""Fold a text for matching (NFKC, case, traditional->simplified, noise) and map it back to offsets."""

from __future__ import annotations

import re
import unicodedata
from bisect import bisect_left
from collections.abc import Mapping, Sequence

# Clause punctuation (after NFKC) ends a word: "拒绝，对不起" must not read as 绝对. These stay
# in the dense view as themselves, so negation and question checks can see them.
BARRIERS = frozenset(",!?;、。\n\r")
# Dense-view separator put where too much noise sits between two letters.
SEPARATOR = "\n"
# Symbols that carry meaning in disguised contact details; everything else symbolic is noise.
_SIGNIFICANT = {
    "♥": "♥",
    "❤": "♥",
    "♡": "♥",
    "❥": "♥",
    "❣": "♥",
    "💗": "♥",
    "💓": "♥",
    "💕": "♥",
    "💖": "♥",
    "💘": "♥",
    "💙": "♥",
    "💚": "♥",
    "💛": "♥",
    "💜": "♥",
    "🖤": "♥",
    "🧡": "♥",
    "🤍": "♥",
    "🤎": "♥",
    "💝": "♥",
    "💞": "♥",
    "😍": "♥",
    "🐧": "🐧",
    "☎": "☎",
    "☏": "☎",
    "📞": "☎",
    "📱": "☎",
    "📲": "☎",
    "✉": "✉",
    "📧": "✉",
    "📨": "✉",
    "📩": "✉",
    "💌": "✉",
    "+": "+",
    "➕": "+",
    "﹢": "+",
}

# Character classes in the per-character table.
WORD, BARRIER, NOISE, DROP = 0, 1, 2, 3


def _classify(ch: str) -> int:
    if ch in _SIGNIFICANT:
        return WORD
    if ch in BARRIERS:
        return BARRIER
    cat = unicodedata.category(ch)
    if cat[0] in "LN":
        return WORD
    if cat in ("Mn", "Me", "Cf"):
        return DROP  # combining marks, variation selectors, zero-width and bidi controls
    return NOISE  # spaces, punctuation, symbols, emoji, controls, private use, surrogates


class NormalisedText:
    """Two folded views of one text, each with a map back to the original offsets.

    ``full`` keeps punctuation and spaces (for URLs, e-mails, numbers); ``dense`` keeps only word
    characters, clause punctuation and separators (for words written with noise in between).
    A plain slotted class: one is built per check, and a frozen dataclass costs several
    microseconds more to construct.
    """

    __slots__ = (
        "original",
        "full",
        "full_orig",
        "full_end",
        "dense",
        "dense_full",
        "dense_orig",
        "dense_end",
    )

    def __init__(
        self,
        original: str,
        full: str,
        full_orig: Sequence[int],  # original index of each full-view character
        full_end: Sequence[int],  # original end of each full-view character, with marks after it
        dense: str,
        dense_full: Sequence[int],  # full-view index of each dense character (non-decreasing)
        dense_orig: Sequence[int],  # original index of each dense character (-1 for a separator)
        dense_end: Sequence[int],  # original end of each dense character, with marks after it
    ) -> None:
        self.original = original
        self.full = full
        self.full_orig = full_orig
        self.full_end = full_end
        self.dense = dense
        self.dense_full = dense_full
        self.dense_orig = dense_orig
        self.dense_end = dense_end

    def dense_span(self, start: int, end: int) -> tuple[int, int] | None:
        """Original offsets of dense[start:end], or ``None`` if it would cut an original character."""
        do = self.dense_orig
        if start >= end or do[start] < 0 or do[end - 1] < 0:
            return None
        if start > 0 and do[start - 1] == do[start]:
            return None
        if end < len(do) and do[end] == do[end - 1]:
            return None
        return do[start], self.dense_end[end - 1]

    def full_span(self, start: int, end: int) -> tuple[int, int]:
        """Original offsets covering full[start:end], widened to whole original characters."""
        return self.full_orig[start], self.full_end[end - 1]

    def full_to_dense(self, index: int) -> int:
        """How many dense characters come from full-view characters before ``index``."""
        return bisect_left(self.dense_full, index)


class _PlusOne(Sequence[int]):
    """``seq[i] + 1`` without building a list (original ends when every character maps 1:1)."""

    __slots__ = ("_seq",)

    def __init__(self, seq: Sequence[int]) -> None:
        self._seq = seq

    def __len__(self) -> int:
        return len(self._seq)

    def __getitem__(self, i):  # type: ignore[no-untyped-def]
        return self._seq[i] + 1


class Normaliser:
    """Folds text character by character, with a per-instance bounded cache of each character.

    Texts whose characters all fold to exactly one character (nearly all chat text) take a fast
    path of three ``str.translate`` calls; anything else (emoji with variation selectors, ligatures,
    circled numbers) takes the general per-character path.
    """

    CACHE_LIMIT = 20_000

    def __init__(self, t2s: Mapping[str, str], max_gap: int = 3) -> None:
        self._t2s = dict(t2s)
        self.max_gap = max_gap
        self._cache: dict[str, tuple[tuple[str, int], ...]] = {}
        self._fold_table: dict[int, str] = {}  # character -> folded text
        self._noise_chars: set[str] = set()  # simple characters that fold to noise
        self._noise_re: re.Pattern[str] | None = None
        self._noise_count = 0
        self._dense_table: dict[int, str] = {}  # simple character -> folded, or "" for noise
        self._complex: set[str] = set()  # characters folding to zero or several characters
        for code in range(128):
            self._fold(chr(code))

    def _fold(self, ch: str) -> tuple[tuple[str, int], ...]:
        cached = self._cache.get(ch)
        if cached is not None:
            return cached
        if "\ud800" <= ch <= "\udfff":
            result: tuple[tuple[str, int], ...] = ((ch, NOISE),)
        else:
            folded = _SIGNIFICANT[ch] if ch in _SIGNIFICANT else unicodedata.normalize("NFKC", ch).casefold()
            parts = []
            for c in folded:
                c = _SIGNIFICANT.get(c, c)
                c = self._t2s.get(c, c)
                parts.append((c, _classify(c)))
            result = tuple(parts)
        if len(self._cache) < self.CACHE_LIMIT:
            self._cache[ch] = result
            code = ord(ch)
            self._fold_table[code] = "".join(c for c, kind in result if kind != DROP)
            if len(result) == 1 and result[0][1] != DROP:
                c, kind = result[0]
                self._dense_table[code] = "" if kind == NOISE else c
                if kind == NOISE:
                    self._noise_chars.add(ch)
            else:
                self._complex.add(ch)
        return result

    def normalise(self, text: str) -> NormalisedText:
        chars = set(text)
        new = chars.difference(self._cache)  # set - dict: CPython checks dict membership directly
        if new:
            for ch in new:
                self._fold(ch)
            if chars.difference(self._cache):  # the cache is full: fold the slow way
                return self._general(text)
        if chars.isdisjoint(self._complex):
            return self._simple(text, chars)
        return self._general(text)

    def _noise_pattern(self) -> re.Pattern[str]:
        """A character class of every noise character seen so far, rebuilt when one is added."""
        if self._noise_re is None or self._noise_count != len(self._noise_chars):
            chars = "".join(sorted(self._noise_chars))
            self._noise_re = re.compile("[" + re.escape(chars) + "]+") if chars else re.compile("(?!)")
            self._noise_count = len(self._noise_chars)
        return self._noise_re

    def _simple(self, text: str, chars: set[str]) -> NormalisedText:
        """Every character maps to exactly one: offsets are the identity, minus the noise."""
        n = len(text)
        if chars.isdisjoint(self._noise_chars):
            index: Sequence[int] = range(n)
        else:
            index = []
            last = 0
            for m in self._noise_pattern().finditer(text):
                if m.end() - m.start() > self.max_gap and m.start() > 0 and m.end() < n:
                    return self._general(text)  # a long noise run needs a separator
                index.extend(range(last, m.start()))
                last = m.end()
            index.extend(range(last, n))
        return NormalisedText(
            original=text,
            full=text.translate(self._fold_table),
            full_orig=range(n),
            full_end=range(1, n + 1),
            dense=text.translate(self._dense_table),
            dense_full=index,
            dense_orig=index,
            dense_end=_PlusOne(index),
        )

    def _general(self, text: str) -> NormalisedText:
        full: list[str] = []
        full_orig: list[int] = []
        full_end: list[int] = []
        dense: list[str] = []
        dense_full: list[int] = []
        dense_orig: list[int] = []
        dense_end: list[int] = []
        noise_run = 0
        max_gap = self.max_gap
        fold = self._fold
        for i, ch in enumerate(text):
            for c, kind in fold(ch):
                if kind == DROP:
                    # a keycap or variation selector belongs to the character before it
                    if full and full_end[-1] == i:
                        full_end[-1] = i + 1
                        if dense and dense_full[-1] == len(full) - 1:
                            dense_end[-1] = i + 1
                    continue
                fi = len(full)
                full.append(c)
                full_orig.append(i)
                full_end.append(i + 1)
                if kind == NOISE:
                    noise_run += 1
                    continue
                if kind == WORD and noise_run > max_gap and dense and dense[-1] not in BARRIERS:
                    dense.append(SEPARATOR)
                    dense_full.append(fi)  # keeps dense_full non-decreasing for bisect
                    dense_orig.append(-1)
                    dense_end.append(-1)
                noise_run = 0
                dense.append(c)
                dense_full.append(fi)
                dense_orig.append(i)
                dense_end.append(full_end[-1])
        return NormalisedText(
            original=text,
            full="".join(full),
            full_orig=full_orig,
            full_end=full_end,
            dense="".join(dense),
            dense_full=dense_full,
            dense_orig=dense_orig,
            dense_end=dense_end,
        )

    def word_key(self, word: str) -> str:
        """The dense form a rule word is matched by ("微 信" and "微信" give the same key)."""
        return self.normalise(word).dense
