"""CSV import and export: the general layout (any column order, zh_CN or en names) and Qianniu's."""

from __future__ import annotations

import csv
import io
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import TYPE_CHECKING

from desktop.core.errors import QuickReplyError
from desktop.core.exchange_items import (
    QIANNIU_HEADER,
    ExchangeError,
    ImportData,
    ImportItem,
    cell_bool,
    cell_number,
    escape_cell,
    is_qianniu_header,
    map_header,
    unescape_cell,
)
from desktop.core.exchange_reasons import Reason, os_reason
from desktop.core.model import Phrase, clean_tags, has_bad_characters_in
from desktop.core.store import paused_gc

if TYPE_CHECKING:
    from _csv import Reader

# Large enough that a 1 MB cell is read (and then reported as too long) instead of stopping the file.
FIELD_LIMIT = 1 << 26
GENERAL_COLUMNS = ("scenario", "code", "title", "text", "tags", "hotkey")
HEADERS = {
    "zh_CN": ("场景", "编码", "标题", "内容", "标签", "快捷键"),
    "en": ("scenario", "code", "title", "text", "tags", "hotkey"),
}
EXPECTED_HEADER = "场景,编码,标题,内容,标签,快捷键 / scenario,code,title,text,tags,hotkey"
Progress = Callable[[int, int], None]


def _allow_big_fields() -> None:
    # The limit is a setting of the csv module for the whole process; only ever raise it.
    if csv.field_size_limit() < FIELD_LIMIT:
        csv.field_size_limit(FIELD_LIMIT)


def _dialect(sample: str) -> type[csv.Dialect] | csv.Dialect:
    """Comma unless the header line clearly uses tabs or semicolons (Excel's "Unicode text", EU)."""
    first = sample.split("\n", 1)[0]
    counts = {d: first.count(d) for d in (",", "\t", ";")}
    best = max(counts, key=lambda d: counts[d])
    if best == "," or counts[best] <= counts[","]:
        return csv.excel
    return csv.excel_tab if best == "\t" else _Semicolon


class _Semicolon(csv.excel):
    delimiter = ";"


def parse_csv_text(text: str, source: str, *, fmt: str = "auto", default_scenario: str = "未分组",
                   progress: Progress | None = None) -> ImportData:
    _allow_big_fields()
    with paused_gc():
        return _parse_rows(text, source, fmt, default_scenario, progress)


def _parse_rows(text: str, source: str, fmt: str, default_scenario: str,
                progress: Progress | None) -> ImportData:
    reader = csv.reader(io.StringIO(text, newline=""), _dialect(text[:4096]))
    header: list[str] | None = None
    header_line = line = 1
    try:
        for cells in reader:
            header_line, line = line, reader.line_num + 1
            if any(c.strip() for c in cells):
                header = cells
                break
        if header is None:
            raise ExchangeError("import.empty", path=source)
        qianniu = is_qianniu_header(header)
        columns = map_header(header)
        if fmt == "qianniu" and not qianniu:
            raise ExchangeError("import.bad_header", path=source, line=header_line, found=_shown(header),
                                expected=",".join(QIANNIU_HEADER))
        if columns is None:
            raise ExchangeError("import.bad_header", path=source, line=header_line, found=_shown(header),
                                expected=EXPECTED_HEADER)
        data = ImportData(source=source, format="qianniu" if qianniu else "csv", columns=set(columns),
                          default_scenario=default_scenario)
        # Every item is made of pieces of ``text``: one look at the whole file answers for all rows.
        data.characters_checked = not has_bad_characters_in([text])
        _read_items(reader, data, columns, len(header), line, escapes="'" in text,
                    total=max(1, text.count("\n")) if progress is not None else 1, progress=progress)
    except csv.Error:
        raise ExchangeError("import.csv_broken", path=source, line=reader.line_num,
                            detail=Reason("reason.csv_syntax")) from None
    return data


def _read_items(reader: Reader, data: ImportData, columns: dict[str, int], width: int, line: int, *,
                escapes: bool, total: int, progress: Progress | None) -> None:
    """The rows after the header, as items (or bad rows) of ``data``.

    One loop with the column positions in local names: in a 100k-row file, a method call per row
    with a dozen attribute look-ups in it showed in the reading time.
    """
    g = columns.get
    text_at, code_at, title_at, scenario_at = columns["text"], g("code"), g("title"), g("scenario")
    tags_at, hotkey_at, pinned_at, uses_at, updated_at = (
        g("tags"), g("hotkey"), g("pinned"), g("uses"), g("updated"))
    # Scenario names and tag lists repeat across rows: clean each distinct one once.
    names: dict[str, str] = {}
    tag_lists: dict[str, tuple[str, ...]] = {}
    items = data.items
    for cells in reader:
        # The line a row starts on (a quoted cell may span several lines), as Excel numbers it.
        row_line, line = line, reader.line_num + 1
        if len(cells) != width:
            if not any(c.strip() for c in cells):
                continue
            if len(cells) > width and not any(c.strip() for c in cells[width:]):
                cells = cells[:width]  # trailing separators
            elif len(cells) < width and text_at < len(cells):
                cells = cells + [""] * (width - len(cells))  # trailing empty cells left out
            else:
                data.bad_rows.append((str(row_line), QuickReplyError(
                    "import.row.ragged", found=len(cells), expected=width)))
                continue
        text = cells[text_at]
        code = cells[code_at] if code_at is not None else ""
        title = cells[title_at] if title_at is not None else ""
        if not (text.strip() or code.strip() or title.strip()):
            continue
        # Only cells starting with an apostrophe can carry the formula escape, and a file without
        # any apostrophe (most) has none to look for.
        if escapes:
            if text.startswith("'"):
                text = unescape_cell(text)
            if title.startswith("'"):
                title = unescape_cell(title)
            if code.startswith("'"):
                code = unescape_cell(code)
        scenario = ""
        if scenario_at is not None:
            raw = cells[scenario_at]
            scenario = names.get(raw)  # type: ignore[assignment]
            if scenario is None:
                scenario = names[raw] = " ".join(unescape_cell(raw).split())
        tags: tuple[str, ...] = ()
        if tags_at is not None:
            raw = cells[tags_at]
            if raw:
                tags = tag_lists.get(raw)  # type: ignore[assignment]
                if tags is None:
                    tags = tag_lists[raw] = tuple(clean_tags(unescape_cell(raw)))
        hotkey = None
        if hotkey_at is not None and cells[hotkey_at]:
            hotkey = cells[hotkey_at].strip() or None
        item = ImportItem(str(row_line), scenario, code.strip(), title, text, code, tags, hotkey)
        if pinned_at is not None:
            item.pinned = cell_bool(cells[pinned_at])
        if uses_at is not None:
            item.uses = int(cell_number(cells[uses_at]) or 0)
        if updated_at is not None:
            item.updated = cell_number(cells[updated_at])
        items.append(item)
        if progress is not None and len(items) % 2000 == 0:
            progress(min(row_line, total), total)
    if progress is not None:
        progress(total, total)


def _shown(cells: list[str]) -> str:
    joined = ",".join(cells)
    return joined if len(joined) <= 80 else joined[:80] + "…"


# -- export ----------------------------------------------------------------------------------------

def write_csv(path: Path | str, phrases: Iterable[Phrase], scenario_names: dict[str, str], *,
              locale: str = "zh_CN", qianniu: bool = False) -> int:
    """Write phrases as CSV (UTF-8 with BOM, so Excel shows Chinese correctly); returns the count."""
    buf = io.StringIO(newline="")
    writer = csv.writer(buf, csv.excel)
    n = 0
    if qianniu:
        writer.writerow(QIANNIU_HEADER)
        for p in phrases:
            writer.writerow([escape_cell(p.code), escape_cell(p.text),
                             escape_cell(scenario_names.get(p.scenario, ""))])
            n += 1
    else:
        writer.writerow(HEADERS.get(locale, HEADERS["en"]))
        for p in phrases:
            writer.writerow([escape_cell(v) for v in (
                scenario_names.get(p.scenario, ""), p.code, p.title, p.text, ",".join(p.tags),
                p.hotkey or "")])
            n += 1
    atomic_write_bytes(Path(path), buf.getvalue().encode("utf-8-sig"))
    return n


def atomic_write_bytes(path: Path, payload: bytes) -> None:
    """Write next to the target and move it into place, so readers never see half a file."""
    import os

    tmp = path.with_name(f".{path.name}.tmp-{os.getpid()}")
    try:
        with open(tmp, "wb") as fh:
            fh.write(payload)
            fh.flush()
            os.fsync(fh.fileno())
        os.replace(tmp, path)
    except OSError as exc:
        try:
            tmp.unlink()
        except OSError:
            pass
        raise ExchangeError("export.write_failed", path=str(path), detail=os_reason(exc)) from None
