"""Fills placeholders such as {客服}, {日期} and asked fields {?订单号} in a reply text."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field

# One token: an escaped brace, or a placeholder of up to 30 characters on one line.
_TOKEN = re.compile(r"\{\{|\}\}|\{(\?)?([^{}\n]{1,30})\}")

# Both spellings of every built-in name map to one canonical name.
BUILTINS = {
    "客服": "agent", "agent": "agent",
    "店铺": "shop", "shop": "shop",
    "日期": "date", "date": "date",
    "时间": "time", "time": "time",
    "星期": "weekday", "weekday": "weekday",
}
_WEEKDAYS_ZH = ("星期一", "星期二", "星期三", "星期四", "星期五", "星期六", "星期日")
_WEEKDAYS_EN = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")


@dataclass(frozen=True)
class Context:
    """What built-in placeholders are filled from (settings and the clock)."""

    agent: str = ""
    shop: str = ""
    now: dt.datetime = field(default_factory=lambda: dt.datetime(2000, 1, 1))


@dataclass(frozen=True)
class Filled:
    """The filled text plus what could not be filled (left visible in ``text``).

    ``unknown``: names that are no placeholder this program knows (a typo, a foreign format);
    ``empty``: built-in names with no value yet (no agent name set) and asked fields left unanswered.
    """

    text: str
    unknown: list[str]
    empty: list[str]

    @property
    def complete(self) -> bool:
        return not self.unknown and not self.empty


def asked_fields(text: str) -> list[str]:
    """Names of the ``{?name}`` fields in order of first appearance, each once."""
    names: list[str] = []
    for m in _TOKEN.finditer(text):
        if m.group(1) and (name := m.group(2).strip()) and name not in names:
            names.append(name)
    return names


def _builtin_value(canonical: str, spelled: str, ctx: Context) -> str:
    chinese = not spelled.isascii()
    if canonical == "agent":
        return ctx.agent.strip()
    if canonical == "shop":
        return ctx.shop.strip()
    if canonical == "date":
        now = ctx.now
        return f"{now.year}年{now.month}月{now.day}日" if chinese else now.strftime("%Y-%m-%d")
    if canonical == "time":
        return ctx.now.strftime("%H:%M")
    days = _WEEKDAYS_ZH if chinese else _WEEKDAYS_EN
    return days[ctx.now.weekday()]


def fill(text: str, ctx: Context, answers: dict[str, str] | None = None) -> Filled:
    """Replace known placeholders; unknown or unanswered ones stay as written and are listed.

    Built-in names are matched case-insensitively for the English spelling; the spelling picks the
    language of dates and weekdays ({星期} → 星期一, {weekday} → Monday).
    """
    answers = answers or {}
    unknown: list[str] = []
    empty: list[str] = []
    out: list[str] = []
    pos = 0
    for m in _TOKEN.finditer(text):
        out.append(text[pos:m.start()])
        pos = m.end()
        token = m.group(0)
        if token in ("{{", "}}"):
            out.append(token[0])
            continue
        name = m.group(2).strip()
        if not name:  # "{ }" is no placeholder, just braces
            out.append(token)
            continue
        if m.group(1):
            value = answers.get(name, "").strip()
            if value:
                out.append(value)
            else:
                out.append(token)
                _add(empty, name)
            continue
        canonical = BUILTINS.get(name) or BUILTINS.get(name.lower())
        if canonical is None:
            out.append(token)
            _add(unknown, name)
            continue
        value = _builtin_value(canonical, name, ctx)
        if value:
            out.append(value)
        else:
            out.append(token)
            _add(empty, name)
    out.append(text[pos:])
    return Filled("".join(out), unknown, empty)


def _add(names: list[str], name: str) -> None:
    if name not in names:
        names.append(name)
