"""The IT configuration file (quickreply.ini): pre-filled and optionally locked settings for a site.

Looked for beside the program, then in the system config folder. Example::

    [settings]
    shop_name = 示例旗舰店
    platform = tmall
    team_library = \\\\nas\\cs\\team-pack.json
    official_channels = 400-800-1234
    locale = zh_CN

    [lock]
    settings = platform, team_library
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field, fields
from pathlib import Path
from typing import Any

from desktop.core.errors import QuickReplyError
from desktop.core.settings import Settings

CONFIG_NAME = "quickreply.ini"


@dataclass
class ItConfig:
    overrides: dict[str, Any] = field(default_factory=dict)
    locked: set[str] = field(default_factory=set)
    source: Path | None = None
    warnings: list[str] = field(default_factory=list)


def _convert(name: str, raw: str, default: Any) -> Any:
    if isinstance(default, bool):
        value = raw.strip().lower()
        if value in ("1", "true", "yes", "on", "是"):
            return True
        if value in ("0", "false", "no", "off", "否"):
            return False
        raise ValueError(f"{name}: expected yes/no, got {raw!r}")
    try:
        if isinstance(default, int):
            return int(raw.strip())
        if isinstance(default, float):
            return float(raw.strip())
    except ValueError:
        # Name the setting: "invalid literal for int()" means nothing to the person fixing the file.
        raise ValueError(f"{name}: expected a number, got {raw!r}") from None
    if isinstance(default, list):
        parts = [p.strip() for line in raw.splitlines() for p in line.split(",")]
        return [p for p in parts if p]
    return raw.strip()


def parse_it_config(text: str, source: Path | None = None) -> ItConfig:
    """Reads the file's text; unknown keys and bad values become warnings, never a failed start."""
    import configparser  # only when a site has the file: most starts never need it

    parser = configparser.ConfigParser(interpolation=None)
    try:
        parser.read_string(text)
    except configparser.Error as exc:
        raise QuickReplyError("itconfig.invalid", path=str(source or CONFIG_NAME),
                              detail=str(exc).splitlines()[0]) from exc
    defaults = Settings()
    known = {f.name for f in fields(Settings)}
    config = ItConfig(source=source)
    if parser.has_section("settings"):
        for name, raw in parser.items("settings"):
            if name not in known:
                config.warnings.append(f"unknown setting {name!r}")
                continue
            try:
                config.overrides[name] = _convert(name, raw, getattr(defaults, name))
            except ValueError as exc:
                config.warnings.append(str(exc))
    if parser.has_section("lock"):
        raw_locked = parser.get("lock", "settings", fallback="")
        for name in (p.strip() for p in raw_locked.replace("\n", ",").split(",")):
            if name in known:
                config.locked.add(name)
            elif name:
                config.warnings.append(f"cannot lock unknown setting {name!r}")
    return config


def find_it_config(search_dirs: Iterable[Path]) -> ItConfig:
    """The first quickreply.ini found in ``search_dirs`` (program folder first), else an empty config."""
    for directory in search_dirs:
        path = directory / CONFIG_NAME
        if path.is_file():
            try:
                text = path.read_text(encoding="utf-8-sig")
            except (OSError, UnicodeDecodeError) as exc:
                raise QuickReplyError("itconfig.invalid", path=str(path), detail=str(exc)) from exc
            return parse_it_config(text, path)
    return ItConfig()


def system_config_dirs() -> list[Path]:
    """Where IT may put quickreply.ini for every user of the machine."""
    from platformdirs import site_config_dir

    return [Path(site_config_dir("QuickReply", appauthor=False))]
