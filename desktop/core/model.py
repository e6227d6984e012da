"""Phrases and scenarios as plain data, with the field rules a person is told about."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

from desktop.core.errors import FieldError
from desktop.core.hotkey_spec import normalise_hotkey

TEXT_LIMIT = 2000
TITLE_LIMIT = 60
SCENARIO_NAME_LIMIT = 30
TAG_LIMIT = 10
TAG_LENGTH = 20
CODE_RE = re.compile(r"^[a-z0-9_-]{1,16}$")
SOURCES = ("pack", "team", "user")


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
        return cls(id=doc["id"], name=doc["name"], order=int(doc.get("order", 0)),
                   icon=doc.get("icon"), search_key=doc.get("search_key", ""))


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
        return cls(
            id=doc["id"], scenario=doc["scenario"], code=doc["code"], title=doc["title"],
            text=doc["text"], tags=list(doc.get("tags") or []), hotkey=doc.get("hotkey"),
            pinned=bool(doc.get("pinned", False)), uses=int(doc.get("uses", 0)),
            last_used=doc.get("last_used"), created=float(doc.get("created", 0.0)),
            updated=float(doc.get("updated", 0.0)), source=doc.get("source", "user"),
            order=int(doc.get("order", 0)), search_key=dict(doc.get("search_key") or {}),
        )

    def content(self) -> tuple[str, str, str, tuple[str, ...]]:
        """What makes two phrases the same reply (for imports and merges)."""
        return (self.code, self.title, self.text, tuple(self.tags))


def clean_text(value: str) -> str:
    """Normalise line endings and trim outer whitespace; inner spacing is the author's."""
    return value.replace("\r\n", "\n").replace("\r", "\n").strip()


def check_text(text: str) -> list[FieldError]:
    if not text:
        return [FieldError("text", "phrase.text.empty")]
    if len(text) > TEXT_LIMIT:
        return [FieldError("text", "phrase.text.too_long", length=len(text), limit=TEXT_LIMIT)]
    return []


def check_title(title: str) -> list[FieldError]:
    if not title:
        return [FieldError("title", "phrase.title.empty")]
    if len(title) > TITLE_LIMIT:
        return [FieldError("title", "phrase.title.too_long", length=len(title), limit=TITLE_LIMIT)]
    return []


def check_code(code: str) -> list[FieldError]:
    if not CODE_RE.match(code):
        shown = code if len(code) <= 40 else code[:40] + "…"
        return [FieldError("code", "phrase.code.invalid", code=shown)]
    return []


def check_tags(tags: list[str]) -> list[FieldError]:
    if len(tags) > TAG_LIMIT or any(not t or len(t) > TAG_LENGTH for t in tags):
        return [FieldError("tags", "phrase.tags.invalid", limit=TAG_LIMIT)]
    return []


def check_hotkey(hotkey: str | None) -> tuple[str | None, list[FieldError]]:
    """Returns the canonical hotkey (None when unset) and any error."""
    if hotkey is None or not hotkey.strip():
        return None, []
    canonical = normalise_hotkey(hotkey)
    if canonical is None:
        return None, [FieldError("hotkey", "phrase.hotkey.invalid", hotkey=hotkey[:40])]
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
