"""Opens a data folder as one unit (store, library, settings) and seeds a new one from a pack."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from desktop.core.library import PhraseLibrary, SearchKeyer
from desktop.core.model import default_scenario_name
from desktop.core.settings import Settings, SettingsStore
from desktop.core.store import OpenReport, Store

if TYPE_CHECKING:  # packs are read only to seed a new library
    from desktop.core.packs import Pack


def default_keyer() -> SearchKeyer:
    """The pinyin keyer (pypinyin itself is imported only when a key is computed)."""
    from desktop.core.pinyin import PinyinKeyer

    return PinyinKeyer()


@dataclass
class Session:
    store: Store
    library: PhraseLibrary
    settings_store: SettingsStore
    report: OpenReport
    seeded: Pack | None = None
    notices: list[str] = field(default_factory=list)

    @property
    def settings(self) -> Settings:
        return self.settings_store.load()

    def close(self) -> None:
        self.library.flush()
        self.store.close()


def seed_library(library: PhraseLibrary, pack: Pack) -> None:
    """Adds a pack's scenarios and phrases in one write (first start of a new data folder)."""
    with library.batch():
        for sc in pack.scenarios:
            scenario = library.add_scenario(sc.name, scenario_id=sc.id, icon=sc.icon)
            for p in sc.phrases:
                library.add_phrase(scenario.id, p.code, p.title, p.text, tags=p.tags,
                                   hotkey=p.hotkey, pinned=p.pinned, source="pack")


def open_session(
    data_dir: Path,
    *,
    locale: str,
    pack_for_locale: Callable[[str], Path],
    readonly: bool = False,
    lock_timeout: float = 0.0,
    keyer: SearchKeyer | None = None,
    settings_overrides: dict[str, object] | None = None,
    locked_settings: set[str] | None = None,
) -> Session:
    """Open (creating and seeding if new) the library in ``data_dir``.

    A read-only open of a folder that has no library yet opens it writable once, to seed it.
    """
    if readonly and not (data_dir / "quickreply.json").exists():
        readonly = False
    store = Store(data_dir, readonly=readonly, lock_timeout=lock_timeout, snapshots=True)
    report = store.open()
    try:
        settings_store = SettingsStore(store, overrides=settings_overrides, locked=locked_settings)
        library = PhraseLibrary(store, keyer=keyer or default_keyer(),
                                reserved_hotkeys=lambda: [settings_store.load().global_hotkey],
                                default_scenario_name=default_scenario_name(locale))
        seeded = None
        if report.created and not readonly:
            from desktop.core.packs import load_pack

            seeded = load_pack(pack_for_locale(locale))
            with library.batch():  # one write: the new file is never kept as a backup of itself
                seed_library(library, seeded)
                settings = settings_store.load()
                settings.locale = locale
                settings_store.save(settings)
    except BaseException:
        store.close()
        raise
    return Session(store=store, library=library, settings_store=settings_store, report=report,
                   seeded=seeded)
