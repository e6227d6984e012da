"""Bilingual (zh_CN first, en) message lookup shared by the core, the CLI and the window."""

from __future__ import annotations

import locale as _locale
import os
from collections.abc import Mapping

SUPPORTED_LOCALES = ("zh_CN", "en")
DEFAULT_LOCALE = "zh_CN"

# A catalogue maps a message key to its texts: {"key": {"zh_CN": "...", "en": "..."}}.
Catalogue = Mapping[str, Mapping[str, str]]


def normalise_locale(value: str | None) -> str:
    """Map anything that looks like a locale name (zh, zh-CN, zh_TW.UTF-8, en_US) to a supported one."""
    if not value:
        return DEFAULT_LOCALE
    v = value.strip().replace("-", "_").split(".")[0].lower()
    if v.startswith("zh"):
        return "zh_CN"
    if v.startswith("en") or v in ("c", "posix"):
        return "en"
    return DEFAULT_LOCALE


def system_locale(environ: Mapping[str, str] | None = None) -> str:
    """The user's locale from the environment (LC_ALL, LC_MESSAGES, LANG), else the OS default."""
    env = os.environ if environ is None else environ
    for var in ("LC_ALL", "LC_MESSAGES", "LANG", "LANGUAGE"):
        if env.get(var):
            return normalise_locale(env[var])
    try:
        found = _locale.getlocale()[0]
    except ValueError:
        found = None
    return normalise_locale(found)


class Translator:
    """Looks up a key in the given catalogues and formats it for one locale.

    A missing key falls back to English, then to the key itself, so a forgotten entry shows up
    as readable text instead of an exception in front of a user.
    """

    def __init__(self, locale: str, *catalogues: Catalogue) -> None:
        self._locale = normalise_locale(locale)
        self._catalogue: dict[str, Mapping[str, str]] = {}
        for cat in catalogues:
            self._catalogue.update(cat)

    @property
    def locale(self) -> str:
        return self._locale

    def with_locale(self, locale: str) -> Translator:
        other = Translator(locale)
        other._catalogue = self._catalogue
        return other

    def add(self, catalogue: Catalogue) -> None:
        self._catalogue.update(catalogue)

    def __call__(self, key: str, **params: object) -> str:
        entry = self._catalogue.get(key)
        if entry is None:
            text = key
        else:
            text = entry.get(self._locale) or entry.get("en") or key
        if params:
            try:
                return text.format(**params)
            except (KeyError, IndexError, ValueError):
                return text
        return text

    def __contains__(self, key: str) -> bool:
        return key in self._catalogue
