"""The team library: a lead publishes a pack to a shared folder or web server; agents subscribe read-only.

The subscriber keeps the last good copy in its cache folder, so a broken, half-copied or
unreachable team file never takes the team phrases away: it is reported and the copy stays in use.
"""

from __future__ import annotations

import datetime as dt
import json
import os
import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from desktop.core.errors import QuickReplyError
from desktop.core.exchange_items import ExchangeError, exchange_translator
from desktop.core.exchange_json import build_pack
from desktop.core.exchange_reasons import Reason, os_reason
from desktop.core.i18n import Translator, system_locale
from desktop.core.library import PhraseLibrary, SearchKeyer
from desktop.core.model import Phrase, Scenario
from desktop.core.packs import Pack, parse_pack
from desktop.core.team_http import Fetch, FetchFailed, urllib_fetch

TEAM_FILE = "quickreply-team.json"
CACHE_PACK = "team-pack.json"
CACHE_STATE = "team-state.json"
CACHE_USAGE = "team-usage.json"
CACHE_KEYS = "team-keys.json"
TEAM_PREFIX = "team:"


# -- publishing ------------------------------------------------------------------------------------

def publish_team_pack(library: PhraseLibrary, path_or_dir: Path | str, scenarios: Iterable[str] | None = None,
                      *, name: str = "", locale: str = "", clock: Callable[[], float] = time.time,
                      attempts: int = 5, wait: Callable[[float], None] = time.sleep) -> Path:
    """Write the team pack atomically (temp file beside it, then ``os.replace``); returns its path.

    Where it goes is decided by :func:`team_file_for`. Hotkeys and pins are personal, so they are
    left out. On Windows shares a reader holding the old file open makes the replace fail for a
    moment: it is retried a few times.
    """
    target = team_file_for(path_or_dir)
    pack = build_pack(library, scenarios=scenarios, name=name or "Team", locale=locale, hotkeys=False)
    doc = pack.to_json()
    doc["published"] = clock()
    payload = json.dumps(doc, ensure_ascii=False, indent=1).encode("utf-8")
    tmp = target.with_name(f".{target.name}.tmp-{os.getpid()}")
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        with open(tmp, "wb") as fh:
            fh.write(payload)
            fh.flush()
            os.fsync(fh.fileno())
        for attempt in range(attempts):
            try:
                os.replace(tmp, target)
                break
            except PermissionError:
                if attempt == attempts - 1:
                    raise
                wait(0.2)
    except OSError as exc:
        try:
            tmp.unlink()
        except OSError:
            pass
        raise ExchangeError("team.publish_failed", path=str(target), detail=os_reason(exc)) from None
    return target


def team_file_for(path_or_dir: Path | str) -> Path:
    """The file a publish writes: a path ending in ``.json`` is that file; an existing folder, or a
    path without a suffix, is a folder (created when missing) that holds ``quickreply-team.json``.

    Anything else (``team.txt``) is refused rather than guessed at: subscribers would look for the
    file under another name.
    """
    path = Path(path_or_dir)
    if path.suffix.lower() == ".json" and not path.is_dir():
        return path
    if path.is_dir() or not path.suffix:
        return path / TEAM_FILE
    raise ExchangeError("team.publish_target", path=str(path), name=TEAM_FILE)


def copy_to_personal(library: PhraseLibrary, team_phrase: Phrase, scenario: str) -> Phrase:
    """Make an editable personal copy of a team phrase (under a free code if its code is taken)."""
    try:
        sid = library.scenario(scenario).id
    except QuickReplyError:
        sid = library.add_scenario(scenario).id
    return library.add_phrase(sid, library.free_code(team_phrase.code), team_phrase.title, team_phrase.text,
                              tags=list(team_phrase.tags), source="user")


# -- subscribing -----------------------------------------------------------------------------------

@dataclass
class TeamUpdate:
    """The outcome of one ``refresh``: whether the phrases changed, and any warning to show."""

    changed: bool
    phrases: list[Phrase]
    warning: str | None = None  # already in the user's language
    problem: QuickReplyError | None = None  # the same, to render again in another language
    loaded_at: float | None = None  # when the copy in use was fetched


@dataclass
class _State:
    source: str = ""
    etag: str | None = None
    last_modified: str | None = None
    mtime_ns: int | None = None
    size: int | None = None
    loaded_at: float | None = None

    @classmethod
    def from_json(cls, data: Any) -> _State:
        if not isinstance(data, dict):
            return cls()
        known = {k: data[k] for k in cls.__dataclass_fields__ if k in data}
        try:
            return cls(**known)
        except TypeError:
            return cls()


@dataclass
class _Loaded:
    pack: Pack
    raw: bytes
    scenarios: list[Scenario] = field(default_factory=list)
    phrases: list[Phrase] = field(default_factory=list)


class TeamSubscription:
    """Read-only team phrases from a shared path (SMB/NAS) or an http(s) URL.

    ``refresh()`` is cheap when nothing changed (a ``stat`` or a 304), so the window can call it
    on a timer — off the GUI thread, since a slow share or server can take up to ``timeout``
    seconds. Usage of team phrases is counted here, in the cache folder.
    """

    def __init__(self, source: str, cache_dir: Path | str, *, fetch: Fetch = urllib_fetch,
                 tr: Translator | None = None, keyer: SearchKeyer | None = None,
                 clock: Callable[[], float] = time.time, timeout: float = 10.0) -> None:
        self.source = source.strip()
        self.cache_dir = Path(cache_dir)
        self._fetch = fetch
        self._tr = tr or exchange_translator(system_locale())
        self._keyer = keyer
        self._clock = clock
        self._timeout = timeout
        self._is_url = self.source.lower().startswith(("http://", "https://"))
        self._state = _State(source=self.source)
        self._loaded: _Loaded | None = None
        self._failed_stat: tuple[int, int] | None = None
        self._last_problem: QuickReplyError | None = None
        self._usage = self._read_usage()
        self._load_cache()

    # -- reading ---------------------------------------------------------------------------------

    def phrases(self) -> list[Phrase]:
        return list(self._loaded.phrases) if self._loaded else []

    def scenarios(self) -> list[Scenario]:
        return list(self._loaded.scenarios) if self._loaded else []

    def phrase(self, phrase_id: str) -> Phrase | None:
        for p in self.phrases():
            if p.id == phrase_id:
                return p
        return None

    @property
    def loaded_at(self) -> float | None:
        return self._state.loaded_at if self._loaded else None

    # -- refreshing ------------------------------------------------------------------------------

    def refresh(self) -> TeamUpdate:
        if not self.source:
            return TeamUpdate(changed=False, phrases=[])
        try:
            raw, meta = self._fetch_url() if self._is_url else self._read_path()
        except _Problem as exc:
            return self._warn(exc.error)
        if raw is None:  # unchanged
            problem = self._last_problem if self._failed_stat is not None else None
            return self._update(False, problem)
        try:
            loaded = self._parse(raw)
        except ExchangeError as exc:
            if not self._is_url:
                self._failed_stat = (int(meta.get("mtime_ns", 0)), int(meta.get("size", 0)))
            return self._warn(ExchangeError("team.broken", source=self.source, detail=exc.params.get(
                "detail", ""), when=self._when()))
        self._failed_stat = None
        self._last_problem = None
        self._state = _State(source=self.source, etag=meta.get("etag"),
                             last_modified=meta.get("last_modified"),
                             mtime_ns=meta.get("mtime_ns"), size=meta.get("size"), loaded_at=self._clock())
        self._loaded = loaded
        self._save_cache(raw)
        return self._update(True, None)

    def _read_path(self) -> tuple[bytes | None, dict[str, Any]]:
        path = Path(self.source)
        try:
            st = path.stat()
        except OSError as exc:
            raise _Problem(self._unreachable(os_reason(exc))) from None
        stamp = (st.st_mtime_ns, st.st_size)
        unchanged_good = self._loaded is not None and (self._state.mtime_ns, self._state.size) == stamp
        if unchanged_good or stamp == self._failed_stat:
            return None, {}
        try:
            raw = path.read_bytes()
        except OSError as exc:
            raise _Problem(self._unreachable(os_reason(exc))) from None
        return raw, {"mtime_ns": st.st_mtime_ns, "size": st.st_size}

    def _fetch_url(self) -> tuple[bytes | None, dict[str, Any]]:
        headers = {}
        if self._loaded is not None:
            if self._state.etag:
                headers["If-None-Match"] = self._state.etag
            if self._state.last_modified:
                headers["If-Modified-Since"] = self._state.last_modified
        try:
            resp = self._fetch(self.source, headers, self._timeout)
        except FetchFailed as exc:
            raise _Problem(self._unreachable(exc.detail)) from None
        if resp.status == 304:
            if self._loaded is None:  # a 304 with nothing cached would leave us empty: ask again in full
                try:
                    resp = self._fetch(self.source, {}, self._timeout)
                except FetchFailed as exc:
                    raise _Problem(self._unreachable(exc.detail)) from None
            else:
                return None, {}
        if resp.status != 200:
            raise _Problem(self._unreachable(Reason("reason.http", status=resp.status)))
        meta = {"etag": resp.headers.get("etag"), "last_modified": resp.headers.get("last-modified")}
        return resp.body, meta

    def _parse(self, raw: bytes) -> _Loaded:
        try:
            data = json.loads(raw.decode("utf-8-sig"))
        except UnicodeDecodeError:
            raise ExchangeError("import.unreadable", detail=Reason("reason.not_utf8")) from None
        except json.JSONDecodeError as exc:
            detail = Reason("reason.json_line", line=exc.lineno)
            raise ExchangeError("import.unreadable", detail=detail) from None
        except RecursionError:
            raise ExchangeError("import.unreadable", detail=Reason("reason.too_deep")) from None
        try:
            pack = parse_pack(data, self.source)
        except QuickReplyError as exc:
            raise ExchangeError("import.unreadable", detail=str(exc.params.get("detail", ""))) from None
        return self._build(pack, raw)

    def _build(self, pack: Pack, raw: bytes) -> _Loaded:
        loaded = _Loaded(pack=pack, raw=raw)
        keys = self._read_keys()
        new_keys: dict[str, Any] = {}
        for order, sc in enumerate(pack.scenarios):
            sid = TEAM_PREFIX + sc.id
            loaded.scenarios.append(Scenario(id=sid, name=sc.name, order=order, icon=sc.icon))
            for i, pp in enumerate(sc.phrases):
                uses, last_used = self._usage.get(pp.code, (0, None))
                p = Phrase(id=TEAM_PREFIX + pp.code, scenario=sid, code=pp.code, title=pp.title, text=pp.text,
                           tags=list(pp.tags), source="team", order=i, uses=uses, last_used=last_used)
                if self._keyer is not None:
                    fingerprint = [p.title, p.text, p.tags]
                    cached = keys.get(pp.code)
                    if isinstance(cached, list) and len(cached) == 2 and cached[0] == fingerprint:
                        p.search_key = dict(cached[1])
                    else:
                        p.search_key = self._keyer.phrase_key(p)
                    new_keys[pp.code] = [fingerprint, p.search_key]
                loaded.phrases.append(p)
        if self._keyer is not None and new_keys != keys:
            self._write_json(CACHE_KEYS, {"version": self._keyer.version, "keys": new_keys})
        return loaded

    # -- problems --------------------------------------------------------------------------------

    def _when(self) -> str:
        if self._loaded is None or self._state.loaded_at is None:
            return self._tr("team.never_loaded")
        return dt.datetime.fromtimestamp(self._state.loaded_at).strftime("%Y-%m-%d %H:%M")

    def _unreachable(self, detail: Reason | str) -> QuickReplyError:
        return ExchangeError("team.unreachable", source=self.source, detail=detail, when=self._when())

    def _warn(self, problem: QuickReplyError) -> TeamUpdate:
        self._last_problem = problem
        return self._update(False, problem)

    def _update(self, changed: bool, problem: QuickReplyError | None) -> TeamUpdate:
        return TeamUpdate(changed=changed, phrases=self.phrases(),
                          warning=problem.message(self._tr) if problem else None, problem=problem,
                          loaded_at=self.loaded_at)

    # -- usage -----------------------------------------------------------------------------------

    def record_use(self, phrase_id: str) -> Phrase | None:
        """Count a copy of a team phrase (kept by code, so it survives new versions of the pack)."""
        p = self.phrase(phrase_id)
        if p is None:
            return None
        p.uses += 1
        p.last_used = self._clock()
        self._usage[p.code] = (p.uses, p.last_used)
        self._write_json(CACHE_USAGE, {code: [u, t] for code, (u, t) in self._usage.items()})
        return p

    def _read_usage(self) -> dict[str, tuple[int, float | None]]:
        data = self._read_json(CACHE_USAGE)
        out: dict[str, tuple[int, float | None]] = {}
        if isinstance(data, dict):
            for code, value in data.items():
                if isinstance(value, list) and len(value) == 2 and isinstance(value[0], int):
                    out[str(code)] = (value[0], value[1] if isinstance(value[1], int | float) else None)
        return out

    # -- the cache folder ------------------------------------------------------------------------

    def _load_cache(self) -> None:
        state = _State.from_json(self._read_json(CACHE_STATE))
        if state.source != self.source:
            return  # the cache belongs to another team library (IT changed the setting)
        try:
            raw = (self.cache_dir / CACHE_PACK).read_bytes()
            loaded = self._parse(raw)
        except (OSError, ExchangeError):
            return
        self._state = state
        self._loaded = loaded

    def _save_cache(self, raw: bytes) -> None:
        self._write_bytes(CACHE_PACK, raw)
        self._write_json(CACHE_STATE, self._state.__dict__)

    def _read_keys(self) -> dict[str, Any]:
        data = self._read_json(CACHE_KEYS)
        if self._keyer is None or not isinstance(data, dict) or data.get("version") != self._keyer.version:
            return {}
        keys = data.get("keys")
        return keys if isinstance(keys, dict) else {}

    def _read_json(self, name: str) -> Any:
        try:
            return json.loads((self.cache_dir / name).read_text(encoding="utf-8"))
        except (OSError, ValueError):
            return None

    def _write_json(self, name: str, value: Any) -> None:
        self._write_bytes(name, json.dumps(value, ensure_ascii=False).encode("utf-8"))

    def _write_bytes(self, name: str, payload: bytes) -> None:
        # The cache is a convenience: failing to write it must never break the window.
        try:
            self.cache_dir.mkdir(parents=True, exist_ok=True)
            target = self.cache_dir / name
            tmp = target.with_name(f".{name}.tmp-{os.getpid()}")
            tmp.write_bytes(payload)
            os.replace(tmp, target)
        except OSError:
            pass


class _Problem(Exception):
    def __init__(self, error: QuickReplyError) -> None:
        super().__init__(error.key)
        self.error = error
