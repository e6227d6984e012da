"""JSON formats: the phrase pack (shareable) and the full backup (everything, usage counts included)."""

from __future__ import annotations

import json
import time
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from desktop import __version__
from desktop.core.errors import PackError
from desktop.core.exchange_csv import atomic_write_bytes
from desktop.core.exchange_items import (
    BACKUP_FORMAT,
    BACKUP_VERSION,
    ExchangeError,
    ImportData,
    ImportItem,
    ScenarioInfo,
)
from desktop.core.exchange_reasons import Reason
from desktop.core.library import PhraseLibrary
from desktop.core.model import Phrase, Scenario, clean_tags
from desktop.core.packs import PACK_FORMAT, Pack, PackPhrase, PackScenario, parse_pack


def parse_json_bytes(raw: bytes, source: str) -> Any:
    try:
        return json.loads(raw.decode("utf-8-sig"))
    except UnicodeDecodeError as exc:
        raise ExchangeError("import.encoding", path=source, line=raw.count(b"\n", 0, exc.start) + 1) from None
    except json.JSONDecodeError as exc:
        raise ExchangeError("import.json_broken", path=source, line=exc.lineno, column=exc.colno) from None
    except RecursionError:
        raise ExchangeError("import.json_broken", path=source, line=0, column=0) from None


# -- packs -----------------------------------------------------------------------------------------

def pack_items(data: Any, source: str) -> ImportData:
    try:
        pack = parse_pack(data, source)
    except PackError as exc:
        raise ExchangeError("import.pack_broken", path=source, detail=exc.params.get("detail", "")) from None
    out = ImportData(source=source, format="pack")
    for order, sc in enumerate(pack.scenarios):
        out.scenarios.append(ScenarioInfo(name=sc.name, id=sc.id, icon=sc.icon, order=order))
        for i, p in enumerate(sc.phrases, 1):
            out.items.append(ImportItem(
                row=f"{sc.name} #{i}", scenario=sc.name, scenario_id=sc.id, code=p.code, raw_code=p.code,
                title=p.title, text=p.text, tags=tuple(p.tags), hotkey=p.hotkey, pinned=p.pinned))
    return out


def build_pack(library: PhraseLibrary, *, scenarios: Iterable[str] | None = None, name: str = "",
               locale: str = "", hotkeys: bool = True) -> Pack:
    """The library (or some scenarios of it, by id or name) as a pack."""
    chosen: list[Scenario] = ([library.scenario(s) for s in scenarios] if scenarios is not None
                              else library.scenarios())
    out = []
    for sc in chosen:
        phrases = [PackPhrase(code=p.code, title=p.title, text=p.text, tags=list(p.tags),
                              hotkey=p.hotkey if hotkeys else None, pinned=p.pinned and hotkeys)
                   for p in library.phrases(sc.id)]
        out.append(PackScenario(id=sc.id, name=sc.name, icon=sc.icon, phrases=phrases))
    return Pack(name=name or "QuickReply", locale=locale, scenarios=out)


def write_pack(path: Path | str, pack: Pack, **extra: Any) -> int:
    doc = pack.to_json()
    doc.update(extra)
    atomic_write_bytes(Path(path), json.dumps(doc, ensure_ascii=False, indent=1).encode("utf-8"))
    return pack.phrase_count()


# -- backups ---------------------------------------------------------------------------------------

def backup_doc(library: PhraseLibrary, settings: dict[str, Any] | None, *,
               clock: float | None = None) -> dict[str, Any]:
    phrases = []
    for p in library.phrases():
        doc = p.to_doc()
        doc.pop("search_key", None)  # derived; made again on import
        phrases.append(doc)
    trash = []
    for t in library.trash():
        doc = t.phrase.to_doc()
        doc.pop("search_key", None)
        trash.append({"phrase": doc, "deleted": t.deleted})
    return {
        "format": BACKUP_FORMAT, "version": BACKUP_VERSION, "app_version": __version__,
        "created": time.time() if clock is None else clock,
        "scenarios": [{"id": s.id, "name": s.name, "order": s.order, "icon": s.icon}
                      for s in library.scenarios()],
        "phrases": phrases, "trash": trash, "settings": settings or {},
    }


def write_backup(path: Path | str, library: PhraseLibrary, settings: dict[str, Any] | None) -> int:
    doc = backup_doc(library, settings)
    atomic_write_bytes(Path(path), json.dumps(doc, ensure_ascii=False, indent=1).encode("utf-8"))
    return len(doc["phrases"])


def is_store_file(data: Any) -> bool:
    """The library file itself (and the automatic backups, which are copies of it)."""
    return isinstance(data, dict) and isinstance(data.get("_meta"), dict) and isinstance(
        data.get("phrases", {}), dict)


def backup_items(data: Any, source: str) -> ImportData:
    """A full backup: our export format or a copy of the library file (automatic backups)."""
    scenarios: Any
    phrases: Any
    trash: Any
    settings: Any
    if is_store_file(data):
        scenarios = list(_table(data, "scenarios"))
        phrases = list(_table(data, "phrases"))
        trash = list(_table(data, "trash"))
        settings_docs = list(_table(data, "settings"))
        settings = settings_docs[0] if settings_docs else {}
    elif isinstance(data, dict) and data.get("format") == BACKUP_FORMAT:
        if data.get("version") != BACKUP_VERSION:
            raise ExchangeError("import.backup_version", path=source, found=str(data.get("version")))
        scenarios, phrases = data.get("scenarios"), data.get("phrases")
        trash, settings = data.get("trash") or [], data.get("settings") or {}
        if not isinstance(scenarios, list) or not isinstance(phrases, list):
            raise ExchangeError("import.backup_broken", path=source,
                                detail=Reason("reason.backup_lists"))
    else:
        raise ExchangeError("import.unknown_json", path=source)
    out = ImportData(source=source, format="backup",
                     settings=settings if isinstance(settings, dict) else None,
                     trash=[t for t in trash if isinstance(t, dict)])
    names: dict[str, str] = {}
    for i, raw in enumerate(scenarios):
        try:
            s = Scenario.from_doc(raw)
        except (KeyError, TypeError, ValueError, AttributeError):
            out.bad_rows.append((f"scenario #{i + 1}", ExchangeError("import.row.unreadable")))
            continue
        names[s.id] = s.name
        out.scenarios.append(ScenarioInfo(name=s.name, id=s.id, icon=s.icon, order=s.order))
    for i, raw in enumerate(phrases, 1):
        try:
            p = Phrase.from_doc(raw)
        except (KeyError, TypeError, ValueError, AttributeError):
            out.bad_rows.append((f"#{i}", ExchangeError("import.row.unreadable")))
            continue
        out.items.append(ImportItem(
            row=f"#{i}", scenario=names.get(p.scenario, p.scenario), scenario_id=p.scenario,
            code=p.code, raw_code=p.code, title=p.title, text=p.text, tags=tuple(clean_tags(p.tags)),
            hotkey=p.hotkey,
            pinned=p.pinned, uses=p.uses, last_used=p.last_used, created=p.created or None,
            updated=p.updated or None, source=p.source, phrase_id=p.id))
    return out


def _table(data: dict[str, Any], name: str) -> Iterable[dict[str, Any]]:
    table = data.get(name) or {}
    if not isinstance(table, dict):
        return []
    # tinydb keeps documents under their numeric ids as strings: keep insertion order by id.
    keys = sorted(table, key=lambda k: int(k) if str(k).isdigit() else 0)
    return [table[k] for k in keys if isinstance(table[k], dict)]


def json_kind(data: Any) -> str | None:
    """"pack", "backup" or None for JSON that is neither."""
    if isinstance(data, dict):
        if data.get("format") == PACK_FORMAT:
            return "pack"
        if data.get("format") == BACKUP_FORMAT or is_store_file(data):
            return "backup"
    return None
