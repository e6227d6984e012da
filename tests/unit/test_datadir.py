"""Where the library lives: --data-dir, QUICKREPLY_DATA_DIR, portable mode, or the OS default."""

from __future__ import annotations

from pathlib import Path

import pytest

from desktop.core.datadir import ENV_VAR, PORTABLE_MARKER, resolve_data_dir


@pytest.fixture
def portable(tmp_path: Path) -> Path:
    (tmp_path / PORTABLE_MARKER).write_text("")
    return tmp_path


def test_option_wins_over_everything(portable: Path, tmp_path: Path) -> None:
    assert resolve_data_dir(tmp_path / "opt", {ENV_VAR: "/env"}, portable) == tmp_path / "opt"


def test_environment_wins_over_portable(portable: Path) -> None:
    assert resolve_data_dir(None, {ENV_VAR: "/srv/qr"}, portable) == Path("/srv/qr")


def test_portable_marker_puts_data_beside_the_program(portable: Path) -> None:
    assert resolve_data_dir(None, {}, portable) == portable / "data"


@pytest.mark.parametrize("explicit", [None, ""])
def test_os_default_without_anything(tmp_path: Path, explicit: str | None) -> None:
    found = resolve_data_dir(explicit, {ENV_VAR: ""}, tmp_path)  # no marker: not portable
    assert found.name == "QuickReply" and found.is_absolute()


def test_home_is_expanded(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setenv("HOME", str(tmp_path))
    assert resolve_data_dir("~/qr", {}) == tmp_path / "qr"
    assert resolve_data_dir(None, {ENV_VAR: "~/env"}) == tmp_path / "env"
