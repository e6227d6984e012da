"""Find contact identifiers (numbers, handles, e-mails) even when disguised, in a normalised text.

Digit look-alikes (一 壹 幺 两 ❶ ➀ …) are read as digits here and only here: the rest of the
checker never sees 一定 as 1定.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from dataclasses import dataclass

from desktop.core.risk_normalise import NormalisedText

_LOOKALIKE: dict[str, str] = {}
for _digit, _chars in enumerate(
    ("零〇○洞", "一壹幺", "二贰两", "三叁", "四肆", "五伍", "六陆", "七柒拐", "八捌", "九玖勾")
):
    for _c in _chars:
        _LOOKALIKE[_c] = str(_digit)
for _base in (0x2776, 0x2780, 0x278A):  # ❶…❿, ➀…➉, ➊…➓
    for _k in range(10):
        _LOOKALIKE[chr(_base + _k)] = str(_k + 1) if _k < 9 else "10"
for _k in range(10):  # ⓵…⓾
    _LOOKALIKE[chr(0x24F5 + _k)] = str(_k + 1) if _k < 9 else "10"

# Redacted values in exported chats, e.g. JD's "[电话x]": a value was there, it cannot be judged.
_PLACEHOLDER = re.compile(r"\[(电话|数字|邮箱)x\](?:[\s\-–—]{0,3}\[(?:电话|数字)x\])*")
_DIGITS = re.compile(r"\d(?:[\s\-–—.·_/()~]{0,3}\d)+")
_SEP_AT = r"\s*(?:@|\[at\]|\(at\)|<at>|艾特|#at#)\s*"
_SEP_DOT = r"\s*(?:\.|\[dot\]|\(dot\)|<dot>|点|#dot#)\s*"
_EMAIL = re.compile(
    rf"(?<![a-z0-9._%+-])[a-z0-9][a-z0-9._%+-]{{0,63}}{_SEP_AT}[a-z0-9][a-z0-9-]{{0,62}}"
    rf"(?:{_SEP_DOT}[a-z0-9-]{{1,63}})*{_SEP_DOT}[a-z]{{2,10}}(?![a-z])"
)
_HANDLE = re.compile(
    r"(?<![a-z0-9_])(?:[a-z][a-z0-9_-]{5,19}|[a-z](?:[\s.·-]{1,2}[a-z0-9_]){5,19})(?![a-z0-9_])"
)
_MOBILE = re.compile(r"^1[3-9]\d{9}$")


@dataclass(frozen=True, slots=True)
class Identifier:
    kind: str  # "number", "handle", "email"
    start: int  # full-view offsets
    end: int
    digits: str  # the digits it reads as ("" for handles and e-mails)
    redacted: bool = False  # a placeholder such as [电话x]
    phone_like: bool = False  # [电话x], or redacted numbers joined like 400-xxx-xxxx

    @property
    def mobile(self) -> bool:
        return bool(_MOBILE.match(self.digits))

    @property
    def phone(self) -> bool:
        return self.phone_like or 7 <= len(self.digits) <= 12

    def matches(self, wanted: str) -> bool:
        """Whether this identifier is of the kind a rule asks for (``#mobile``, ``#phone`` …)."""
        if wanted == "#id":
            return True
        if wanted == "#email":
            return self.kind == "email"
        if wanted == "#handle":
            return self.kind == "handle"
        if wanted == "#mobile":
            return self.kind == "number" and (self.mobile or self.phone_like)
        if wanted == "#phone":
            return self.kind == "number" and self.phone
        if wanted == "#number":
            return self.kind == "number"
        return False


def _digit_view(full: str) -> tuple[str, list[int]]:
    """``full`` with look-alike digits read as digits, and the full-view index of each character."""
    chars: list[str] = []
    index: list[int] = []
    for i, c in enumerate(full):
        mapped = _LOOKALIKE.get(c)
        if mapped is None:
            chars.append(c)
            index.append(i)
        else:
            for d in mapped:
                chars.append(d)
                index.append(i)
    return "".join(chars), index


def find_identifiers(norm: NormalisedText, official_digits: frozenset[str] = frozenset()) -> list[Identifier]:
    """Every identifier-like run of ``norm.full``; runs of 13+ digits (orders, parcels) are not ids."""
    full = norm.full
    found: list[Identifier] = []
    starts: list[int] = []  # taken spans, disjoint and sorted, so one neighbour decides an overlap
    ends: list[int] = []

    def add(ident: Identifier) -> None:
        k = bisect_left(starts, ident.end)
        if k and ends[k - 1] > ident.start:
            return
        found.append(ident)
        starts.insert(k, ident.start)
        ends.insert(k, ident.end)

    for m in _PLACEHOLDER.finditer(full):
        kind = "email" if m.group(1) == "邮箱" else "number"
        phone_like = m.group(1) == "电话" or m.group().count("[") > 1
        add(Identifier(kind, m.start(), m.end(), "", redacted=True, phone_like=phone_like))
    if "@" in full or "at" in full or "艾特" in full:
        for m in _EMAIL.finditer(full):
            add(Identifier("email", m.start(), m.end(), ""))
    view, index = _digit_view(full)
    for m in _DIGITS.finditer(view):
        digits = re.sub(r"\D", "", m.group())
        if 5 <= len(digits) <= 12 and digits not in official_digits:
            add(Identifier("number", index[m.start()], index[m.end() - 1] + 1, digits))
    for m in _HANDLE.finditer(full):
        text = m.group()
        if any(c.isdigit() or c == "_" for c in text):
            add(Identifier("handle", m.start(), m.end(), ""))
    found.sort(key=lambda ident: ident.start)
    return found


def digits_of(value: str) -> str:
    """The digits of an official number as written in settings ("400-820-1234" -> "4008201234")."""
    view, _ = _digit_view(value)
    return re.sub(r"\D", "", view)
