"""The phrase library: scenarios and phrases held in memory, every change written through the store."""

from __future__ import annotations

import contextlib
import time
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, replace
from typing import Any, Protocol

from desktop.core.errors import FieldError, NotFound, QuickReplyError, ValidationFailed
from desktop.core.hotkey_spec import normalise_hotkey, reserved_reason
from desktop.core.library_batch import PHRASES, BatchEdits
from desktop.core.library_records import RecordTable
from desktop.core.model import (
    SCENARIO_NAME_LIMIT,
    SOURCES,
    Phrase,
    Scenario,
    check_code,
    check_hotkey,
    check_tags,
    check_text,
    check_title,
    clean_tags,
    clean_text,
    has_bad_characters,
)
from desktop.core.snapshot import Rows
from desktop.core.store import Store, paused_gc
from desktop.core.trash import Trash, Trashed

SCENARIOS = "scenarios"
EDITABLE = ("scenario", "code", "title", "text", "tags", "hotkey", "pinned", "source")


class SearchKeyer(Protocol):
    """Computes the stored search keys (pinyin readings, initials) of a phrase and a name."""

    version: str

    def phrase_key(self, phrase: Phrase) -> dict[str, str]: ...

    def name_key(self, name: str) -> str: ...


class NullKeyer:
    version = "none"

    def phrase_key(self, phrase: Phrase) -> dict[str, str]:
        return {}

    def name_key(self, name: str) -> str:
        return ""


def _uuid4_hex() -> str:
    import uuid  # on the first new phrase, not at every start (it brings platform along)

    return uuid.uuid4().hex


def _as_text(value: object) -> str:
    """Fields typed by a person or read from a file: None is empty, anything else its text."""
    return "" if value is None else str(value)


@dataclass(frozen=True)
class Change:
    """What changed, for listeners (the search index, the window's model)."""

    kind: str  # added | updated | removed | used | scenarios | reset
    ids: tuple[str, ...] = ()


Listener = Callable[[Change], None]


class PhraseLibrary(BatchEdits):
    """All edits go through here: it validates, keeps codes and hotkeys unique and saves."""

    def __init__(
        self,
        store: Store,
        *,
        keyer: SearchKeyer | None = None,
        clock: Callable[[], float] = time.time,
        new_id: Callable[[], str] = _uuid4_hex,
        reserved_hotkeys: Callable[[], Iterable[str]] = lambda: (),
        use_flush_interval: float = 30.0,
        default_scenario_name: str = "未分组",
    ) -> None:
        self._store = store
        self._trash = Trash(store)
        # Where a restored phrase goes when no scenario is left; named in the user's language.
        self._default_scenario_name = default_scenario_name
        self._keyer: SearchKeyer = keyer or NullKeyer()
        self._clock = clock
        self._new_id = new_id
        self._reserved_hotkeys = reserved_hotkeys
        self._use_flush_interval = use_flush_interval
        self._last_use_flush = clock()
        self._listeners: list[Listener] = []
        self._phrases: dict[str, Phrase] = {}
        # Every phrase in display order, sorted once and kept until something but a use changes.
        self._display_order: list[Phrase] | None = None
        self._doc_ids: dict[str, int] = {}
        self._by_code: dict[str, str] = {}
        self._scenarios: dict[str, Scenario] = {}
        self._scenario_doc_ids: dict[str, int] = {}
        # The store writes the phrases and scenarios from these dicts: there is no second copy.
        self._phrase_table = RecordTable(Phrase, self._phrases, self._doc_ids,
                                         repeated=("scenario", "tags", "source", "created", "updated"))
        self._scenario_table = RecordTable(Scenario, self._scenarios, self._scenario_doc_ids)
        self.skipped: list[str] = []  # documents that could not be read, reported to the user
        self._load()

    # -- loading ---------------------------------------------------------------------------------

    def _load(self) -> None:
        with paused_gc():
            self._read_documents()
        self._phrase_table.loaded()
        self._scenario_table.loaded()
        self._store.adopt(SCENARIOS, self._scenario_table)
        self._store.adopt(PHRASES, self._phrase_table)
        rekey = self._store.meta.get("search_key_version") != self._keyer.version
        if rekey and self._store.readonly:
            # Keys made by another keyer version would give wrong matches: make them in memory;
            # the next writable open stores them.
            for s in self._scenarios.values():
                s.search_key = self._keyer.name_key(s.name)
            for p in self._phrases.values():
                p.search_key = self._keyer.phrase_key(p)
        elif rekey and (self._phrases or self._scenarios):
            self._rekey_all()
        elif rekey:
            self._store.meta["search_key_version"] = self._keyer.version

    def _read_documents(self) -> None:
        # Both tables' rows first: asking for one table's documents turns the other's rows back
        # into documents.
        scenario_rows, phrase_rows = self._store.rows(SCENARIOS), self._store.rows(PHRASES)
        for doc_id, s, doc in self._records(SCENARIOS, scenario_rows, self._scenario_table):
            if s.id in self._scenarios:
                self._skip(self._scenario_table, doc_id, doc if doc is not None else s.to_doc())
                continue
            self._scenarios[s.id] = s
            self._scenario_doc_ids[s.id] = doc_id
        for doc_id, p, doc in self._records(PHRASES, phrase_rows, self._phrase_table):
            if p.code in self._by_code or p.id in self._phrases:
                # A hand-edited or merged file with a repeated code: keep the first, report the rest.
                self._skip(self._phrase_table, doc_id, doc if doc is not None else p.to_doc())
                continue
            self._phrases[p.id] = p
            self._doc_ids[p.id] = doc_id
            self._by_code[p.code] = p.id

    def _records(self, name: str, rows: Rows | None,
                 table: RecordTable[Any]) -> Iterator[tuple[int, Any, dict[str, Any] | None]]:
        """(document id, record, its document or None) for every readable document of a table.

        From the snapshot's rows when the store has them (made from records, so taken as they
        are), else from the stored documents, read in place: copying 10k of them through tinydb's
        Document objects first would cost a third of the start-up time. The unreadable ones are
        reported and kept in the file as they are.
        """
        record_type: Any = table.record_type
        docs: Iterable[tuple[int, Any]]
        if rows is None:
            docs = self._store.documents(name)
        else:
            fields, values, kept = rows
            if fields == table.fields:
                for doc_id, row in values:
                    yield doc_id, record_type(*row), None
                docs = ((int(k), doc) for k, doc in kept.items())
            else:  # made by a version with other fields: the careful way
                docs = [*((i, dict(zip(fields, row, strict=True))) for i, row in values),
                        *((int(k), doc) for k, doc in kept.items())]
        for doc_id, doc in docs:
            try:
                record = record_type.from_doc(doc)
            except (KeyError, TypeError, ValueError, AttributeError):
                self._skip(table, doc_id, doc)
                continue
            yield doc_id, record, doc

    def _skip(self, table: RecordTable[Any], doc_id: int, doc: Any) -> None:
        self.skipped.append(f"{table.kind} {doc!r:.80}")
        table.keep(doc_id, doc)

    def _rekey_all(self) -> None:
        """Search keys were made by another version of the keyer: make them again, once."""
        with self._store.deferred():
            for s in self._scenarios.values():
                s.search_key = self._keyer.name_key(s.name)
                self._write_scenario(s)
            for p in self._phrases.values():
                p.search_key = self._keyer.phrase_key(p)
                self._write_phrase(p)
            self._store.meta["search_key_version"] = self._keyer.version

    # -- listeners -------------------------------------------------------------------------------

    def subscribe(self, listener: Listener) -> Callable[[], None]:
        self._listeners.append(listener)
        return lambda: self._listeners.remove(listener)

    def _emit(self, kind: str, ids: Iterable[str] = ()) -> None:
        change = Change(kind, tuple(ids))
        if kind != "used":  # a use changes counters, never the display order
            self._display_order = None
        for listener in list(self._listeners):
            listener(change)

    @contextlib.contextmanager
    def _telling(self, kind: str, ids: Iterable[str] | None = None) -> Iterator[list[str]]:
        """Listeners hear of the change once the block ends, also when its save fails: the change
        stays in memory for the next save (the store keeps it pending and says the save failed),
        so the list and the search must show it. The ids are ``ids``, or those the block appends
        to the list it is given; a block that changed nothing (no ids) tells nobody."""
        told: list[str] = [] if ids is None else list(ids)
        try:
            yield told
        finally:
            if told or ids is not None:
                self._emit(kind, told)

    @contextlib.contextmanager
    def batch(self) -> Iterator[None]:
        """Many changes, one file write (imports, seeding)."""
        with self._store.deferred():
            yield

    # -- reading ---------------------------------------------------------------------------------

    def scenarios(self) -> list[Scenario]:
        return sorted(self._scenarios.values(), key=lambda s: (s.order, s.name))

    def scenario(self, key: str) -> Scenario:
        """By id, or by name (case-insensitive) as a person types it on the command line."""
        if key in self._scenarios:
            return self._scenarios[key]
        folded = key.strip().casefold()
        for s in self._scenarios.values():
            if s.name.casefold() == folded or s.id.casefold() == folded:
                return s
        raise NotFound("scenario.not_found", what=key)

    def phrases(self, scenario: str | None = None) -> list[Phrase]:
        """Phrases in display order: scenario order, then the phrase's own order (a new list)."""
        order = self._display_order
        if order is None:
            sorder = {s.id: (s.order, s.name) for s in self._scenarios.values()}
            unknown = (1 << 30, "")
            order = self._display_order = sorted(
                self._phrases.values(), key=lambda p: (sorder.get(p.scenario, unknown), p.order, p.created))
        if scenario is None:
            return list(order)
        sid = self.scenario(scenario).id
        return [p for p in order if p.scenario == sid]

    def __len__(self) -> int:
        return len(self._phrases)

    def phrase(self, phrase_id: str) -> Phrase:
        try:
            return self._phrases[phrase_id]
        except KeyError:
            raise NotFound("phrase.not_found", what=phrase_id) from None

    def by_code(self, code: str) -> Phrase:
        pid = self._by_code.get(code.strip().lower())
        if pid is None:
            raise NotFound("phrase.code.not_found", code=code)
        return self._phrases[pid]

    def find_code(self, code: str) -> Phrase | None:
        pid = self._by_code.get(code)
        return self._phrases[pid] if pid else None

    def by_hotkey(self) -> dict[str, Phrase]:
        return {p.hotkey: p for p in self._phrases.values() if p.hotkey}

    # -- validation ------------------------------------------------------------------------------

    def _validated(self, p: Phrase, *, current: str | None) -> Phrase:
        """Clean and check a phrase; raises ValidationFailed listing every bad field."""
        p.text = clean_text(_as_text(p.text))
        p.title = clean_text(_as_text(p.title)).replace("\n", " ")
        p.code = _as_text(p.code).strip().lower()
        p.tags = clean_tags(p.tags)
        errors: list[FieldError] = []
        errors += check_title(p.title)
        errors += check_text(p.text)
        code_errors = check_code(p.code)
        errors += code_errors
        if not code_errors:
            other = self._by_code.get(p.code)
            if other is not None and other != current:
                errors.append(FieldError("code", "phrase.code.duplicate", code=p.code,
                                         other=self._phrases[other].title))
        errors += check_tags(p.tags)
        stored = self._phrases.get(current) if current is not None else None
        hotkey, hk_errors = check_hotkey(p.hotkey, keep=stored.hotkey if stored else None)
        errors += hk_errors
        p.hotkey = hotkey
        if hotkey:
            for other_p in self._phrases.values():
                if other_p.hotkey == hotkey and other_p.id != current:
                    errors.append(FieldError("hotkey", "phrase.hotkey.duplicate", hotkey=hotkey,
                                             other=other_p.title))
                    break
            else:
                reserved = {normalise_hotkey(h) or h for h in self._reserved_hotkeys() if h}
                if hotkey in reserved:
                    errors.append(FieldError("hotkey", "phrase.hotkey.duplicate", hotkey=hotkey,
                                             other="QuickReply"))
        if p.scenario not in self._scenarios:
            try:
                p.scenario = self.scenario(_as_text(p.scenario)).id
            except NotFound:
                errors.append(FieldError("scenario", "phrase.scenario.unknown", scenario=p.scenario))
        if p.source not in SOURCES:
            p.source = "user"
        if errors:
            raise ValidationFailed(errors)
        return p

    def check_phrase(self, phrase_id: str | None = None, **fields: Any) -> list[FieldError]:
        """The errors saving these fields would raise (for the editor's live feedback)."""
        base = self._phrases.get(phrase_id) if phrase_id else None
        draft = replace(base) if base else Phrase(id="", scenario="", code="", title="", text="")
        for k, v in fields.items():
            if k in EDITABLE:
                setattr(draft, k, v)
        try:
            self._validated(draft, current=phrase_id)
        except ValidationFailed as exc:
            return exc.errors
        return []

    # -- phrases ---------------------------------------------------------------------------------

    def add_phrase(
        self,
        scenario: str,
        code: str,
        title: str,
        text: str,
        *,
        tags: Iterable[str] | str | None = None,
        hotkey: str | None = None,
        pinned: bool = False,
        source: str = "user",
        uses: int = 0,
        last_used: float | None = None,
    ) -> Phrase:
        now = self._clock()
        p = Phrase(id=self._new_id(), scenario=scenario, code=code, title=title, text=text,
                   tags=clean_tags(list(tags) if tags is not None and not isinstance(tags, str) else tags),
                   hotkey=hotkey, pinned=pinned, source=source, uses=uses, last_used=last_used,
                   created=now, updated=now)
        self._validated(p, current=None)
        p.order = self._next_order(p.scenario)
        p.search_key = self._keyer.phrase_key(p)
        self._phrases[p.id] = p
        self._by_code[p.code] = p.id
        with self._telling("added", [p.id]):
            self._write_phrase(p)
        return p

    def update_phrase(self, phrase_id: str, **changes: Any) -> Phrase:
        old = self.phrase(phrase_id)
        unknown = set(changes) - set(EDITABLE)
        if unknown:
            raise QuickReplyError(detail=f"unknown fields: {sorted(unknown)}")
        draft = replace(old, tags=list(old.tags), search_key=dict(old.search_key))
        for k, v in changes.items():
            setattr(draft, k, clean_tags(v) if k == "tags" else v)
        self._validated(draft, current=phrase_id)
        if draft.scenario != old.scenario:
            draft.order = self._next_order(draft.scenario)
        if (draft.title, draft.text, draft.tags) != (old.title, old.text, old.tags):
            draft.search_key = self._keyer.phrase_key(draft)
        if draft.to_doc() == old.to_doc():
            return old
        draft.updated = self._clock()
        if draft.code != old.code:
            del self._by_code[old.code]
            self._by_code[draft.code] = draft.id
        self._phrases[phrase_id] = draft
        with self._telling("updated", [phrase_id]):
            self._write_phrase(draft)
        return draft

    def set_pinned(self, phrase_id: str, pinned: bool = True) -> Phrase:
        return self.update_phrase(phrase_id, pinned=pinned)

    def move_phrase(self, phrase_id: str, scenario: str, index: int | None = None) -> Phrase:
        """Move a phrase to another scenario (at its end, or at ``index``): one file write."""
        target = self.scenario(scenario).id
        self.phrase(phrase_id)
        with self._store.deferred():
            p = self.update_phrase(phrase_id, scenario=target)
            if index is not None:
                ids = [q.id for q in self.phrases(target) if q.id != phrase_id]
                ids.insert(max(0, min(index, len(ids))), phrase_id)
                self.reorder_phrases(target, ids)
                p = self._phrases[phrase_id]
        return p

    def reorder_phrases(self, scenario: str, ordered_ids: list[str]) -> None:
        """Set the order of a scenario's phrases; ids not listed keep their place after these."""
        sid = self.scenario(scenario).id
        for pid in ordered_ids:  # check them all before changing anything
            self.phrase(pid)
        listed = set(ordered_ids)
        rest = [p.id for p in self.phrases(sid) if p.id not in listed]
        with self._telling("updated") as changed, self._store.deferred():
            for i, pid in enumerate([*ordered_ids, *rest]):
                p = self.phrase(pid)
                if p.scenario != sid:
                    continue
                if p.order != i:
                    p.order = i
                    changed.append(pid)
                    self._write_phrase(p)

    def delete_phrase(self, phrase_id: str) -> Trashed:
        p = self.phrase(phrase_id)
        item = Trashed(phrase=p, deleted=self._clock())
        with self._telling("removed") as removed, self._store.deferred():
            self._trash.put([p], item.deleted)
            del self._phrases[phrase_id], self._by_code[p.code]
            self._doc_ids.pop(phrase_id, None)
            removed.append(phrase_id)
            self._store.changed()
        return item

    def trash(self) -> list[Trashed]:
        return self._trash.items()

    def restore(self, phrase_id: str) -> Phrase:
        """Bring a deleted phrase back; a code taken meanwhile gets a free variant."""
        p, entry = self._trash.newest(phrase_id)
        if p.id in self._phrases:  # restored already (an older copy is still in the trash)
            p.id = self._new_id()
        if p.code in self._by_code:
            p.code = self.free_code(p.code)
        reserved = {normalise_hotkey(h) or h for h in self._reserved_hotkeys() if h}
        if p.hotkey and (p.hotkey in self.by_hotkey() or p.hotkey in reserved or reserved_reason(p.hotkey)):
            p.hotkey = None  # taken meanwhile: the phrase comes back without it
        with self._telling("added") as added, self._store.deferred():
            if p.scenario not in self._scenarios:
                # Its scenario was deleted meanwhile: back into the first one (made if none is left).
                p.scenario = (self.scenarios()[0].id if self._scenarios
                              else self.add_scenario(self._default_scenario_name).id)
            self._validated(p, current=None)
            p.order = self._next_order(p.scenario)
            p.search_key = self._keyer.phrase_key(p)
            self._trash.discard(entry)
            self._phrases[p.id] = p
            self._by_code[p.code] = p.id
            added.append(p.id)
            self._write_phrase(p)
        return p

    def empty_trash(self) -> int:
        return self._trash.empty()

    def _next_order(self, scenario_id: str) -> int:
        """The place after the last phrase of a scenario (a phrase added or moved there goes last)."""
        return 1 + max((q.order for q in self._phrases.values() if q.scenario == scenario_id), default=-1)

    def free_code(self, base: str) -> str:
        """``base`` if unused, else base2, base3, … cut to the 16-character limit."""
        base = base[:16] or "p"
        if base not in self._by_code:
            return base
        n = 2
        while True:
            suffix = str(n)
            candidate = base[: 16 - len(suffix)] + suffix
            if candidate not in self._by_code:
                return candidate
            n += 1

    def record_use(self, phrase_id: str) -> Phrase:
        """Count a copy. Written lazily: with the next edit, a flush, or every so often."""
        p = self.phrase(phrase_id)
        p.uses += 1
        p.last_used = self._clock()
        with self._telling("used", [phrase_id]):
            if not self._store.readonly:
                with self._store.lazily():
                    self._write_phrase(p)
                if self._clock() - self._last_use_flush >= self._use_flush_interval:
                    self.flush()
        return p

    def flush(self) -> None:
        self._last_use_flush = self._clock()
        self._store.flush()

    def backup_now(self) -> Any:
        """Write pending changes, then keep a copy of the library file (before imports, restores)."""
        if self._store.readonly:
            return None
        self._store.flush()
        return self._store.backup_now()

    # -- scenarios -------------------------------------------------------------------------------

    def _check_scenario_name(self, name: str, current: str | None) -> str:
        name = " ".join(name.split())
        if has_bad_characters(name):
            raise ValidationFailed([FieldError("name", "scenario.name.not_text")])
        if not name:
            raise ValidationFailed([FieldError("name", "scenario.name.empty")])
        if len(name) > SCENARIO_NAME_LIMIT:
            raise ValidationFailed([FieldError("name", "scenario.name.too_long", limit=SCENARIO_NAME_LIMIT)])
        for s in self._scenarios.values():
            if s.name.casefold() == name.casefold() and s.id != current:
                raise ValidationFailed([FieldError("name", "scenario.name.duplicate", name=name)])
        return name

    def add_scenario(self, name: str, *, scenario_id: str | None = None, icon: str | None = None) -> Scenario:
        name = self._check_scenario_name(name, None)
        sid = scenario_id or self._new_id()
        if sid in self._scenarios:
            raise ValidationFailed([FieldError("name", "scenario.name.duplicate", name=sid)])
        s = Scenario(id=sid, name=name, icon=icon,
                     order=1 + max((x.order for x in self._scenarios.values()), default=-1),
                     search_key=self._keyer.name_key(name))
        self._scenarios[sid] = s
        with self._telling("scenarios", [sid]):
            self._write_scenario(s)
        return s

    def rename_scenario(self, scenario: str, name: str) -> Scenario:
        s = self.scenario(scenario)
        s.name = self._check_scenario_name(name, s.id)
        s.search_key = self._keyer.name_key(s.name)
        with self._telling("scenarios", [s.id]):
            self._write_scenario(s)
        return s

    def reorder_scenarios(self, ordered_ids: list[str]) -> None:
        ordered_ids = [self.scenario(sid).id for sid in ordered_ids]  # check them all first
        listed = set(ordered_ids)
        rest = [s.id for s in self.scenarios() if s.id not in listed]
        with self._telling("scenarios", ordered_ids), self._store.deferred():
            for i, sid in enumerate([*ordered_ids, *rest]):
                s = self._scenarios[sid]
                if s.order != i:
                    s.order = i
                    self._write_scenario(s)

    def delete_scenario(self, scenario: str, *, move_to: str | None = None) -> None:
        """Deletes a scenario; its phrases move to ``move_to``, and an error says so if none is given."""
        s = self.scenario(scenario)
        members = [p for p in self._phrases.values() if p.scenario == s.id]
        if members and move_to is None:
            raise QuickReplyError("scenario.not_empty", name=s.name, count=len(members))
        target = self.scenario(move_to).id if members and move_to else None
        if target == s.id:
            raise QuickReplyError("scenario.not_empty", name=s.name, count=len(members))
        with self._telling("scenarios") as deleted, self._store.deferred():
            for p in members:
                self.move_phrase(p.id, target or "")
            del self._scenarios[s.id]
            self._scenario_doc_ids.pop(s.id, None)
            deleted.append(s.id)
            self._store.changed()

    # -- writing ---------------------------------------------------------------------------------

    def _write_phrase(self, p: Phrase) -> None:
        """Save after a change to ``p``, which is in ``_phrases`` already (the store writes from there)."""
        self._phrase_table.doc_id(p.id)
        self._store.changed()

    def _write_scenario(self, s: Scenario) -> None:
        self._scenario_table.doc_id(s.id)
        self._store.changed()
