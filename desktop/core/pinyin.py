"""Pinyin search keys, computed once when a phrase is saved and stored with it.

pypinyin takes ~0.2 s to import and ~0.5 ms per reply, so it runs only here, when a phrase is
added, edited or imported (``import pypinyin`` happens inside the keyer's methods). Opening the
library and searching read the stored keys and never call it.

Key format (``Phrase.search_key``, a dict of short strings; absent entries mean "same as the
field" or "nothing"):

``t``  title readings, one token per character of the folded, simplified title, joined by
       ``'``. A Chinese character's token lists every reading pypinyin knows, toneless, ü as
       ``v``, the reading in context first, joined by ``,`` (还 in 还款: ``hai,huan,fu``). An
       ASCII letter or digit is its own token; any other character has an empty token.
       退货 7 天 → ``tui'huo''7''tian``.
``g``  the same for the tags, joined by a space.
``x``  reply-text initials: for each Chinese character of the folded, simplified text (``HAN_CHARS``),
       the first letter of its reading in context (``'`` if it has none); other characters get
       nothing, so 亲，退货OK → ``qth``: initial k belongs to the k-th Chinese character.
       Only the contextual reading is kept for the text (under one byte a character keeps the
       file small); titles, tags and scenario names carry every reading.
``ts`` ``gs`` ``xs``  the folded title / tags / text converted to simplified Chinese, stored only
       when that differs from folding alone (a library written in traditional characters).

A scenario's key (``name_key``) is its readings in the ``t`` format, followed by ``|`` and the
simplified name when that differs.

Folding (``fold``) maps full-width letters, digits and space to ASCII and lowercases; it keeps
every string the same length, so the keys stay aligned with the text they describe.
"""

from __future__ import annotations

import functools
import re
from typing import Any

from desktop.core.model import Phrase

KEY_VERSION = "pinyin-2"

_FULL_WIDTH = re.compile("[\u3000\uff10-\uff19\uff21-\uff3a\uff41-\uff5a]")
_WIDTH_TABLE = {0x3000: 0x20}
_WIDTH_TABLE.update({c: c - 0xFEE0 for c in range(0xFF10, 0xFF1A)})
_WIDTH_TABLE.update({c: c - 0xFEE0 for c in range(0xFF21, 0xFF3B)})
_WIDTH_TABLE.update({c: c - 0xFEE0 for c in range(0xFF41, 0xFF5B)})
# The characters that carry an initial in ``x`` (the index relies on the very same set). Their
# patterns are compiled on first use: a class this wide takes ~2 ms to compile, at every start.
HAN_CHARS = "\u3400-\u9fff\uf900-\ufaff\U00020000-\U0003ffff"
_NOT_LETTERS = re.compile("[^a-z]+")
_ASCII_ALNUM = frozenset("abcdefghijklmnopqrstuvwxyz0123456789")


def fold(text: str) -> str:
    """Full-width letters, digits and space to ASCII, then lowercase (the same length, mostly).

    Only alphanumerics are folded: full-width punctuation is in nearly every Chinese reply, and
    leaving it alone lets most strings skip the translation entirely.
    """
    if _FULL_WIDTH.search(text):
        text = text.translate(_WIDTH_TABLE)
    return text.lower()


@functools.cache
def han_pattern() -> re.Pattern[str]:
    """One Chinese character (``HAN_CHARS``)."""
    return re.compile(f"[{HAN_CHARS}]")


@functools.cache
def not_han_pattern(also: str = "") -> re.Pattern[str]:
    """A run of characters that are not Chinese, nor in ``also``."""
    return re.compile(f"[^{also}{HAN_CHARS}]+")


def has_han(text: str) -> bool:
    return han_pattern().search(text) is not None


def to_simplified(text: str) -> str:
    """Traditional to simplified Chinese (zhconv loads its tables on first use, ~0.1 s)."""
    if not has_han(text):
        return text
    import zhconv  # lazy: only texts with Chinese characters need it

    converted: str = zhconv.convert(text, "zh-cn")
    return converted


def _clean_reading(reading: str) -> str:
    return _NOT_LETTERS.sub("", reading.replace("ü", "v").replace("ê", "e").lower())


class PinyinKeyer:
    """The library's ``SearchKeyer``: pinyin readings and initials of titles, tags, texts, names."""

    version = KEY_VERSION

    def __init__(self) -> None:
        # Every reading of a character, cached because the same few thousand recur.
        self._readings: dict[str, tuple[str, ...]] = {}
        self._pinyin: Any = None

    # -- the protocol ----------------------------------------------------------------------------

    def phrase_key(self, phrase: Phrase) -> dict[str, str]:
        key: dict[str, str] = {}
        title = self._simplified(fold(phrase.title), key, "ts")
        key["t"] = self.tokens(title)
        if phrase.tags:
            tags = self._simplified(fold(" ".join(phrase.tags)), key, "gs")
            key["g"] = self.tokens(tags)
        text = self._simplified(fold(phrase.text), key, "xs")
        initials = self.initials(text)
        if initials:
            key["x"] = initials
        return key

    def name_key(self, name: str) -> str:
        folded = fold(name)
        simple = to_simplified(folded)
        readings = self.tokens(simple)
        return readings if simple == folded else f"{readings}|{simple}"

    # -- pieces ----------------------------------------------------------------------------------

    @staticmethod
    def _simplified(folded: str, key: dict[str, str], name: str) -> str:
        simple = to_simplified(folded)
        if simple != folded:
            key[name] = simple
        return simple

    def _module(self) -> Any:
        if self._pinyin is None:
            import pypinyin  # lazy: ~0.2 s, paid only when phrases are saved

            self._pinyin = pypinyin
        return self._pinyin

    def _contextual(self, text: str) -> list[str | None]:
        """The reading in context of each character (None when it has none), aligned with text."""
        py = self._module()
        items = py.pinyin(text, style=py.Style.NORMAL, errors=lambda chunk: list(chunk))
        if len(items) != len(text):  # never seen, but alignment is what the keys rely on
            items = [py.pinyin(c, style=py.Style.NORMAL, errors=lambda chunk: list(chunk))[0] for c in text]
        out: list[str | None] = []
        for char, item in zip(text, items, strict=True):
            reading = item[0] if item else char
            out.append(None if reading == char else (_clean_reading(reading) or None))
        return out

    def readings(self, char: str) -> tuple[str, ...]:
        """Every toneless reading pypinyin knows for one character."""
        found = self._readings.get(char)
        if found is None:
            py = self._module()
            items = py.pinyin(char, style=py.Style.NORMAL, heteronym=True, errors=lambda chunk: [])
            found = tuple(dict.fromkeys(r for r in map(_clean_reading, items[0] if items else []) if r))
            self._readings[char] = found
        return found

    def tokens(self, text: str) -> str:
        """The ``t`` format: per character, its readings (context first) joined by ``,``."""
        out = []
        for char, reading in zip(text, self._contextual(text), strict=True):
            if reading is None:
                out.append(char if char in _ASCII_ALNUM else "")
                continue
            alternatives = self.readings(char)
            out.append(",".join(dict.fromkeys((reading, *alternatives))))
        return "'".join(out)

    def initials(self, text: str) -> str:
        """The ``x`` format: per Chinese character, the initial of its reading in context."""
        if not has_han(text):
            return ""
        out = []
        is_han = han_pattern().match
        for char, reading in zip(text, self._contextual(text), strict=True):
            if is_han(char):
                out.append(reading[0] if reading else "'")
        return "".join(out)
