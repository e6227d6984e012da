"""The library file: tinydb over in-memory data written atomically, backed up, locked and recoverable.

tinydb's own JSONStorage re-reads and re-parses the whole file on every query and rewrites it on
every insert; here the data lives in memory, each write goes to a temp file in the same folder,
is fsync'ed and moved over the old file with ``os.replace`` (so a crash leaves either the old or
the new file, never half of one), and the previous file is kept as a rotating backup.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import gc
import json
import os
import time
from collections.abc import Callable, Iterator, Mapping, MutableMapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Protocol

from tinydb import TinyDB
from tinydb.storages import Storage
from tinydb.table import Table

from desktop.core.errors import StoreError, StoreLocked, StoreUnreadable
from desktop.core.file_lock import FileLock, LockTimeout
from desktop.core.i18n import Translator
from desktop.core.snapshot import (
    SNAPSHOT_FILE,
    Rows,
    Snapshot,
    discard_snapshot,
    file_sum,
    read_snapshot,
    write_snapshot,
)

SCHEMA_VERSION = 1
DATA_FILE = "quickreply.json"
BACKUP_DIR = "backups"
LOCK_FILE = "quickreply.lock"
META = "_meta"

Data = dict[str, Any]
# Each migration takes the data of version N and returns the data of version N + 1.
Migration = Callable[[Data], Data]


def _migrate_0_to_1(data: Data) -> Data:
    """Version 0 was a bare tinydb file without the _meta table."""
    data = dict(data)
    data.setdefault(META, {})
    return data


MIGRATIONS: dict[int, Migration] = {0: _migrate_0_to_1}


class OwnedTable(Protocol):
    """A table whose documents live with their owner (the library's phrases), given to ``Store.adopt``."""

    def documents(self) -> Mapping[str, Any]:
        """Every document by its id: dicts, or dataclasses whose fields are the document's keys."""
        ...

    def rows(self) -> Rows:
        """The same as rows of field values, for the start-up snapshot."""
        ...


@dataclass(frozen=True)
class BackupPolicy:
    min_interval: float = 60.0  # seconds between two automatic backups
    keep_versions: int = 20  # the newest N backups are always kept
    keep_days: int = 14  # plus the newest backup of each of the last N days


@dataclass(frozen=True)
class BackupInfo:
    path: Path
    time: float
    phrases: int | None  # None when the backup does not parse


@dataclass
class OpenReport:
    """What happened when the store was opened; the UI and CLI tell the user about recoveries."""

    path: Path
    created: bool = False
    migrated_from: int | None = None
    recovered_from: Path | None = None
    kept_corrupt: Path | None = None
    reason: str | None = None

    @property
    def recovered(self) -> bool:
        return self.kept_corrupt is not None

    def messages(self, tr: Translator) -> list[str]:
        if not self.recovered:
            return []
        kept = str(self.kept_corrupt)
        if self.recovered_from is None:
            return [tr("store.recovered_empty", reason=self.reason, kept=kept)]
        when = _backup_time(self.recovered_from)
        stamp = dt.datetime.fromtimestamp(when).strftime("%Y-%m-%d %H:%M:%S") if when else "?"
        return [tr("store.recovered", reason=self.reason, backup=stamp, kept=kept)]


class _IntKeyed(MutableMapping[int, Any]):
    """A table keyed by int document ids over the stored dict keyed by their strings (as in JSON)."""

    __slots__ = ("_raw",)

    def __init__(self, raw: dict[str, Any]) -> None:
        self._raw = raw

    def __getitem__(self, doc_id: int) -> Any:
        return self._raw[str(doc_id)]

    def __setitem__(self, doc_id: int, doc: Any) -> None:
        self._raw[str(doc_id)] = doc

    def __delitem__(self, doc_id: int) -> None:
        del self._raw[str(doc_id)]

    def __contains__(self, doc_id: object) -> bool:
        return str(doc_id) in self._raw

    def __iter__(self) -> Iterator[int]:
        return (int(k) for k in self._raw)

    def __len__(self) -> int:
        return len(self._raw)

    def clear(self) -> None:
        self._raw.clear()


class _InPlaceTable(Table):
    """A tinydb Table whose writes change the in-memory data in place.

    tinydb's own ``_update_table`` copies the whole table into a new dict (converting every key
    to int and back) on each insert or update: O(n) per write, O(n^2) for a batch. Here the
    updater works on an int-keyed view of the stored dict, so a write costs what it changes.
    """

    def _update_table(self, updater: Callable[[dict[int, Any]], None]) -> None:
        tables = self._storage.read()
        if tables is None:  # not with _MemoryStorage, kept for tinydb's contract
            tables = {}
        raw = tables.get(self.name)
        if raw is None:
            raw = tables[self.name] = {}
        updater(_IntKeyed(raw))  # type: ignore[arg-type]
        self._storage.write(tables)
        self.clear_cache()


class _InPlaceDB(TinyDB):
    table_class = _InPlaceTable


class _MemoryStorage(Storage):
    """tinydb storage whose reads are free and whose writes go through the Store."""

    def __init__(self, store: Store) -> None:
        self._store = store

    def read(self) -> Data | None:
        return self._store._data

    def write(self, data: Data) -> None:
        self._store._on_tinydb_write(data)

    def close(self) -> None:  # the Store owns the file
        pass


def _backup_time(path: Path) -> float | None:
    # quickreply-20261123-130501-123456.json
    try:
        stamp = path.stem.split("-", 1)[1]
        return dt.datetime.strptime(stamp, "%Y%m%d-%H%M%S-%f").timestamp()
    except (IndexError, ValueError):
        return None


def _check_shape(data: Any) -> str | None:
    """None if ``data`` looks like a library file, else a short English reason."""
    if not isinstance(data, dict):
        return "not a JSON object"
    meta = data.get(META)
    if meta is not None:
        if not isinstance(meta, dict):
            return "bad _meta"
        version = meta.get("schema_version", 0)
        if not isinstance(version, int) or isinstance(version, bool) or version < 0:
            return "bad schema_version"
    for name, table in data.items():
        if name == META:
            continue
        if not isinstance(table, dict) or not all(isinstance(d, dict) for d in table.values()):
            return f"table {name!r} is not a table"
        if not all(k.isdigit() for k in table):
            return f"table {name!r} has a bad document id"
    return None


@contextlib.contextmanager
def paused_gc() -> Iterator[None]:
    """Pause the cyclic garbage collector while building many objects that all stay alive.

    Parsing a 10k-phrase file creates ~300k containers; the collector would walk all of them
    again and again for nothing (they are all reachable), a third of the start-up time here.
    """
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()


def _fast_json() -> Any:
    """orjson when installed: it writes the library file ~10x faster than ``json`` (a save at 10k
    phrases: ~7 ms instead of ~100 ms), with a third of the memory. Reading stays with ``json``:
    orjson parses faster but its parse tree briefly takes ~15x the file's size in memory (over a
    gigabyte for a 100k-phrase library)."""
    try:
        import orjson
    except ImportError:  # pragma: no cover - a dependency; json alone is correct, only slower
        return None
    return orjson


def _read_json(path: Path) -> tuple[Any, str | None]:
    try:
        raw = path.read_bytes()
    except OSError as exc:
        return None, f"cannot read ({exc.strerror or exc})"
    return _parse_json(raw)


def _parse_json(raw: bytes) -> tuple[Any, str | None]:
    try:
        with paused_gc():
            return json.loads(raw.decode("utf-8")), None
    except UnicodeDecodeError:
        return None, "not UTF-8 text"
    except json.JSONDecodeError as exc:
        return None, f"not valid JSON at line {exc.lineno}"
    except RecursionError:
        return None, "nested too deeply"


def _as_document(obj: Any) -> Any:
    """An owned table's record (a dataclass) as json writes it; orjson writes dataclasses itself."""
    to_doc = getattr(obj, "to_doc", None)
    if to_doc is None:
        raise TypeError(f"Object of type {type(obj).__name__} is not JSON serializable")
    return to_doc()


def _dump_json(data: Any) -> bytes:
    """Compact UTF-8 JSON; UnicodeError for lone surrogates, TypeError for what JSON cannot hold."""
    fast = _fast_json()
    if fast is not None:
        try:
            out: bytes = fast.dumps(data, option=fast.OPT_NON_STR_KEYS)
            return out
        except fast.JSONEncodeError:
            pass  # json says what is wrong, in the same words as without orjson
    return json.dumps(data, ensure_ascii=False, separators=(",", ":"), default=_as_document).encode("utf-8")


class Store:
    """Owns the data folder: the library file, its backups and the lock.

    ``readonly=True`` opens without the lock and never writes edits (for listing and searching
    while the window is open). A file that needs repair (damaged, or an older format) is still
    repaired on disk when no other process holds the lock, so a read-only command tells the user
    once and the bad file is set aside. A writable store holds the lock until ``close()``; a
    second writer waits ``lock_timeout`` seconds, then gets ``StoreLocked``.

    ``snapshots=True`` keeps a quick-loading copy of the file beside it (``desktop/core/snapshot.py``):
    read at open when it matches the file exactly, written at ``close()`` when it no longer does.
    """

    def __init__(
        self,
        data_dir: Path | str,
        *,
        readonly: bool = False,
        lock_timeout: float = 0.0,
        backups: BackupPolicy | None = None,
        clock: Callable[[], float] = time.time,
        fsync: bool = True,
        snapshots: bool = False,
    ) -> None:
        self.data_dir = Path(data_dir)
        self.path = self.data_dir / DATA_FILE
        self.backup_dir = self.data_dir / BACKUP_DIR
        self.readonly = readonly
        self._lock_timeout = lock_timeout
        self._policy = backups or BackupPolicy()
        self._clock = clock
        self._fsync = fsync
        self._lock: FileLock | None = None
        self._writable = False  # holds the lock: may write the file
        self._data: Data = {}
        self._db: TinyDB | None = None
        self._defer = 0
        self._lazy = 0
        self._dirty = False
        # Automatic backups keep versions of the content: a write of usage counters alone (``lazily``)
        # takes none, or the counting every 30 s would push the real versions out of the rotation.
        self._unbacked_content = False  # content changed since the last automatic backup
        self._disk_empty = False  # the file on disk is a new empty library: nothing to back up
        self._last_backup = float("-inf")
        self.report: OpenReport | None = None
        self.snapshot_path = self.data_dir / SNAPSHOT_FILE
        self._snapshots = snapshots
        self._owners: dict[str, OwnedTable] = {}
        self._rows: dict[str, Rows] = {}  # tables read from the snapshot, not yet taken by their owner
        self._disk_sum: tuple[int, int] | None = None  # file_sum of the file as on disk, when known
        self._snapshot_sum: tuple[int, int] | None = None  # the file the snapshot on disk was made from

    # -- opening -------------------------------------------------------------------------------

    def open(self) -> OpenReport:
        if self._db is not None:
            raise StoreError(detail="store is already open")
        if not self.readonly:
            self._acquire(self._lock_timeout)
        try:
            report = self._load() if not self.readonly else self._load_readonly()
        except BaseException:
            self._release()
            raise
        self._db = _InPlaceDB(storage=lambda: _MemoryStorage(self))
        self.report = report
        return report

    def _acquire(self, timeout: float) -> None:
        try:
            self.data_dir.mkdir(parents=True, exist_ok=True)
            lock = FileLock(self.data_dir / LOCK_FILE)
            lock.acquire(timeout)
        except LockTimeout:
            raise StoreLocked(path=str(self.data_dir)) from None
        except OSError as exc:
            raise StoreError("store.write_failed", detail=f"{self.data_dir}: {exc.strerror or exc}") from exc
        self._lock = lock
        self._writable = True

    def _inspect(self) -> tuple[Any, str | None]:
        """The parsed file and None, or None and why it cannot be used."""
        self._rows, self._disk_sum = {}, None
        try:
            raw = self.path.read_bytes()
        except OSError as exc:
            return None, f"cannot read ({exc.strerror or exc})"
        source = file_sum(raw) if self._snapshots else None
        if source is not None:
            with paused_gc():  # as for parsing: every object it makes stays alive
                snapshot = read_snapshot(self.snapshot_path, source, SCHEMA_VERSION)
            if snapshot is not None:  # the same content, already checked when the snapshot was made
                self._rows = snapshot.tables
                self._disk_sum = self._snapshot_sum = source
                return snapshot.data, None
        data, reason = _parse_json(raw)
        del raw
        if reason is None:
            reason = _check_shape(data)
        if reason is not None:
            return None, reason
        version = data.get(META, {}).get("schema_version", 0)
        if version > SCHEMA_VERSION:
            raise StoreUnreadable("store.too_new", found=version, supported=SCHEMA_VERSION,
                                  path=str(self.path))
        self._disk_sum = source
        return data, None

    def _load_readonly(self) -> OpenReport:
        if self.path.exists():
            data, reason = self._inspect()
            needs_repair = reason is not None or data.get(META, {}).get("schema_version", 0) < SCHEMA_VERSION
            if needs_repair:
                # Repair on disk once, if no other process is using the library right now.
                with contextlib.suppress(StoreLocked, StoreError):
                    self._acquire(0.0)
                if self._writable:
                    try:
                        return self._load()  # parsed again: it may have changed before the lock
                    finally:
                        self._release()
            return self._load((data, reason))
        return self._load()

    def _load(self, inspected: tuple[Any, str | None] | None = None) -> OpenReport:
        """``inspected``: the file already parsed by the caller, so it is not read twice."""
        report = OpenReport(path=self.path)
        if self._writable:
            for leftover in self.data_dir.glob(DATA_FILE + ".tmp-*"):
                with contextlib.suppress(OSError):
                    leftover.unlink()
        if not self.path.exists():
            report.created = True
            self._data = {META: {"schema_version": SCHEMA_VERSION}}
            if self._writable:
                self._persist(backup=False)
                self._disk_empty = True
            return report
        data, reason = inspected if inspected is not None else self._inspect()
        if reason is not None:
            return self._recover(report, reason)
        self._data = data
        version = data.get(META, {}).get("schema_version", 0)
        if version < SCHEMA_VERSION:
            report.migrated_from = version
            self._migrate(version)
        return report

    def _migrate(self, version: int) -> None:
        if self._writable:
            self.backup_now()
        data = self._data
        while version < SCHEMA_VERSION:
            data = MIGRATIONS[version](data)
            version += 1
        data[META]["schema_version"] = SCHEMA_VERSION
        self._data = data
        if self._writable:
            self._persist(backup=False)

    def _recover(self, report: OpenReport, reason: str) -> OpenReport:
        report.reason = reason
        self._rows, self._disk_sum = {}, None
        if not self._writable:
            report.kept_corrupt = self.path
        else:
            # The damaged file is the user's data: it is renamed, never overwritten or deleted.
            stamp = dt.datetime.fromtimestamp(self._clock()).strftime("%Y%m%d-%H%M%S")
            kept = self.path.with_name(f"{DATA_FILE}.corrupt-{stamp}")
            n = 1
            while kept.exists():
                kept = self.path.with_name(f"{DATA_FILE}.corrupt-{stamp}-{n}")
                n += 1
            try:
                os.replace(self.path, kept)
            except OSError as exc:
                raise StoreUnreadable(path=str(self.path), detail=f"{reason}; {exc.strerror or exc}") from exc
            report.kept_corrupt = kept
        self._data = {META: {"schema_version": SCHEMA_VERSION}}
        for info in self._backup_paths():
            data, bad = _read_json(info[1])
            if bad is not None or _check_shape(data) is not None:
                continue
            version = data.get(META, {}).get("schema_version", 0)
            if version > SCHEMA_VERSION:
                continue
            self._data = data
            report.recovered_from = info[1]
            if version < SCHEMA_VERSION:
                report.migrated_from = version
                self._migrate(version)
            break
        if self._writable:
            self._persist(backup=False)
            self._disk_empty = report.recovered_from is None
        return report

    # -- tinydb access ---------------------------------------------------------------------------

    @property
    def db(self) -> TinyDB:
        if self._db is None:
            raise StoreError(detail="store is not open")
        return self._db

    def table(self, name: str) -> Table:
        if name in self._owners:
            raise StoreError(detail=f"the {name} table is written by its owner")
        self._settle_rows(name)
        return self.db.table(name, cache_size=0)

    def documents(self, name: str) -> Iterator[tuple[int, dict[str, Any]]]:
        """(doc_id, document) pairs of a table without copying them, for loading at start-up.

        The documents are the stored ones: read them, never change them (write through ``table``).
        """
        self._settle_rows(name)
        for key, doc in self._data.get(name, {}).items():
            yield int(key), doc

    def rows(self, name: str) -> Rows | None:
        """The table as rows when it was read from the snapshot (once; then ``adopt`` it), else None."""
        return self._rows.pop(name, None)

    def adopt(self, name: str, owner: OwnedTable) -> None:
        """From now on the table's documents are the owner's: the store drops its own copy, writes
        ``owner.documents()`` at each save and is told of changes with ``changed()``."""
        if name in self._rows or name in self._owners:
            # Its rows unread, or two owners of one table: one of them would be lost at the next save.
            raise StoreError(detail=f"the {name} table cannot be adopted twice or unread")
        self._data.pop(name, None)
        self._owners[name] = owner

    def _settle_rows(self, name: str | None = None) -> None:
        """Tables read from the snapshot that no owner took become documents again."""
        for table in [name] if name is not None else list(self._rows):
            rows = self._rows.pop(table, None)
            if rows is None:
                continue
            fields, records, kept = rows
            docs = dict(kept)
            for doc_id, values in records:
                docs[str(doc_id)] = dict(zip(fields, values, strict=True))
            self._data[table] = docs

    @property
    def meta(self) -> dict[str, Any]:
        meta: dict[str, Any] = self._data.setdefault(META, {"schema_version": SCHEMA_VERSION})
        return meta

    # -- writing ---------------------------------------------------------------------------------

    @contextlib.contextmanager
    def deferred(self) -> Iterator[None]:
        """Group several changes into one file write at the end of the block."""
        self._defer += 1
        try:
            yield
        finally:
            self._defer -= 1
            if self._defer == 0 and self._lazy == 0 and self._dirty and self._writable:
                self._persist()

    @contextlib.contextmanager
    def lazily(self) -> Iterator[None]:
        """Changes made here (usage counters) are written with the next write, ``flush()`` or close."""
        self._lazy += 1
        try:
            yield
        finally:
            self._lazy -= 1

    @property
    def dirty(self) -> bool:
        return self._dirty

    def flush(self) -> None:
        if self._dirty and self._writable:
            self._persist()

    def _on_tinydb_write(self, data: Data) -> None:
        self._data = data
        self.changed()

    def changed(self) -> None:
        """Something was written: saved now, at the end of ``deferred``, or with the next save if lazily."""
        self._dirty = True
        if self._lazy == 0:
            self._unbacked_content = True
        if self._defer == 0 and self._lazy == 0:
            self._persist()

    def _file_data(self) -> Data:
        """What the file holds: the store's tables and the owned ones."""
        self._settle_rows()
        if not self._owners:
            return self._data
        data = dict(self._data)
        for name, owner in self._owners.items():
            data[name] = owner.documents()
        return data

    def _persist(self, backup: bool = True) -> None:
        if not self._writable:
            raise StoreError("store.readonly")
        meta = self.meta
        meta["schema_version"] = SCHEMA_VERSION
        meta["saved"] = self._clock()
        tmp = self.path.with_name(f"{DATA_FILE}.tmp-{os.getpid()}")
        try:
            payload = _dump_json(self._file_data())
        except UnicodeError as exc:
            # Lone surrogates (undecodable input) that got past validation: refuse, keep the old file.
            raise StoreError("store.bad_text") from exc
        try:
            with open(tmp, "wb") as fh:
                fh.write(payload)
                fh.flush()
                if self._fsync:
                    os.fsync(fh.fileno())
            if (backup and self._unbacked_content and not self._disk_empty and self._backup_due()
                    and self.path.exists()):
                # The old file is about to be replaced, not changed, so a hard link keeps it whole.
                self._snapshot(link=True)
                self._unbacked_content = False
            _replace(tmp, self.path)
            if self._fsync:
                _fsync_dir(self.data_dir)
        except OSError as exc:
            with contextlib.suppress(OSError):
                tmp.unlink()
            raise StoreError("store.write_failed", detail=exc.strerror or str(exc)) from exc
        self._dirty = False
        self._disk_empty = False
        self._disk_sum = file_sum(payload) if self._snapshots else None

    # -- backups ---------------------------------------------------------------------------------

    def _backup_due(self) -> bool:
        return self._clock() - self._last_backup >= self._policy.min_interval

    def backup_now(self) -> Path | None:
        """Keep a copy of the file as it is on disk now (before imports, restores, migrations)."""
        if not self._writable or not self.path.exists():
            return None
        # A copy, not a link: the file stays current and could be damaged in place later.
        return self._snapshot(link=False)

    def _snapshot(self, *, link: bool) -> Path:
        self.backup_dir.mkdir(exist_ok=True)
        now = self._clock()
        when = dt.datetime.fromtimestamp(now)
        while True:
            target = self.backup_dir / ("quickreply-" + when.strftime("%Y%m%d-%H%M%S-%f") + ".json")
            if not target.exists():
                break
            # Two backups in the same microsecond (a fast machine, a test clock): never overwrite.
            when += dt.timedelta(microseconds=1)
        copied = False
        if link:
            with contextlib.suppress(OSError):
                os.link(self.path, target)
                copied = True
        if not copied:
            import shutil  # only for a copy: kept out of every start

            shutil.copy2(self.path, target)
        self._last_backup = now
        self._prune()
        return target

    def _backup_paths(self) -> list[tuple[float, Path]]:
        if not self.backup_dir.is_dir():
            return []
        found = []
        for p in self.backup_dir.glob("quickreply-*.json"):
            t = _backup_time(p)
            if t is not None:
                found.append((t, p))
        found.sort(reverse=True)
        return found

    def _prune(self) -> None:
        """Keep the newest ``keep_versions`` backups and the newest of each of the last ``keep_days`` days."""
        found = self._backup_paths()
        keep = {p for _, p in found[: self._policy.keep_versions]}
        today = dt.datetime.fromtimestamp(self._clock()).date()
        horizon = today - dt.timedelta(days=self._policy.keep_days - 1)
        days_seen: set[dt.date] = set()
        for t, p in found:
            day = dt.datetime.fromtimestamp(t).date()
            if day >= horizon and day not in days_seen:
                days_seen.add(day)
                keep.add(p)
        for _, p in found:
            if p not in keep:
                with contextlib.suppress(OSError):
                    p.unlink()

    def backups(self) -> list[BackupInfo]:
        """Backups, newest first, with their phrase counts (None for an unreadable one)."""
        out = []
        for t, p in self._backup_paths():
            data, bad = _read_json(p)
            count = None
            if bad is None and _check_shape(data) is None:
                count = len(data.get("phrases", {}))
            out.append(BackupInfo(path=p, time=t, phrases=count))
        return out

    # -- closing ---------------------------------------------------------------------------------

    def close(self) -> None:
        """Write what is pending (usage counters) and release the lock. Safe to call twice."""
        try:
            if self._dirty and self._writable:
                self._persist()
            if self._snapshots and self._writable:
                try:
                    self._keep_snapshot()
                except Exception:  # noqa: BLE001 - a cache: failing to make it must never fail a close
                    discard_snapshot(self.snapshot_path)
        finally:
            self._release()
            self._db = None

    def _keep_snapshot(self) -> None:
        """Write the snapshot of the file as saved, unless the one on disk is of it already."""
        source = self._disk_sum
        if source is None or source == self._snapshot_sum:
            return
        self._settle_rows()
        data = {name: table for name, table in self._data.items() if name not in self._owners}
        tables = {name: owner.rows() for name, owner in self._owners.items()}
        if write_snapshot(self.snapshot_path, source, SCHEMA_VERSION, Snapshot(data, tables)):
            self._snapshot_sum = source

    def _release(self) -> None:
        if self._lock is not None:
            self._lock.release()
            self._lock = None
        self._writable = False

    def __enter__(self) -> Store:
        if self._db is None:
            self.open()
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


def _replace(src: Path, dst: Path) -> None:
    """``os.replace``, retried briefly on Windows, where a reader holding the file open blocks it."""
    for attempt in range(10):
        try:
            os.replace(src, dst)
            return
        except PermissionError:
            if os.name != "nt" or attempt == 9:
                raise
            time.sleep(0.02 * (attempt + 1))


def _fsync_dir(path: Path) -> None:
    """Make the rename itself durable (POSIX); Windows has no directory handles for this."""
    if os.name != "posix":
        return
    fd = os.open(path, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)
