"""Starting the platform backend chosen for this system, or a stand-in that says why there is none."""

from __future__ import annotations

import logging
from collections.abc import Callable, Mapping
from typing import TypeVar

from desktop.core.i18n import Translator
from desktop.platform.messages import PLATFORM_MESSAGES

T = TypeVar("T")


def start_backend(kind: str | None, reason: str, builders: Mapping[str, Callable[[], T]],
                  fallback: Callable[[str], T], *, feature: str, backend: str, log: logging.Logger) -> T:
    """``builders[kind]()``, or ``fallback(why)`` when ``kind`` is None or the builder raises; never raises.

    ``feature`` ("global hotkeys") and ``backend`` ("global hotkey backend") name it in the log.
    """
    if kind is None:
        log.warning("%s unavailable: %s", feature, english(reason))
        return fallback(reason)
    try:
        built = builders[kind]()
    except Exception as exc:  # an import error, no X connection, a hook the OS refused
        why = first_line(exc)
        log.warning("%s %s failed to start, using none: %s", backend, kind, why)
        return fallback(why)
    log.info("%s: %s", backend, getattr(built, "name", kind))
    return built


def english(reason: str) -> str:
    """A reason for the log: the English text of a message key, or the text itself."""
    return Translator("en", PLATFORM_MESSAGES)(reason)


def first_line(exc: BaseException) -> str:
    lines = str(exc).strip().splitlines()
    return f"{type(exc).__name__}: {lines[0]}" if lines else type(exc).__name__
