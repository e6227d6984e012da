"""Errors a person reads: each carries a message key and parameters, rendered in their language."""

from __future__ import annotations

from collections.abc import Iterable

from desktop.core.i18n import Translator
from desktop.core.messages import MESSAGES

_ENGLISH = Translator("en", MESSAGES)


class QuickReplyError(Exception):
    """Base error. ``message(tr)`` renders it for the user; ``str()`` gives English for logs."""

    key = "error.generic"

    def __init__(self, key: str | None = None, **params: object) -> None:
        self.key = key or self.key
        self.params = params
        super().__init__(self.key)

    def message(self, tr: Translator) -> str:
        return tr(self.key, **self.params)

    def __str__(self) -> str:
        return self.message(_ENGLISH)


class FieldError(QuickReplyError):
    """One invalid field of a phrase or scenario (shown next to that field in the editor)."""

    def __init__(self, field: str, key: str, **params: object) -> None:
        super().__init__(key, **params)
        self.field = field


class ValidationFailed(QuickReplyError):
    """One or more invalid fields; ``errors`` lists them, the message joins them."""

    key = "error.validation"

    def __init__(self, errors: Iterable[FieldError]) -> None:
        self.errors = list(errors)
        super().__init__(self.key)

    def message(self, tr: Translator) -> str:
        return "\n".join(e.message(tr) for e in self.errors)

    def by_field(self) -> dict[str, FieldError]:
        return {e.field: e for e in self.errors}


class NotFound(QuickReplyError):
    key = "error.not_found"


class StoreError(QuickReplyError):
    key = "error.store"


class StoreLocked(StoreError):
    key = "store.locked"


class StoreUnreadable(StoreError):
    key = "store.unreadable"


class PackError(QuickReplyError):
    key = "pack.invalid"


class ClipboardUnavailable(QuickReplyError):
    key = "clipboard.unavailable"
