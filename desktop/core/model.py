"""Phrases and scenarios as plain data, with the field rules a person is told about."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

from desktop.core.errors import FieldError
from desktop.core.hotkey_spec import display_hotkey, normalise_hotkey, reserved_reason

TEXT_LIMIT = 2000
TITLE_LIMIT = 60
SCENARIO_NAME_LIMIT = 30
TAG_LIMIT = 10
TAG_LENGTH = 20
CODE_RE = re.compile(r"[a-z0-9_-]{1,16}")  # used with fullmatch: "$" would accept a final "\n"
SOURCES = ("pack", "team", "user")
# Lone UTF-16 surrogates: what undecodable bytes become (text in another encoding read as UTF-8).
# They cannot be saved as UTF-8, so they are refused where a person can still fix them.
_SURROGATE_RE = re.compile("[\ud800-\udfff]")
_DEFAULT_SCENARIO_NAMES = {"zh_CN": "未分组", "en": "Ungrouped"}


def default_scenario_name(locale: str) -> str:
    """The scenario phrases land in when none is named or theirs is gone (imports, restores)."""
    return _DEFAULT_SCENARIO_NAMES.get(locale, _DEFAULT_SCENARIO_NAMES["en"])


def has_bad_characters(value: str) -> bool:
    """True when ``value`` holds characters that are no text (lone surrogates)."""
    return _SURROGATE_RE.search(value) is not None


def has_bad_characters_in(*values: list[str]) -> bool:
    """``has_bad_characters`` for many strings, or a whole file, at once (an import's 100k rows).

    One pass instead of a search per string: strict encoding refuses exactly the lone surrogates,
    and UTF-16 is the quickest to write out.
    """
    try:
        for strings in values:
            "".join(strings).encode("utf-16-le")
    except UnicodeEncodeError:
        return True
    return False


@dataclass(slots=True)
class Scenario:
    id: str
    name: str
    order: int = 0
    icon: str | None = None
    search_key: str = ""

    def to_doc(self) -> dict[str, Any]:
        return {"id": self.id, "name": self.name, "order": self.order, "icon": self.icon,
                "search_key": self.search_key}

    @classmethod
    def from_doc(cls, doc: dict[str, Any]) -> Scenario:
        return cls(id=_str(doc, "id"), name=_str(doc, "name"), order=int(doc.get("order", 0)),
                   icon=doc.get("icon"), search_key=str(doc.get("search_key") or ""))


@dataclass(slots=True)
class Phrase:
    id: str
    scenario: str
    code: str
    title: str
    text: str
    tags: list[str] = field(default_factory=list)
    hotkey: str | None = None
    pinned: bool = False
    uses: int = 0
    last_used: float | None = None
    created: float = 0.0
    updated: float = 0.0
    source: str = "user"
    order: int = 0
    # Derived search keys (pinyin readings and initials) stored so start-up never runs pypinyin.
    search_key: dict[str, str] = field(default_factory=dict)

    def to_doc(self) -> dict[str, Any]:
        return {
            "id": self.id, "scenario": self.scenario, "code": self.code, "title": self.title,
            "text": self.text, "tags": list(self.tags), "hotkey": self.hotkey, "pinned": self.pinned,
            "uses": self.uses, "last_used": self.last_used, "created": self.created,
            "updated": self.updated, "source": self.source, "order": self.order,
            "search_key": dict(self.search_key),
        }

    @classmethod
    def from_doc(cls, doc: dict[str, Any]) -> Phrase:
        """A phrase from its stored document; KeyError/TypeError/ValueError for a damaged one."""
        # Start-up reads every phrase through here (10k+), so a document exactly as to_doc() wrote
        # it takes one constructor call and a few type checks; anything else the careful way.
        try:
            # Positional, not cls(**doc): keys parsed from JSON are not interned, and matching
            # them to keyword names costs more than the rest of this function.
            p = cls(doc["id"], doc["scenario"], doc["code"], doc["title"], doc["text"], doc["tags"],
                    doc["hotkey"], doc["pinned"], doc["uses"], doc["last_used"], doc["created"],
                    doc["updated"], doc["source"], doc["order"], doc["search_key"])
        except KeyError:
            return cls._from_other_doc(doc)
        number = _NUMBER
        if (
            type(p.id) is type(p.scenario) is type(p.code) is type(p.title) is type(p.text) is str
            and type(p.source) is str
            and type(p.uses) is type(p.order) is int
            and type(p.tags) is list
            and type(p.search_key) is dict
            and type(p.pinned) is bool
            and type(p.created) in number
            and type(p.updated) in number
            and (p.hotkey is None or type(p.hotkey) is str)
            and (p.last_used is None or type(p.last_used) in number)
            and (not p.tags or all(type(t) is str for t in p.tags))
        ):
            p.tags = p.tags.copy()  # never share lists with the stored document
            p.search_key = p.search_key.copy()
            return p
        return cls._from_other_doc(doc)

    @classmethod
    def _from_other_doc(cls, doc: dict[str, Any]) -> Phrase:
        """Older, hand-edited or imported documents: coerce what can be, refuse what cannot."""
        tags = doc.get("tags") or []
        if not isinstance(tags, list) or not all(isinstance(t, str) for t in tags):
            raise ValueError("tags must be a list of strings")
        return cls(
            id=_str(doc, "id"), scenario=_str(doc, "scenario"), code=_str(doc, "code"),
            title=_str(doc, "title"), text=_str(doc, "text"), tags=list(tags),
            hotkey=doc.get("hotkey") or None,
            pinned=bool(doc.get("pinned", False)), uses=int(doc.get("uses", 0)),
            last_used=doc.get("last_used"), created=float(doc.get("created", 0.0)),
            updated=float(doc.get("updated", 0.0)), source=doc.get("source", "user"),
            order=int(doc.get("order", 0)), search_key=dict(doc.get("search_key") or {}),
        )

    def content(self) -> tuple[str, str, str, tuple[str, ...]]:
        """What makes two phrases the same reply (for imports and merges)."""
        return (self.code, self.title, self.text, tuple(self.tags))


_NUMBER = frozenset((int, float))


def _str(doc: dict[str, Any], key: str) -> str:
    """A required text field of a stored document (KeyError/TypeError for a damaged one)."""
    value = doc[key]
    if not isinstance(value, str):
        raise TypeError(f"{key} must be text")
    return value


def clean_text(value: str) -> str:
    """Normalise line endings and trim outer whitespace; inner spacing is the author's."""
    return value.replace("\r\n", "\n").replace("\r", "\n").strip()


def check_text(text: str) -> list[FieldError]:
    if has_bad_characters(text):
        return [FieldError("text", "phrase.text.not_text")]
    if not text:
        return [FieldError("text", "phrase.text.empty")]
    if len(text) > TEXT_LIMIT:
        return [FieldError("text", "phrase.text.too_long", length=len(text), limit=TEXT_LIMIT)]
    return []


def check_title(title: str) -> list[FieldError]:
    if has_bad_characters(title):
        return [FieldError("title", "phrase.title.not_text")]
    if not title:
        return [FieldError("title", "phrase.title.empty")]
    if len(title) > TITLE_LIMIT:
        return [FieldError("title", "phrase.title.too_long", length=len(title), limit=TITLE_LIMIT)]
    return []


def check_code(code: str) -> list[FieldError]:
    if not CODE_RE.fullmatch(code):
        shown = code if len(code) <= 40 else code[:40] + "…"
        # Shown in the message, which is written out as UTF-8: mark what cannot be.
        shown = _SURROGATE_RE.sub("\N{REPLACEMENT CHARACTER}", shown)
        return [FieldError("code", "phrase.code.invalid", code=shown)]
    return []


def check_tags(tags: list[str]) -> list[FieldError]:
    if any(has_bad_characters(t) for t in tags):
        return [FieldError("tags", "phrase.tags.not_text")]
    if len(tags) > TAG_LIMIT or any(not t or len(t) > TAG_LENGTH for t in tags):
        return [FieldError("tags", "phrase.tags.invalid", limit=TAG_LIMIT)]
    return []


def check_hotkey(hotkey: str | None, *, keep: str | None = None) -> tuple[str | None, list[FieldError]]:
    """Returns the canonical hotkey (None when unset) and any error.

    A combination the system or everyday programs use (Ctrl+V, Alt+Tab…) is refused, naming what
    it does; ``keep`` is the phrase's stored hotkey, allowed to stay so that pinning or renaming a
    phrase saved by an older version does not fail on a field the person did not touch.
    """
    if hotkey is None or not hotkey.strip():
        return None, []
    canonical = normalise_hotkey(hotkey)
    if canonical is None:
        shown = _SURROGATE_RE.sub("\N{REPLACEMENT CHARACTER}", hotkey[:40])
        return None, [FieldError("hotkey", "phrase.hotkey.invalid", hotkey=shown)]
    reason = reserved_reason(canonical)
    if reason is not None and canonical != keep:
        return canonical, [FieldError("hotkey", "phrase.hotkey.reserved", hotkey=display_hotkey(canonical),
                                      reason_zh=reason[0], reason_en=reason[1])]
    return canonical, []


def clean_tags(tags: list[str] | tuple[str, ...] | str | None) -> list[str]:
    """Accepts a list or a comma/、/space separated string; drops blanks and repeats."""
    if tags is None:
        return []
    if isinstance(tags, str):
        tags = re.split(r"[,，、;；\s]+", tags)
    out: list[str] = []
    for t in tags:
        t = str(t).strip()
        if t and t not in out:
            out.append(t)
    return out
