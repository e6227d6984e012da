"""Planning an import: compare a file's phrases with the library and decide, writing nothing.

Carrying a plan out (and undoing it) lives in ``merge_apply``.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Container, Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Protocol, cast

from desktop.core.errors import FieldError, QuickReplyError
from desktop.core.exchange_items import (
    ExchangeError,
    ImportData,
    ImportItem,
    ScenarioInfo,
    title_from_text,
)
from desktop.core.exchange_reasons import join_messages
from desktop.core.i18n import Translator
from desktop.core.library import PhraseLibrary
from desktop.core.model import (
    CODE_RE,
    SCENARIO_NAME_LIMIT,
    TEXT_LIMIT,
    TITLE_LIMIT,
    Phrase,
    check_hotkey,
    check_tags,
    check_text,
    check_title,
    clean_text,
    has_bad_characters,
    has_bad_characters_in,
)
from desktop.core.store import paused_gc

POLICIES = ("skip", "overwrite", "newer", "rename")
Progress = Callable[[int, int], None]
NEW_SCENARIO = "\0new:"  # prefix of a scenario reference that the import will create
_CODE_CHARS = re.compile(r"[^a-z0-9_-]+")
_HAN = re.compile(r"[\u3400-\u9fff]")


class RiskChecker(Protocol):
    def check(self, text: str) -> list[Any]: ...


@dataclass(slots=True)
class PlanEntry:
    item: ImportItem
    status: str  # new | identical | changed | conflict
    action: str  # add | update | skip
    code: str  # the code it gets (made up or renamed when needed)
    scenario: str  # an existing scenario id, or a reference to one the import creates
    title: str
    text: str
    hotkey: str | None
    existing: Phrase | None
    notes: tuple[QuickReplyError, ...]  # a tuple: most entries share the empty one
    findings: tuple[Any, ...] = ()


@dataclass(slots=True)
class InvalidRow:
    row: str
    errors: list[QuickReplyError]


@dataclass
class ImportPlan:
    """What an import would do. Building it writes nothing (the dry run)."""

    data: ImportData
    policy: str
    entries: list[PlanEntry]
    invalid: list[InvalidRow]
    new_scenarios: list[ScenarioInfo]
    duplicates: list[str]  # rows repeating an earlier row of the same file
    derived_codes: list[tuple[str, str, str]]  # (row, code in the file, code given)

    def count(self, *, status: str | None = None, action: str | None = None) -> int:
        return sum(1 for e in self.entries
                   if (status is None or e.status == status) and (action is None or e.action == action))

    @property
    def counts(self) -> dict[str, int]:
        out = {s: self.count(status=s) for s in ("new", "identical", "changed", "conflict")}
        out.update({a: self.count(action=a) for a in ("add", "update", "skip")})
        out["invalid"] = len(self.invalid)
        out["duplicates"] = len(self.duplicates)
        out["risky"] = sum(1 for e in self.entries if e.findings)
        return out

    @property
    def writes(self) -> bool:
        return any(e.action != "skip" for e in self.entries)

    def summary(self, tr: Translator, *, detail_limit: int = 10) -> list[str]:
        """Lines telling a person what the import found and would do."""
        c = self.counts
        lines = [
            tr("import.summary.head", source=Path(self.data.source).name, format=self.data.format,
               total=len(self.entries) + c["invalid"] + c["duplicates"]),
            tr("import.summary.counts", new=c["new"], identical=c["identical"], changed=c["changed"],
               conflict=c["conflict"], invalid=c["invalid"], duplicates=c["duplicates"]),
            tr("import.summary.actions", policy=tr(f"import.policy.{self.policy}"), add=c["add"],
               update=c["update"], skip=c["skip"]),
        ]
        if self.new_scenarios:
            names = "、".join(s.name for s in self.new_scenarios)
            lines.append(tr("import.summary.new_scenarios", names=names))
        if self.derived_codes:
            row, old, new = self.derived_codes[0]
            lines.append(tr("import.summary.derived_codes", count=len(self.derived_codes), row=row,
                            old=old or "—", new=new))
        if self.policy == "newer" and any(
                e.status in ("changed", "conflict") and e.item.updated is None for e in self.entries):
            lines.append(tr("import.summary.no_timestamps"))
        for bad in self.invalid[:detail_limit]:
            reasons = join_messages((e.message(tr) for e in bad.errors), tr.locale)
            lines.append(tr("import.summary.invalid_row", row=bad.row, reason=reasons))
        if len(self.invalid) > detail_limit:
            lines.append(tr("import.summary.more", count=len(self.invalid) - detail_limit))
        row_notes = [(e.item.row, note) for e in self.entries for note in e.notes]
        for row, note in row_notes[:detail_limit]:
            lines.append(tr("import.summary.row_note", row=row, note=note.message(tr)))
        if len(row_notes) > detail_limit:
            lines.append(tr("import.summary.more", count=len(row_notes) - detail_limit))
        for note in self.data.notes:
            lines.append(note.message(tr))
        risky = [e for e in self.entries if e.findings]
        if risky:
            block = sum(1 for e in risky if any(getattr(f, "severity", "") == "block" for f in e.findings))
            lines.append(tr("import.summary.risky", count=len(risky), block=block))
            for e in risky[:detail_limit]:
                words = "、".join(dict.fromkeys(str(getattr(f, "match", "")) for f in e.findings))
                lines.append(tr("import.summary.risky_row", row=e.item.row, code=e.code, words=words))
        return lines


# -- planning --------------------------------------------------------------------------------------

def pinyin_initials(text: str, limit: int = 4) -> str:
    """First letters of the first few Chinese characters / ASCII letters and digits of ``text``."""
    picked: list[str] = []
    for ch in text:
        if len(picked) >= limit:
            break
        if ch.isascii() and ch.isalnum():
            picked.append(ch.lower())
        elif _HAN.match(ch):
            picked.append(ch)
    if not picked:
        return ""
    joined = "".join(picked)
    if not _HAN.search(joined):
        return joined
    try:
        from pypinyin import Style, lazy_pinyin  # imported when first needed (~0.15 s)
    except ImportError:
        return _CODE_CHARS.sub("", joined)
    letters = lazy_pinyin(joined, style=Style.FIRST_LETTER, errors="ignore")
    return _CODE_CHARS.sub("", "".join(letters).lower())


def content_of(p: Phrase) -> tuple[Any, ...]:
    """What an undo compares to tell whether a phrase was edited after the import wrote it."""
    return (p.code, p.title, p.text, tuple(p.tags), p.scenario, p.hotkey)


class _Codes:
    """Which codes are taken: by the library, by explicit codes in the file, or already given out."""

    def __init__(self, library: PhraseLibrary, explicit: Iterable[str | None],
                 explicit_set: set[str] | None = None) -> None:
        self._library = library
        self._explicit_codes = explicit
        # Made on first use (most files never need a free code) unless the caller has it already.
        self._explicit: set[str] | None = explicit_set
        self.claimed: Container[str] = set()

    def taken(self, code: str) -> bool:
        if self._explicit is None:
            self._explicit = {c for c in self._explicit_codes if c}
        return code in self.claimed or code in self._explicit or self._library.find_code(code) is not None

    def free(self, base: str) -> str:
        # Same scheme as PhraseLibrary.free_code, but also avoiding codes the file itself uses.
        base = base[:16] or "p"
        if not self.taken(base):
            return base
        n = 2
        while True:
            suffix = str(n)
            candidate = base[: 16 - len(suffix)] + suffix
            if not self.taken(candidate):
                return candidate
            n += 1


def plan_import(library: PhraseLibrary, data: ImportData, policy: str = "skip", *,
                checker: RiskChecker | None = None,
                initials: Callable[[str], str] = pinyin_initials) -> ImportPlan:
    """Compare what a file holds with the library. Writes nothing."""
    if policy not in POLICIES:
        raise ExchangeError("import.unknown_policy", policy=policy, known=", ".join(POLICIES))
    with paused_gc():
        return _plan(library, data, policy, checker, initials)


def _plan(library: PhraseLibrary, data: ImportData, policy: str, checker: RiskChecker | None,
          initials: Callable[[str], str]) -> ImportPlan:
    scenarios = library.scenarios()  # sorted on each call: once is enough
    scenario_ids = {s.id: s.id for s in scenarios}
    scenario_names = {s.name.casefold(): s.id for s in scenarios}
    file_scenarios = {(s.id or s.name.casefold()): s for s in data.scenarios}
    new_scenarios: dict[str, ScenarioInfo] = {}
    by_text: dict[str, Phrase] = {}
    by_code: dict[str, Phrase] = {}  # the library's phrases by code: a dict lookup per row, no call
    for p in library.phrases():
        by_text.setdefault(p.text, p)
        by_code[p.code] = p
    fullmatch = CODE_RE.fullmatch
    # A code already valid is kept as it is: lowering it would only copy it (100k rows).
    valid_codes: list[str | None] = [
        c if fullmatch(c := item.code.strip()) else c if fullmatch(c := c.lower()) else None
        for item in data.items]
    # Lone surrogates come only from a damaged file: unless the reader has ruled them out already,
    # one pass over every text and title tells whether any row needs the test at all.
    check_characters = not data.characters_checked and has_bad_characters_in(
        [i.text for i in data.items], [i.title for i in data.items])
    # Texts are remembered only when some row has no usable code (then a repeat is told by its text).
    track_texts = None in valid_codes
    explicit = None if track_texts else cast("set[str]", set(valid_codes))  # no None in it
    codes = _Codes(library, valid_codes, explicit)
    # Each entry's code is remembered so that a later row finds it taken. When every row has a code
    # of its own that no other row shares (most files), a later row can only meet a code made up
    # here, since the file's own codes count as taken anyway (explicit): then only the made-up codes
    # are remembered, not a 100k-entry dict of the file's.
    remember_all = explicit is None or len(explicit) < len(valid_codes)
    hotkeys_used: dict[str, str] = {hotkey: p.id for hotkey, p in library.by_hotkey().items()}
    seen_code: dict[str, PlanEntry] = {}
    codes.claimed = seen_code
    find_code = by_code.get
    seen_text: dict[str, str] = {}  # text -> scenario reference of the row that had it
    plan = ImportPlan(data=data, policy=policy, entries=[], invalid=[], new_scenarios=[], duplicates=[],
                      derived_codes=[])
    plan.invalid.extend(InvalidRow(row, [err]) for row, err in data.bad_rows)

    def scenario_ref(item: ImportItem) -> tuple[str, list[QuickReplyError]]:
        if item.scenario_id and item.scenario_id in scenario_ids:
            return item.scenario_id, []
        name = " ".join(item.scenario.split()) or data.default_scenario
        folded = name.casefold()
        if folded in scenario_names:
            return scenario_names[folded], []
        if folded in scenario_ids:
            return folded, []
        if len(name) > SCENARIO_NAME_LIMIT:
            return "", [FieldError("scenario", "scenario.name.too_long", limit=SCENARIO_NAME_LIMIT)]
        if folded not in new_scenarios:
            info = file_scenarios.get(item.scenario_id or folded)
            new_scenarios[folded] = ScenarioInfo(name=name, id=item.scenario_id,
                                                 icon=info.icon if info else None)
        return NEW_SCENARIO + folded, []

    refs: dict[str | tuple[str, str], tuple[str, list[QuickReplyError]]] = {}
    # Tag lists repeat across rows: each distinct one is checked once.
    tag_checks: dict[tuple[str, ...], bool] = {}
    # Per-row work is kept lean (a 100k-row file): cheap tests first, the full checks only for
    # rows that fail them, and scenario lookups once per distinct name.
    entries = plan.entries
    for item, valid_code in zip(data.items, valid_codes, strict=True):
        text = item.text
        if "\r" in text:
            text = text.replace("\r\n", "\n").replace("\r", "\n")
        text = text.strip()
        title = item.title
        if title:
            if "\n" in title or "\r" in title:
                title = clean_text(title).replace("\n", " ")
            title = title.strip()
        title = title or title_from_text(text)
        tags = item.tags  # readers hand over cleaned tags
        ref_key: str | tuple[str, str] = item.scenario if item.scenario_id is None else (
            item.scenario_id, item.scenario)
        found = refs.get(ref_key)
        if found is None:
            found = refs[ref_key] = scenario_ref(item)
        sref, sc_errors = found
        tags_ok = True
        if tags:
            tags_ok = tag_checks.get(tags)  # type: ignore[assignment]
            if tags_ok is None:
                tags_ok = tag_checks[tags] = not check_tags(list(tags))
        if (not text or len(text) > TEXT_LIMIT or len(title) > TITLE_LIMIT or sc_errors or not tags_ok
                or (check_characters and (has_bad_characters(text) or has_bad_characters(title)))):
            errors: list[QuickReplyError] = [*check_text(text), *check_title(title), *check_tags(list(tags)),
                                             *sc_errors]
            plan.invalid.append(InvalidRow(item.row, errors))
            continue
        notes: tuple[QuickReplyError, ...] = ()
        hotkey = None
        if item.hotkey:
            hotkey, hk_errors = check_hotkey(item.hotkey)
            notes = tuple(hk_errors)
        if item.phrase_id is not None:
            if not remember_all:
                # A phrase matched by id may take any code, also one an earlier row has as its own:
                # from here on every code given out is remembered, those given so far first.
                seen_code.update((e.code, e) for e in entries)
                remember_all = True
            # A backup names its phrases by id: one whose code was changed here since is still
            # the same phrase, compared under its code here rather than added again.
            same_phrase = _by_id(library, item.phrase_id)
            if same_phrase is not None and same_phrase.code not in seen_code:
                valid_code = same_phrase.code
        if valid_code is not None:
            code = valid_code
            earlier = seen_code.get(code)
            if earlier is not None:
                if earlier.text == text:
                    plan.duplicates.append(item.row)
                    continue
                new_code = codes.free(code)
                plan.derived_codes.append((item.row, item.raw_code, new_code))
                code = new_code
        else:
            code = item.code.strip().lower()
            if seen_text.get(text) == sref:
                plan.duplicates.append(item.row)
                continue
            same = by_text.get(text)
            if same is not None and same.code not in codes.claimed:
                code = same.code  # already in the library: matched by its text, not duplicated
            else:
                base = _CODE_CHARS.sub("", code) if code else ""
                if not base or len(base) > 16:
                    base = initials(item.raw_code if _HAN.search(item.raw_code) else title) or "p"
                code = codes.free(base[:16])
                plan.derived_codes.append((item.row, item.raw_code, code))
        existing = find_code(code)
        if existing is None:
            status = "new"
        elif existing.text != text:
            status = "conflict"
        elif (not item.title.strip() or existing.title == title) and (
                "tags" not in data.columns or tuple(existing.tags) == tags) and (
                not scenario_given(item) or existing.scenario == sref) and (
                hotkey is None or hotkey == existing.hotkey):
            # Only what the file says counts: a Qianniu file has no titles, an empty group no scenario.
            status = "identical"
        else:
            status = "changed"
        action = "add" if status == "new" else _action(status, policy, item, existing)
        if action == "rename":
            code = codes.free(code)
            old_code = existing.code if existing else ""
            notes = (*notes, QuickReplyError("import.note.renamed", old=old_code, new=code))
            existing, action = None, "add"
        if hotkey and action != "skip":
            owner = hotkeys_used.get(hotkey)
            own_id = existing.id if existing is not None and action == "update" else None
            reserved = owner is None and any(
                e.field == "hotkey" for e in library.check_phrase(None, hotkey=hotkey))
            if (owner is not None and owner != own_id) or reserved:
                notes = (*notes, QuickReplyError("import.note.hotkey_dropped", hotkey=hotkey))
                hotkey = None
            else:
                hotkeys_used[hotkey] = own_id or f"row:{item.row}"
        entry = PlanEntry(item, status, action, code, sref, title, text, hotkey, existing, notes)
        if checker is not None and action != "skip":
            entry.findings = tuple(checker.check(text))
        if remember_all or code != valid_code:
            seen_code[code] = entry  # also marks the code as claimed (codes.claimed is this dict)
        if track_texts:
            seen_text[text] = sref
        entries.append(entry)
    plan.new_scenarios = _used_new_scenarios(new_scenarios, entries)
    return plan


def _used_new_scenarios(new_scenarios: dict[str, ScenarioInfo],
                        entries: list[PlanEntry]) -> list[ScenarioInfo]:
    """The scenarios to create: those some written row lands in."""
    wanted = {NEW_SCENARIO + key for key in new_scenarios}
    used: set[str] = set()
    if wanted:
        for e in entries:
            if e.action != "skip" and e.scenario in wanted:
                used.add(e.scenario)
                if len(used) == len(wanted):
                    break  # all found, usually within the first rows: no need to walk 100k more
    return [s for key, s in new_scenarios.items() if NEW_SCENARIO + key in used]


def _by_id(library: PhraseLibrary, phrase_id: str) -> Phrase | None:
    try:
        return library.phrase(phrase_id)
    except QuickReplyError:
        return None


def scenario_given(item: ImportItem) -> bool:
    """False for a row with an empty group: then its scenario says nothing (default scenario)."""
    return bool(item.scenario_id or item.scenario.strip())


def _action(status: str, policy: str, item: ImportItem, existing: Phrase | None) -> str:
    if status == "new":
        return "add"
    if status == "identical":
        return "skip"
    if policy == "overwrite":
        return "update"
    if policy == "newer":
        newer = item.updated is not None and existing is not None and item.updated > existing.updated
        return "update" if newer else "skip"
    if policy == "rename" and status == "conflict":
        return "rename"
    return "skip"
