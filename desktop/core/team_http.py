"""Fetching the team library over HTTP(S) with urllib: conditional GET, timeout, complete bodies only."""

from __future__ import annotations

import http.client
import urllib.error
import urllib.request
from dataclasses import dataclass, field
from typing import Protocol

from desktop.core.exchange_reasons import Reason, os_reason


@dataclass
class FetchResponse:
    status: int  # 200, 304 …
    headers: dict[str, str] = field(default_factory=dict)  # names in lower case
    body: bytes = b""


class FetchFailed(Exception):
    """The server could not be reached or sent an incomplete answer; ``detail`` says which."""

    def __init__(self, detail: Reason | str) -> None:
        super().__init__(str(detail))
        self.detail = detail


class Fetch(Protocol):
    def __call__(self, url: str, headers: dict[str, str], timeout: float) -> FetchResponse: ...


def urllib_fetch(url: str, headers: dict[str, str], timeout: float) -> FetchResponse:
    """GET ``url``; 304 comes back as a response, other failures raise FetchFailed."""
    request = urllib.request.Request(url, headers={"User-Agent": "QuickReply", **headers})
    try:
        with urllib.request.urlopen(request, timeout=timeout) as resp:
            body = resp.read()
            got = {k.lower(): v for k, v in resp.headers.items()}
            status = resp.status
    except urllib.error.HTTPError as exc:
        if exc.code == 304:
            return FetchResponse(status=304, headers={k.lower(): v for k, v in exc.headers.items()})
        raise FetchFailed(Reason("reason.http", status=exc.code)) from None
    except http.client.IncompleteRead as exc:
        # The server promised more bytes (Content-Length) than it sent: a cut-off download.
        raise FetchFailed(Reason("reason.incomplete", got=len(exc.partial))) from None
    except (urllib.error.URLError, http.client.HTTPException, OSError, ValueError) as exc:
        raise FetchFailed(_reason(exc)) from None
    expected = got.get("content-length")
    if expected is not None and expected.isdigit() and int(expected) != len(body):
        raise FetchFailed(Reason("reason.incomplete", got=len(body)))
    return FetchResponse(status=status, headers=got, body=body)


def _reason(exc: Exception) -> Reason:
    """Why a request failed, in words of the program rather than of the network library."""
    inner = getattr(exc, "reason", None)  # URLError wraps the socket's error
    if isinstance(inner, OSError):
        exc = inner
    if isinstance(exc, OSError) and (exc.errno is not None or isinstance(exc, TimeoutError)):
        return os_reason(exc)
    if isinstance(exc, ValueError):
        return Reason("reason.bad_address")
    return Reason("reason.unreachable")
