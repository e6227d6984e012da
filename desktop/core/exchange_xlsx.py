"""Excel (.xlsx) import and export with openpyxl: a scenario column, or one sheet per scenario."""

from __future__ import annotations

import io
import zipfile
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any

from desktop.core.errors import QuickReplyError
from desktop.core.exchange_csv import EXPECTED_HEADER, HEADERS, atomic_write_bytes
from desktop.core.exchange_items import (
    ExchangeError,
    ImportData,
    ImportItem,
    cell_bool,
    cell_number,
    cell_text,
    escape_cell,
    map_header,
)
from desktop.core.exchange_reasons import Reason, os_reason
from desktop.core.model import SCENARIO_NAME_LIMIT, Phrase, clean_tags
from desktop.core.store import paused_gc

Progress = Callable[[int, int], None]
# Sheet names Excel / WPS give new sheets: they say nothing about the scenario.
DEFAULT_SHEET_NAMES = {"sheet", "sheet1", "工作表1", "工作表", "sheet 1", "phrases", "话术"}
HEADER_SEARCH_ROWS = 10


def read_xlsx(path: Path | str, *, default_scenario: str = "未分组",
              progress: Progress | None = None) -> ImportData:
    with paused_gc():
        return _read(path, default_scenario, progress)


def _reason(exc: Exception) -> Reason:
    return os_reason(exc) if isinstance(exc, OSError) else Reason("reason.xlsx_damaged")


def _read(path: Path | str, default_scenario: str, progress: Progress | None) -> ImportData:
    source = str(path)
    from openpyxl import load_workbook  # imported here: it takes ~0.3 s and only imports need it

    try:
        wb = load_workbook(path, read_only=True, data_only=True)
    except (OSError, zipfile.BadZipFile, KeyError, ValueError, TypeError) as exc:
        raise ExchangeError("import.xlsx_broken", path=source, detail=_reason(exc)) from None
    data = ImportData(source=source, format="xlsx", columns=set(), default_scenario=default_scenario)
    try:
        sheets = list(wb.worksheets)
        total = sum(max(0, (ws.max_row or 0)) for ws in sheets) or 1
        done = 0
        found_header = False
        for ws in sheets:
            rows = ws.iter_rows(values_only=True)
            columns: dict[str, int] | None = None
            for n, values in enumerate(rows, 1):
                cells = [cell_text(v) for v in values]
                if columns is None:
                    if n > HEADER_SEARCH_ROWS:
                        break
                    columns = map_header(cells)
                    if columns is not None:
                        data.columns.update(columns)
                    continue
                done += 1
                if progress is not None and done % 2000 == 0:
                    progress(done, total)
                item = _item(cells, columns, ws.title, n, len(sheets))
                if item is not None:
                    data.items.append(item)
            if columns is None:
                data.notes.append(QuickReplyError("import.sheet_skipped", sheet=ws.title))
            else:
                found_header = True
    except (zipfile.BadZipFile, KeyError, ValueError, TypeError, OSError) as exc:
        raise ExchangeError("import.xlsx_broken", path=source, detail=_reason(exc)) from None
    finally:
        wb.close()
    if not found_header:
        raise ExchangeError("import.bad_header", path=source, line=1, found="—",
                            expected=EXPECTED_HEADER)
    if progress is not None:
        progress(total, total)
    return data


def _item(cells: list[str], columns: dict[str, int], sheet: str, n: int,
          sheet_count: int) -> ImportItem | None:
    def get(name: str) -> str:
        i = columns.get(name)
        return cells[i] if i is not None and i < len(cells) else ""

    text, code, title = get("text"), get("code"), get("title")
    if not text.strip() and not code.strip() and not title.strip():
        return None
    scenario = " ".join(get("scenario").split())
    if not scenario:
        named = sheet.strip()
        telling = named and named.casefold() not in DEFAULT_SHEET_NAMES
        if telling and (sheet_count > 1 or "scenario" not in columns):
            scenario = named[:SCENARIO_NAME_LIMIT]
    return ImportItem(
        row=f"{sheet}!{n}", scenario=scenario, code=code.strip(), raw_code=code, title=title, text=text,
        tags=tuple(clean_tags(get("tags"))), hotkey=get("hotkey").strip() or None,
        pinned=cell_bool(get("pinned")),
        uses=int(cell_number(get("uses")) or 0), updated=cell_number(get("updated")),
    )


def write_xlsx(path: Path | str, phrases: Iterable[Phrase], scenario_names: dict[str, str], *,
               locale: str = "zh_CN") -> int:
    """One sheet with a scenario column (sorting and filtering in Excel stay easy)."""
    from openpyxl import Workbook
    from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE

    wb = Workbook(write_only=True)
    ws: Any = wb.create_sheet("话术" if locale == "zh_CN" else "phrases")
    ws.append(list(HEADERS.get(locale, HEADERS["en"])))
    n = 0
    for p in phrases:
        # Control characters other than tab and newline are not allowed in the file format.
        ws.append([ILLEGAL_CHARACTERS_RE.sub("", escape_cell(v)) for v in (
            scenario_names.get(p.scenario, ""), p.code, p.title, p.text, ",".join(p.tags), p.hotkey or "")])
        n += 1
    buf = io.BytesIO()
    wb.save(buf)
    atomic_write_bytes(Path(path), buf.getvalue())
    return n
