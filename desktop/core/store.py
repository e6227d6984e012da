"""The library file: tinydb over in-memory data written atomically, backed up, locked and recoverable.

tinydb's own JSONStorage re-reads and re-parses the whole file on every query and rewrites it on
every insert; here the data lives in memory, each write goes to a temp file in the same folder,
is fsync'ed and moved over the old file with ``os.replace`` (so a crash leaves either the old or
the new file, never half of one), and the previous file is kept as a rotating backup.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import json
import os
import shutil
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from filelock import FileLock, Timeout
from tinydb import TinyDB
from tinydb.storages import Storage
from tinydb.table import Table

from desktop.core.errors import StoreError, StoreLocked, StoreUnreadable
from desktop.core.i18n import Translator

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
        if not isinstance(version, int):
            return "bad schema_version"
    for name, table in data.items():
        if name == META:
            continue
        if not isinstance(table, dict) or not all(isinstance(d, dict) for d in table.values()):
            return f"table {name!r} is not a table"
    return None


def _read_json(path: Path) -> tuple[Any, str | None]:
    try:
        raw = path.read_bytes()
    except OSError as exc:
        return None, f"cannot read ({exc.strerror or exc})"
    try:
        return json.loads(raw.decode("utf-8")), None
    except UnicodeDecodeError:
        return None, "not UTF-8 text"
    except json.JSONDecodeError as exc:
        return None, f"not valid JSON at line {exc.lineno}"
    except RecursionError:
        return None, "nested too deeply"


class Store:
    """Owns the data folder: the library file, its backups and the lock.

    ``readonly=True`` opens without the lock and never writes (for listing and searching while
    the window is open). A writable store holds the lock until ``close()``; a second writer gets
    ``StoreLocked`` after ``lock_timeout`` seconds.
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
        self._data: Data = {}
        self._db: TinyDB | None = None
        self._defer = 0
        self._lazy = 0
        self._dirty = False
        self._last_backup = 0.0
        self.report: OpenReport | None = None

    # -- opening -------------------------------------------------------------------------------

    def open(self) -> OpenReport:
        if not self.readonly:
            self.data_dir.mkdir(parents=True, exist_ok=True)
            self._lock = FileLock(str(self.data_dir / LOCK_FILE), timeout=self._lock_timeout)
            try:
                self._lock.acquire()
            except Timeout:
                self._lock = None
                raise StoreLocked(path=str(self.data_dir)) from None
        try:
            report = self._load()
        except BaseException:
            self._release()
            raise
        self._db = TinyDB(storage=lambda: _MemoryStorage(self))
        self.report = report
        return report

    def _load(self) -> OpenReport:
        report = OpenReport(path=self.path)
        if not self.readonly:
            for leftover in self.data_dir.glob(DATA_FILE + ".tmp-*"):
                with contextlib.suppress(OSError):
                    leftover.unlink()
        if not self.path.exists():
            report.created = True
            self._data = {META: {"schema_version": SCHEMA_VERSION}}
            if not self.readonly:
                self._persist()
            return report
        data, reason = _read_json(self.path)
        if reason is None:
            reason = _check_shape(data)
        if reason is None:
            version = data.get(META, {}).get("schema_version", 0)
            if version > SCHEMA_VERSION:
                raise StoreUnreadable(
                    "store.too_new", found=version, supported=SCHEMA_VERSION, path=str(self.path)
                )
            self._data = data
            if version < SCHEMA_VERSION:
                report.migrated_from = version
                self._migrate(version)
            return report
        return self._recover(report, reason)

    def _migrate(self, version: int) -> None:
        if not self.readonly:
            self.backup_now()
        data = self._data
        while version < SCHEMA_VERSION:
            data = MIGRATIONS[version](data)
            version += 1
        data[META]["schema_version"] = SCHEMA_VERSION
        self._data = data
        if not self.readonly:
            self._persist()

    def _recover(self, report: OpenReport, reason: str) -> OpenReport:
        report.reason = reason
        stamp = dt.datetime.fromtimestamp(self._clock()).strftime("%Y%m%d-%H%M%S")
        if self.readonly:
            report.kept_corrupt = self.path
        else:
            kept = self.path.with_name(f"{DATA_FILE}.corrupt-{stamp}")
            n = 1
            while kept.exists():
                kept = self.path.with_name(f"{DATA_FILE}.corrupt-{stamp}-{n}")
                n += 1
            os.replace(self.path, kept)
            report.kept_corrupt = kept
        for info in self.backups():
            data, bad = _read_json(info.path)
            if bad is None and _check_shape(data) is None:
                version = data.get(META, {}).get("schema_version", 0)
                if version > SCHEMA_VERSION:
                    continue
                self._data = data
                report.recovered_from = info.path
                if version < SCHEMA_VERSION:
                    report.migrated_from = version
                    self._migrate(version)
                break
        else:
            self._data = {META: {"schema_version": SCHEMA_VERSION}}
        if not self.readonly:
            self._persist(backup=False)
        return report

    # -- tinydb access ---------------------------------------------------------------------------

    @property
    def db(self) -> TinyDB:
        if self._db is None:
            raise StoreError(detail="store is not open")
        return self._db

    def table(self, name: str) -> Table:
        return self.db.table(name, cache_size=0)

    @property
    def meta(self) -> dict[str, Any]:
        return self._data.setdefault(META, {"schema_version": SCHEMA_VERSION})

    # -- writing ---------------------------------------------------------------------------------

    @contextlib.contextmanager
    def deferred(self) -> Iterator[None]:
        """Group several changes into one file write at the end of the block."""
        self._defer += 1
        try:
            yield
        finally:
            self._defer -= 1
            if self._defer == 0 and self._lazy == 0 and self._dirty:
                self._persist()

    @contextlib.contextmanager
    def lazily(self) -> Iterator[None]:
        """Changes made here (usage counters) are written with the next write or ``flush()``."""
        self._lazy += 1
        try:
            yield
        finally:
            self._lazy -= 1

    @property
    def dirty(self) -> bool:
        return self._dirty

    def flush(self) -> None:
        if self._dirty and not self.readonly:
            self._persist()

    def _on_tinydb_write(self, data: Data) -> None:
        self._data = data
        self._dirty = True
        if self._defer == 0 and self._lazy == 0:
            self._persist()

    def _persist(self, backup: bool = True) -> None:
        if self.readonly:
            raise StoreError("store.readonly")
        meta = self.meta
        meta["schema_version"] = SCHEMA_VERSION
        meta["saved"] = self._clock()
        tmp = self.path.with_name(f"{DATA_FILE}.tmp-{os.getpid()}")
        try:
            payload = json.dumps(self._data, ensure_ascii=False, separators=(",", ":"))
            with open(tmp, "w", encoding="utf-8") as fh:
                fh.write(payload)
                fh.flush()
                if self._fsync:
                    os.fsync(fh.fileno())
            if backup and self.path.exists() and self._backup_due():
                self._snapshot()
            os.replace(tmp, self.path)
            if self._fsync:
                _fsync_dir(self.data_dir)
        except OSError as exc:
            with contextlib.suppress(OSError):
                tmp.unlink()
            raise StoreError("store.write_failed", detail=exc.strerror or str(exc)) from exc
        self._dirty = False

    # -- backups ---------------------------------------------------------------------------------

    def _backup_due(self) -> bool:
        return self._clock() - self._last_backup >= self._policy.min_interval

    def backup_now(self) -> Path | None:
        """Keep a copy of the file as it is on disk now (before imports, restores, migrations)."""
        if self.readonly or not self.path.exists():
            return None
        return self._snapshot()

    def _snapshot(self) -> Path:
        self.backup_dir.mkdir(exist_ok=True)
        now = self._clock()
        name = "quickreply-" + dt.datetime.fromtimestamp(now).strftime("%Y%m%d-%H%M%S-%f") + ".json"
        target = self.backup_dir / name
        try:
            # The current file is never written in place (only replaced), so a hard link is a
            # complete, free copy of it.
            os.link(self.path, target)
        except OSError:
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
        found = self._backup_paths()
        keep = {p for _, p in found[: self._policy.keep_versions]}
        horizon = self._clock() - self._policy.keep_days * 86400
        days_seen: set[str] = set()
        for t, p in found:
            day = dt.datetime.fromtimestamp(t).strftime("%Y%m%d")
            if t >= horizon and day not in days_seen:
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
        try:
            if self._dirty and not self.readonly:
                self._persist()
        finally:
            self._release()

    def _release(self) -> None:
        if self._lock is not None:
            self._lock.release()
            self._lock = None

    def __enter__(self) -> Store:
        if self._db is None:
            self.open()
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


def _fsync_dir(path: Path) -> None:
    """Make the rename itself durable (POSIX); Windows has no directory handles for this."""
    if os.name != "posix":
        return
    fd = os.open(path, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)
