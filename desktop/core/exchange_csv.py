"""CSV import and export: the general layout (any column order, zh_CN or en names) and Qianniu's."""

from __future__ import annotations

import csv
import io
from collections.abc import Callable, Iterable
from pathlib import Path

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
from desktop.core.model import Phrase, clean_tags
from desktop.core.store import paused_gc

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
        make = _Columns(columns).item
        width = len(header)
        text_at = columns["text"]
        total = max(1, text.count("\n"))
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
            item = make(cells, str(row_line))
            if item is not None:
                items.append(item)
                if progress is not None and len(items) % 2000 == 0:
                    progress(min(row_line, total), total)
    except csv.Error:
        raise ExchangeError("import.csv_broken", path=source, line=reader.line_num,
                            detail=Reason("reason.csv_syntax")) from None
    if progress is not None:
        progress(total, total)
    return data


class _Columns:
    """Turns a row into an item; the column positions are looked up once, not per row (100k rows)."""

    def __init__(self, columns: dict[str, int]) -> None:
        g = columns.get
        self.text, self.code, self.title, self.scenario = g("text"), g("code"), g("title"), g("scenario")
        self.tags, self.hotkey, self.pinned, self.uses, self.updated = (
            g("tags"), g("hotkey"), g("pinned"), g("uses"), g("updated"))
        # Scenario names and tag lists repeat across rows: clean each distinct one once.
        self._names: dict[str, str] = {}
        self._tags: dict[str, tuple[str, ...]] = {}

    def item(self, cells: list[str], row: str) -> ImportItem | None:
        text = cells[self.text]  # type: ignore[index]
        code = cells[self.code] if self.code is not None else ""
        title = cells[self.title] if self.title is not None else ""
        if not (text.strip() or code.strip() or title.strip()):
            return None
        # Only cells starting with an apostrophe can carry the formula escape.
        if text.startswith("'"):
            text = unescape_cell(text)
        if title.startswith("'"):
            title = unescape_cell(title)
        if code.startswith("'"):
            code = unescape_cell(code)
        scenario = ""
        if self.scenario is not None:
            raw = cells[self.scenario]
            scenario = self._names.get(raw)  # type: ignore[assignment]
            if scenario is None:
                scenario = self._names[raw] = " ".join(unescape_cell(raw).split())
        item = ImportItem(row, scenario, code.strip(), title, text, code)  # positional: 100k of them
        if self.tags is not None and cells[self.tags]:
            raw = cells[self.tags]
            tags = self._tags.get(raw)
            if tags is None:
                tags = self._tags[raw] = tuple(clean_tags(unescape_cell(raw)))
            item.tags = tags
        if self.hotkey is not None and cells[self.hotkey].strip():
            item.hotkey = cells[self.hotkey].strip()
        if self.pinned is not None:
            item.pinned = cell_bool(cells[self.pinned])
        if self.uses is not None:
            item.uses = int(cell_number(cells[self.uses]) or 0)
        if self.updated is not None:
            item.updated = cell_number(cells[self.updated])
        return item


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
