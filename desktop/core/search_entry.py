"""What the search index keeps per phrase, built from the phrase and its stored keys (no pypinyin)."""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Callable, Iterable
from itertools import accumulate
from operator import add
from typing import Any

from desktop.core.model import Phrase
from desktop.core.pinyin import fold, not_han_pattern

_EMPTY_TOKENS = re.compile("'{2,}")
_ALTERNATIVES = re.compile(",[^']*")

OrderKey = tuple[Any, ...]


def pinyin_haystack(tokens: str) -> str:
    """Readings in the form the pinyin patterns scan: ``',hai,huan',kuan`` (one block a character).

    Characters without readings (spaces, punctuation) are dropped, so a pinyin run carries on
    across them: ``tuihuoyunfei`` finds 退货，运费.
    """
    if "''" in tokens or tokens.startswith("'") or tokens.endswith("'"):
        tokens = _EMPTY_TOKENS.sub("'", tokens).strip("'")
    return "'," + tokens.replace("'", "',") if tokens else ""


def primary_pinyin(tokens: str) -> str:
    """The reading in context of every character, run together: ``tuihuoyunfei``."""
    if "," in tokens:
        tokens = _ALTERNATIVES.sub("", tokens)
    return tokens.replace("'", "")


def mixed_haystack(text: str, tokens: str) -> str:
    """Characters with their readings, ``'退,tui'货,huo``, for queries mixing both (退货yf).

    Characters without readings are dropped, as in ``pinyin_haystack``.
    """
    parts = tokens.split("'") if tokens else []
    if len(parts) != len(text):
        return ""
    return "".join("'" + c + "," + t for c, t in zip(text, parts, strict=True) if t)


def split_name_key(name: str, key: str) -> tuple[str, str]:
    """A scenario's (folded simplified name, readings) from its stored key."""
    readings, _, simple = key.partition("|")
    return (simple or fold(name)), readings


class Fields:
    """A phrase's searchable strings: folded, simplified, with pinyin haystacks from its keys."""

    __slots__ = ("code", "title", "title_tokens", "title_py", "tags", "tags_tokens", "tags_py", "text",
                 "initials", "initials_flat", "_han", "_typo", "_title_mix", "_tags_mix")

    def __init__(self, phrase: Phrase) -> None:
        sk = phrase.search_key
        self.code = phrase.code
        self.title = sk.get("ts") or fold(phrase.title)
        self.title_tokens = sk.get("t", "")
        self.title_py = pinyin_haystack(self.title_tokens)
        self.tags = (sk.get("gs") or fold(" ".join(phrase.tags))) if phrase.tags else ""
        self.tags_tokens = sk.get("g", "")
        self.tags_py = pinyin_haystack(self.tags_tokens) if self.tags_tokens else ""
        self.text = sk.get("xs") or fold(phrase.text)
        self.initials = sk.get("x", "")
        self.initials_flat = self.initials.replace("'", "")
        self._han: str | None = None
        self._typo: str | None = None
        self._title_mix: str | None = None
        self._tags_mix: str | None = None

    @property
    def text_han(self) -> str:
        """The text's Chinese characters alone: position k here has initial k in ``initials``
        (for queries mixing characters and initials, 退货yf)."""
        if self._han is None:
            self._han = not_han_pattern().sub("", self.text)
        return self._han

    @property
    def initials_han(self) -> str:
        """``initials``, exactly as long as ``text_han`` even if the key does not fit the text."""
        n = len(self.text_han)
        return self.initials if len(self.initials) == n else self.initials.ljust(n, "'")[:n]

    @property
    def typo(self) -> str:
        """Code, the title's pinyin and the tags' (letters and digits of the title are in its
        pinyin): what a typo is forgiven in."""
        if self._typo is None:
            self._typo = " ".join((self.code, primary_pinyin(self.title_tokens),
                                   primary_pinyin(self.tags_tokens)))
        return self._typo

    @property
    def title_mix(self) -> str:
        if self._title_mix is None:
            self._title_mix = mixed_haystack(self.title, self.title_tokens)
        return self._title_mix

    @property
    def tags_mix(self) -> str:
        if self._tags_mix is None:
            self._tags_mix = mixed_haystack(self.tags, self.tags_tokens)
        return self._tags_mix


def _fold_all(values: list[str], sep: str) -> list[str]:
    """``fold`` of many strings at once (one C pass), or one by one if ``sep`` occurs in them."""
    joined = sep.join(values)
    if joined.count(sep) == len(values) - 1:
        parts = fold(joined).split(sep)
        if len(parts) == len(values):
            # Most texts fold to themselves: keep the original string rather than a copy of it
            # (a few MiB at 10k phrases, for one comparison each).
            return [v if v == f else f for v, f in zip(values, parts, strict=True)]
    return [fold(v) for v in values]


_ALTERNATIVES_IN_LINES = re.compile(",[^'\n]*")


def _primary_all(tokens: list[str]) -> list[str] | None:
    """``primary_pinyin`` of many token strings at once (they never hold a newline)."""
    joined = "\n".join(tokens)
    if joined.count("\n") != len(tokens) - 1:
        return None
    return _ALTERNATIVES_IN_LINES.sub("", joined).replace("'", "").split("\n")


def make_fields(phrases: list[Phrase]) -> list[Fields]:
    """``Fields`` of many phrases, the costly string operations done once over all of them."""
    n = len(phrases)
    keys = [p.search_key for p in phrases]
    pairs = list(zip(keys, phrases, strict=True))
    titles = _fold_all([k.get("ts") or p.title for k, p in pairs], "\n")
    tags = _fold_all([(k.get("gs") or " ".join(p.tags)) if p.tags else "" for k, p in pairs], "\n")
    texts = _fold_all([k.get("xs") or p.text for k, p in pairs], "\x00")
    t_tokens = [k.get("t", "") for k in keys]
    g_tokens = [k.get("g", "") for k in keys]
    primary_t = _primary_all(t_tokens)
    primary_g = _primary_all(g_tokens)
    joined = "\x00".join(texts)
    han = not_han_pattern("\x00").sub("", joined).split("\x00") if joined.count("\x00") == n - 1 else None
    if primary_t is None or primary_g is None or han is None or len(han) != n:
        return [Fields(p) for p in phrases]
    out = []
    for i, p in enumerate(phrases):
        f = Fields.__new__(Fields)
        f.code = p.code
        f.title = titles[i]
        f.title_tokens = t_tokens[i]
        f.title_py = pinyin_haystack(t_tokens[i])
        f.tags = tags[i]
        f.tags_tokens = g_tokens[i]
        f.tags_py = pinyin_haystack(g_tokens[i]) if g_tokens[i] else ""
        f.text = texts[i]
        f.initials = keys[i].get("x", "")
        f.initials_flat = f.initials.replace("'", "")
        f._han = han[i]
        f._typo = " ".join((p.code, primary_t[i], primary_g[i]))
        f._title_mix = None
        f._tags_mix = None
        out.append(f)
    return out


class Entry:
    """One phrase in the index: its place in the order, and its fields (made on first use)."""

    __slots__ = ("phrase", "key", "_fields")

    def __init__(self, phrase: Phrase, key: OrderKey) -> None:
        self.phrase = phrase
        self.key = key
        self._fields: Fields | None = None

    @property
    def f(self) -> Fields:
        fields = self._fields
        if fields is None:
            fields = self._fields = Fields(self.phrase)
        return fields


# The fields a chunk concatenates for scanning, by name.
FIELDS: dict[str, Callable[[Entry], str]] = {
    "code": lambda e: e.phrase.code,
    "title": lambda e: e.f.title,
    "title_py": lambda e: e.f.title_py,
    "tags": lambda e: e.f.tags,
    "tags_py": lambda e: e.f.tags_py,
    "text": lambda e: e.f.text,
    "initials": lambda e: e.f.initials_flat,
    # The text's Chinese characters and their initials: offsets in the two line up.
    "text_han": lambda e: e.f.text_han,
    "initials_han": lambda e: e.f.initials_han,
    "typo": lambda e: e.f.typo,
    "scenario": lambda e: e.phrase.scenario,
}


def _joined(values: list[str]) -> tuple[str, list[int]]:
    big = "\n" + "\n".join(values) + "\n"
    # starts[k] = len(values[0]) + … + len(values[k-1]) + k, all in C.
    starts = list(map(add, accumulate(map(len, values), initial=0), range(len(values) + 1)))
    return big, starts


class Chunk:
    """A run of entries in rank order, with each field joined into one string for C-speed scans.

    Each field string is ``"\\n" + "\\n".join(values) + "\\n"``: entry i's value starts right
    after ``starts[i]``, so ``"\\n" + s`` finds values starting with s and ``"\\n" + s + "\\n"``
    values equal to s. Field strings are built on first use; inserting or removing an entry
    splices them (a copy of one chunk's strings, in C), so an edit never costs the library's.
    """

    __slots__ = ("entries", "keys", "_fields")

    def __init__(self, entries: list[Entry]) -> None:
        self.entries = entries
        self.keys = [e.key for e in entries]
        self._fields: dict[str, tuple[str, list[int]]] = {}

    def __len__(self) -> int:
        return len(self.entries)

    def changed(self) -> None:
        self._fields.clear()

    def insert_at(self, j: int, entry: Entry) -> None:
        self.keys.insert(j, entry.key)
        self.entries.insert(j, entry)
        for name, (big, starts) in self._fields.items():
            value = FIELDS[name](entry)
            at = starts[j]
            shift = len(value) + 1
            starts[j:] = [at, *(s + shift for s in starts[j:])]
            self._fields[name] = (big[:at] + "\n" + value + big[at:], starts)

    def remove_at(self, j: int) -> None:
        del self.keys[j]
        del self.entries[j]
        for name, (big, starts) in self._fields.items():
            at, after = starts[j], starts[j + 1]
            shift = after - at
            starts[j:] = [s - shift for s in starts[j + 1:]]
            self._fields[name] = (big[:at] + big[after:], starts)

    def field(self, name: str) -> tuple[str, list[int]]:
        built = self._fields.get(name)
        if built is None:
            built = self._fields[name] = _joined(list(map(FIELDS[name], self.entries)))
        return built

    def build_all(self) -> None:
        """Every field at once (start-up, before the first key)."""
        if len(self._fields) == len(FIELDS):
            return
        missing = [e for e in self.entries if e._fields is None]
        for e, fields in zip(missing, make_fields([e.phrase for e in missing]), strict=True):
            e._fields = fields
        for name, get in FIELDS.items():
            if name not in self._fields:
                self._fields[name] = _joined(list(map(get, self.entries)))

    def find(self, name: str, needle: str) -> list[int]:
        """Indices of the entries whose field contains ``needle`` (which may start with ``"\\n"``)."""
        big, starts = self.field(name)
        out = []
        last = len(self.entries) - 1
        pos = big.find(needle)
        while pos != -1:
            i = bisect_right(starts, pos) - 1
            out.append(i)
            if i >= last:
                break
            pos = big.find(needle, starts[i + 1])
        return out

    def search(self, name: str, pattern: re.Pattern[str]) -> list[int]:
        """Indices of the entries whose field the pattern matches (it must not match ``\\n``)."""
        big, starts = self.field(name)
        out = []
        last = len(self.entries) - 1
        m = pattern.search(big)
        while m is not None:
            i = bisect_right(starts, m.start()) - 1
            out.append(i)
            if i >= last:
                break
            m = pattern.search(big, starts[i + 1])
        return out


class ChunkList:
    """Entries sorted by their order key, cut into chunks; insert and remove touch one chunk."""

    def __init__(self, entries: Iterable[Entry], size: int = 512) -> None:
        self.size = max(8, size)
        ordered = sorted(entries, key=lambda e: e.key)
        step = self.size
        self.chunks: list[Chunk] = [Chunk(ordered[i:i + step]) for i in range(0, len(ordered), step)]
        if not self.chunks:
            self.chunks.append(Chunk([]))
        self._firsts: list[OrderKey] = [c.keys[0] if c.keys else () for c in self.chunks]

    def __len__(self) -> int:
        return sum(len(c) for c in self.chunks)

    def _locate(self, key: OrderKey) -> int:
        return max(0, bisect_right(self._firsts, key) - 1)

    def insert(self, entry: Entry) -> Chunk:
        ci = self._locate(entry.key)
        chunk = self.chunks[ci]
        chunk.insert_at(bisect_left(chunk.keys, entry.key), entry)
        self._firsts[ci] = chunk.keys[0]
        if len(chunk) > 2 * self.size:
            half = len(chunk) // 2
            tail = Chunk(chunk.entries[half:])
            del chunk.entries[half:]
            del chunk.keys[half:]
            chunk.changed()
            self.chunks.insert(ci + 1, tail)
            self._firsts.insert(ci + 1, tail.keys[0])
        return chunk

    def remove(self, entry: Entry) -> Chunk | None:
        ci = self._locate(entry.key)
        chunk = self.chunks[ci]
        j = bisect_left(chunk.keys, entry.key)
        if j >= len(chunk) or chunk.entries[j] is not entry:
            return None
        chunk.remove_at(j)
        if chunk.keys:
            self._firsts[ci] = chunk.keys[0]
        elif len(self.chunks) > 1:
            del self.chunks[ci]
            del self._firsts[ci]
        else:
            self._firsts[ci] = ()
        return chunk

    def entries(self) -> Iterable[Entry]:
        for c in self.chunks:
            yield from c.entries
