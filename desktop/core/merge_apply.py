"""Carrying out an import plan as one undoable step, undoing it, and replacing the whole library."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

from desktop.core.errors import QuickReplyError
from desktop.core.exchange_items import ExchangeError, ImportData
from desktop.core.i18n import Translator
from desktop.core.library import PhraseLibrary
from desktop.core.merge import (
    NEW_SCENARIO,
    ImportPlan,
    PlanEntry,
    Progress,
    content_of,
    plan_import,
    scenario_given,
)
from desktop.core.model import Phrase
from desktop.core.store import paused_gc


@dataclass
class ImportResult:
    """What an applied import changed: enough to undo it."""

    added: list[str]
    previous: list[Phrase]  # versions before the import, of the phrases it overwrote
    written: dict[str, tuple[Any, ...]]  # id -> content as written, to notice later edits
    scenarios_created: list[str]
    backup: Path | None

    def summary(self, tr: Translator) -> str:
        return tr("import.done", added=len(self.added), updated=len(self.previous),
                  backup=str(self.backup) if self.backup else "—")


@dataclass
class UndoReport:
    removed: int
    restored: int
    kept: list[str]  # ids edited since the import, left as they are

    def summary(self, tr: Translator) -> str:
        return tr("import.undone", removed=self.removed, restored=self.restored, kept=len(self.kept))


# -- applying --------------------------------------------------------------------------------------

def apply_import(library: PhraseLibrary, plan: ImportPlan, *, progress: Progress | None = None,
                 backup: bool = True) -> ImportResult:
    """Carry out a plan as one step: a backup first, then one batch; undo with ``undo_import``."""
    todo = [e for e in plan.entries if e.action != "skip"]
    result = ImportResult(added=[], previous=[], written={}, scenarios_created=[], backup=None)
    if not todo:
        return result
    _check_fresh(library, todo)
    result.backup = library.backup_now() if backup else None
    total = len(todo)
    report: Progress | None = None
    if progress is not None:
        report = lambda done, _count: progress(done, total)  # noqa: E731 (adds come first of the total)
    try:
        with paused_gc(), library.batch():
            refs = _create_scenarios(library, plan, result)
            drafts = [_draft(e, refs) for e in todo if e.action == "add"]
            for p in library.add_phrases(drafts, progress=report):
                result.added.append(p.id)
                result.written[p.id] = content_of(p)
            updates = [e for e in todo if e.action == "update"]
            versions = []
            for e in updates:
                assert e.existing is not None
                result.previous.append(replace(e.existing, tags=list(e.existing.tags),
                                               search_key=dict(e.existing.search_key)))
                versions.append(_updated(e, refs, plan.data))
            for p in library.replace_phrases(versions):
                result.written[p.id] = content_of(p)
            if progress is not None:
                progress(total, total)
    except BaseException:
        _rollback(library, result)
        raise
    return result


def _check_fresh(library: PhraseLibrary, todo: Iterable[PlanEntry]) -> None:
    """The library may have changed since the plan was made (the window stays open): plan again then."""
    for e in todo:
        current = library.find_code(e.code)
        if e.action == "add" and current is not None:
            raise ExchangeError("import.stale")
        if e.action == "update" and (current is None or e.existing is None
                                     or content_of(current) != content_of(e.existing)):
            raise ExchangeError("import.stale")


def _create_scenarios(library: PhraseLibrary, plan: ImportPlan, result: ImportResult) -> dict[str, str]:
    refs: dict[str, str] = {}
    for info in plan.new_scenarios:
        try:
            existing = library.scenario(info.name)
        except QuickReplyError:
            existing = None
        if existing is not None:
            refs[NEW_SCENARIO + info.name.casefold()] = existing.id
            continue
        sid = info.id if info.id and not _scenario_exists(library, info.id) else None
        s = library.add_scenario(info.name, scenario_id=sid, icon=info.icon)
        refs[NEW_SCENARIO + info.name.casefold()] = s.id
        result.scenarios_created.append(s.id)
    return refs


def _scenario_exists(library: PhraseLibrary, sid: str) -> bool:
    return any(s.id == sid for s in library.scenarios())


def _draft(e: PlanEntry, refs: dict[str, str]) -> Phrase:
    item = e.item
    keep = item.source if item.source in ("pack", "team", "user") else "user"
    return Phrase(id=item.phrase_id or "", scenario=refs.get(e.scenario, e.scenario), code=e.code,
                  title=e.title, text=e.text, tags=list(item.tags), hotkey=e.hotkey, pinned=item.pinned,
                  uses=item.uses, last_used=item.last_used, created=item.created or 0.0,
                  updated=item.updated or 0.0, source=keep)


def _updated(e: PlanEntry, refs: dict[str, str], data: ImportData) -> Phrase:
    """The existing phrase with what the file gives; fields the file lacks stay as they were."""
    assert e.existing is not None
    old, item = e.existing, e.item
    return replace(
        old, code=e.code, text=e.text,
        scenario=refs.get(e.scenario, e.scenario) if scenario_given(item) else old.scenario,
        title=e.title if item.title.strip() else old.title,
        tags=list(item.tags) if "tags" in data.columns else list(old.tags),
        hotkey=e.hotkey or old.hotkey,
        pinned=item.pinned if "pinned" in data.columns else old.pinned, search_key=dict(old.search_key))


def _rollback(library: PhraseLibrary, result: ImportResult) -> None:
    """A failure half-way: take back what was already done, so an import is all or nothing."""
    try:
        undo_import(library, result, backup=False)
    except QuickReplyError:
        pass


# -- undoing ---------------------------------------------------------------------------------------

def undo_import(library: PhraseLibrary, result: ImportResult, *, backup: bool = True) -> UndoReport:
    """Take an import back. Phrases edited since the import are kept (and counted) rather than lost."""
    report = UndoReport(removed=0, restored=0, kept=[])
    if backup and (result.added or result.previous):
        library.backup_now()
    with library.batch():
        remove = []
        for pid in result.added:
            try:
                current = library.phrase(pid)
            except QuickReplyError:
                continue
            if content_of(current) == result.written.get(pid):
                remove.append(pid)
            else:
                report.kept.append(pid)
        library.remove_phrases(remove, to_trash=False)
        report.removed = len(remove)
        restore = []
        for old in result.previous:
            try:
                current = library.phrase(old.id)
            except QuickReplyError:
                continue
            if content_of(current) == result.written.get(old.id):
                restore.append(replace(old, uses=current.uses, last_used=current.last_used))
            else:
                report.kept.append(old.id)
        library.replace_phrases(restore, touch=False)
        report.restored = len(restore)
        for sid in result.scenarios_created:
            if not any(True for _ in library.phrases(sid)):
                library.delete_scenario(sid)
    return report


# -- replacing the whole library (restore --replace) ---------------------------------------------

def replace_library(library: PhraseLibrary, data: ImportData, *, scratch_dir: Path,
                    progress: Progress | None = None) -> tuple[ImportResult, ImportPlan]:
    """Make the library exactly the backup's phrases and scenarios (a copy of the old one is kept).

    The backup is checked against an empty library in ``scratch_dir`` first, so a bad backup
    stops the restore before anything is removed; any failure after that puts the old phrases and
    scenarios back, so the library is either the old one or the backup's, never something between.
    """
    plan = plan_replace(data, scratch_dir=scratch_dir)
    backup = library.backup_now()
    before = _Snapshot.of(library)
    # one batch, one write at its end: a failure anywhere puts the old contents back before that
    # write, so the file on disk is either the old library or the backup's, never half of each
    with library.batch():
        try:
            _clear(library)
            for info in sorted(data.scenarios, key=lambda s: s.order):
                if info.name.casefold() not in {s.name.casefold() for s in library.scenarios()}:
                    library.add_scenario(info.name, scenario_id=info.id, icon=info.icon)
            for entry in plan.entries:
                entry.existing = None
            result = apply_import(library, plan, progress=progress, backup=False)
        except BaseException:
            before.put_back(library)
            raise
    result.backup = backup
    return result, plan


def plan_replace(data: ImportData, *, scratch_dir: Path) -> ImportPlan:
    """What replacing a library with ``data`` would write (planned against an empty library)."""
    from desktop.core.store import Store

    scratch_store = Store(scratch_dir, fsync=False)
    scratch_store.open()
    try:
        return plan_import(PhraseLibrary(scratch_store), data, "rename")
    finally:
        scratch_store.close()


def _clear(library: PhraseLibrary) -> None:
    library.remove_phrases([p.id for p in library.phrases()], to_trash=False)
    for s in library.scenarios():
        library.delete_scenario(s.id)


def _copy(p: Phrase) -> Phrase:
    return replace(p, tags=list(p.tags), search_key=dict(p.search_key))


@dataclass
class _Snapshot:
    """The phrases and scenarios of a library at one moment, to return to after a failed replace."""

    scenarios: list[Any]
    phrases: list[Phrase]

    @classmethod
    def of(cls, library: PhraseLibrary) -> _Snapshot:
        return cls([replace(s) for s in library.scenarios()], [_copy(p) for p in library.phrases()])

    def put_back(self, library: PhraseLibrary) -> None:
        _clear(library)
        for s in self.scenarios:  # already in display order
            library.add_scenario(s.name, scenario_id=s.id, icon=s.icon)
        library.add_phrases([_copy(p) for p in self.phrases])
        # adding renumbers and re-dates: write the exact earlier versions over them
        library.replace_phrases([_copy(p) for p in self.phrases], touch=False)
