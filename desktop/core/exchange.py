"""Import and export entry points: find a file's format, read it into items, write the library out."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from desktop.core.exchange_csv import parse_csv_text, write_csv
from desktop.core.exchange_items import ExchangeError, ImportData, decode_text
from desktop.core.exchange_json import (
    backup_items,
    build_pack,
    json_kind,
    pack_items,
    parse_json_bytes,
    write_backup,
    write_pack,
)
from desktop.core.exchange_reasons import Reason, os_reason
from desktop.core.exchange_xlsx import read_xlsx, write_xlsx
from desktop.core.library import PhraseLibrary
from desktop.core.merge import ImportPlan, RiskChecker, plan_import
from desktop.core.model import default_scenario_name
from desktop.core.store import paused_gc

IMPORT_FORMATS = ("auto", "qianniu", "csv", "xlsx", "pack", "backup")
EXPORT_FORMATS = ("csv", "qianniu", "xlsx", "json", "pack", "backup")
Progress = Callable[[int, int], None]
_ZIP_MAGIC = b"PK\x03\x04"


def read_import(path: Path | str, fmt: str = "auto", *, locale: str = "zh_CN",
                progress: Progress | None = None) -> ImportData:
    """Read any supported file. ``fmt`` "auto" looks at the content, not only the extension."""
    if fmt not in IMPORT_FORMATS:
        raise ExchangeError("import.unknown_format", format=fmt, known=", ".join(IMPORT_FORMATS))
    source = str(path)
    p = Path(path)
    if not p.is_file():
        raise ExchangeError("import.cannot_open", path=source,
                            detail=Reason("reason.is_folder" if p.is_dir() else "reason.missing"
                                          if not p.exists() else "reason.not_a_file"))
    default = default_scenario_name(locale)
    with open(p, "rb") as fh:
        head = fh.read(8)
    is_zip = head.startswith(_ZIP_MAGIC)
    if fmt == "xlsx" or (fmt == "auto" and is_zip):
        if not is_zip:
            raise ExchangeError("import.xlsx_broken", path=source, detail=Reason("reason.not_xlsx"))
        return read_xlsx(p, default_scenario=default, progress=progress)
    if is_zip:
        raise ExchangeError("import.wrong_format", path=source, format=fmt, found="xlsx")
    try:
        raw = p.read_bytes()
    except OSError as exc:
        raise ExchangeError("import.cannot_open", path=source, detail=os_reason(exc)) from None
    looks_json = raw[:64].lstrip(b"\xef\xbb\xbf \t\r\n")[:1] in (b"{", b"[")
    if fmt in ("pack", "backup") or (fmt == "auto" and looks_json):
        data = parse_json_bytes(raw, source)
        kind = json_kind(data)
        if kind is None or (fmt != "auto" and kind != fmt):
            raise ExchangeError("import.unknown_json", path=source)
        return pack_items(data, source) if kind == "pack" else backup_items(data, source)
    text = decode_text(raw, source)
    return parse_csv_text(text, source, fmt=fmt if fmt == "qianniu" else "auto", default_scenario=default,
                          progress=progress)


def preview_import(library: PhraseLibrary, path: Path | str, fmt: str = "auto", policy: str = "skip", *,
                   locale: str = "zh_CN", checker: RiskChecker | None = None,
                   progress: Progress | None = None) -> ImportPlan:
    """Read a file and plan its import (the dry run the window shows); writes nothing.

    Reading and planning share one pause of the garbage collector, so the objects made for a
    large file are not walked by a collection between the two steps.
    """
    with paused_gc():
        data = read_import(path, fmt, locale=locale, progress=progress)
        return plan_import(library, data, policy, checker=checker)


def export_format_for(path: Path | str, fmt: str | None) -> str:
    if fmt:
        if fmt not in EXPORT_FORMATS:
            raise ExchangeError("export.unknown_format", format=fmt, known=", ".join(EXPORT_FORMATS))
        return "pack" if fmt == "json" else fmt
    suffix = Path(path).suffix.lower()
    if suffix in (".xlsx", ".xlsm"):
        return "xlsx"
    if suffix == ".json":
        return "pack"
    if suffix in (".csv", ".txt"):
        return "csv"
    raise ExchangeError("export.unknown_extension", path=str(path), known=", ".join(EXPORT_FORMATS))


def export_library(library: PhraseLibrary, path: Path | str, fmt: str | None = None, *,
                   scenario: str | None = None, locale: str = "zh_CN",
                   settings: dict[str, Any] | None = None, pack_name: str = "") -> int:
    """Write the library (or one scenario) to ``path``; returns the number of phrases written."""
    kind = export_format_for(path, fmt)
    if kind == "backup":
        # A backup is the whole library by definition; a scenario filter would make it lie.
        return write_backup(path, library, settings)
    if kind == "pack":
        pack = build_pack(library, scenarios=[scenario] if scenario else None, name=pack_name, locale=locale)
        return write_pack(path, pack)
    names = {s.id: s.name for s in library.scenarios()}
    phrases = library.phrases(scenario) if scenario else library.phrases()
    if kind == "xlsx":
        return write_xlsx(path, phrases, names, locale=locale)
    return write_csv(path, phrases, names, locale=locale, qianniu=kind == "qianniu")
