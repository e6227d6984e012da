"""What an import file holds once read (rows as items), and the text helpers every format shares."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field
from typing import Any

from desktop.core.errors import QuickReplyError
from desktop.core.exchange_messages import EXCHANGE_MESSAGES
from desktop.core.exchange_reasons import REASON_MESSAGES, render_params
from desktop.core.i18n import Translator
from desktop.core.messages import MESSAGES

FORMATS = ("qianniu", "csv", "xlsx", "pack", "backup")
BACKUP_FORMAT = "quickreply-backup"
BACKUP_VERSION = 1
# Cells a spreadsheet would run as a formula (or that hide one behind a tab / carriage return).
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
# A leading apostrophe is escaped too, so a text that really starts with one survives a round trip.
_ESCAPED_STARTS = (*FORMULA_STARTS, "'")
TITLE_FROM_TEXT = 12
ALL_COLUMNS = ("scenario", "code", "title", "text", "tags", "hotkey", "pinned", "uses", "updated")


def exchange_translator(locale: str) -> Translator:
    """A translator that knows the core's messages and the import/export ones."""
    return Translator(locale, MESSAGES, EXCHANGE_MESSAGES, REASON_MESSAGES)


_ENGLISH = exchange_translator("en")


class ExchangeError(QuickReplyError):
    """An import file that cannot be read at all (the whole file, not one row)."""

    key = "import.unreadable"

    def message(self, tr: Translator) -> str:
        return tr(self.key, **render_params(self.params, tr))

    def __str__(self) -> str:
        return self.message(_ENGLISH)


@dataclass(slots=True)
class ImportItem:
    """One phrase as the file gives it; cleaned but not yet checked against the library."""

    row: str  # where it is in the file, as shown to a person: "12", "Sheet 尺码, 4", "#3"
    scenario: str  # scenario name; "" when the file leaves it empty (then the default scenario)
    code: str
    title: str
    text: str
    raw_code: str = ""  # the code as written in the file, before it was made valid
    tags: tuple[str, ...] = ()  # cleaned by the reader; a tuple, so 100k rows share the empty one
    hotkey: str | None = None
    pinned: bool = False
    uses: int = 0
    last_used: float | None = None
    created: float | None = None
    updated: float | None = None  # the file's own timestamp, for the "newer" policy
    source: str = "user"
    scenario_id: str | None = None  # packs and backups name scenarios by id as well
    phrase_id: str | None = None  # backups keep phrase ids


@dataclass(slots=True)
class ScenarioInfo:
    name: str
    id: str | None = None
    icon: str | None = None
    order: int = 0


@dataclass
class ImportData:
    """Everything read from one file."""

    source: str
    format: str
    items: list[ImportItem] = field(default_factory=list)
    scenarios: list[ScenarioInfo] = field(default_factory=list)
    # Rows that could not even be read as a phrase (ragged rows, empty text …): (row, error).
    bad_rows: list[tuple[str, QuickReplyError]] = field(default_factory=list)
    settings: dict[str, Any] | None = None  # backups only
    trash: list[dict[str, Any]] = field(default_factory=list)  # backups only
    notes: list[QuickReplyError] = field(default_factory=list)  # things worth saying (skipped sheets …)
    # Fields the file has columns for: a missing title or tags column says nothing about them.
    columns: set[str] = field(default_factory=lambda: set(ALL_COLUMNS))
    default_scenario: str = "未分组"
    # Set by a reader that has made sure no text in the file holds lone surrogates (characters
    # that are no text): planning then need not look for them row by row.
    characters_checked: bool = False


# -- cells -----------------------------------------------------------------------------------------

def escape_cell(value: str) -> str:
    """Make a cell inert for spreadsheets: a leading ``'`` before formula-like starts."""
    return "'" + value if value.startswith(_ESCAPED_STARTS) else value


def unescape_cell(value: str) -> str:
    """Undo ``escape_cell``: drop a leading ``'`` only when what follows needed the escape."""
    if value.startswith("'") and value[1:2] and value[1:].startswith(_ESCAPED_STARTS):
        return value[1:]
    return value


def cell_text(value: object) -> str:
    """A spreadsheet cell as text (numbers as typed: 1 not 1.0)."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "1" if value else ""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if isinstance(value, str):
        return unescape_cell(value)
    if hasattr(value, "isoformat"):
        return str(value.isoformat())
    return str(value)


def title_from_text(text: str) -> str:
    """A title for rows that have none: the text's first characters on one line."""
    one_line = " ".join(text.split())
    return one_line if len(one_line) <= TITLE_FROM_TEXT else one_line[:TITLE_FROM_TEXT] + "…"


_TRUE = {"1", "true", "yes", "y", "是", "置顶", "√", "✓", "x"}


def cell_bool(value: str) -> bool:
    return value.strip().casefold() in _TRUE


def cell_number(value: str) -> float | None:
    """A timestamp or count cell: a number, or an ISO date/time; None when empty or unreadable."""
    value = value.strip()
    if not value:
        return None
    try:
        return float(value)
    except ValueError:
        pass
    try:
        return dt.datetime.fromisoformat(value.replace("/", "-")).timestamp()
    except ValueError:
        return None


# -- headers ---------------------------------------------------------------------------------------

QIANNIU_HEADER = ("快捷短语编码", "快捷短语", "快捷短语分组")

# Column names people and other programs use, folded (casefold, no spaces / underscores).
COLUMN_ALIASES: dict[str, tuple[str, ...]] = {
    "scenario": ("场景", "场景名称", "分组", "快捷短语分组", "分类", "scenario", "group", "category"),
    "code": ("编码", "快捷编码", "快捷短语编码", "代码", "code", "shortcut", "shortcode"),
    "title": ("标题", "名称", "title", "name"),
    "text": ("内容", "话术", "话术内容", "快捷短语", "回复", "text", "content", "reply", "phrase"),
    "tags": ("标签", "tags", "tag"),
    "hotkey": ("快捷键", "hotkey", "shortcutkey"),
    "pinned": ("置顶", "pinned"),
    "uses": ("使用次数", "次数", "uses"),
    "updated": ("更新时间", "修改时间", "updated", "modified"),
}
_FOLD_RE = re.compile(r"[\s_\-\ufeff]+")


def fold_header(name: str) -> str:
    return _FOLD_RE.sub("", name).casefold()


_ALIAS_TO_FIELD = {fold_header(alias): f for f, aliases in COLUMN_ALIASES.items() for alias in aliases}


def map_header(cells: list[str]) -> dict[str, int] | None:
    """Column index of each known field, or None when this row is not a header (no text column)."""
    found: dict[str, int] = {}
    for i, cell in enumerate(cells):
        f = _ALIAS_TO_FIELD.get(fold_header(cell))
        if f is not None and f not in found:
            found[f] = i
    return found if "text" in found else None


def is_qianniu_header(cells: list[str]) -> bool:
    return tuple(fold_header(c) for c in cells[:3]) == QIANNIU_HEADER and all(
        not c.strip() for c in cells[3:])


# -- decoding --------------------------------------------------------------------------------------

def decode_text(raw: bytes, source: str) -> str:
    """Bytes of a text file as str: UTF-8 (with or without BOM), UTF-16 with BOM, else GB18030.

    GB18030 is a superset of GBK and GB2312, which Chinese Excel and Windows write.
    """
    if raw.startswith((b"\xff\xfe", b"\xfe\xff")):
        try:
            return raw.decode("utf-16")
        except UnicodeDecodeError as exc:
            raise ExchangeError("import.encoding", path=source, line=_line_of(raw, exc.start)) from None
    head = raw[:4096]
    if b"\x00" in head:
        raise ExchangeError("import.binary", path=source)
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError as utf8_error:
        try:
            return raw.decode("gb18030")
        except UnicodeDecodeError as gb_error:
            # The encoding that got further is the file's own: its failure is the damaged spot.
            worst = max(utf8_error.start, gb_error.start)
            raise ExchangeError("import.encoding", path=source, line=_line_of(raw, worst)) from None


def _line_of(raw: bytes, offset: int) -> int:
    return raw.count(b"\n", 0, offset) + 1
