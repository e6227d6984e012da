"""Phrase packs (the bundled defaults and the pack import/export format): read, validate, seed."""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from desktop.core.errors import PackError
from desktop.core.model import check_code, check_text, check_title, clean_tags, clean_text

PACK_FORMAT = "quickreply-pack"
PACK_VERSION = 1


@dataclass
class PackPhrase:
    code: str
    title: str
    text: str
    tags: list[str] = field(default_factory=list)
    hotkey: str | None = None
    pinned: bool = False


@dataclass
class PackScenario:
    id: str
    name: str
    icon: str | None = None
    phrases: list[PackPhrase] = field(default_factory=list)


@dataclass
class Pack:
    name: str
    locale: str
    scenarios: list[PackScenario]

    def phrase_count(self) -> int:
        return sum(len(s.phrases) for s in self.scenarios)

    def to_json(self) -> dict[str, Any]:
        return {
            "format": PACK_FORMAT, "version": PACK_VERSION, "locale": self.locale, "name": self.name,
            "scenarios": [
                {"id": s.id, "name": s.name, **({"icon": s.icon} if s.icon else {}),
                 "phrases": [
                     {"code": p.code, "title": p.title, "text": p.text, "tags": p.tags,
                      **({"hotkey": p.hotkey} if p.hotkey else {}),
                      **({"pinned": True} if p.pinned else {})}
                     for p in s.phrases]}
                for s in self.scenarios],
        }


def _fail(source: str, detail: str) -> PackError:
    return PackError(path=source, detail=detail)


def parse_pack(data: Any, source: str = "<pack>") -> Pack:
    """Validate pack JSON; the error names the scenario and phrase at fault."""
    if not isinstance(data, dict) or data.get("format") != PACK_FORMAT:
        raise _fail(source, f'"format" must be "{PACK_FORMAT}"')
    if data.get("version") != PACK_VERSION:
        raise _fail(source, f'unsupported "version" {data.get("version")!r} (expected {PACK_VERSION})')
    raw_scenarios = data.get("scenarios")
    if not isinstance(raw_scenarios, list):
        raise _fail(source, '"scenarios" must be a list')
    scenarios: list[PackScenario] = []
    codes: dict[str, str] = {}
    ids: set[str] = set()
    for si, raw in enumerate(raw_scenarios, 1):
        where = f"scenario #{si}"
        if not isinstance(raw, dict):
            raise _fail(source, f"{where}: must be an object")
        sid = str(raw.get("id") or "").strip()
        name = " ".join(str(raw.get("name") or "").split())
        if not sid or not name:
            raise _fail(source, f'{where}: "id" and "name" are required')
        if sid in ids:
            raise _fail(source, f'{where}: duplicate scenario id "{sid}"')
        ids.add(sid)
        scenario = PackScenario(id=sid, name=name, icon=raw.get("icon"))
        raw_phrases = raw.get("phrases", [])
        if not isinstance(raw_phrases, list):
            raise _fail(source, f'{where} ("{sid}"): "phrases" must be a list')
        for pi, rp in enumerate(raw_phrases, 1):
            pwhere = f'{where} ("{sid}"), phrase #{pi}'
            if not isinstance(rp, dict):
                raise _fail(source, f"{pwhere}: must be an object")
            phrase = PackPhrase(
                code=str(rp.get("code") or "").strip().lower(),
                title=clean_text(str(rp.get("title") or "")),
                text=clean_text(str(rp.get("text") or "")),
                tags=clean_tags(rp.get("tags")),
                hotkey=rp.get("hotkey") or None,
                pinned=bool(rp.get("pinned", False)),
            )
            errors = check_code(phrase.code) + check_title(phrase.title) + check_text(phrase.text)
            if errors:
                raise _fail(source, f"{pwhere}: {errors[0]}")
            if phrase.code in codes:
                raise _fail(source, f'{pwhere}: code "{phrase.code}" repeats ({codes[phrase.code]})')
            codes[phrase.code] = pwhere
            scenario.phrases.append(phrase)
        scenarios.append(scenario)
    return Pack(name=str(data.get("name") or Path(source).stem), locale=str(data.get("locale") or ""),
                scenarios=scenarios)


def load_pack(path: Path | str) -> Pack:
    path = Path(path)
    try:
        data = json.loads(path.read_text(encoding="utf-8-sig"))
    except OSError as exc:
        raise _fail(str(path), exc.strerror or str(exc)) from exc
    except UnicodeDecodeError as exc:
        raise _fail(str(path), "not UTF-8 text") from exc
    except json.JSONDecodeError as exc:
        raise _fail(str(path), f"not valid JSON (line {exc.lineno}, column {exc.colno})") from exc
    return parse_pack(data, str(path))
