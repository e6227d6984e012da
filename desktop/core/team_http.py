"""Fetching the team library over HTTP(S) with urllib: conditional GET, timeout, complete bodies only."""

from __future__ import annotations

import http.client
import urllib.error
import urllib.request
from dataclasses import dataclass, field
from typing import Protocol


@dataclass
class FetchResponse:
    status: int  # 200, 304 …
    headers: dict[str, str] = field(default_factory=dict)  # names in lower case
    body: bytes = b""


class FetchFailed(Exception):
    """The server could not be reached or sent an incomplete answer; ``detail`` says which."""

    def __init__(self, detail: str) -> None:
        super().__init__(detail)
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
        raise FetchFailed(f"HTTP {exc.code} {exc.reason}") from None
    except http.client.IncompleteRead as exc:
        # The server promised more bytes (Content-Length) than it sent: a cut-off download.
        raise FetchFailed(f"incomplete download ({len(exc.partial)} bytes)") from None
    except (urllib.error.URLError, http.client.HTTPException, OSError, ValueError) as exc:
        reason = getattr(exc, "reason", None) or exc
        raise FetchFailed(str(reason)[:200]) from None
    expected = got.get("content-length")
    if expected is not None and expected.isdigit() and int(expected) != len(body):
        raise FetchFailed(f"incomplete download ({len(body)} of {expected} bytes)")
    return FetchResponse(status=status, headers=got, body=body)
