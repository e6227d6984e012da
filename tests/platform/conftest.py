"""Fixtures of the platform contract tests: Qt offscreen in this process, a virtual X server for
the real backends."""

from __future__ import annotations

import os
from collections.abc import Iterator

import pytest

from tests.xserver import XServer, require, start_xvfb

# Qt in the test process never needs a screen; real X work happens on the Xvfb fixture.
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")


@pytest.fixture(scope="module")
def xserver() -> Iterator[XServer]:
    """A fresh Xvfb for the module, DISPLAY pointing at it in this process while it runs."""
    require("xdotool", "xclip")
    server = start_xvfb()
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("DISPLAY", server.display)
        patch.delenv("WAYLAND_DISPLAY", raising=False)
        try:
            yield server
        finally:
            server.stop()
