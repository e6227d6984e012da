"""User settings: a typed record kept in the library file, with IT-locked values layered on top."""

from __future__ import annotations

from collections.abc import MutableMapping
from dataclasses import asdict, dataclass, field, fields
from typing import TYPE_CHECKING, Any

from desktop.core.i18n import SUPPORTED_LOCALES, normalise_locale

if TYPE_CHECKING:
    from desktop.core.store import Store

PLATFORMS = ("taobao", "tmall", "jd", "pdd", "douyin", "other")
PASTE_METHODS = ("ctrl_v", "shift_insert", "type")
THEMES = ("system", "light", "dark")
SETTINGS_TABLE = "settings"
# Chosen to avoid known clashes: Alt+Space (window menu), Win+V (clipboard history),
# Ctrl+Shift+V (paste plain in many apps), Ctrl+` (editors' terminals).
DEFAULT_HOTKEY = "ctrl+alt+q"


@dataclass
class Settings:
    locale: str = ""  # empty: follow the system
    shop_name: str = ""
    agent_name: str = ""
    platform: str = "taobao"
    official_channels: list[str] = field(default_factory=list)
    official_domains: list[str] = field(default_factory=list)
    global_hotkey: str = DEFAULT_HOTKEY
    hotkeys_paused: bool = False
    auto_paste: bool = False
    paste_method: str = "ctrl_v"
    paste_delay_ms: int = 50
    restore_clipboard: bool = False
    always_on_top: bool = True
    keep_open_after_copy: bool = False
    opacity: float = 1.0
    font_size: int = 0  # 0: the system's
    theme: str = "system"
    risk_extra_words: list[dict[str, str]] = field(default_factory=list)
    risk_allow_words: list[str] = field(default_factory=list)
    team_library: str = ""
    window_geometry: dict[str, list[int]] = field(default_factory=dict)  # per screen name

    def cleaned(self) -> Settings:
        """Out-of-range values (hand-edited files, older versions) fall back to defaults."""
        d = Settings()
        if self.locale not in ("", *SUPPORTED_LOCALES):
            self.locale = normalise_locale(self.locale) if self.locale.strip() else ""
        if self.platform not in PLATFORMS:
            self.platform = d.platform
        if self.paste_method not in PASTE_METHODS:
            self.paste_method = d.paste_method
        if self.theme not in THEMES:
            self.theme = d.theme
        self.paste_delay_ms = max(0, min(int(self.paste_delay_ms), 2000))
        self.opacity = max(0.3, min(float(self.opacity), 1.0))
        self.font_size = max(0, min(int(self.font_size), 40))
        return self

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Settings:
        known = {f.name: f for f in fields(cls)}
        kwargs: dict[str, Any] = {}
        defaults = cls()
        for k, v in data.items():
            if k not in known:
                continue
            default = getattr(defaults, k)
            if isinstance(v, bool) and not isinstance(default, bool):
                continue  # JSON true/false in a number field is a mistake, not 1/0
            if isinstance(default, float) and isinstance(v, int):
                kwargs[k] = float(v)
            elif isinstance(v, type(default)) and _items_ok(k, v):
                kwargs[k] = v
        return cls(**kwargs).cleaned()

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


# Element types of the list settings: a hand-edited file may hold anything inside them.
_STR_LISTS = {"official_channels", "official_domains", "risk_allow_words"}


def _items_ok(name: str, value: Any) -> bool:
    if name in _STR_LISTS:
        return all(isinstance(x, str) for x in value)
    if name == "risk_extra_words":
        return all(isinstance(x, dict) and all(isinstance(v, str) for v in x.values()) for x in value)
    if name == "window_geometry":
        return all(isinstance(v, list) and all(isinstance(n, int) for n in v) for v in value.values())
    return True


class SettingsStore:
    """Reads and writes Settings in the library file; ``locked`` names fields IT has fixed."""

    def __init__(self, store: Store, *, overrides: dict[str, Any] | None = None,
                 locked: set[str] | None = None) -> None:
        self._store = store
        self._overrides = overrides or {}
        self.locked = set(locked or ())

    def load(self) -> Settings:
        docs = self._store.table(SETTINGS_TABLE).all()
        data = dict(docs[0]) if docs else {}
        for k, v in self._overrides.items():
            if k in self.locked or k not in data:
                data[k] = v
        return Settings.from_dict(data)

    def save(self, settings: Settings) -> None:
        """Store only what differs from the defaults (IT's included), so a default IT changes
        later still reaches every user who never chose otherwise; locked values are never saved over."""
        base = Settings.from_dict({**Settings().to_dict(), **self._overrides}).to_dict()
        data = {k: v for k, v in settings.cleaned().to_dict().items()
                if k not in self.locked and v != base.get(k)}

        def replace_all(doc: MutableMapping[str, Any]) -> None:
            doc.clear()
            doc.update(data)

        table = self._store.table(SETTINGS_TABLE)
        docs = table.all()
        for k in self.locked:  # the user's own earlier choice comes back if IT unlocks it
            if docs and k in docs[0]:
                data[k] = docs[0][k]
        if docs:
            table.update(replace_all, doc_ids=[docs[0].doc_id])
        else:
            table.insert(data)
